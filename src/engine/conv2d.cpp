// Conv2d as the textbook sum, one output element at a time:
//   y[n, oc, oy, ox] = b[oc] + sum_{ic, ky, kx} x[n, g*Cin_g + ic, oy*s - pad + ky*d, ...] * w[oc, ic, ky, kx]
// where out-of-range input coordinates read zero or, with a padding mode, the cell
// padded_source_index maps them to.
#include "conv2d.h"

#include "fast_conv2d.h"
#include "geometry.h"
#include "padding_modes.h"

namespace convplay {

Status conv2d_reference(const TensorView& input, const TensorView& weight, const TensorView* bias,
                        const Conv2dParams& params, Tensor* out) {
  Conv2dGeometry g;
  if (Status s = plan_conv2d(input, weight, bias, params, &g); !s.ok()) return s;

  Tensor result;
  result.shape = g.output_shape();
  result.data.assign(static_cast<size_t>(element_count(result.shape)), 0.0f);

  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  const float* x = input.data;
  const float* w = weight.data;
  float* y = result.data.data();
  for (int64_t n = 0; n < g.batch; ++n) {
    for (int64_t oc = 0; oc < g.out_channels; ++oc) {
      const int64_t group = oc / cout_g;
      for (int64_t oy = 0; oy < g.out_h; ++oy) {
        for (int64_t ox = 0; ox < g.out_w; ++ox) {
          // double: the reference is the accurate one the fast paths are measured against.
          double sum = bias ? bias->data[oc] : 0.0;
          for (int64_t ic = 0; ic < cin_g; ++ic) {
            const int64_t channel = group * cin_g + ic;
            const float* x_plane = x + (n * g.in_channels + channel) * g.in_h * g.in_w;
            const float* w_plane = w + (oc * cin_g + ic) * g.kernel_h * g.kernel_w;
            for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
              const int64_t iy = padded_source_index(
                  oy * g.stride.h - g.pads.top + ky * g.dilation.h, g.in_h, g.padding_mode);
              if (iy < 0) continue;
              for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
                const int64_t ix = padded_source_index(
                    ox * g.stride.w - g.pads.left + kx * g.dilation.w, g.in_w, g.padding_mode);
                if (ix < 0) continue;
                sum += double{x_plane[iy * g.in_w + ix]} * double{w_plane[ky * g.kernel_w + kx]};
              }
            }
          }
          y[((n * g.out_channels + oc) * g.out_h + oy) * g.out_w + ox] = static_cast<float>(sum);
        }
      }
    }
  }
  *out = std::move(result);
  return Status::Ok();
}

// The fast paths (fast_conv2d.cpp) compute the same sums, blocked for SIMD; the tests
// hold them equal to conv2d_reference on random configurations.
Status conv2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
              const Conv2dParams& params, Tensor* out) {
  Conv2dGeometry g;
  if (Status s = plan_conv2d(input, weight, bias, params, &g); !s.ok()) return s;
  return fast::fast_conv2d(input, weight, bias, params, g, out);
}

}  // namespace convplay
