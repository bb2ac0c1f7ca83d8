// The App's lesson parts: loading the lesson files embedded in the wasm, opening a step
// when the hash or setState names one, and window.convplay's lesson calls (lessons_page.h).
#include <cstdio>

#include "app/model/lessons_page.h"
#include "app/platform/app.h"

namespace convplay::app {

void App::load_lessons() {
  std::vector<std::string> errors;
  lessons_ = convplay::app::load_lessons("/lessons", &errors);
  load_lesson_texts("/lessons", &lesson_texts_, &errors);
  // tests/native checks every file; a lesson that fails here was edited without them.
  for (const std::string& error : errors) std::fprintf(stderr, "%s\n", error.c_str());
}

void App::open_lesson_step(const std::string& query, bool force, PageState* next,
                           std::vector<std::string>* notes) const {
  convplay::app::open_lesson_step(lessons_, query, view_.lesson, view_.step, force, next, notes);
}

std::string App::lessons_json() const { return convplay::app::lessons_json(lessons_, view_.lang); }

std::string App::lesson_json() const { return convplay::app::lesson_json(lessons_, lesson_texts_, view_); }

std::string App::lesson_answer_json(const std::string& input) const {
  return answer_json(lessons_, lesson_texts_, view_, input);
}

std::string App::lesson_solution_json() const { return solution_json(lessons_, view_); }

}  // namespace convplay::app
