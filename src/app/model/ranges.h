// The values every control offers and a link may hold, and the validity rules that narrow
// them: one place, shared by the parameters panel (slider ranges) and repair (links,
// setState). The per-axis rules mirror the engine's checks (plan_conv2d /
// plan_conv_transpose2d); tests/native/ranges_test.cpp holds them to check_document.
#pragma once

#include "app/model/document.h"

namespace convplay::app {

struct Range {
  int min;
  int max;
  int clamp(int v) const { return v < min ? min : v > max ? max : v; }
  bool contains(int v) const { return v >= min && v <= max; }
  bool empty() const { return max < min; }
};

// Small enough to draw every cell and recompute at 60 frames per second, large enough for
// the budgets (32×32 inputs with 4 channels and more).
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

// The document's per-axis parameters (an IntPair each: h and w).
enum class AxisField { kInput, kKernel, kStride, kPadding, kDilation, kOutputPadding };
constexpr int kAxisFieldCount = 6;

IntPair& axis_field(Document* doc, AxisField field);
const IntPair& axis_field(const Document& doc, AxisField field);
Range static_range(AxisField field);

// True when the engine accepts axis `axis` (0 = h, 1 = w) of the document's geometry:
// the kernel fits the padded input, the padding suits the padding mode, 'same' has
// stride 1, output_padding < stride or dilation, a transposed output is not empty.
bool axis_accepted(const Document& doc, int axis);

// The values of `field` on `axis` that axis_accepted() allows with everything else as it
// is, within the field's static range. Empty (max < min) when no value alone helps.
Range valid_range(const Document& doc, AxisField field, int axis);

// The largest divisor of both channel counts that is <= groups (>= 1).
int nearest_valid_groups(int in_channels, int out_channels, int groups);

}  // namespace convplay::app
