// The lessons as the page sees them (CONTRACT.md §5): lessons(), lesson(), answer() as
// JSON, and opening a step (lesson=…&step=… in the hash or setState) as a page state.
// Stateless over the loaded lessons: the view's lesson, step and lang say everything.
#pragma once

#include <string>
#include <vector>

#include "app/model/lessons.h"
#include "app/model/state_keys.h"

namespace convplay::app {

// [{"id", "title", "steps"}] in order (the page adds "done" from its own storage).
std::string lessons_json(const std::vector<Lesson>& lessons, Lang lang);

// The functions below read the runtime's texts (lessons/texts.json) too.

// null outside a lesson; else {id, step, steps, title, text, question, highlight}: question is
// null or {kind, prompt, choices, hints, grid}; highlight is {grid, cells, formula, panel}.
std::string lesson_json(const std::vector<Lesson>& lessons, const LessonTexts& texts, const ViewState& view);

// {status, feedback, explanation} for the current step's question (kind of answer: see
// judge_answer), or {status: "invalid"} outside a question.
std::string answer_json(const std::vector<Lesson>& lessons, const LessonTexts& texts, const ViewState& view,
                        const std::string& input);

// "Show me": {answer, explanation} as text, or null outside a question.
std::string solution_json(const std::vector<Lesson>& lessons, const ViewState& view);

const Lesson* find_lesson(const std::vector<Lesson>& lessons, const std::string& id);

// After `query` was applied to *state (the view's lesson and step may now name a step):
// when they name a step other than `shown_lesson`/`shown_step` (or `force`), the state
// becomes the step's state, with `query`'s own keys on top (so a hash written while in a
// lesson reads back as it was). An unknown lesson is closed and a step out of range
// clamped, each with a note. The language, embed options and panels are kept.
void open_lesson_step(const std::vector<Lesson>& lessons, const std::string& query,
                      const std::string& shown_lesson, int shown_step, bool force, PageState* state,
                      std::vector<std::string>* notes);

}  // namespace convplay::app
