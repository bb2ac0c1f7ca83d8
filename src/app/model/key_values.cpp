// Reading one value of a key (a number, a per-axis pair, a list, a name) and writing it
// back. A reader never fails: a value out of range is clamped, one that is not a value at
// all keeps the state's value, and either way a note says what was used.
#include "app/model/key_values.h"

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "app/model/text.h"

namespace convplay::app {

using Notes = std::vector<std::string>;

namespace {

std::string printf_string(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string printf_string(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

// Notes quote at most this much of a value: a note is a sentence, not the value.
std::string quoted_value(const std::string& value) {
  constexpr size_t kShown = 24;
  return value.size() <= kShown ? value : value.substr(0, kShown) + "\u2026";
}

}  // namespace

KeyRead bad_value(const char* key, const std::string& value, const std::string& used, Notes* notes) {
  notes->push_back(printf_string(text().note_bad_value_fmt, key, quoted_value(value).c_str(),
                                 used.c_str()));
  return KeyRead::kRepaired;
}

// A number; false when the text is not one (NaN is not).
bool parse_number(const std::string& text, double* out) {
  if (text.empty() || text.size() > 40) return false;
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || std::isnan(value)) return false;
  *out = value;
  return true;
}

int clamp_to(double value, const Range& range) {
  if (!(value >= range.min)) return range.min;  // also -inf
  if (value > range.max) return range.max;
  return static_cast<int>(std::lround(value));
}

KeyRead read_int(const char* key, const std::string& value, const Range& range, int* out,
                 Notes* notes) {
  double number = 0;
  if (!parse_number(value, &number)) return bad_value(key, value, std::to_string(*out), notes);
  *out = clamp_to(number, range);
  if (*out == number) return KeyRead::kAccepted;
  notes->push_back(printf_string(text().note_clamped_fmt, key, quoted_value(value).c_str(),
                                 range.min, range.max, std::to_string(*out).c_str()));
  return KeyRead::kRepaired;
}

// A per-axis value: "n", "hxw" (also "h,w" and "[h, w]" as JavaScript prints arrays).
bool parse_pair_numbers(const std::string& value, double numbers[2]) {
  std::string text_value;
  for (char c : value) {
    if (c == ' ' || c == '[' || c == ']') continue;
    text_value += (c == ',' || c == 'X' || c == '*') ? 'x' : c;
  }
  const size_t cross = text_value.find('x');
  const bool two = cross != std::string::npos;
  if (!parse_number(text_value.substr(0, cross), &numbers[0])) return false;
  if (!two) numbers[1] = numbers[0];
  return !two || parse_number(text_value.substr(cross + 1), &numbers[1]);
}

KeyRead read_pair(const char* key, const std::string& value, const Range& range, IntPair* out,
                  Notes* notes) {
  double numbers[2] = {0, 0};
  if (!parse_pair_numbers(value, numbers)) return bad_value(key, value, format_pair(*out), notes);
  *out = {clamp_to(numbers[0], range), clamp_to(numbers[1], range)};
  if (out->h == numbers[0] && out->w == numbers[1]) return KeyRead::kAccepted;
  notes->push_back(printf_string(text().note_clamped_fmt, key, quoted_value(value).c_str(),
                                 range.min, range.max, format_pair(*out).c_str()));
  return KeyRead::kRepaired;
}

// Tensor values, comma-separated; the count must match the tensor, which then counts as
// edited. One pass over the text: a 64 KB list reads in well under a millisecond.
KeyRead read_values(const char* key, const std::string& list, SharedValues* values,
                    bool* edited, Notes* notes) {
  std::vector<float> parsed;
  parsed.reserve(values->size());
  std::string item;
  bool ok = true;
  for (size_t i = 0; i <= list.size() && ok; ++i) {
    const char c = i < list.size() ? list[i] : ',';
    if (c == ',' || c == '_') {
      double number = 0;
      ok = parse_number(item, &number) && std::isfinite(number) &&
           parsed.size() < values->size();
      parsed.push_back(static_cast<float>(std::fmax(-kValueLimit, std::fmin(kValueLimit, number))));
      item.clear();
    } else if (c != '[' && c != ']' && c != ' ') {
      item += c;
    }
  }
  if (!ok || parsed.size() != values->size()) {
    notes->push_back(printf_string(text().note_data_length_fmt, key,
                                   ok ? std::to_string(parsed.size()).c_str() : "?",
                                   static_cast<int>(values->size())));
    return KeyRead::kRepaired;
  }
  *values = std::move(parsed);
  *edited = true;
  return KeyRead::kAccepted;
}

std::string format_values(const std::vector<float>& values, int digits) {
  std::string out;
  out.reserve(values.size() * 4);
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += format_number(static_cast<double>(values[i]), digits);
  }
  return out;
}

std::string json_numbers(const std::vector<float>& values) {
  // %.9g: every float reads back exactly.
  return "[" + format_values(values, 9) + "]";
}

std::string format_pair(const IntPair& pair) {
  if (pair.square()) return std::to_string(pair.h);
  return std::to_string(pair.h) + "x" + std::to_string(pair.w);
}

std::string format_number(double value, int digits) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, std::isfinite(value) ? value : 0.0);
  return buffer;
}

}  // namespace convplay::app
