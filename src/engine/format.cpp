#include "format.h"

namespace convplay {

std::string format_list(const std::vector<int64_t>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(values[i]);
  }
  return out + "]";
}

std::string format_dims(const std::array<int64_t, 4>& values) {
  return format_list(std::vector<int64_t>(values.begin(), values.end()));
}

}  // namespace convplay
