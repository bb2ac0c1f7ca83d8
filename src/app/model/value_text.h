// Reading a cell value typed by the user ("2.5", " -1e2 ", "3,5"): a number within the
// value limit, or the reason it is not one (shown to the user, never a crash).
#pragma once

#include <string>

namespace convplay::app {

enum class ValueTextStatus { kOk, kEmpty, kNotANumber, kOutOfRange };

struct ValueText {
  ValueTextStatus status = ValueTextStatus::kEmpty;
  float value = 0;  // when kOk
};

ValueText parse_cell_value(const std::string& text);

}  // namespace convplay::app
