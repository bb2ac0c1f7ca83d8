// A lesson question's answer, computed from the step's result by the engine and the
// explained sums (never read from the file), the common mistakes computed the same way,
// and the learner's answer judged against both.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/explain.h"
#include "app/model/lessons.h"

namespace convplay::app {

// Mistakes learners make, each with its own feedback (lessons_answer.cpp).
enum class Mistake {
  kConv2dFormula,         // ConvTranspose2d's size from Conv2d's formula
  kTransposedFormula,     // Conv2d's size from ConvTranspose2d's formula
  kForgotPlusOne,         // the size formula without its +1
  kForgotPadding,         // the size as if padding were 0
  kForgotOutputPadding,   // ConvTranspose2d's size without output_padding
  kOutputPaddingZeros,    // the extra row of output_padding believed to be zeros
  kKernelNotFlipped,      // the transposed sum with the kernel as stored, not rotated
  kForgotBias,
  kIgnoredStride,         // a cell the input pixel would reach with stride 1
  kOutputPaddingTooLarge, // output_padding >= max(stride, dilation)
};

// A wrong answer that a known mistake gives (for its kind: number, size or cell).
struct MistakenAnswer {
  Mistake mistake;
  double number = 0;
  IntPair size;
  std::vector<OutputCell> cells;
};

struct Expected {
  AnswerKind kind = AnswerKind::kNumber;
  double number = 0;
  IntPair size;
  std::vector<OutputCell> cells;  // reach: every right answer
  int choice = -1;
  Shape output_shape;  // [1, C, H, W]: a picked cell outside it is invalid, not wrong
  int max_output_padding = 0;  // output_padding_to_restore: PyTorch's bound (exclusive)
  std::vector<MistakenAnswer> mistakes;  // never equal to the right answer
};

// False (with *why) when the question has no answer in this result: a cell outside the
// output, a size no output_padding reaches, a choice index out of range.
bool expected_answer(const Question& question, const Result& result, Expected* out, std::string* why);

enum class AnswerStatus { kCorrect, kWrong, kInvalid };
const char* answer_status_key(AnswerStatus status);  // "correct", "wrong", "invalid"

struct Verdict {
  AnswerStatus status = AnswerStatus::kInvalid;
  std::string feedback;  // in the language asked for
};

// Judges `input` as a learner typed it: "3", "3.5", "4x4", "4×4", "4,4", "[0, 1, 2]" (a cell as
// c,y,x or y,x), a choice index. Numbers compare with a small tolerance. The feedback comes
// from `texts` (lessons/texts.json).
Verdict judge_answer(const Question& question, const Expected& expected, const std::string& input,
                     Lang lang, const LessonTexts& texts);

// The right answer as text ("4×4", "1.5", "(1, 2), (1, 3)", the choice), for "Show me".
std::string answer_text(const Question& question, const Expected& expected, Lang lang);

}  // namespace convplay::app
