// Lessons are data (lessons/NN-<id>.json, README "Lessons"): this reads and checks them.
// A step holds a playground state, prose in both languages, what to highlight and an
// optional question whose answer the engine computes (lessons_answer.h), never the file.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "app/model/document.h"
#include "app/model/view_state.h"

namespace convplay::app {

// One text, every language side by side ({"en": "...", "zh": "..."} in the file).
struct LangText {
  std::string en, zh;
  const std::string& in(Lang lang) const { return lang == Lang::kZh ? zh : en; }
};

// What a question asks; the answer's kind (CONTRACT.md §5) follows from it.
enum class Ask { kOutputSize, kOutputValue, kReach, kOutputPaddingToRestore, kChoice };
enum class AnswerKind { kNumber, kSize, kCell, kChoice };
AnswerKind answer_kind(Ask ask);
const char* answer_kind_key(AnswerKind kind);  // "number", "size", "cell", "choice"

struct Question {
  Ask ask = Ask::kChoice;
  LangText prompt;
  std::array<int, 3> cell{0, 0, 0};  // output_value: the output cell; reach: the input pixel [c, y, x]
  IntPair size;                      // output_padding_to_restore: the size to get back
  std::vector<LangText> choices;     // choice only
  int choice_answer = -1;            // choice only: the one answer a file gives
  std::vector<LangText> hints;
  LangText explanation;              // shown once answered (or shown)
};

struct Highlight {
  std::string grid;                         // "input" or "output" (for cells)
  std::vector<std::array<int, 3>> cells;    // [c, y, x]
  std::string formula;                      // a formula id (lessons_formula.h), or empty
  std::string panel;                        // a panel key (tab=), or empty
};

struct LessonStep {
  int line = 0;        // where the step starts in its file
  int state_line = 0;  // where its state is (errors about the state point there)
  int question_line = 0;
  std::string state;  // hash keys, e.g. "op=conv_transpose2d&in=2x2&k=3&tab=scatter"
  LangText text;
  Highlight highlight;
  bool has_question = false;
  Question question;
};

struct Lesson {
  std::string id;    // the file's name without its "NN-" and ".json"
  std::string file;  // as given to the loader, for messages
  LangText title;
  std::string notes; // for authors (TODOs), never shown
  std::vector<LessonStep> steps;
};

// The runtime's own texts (lessons/texts.json): answer feedback and the formulas' words,
// by key ("right", "mistake.forgot_plus_one", "as_conv.zeros", ...), both languages.
struct LessonTexts {
  std::vector<std::pair<std::string, LangText>> entries;
  // The text of `key` in `lang`, "{n}" replaced by `n` when given; the key itself if absent.
  std::string get(const std::string& key, Lang lang, const std::string& n = "") const;
};
// Reads texts.json: every key the runtime uses must be there, in both languages.
bool parse_lesson_texts(const std::string& text, const std::string& file, LessonTexts* out,
                        std::vector<std::string>* errors);
bool load_lesson_texts(const std::string& folder, LessonTexts* out, std::vector<std::string>* errors);

// Reads one lesson file's text. Every problem is appended to *errors as "file:line: what".
// Returns false when any was found (the lesson is then not to be shown).
bool parse_lesson(const std::string& text, const std::string& file, Lesson* out,
                  std::vector<std::string>* errors);

// The document and view a step shows: its state applied to the defaults. Returns false
// (and appends "file:line: ..." errors) when the state needed repair or the engine
// rejects it, or names keys a lesson may not set (lang, lesson, step).
bool step_page_state(const Lesson& lesson, const LessonStep& step, Document* doc, ViewState* view,
                     std::vector<std::string>* errors);

// Every lesson in `folder` (files NN-<id>.json, in name order; texts.json is not a lesson), each parsed and checked:
// state, highlight and computed answers. Lessons with errors are left out.
std::vector<Lesson> load_lessons(const std::string& folder, std::vector<std::string>* errors);

// The full check of a parsed lesson (what load_lessons runs): states, highlights and
// questions whose computed answer does not exist.
bool validate_lesson(const Lesson& lesson, std::vector<std::string>* errors);

}  // namespace convplay::app
