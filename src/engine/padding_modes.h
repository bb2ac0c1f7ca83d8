// Where a padded cell's value comes from, for each padding_mode. Shared by the
// reference loops and by the app's ghost cells ("hover shows the source cell").
#pragma once

#include <cstdint>

#include "params.h"

namespace convplay {

// Maps a coordinate of the padded axis (i may be < 0 or >= size) to the source index
// in [0, size), or -1 where the value is zero. Assumes the mode's limits hold
// (reflect: pad < size; circular: pad <= size).
inline int64_t padded_source_index(int64_t i, int64_t size, PaddingMode mode) {
  if (i >= 0 && i < size) return i;
  switch (mode) {
    case PaddingMode::kZeros:
      return -1;
    case PaddingMode::kReflect:  // mirror without repeating the edge: -1 -> 1
      return i < 0 ? -i : 2 * (size - 1) - i;
    case PaddingMode::kReplicate:
      return i < 0 ? 0 : size - 1;
    case PaddingMode::kCircular:
      return i < 0 ? i + size : i - size;
  }
  return -1;
}

}  // namespace convplay
