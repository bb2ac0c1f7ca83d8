// Depthwise conv2d: copy one input plane into a padded plane (the padding mode decides
// what the border holds), then every output row is a sum of shifted rows of that plane
// times a scalar weight, 8 pixels per SIMD step with no bounds checks in the loop.
#include "depthwise_conv2d.h"

#include <algorithm>
#include <vector>

#include "padding_modes.h"
#include "simd4.h"

namespace convplay::fast {

namespace {

using simd::F32x4;

constexpr int64_t kLanes = 8;

// The part of the padded input the kernel actually reads: rows -pads.top up to the
// last tap of the last output row (the same for columns).
struct PaddedPlane {
  int64_t h, w;
};

PaddedPlane padded_plane(const Conv2dGeometry& g) {
  return {(g.out_h - 1) * g.stride.h + (g.kernel_h - 1) * g.dilation.h + 1,
          (g.out_w - 1) * g.stride.w + (g.kernel_w - 1) * g.dilation.w + 1};
}

// Slack after the plane: the last 8-pixel step of the last row may read up to 7
// columns past the plane (those lanes are computed and dropped).
int64_t plane_floats(const PaddedPlane& p) { return p.h * p.w + kLanes; }

void fill_padded_plane(const Conv2dGeometry& g, const float* x_plane, PaddedPlane p, float* dst) {
  for (int64_t py = 0; py < p.h; ++py) {
    const int64_t iy = padded_source_index(py - g.pads.top, g.in_h, g.padding_mode);
    float* row = dst + py * p.w;
    if (iy < 0) {
      std::fill(row, row + p.w, 0.0f);
      continue;
    }
    const float* src = x_plane + iy * g.in_w;
    // Interior columns are a straight copy; only the borders go through the mode.
    const int64_t first = std::min(p.w, std::max<int64_t>(0, g.pads.left));
    const int64_t last = std::min(p.w, g.pads.left + g.in_w);  // exclusive
    for (int64_t px = 0; px < first; ++px) {
      const int64_t ix = padded_source_index(px - g.pads.left, g.in_w, g.padding_mode);
      row[px] = ix < 0 ? 0.0f : src[ix];
    }
    if (last > first) std::copy(src + (first - g.pads.left), src + (last - g.pads.left), row + first);
    for (int64_t px = std::max(first, last); px < p.w; ++px) {
      const int64_t ix = padded_source_index(px - g.pads.left, g.in_w, g.padding_mode);
      row[px] = ix < 0 ? 0.0f : src[ix];
    }
  }
  std::fill(dst + p.h * p.w, dst + plane_floats(p), 0.0f);
}

// One output plane from one padded plane, stride 1 along the row: 8 pixels per step.
void stencil_unit_stride(const Conv2dGeometry& g, PaddedPlane p, const float* plane,
                         const float* w, float bias, float* y) {
  for (int64_t oy = 0; oy < g.out_h; ++oy) {
    const float* top = plane + oy * g.stride.h * p.w;
    float* y_row = y + oy * g.out_w;
    for (int64_t ox = 0; ox < g.out_w; ox += kLanes) {
      F32x4 lo = simd::splat4(bias), hi = lo;
      for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
        const float* src = top + ky * g.dilation.h * p.w + ox;
        const float* w_row = w + ky * g.kernel_w;
        for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
          const F32x4 weight = simd::splat4(w_row[kx]);
          lo = simd::mul_add4(lo, weight, simd::load4(src + kx * g.dilation.w));
          hi = simd::mul_add4(hi, weight, simd::load4(src + kx * g.dilation.w + 4));
        }
      }
      if (ox + kLanes <= g.out_w) {
        simd::store4(y_row + ox, lo);
        simd::store4(y_row + ox + 4, hi);
      } else {
        float lanes[kLanes];
        simd::store4(lanes, lo);
        simd::store4(lanes + 4, hi);
        std::copy(lanes, lanes + (g.out_w - ox), y_row + ox);
      }
    }
  }
}

// Strided rows: plain loops over the padded plane (still no bounds checks).
void stencil_strided(const Conv2dGeometry& g, PaddedPlane p, const float* plane, const float* w,
                     float bias, float* y) {
  for (int64_t oy = 0; oy < g.out_h; ++oy) {
    for (int64_t ox = 0; ox < g.out_w; ++ox) {
      float sum = bias;
      const float* src = plane + oy * g.stride.h * p.w + ox * g.stride.w;
      for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
        for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
          sum += w[ky * g.kernel_w + kx] * src[ky * g.dilation.h * p.w + kx * g.dilation.w];
        }
      }
      y[oy * g.out_w + ox] = sum;
    }
  }
}

}  // namespace

int64_t depthwise_workspace_floats(const Conv2dGeometry& g) {
  return plane_floats(padded_plane(g));
}

void depthwise_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                      float* y) {
  if (g.out_h <= 0 || g.out_w <= 0) return;
  const PaddedPlane p = padded_plane(g);
  std::vector<float> plane(static_cast<size_t>(plane_floats(p)));
  const int64_t cout_g = g.out_channels_per_group();
  const int64_t in_plane = g.in_h * g.in_w;
  const int64_t out_plane = g.out_h * g.out_w;
  const int64_t taps = g.kernel_h * g.kernel_w;
  for (int64_t n = 0; n < g.batch; ++n) {
    for (int64_t ic = 0; ic < g.in_channels; ++ic) {
      fill_padded_plane(g, x + (n * g.in_channels + ic) * in_plane, p, plane.data());
      // With one input channel per group, group ic owns output channels ic*cout_g...
      for (int64_t j = 0; j < cout_g; ++j) {
        const int64_t oc = ic * cout_g + j;
        float* y_plane = y + (n * g.out_channels + oc) * out_plane;
        const float b = bias ? bias[oc] : 0.0f;
        if (g.stride.w == 1) {
          stencil_unit_stride(g, p, plane.data(), w + oc * taps, b, y_plane);
        } else {
          stencil_strided(g, p, plane.data(), w + oc * taps, b, y_plane);
        }
      }
    }
  }
}

}  // namespace convplay::fast
