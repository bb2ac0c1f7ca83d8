#include "tensor.h"

#include <limits>

namespace convplay {

int64_t element_count(const Shape& shape) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim <= 0) return 0;  // negative dims never reach here validated; count them as empty
    if (count > kMax / dim) return kMax;
    count *= dim;
  }
  return count;
}

}  // namespace convplay
