#include "tensor.h"

#include <limits>

namespace convplay {

// No division in the overflow test: a 64-bit division costs tens of cycles in
// WebAssembly, and a small convolution counts elements several times per call. Two
// factors below 2^31 cannot overflow; only larger ones pay for the checked multiply
// (a 128-bit multiply routine on wasm32).
int64_t element_count(const Shape& shape) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr uint64_t kSmall = uint64_t{1} << 31;
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim <= 0) return 0;  // negative dims never reach here validated; count them as empty
    if ((static_cast<uint64_t>(count) | static_cast<uint64_t>(dim)) < kSmall) {
      count *= dim;
    } else if (__builtin_mul_overflow(count, dim, &count)) {
      return kMax;
    }
  }
  return count;
}

}  // namespace convplay
