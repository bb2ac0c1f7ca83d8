// The tutorial's view of a transposed convolution (PYTORCH.md §4.3): spread the input
// pixels stride-1 apart, pad by dilation*(k-1)-padding (crop where negative) plus
// output_padding at the bottom/right, convolve with the flipped, channel-swapped
// kernel at stride 1. Hands out every intermediate so the app can draw them.
#pragma once

#include "params.h"
#include "status.h"
#include "tensor.h"

namespace convplay {

struct TransposedAsConv {
  Tensor spread;             // zeros inserted: [N, C_in, (H-1)s+1, (W-1)s+1]
  Tensor padded;             // spread, padded (or cropped) on each side
  Tensor equivalent_kernel;  // [C_out, C_in/groups, kH, kW]: flipped, in/out swapped per group
  Tensor output;             // conv2d(padded, equivalent_kernel, stride 1, dilation, groups) + bias
  // Per side, what was added to the spread input: negative means rows/cols cropped.
  int64_t pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
};

// Same arguments and errors as conv_transpose2d; tensors keep the input's rank
// (the kernel is always 4-D).
Status conv_transpose2d_as_conv(const TensorView& input, const TensorView& weight,
                                const TensorView* bias, const ConvTranspose2dParams& params,
                                TransposedAsConv* out);

}  // namespace convplay
