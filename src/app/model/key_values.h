// Reading and writing one value of a state key: numbers, per-axis pairs ("3", "3x2",
// "[3, 2]"), tensor value lists and names, each with the note a repaired value needs.
// Used by the keys table (state_keys.cpp).
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"
#include "app/model/ranges.h"
#include "app/model/state_keys.h"

namespace convplay::app {

// Notes that `key=value` was not valid and `used` is used instead.
KeyRead bad_value(const char* key, const std::string& value, const std::string& used,
                  std::vector<std::string>* notes);
// A number; false when the text is not one (NaN is not).
bool parse_number(const std::string& text, double* out);
KeyRead read_int(const char* key, const std::string& value, const Range& range, int* out,
                 std::vector<std::string>* notes);
// "n", "hxw", "h,w" or "[h, w]"; false when it is none of them.
bool parse_pair_numbers(const std::string& value, double numbers[2]);
KeyRead read_pair(const char* key, const std::string& value, const Range& range, IntPair* out,
                  std::vector<std::string>* notes);
// Comma-separated values, as many as the tensor has; then the tensor counts as edited.
KeyRead read_values(const char* key, const std::string& list, SharedValues* values,
                    bool* edited, std::vector<std::string>* notes);
std::string format_values(const std::vector<float>& values, int digits);

// A choice among names (op, mode, presets, the view's enums): anything else keeps the
// state's value.
template <typename Enum>
KeyRead read_choice(const char* key, const std::string& value, bool (*parse)(const std::string&, Enum*),
                    const char* (*name)(Enum), Enum* out, std::vector<std::string>* notes) {
  if (parse(value, out)) return KeyRead::kAccepted;
  return bad_value(key, value, name(*out), notes);
}

}  // namespace convplay::app
