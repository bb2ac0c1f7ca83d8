// The lessons (lessons/*.json) and their runtime: every lesson loads in both languages,
// every step's state is valid as written, every question accepts the answer the engine
// computes and refuses others, common mistakes get their own feedback, and the validator
// names the file and line of what is wrong.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "app/model/lessons.h"
#include "app/model/lessons_answer.h"
#include "app/model/lessons_formula.h"
#include "app/model/lessons_json.h"
#include "app/model/lessons_page.h"
#include "app/model/url_state.h"
#include "app/model/repair.h"

namespace convplay::app {
namespace {

std::string lessons_folder() {
  const std::string here = __FILE__;  // .../tests/native/lessons_test.cpp
  return here.substr(0, here.rfind("/tests/native/")) + "/lessons";
}

const std::vector<Lesson>& all_lessons() {
  static const std::vector<Lesson> lessons = [] {
    std::vector<std::string> errors;
    std::vector<Lesson> loaded = load_lessons(lessons_folder(), &errors);
    for (const std::string& error : errors) ADD_FAILURE() << error;
    return loaded;
  }();
  return lessons;
}

const LessonTexts& texts() {
  static const LessonTexts loaded = [] {
    LessonTexts t;
    std::vector<std::string> errors;
    EXPECT_TRUE(load_lesson_texts(lessons_folder(), &t, &errors));
    for (const std::string& error : errors) ADD_FAILURE() << error;
    return t;
  }();
  return loaded;
}

const Lesson& lesson_named(const std::string& id) {
  for (const Lesson& lesson : all_lessons()) {
    if (lesson.id == id) return lesson;
  }
  ADD_FAILURE() << "no lesson " << id;
  static const Lesson none;
  return none;
}

Result step_result(const Lesson& lesson, const LessonStep& step) {
  Document doc;
  ViewState view;
  std::vector<std::string> errors;
  EXPECT_TRUE(step_page_state(lesson, step, &doc, &view, &errors)) << lesson.id;
  Computer computer;
  computer.update(doc);
  EXPECT_TRUE(computer.status().ok()) << lesson.id << ": " << computer.status().message;
  return computer.result();
}

Verdict judge(const std::string& id, size_t step_index, const std::string& input, Lang lang = Lang::kEn) {
  const Lesson& lesson = lesson_named(id);
  EXPECT_LT(step_index, lesson.steps.size());
  const LessonStep& step = lesson.steps.at(step_index);
  Expected expected;
  std::string why;
  EXPECT_TRUE(expected_answer(step.question, step_result(lesson, step), &expected, &why)) << why;
  return judge_answer(step.question, expected, input, lang, texts());
}

// Errors of a lesson text named "lessons/99-test.json": parse, then validate.
std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> errors;
  Lesson lesson;
  if (parse_lesson(text, "lessons/99-test.json", &lesson, &errors)) validate_lesson(lesson, &errors);
  return errors;
}

bool any_contains(const std::vector<std::string>& errors, const std::string& part) {
  for (const std::string& error : errors) {
    if (error.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(LessonFiles, ThirteenLessonsInTheStoryOrder) {
  const std::vector<std::string> expected = {
      "conv2d-window", "conv2d-output-size", "transposed-stride-1", "stride-2", "padding",
      "stride-and-padding", "output-padding", "scatter-view", "checkerboard", "dilation",
      "groups", "why-transposed", "pytorch-rules"};
  ASSERT_EQ(all_lessons().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(all_lessons()[i].id, expected[i]);
}

TEST(LessonFiles, EveryTextInBothLanguagesAndTwoToFiveSteps) {
  for (const Lesson& lesson : all_lessons()) {
    EXPECT_GE(lesson.steps.size(), 2u) << lesson.id;
    EXPECT_LE(lesson.steps.size(), 5u) << lesson.id;
    EXPECT_FALSE(lesson.title.en.empty() || lesson.title.zh.empty()) << lesson.id;
    for (const LessonStep& step : lesson.steps) {
      EXPECT_FALSE(step.text.en.empty() || step.text.zh.empty()) << lesson.file << ":" << step.line;
      EXPECT_NE(step.text.en, step.text.zh) << lesson.file << ":" << step.line;
      if (!step.has_question) continue;
      EXPECT_FALSE(step.question.prompt.zh.empty() || step.question.explanation.zh.empty());
    }
  }
}

TEST(LessonFiles, EveryStepStateAppliesWithoutRepair) {
  for (const Lesson& lesson : all_lessons()) {
    for (const LessonStep& step : lesson.steps) {
      Document doc;
      ViewState view;
      std::vector<std::string> errors;
      EXPECT_TRUE(step_page_state(lesson, step, &doc, &view, &errors)) << lesson.file << ":" << step.line;
      EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors[0]);
      EXPECT_TRUE(check_document(doc).ok()) << lesson.file << ":" << step.line;
    }
  }
}

TEST(LessonFiles, LessonsThatNeedMissingViewsSayTodo) {
  for (const char* id : {"checkerboard", "groups", "why-transposed"}) {
    EXPECT_NE(lesson_named(id).notes.find("TODO"), std::string::npos) << id;
  }
}

// A wrong answer of the question's kind, built from the right one.
std::string wrong_input(const Question& question, const Expected& e) {
  switch (e.kind) {
    case AnswerKind::kNumber: return std::to_string(e.number + 100);
    case AnswerKind::kSize: return std::to_string(e.size.h + 5) + "x" + std::to_string(e.size.w);
    case AnswerKind::kChoice: return std::to_string((e.choice + 1) % static_cast<int>(question.choices.size()));
    case AnswerKind::kCell:
      for (int64_t y = 0; y < e.output_shape[2]; ++y) {
        for (int64_t x = 0; x < e.output_shape[3]; ++x) {
          const OutputCell cell{0, y, x};
          if (std::find(e.cells.begin(), e.cells.end(), cell) == e.cells.end()) {
            return "0," + std::to_string(y) + "," + std::to_string(x);
          }
        }
      }
  }
  return "";
}

std::string right_input(const Expected& e) {
  switch (e.kind) {
    case AnswerKind::kNumber: return std::to_string(e.number);
    case AnswerKind::kSize: return std::to_string(e.size.h) + "×" + std::to_string(e.size.w);
    case AnswerKind::kChoice: return std::to_string(e.choice);
    case AnswerKind::kCell: {
      const OutputCell& cell = e.cells.back();
      return "[" + std::to_string(cell.out_channel) + ", " + std::to_string(cell.oy) + ", " +
             std::to_string(cell.ox) + "]";
    }
  }
  return "";
}

TEST(LessonQuestions, EveryQuestionAcceptsItsComputedAnswerAndRefusesAnother) {
  int questions = 0;
  for (const Lesson& lesson : all_lessons()) {
    for (const LessonStep& step : lesson.steps) {
      if (!step.has_question) continue;
      ++questions;
      const std::string where = lesson.file + ":" + std::to_string(step.line);
      Expected e;
      std::string why;
      ASSERT_TRUE(expected_answer(step.question, step_result(lesson, step), &e, &why)) << where << why;
      for (Lang lang : {Lang::kEn, Lang::kZh}) {
        const Verdict right = judge_answer(step.question, e, right_input(e), lang, texts());
        EXPECT_EQ(right.status, AnswerStatus::kCorrect) << where << " " << right_input(e);
        EXPECT_NE(right.feedback.find(step.question.explanation.in(lang)), std::string::npos) << where;
        const Verdict wrong = judge_answer(step.question, e, wrong_input(step.question, e), lang, texts());
        EXPECT_EQ(wrong.status, AnswerStatus::kWrong) << where << " " << wrong_input(step.question, e);
        EXPECT_FALSE(wrong.feedback.empty());
        EXPECT_EQ(judge_answer(step.question, e, "", lang, texts()).status, AnswerStatus::kInvalid) << where;
      }
    }
  }
  EXPECT_GE(questions, 20);
}

TEST(LessonQuestions, AnswersComeFromTheEngine) {
  // Worked by hand in the lessons' explanations; the runtime never reads them.
  EXPECT_EQ(judge("conv2d-window", 0, "63").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("conv2d-window", 1, "-5").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("transposed-stride-1", 0, "4x4").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("transposed-stride-1", 1, "23").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("stride-2", 0, "5x5").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("stride-2", 2, "3").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("stride-and-padding", 1, "12").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("output-padding", 1, "1").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("output-padding", 3, "2").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("checkerboard", 0, "4").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("scatter-view", 1, "5").status, AnswerStatus::kCorrect);
}

TEST(LessonQuestions, CommonMistakesGetTheirOwnFeedback) {
  const Verdict forgot_one = judge("transposed-stride-1", 0, "3x3");
  EXPECT_EQ(forgot_one.status, AnswerStatus::kWrong);
  EXPECT_NE(forgot_one.feedback.find("+1"), std::string::npos);
  const Verdict conv2d_formula = judge("stride-and-padding", 0, "2x2");
  EXPECT_NE(conv2d_formula.feedback.find("Conv2d's formula"), std::string::npos);
  const Verdict transposed_formula = judge("conv2d-output-size", 1, "9x9");
  EXPECT_NE(transposed_formula.feedback.find("ConvTranspose2d's formula"), std::string::npos);
  const Verdict zeros = judge("output-padding", 3, "0", Lang::kZh);
  EXPECT_EQ(zeros.status, AnswerStatus::kWrong);
  EXPECT_NE(zeros.feedback.find("不是补零"), std::string::npos);
  const Verdict unflipped = judge("transposed-stride-1", 1, "77");
  EXPECT_NE(unflipped.feedback.find("180°"), std::string::npos);
  const Verdict stride_one = judge("stride-2", 1, "0,0,1");
  EXPECT_NE(stride_one.feedback.find("stride 1"), std::string::npos);
  const Verdict too_large = judge("pytorch-rules", 0, "2");
  EXPECT_NE(too_large.feedback.find("smaller than stride"), std::string::npos);
  const Verdict plain_wrong = judge("transposed-stride-1", 1, "24");
  EXPECT_EQ(plain_wrong.status, AnswerStatus::kWrong);
  EXPECT_EQ(plain_wrong.feedback.find("180°"), std::string::npos);
}

TEST(LessonQuestions, MalformedInputIsInvalidNeverWrong) {
  for (const char* input : {"", "  ", "abc", "4x", "1e999", "--3"}) {
    EXPECT_EQ(judge("conv2d-window", 0, input).status, AnswerStatus::kInvalid) << input;
  }
  for (const char* input : {"4", "4x4x4", "4.5x4"}) {
    EXPECT_EQ(judge("transposed-stride-1", 0, input).status, AnswerStatus::kInvalid) << input;
  }
  for (const char* input : {"9,9", "0,-1,0", "0.5,1"}) {
    EXPECT_EQ(judge("stride-2", 1, input).status, AnswerStatus::kInvalid) << input;
  }
  for (const char* input : {"2", "-1", "0.5"}) {
    EXPECT_EQ(judge("transposed-stride-1", 2, input).status, AnswerStatus::kInvalid) << input;
  }
  EXPECT_EQ(judge("output-padding", 1, "-1").status, AnswerStatus::kInvalid);
}

TEST(LessonQuestions, NumbersCompareWithATolerance) {
  EXPECT_EQ(judge("conv2d-window", 0, "63.004").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("conv2d-window", 1, "−5").status, AnswerStatus::kCorrect);  // U+2212
  EXPECT_EQ(judge("conv2d-window", 0, "63.5").status, AnswerStatus::kWrong);
  EXPECT_EQ(judge("transposed-stride-1", 0, "[4, 4]").status, AnswerStatus::kCorrect);
  EXPECT_EQ(judge("stride-2", 1, "2, 4").status, AnswerStatus::kCorrect);  // y, x
}

const char* kGoodLesson = R"({
  "id": "test",
  "title": {"en": "T", "zh": "题"},
  "steps": [
    {
      "state": "op=conv_transpose2d&in=2x2&k=3",
      "text": {"en": "Hello", "zh": "你好"},
      "question": {
        "ask": "output_size",
        "prompt": {"en": "Size?", "zh": "尺寸？"},
        "explanation": {"en": "4x4", "zh": "4x4"}
      }
    }
  ]
})";

std::string with(const std::string& from, const std::string& to) {
  std::string text = kGoodLesson;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(LessonValidator, AGoodLessonHasNoErrors) { EXPECT_TRUE(errors_of(kGoodLesson).empty()); }

TEST(LessonValidator, ErrorsNameTheFileAndLine) {
  EXPECT_TRUE(any_contains(errors_of(with("\"text\"", "\"txt\"")), "lessons/99-test.json:7: unknown key 'txt'"));
  EXPECT_TRUE(any_contains(errors_of(with(", \"zh\": \"你好\"", "")), "lessons/99-test.json:7: the step's text has no Chinese"));
  EXPECT_TRUE(any_contains(errors_of(with("k=3", "k=99")), "lessons/99-test.json:6: the state needs repair"));
  EXPECT_TRUE(any_contains(errors_of(with("k=3", "k=3&lang=zh")), ":6: a step's state may not set 'lang'"));
  EXPECT_TRUE(any_contains(errors_of(with("k=3", "k=3&zoom=2")), ":6: the state needs repair"));
  EXPECT_TRUE(any_contains(errors_of(with("\"ask\": \"output_size\",", "\"ask\": \"output_size\", \"answer\": 3,")),
                           ":9: 'answer' does not belong to 'output_size'"));
  EXPECT_TRUE(any_contains(errors_of(with("\"ask\": \"output_size\",", "\"ask\": \"output_value\", \"cell\": [0, 9, 0],")),
                           ":8: the question has no answer here: the cell is outside the output"));
  EXPECT_TRUE(any_contains(errors_of(with("\"ask\": \"output_size\",", "\"ask\": \"output_padding_to_restore\", \"size\": [7, 7],")),
                           "no output_padding gives 7x7"));
  EXPECT_TRUE(any_contains(errors_of(with("\"id\": \"test\"", "\"id\": \"other\"")), ":2: 'id' is 'other'"));
  EXPECT_TRUE(any_contains(errors_of(with("\"T\",", "\"T\"")), "lessons/99-test.json:3: expected ','"));
}

TEST(LessonFormula, WrittenWithTheStepsNumbers) {
  Document doc;
  doc.op = Op::kConvTranspose2d;
  doc.in = {3, 3};
  doc.stride = {2, 2};
  doc.padding = {1, 1};
  doc.output_padding = {1, 1};
  EXPECT_EQ(formula_text("conv_transpose2d_size", doc, Lang::kEn, texts()),
            "H_out = (H_in − 1)·s − 2·p + d·(k − 1) + output_padding + 1 = (3 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 6");
  EXPECT_NE(formula_text("as_conv", doc, Lang::kZh, texts()).find("插入 1 个零（s − 1）"), std::string::npos);
  EXPECT_EQ(formula_text("conv2d_size", doc, Lang::kEn, texts()), "");  // not about this op
}

TEST(LessonTextsFile, EveryKeyTheRuntimeReadsIsThereInBothLanguages) {
  EXPECT_EQ(texts().get("right", Lang::kZh), "正确。");
  EXPECT_EQ(texts().get("as_conv.extra", Lang::kEn, "1"), "1 more at the end (output_padding)");
  std::vector<std::string> errors;
  LessonTexts t;
  EXPECT_FALSE(parse_lesson_texts("{\"texts\": {\"right\": {\"en\": \"Right.\"}}}", "lessons/texts.json", &t, &errors));
  EXPECT_TRUE(any_contains(errors, "lessons/texts.json:1: right has no Chinese"));
  EXPECT_TRUE(any_contains(errors, "'texts' needs 'wrong'"));
}

TEST(LessonJson, ReadsEscapesAndReportsLines) {
  JsonValue value;
  std::string error;
  ASSERT_TRUE(parse_json("{\"a\": [1, -2.5e1, \"\\u4f60\\n\"], \"b\": true}", &value, &error));
  EXPECT_EQ(value.find("a")->items[1].number, -25);
  EXPECT_EQ(value.find("a")->items[2].string, "你\n");
  EXPECT_FALSE(parse_json("{\n\"a\": 1,\n}", &value, &error));
  EXPECT_EQ(error, "line 3: expected a key in quotes");
  EXPECT_FALSE(parse_json("{\"a\": 1, \"a\": 2}", &value, &error));
  EXPECT_FALSE(parse_json(std::string(100, '['), &value, &error));
}

PageState opened(const std::string& query, const std::string& shown_lesson = "", int shown_step = 1,
                 bool force = false, std::vector<std::string>* notes = nullptr) {
  PageState state;
  conform_tensors(&state.doc);
  std::vector<std::string> own_notes;
  if (notes == nullptr) notes = &own_notes;
  apply_query(query, &state, notes);
  open_lesson_step(all_lessons(), query, shown_lesson, shown_step, force, &state, notes);
  return state;
}

TEST(LessonPage, OpeningAStepAppliesItsState) {
  const PageState state = opened("lesson=output-padding&step=4&lang=zh");
  EXPECT_EQ(state.doc.op, Op::kConvTranspose2d);
  EXPECT_EQ(state.doc.in, (IntPair{4, 4}));
  EXPECT_EQ(state.doc.output_padding, (IntPair{1, 1}));
  EXPECT_EQ(state.view.lesson, "output-padding");
  EXPECT_EQ(state.view.step, 4);
  EXPECT_EQ(state.view.lang, Lang::kZh);  // the reader's language is kept
}

TEST(LessonPage, AHashWrittenInALessonReadsBackAsItWas) {
  const PageState edited = opened("lesson=output-padding&step=4&k=5");
  EXPECT_EQ(edited.doc.kernel, (IntPair{5, 5}));
  EXPECT_EQ(edited.doc.stride, (IntPair{2, 2}));  // the rest from the step
  // The same step again (an edit's setState) leaves the document alone.
  PageState same;
  conform_tensors(&same.doc);
  same.view.lesson = "output-padding";
  same.view.step = 4;
  std::vector<std::string> notes;
  open_lesson_step(all_lessons(), "k=5", "output-padding", 4, false, &same, &notes);
  EXPECT_EQ(same.doc.op, Op::kConv2d);
}

TEST(LessonPage, UnknownLessonsCloseAndStepsClampWithANote) {
  std::vector<std::string> notes;
  EXPECT_EQ(opened("lesson=no-such-lesson", "", 1, false, &notes).view.lesson, "");
  EXPECT_EQ(notes.size(), 1u);
  notes.clear();
  EXPECT_EQ(opened("lesson=padding&step=9", "", 1, false, &notes).view.step, 2);
  EXPECT_EQ(notes.size(), 1u);
}

TEST(LessonPage, JsonForThePage) {
  ViewState view;
  view.lesson = "output-padding";
  view.step = 2;
  view.lang = Lang::kZh;
  const std::string lesson = lesson_json(all_lessons(), texts(), view);
  EXPECT_NE(lesson.find("\"kind\":\"number\""), std::string::npos) << lesson;
  EXPECT_NE(lesson.find("output_padding 取多少才能恢复 8×8？"), std::string::npos) << lesson;
  EXPECT_NE(answer_json(all_lessons(), texts(), view, "1").find("\"status\":\"correct\""), std::string::npos);
  EXPECT_NE(answer_json(all_lessons(), texts(), view, "x").find("\"status\":\"invalid\""), std::string::npos);
  EXPECT_NE(solution_json(all_lessons(), view).find("\"answer\":\"1\""), std::string::npos);
  view.lesson.clear();
  EXPECT_EQ(lesson_json(all_lessons(), texts(), view), "null");
  EXPECT_EQ(lessons_json(all_lessons(), Lang::kEn).rfind("[{\"id\":\"conv2d-window\",", 0), 0u);
}

}  // namespace
}  // namespace convplay::app
