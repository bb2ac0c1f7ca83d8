// The machinery shared by the Winograd paths (Lavin & Gray 2015): F(2x2, 3x3) for 3x3
// convolutions and F(2x2, 2x2) for the 2x2 sub-kernels of stride-2 transposed
// convolutions (the transforms are in winograd_transforms.h). For a transform T (input patch kPatch x kPatch, kernel kKernel x kKernel,
// kPositions = kPatch^2), each 2x2 output tile is A^T [ (G g G^T) .* (B^T d B) ] A;
// summed over input channels, the elementwise product becomes, for each position xi, a
// GEMM  M[xi] (C_out x tiles) = U[xi] (C_out x C_in) * V[xi] (C_in x tiles), run on the
// 4x8 tile kernel. Tiles go in chunks of kChunkTiles so that V and M stay small.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "gemm_indirect.h"
#include "gemm_microkernel.h"
#include "simd4.h"
#include "winograd_transforms.h"

namespace convplay::fast::winograd {

constexpr int64_t kChunkTiles = 32;  // output tiles per round of GEMMs (4 panels of 8)

// One group's convolution as the core sees it: output pixel (r, c) of channel oc is
//   sum_{ic, i, j} g[oc, ic, i, j] * x[ic, row_src[r + i], col_src[c + j]]
// (a correlation; source -1 reads zero), stored at y + oc*y_channel_stride +
// r*y_row_stride + c*y_col_step.
struct Problem {
  int64_t in_channels = 0, out_channels = 0;
  int64_t rows = 0, cols = 0;
  int64_t in_h = 0, in_w = 0;
  std::vector<int32_t> row_src, col_src;  // 2*tiles + kPatch - 2 entries each
  int64_t y_channel_stride = 0, y_row_stride = 0, y_col_step = 1;
};

template <typename T>
int64_t tiles_along(int64_t size) { return (size + 1) / 2; }

template <typename T>
int64_t workspace_floats(const Problem& p) {
  const int64_t patch_cols = 2 * tiles_along<T>(p.cols) + T::kPatch - 2;
  return T::kPositions * (packed_weights_size(p.out_channels, p.in_channels) +
                          kChunkTiles * p.in_channels + p.out_channels * kChunkTiles + kChunkTiles) +
         (2 * kChunkTiles + T::kPatch) * (patch_cols + 8);
}

template <typename T>
class Runner {
 public:
  explicit Runner(Problem problem) : p_(std::move(problem)) {
    tiles_h_ = tiles_along<T>(p_.rows);
    tiles_w_ = tiles_along<T>(p_.cols);
    packed_ = packed_weights_size(p_.out_channels, p_.in_channels);
    u_packed_.resize(static_cast<size_t>(T::kPositions * packed_));
    v_panels_.resize(static_cast<size_t>(T::kPositions * kChunkTiles * p_.in_channels));
    m_chunk_.resize(static_cast<size_t>(T::kPositions * p_.out_channels * kChunkTiles));
    padded_width_ = static_cast<int64_t>(p_.col_src.size());
    copy_begin_ = 0;
    while (copy_begin_ < padded_width_ && p_.col_src[static_cast<size_t>(copy_begin_)] < 0) ++copy_begin_;
    copy_end_ = copy_begin_;
    while (copy_end_ < padded_width_ &&
           p_.col_src[static_cast<size_t>(copy_end_)] == p_.col_src[static_cast<size_t>(copy_begin_)] + (copy_end_ - copy_begin_)) {
      ++copy_end_;
    }
    // Slack after each row: the last lanes of a 4-tile step's second load (dropped).
    row_pitch_ = padded_width_ + 8;
    padded_rows_.assign(static_cast<size_t>((2 * kChunkTiles + T::kPatch) * row_pitch_), 0.0f);
    staging_.assign(static_cast<size_t>(T::kPositions * kChunkTiles), 0.0f);
  }

  // kernel(oc, ic, g) fills the kKernel x kKernel taps of one channel pair, in the
  // correlation order of Problem. Transformed straight into the packed layout of each
  // position (blocks of 4 output channels; channels past out_channels stay zero).
  template <typename Kernel>
  void pack_weights(Kernel kernel) {
    std::fill(u_packed_.begin(), u_packed_.end(), 0.0f);
    for (int64_t oc = 0; oc < p_.out_channels; ++oc) {
      for (int64_t ic = 0; ic < p_.in_channels; ++ic) {
        float g[T::kKernel * T::kKernel], u[T::kPositions];
        kernel(oc, ic, g);
        T::transform_kernel(g, u);
        const int64_t at = (oc / kTileChannels * p_.in_channels + ic) * kTileChannels + oc % kTileChannels;
        for (int64_t xi = 0; xi < T::kPositions; ++xi) {
          u_packed_[static_cast<size_t>(xi * packed_ + at)] = u[xi];
        }
      }
    }
  }

  // x: in_channels planes of in_h x in_w; bias: out_channels values or null.
  void run(const float* x, const float* bias, float* y) {
    const int64_t tiles = tiles_h_ * tiles_w_;
    for (int64_t t0 = 0; t0 < tiles; t0 += kChunkTiles) {
      const int64_t chunk = std::min(kChunkTiles, tiles - t0);
      // Tile coordinates once per chunk: a division per tile and channel in the loops
      // below would cost more than the transforms (i64 division is slow in wasm).
      for (int64_t t = 0; t < chunk; ++t) {
        tile_y_[static_cast<size_t>(t)] = (t0 + t) / tiles_w_;
        tile_x_[static_cast<size_t>(t)] = (t0 + t) % tiles_w_;
      }
      transform_inputs(x, t0, chunk);
      multiply(chunk);
      transform_outputs(bias, y, chunk);
    }
  }

 private:
  // One patch row: padded column c holds input column col_src[c] (zero where -1).
  void fill_patch_row(const float* plane, int32_t input_row, float* dst) const {
    if (input_row < 0) {
      std::fill(dst, dst + padded_width_, 0.0f);
      return;
    }
    const float* row = plane + int64_t{input_row} * p_.in_w;
    const int32_t* cols = p_.col_src.data();
    // The borders through the table, the run of consecutive columns as one copy.
    for (int64_t c = 0; c < copy_begin_; ++c) dst[c] = cols[c] >= 0 ? row[cols[c]] : 0.0f;
    if (copy_end_ > copy_begin_) simd::copy_floats(row + cols[copy_begin_], copy_end_ - copy_begin_, dst + copy_begin_);
    for (int64_t c = copy_end_; c < padded_width_; ++c) dst[c] = cols[c] >= 0 ? row[cols[c]] : 0.0f;
  }

  // V's panels for the chunk's tiles (lanes past the chunk: zero). The patch rows are
  // copied first (the padding applied once per row), so every patch is a plain read;
  // each channel's transforms go through a position-major staging block and then into
  // V with vector copies: stored straight into V, the positions of one tile land
  // kilobytes apart and fight over the same cache sets.
  void transform_inputs(const float* x, int64_t t0, int64_t chunk) {
    const int64_t panels = kChunkTiles / kTilePixels;
    const int64_t ty_first = t0 / tiles_w_;
    const int64_t ty_last = (t0 + chunk - 1) / tiles_w_;
    const int64_t patch_rows = 2 * (ty_last - ty_first) + T::kPatch;
    std::fill(staging_.begin(), staging_.end(), 0.0f);
    for (int64_t ic = 0; ic < p_.in_channels; ++ic) {
      const float* plane = x + ic * p_.in_h * p_.in_w;
      for (int64_t r = 0; r < patch_rows; ++r) {
        fill_patch_row(plane, p_.row_src[static_cast<size_t>(2 * ty_first + r)],
                       padded_rows_.data() + r * row_pitch_);
      }
      for (int64_t t = 0; t < chunk;) {
        const int64_t ty = tile_y_[static_cast<size_t>(t)], tx = tile_x_[static_cast<size_t>(t)];
        const float* patch = padded_rows_.data() + 2 * (ty - ty_first) * row_pitch_ + 2 * tx;
        if (t + 4 <= chunk && tx + 4 <= tiles_w_) {
          // Four neighbouring tiles of one tile row, one per lane: their patches start
          // 2 columns apart, so each patch element is the even lanes of 8 floats.
          simd::F32x4 d[T::kPatch][T::kPatch], v[T::kPositions];
          for (int i = 0; i < T::kPatch; ++i) {
            for (int j = 0; j < T::kPatch; ++j) {
              const float* at = patch + i * row_pitch_ + j;
              d[i][j] = simd::even_lanes(simd::load4(at), simd::load4(at + 4));
            }
          }
          T::transform_patch4(d, v);
          for (int64_t xi = 0; xi < T::kPositions; ++xi) simd::store4(staging_.data() + xi * kChunkTiles + t, v[xi]);
          t += 4;
          continue;
        }
        float d[T::kPatch][T::kPatch], v[T::kPositions];
        for (int i = 0; i < T::kPatch; ++i) {
          for (int j = 0; j < T::kPatch; ++j) d[i][j] = patch[i * row_pitch_ + j];
        }
        T::transform_patch(d, v);
        for (int64_t xi = 0; xi < T::kPositions; ++xi) staging_[static_cast<size_t>(xi * kChunkTiles + t)] = v[xi];
        ++t;
      }
      for (int64_t xi = 0; xi < T::kPositions; ++xi) {
        for (int64_t panel = 0; panel * kTilePixels < chunk; ++panel) {
          const float* src = staging_.data() + xi * kChunkTiles + panel * kTilePixels;
          float* dst = v_panels_.data() + ((xi * panels + panel) * p_.in_channels + ic) * kTilePixels;
          simd::store4(dst, simd::load4(src));
          simd::store4(dst + 4, simd::load4(src + 4));
        }
      }
    }
  }

  // The GEMMs: M[xi] = U[xi] V[xi], one per position.
  void multiply(int64_t chunk) {
    const int64_t panels = kChunkTiles / kTilePixels;
    const float zero_bias[kTileChannels] = {0.0f, 0.0f, 0.0f, 0.0f};
    for (int64_t xi = 0; xi < T::kPositions; ++xi) {
      for (int64_t panel = 0; panel * kTilePixels < chunk; ++panel) {
        const float* b = v_panels_.data() + (xi * panels + panel) * p_.in_channels * kTilePixels;
        float* m = m_chunk_.data() + xi * p_.out_channels * kChunkTiles + panel * kTilePixels;
        for (int64_t oc = 0; oc < p_.out_channels; oc += kTileChannels) {
          gemm_tile_packed(std::min(kTileChannels, p_.out_channels - oc), p_.in_channels,
                           u_packed_.data() + xi * packed_ + oc * p_.in_channels, b, zero_bias,
                           m + oc * kChunkTiles, kChunkTiles, 1, kTilePixels);
        }
      }
    }
  }

  // Output transform and bias, four tiles per SIMD step (M keeps the tiles of one
  // position and channel contiguous); only outputs inside the grid are stored.
  void transform_outputs(const float* bias, float* y, int64_t chunk) {
    for (int64_t oc = 0; oc < p_.out_channels; ++oc) {
      const simd::F32x4 b = simd::splat4(bias ? bias[oc] : 0.0f);
      float* y_channel = y + oc * p_.y_channel_stride;
      const float* m_oc = m_chunk_.data() + oc * kChunkTiles;
      for (int64_t t = 0; t < chunk; t += 4) {
        simd::F32x4 m[T::kPositions], out[2][2];
        for (int64_t xi = 0; xi < T::kPositions; ++xi) {
          m[xi] = simd::load4(m_oc + xi * p_.out_channels * kChunkTiles + t);
        }
        T::transform_output4(m, out);
        float lanes[2][2][4];
        for (int r = 0; r < 2; ++r) {
          for (int c = 0; c < 2; ++c) simd::store4(lanes[r][c], simd::add4(out[r][c], b));
        }
        for (int64_t l = 0; l < 4 && t + l < chunk; ++l) {
          const int64_t oy = 2 * tile_y_[static_cast<size_t>(t + l)], ox = 2 * tile_x_[static_cast<size_t>(t + l)];
          for (int64_t r = 0; r < 2 && oy + r < p_.rows; ++r) {
            for (int64_t c = 0; c < 2 && ox + c < p_.cols; ++c) {
              y_channel[(oy + r) * p_.y_row_stride + (ox + c) * p_.y_col_step] = lanes[r][c][l];
            }
          }
        }
      }
    }
  }

  Problem p_;
  int64_t tiles_h_ = 0, tiles_w_ = 0, packed_ = 0, padded_width_ = 0, row_pitch_ = 0;
  int64_t copy_begin_ = 0, copy_end_ = 0;  // patch columns that are consecutive input columns
  std::vector<float> u_packed_, v_panels_, m_chunk_, padded_rows_, staging_;
  std::vector<int64_t> tile_y_ = std::vector<int64_t>(kChunkTiles), tile_x_ = std::vector<int64_t>(kChunkTiles);
};

}  // namespace convplay::fast::winograd
