// The tutorial's formulation, step by step; each step is a tensor the app can draw.
#include "transposed_as_conv.h"

#include <algorithm>

#include "conv2d.h"
#include "format.h"
#include "geometry.h"
#include "limits.h"

namespace convplay {

namespace {

Shape with_rank(bool batched, int64_t n, int64_t c, int64_t h, int64_t w) {
  if (!batched) return {c, h, w};
  return {n, c, h, w};
}

Status check_workspace(const char* what, const Shape& shape) {
  const int64_t elements = element_count(shape);
  if (elements <= kMaxElements) return Status::Ok();
  return Status::Error(ErrorCode::kTooLarge, "input",
                       cat("the ", what, " input ", format_list(shape), " would have ", elements,
                           " elements; convplay computes at most ", kMaxElements));
}

}  // namespace

Status conv_transpose2d_as_conv(const TensorView& input, const TensorView& weight,
                                const TensorView* bias, const ConvTranspose2dParams& params,
                                TransposedAsConv* out) {
  ConvTranspose2dGeometry g;
  if (Status s = plan_conv_transpose2d(input, weight, bias, params, &g); !s.ok()) return s;
  TransposedAsConv r;

  // 1. Spread: stride-1 zeros between neighbouring pixels.
  const int64_t spread_h = g.in_h == 0 ? 0 : (g.in_h - 1) * g.stride.h + 1;
  const int64_t spread_w = g.in_w == 0 ? 0 : (g.in_w - 1) * g.stride.w + 1;
  r.spread.shape = with_rank(g.batched, g.batch, g.in_channels, spread_h, spread_w);
  if (Status s = check_workspace("spread", r.spread.shape); !s.ok()) return s;
  r.spread.data.assign(static_cast<size_t>(element_count(r.spread.shape)), 0.0f);
  const int64_t planes = g.batch * g.in_channels;
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t iy = 0; iy < g.in_h; ++iy) {
      for (int64_t ix = 0; ix < g.in_w; ++ix) {
        r.spread.data[static_cast<size_t>((p * spread_h + iy * g.stride.h) * spread_w +
                                          ix * g.stride.w)] =
            input.data[(p * g.in_h + iy) * g.in_w + ix];
      }
    }
  }

  // 2. Pad by d*(k-1)-p on each side (crop where that is negative), plus
  //    output_padding at the bottom/right.
  r.pad_top = g.dilation.h * (g.kernel_h - 1) - g.padding.h;
  r.pad_left = g.dilation.w * (g.kernel_w - 1) - g.padding.w;
  r.pad_bottom = r.pad_top + g.output_padding.h;
  r.pad_right = r.pad_left + g.output_padding.w;
  const int64_t padded_h = std::max<int64_t>(0, spread_h + r.pad_top + r.pad_bottom);
  const int64_t padded_w = std::max<int64_t>(0, spread_w + r.pad_left + r.pad_right);
  r.padded.shape = with_rank(g.batched, g.batch, g.in_channels, padded_h, padded_w);
  if (Status s = check_workspace("padded", r.padded.shape); !s.ok()) return s;
  r.padded.data.assign(static_cast<size_t>(element_count(r.padded.shape)), 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t y = 0; y < padded_h; ++y) {
      const int64_t sy = y - r.pad_top;
      if (sy < 0 || sy >= spread_h) continue;
      for (int64_t x = 0; x < padded_w; ++x) {
        const int64_t sx = x - r.pad_left;
        if (sx < 0 || sx >= spread_w) continue;
        r.padded.data[static_cast<size_t>((p * padded_h + y) * padded_w + x)] =
            r.spread.data[static_cast<size_t>((p * spread_h + sy) * spread_w + sx)];
      }
    }
  }

  // 3. The equivalent kernel: rotated 180 degrees, in/out channels swapped per group.
  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  const int64_t kh = g.kernel_h;
  const int64_t kw = g.kernel_w;
  r.equivalent_kernel.shape = {g.out_channels, cin_g, kh, kw};
  r.equivalent_kernel.data.resize(static_cast<size_t>(element_count(r.equivalent_kernel.shape)));
  for (int64_t group = 0; group < g.groups; ++group) {
    for (int64_t o = 0; o < cout_g; ++o) {
      for (int64_t i = 0; i < cin_g; ++i) {
        for (int64_t ky = 0; ky < kh; ++ky) {
          for (int64_t kx = 0; kx < kw; ++kx) {
            const int64_t to = (((group * cout_g + o) * cin_g + i) * kh + ky) * kw + kx;
            const int64_t from =
                (((group * cin_g + i) * cout_g + o) * kh + (kh - 1 - ky)) * kw + (kw - 1 - kx);
            r.equivalent_kernel.data[static_cast<size_t>(to)] = weight.data[from];
          }
        }
      }
    }
  }

  // 4. An ordinary convolution at stride 1. An empty batch (the only way H or W can be 0
  //    here) has no pixels to spread, and its spread size (H-1)s+1 would be negative.
  if (g.batch == 0) {
    r.output.shape = g.output_shape();
    *out = std::move(r);
    return Status::Ok();
  }
  Conv2dParams conv;
  conv.dilation = g.dilation;
  conv.groups = g.groups;
  if (Status s = conv2d_reference(r.padded.view(), r.equivalent_kernel.view(), bias, conv,
                                  &r.output);
      !s.ok()) {
    return s;
  }
  *out = std::move(r);
  return Status::Ok();
}

}  // namespace convplay
