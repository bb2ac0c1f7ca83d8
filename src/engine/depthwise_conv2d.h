// Fast conv2d for one input channel per group (depthwise, and any single-channel
// conv): each output plane is a small stencil over one padded input plane.
#pragma once

#include <cstdint>

#include "geometry.h"

namespace convplay::fast {

// Floats of workspace depthwise_conv2d needs for this geometry (one padded plane).
int64_t depthwise_workspace_floats(const Conv2dGeometry& g);

// Requires g.in_channels_per_group() == 1. x, w, bias (nullable) and y are laid out as
// conv2d's input, weight, bias and output; every y element is written.
void depthwise_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                      float* y);

}  // namespace convplay::fast
