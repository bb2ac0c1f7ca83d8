// conv2d's fast paths. The indirect GEMM sees conv2d through two tables: for output
// row oy and kernel row ky, the input row it reads (or -1 for a zero), and the same
// for columns; padding_source_index fills them, so every padding mode is just a table.
#include "fast_conv2d.h"

#include <vector>

#include "checks.h"
#include "conv2d.h"
#include "depthwise_conv2d.h"
#include "gemm_indirect.h"
#include "limits.h"
#include "output_storage.h"
#include "padding_modes.h"
#include "winograd_conv2d.h"

namespace convplay::fast {

namespace {

std::vector<int32_t> source_table(int64_t out_size, int64_t kernel, int64_t stride, int64_t pad,
                                  int64_t dilation, int64_t in_size, PaddingMode mode) {
  std::vector<int32_t> table(static_cast<size_t>(out_size * kernel));
  for (int64_t o = 0; o < out_size; ++o) {
    for (int64_t k = 0; k < kernel; ++k) {
      table[static_cast<size_t>(o * kernel + k)] =
          static_cast<int32_t>(padded_source_index(o * stride - pad + k * dilation, in_size, mode));
    }
  }
  return table;
}

IndirectGemmShape gemm_shape(const Conv2dGeometry& g) {
  IndirectGemmShape s;
  s.out_channels = g.out_channels_per_group();
  s.in_channels = g.in_channels_per_group();
  s.taps_h = g.kernel_h;
  s.taps_w = g.kernel_w;
  s.rows = g.out_h;
  s.cols = g.out_w;
  s.in_h = g.in_h;
  s.in_w = g.in_w;
  s.y_channel_stride = g.out_h * g.out_w;
  s.y_row_stride = g.out_w;
  s.y_col_step = 1;
  if (g.stride.w == 1) {
    // Output column c, kernel column kx reads padded column c - left + kx*dilation.
    for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
      s.col_offsets.push_back(static_cast<int32_t>(kx * g.dilation.w - g.pads.left));
    }
    s.col_mode = g.padding_mode;
  }
  return s;
}

void indirect_gemm_conv2d(const Conv2dGeometry& g, const float* x, const float* w,
                          const float* bias, float* y) {
  const IndirectGemmShape shape = gemm_shape(g);
  IndirectGemm gemm(shape,
                    source_table(g.out_h, g.kernel_h, g.stride.h, g.pads.top, g.dilation.h, g.in_h,
                                 g.padding_mode),
                    source_table(g.out_w, g.kernel_w, g.stride.w, g.pads.left, g.dilation.w, g.in_w,
                                 g.padding_mode));
  const int64_t depth = shape.depth();
  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  // One group's packed weights at a time: the workspace stays at most one weight tensor.
  std::vector<float> packed(static_cast<size_t>(packed_weights_size(cout_g, depth)));
  for (int64_t group = 0; group < g.groups; ++group) {
    // conv2d's weight [C_out, C_in/groups, kH, kW] already has k = (ic, ky, kx) contiguous.
    const float* w_group = w + group * cout_g * depth;
    pack_weights(cout_g, depth, [&](int64_t oc, int64_t k) { return w_group[oc * depth + k]; },
                 packed.data());
    for (int64_t n = 0; n < g.batch; ++n) {
      gemm.run(x + ((n * g.in_channels) + group * cin_g) * g.in_h * g.in_w, packed.data(),
               bias ? bias + group * cout_g : nullptr,
               y + ((n * g.out_channels) + group * cout_g) * g.out_h * g.out_w);
    }
  }
}

}  // namespace

namespace {

// The depthwise and GEMM paths copy each input plane into a padded one (or its rows)
// first; with a huge dilation or stride most of it is never read, and the loops, whose
// work is the taps alone, win by far (found by tests/fuzz/engine_ops_fuzz: 'same' with
// dilation 65537 spent seconds padding for 15 625 multiply-adds).
bool padding_dominates(const Conv2dGeometry& g) {
  const int64_t taps = checks::product({g.out_h, g.out_w, g.kernel_h, g.kernel_w});
  const int64_t plane = depthwise_workspace_floats(g);  // saturates, as taps does
  return plane > 4096 && (plane - 4096) / 64 > taps;
}

}  // namespace

Conv2dPath choose_conv2d_path(const Conv2dGeometry& g) {
  if (padding_dominates(g)) return Conv2dPath::kReference;
  // groups == 1 first: a 64-bit division costs more than the rest of this test in wasm.
  const bool one_channel_per_group =
      g.groups == 1 ? g.in_channels == 1 : g.in_channels_per_group() == 1;
  if (one_channel_per_group && depthwise_workspace_floats(g) <= kMaxElements) {
    return Conv2dPath::kDepthwise;
  }
  if (winograd_applies(g)) return Conv2dPath::kWinograd;
  const IndirectGemmShape shape = gemm_shape(g);
  const int64_t workspace = IndirectGemm::workspace_floats(shape) +
                            packed_weights_size(shape.out_channels, shape.depth());
  return workspace <= kMaxElements ? Conv2dPath::kIndirectGemm : Conv2dPath::kReference;
}

Status fast_conv2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
                   const Conv2dParams& params, const Conv2dGeometry& g, Tensor* out) {
  // Nothing to multiply (an empty batch, no input channels): the limit on multiply-adds
  // then lets any kernel through, and choosing a path would size tables by it (found by
  // tests/fuzz/engine_ops_fuzz: a 2^30-wide kernel took seconds). The loops write the bias.
  if (g.batch == 0 || g.in_channels == 0) return conv2d_reference(input, weight, bias, params, out);
  const Conv2dPath path = choose_conv2d_path(g);
  if (path == Conv2dPath::kReference) return conv2d_reference(input, weight, bias, params, out);
  Tensor fresh;
  Tensor* result = output_tensor(out, input, weight, bias, g, &fresh);
  if (!result->data.empty()) {
    const float* b = bias ? bias->data : nullptr;
    if (path == Conv2dPath::kDepthwise) {
      depthwise_conv2d(g, input.data, weight.data, b, result->data.data());
    } else if (path == Conv2dPath::kWinograd) {
      winograd_conv2d(g, input.data, weight.data, b, result->data.data());
    } else {
      indirect_gemm_conv2d(g, input.data, weight.data, b, result->data.data());
    }
  }
  if (result == &fresh) *out = std::move(fresh);
  return Status::Ok();
}

}  // namespace convplay::fast
