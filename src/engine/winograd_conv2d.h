// Fast conv2d for 3x3 kernels at stride 1: Winograd's minimal filtering F(2x2, 3x3)
// (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks", 2015). Each 2x2
// output tile costs 16 multiplies per channel pair instead of 36; the multiplies become
// 16 independent GEMMs that run on the same 4x8 tile kernel as the other paths.
#pragma once

#include <cstdint>

#include "geometry.h"

namespace convplay::fast {

// Whether the Winograd path applies (3x3, stride 1, dilation 1, enough channels for
// the transforms to pay off) and its workspace fits within one output tensor.
bool winograd_applies(const Conv2dGeometry& g);

// Requires winograd_applies(g). Layouts as conv2d's; every y element is written.
void winograd_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                     float* y);

}  // namespace convplay::fast
