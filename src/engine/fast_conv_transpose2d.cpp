// Transposed convolution without scatter. Output row oy receives kernel row ky from
// input row iy exactly when oy = iy*s - p + ky*d, i.e. iy = (oy + p - ky*d) / s with
// no remainder. Whether the remainder is zero depends only on oy mod s (the phase), so
// for the output rows of one phase (oy = phase + j*s) a fixed subset of kernel rows
// contributes, each from input row j + const: a stride-1 correlation. Same for columns.
// Every output element belongs to exactly one phase and is written once, as a gather
// (no accumulation into the output, no atomics, no zero-fill pass).
#include "fast_conv_transpose2d.h"

#include <algorithm>
#include <vector>

#include "gemm_indirect.h"
#include "limits.h"
#include "output_storage.h"
#include "winograd_core.h"

namespace convplay::fast {

namespace {

// One axis of one phase: the kernel taps that land on it and, for each output
// position of the phase, the input index each tap reads (-1 outside the input).
struct PhaseAxis {
  std::vector<int64_t> taps;       // kernel indices k with (phase + p - k*d) % s == 0
  int64_t positions = 0;           // output indices phase, phase + s, ... < out
  std::vector<int32_t> source;     // positions x taps
};

PhaseAxis phase_axis(int64_t phase, int64_t stride, int64_t padding, int64_t dilation,
                     int64_t kernel, int64_t in_size, int64_t out_size) {
  PhaseAxis axis;
  for (int64_t k = 0; k < kernel; ++k) {
    const int64_t offset = phase + padding - k * dilation;
    if (((offset % stride) + stride) % stride == 0) axis.taps.push_back(k);
  }
  axis.positions = phase < out_size ? (out_size - phase + stride - 1) / stride : 0;
  const int64_t taps = static_cast<int64_t>(axis.taps.size());
  axis.source.resize(static_cast<size_t>(axis.positions * taps));
  for (int64_t j = 0; j < axis.positions; ++j) {
    for (int64_t t = 0; t < taps; ++t) {
      // Exact division: the numerator is a multiple of the stride by the choice of taps.
      const int64_t i = (phase + j * stride + padding - axis.taps[static_cast<size_t>(t)] * dilation) / stride;
      axis.source[static_cast<size_t>(j * taps + t)] = i >= 0 && i < in_size ? static_cast<int32_t>(i) : -1;
    }
  }
  return axis;
}

// A phase axis as Winograd's F(2x2, 2x2) needs it: exactly two taps, reading input
// indices j + base and j + base + 1 (first_tap is the one that reads j + base).
struct WinogradAxis {
  bool applies = false;
  int64_t first_tap = 0, second_tap = 0, base = 0;
};

WinogradAxis winograd_axis(const PhaseAxis& axis, int64_t phase, int64_t stride, int64_t padding,
                           int64_t dilation) {
  WinogradAxis w;
  if (axis.taps.size() != 2) return w;
  const int64_t k0 = axis.taps[0], k1 = axis.taps[1];
  const int64_t off0 = (phase + padding - k0 * dilation) / stride;
  const int64_t off1 = (phase + padding - k1 * dilation) / stride;
  if (off1 == off0 - 1) w = {true, k1, k0, off1};
  if (off0 == off1 - 1) w = {true, k0, k1, off0};
  return w;
}

// Input index of patch row/column i of the phase's Winograd tiles, or -1 (zero).
std::vector<int32_t> winograd_sources(int64_t positions, int64_t base, int64_t in_size) {
  const int64_t count = 2 * winograd::tiles_along<winograd::F2x2>(positions) + winograd::F2x2::kPatch - 2;
  std::vector<int32_t> sources(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    const int64_t v = i + base;
    sources[static_cast<size_t>(i)] = v >= 0 && v < in_size ? static_cast<int32_t>(v) : -1;
  }
  return sources;
}

// One phase by Winograd F(2x2, 2x2) when it is a 2x2 correlation with enough channels
// (the stride-2, kernel-4 decoder layers): 9 multiplies per 2x2 outputs instead of 16.
// Returns false, having done nothing, when it does not apply.
bool phase_by_winograd(const ConvTranspose2dGeometry& g, const PhaseAxis& rows, const PhaseAxis& cols,
                       int64_t py, int64_t px, const float* x, const float* w, const float* bias,
                       float* y) {
  const int64_t cin_g = g.in_channels_per_group(), cout_g = g.out_channels_per_group();
  if (cin_g < 8 || cout_g < 8) return false;
  const WinogradAxis wr = winograd_axis(rows, py, g.stride.h, g.padding.h, g.dilation.h);
  const WinogradAxis wc = winograd_axis(cols, px, g.stride.w, g.padding.w, g.dilation.w);
  if (!wr.applies || !wc.applies) return false;
  winograd::Problem p;
  p.in_channels = cin_g;
  p.out_channels = cout_g;
  p.rows = rows.positions;
  p.cols = cols.positions;
  p.in_h = g.in_h;
  p.in_w = g.in_w;
  p.row_src = winograd_sources(rows.positions, wr.base, g.in_h);
  p.col_src = winograd_sources(cols.positions, wc.base, g.in_w);
  p.y_channel_stride = g.out_h * g.out_w;
  p.y_row_stride = g.stride.h * g.out_w;
  p.y_col_step = g.stride.w;
  if (winograd::workspace_floats<winograd::F2x2>(p) > g.batch * g.out_channels * g.out_h * g.out_w) {
    return false;
  }
  winograd::Runner<winograd::F2x2> runner(std::move(p));
  const int64_t row_taps[2] = {wr.first_tap, wr.second_tap};
  const int64_t col_taps[2] = {wc.first_tap, wc.second_tap};
  for (int64_t group = 0; group < g.groups; ++group) {
    runner.pack_weights([&](int64_t oc, int64_t ic, float* k) {
      const float* kernel = w + ((group * cin_g + ic) * cout_g + oc) * g.kernel_h * g.kernel_w;
      for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 2; ++j) k[i * 2 + j] = kernel[row_taps[i] * g.kernel_w + col_taps[j]];
      }
    });
    for (int64_t n = 0; n < g.batch; ++n) {
      runner.run(x + (n * g.in_channels + group * cin_g) * g.in_h * g.in_w,
                 bias ? bias + group * cout_g : nullptr,
                 y + (n * g.out_channels + group * cout_g) * g.out_h * g.out_w + py * g.out_w + px);
    }
  }
  return true;
}

}  // namespace

bool fast_conv_transpose2d_fits(const ConvTranspose2dGeometry& g) {
  // Over-estimates of the largest phase: tables, B rows and packed weights.
  const int64_t depth = g.in_channels_per_group() * g.kernel_h * g.kernel_w;
  const int64_t floats = g.out_h * g.kernel_h + g.out_w * g.kernel_w +
                         depth * (kTilePixels + 2) + (g.out_w + 16) * 3 +
                         packed_weights_size(g.out_channels_per_group(), depth);
  return floats <= kMaxElements;
}

Status fast_conv_transpose2d(const TensorView& input, const TensorView& weight,
                             const TensorView* bias, const ConvTranspose2dGeometry& g,
                             Tensor* out) {
  Tensor fresh;
  Tensor& result = *output_tensor(out, input, weight, bias, g.output_shape(), &fresh);
  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  const int64_t taps_per_kernel = g.kernel_h * g.kernel_w;
  const int64_t out_plane = g.out_h * g.out_w;
  const float* x = input.data;
  const float* w = weight.data;
  float* y = result.data.data();
  std::vector<float> packed;
  // Phases at or past the output size own no output rows/cols: a stride far larger
  // than the output must not cost a loop over every phase.
  const int64_t phases_h = std::min(g.stride.h, g.out_h);
  const int64_t phases_w = std::min(g.stride.w, g.out_w);
  for (int64_t py = 0; py < phases_h && !result.data.empty(); ++py) {
    const PhaseAxis rows =
        phase_axis(py, g.stride.h, g.padding.h, g.dilation.h, g.kernel_h, g.in_h, g.out_h);
    if (rows.positions == 0) continue;
    for (int64_t px = 0; px < phases_w; ++px) {
      const PhaseAxis cols =
          phase_axis(px, g.stride.w, g.padding.w, g.dilation.w, g.kernel_w, g.in_w, g.out_w);
      if (cols.positions == 0) continue;
      if (phase_by_winograd(g, rows, cols, py, px, x, w, bias ? bias->data : nullptr, y)) continue;
      IndirectGemmShape s;
      s.out_channels = cout_g;
      s.in_channels = cin_g;
      s.taps_h = static_cast<int64_t>(rows.taps.size());
      s.taps_w = static_cast<int64_t>(cols.taps.size());
      s.rows = rows.positions;
      s.cols = cols.positions;
      s.in_h = g.in_h;
      s.in_w = g.in_w;
      s.y_channel_stride = out_plane;
      s.y_row_stride = g.stride.h * g.out_w;
      s.y_col_step = g.stride.w;
      // Phase column j, tap t reads input column j + (px + p - kx_t*d) / s: unit stride.
      for (int64_t kx : cols.taps) {
        s.col_offsets.push_back(static_cast<int32_t>((px + g.padding.w - kx * g.dilation.w) / g.stride.w));
      }
      IndirectGemm gemm(s, rows.source, cols.source);
      const int64_t depth = s.depth();
      packed.resize(static_cast<size_t>(packed_weights_size(cout_g, depth)));
      for (int64_t group = 0; group < g.groups; ++group) {
        // Weight [C_in, C_out/groups, kH, kW]: A[oc, (ic, ty, tx)] is the phase's tap of
        // w[group*cin_g + ic, oc] -- the in/out swap of the transposed convolution.
        auto get = [&](int64_t oc, int64_t k) {
          const int64_t tx = k % s.taps_w;
          const int64_t ty = (k / s.taps_w) % s.taps_h;
          const int64_t ic = k / (s.taps_w * s.taps_h);
          const float* kernel = w + ((group * cin_g + ic) * cout_g + oc) * taps_per_kernel;
          return kernel[rows.taps[static_cast<size_t>(ty)] * g.kernel_w + cols.taps[static_cast<size_t>(tx)]];
        };
        pack_weights(cout_g, depth, get, packed.data());
        for (int64_t n = 0; n < g.batch; ++n) {
          gemm.run(x + (n * g.in_channels + group * cin_g) * g.in_h * g.in_w, packed.data(),
                   bias ? bias->data + group * cout_g : nullptr,
                   y + (n * g.out_channels + group * cout_g) * out_plane + py * g.out_w + px);
        }
      }
    }
  }
  if (&result == &fresh) *out = std::move(fresh);
  return Status::Ok();
}

}  // namespace convplay::fast
