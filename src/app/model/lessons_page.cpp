// The page's view of the lessons: JSON for window.convplay and opening a step (lessons_page.h).
#include "app/model/lessons_page.h"

#include "app/model/compute.h"
#include "app/model/lessons_answer.h"
#include "app/model/lessons_formula.h"
#include "app/model/state_json.h"
#include "app/model/url_state.h"

namespace convplay::app {

namespace {

std::string texts_json(const std::vector<LangText>& texts, Lang lang) {
  std::string out = "[";
  for (const LangText& text : texts) out += (out.size() > 1 ? "," : "") + json_quoted(text.in(lang));
  return out + "]";
}

const LessonStep* current_step(const std::vector<Lesson>& lessons, const ViewState& view) {
  const Lesson* lesson = find_lesson(lessons, view.lesson);
  if (lesson == nullptr || view.step < 1 || view.step > static_cast<int>(lesson->steps.size())) return nullptr;
  return &lesson->steps[static_cast<size_t>(view.step - 1)];
}

// The step's own document, computed: questions are about it, whatever the learner edited since.
bool step_expected(const Lesson& lesson, const LessonStep& step, Document* doc, Expected* expected) {
  ViewState view;
  std::vector<std::string> errors;
  if (!step_page_state(lesson, step, doc, &view, &errors)) return false;
  Computer computer;
  computer.update(*doc);
  std::string why;
  return computer.status().ok() && expected_answer(step.question, computer.result(), expected, &why);
}

}  // namespace

const Lesson* find_lesson(const std::vector<Lesson>& lessons, const std::string& id) {
  for (const Lesson& lesson : lessons) {
    if (lesson.id == id) return &lesson;
  }
  return nullptr;
}

std::string lessons_json(const std::vector<Lesson>& lessons, Lang lang) {
  std::string out = "[";
  for (const Lesson& lesson : lessons) {
    out += (out.size() > 1 ? "," : "") + std::string("{\"id\":") + json_quoted(lesson.id) +
           ",\"title\":" + json_quoted(lesson.title.in(lang)) +
           ",\"steps\":" + std::to_string(lesson.steps.size()) + "}";
  }
  return out + "]";
}

std::string lesson_json(const std::vector<Lesson>& lessons, const LessonTexts& texts, const ViewState& view) {
  const Lesson* lesson = find_lesson(lessons, view.lesson);
  const LessonStep* step = current_step(lessons, view);
  if (lesson == nullptr || step == nullptr) return "null";
  const Lang lang = view.lang;
  Document doc;
  ViewState step_view;
  std::vector<std::string> errors;
  step_page_state(*lesson, *step, &doc, &step_view, &errors);
  std::string question = "null";
  if (step->has_question) {
    const Question& q = step->question;
    question = "{\"kind\":" + json_quoted(answer_kind_key(answer_kind(q.ask))) +
               ",\"ask\":" + json_quoted(q.ask == Ask::kOutputSize ? "output_size"
                                    : q.ask == Ask::kOutputValue ? "output_value"
                                    : q.ask == Ask::kReach ? "reach"
                                    : q.ask == Ask::kChoice ? "choice"
                                                            : "output_padding_to_restore") +
               ",\"prompt\":" + json_quoted(q.prompt.in(lang)) + ",\"choices\":" + texts_json(q.choices, lang) +
               ",\"hints\":" + texts_json(q.hints, lang) + ",\"grid\":" +
               (q.ask == Ask::kReach ? "\"output\"" : "null") + "}";
  }
  const Highlight& h = step->highlight;
  std::string cells = "[";
  for (const auto& cell : h.cells) {
    cells += (cells.size() > 1 ? ",[" : "[") + std::to_string(cell[0]) + "," + std::to_string(cell[1]) +
             "," + std::to_string(cell[2]) + "]";
  }
  cells += "]";
  const std::string highlight = "{\"grid\":" + json_quoted(h.grid) + ",\"cells\":" + cells +
                                ",\"formula\":" + json_quoted(h.formula.empty() ? "" : formula_text(h.formula, doc, lang, texts)) +
                                ",\"panel\":" + json_quoted(h.panel) + "}";
  return "{\"id\":" + json_quoted(lesson->id) + ",\"lang\":" + json_quoted(lang_key(lang)) + ",\"step\":" + std::to_string(view.step) +
         ",\"steps\":" + std::to_string(lesson->steps.size()) + ",\"title\":" + json_quoted(lesson->title.in(lang)) +
         ",\"text\":" + json_quoted(step->text.in(lang)) + ",\"question\":" + question +
         ",\"highlight\":" + highlight + "}";
}

std::string answer_json(const std::vector<Lesson>& lessons, const LessonTexts& texts, const ViewState& view,
                        const std::string& input) {
  const Lesson* lesson = find_lesson(lessons, view.lesson);
  const LessonStep* step = current_step(lessons, view);
  if (lesson == nullptr || step == nullptr || !step->has_question) {
    return "{\"status\":\"invalid\",\"feedback\":" +
           json_quoted(texts.get("no_question", view.lang)) + "}";
  }
  Document doc;
  Expected expected;
  if (!step_expected(*lesson, *step, &doc, &expected)) return "{\"status\":\"invalid\",\"feedback\":\"\"}";
  const Verdict verdict = judge_answer(step->question, expected, input, view.lang, texts);
  return "{\"status\":" + json_quoted(answer_status_key(verdict.status)) + ",\"feedback\":" + json_quoted(verdict.feedback) +
         ",\"explanation\":" +
         (verdict.status == AnswerStatus::kCorrect ? json_quoted(step->question.explanation.in(view.lang)) : "null") + "}";
}

std::string solution_json(const std::vector<Lesson>& lessons, const ViewState& view) {
  const Lesson* lesson = find_lesson(lessons, view.lesson);
  const LessonStep* step = current_step(lessons, view);
  if (lesson == nullptr || step == nullptr || !step->has_question) return "null";
  Document doc;
  Expected expected;
  if (!step_expected(*lesson, *step, &doc, &expected)) return "null";
  return "{\"answer\":" + json_quoted(answer_text(step->question, expected, view.lang)) +
         ",\"explanation\":" + json_quoted(step->question.explanation.in(view.lang)) + "}";
}

void open_lesson_step(const std::vector<Lesson>& lessons, const std::string& query,
                      const std::string& shown_lesson, int shown_step, bool force, PageState* state,
                      std::vector<std::string>* notes) {
  ViewState& view = state->view;
  if (view.lesson.empty()) return;
  const Lesson* lesson = find_lesson(lessons, view.lesson);
  if (lesson == nullptr) {
    notes->push_back("lesson=" + view.lesson + " is not a lesson; none is shown.");
    view.lesson.clear();
    view.step = 1;
    return;
  }
  const int steps = static_cast<int>(lesson->steps.size());
  if (view.step > steps) {
    notes->push_back("step=" + std::to_string(view.step) + " is past the lesson's " + std::to_string(steps) +
                     " steps; step " + std::to_string(steps) + " is shown.");
    view.step = steps;
  }
  if (!force && view.lesson == shown_lesson && view.step == shown_step) return;
  const LessonStep& step = lesson->steps[static_cast<size_t>(view.step - 1)];
  PageState opened;
  conform_tensors(&opened.doc);
  opened.view = ViewState{};
  opened.view.lang = view.lang;
  opened.view.lang_chosen = view.lang_chosen;
  opened.view.embed = view.embed;
  opened.view.panels = view.panels;
  opened.view.theme = view.theme;
  opened.view.ui = view.ui;
  std::vector<std::string> ignored;  // the validator guarantees a step's state needs no repair
  apply_query(step.state, &opened, &ignored);
  if (!step.highlight.panel.empty()) parse_panel_key(step.highlight.panel, &opened.view.tab);
  // The query's own keys on top: "#lesson=a&step=2&k=5" is step 2 with k=5. Its notes were
  // already given when it was applied the first time.
  apply_query(query, &opened, &ignored);
  opened.view.lesson = lesson->id;
  opened.view.step = view.step;
  *state = std::move(opened);
}

}  // namespace convplay::app
