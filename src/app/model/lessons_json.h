// A small JSON reader for lesson files: every value remembers the line it starts on, so
// that a lesson author's mistake is reported as "file:line: what is wrong".
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace convplay::app {

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  int line = 1;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> items;                            // kArray
  std::vector<std::pair<std::string, JsonValue>> members;  // kObject, in file order

  bool is(Type t) const { return type == t; }
  // The member named `key`, or nullptr.
  const JsonValue* find(const std::string& key) const;
};

// Parses the whole of `text`. On a syntax error returns false and sets *error to
// "line N: what was expected".
bool parse_json(const std::string& text, JsonValue* out, std::string* error);

}  // namespace convplay::app
