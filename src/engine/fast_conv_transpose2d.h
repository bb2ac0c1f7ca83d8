// The fast conv_transpose2d that conv_transpose2d() dispatches to: the output splits
// into stride_h x stride_w sub-pixel phases, and each phase is an ordinary stride-1
// convolution of the input with the kernel taps that land on it (an indirect GEMM).
#pragma once

#include "geometry.h"
#include "status.h"
#include "tensor.h"

namespace convplay::fast {

// False only when the phase tables would exceed the engine's element limit (absurd
// kernels or strides); conv_transpose2d then runs the reference instead.
bool fast_conv_transpose2d_fits(const ConvTranspose2dGeometry& g);

// g comes from plan_conv_transpose2d for these exact tensors.
Status fast_conv_transpose2d(const TensorView& input, const TensorView& weight,
                             const TensorView* bias, const ConvTranspose2dGeometry& g, Tensor* out);

}  // namespace convplay::fast
