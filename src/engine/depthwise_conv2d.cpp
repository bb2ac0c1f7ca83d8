// Depthwise conv2d: copy one input plane into a padded plane (the padding mode decides
// what the border holds), then every output row is a sum of shifted rows of that plane
// times a scalar weight, 8 pixels per SIMD step with no bounds checks in the loop.
#include "depthwise_conv2d.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "limits.h"
#include "padding_modes.h"
#include "simd4.h"

namespace convplay::fast {

namespace {

using simd::F32x4;

// Output pixels per SIMD step (4 vectors): the most a step reads past its row.
constexpr int64_t kStep = 16;

// The part of the padded input the kernel actually reads: rows -pads.top up to the
// last tap of the last output row (the same for columns).
struct PaddedPlane {
  int64_t h, w;
};

PaddedPlane padded_plane(const Conv2dGeometry& g) {
  return {(g.out_h - 1) * g.stride.h + (g.kernel_h - 1) * g.dilation.h + 1,
          (g.out_w - 1) * g.stride.w + (g.kernel_w - 1) * g.dilation.w + 1};
}

// Slack after the plane: the last step of the last row may read up to kStep - 1
// columns past the plane (those lanes are computed and dropped).
// Saturates: a plane above kMaxElements is never used, and the product of a dilated
// 'same' plane's sides can pass 2^63 (found by tests/fuzz/engine_ops_fuzz).
int64_t plane_floats(const PaddedPlane& p) {
  if (p.h > kMaxElements || p.w > kMaxElements) return std::numeric_limits<int64_t>::max();
  return p.h * p.w + kStep;
}

// The rows of a small plane are a few vectors and its borders a cell or two: these
// loops stay scalar. Vectorized by clang, each would pay run-time trip-count and alias
// checks on every row, which cost more than the copying itself (W1, an 8x8 plane).
#if defined(__clang__)
#define CONVPLAY_SCALAR_LOOP _Pragma("clang loop vectorize(disable) unroll(disable)")
#else
#define CONVPLAY_SCALAR_LOOP
#endif

void fill_zeros(float* dst, int64_t count) {
  const F32x4 zero = simd::splat4(0.0f);
  int64_t i = 0;
  for (; i + 4 <= count; i += 4) simd::store4(dst + i, zero);
  CONVPLAY_SCALAR_LOOP
  for (; i < count; ++i) dst[i] = 0.0f;
}

// Border cells [begin, end) of one plane row whose input row is src.
void fill_border(const Conv2dGeometry& g, const float* src, int64_t begin, int64_t end, float* row) {
  CONVPLAY_SCALAR_LOOP
  for (int64_t px = begin; px < end; ++px) {
    const int64_t ix = padded_source_index(px - g.pads.left, g.in_w, g.padding_mode);
    row[px] = ix < 0 ? 0.0f : src[ix];
  }
}

void copy_row(const float* src, int64_t count, float* dst) {
  int64_t i = 0;
  for (; i + 4 <= count; i += 4) simd::store4(dst + i, simd::load4(src + i));
  CONVPLAY_SCALAR_LOOP
  for (; i < count; ++i) dst[i] = src[i];
}

void fill_padded_plane(const Conv2dGeometry& g, const float* x_plane, PaddedPlane p, float* dst) {
  // Plane columns [first, last) hold input columns; the rest is padding.
  const int64_t first = std::min(p.w, std::max<int64_t>(0, g.pads.left));
  const int64_t last = std::max(first, std::min(p.w, g.pads.left + g.in_w));
  if (g.padding_mode == PaddingMode::kZeros) {
    // Clear the plane (and its slack) in whole vectors, then copy the input rows in: half
    // the time of going row by row through the mode on a small plane. Zeroing only the
    // border cells, one float at a time, is slower still (measured: twice the time on W1):
    // the stencil's 16-byte loads that span several fresh 4-byte stores must wait for them.
    fill_zeros(dst, plane_floats(p));
    const int64_t first_row = std::min(p.h, std::max<int64_t>(0, g.pads.top));
    const int64_t last_row = std::max(first_row, std::min(p.h, g.pads.top + g.in_h));
    for (int64_t py = first_row; py < last_row; ++py) {
      copy_row(x_plane + (py - g.pads.top) * g.in_w + (first - g.pads.left), last - first,
               dst + py * p.w + first);
    }
    return;
  }
  for (int64_t py = 0; py < p.h; ++py) {
    const int64_t iy = padded_source_index(py - g.pads.top, g.in_h, g.padding_mode);
    float* row = dst + py * p.w;
    if (iy < 0) {
      fill_zeros(row, p.w);
      continue;
    }
    const float* src = x_plane + iy * g.in_w;
    // Interior columns are a straight copy; only the borders go through the mode.
    fill_border(g, src, 0, first, row);
    copy_row(src + (first - g.pads.left), last - first, row + first);
    fill_border(g, src, last, p.w, row);
  }
  fill_zeros(dst + p.h * p.w, kStep);
}

// One step of `kVectors` x 4 output pixels of one row. Each vector has its own
// accumulator, so the kVectors chains of dependent adds overlap: with one chain the
// loop would wait out the add latency at every tap. 4 accumulators + 4 loads + 1
// weight stay under V8's ~15 vector registers.
// Where tap t of the kernel reads, relative to an output pixel's top-left tap, in the
// padded plane: one table for the whole call, so the tap loop below is a single loop
// with plain addressing.
struct TapTable {
  const int32_t* offset;  // ky * dilation_h * pitch + kx * dilation_w
  int64_t count;          // kernel_h * kernel_w, in the weight's (ky, kx) order
};

// kRows output rows x kVectors x 4 output pixels at once. Every row and vector has
// its own accumulator, so up to 8 chains of dependent adds overlap (one chain would wait
// out the add latency at every tap), and the rows share the tap loop's overhead.
// 8 accumulators + 4 loads + 1 weight stay under V8's ~15 vector registers.
template <int kRows, int kVectors>
void stencil_block(TapTable taps, const float* src, int64_t src_row_step, const float* w,
                   float bias, float* y, int64_t y_row_step, int64_t pixels) {
  F32x4 acc[kRows][kVectors];
  for (int r = 0; r < kRows; ++r) {
    for (int v = 0; v < kVectors; ++v) acc[r][v] = simd::splat4(bias);
  }
  // The tap loop stays a loop (see CONVPLAY_NO_UNROLL).
  CONVPLAY_NO_UNROLL
  for (int64_t t = 0; t < taps.count; ++t) {
    const F32x4 weight = simd::splat4(w[t]);
    const float* at = src + taps.offset[t];
    for (int r = 0; r < kRows; ++r) {
      for (int v = 0; v < kVectors; ++v) {
        acc[r][v] = simd::mul_add4(acc[r][v], weight, simd::load4(at + r * src_row_step + 4 * v));
      }
    }
  }
  for (int r = 0; r < kRows; ++r) {
    float* y_row = y + r * y_row_step;
    if (pixels == 4 * kVectors) {
      for (int v = 0; v < kVectors; ++v) simd::store4(y_row + 4 * v, acc[r][v]);
      continue;
    }
    float lanes[4 * kVectors];
    for (int v = 0; v < kVectors; ++v) simd::store4(lanes + 4 * v, acc[r][v]);
    std::copy(lanes, lanes + pixels, y_row);
  }
}

// kRows output rows, left to right: 16 pixels per step, then one narrower step.
template <int kRows>
void stencil_rows(const Conv2dGeometry& g, int64_t pitch, TapTable taps, const float* top,
                  const float* w, float bias, float* y) {
  const int64_t src_row_step = g.stride.h * pitch;
  int64_t ox = 0;
  for (; ox + 16 <= g.out_w; ox += 16) {
    stencil_block<kRows, 4>(taps, top + ox, src_row_step, w, bias, y + ox, g.out_w, 16);
  }
  const int64_t rest = g.out_w - ox;
  if (rest > 8) {
    stencil_block<kRows, 4>(taps, top + ox, src_row_step, w, bias, y + ox, g.out_w, rest);
  } else if (rest > 4) {
    stencil_block<kRows, 2>(taps, top + ox, src_row_step, w, bias, y + ox, g.out_w, rest);
  } else if (rest > 0) {
    stencil_block<kRows, 1>(taps, top + ox, src_row_step, w, bias, y + ox, g.out_w, rest);
  }
}

// One output plane from one padded plane, stride 1 along the row, two rows at a time.
void stencil_unit_stride(const Conv2dGeometry& g, PaddedPlane p, TapTable taps, const float* plane,
                         const float* w, float bias, float* y) {
  int64_t oy = 0;
  if (g.out_w <= 8) {
    // Rows of at most 8 pixels (the playground's small planes, W1): four rows per step
    // share the tap loop's overhead, still 8 accumulators (~12% off W1's stencil).
    for (; oy + 4 <= g.out_h; oy += 4) {
      const float* top = plane + oy * g.stride.h * p.w;
      float* y_rows = y + oy * g.out_w;
      if (g.out_w > 4) {
        stencil_block<4, 2>(taps, top, g.stride.h * p.w, w, bias, y_rows, g.out_w, g.out_w);
      } else {
        stencil_block<4, 1>(taps, top, g.stride.h * p.w, w, bias, y_rows, g.out_w, g.out_w);
      }
    }
  }
  for (; oy + 2 <= g.out_h; oy += 2) {
    stencil_rows<2>(g, p.w, taps, plane + oy * g.stride.h * p.w, w, bias, y + oy * g.out_w);
  }
  if (oy < g.out_h) stencil_rows<1>(g, p.w, taps, plane + oy * g.stride.h * p.w, w, bias, y + oy * g.out_w);
}

// Strided rows: plain loops over the padded plane (still no bounds checks).
void stencil_strided(const Conv2dGeometry& g, PaddedPlane p, TapTable /*taps*/, const float* plane,
                     const float* w, float bias, float* y) {
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

using StencilFunction = void (*)(const Conv2dGeometry&, PaddedPlane, TapTable, const float*,
                                 const float*, float, float*);
constexpr StencilFunction kStencils[2] = {stencil_strided, stencil_unit_stride};

}  // namespace

int64_t depthwise_workspace_floats(const Conv2dGeometry& g) {
  return plane_floats(padded_plane(g));
}

void depthwise_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                      float* y) {
  if (g.out_h <= 0 || g.out_w <= 0) return;
  const PaddedPlane p = padded_plane(g);
  // Small planes (the playground's) live on the stack: no allocation per call.
  constexpr int64_t kStackFloats = 2048;
  float stack_plane[kStackFloats];
  std::vector<float> heap_plane;
  float* plane = stack_plane;
  if (plane_floats(p) > kStackFloats) {
    heap_plane.resize(static_cast<size_t>(plane_floats(p)));
    plane = heap_plane.data();
  }
  const int64_t taps = g.kernel_h * g.kernel_w;
  constexpr int64_t kStackTaps = 64;
  int32_t stack_offsets[kStackTaps];
  std::vector<int32_t> heap_offsets;
  int32_t* offsets = stack_offsets;
  if (taps > kStackTaps) {
    heap_offsets.resize(static_cast<size_t>(taps));
    offsets = heap_offsets.data();
  }
  for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
    for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
      offsets[ky * g.kernel_w + kx] = static_cast<int32_t>(ky * g.dilation.h * p.w + kx * g.dilation.w);
    }
  }
  const TapTable tap_table{offsets, taps};
  const int64_t cout_g = g.groups == 1 ? g.out_channels : g.out_channels_per_group();  // no division
  const int64_t in_plane = g.in_h * g.in_w;
  const int64_t out_plane = g.out_h * g.out_w;
  for (int64_t n = 0; n < g.batch; ++n) {
    for (int64_t ic = 0; ic < g.in_channels; ++ic) {
      fill_padded_plane(g, x + (n * g.in_channels + ic) * in_plane, p, plane);
      // With one input channel per group, group ic owns output channels ic*cout_g...
      for (int64_t j = 0; j < cout_g; ++j) {
        const int64_t oc = ic * cout_g + j;
        float* y_plane = y + (n * g.out_channels + oc) * out_plane;
        const float b = bias ? bias[oc] : 0.0f;
        // Called through a table, not inlined: see gemm_microkernel.cpp (V8 tiers up
        // per call).
        kStencils[g.stride.w == 1 ? 1 : 0](g, p, tap_table, plane, w + oc * taps, b, y_plane);
      }
    }
  }
}

}  // namespace convplay::fast
