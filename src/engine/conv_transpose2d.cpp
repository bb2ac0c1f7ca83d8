// ConvTranspose2d as a scatter: every input pixel stamps its weighted kernel onto the
// output, and overlapping stamps add up:
//   y[n, g*Cout_g + oc, iy*s - p + ky*d, ix*s - p + kx*d] += x[n, g*Cin_g + ic, iy, ix] * w[g*Cin_g + ic, oc, ky, kx]
// Stamps that land outside the output (cut off by padding) are dropped.
#include "conv_transpose2d.h"

#include "fast_conv_transpose2d.h"
#include "geometry.h"

namespace convplay {

Status conv_transpose2d_reference(const TensorView& input, const TensorView& weight,
                                  const TensorView* bias, const ConvTranspose2dParams& params,
                                  Tensor* out) {
  ConvTranspose2dGeometry g;
  if (Status s = plan_conv_transpose2d(input, weight, bias, params, &g); !s.ok()) return s;
  const Shape out_shape = g.output_shape();
  const int64_t plane = g.out_h * g.out_w;
  // Accumulate in double so the reference does not depend on the order of the stamps.
  std::vector<double> sums(static_cast<size_t>(element_count(out_shape)), 0.0);

  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  const float* x = input.data;
  const float* w = weight.data;
  for (int64_t n = 0; n < g.batch; ++n) {
    for (int64_t ic = 0; ic < g.in_channels; ++ic) {
      const int64_t group = ic / cin_g;
      const float* x_plane = x + (n * g.in_channels + ic) * g.in_h * g.in_w;
      for (int64_t oc = 0; oc < cout_g; ++oc) {
        const int64_t out_channel = group * cout_g + oc;
        double* y_plane = sums.data() + (n * g.out_channels + out_channel) * plane;
        const float* w_plane = w + (ic * cout_g + oc) * g.kernel_h * g.kernel_w;
        for (int64_t iy = 0; iy < g.in_h; ++iy) {
          for (int64_t ix = 0; ix < g.in_w; ++ix) {
            const double value = x_plane[iy * g.in_w + ix];
            for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
              const int64_t oy = iy * g.stride.h - g.padding.h + ky * g.dilation.h;
              if (oy < 0 || oy >= g.out_h) continue;
              for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
                const int64_t ox = ix * g.stride.w - g.padding.w + kx * g.dilation.w;
                if (ox < 0 || ox >= g.out_w) continue;
                y_plane[oy * g.out_w + ox] += value * double{w_plane[ky * g.kernel_w + kx]};
              }
            }
          }
        }
      }
    }
  }

  Tensor result;
  result.shape = out_shape;
  result.data.resize(sums.size());
  for (size_t i = 0; i < sums.size(); ++i) {
    const int64_t channel = (static_cast<int64_t>(i) / plane) % g.out_channels;
    result.data[i] = static_cast<float>(sums[i] + (bias ? double{bias->data[channel]} : 0.0));
  }
  *out = std::move(result);
  return Status::Ok();
}

// The fast path (fast_conv_transpose2d.cpp) gathers per sub-pixel phase instead of
// scattering; the tests hold it equal to conv_transpose2d_reference.
Status conv_transpose2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
                        const ConvTranspose2dParams& params, Tensor* out) {
  ConvTranspose2dGeometry g;
  if (Status s = plan_conv_transpose2d(input, weight, bias, params, &g); !s.ok()) return s;
  if (!fast::fast_conv_transpose2d_fits(g)) {
    return conv_transpose2d_reference(input, weight, bias, params, out);
  }
  return fast::fast_conv_transpose2d(input, weight, bias, g, out);
}

}  // namespace convplay
