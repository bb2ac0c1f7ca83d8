// Checking lessons against the engine (every step's state, highlight and computed answer)
// and loading them from their folder (lessons.h); the reading itself is lessons_read.cpp.
#include "app/model/lessons.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>

#include "app/model/lessons_answer.h"
#include "app/model/lessons_formula.h"
#include "app/model/repair.h"
#include "app/model/url_state.h"

namespace convplay::app {

namespace {

// The keys a state names ("op=...&in=..." -> op, in).
std::vector<std::string> state_key_names(const std::string& state) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start < state.size()) {
    size_t end = state.find('&', start);
    if (end == std::string::npos) end = state.size();
    const std::string part = state.substr(start, end - start);
    names.push_back(part.substr(0, part.find('=')));
    start = end + 1;
  }
  return names;
}

// stdio, not iostreams: those would add tens of kilobytes to the page's wasm.
bool read_file(const std::string& path, std::string* out) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char buffer[4096];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) out->append(buffer, got);
  std::fclose(file);
  return true;
}

}  // namespace

bool step_page_state(const Lesson& lesson, const LessonStep& step, Document* doc, ViewState* view,
                     std::vector<std::string>* errors) {
  const size_t before = errors->size();
  const std::string where = lesson.file + ":" + std::to_string(step.state_line) + ": ";
  for (const std::string& name : state_key_names(step.state)) {
    if (name == "lang" || name == "lesson" || name == "step") {
      errors->push_back(where + "a step's state may not set '" + name + "' (the reader's choice)");
    }
  }
  PageState page;
  conform_tensors(&page.doc);
  std::vector<std::string> notes;
  apply_query(step.state, &page, &notes);
  for (const std::string& note : notes) errors->push_back(where + "the state needs repair: " + note);
  const Status status = check_document(page.doc);
  if (!status.ok()) errors->push_back(where + "the engine rejects the state: " + status.message);
  *doc = std::move(page.doc);
  *view = page.view;
  return errors->size() == before;
}

bool validate_lesson(const Lesson& lesson, std::vector<std::string>* errors) {
  const size_t before = errors->size();
  if (lesson.steps.size() > 8) errors->push_back(lesson.file + ":1: a lesson has at most 8 steps");
  for (const LessonStep& step : lesson.steps) {
    Document doc;
    ViewState view;
    if (!step_page_state(lesson, step, &doc, &view, errors)) continue;
    const std::string where = lesson.file + ":" + std::to_string(step.state_line) + ": ";
    Computer computer;
    computer.update(doc);
    if (!computer.status().ok()) {
      errors->push_back(where + "the engine rejects the state: " + computer.status().message);
      continue;
    }
    const Result& result = computer.result();
    const Shape output = result.output.shape;  // [1, C, H, W]
    const Shape input = input_shape(doc);
    for (const auto& cell : step.highlight.cells) {
      const Shape& grid = step.highlight.grid == "input" ? input : output;
      if (cell[0] < 0 || cell[0] >= grid[1] || cell[1] < 0 || cell[1] >= grid[2] || cell[2] < 0 ||
          cell[2] >= grid[3]) {
        errors->push_back(where + "highlighted cell [" + std::to_string(cell[0]) + ", " +
                          std::to_string(cell[1]) + ", " + std::to_string(cell[2]) +
                          "] is outside the " + step.highlight.grid);
      }
    }
    if (!step.highlight.formula.empty() && !formula_applies(step.highlight.formula, doc)) {
      errors->push_back(where + "formula '" + step.highlight.formula + "' is not about this op");
    }
    if (step.has_question) {
      std::string why;
      Expected expected;
      if (!expected_answer(step.question, result, &expected, &why)) {
        errors->push_back(lesson.file + ":" + std::to_string(step.question_line) +
                          ": the question has no answer here: " + why);
      }
    }
  }
  return errors->size() == before;
}

std::vector<Lesson> load_lessons(const std::string& folder, std::vector<std::string>* errors) {
  std::vector<std::string> names;
  if (DIR* dir = opendir(folder.c_str())) {
    while (const dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      const bool numbered = name.size() > 8 && name[0] >= '0' && name[0] <= '9';
      if (numbered && name.compare(name.size() - 5, 5, ".json") == 0) names.push_back(name);
    }
    closedir(dir);
  } else {
    errors->push_back(folder + ": cannot open the lessons folder");
  }
  std::sort(names.begin(), names.end());
  std::vector<Lesson> lessons;
  for (const std::string& name : names) {
    const std::string path = folder + "/" + name;
    std::string text;
    if (!read_file(path, &text)) {
      errors->push_back(path + ":1: cannot read the file");
      continue;
    }
    Lesson lesson;
    if (!parse_lesson(text, path, &lesson, errors)) continue;
    if (!validate_lesson(lesson, errors)) continue;
    const bool duplicate = std::any_of(lessons.begin(), lessons.end(),
                                       [&](const Lesson& l) { return l.id == lesson.id; });
    if (duplicate) {
      errors->push_back(path + ":1: another lesson has the id '" + lesson.id + "'");
      continue;
    }
    lessons.push_back(std::move(lesson));
  }
  return lessons;
}

bool load_lesson_texts(const std::string& folder, LessonTexts* out, std::vector<std::string>* errors) {
  const std::string path = folder + "/texts.json";
  std::string text;
  if (!read_file(path, &text)) {
    errors->push_back(path + ":1: cannot read the file");
    return false;
  }
  return parse_lesson_texts(text, path, out, errors);
}

AnswerKind answer_kind(Ask ask) {
  switch (ask) {
    case Ask::kOutputSize: return AnswerKind::kSize;
    case Ask::kOutputValue: return AnswerKind::kNumber;
    case Ask::kReach: return AnswerKind::kCell;
    case Ask::kOutputPaddingToRestore: return AnswerKind::kNumber;
    case Ask::kChoice: return AnswerKind::kChoice;
  }
  return AnswerKind::kChoice;
}

const char* answer_kind_key(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::kNumber: return "number";
    case AnswerKind::kSize: return "size";
    case AnswerKind::kCell: return "cell";
    case AnswerKind::kChoice: return "choice";
  }
  return "choice";
}

}  // namespace convplay::app
