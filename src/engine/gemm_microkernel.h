// The inner kernel of every fast GEMM-shaped path: a register-blocked tile of up to
// 4 output channels x 8 pixels, fed by an indirection list of B rows.
#pragma once

#include <cstdint>

namespace convplay::fast {

// Output channels per tile (rows of A) and pixels per tile (lanes of B). 4 x 8 keeps
// 8 accumulators + 2 B vectors + 1 broadcast A value live: 11 vector registers, under
// the ~12 that V8 allocates for wasm SIMD without spilling.
constexpr int64_t kTileChannels = 4;
constexpr int64_t kTilePixels = 8;

// For r < channels (1..4) and j < pixels (1..8):
//   y[r * y_channel_stride + j * y_pixel_step] =
//       bias[r] + sum_{k < depth} a[k * 4 + r] * b_rows[k][b_offset + j]
// a is one packed block of A (depth x 4, channels past `channels` are zero-padded);
// every b_rows[k] + b_offset must have 8 readable floats, even when pixels < 8.
// bias: 4 values (zeros past `channels`).
void gemm_tile(int64_t channels, int64_t depth, const float* a, const float* const* b_rows,
               int64_t b_offset, const float* bias, float* y, int64_t y_channel_stride,
               int64_t y_pixel_step, int64_t pixels);

// The same with B packed contiguously (depth x 8): b_rows[k] == b + 8 * k.
void gemm_tile_packed(int64_t channels, int64_t depth, const float* a, const float* b,
                      const float* bias, float* y, int64_t y_channel_stride,
                      int64_t y_pixel_step, int64_t pixels);

}  // namespace convplay::fast
