// Winograd F(2x2, 3x3) for conv2d (winograd_core.h has the transforms and the GEMMs):
// here only the geometry -- which input row and column each patch row and column reads,
// padding modes included -- and the weight order.
#include "winograd_conv2d.h"

#include <vector>

#include "padding_modes.h"
#include "winograd_core.h"

namespace convplay::fast {

namespace {

using winograd::F2x3;

// Input coordinate of patch row/column i (0 .. 2*tiles+1), or -1 for a zero: padding
// modes map through padded_source_index; coordinates past the padded input only feed
// outputs that are dropped, and read zero.
std::vector<int32_t> patch_sources(int64_t out_size, int64_t pad_before, int64_t pad_after,
                                   int64_t size, PaddingMode mode) {
  const int64_t count = 2 * winograd::tiles_along<F2x3>(out_size) + F2x3::kPatch - 2;
  std::vector<int32_t> sources(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    const int64_t v = i - pad_before;
    const bool padded = v >= -pad_before && v < size + pad_after;
    sources[static_cast<size_t>(i)] = padded ? static_cast<int32_t>(padded_source_index(v, size, mode)) : -1;
  }
  return sources;
}

winograd::Problem problem(const Conv2dGeometry& g) {
  winograd::Problem p;
  p.in_channels = g.in_channels_per_group();
  p.out_channels = g.out_channels_per_group();
  p.rows = g.out_h;
  p.cols = g.out_w;
  p.in_h = g.in_h;
  p.in_w = g.in_w;
  p.row_src = patch_sources(g.out_h, g.pads.top, g.pads.bottom, g.in_h, g.padding_mode);
  p.col_src = patch_sources(g.out_w, g.pads.left, g.pads.right, g.in_w, g.padding_mode);
  p.y_channel_stride = g.out_h * g.out_w;
  p.y_row_stride = g.out_w;
  p.y_col_step = 1;
  return p;
}

}  // namespace

bool winograd_applies(const Conv2dGeometry& g) {
  if (g.kernel_h != 3 || g.kernel_w != 3) return false;
  if (g.stride.h != 1 || g.stride.w != 1 || g.dilation.h != 1 || g.dilation.w != 1) return false;
  // With few channels the transforms (per channel and tile) outweigh the saved multiplies.
  if (g.in_channels_per_group() < 8 || g.out_channels_per_group() < 8) return false;
  return winograd::workspace_floats<F2x3>(problem(g)) <= g.batch * g.out_channels * g.out_h * g.out_w;
}

void winograd_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                     float* y) {
  winograd::Runner<F2x3> runner(problem(g));
  const int64_t cin_g = g.in_channels_per_group(), cout_g = g.out_channels_per_group();
  for (int64_t group = 0; group < g.groups; ++group) {
    // conv2d's weight [C_out, C_in/groups, 3, 3] is already in correlation order.
    runner.pack_weights([&](int64_t oc, int64_t ic, float* k) {
      const float* src = w + ((group * cout_g + oc) * cin_g + ic) * 9;
      for (int t = 0; t < 9; ++t) k[t] = src[t];
    });
    for (int64_t n = 0; n < g.batch; ++n) {
      runner.run(x + (n * g.in_channels + group * cin_g) * g.in_h * g.in_w,
                 bias ? bias + group * cout_g : nullptr,
                 y + (n * g.out_channels + group * cout_g) * g.out_h * g.out_w);
    }
  }
}

}  // namespace convplay::fast
