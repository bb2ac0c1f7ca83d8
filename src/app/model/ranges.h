// The ranges every control offers and the URL hash is clamped to: small enough to draw
// every cell and recompute at 60 frames per second, large enough for the budgets
// (32×32 inputs with 4 channels and more).
#pragma once

namespace convplay::app {

struct Range {
  int min;
  int max;
  int clamp(int v) const { return v < min ? min : v > max ? max : v; }
};

constexpr Range kInputSizeRange{1, 32};
constexpr Range kChannelRange{1, 8};
constexpr Range kKernelRange{1, 9};
constexpr Range kStrideRange{1, 5};
constexpr Range kPaddingRange{0, 8};
constexpr Range kDilationRange{1, 4};
constexpr Range kOutputPaddingRange{0, 4};
constexpr Range kGroupsRange{1, 8};
// Typed and dragged values: finite and readable in a cell.
constexpr float kValueLimit = 999.0f;

}  // namespace convplay::app
