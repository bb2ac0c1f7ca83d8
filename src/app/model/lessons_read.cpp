// Reading lesson files and texts.json: the keys each object may hold and both languages
// present, with errors that name the file and line (lessons.h).
#include "app/model/lessons.h"

#include <algorithm>
#include <cmath>

#include "app/model/lessons_formula.h"
#include "app/model/lessons_json.h"

namespace convplay::app {

namespace {

using Type = JsonValue::Type;

struct AskName {
  Ask ask;
  const char* name;
};
constexpr AskName kAskNames[] = {
    {Ask::kOutputSize, "output_size"},
    {Ask::kOutputValue, "output_value"},
    {Ask::kReach, "reach"},
    {Ask::kOutputPaddingToRestore, "output_padding_to_restore"},
    {Ask::kChoice, "choice"},
};

class LessonReader {
 public:
  LessonReader(const std::string& file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}

  bool ok() const { return ok_; }

  void error(const JsonValue& where, const std::string& what) { error(where.line, what); }
  void error(int line, const std::string& what) {
    errors_->push_back(file_ + ":" + std::to_string(line) + ": " + what);
    ok_ = false;
  }

  // Unknown keys are errors: a misspelt "hint" would otherwise vanish silently.
  bool object(const JsonValue& value, const char* what, std::initializer_list<const char*> keys) {
    if (!value.is(Type::kObject)) {
      error(value, std::string(what) + " must be an object {...}");
      return false;
    }
    for (const auto& member : value.members) {
      const bool known = std::any_of(keys.begin(), keys.end(),
                                     [&](const char* key) { return member.first == key; });
      if (!known) {
        std::string allowed;
        for (const char* key : keys) allowed += std::string(allowed.empty() ? "" : ", ") + key;
        error(member.second, "unknown key '" + member.first + "' in " + what + " (allowed: " + allowed + ")");
      }
    }
    return true;
  }

  const JsonValue* required(const JsonValue& object, const char* key, const char* what) {
    const JsonValue* value = object.find(key);
    if (value == nullptr) error(object, std::string(what) + " needs '" + key + "'");
    return value;
  }

  bool string(const JsonValue& value, const char* what, std::string* out) {
    if (!value.is(Type::kString)) {
      error(value, std::string(what) + " must be a string");
      return false;
    }
    *out = value.string;
    return true;
  }

  bool integer(const JsonValue& value, const char* what, int* out) {
    if (!value.is(Type::kNumber) || value.number != std::floor(value.number) ||
        std::fabs(value.number) > 1e6) {
      error(value, std::string(what) + " must be a whole number");
      return false;
    }
    *out = static_cast<int>(value.number);
    return true;
  }

  template <size_t N>
  bool integers(const JsonValue& value, const char* what, std::array<int, N>* out) {
    if (!value.is(Type::kArray) || value.items.size() != N) {
      error(value, std::string(what) + " must be a list of " + std::to_string(N) + " whole numbers");
      return false;
    }
    for (size_t i = 0; i < N; ++i) {
      if (!integer(value.items[i], what, &(*out)[i])) return false;
    }
    return true;
  }

  // {"en": "...", "zh": "..."}: a missing or empty translation is an error.
  void lang_text(const JsonValue& value, const char* what, LangText* out) {
    if (!object(value, what, {"en", "zh"})) return;
    const struct {
      const char* key;
      std::string* text;
    } langs[] = {{"en", &out->en}, {"zh", &out->zh}};
    for (const auto& lang : langs) {
      const JsonValue* text = value.find(lang.key);
      if (text == nullptr || !text->is(Type::kString) || text->string.empty()) {
        error(text != nullptr ? *text : value,
              std::string(what) + " has no " + (lang.key[0] == 'e' ? "English" : "Chinese") +
                  " text ('" + lang.key + "')");
        continue;
      }
      *lang.text = text->string;
    }
  }

  void lang_texts(const JsonValue& value, const char* what, std::vector<LangText>* out) {
    if (!value.is(Type::kArray)) {
      error(value, std::string(what) + " must be a list");
      return;
    }
    for (const JsonValue& item : value.items) {
      out->emplace_back();
      lang_text(item, what, &out->back());
    }
  }

  void question(const JsonValue& value, Question* out) {
    if (!object(value, "a question",
                {"ask", "prompt", "cell", "pixel", "size", "choices", "answer", "hints", "explanation"})) {
      return;
    }
    std::string ask;
    if (const JsonValue* v = required(value, "ask", "a question"); v != nullptr && string(*v, "'ask'", &ask)) {
      bool found = false;
      for (const AskName& name : kAskNames) {
        if (ask == name.name) {
          out->ask = name.ask;
          found = true;
        }
      }
      if (!found) {
        error(*v, "unknown question '" + ask +
                      "' (output_size, output_value, reach, output_padding_to_restore, choice)");
      }
    }
    if (const JsonValue* v = required(value, "prompt", "a question")) lang_text(*v, "the prompt", &out->prompt);
    if (const JsonValue* v = value.find("hints")) lang_texts(*v, "a hint", &out->hints);
    if (const JsonValue* v = required(value, "explanation", "a question")) {
      lang_text(*v, "the explanation", &out->explanation);
    }
    // Each ask names what it needs, and nothing else: a stray "answer" on a computed
    // question would look like a fact the engine checks, and it would not be.
    const bool is_choice = out->ask == Ask::kChoice;
    const JsonValue* cell = value.find("cell");
    const JsonValue* pixel = value.find("pixel");
    const JsonValue* size = value.find("size");
    const JsonValue* choices = value.find("choices");
    const JsonValue* answer = value.find("answer");
    expect_only(value, "cell", cell, out->ask == Ask::kOutputValue, ask);
    expect_only(value, "pixel", pixel, out->ask == Ask::kReach, ask);
    expect_only(value, "size", size, out->ask == Ask::kOutputPaddingToRestore, ask);
    expect_only(value, "choices", choices, is_choice, ask);
    expect_only(value, "answer", answer, is_choice, ask);
    if (cell != nullptr) integers(*cell, "'cell' ([c, y, x] of the output)", &out->cell);
    if (pixel != nullptr) integers(*pixel, "'pixel' ([c, y, x] of the input)", &out->cell);
    if (size != nullptr) {
      std::array<int, 2> hw{1, 1};
      if (integers(*size, "'size' ([h, w])", &hw)) out->size = IntPair{hw[0], hw[1]};
    }
    if (choices != nullptr) lang_texts(*choices, "a choice", &out->choices);
    if (answer != nullptr) integer(*answer, "'answer' (the index of the right choice)", &out->choice_answer);
  }

  void expect_only(const JsonValue& question, const char* key, const JsonValue* value, bool needed,
                   const std::string& ask) {
    if (needed && value == nullptr) error(question, "'" + ask + "' needs '" + key + "'");
    if (!needed && value != nullptr) {
      error(*value, "'" + std::string(key) + "' does not belong to '" + ask + "'" +
                        (std::string(key) == "answer" ? " (the engine computes the answer)" : ""));
    }
  }

  void highlight(const JsonValue& value, Highlight* out) {
    if (!object(value, "'highlight'", {"grid", "cells", "formula", "panel"})) return;
    if (const JsonValue* v = value.find("grid")) {
      if (string(*v, "'grid'", &out->grid) && out->grid != "input" && out->grid != "output") {
        error(*v, "'grid' must be \"input\" or \"output\"");
      }
    }
    if (const JsonValue* v = value.find("cells")) {
      if (!v->is(Type::kArray)) {
        error(*v, "'cells' must be a list of [c, y, x]");
      } else {
        for (const JsonValue& item : v->items) {
          std::array<int, 3> cell{};
          if (integers(item, "a highlighted cell [c, y, x]", &cell)) out->cells.push_back(cell);
        }
      }
      if (out->grid.empty()) error(*v, "'cells' needs 'grid' (\"input\" or \"output\")");
    }
    if (const JsonValue* v = value.find("formula")) {
      if (string(*v, "'formula'", &out->formula) && !is_formula_id(out->formula)) {
        error(*v, "unknown formula '" + out->formula + "' (" + formula_ids() + ")");
      }
    }
    if (const JsonValue* v = value.find("panel")) {
      PanelId id;
      if (string(*v, "'panel'", &out->panel) && !parse_panel_key(out->panel, &id)) {
        error(*v, "unknown panel '" + out->panel + "'");
      }
    }
  }

  void step(const JsonValue& value, LessonStep* out) {
    out->line = value.line;
    if (!object(value, "a step", {"state", "text", "highlight", "question"})) return;
    if (const JsonValue* v = required(value, "state", "a step")) {
      out->state_line = v->line;
      string(*v, "'state'", &out->state);
    }
    if (const JsonValue* v = required(value, "text", "a step")) lang_text(*v, "the step's text", &out->text);
    if (const JsonValue* v = value.find("highlight")) highlight(*v, &out->highlight);
    if (const JsonValue* v = value.find("question")) {
      out->has_question = true;
      out->question_line = v->line;
      question(*v, &out->question);
    }
  }

  void lesson(const JsonValue& value, Lesson* out) {
    if (!object(value, "a lesson", {"id", "title", "notes", "steps"})) return;
    if (const JsonValue* v = required(value, "id", "a lesson")) {
      std::string id;
      if (string(*v, "'id'", &id) && id != out->id) {
        error(*v, "'id' is '" + id + "' but the file name says '" + out->id + "'");
      }
    }
    if (const JsonValue* v = required(value, "title", "a lesson")) lang_text(*v, "the title", &out->title);
    if (const JsonValue* v = value.find("notes")) string(*v, "'notes'", &out->notes);
    const JsonValue* steps = required(value, "steps", "a lesson");
    if (steps == nullptr) return;
    if (!steps->is(Type::kArray) || steps->items.empty()) {
      error(*steps, "'steps' must be a list of at least one step");
      return;
    }
    for (const JsonValue& item : steps->items) {
      out->steps.emplace_back();
      step(item, &out->steps.back());
    }
  }

 private:
  const std::string& file_;
  std::vector<std::string>* errors_;
  bool ok_ = true;
};

// "lessons/07-output-padding.json" -> "output-padding"; empty when the name is not NN-<id>.json.
std::string id_from_file_name(const std::string& file) {
  const size_t slash = file.find_last_of('/');
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  const std::string suffix = ".json";
  if (name.size() <= suffix.size() + 3 || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return "";
  }
  name.resize(name.size() - suffix.size());
  if (!(name[0] >= '0' && name[0] <= '9' && name[1] >= '0' && name[1] <= '9' && name[2] == '-')) return "";
  const std::string id = name.substr(3);
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return "";
  }
  return id;
}

// Every key of texts.json the runtime reads (lessons_answer.cpp, lessons_formula.cpp,
// lessons_page.cpp): a missing one is an error of the file, not a key shown to a learner.
constexpr const char* kTextKeys[] = {
    "right", "wrong", "wrong_cell", "invalid.number", "invalid.size", "invalid.cell",
    "invalid.choice", "no_question", "mistake.conv2d_formula", "mistake.transposed_formula",
    "mistake.forgot_plus_one", "mistake.forgot_padding", "mistake.forgot_output_padding",
    "mistake.output_padding_zeros", "mistake.kernel_not_flipped", "mistake.forgot_bias",
    "mistake.ignored_stride", "mistake.output_padding_too_large", "as_conv.zeros",
    "as_conv.padding", "as_conv.extra", "as_conv.flip", "as_conv.separator",
};

}  // namespace

bool parse_lesson(const std::string& text, const std::string& file, Lesson* out,
                  std::vector<std::string>* errors) {
  *out = Lesson{};
  out->file = file;
  out->id = id_from_file_name(file);
  LessonReader reader(file, errors);
  if (out->id.empty()) reader.error(1, "a lesson file is named NN-<id>.json, the id in a-z, 0-9 and '-'");
  JsonValue root;
  std::string syntax;
  if (!parse_json(text, &root, &syntax)) {
    errors->push_back(file + ":" + syntax.substr(5));  // "line N: ..." -> "file:N: ..."
    return false;
  }
  reader.lesson(root, out);
  return reader.ok();
}

std::string LessonTexts::get(const std::string& key, Lang lang, const std::string& n) const {
  for (const auto& entry : entries) {
    if (entry.first != key) continue;
    std::string text = entry.second.in(lang);
    const size_t at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, n);
    return text;
  }
  return key;
}

bool parse_lesson_texts(const std::string& text, const std::string& file, LessonTexts* out,
                        std::vector<std::string>* errors) {
  *out = LessonTexts{};
  LessonReader reader(file, errors);
  JsonValue root;
  std::string syntax;
  if (!parse_json(text, &root, &syntax)) {
    errors->push_back(file + ":" + syntax.substr(5));
    return false;
  }
  if (!reader.object(root, "the texts file", {"notes", "texts"})) return false;
  const JsonValue* texts = reader.required(root, "texts", "the texts file");
  if (texts == nullptr) return false;
  if (!texts->is(Type::kObject)) {
    reader.error(*texts, "'texts' must be an object {...}");
    return false;
  }
  for (const auto& member : texts->members) {
    out->entries.emplace_back(member.first, LangText{});
    reader.lang_text(member.second, member.first.c_str(), &out->entries.back().second);
  }
  for (const char* key : kTextKeys) {
    if (texts->find(key) == nullptr) reader.error(*texts, std::string("'texts' needs '") + key + "'");
  }
  return reader.ok();
}

}  // namespace convplay::app
