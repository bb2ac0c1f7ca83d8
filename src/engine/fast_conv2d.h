// The fast conv2d that conv2d() dispatches to: a depthwise stencil when each group reads
// one input channel, Winograd F(2x2, 3x3) for 3x3 stride-1 layers with enough channels,
// an indirect GEMM otherwise. Every padding mode, stride, dilation
// and group count goes through them; tests hold them equal to conv2d_reference.
#pragma once

#include "geometry.h"
#include "status.h"
#include "tensor.h"

namespace convplay::fast {

enum class Conv2dPath { kDepthwise, kWinograd, kIndirectGemm, kReference };

// Which path fast_conv2d takes for a planned geometry (kReference only when a fast
// path would need a workspace beyond the engine's element limit).
Conv2dPath choose_conv2d_path(const Conv2dGeometry& g);

// g comes from plan_conv2d(params) for these exact tensors; params only serve the
// reference fallback.
Status fast_conv2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
                   const Conv2dParams& params, const Conv2dGeometry& g, Tensor* out);

}  // namespace convplay::fast
