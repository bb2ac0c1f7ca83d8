// The 4x8 tile kernel: the only loop where the time of a large convolution goes.
#include "gemm_microkernel.h"

#include "simd4.h"

namespace convplay::fast {

namespace {

using simd::F32x4;

// Writes one channel's 8 results: two vector stores, or lane by lane for edge tiles and
// strided outputs (transposed-conv phases).
inline void store_row(float* y, F32x4 lo, F32x4 hi, int64_t step, int64_t pixels) {
  if (pixels == kTilePixels && step == 1) {
    simd::store4(y, lo);
    simd::store4(y + 4, hi);
    return;
  }
  float lanes[kTilePixels];
  simd::store4(lanes, lo);
  simd::store4(lanes + 4, hi);
  for (int64_t j = 0; j < pixels; ++j) y[j * step] = lanes[j];
}

// One template per channel count. The accumulators are named variables, not arrays:
// GCC keeps an array of vectors on the stack, and a store/reload in the inner loop
// halves the speed. Unused rows cost nothing (if constexpr).
// Where row k of B starts: through the indirection list, or in a packed panel.
struct IndirectB {
  const float* const* rows;
  int64_t offset;
  const float* row(int64_t k) const { return rows[k] + offset; }
};
struct PackedB {
  const float* panel;
  const float* row(int64_t k) const { return panel + k * kTilePixels; }
};

template <int kChannels, typename BSource>
void tile(int64_t depth, const float* a, BSource b_source, const float* bias, float* y,
          int64_t y_channel_stride, int64_t y_pixel_step, int64_t pixels) {
  F32x4 lo0 = simd::splat4(bias[0]), hi0 = lo0;
  F32x4 lo1 = simd::splat4(bias[1]), hi1 = lo1;
  F32x4 lo2 = simd::splat4(bias[2]), hi2 = lo2;
  F32x4 lo3 = simd::splat4(bias[3]), hi3 = lo3;
  for (int64_t k = 0; k < depth; ++k) {
    const float* b = b_source.row(k);
    const F32x4 b_lo = simd::load4(b);
    const F32x4 b_hi = simd::load4(b + 4);
    F32x4 a_r = simd::splat4(a[0]);
    lo0 = simd::mul_add4(lo0, a_r, b_lo);
    hi0 = simd::mul_add4(hi0, a_r, b_hi);
    if constexpr (kChannels > 1) {
      a_r = simd::splat4(a[1]);
      lo1 = simd::mul_add4(lo1, a_r, b_lo);
      hi1 = simd::mul_add4(hi1, a_r, b_hi);
    }
    if constexpr (kChannels > 2) {
      a_r = simd::splat4(a[2]);
      lo2 = simd::mul_add4(lo2, a_r, b_lo);
      hi2 = simd::mul_add4(hi2, a_r, b_hi);
    }
    if constexpr (kChannels > 3) {
      a_r = simd::splat4(a[3]);
      lo3 = simd::mul_add4(lo3, a_r, b_lo);
      hi3 = simd::mul_add4(hi3, a_r, b_hi);
    }
    a += kTileChannels;
  }
  store_row(y, lo0, hi0, y_pixel_step, pixels);
  if constexpr (kChannels > 1) store_row(y + y_channel_stride, lo1, hi1, y_pixel_step, pixels);
  if constexpr (kChannels > 2) store_row(y + 2 * y_channel_stride, lo2, hi2, y_pixel_step, pixels);
  if constexpr (kChannels > 3) store_row(y + 3 * y_channel_stride, lo3, hi3, y_pixel_step, pixels);
}

// The kernels are called through these tables, never inlined into their caller: V8
// only moves a wasm function to its optimizing tier between calls, so a kernel inlined
// into the once-per-convolution driver would run the whole first convolution in the
// baseline tier (about 3x slower); called per tile, it is optimized within the first call.
template <typename BSource>
using TileFunction = void (*)(int64_t, const float*, BSource, const float*, float*, int64_t,
                              int64_t, int64_t);
template <typename BSource>
constexpr TileFunction<BSource> kTiles[kTileChannels] = {tile<1, BSource>, tile<2, BSource>,
                                                         tile<3, BSource>, tile<4, BSource>};

}  // namespace

void gemm_tile(int64_t channels, int64_t depth, const float* a, const float* const* b_rows,
               int64_t b_offset, const float* bias, float* y, int64_t y_channel_stride,
               int64_t y_pixel_step, int64_t pixels) {
  kTiles<IndirectB>[channels - 1](depth, a, IndirectB{b_rows, b_offset}, bias, y,
                                  y_channel_stride, y_pixel_step, pixels);
}

void gemm_tile_packed(int64_t channels, int64_t depth, const float* a, const float* b_panel,
                      const float* bias, float* y, int64_t y_channel_stride,
                      int64_t y_pixel_step, int64_t pixels) {
  kTiles<PackedB>[channels - 1](depth, a, PackedB{b_panel}, bias, y, y_channel_stride,
                                y_pixel_step, pixels);
}

}  // namespace convplay::fast
