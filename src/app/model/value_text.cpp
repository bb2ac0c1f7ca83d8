// Parsing typed cell values (see value_text.h).
#include "app/model/value_text.h"

#include <cmath>
#include <cstdlib>

#include "app/model/ranges.h"

namespace convplay::app {

ValueText parse_cell_value(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    // A decimal comma (phone keyboards in many locales) or a typographic minus.
    s += c == ',' ? '.' : c;
  }
  const std::string minus = "\u2212";
  for (size_t at = s.find(minus); at != std::string::npos; at = s.find(minus)) {
    s.replace(at, minus.size(), "-");
  }
  if (s.empty()) return {ValueTextStatus::kEmpty, 0};
  // strtod also reads "nan", "inf" and hex floats: only plain decimals are numbers here.
  for (char c : s) {
    const bool allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
                         c == 'e' || c == 'E';
    if (!allowed) return {ValueTextStatus::kNotANumber, 0};
  }
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(value)) {
    return {ValueTextStatus::kNotANumber, 0};
  }
  if (std::fabs(value) > static_cast<double>(kValueLimit)) return {ValueTextStatus::kOutOfRange, 0};
  return {ValueTextStatus::kOk, static_cast<float>(value)};
}

}  // namespace convplay::app
