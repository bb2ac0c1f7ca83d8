// The 4x8 tile kernel: the only loop where the time of a large convolution goes.
#include "gemm_microkernel.h"

#include "simd4.h"

namespace convplay::fast {

namespace {

using simd::F32x4;

// One template per channel count, so that the accumulator arrays fold into registers
// (the loops over r are unrolled at compile time).
template <int kChannels>
void tile(int64_t depth, const float* a, const float* const* b_rows, int64_t b_offset,
          const float* bias, float* y, int64_t y_channel_stride, int64_t y_pixel_step,
          int64_t pixels) {
  F32x4 lo[kChannels], hi[kChannels];
  for (int r = 0; r < kChannels; ++r) lo[r] = hi[r] = simd::splat4(bias[r]);
  for (int64_t k = 0; k < depth; ++k) {
    const float* b = b_rows[k] + b_offset;
    const F32x4 b_lo = simd::load4(b);
    const F32x4 b_hi = simd::load4(b + 4);
    for (int r = 0; r < kChannels; ++r) {
      const F32x4 a_r = simd::splat4(a[r]);
      lo[r] = simd::mul_add4(lo[r], a_r, b_lo);
      hi[r] = simd::mul_add4(hi[r], a_r, b_hi);
    }
    a += kTileChannels;
  }
  if (pixels == kTilePixels && y_pixel_step == 1) {
    for (int r = 0; r < kChannels; ++r) {
      simd::store4(y + r * y_channel_stride, lo[r]);
      simd::store4(y + r * y_channel_stride + 4, hi[r]);
    }
    return;
  }
  // Edge tiles and strided outputs (transposed-conv phases): lane by lane.
  for (int r = 0; r < kChannels; ++r) {
    float lanes[kTilePixels];
    simd::store4(lanes, lo[r]);
    simd::store4(lanes + 4, hi[r]);
    for (int64_t j = 0; j < pixels; ++j) y[r * y_channel_stride + j * y_pixel_step] = lanes[j];
  }
}

}  // namespace

void gemm_tile(int64_t channels, int64_t depth, const float* a, const float* const* b_rows,
               int64_t b_offset, const float* bias, float* y, int64_t y_channel_stride,
               int64_t y_pixel_step, int64_t pixels) {
  switch (channels) {
    case 4: return tile<4>(depth, a, b_rows, b_offset, bias, y, y_channel_stride, y_pixel_step, pixels);
    case 3: return tile<3>(depth, a, b_rows, b_offset, bias, y, y_channel_stride, y_pixel_step, pixels);
    case 2: return tile<2>(depth, a, b_rows, b_offset, bias, y, y_channel_stride, y_pixel_step, pixels);
    default: return tile<1>(depth, a, b_rows, b_offset, bias, y, y_channel_stride, y_pixel_step, pixels);
  }
}

}  // namespace convplay::fast
