// Validation and shape arithmetic: turns shapes + params into a fully resolved
// geometry (every padding explicit, every size known), or the error PyTorch gives,
// checked in PyTorch's order (PYTORCH.md §4.10).
#pragma once

#include <cstdint>

#include "params.h"
#include "status.h"
#include "tensor.h"

namespace convplay {

// Padding on each side. 'same' pads its odd extra row/col at the bottom/right.
struct Pads {
  int64_t top = 0, bottom = 0, left = 0, right = 0;
};

// What both ops resolve to: sizes, channels, and the per-axis parameters they share.
struct ConvGeometry {
  bool batched = true;  // input was [N,C,H,W] (else [C,H,W]; the output keeps the rank)
  int64_t batch = 1;
  int64_t in_channels = 0, in_h = 0, in_w = 0;
  int64_t out_channels = 0, out_h = 0, out_w = 0;
  int64_t kernel_h = 0, kernel_w = 0;
  int64_t groups = 1;
  Pair stride{1, 1}, dilation{1, 1};

  // groups == 1 skips a 64-bit division, which wasm pays for on every small call.
  int64_t in_channels_per_group() const { return groups == 1 ? in_channels : in_channels / groups; }
  int64_t out_channels_per_group() const {
    return groups == 1 ? out_channels : out_channels / groups;
  }
  Shape output_shape() const;  // same rank as the input

  // Fills the fields above from validated shapes (input4 is the batched [N,C,H,W] view);
  // out_h/out_w are left to the op.
  void set_from(const Shape& input_shape, const Dims4& input4, const Shape& weight_shape,
                int64_t out_channels_, int64_t groups_, Pair stride_, Pair dilation_);
};

struct Conv2dGeometry : ConvGeometry {
  Pads pads;
  PaddingMode padding_mode = PaddingMode::kZeros;
};

struct ConvTranspose2dGeometry : ConvGeometry {
  Pair padding{0, 0};
  Pair output_padding{0, 0};  // resolved: from output_size when that was given
};

// bias_shape may be null (no bias). These are the only places the rules live: the
// ops, the shape functions of the bindings and the app all go through them.
Status plan_conv2d(const Shape& input_shape, const Shape& weight_shape, const Shape* bias_shape,
                   const Conv2dParams& params, Conv2dGeometry* out);
Status plan_conv_transpose2d(const Shape& input_shape, const Shape& weight_shape,
                             const Shape* bias_shape, const ConvTranspose2dParams& params,
                             ConvTranspose2dGeometry* out);

// The same for the tensors of a call (bias may be null): what every op plans from.
inline Status plan_conv2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
                          const Conv2dParams& params, Conv2dGeometry* out) {
  return plan_conv2d(input.shape, weight.shape, bias ? &bias->shape : nullptr, params, out);
}
inline Status plan_conv_transpose2d(const TensorView& input, const TensorView& weight,
                                    const TensorView* bias, const ConvTranspose2dParams& params,
                                    ConvTranspose2dGeometry* out) {
  return plan_conv_transpose2d(input.shape, weight.shape, bias ? &bias->shape : nullptr, params, out);
}

// Per-axis size formulas (PYTORCH.md §4.2), for display and for the round trip.
// No validation: callers pass sizes that plan_* accepted.
int64_t conv_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t pad_before,
                         int64_t pad_after, int64_t dilation);
int64_t conv_transpose_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t padding,
                                   int64_t dilation, int64_t output_padding);

}  // namespace convplay
