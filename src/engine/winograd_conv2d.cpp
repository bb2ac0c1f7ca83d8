// Winograd F(2x2, 3x3). With d a 4x4 input patch, g a 3x3 kernel and
//   B^T = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]
//   G   = [1 0 0; 1/2 1/2 1/2; 1/2 -1/2 1/2; 0 0 1]
//   A^T = [1 1 1 0; 0 1 -1 -1]
// the 2x2 output tile is A^T [ (G g G^T) .* (B^T d B) ] A. Summed over input channels,
// the elementwise product becomes, for each of the 16 positions xi of the 4x4 transform
// domain, a GEMM  M[xi] (C_out x tiles) = U[xi] (C_out x C_in) * V[xi] (C_in x tiles).
// Tiles go in chunks of kChunkTiles so that V and M stay small (the workspace budget).
// All factors are 0, +-1 or 1/2: the transforms are exact up to float rounding.
#include "winograd_conv2d.h"

#include <algorithm>
#include <vector>

#include "gemm_indirect.h"
#include "gemm_microkernel.h"
#include "padding_modes.h"
#include "simd4.h"

namespace convplay::fast {

namespace {

constexpr int64_t kPositions = 16;   // the 4x4 transform domain
constexpr int64_t kChunkTiles = 32;  // output tiles per round of GEMMs (4 panels of 8)

struct Plan {
  int64_t cin_g, cout_g, tiles_h, tiles_w;
  int64_t packed_weights;  // floats of one position's packed U
};

Plan make_plan(const Conv2dGeometry& g) {
  Plan p;
  p.cin_g = g.in_channels_per_group();
  p.cout_g = g.out_channels_per_group();
  p.tiles_h = (g.out_h + 1) / 2;
  p.tiles_w = (g.out_w + 1) / 2;
  p.packed_weights = packed_weights_size(p.cout_g, p.cin_g);
  return p;
}

int64_t workspace_floats(const Plan& p) {
  return kPositions * (p.packed_weights + kChunkTiles * p.cin_g + p.cout_g * kChunkTiles) +
         2 * (2 * p.tiles_h + 2) + (2 * kChunkTiles + 5) * (2 * p.tiles_w + 2) +
         kPositions * kChunkTiles;
}

// u = G g G^T for one 3x3 kernel.
void transform_kernel(const float* k, float u[16]) {
  float t[4][3];  // G g
  for (int c = 0; c < 3; ++c) {
    t[0][c] = k[c];
    t[1][c] = 0.5f * (k[c] + k[3 + c] + k[6 + c]);
    t[2][c] = 0.5f * (k[c] - k[3 + c] + k[6 + c]);
    t[3][c] = k[6 + c];
  }
  for (int r = 0; r < 4; ++r) {  // (G g) G^T
    u[r * 4 + 0] = t[r][0];
    u[r * 4 + 1] = 0.5f * (t[r][0] + t[r][1] + t[r][2]);
    u[r * 4 + 2] = 0.5f * (t[r][0] - t[r][1] + t[r][2]);
    u[r * 4 + 3] = t[r][2];
  }
}

// v = B^T d B for one 4x4 patch.
void transform_patch(const float d[4][4], float v[16]) {
  float t[4][4];  // B^T d
  for (int c = 0; c < 4; ++c) {
    t[0][c] = d[0][c] - d[2][c];
    t[1][c] = d[1][c] + d[2][c];
    t[2][c] = d[2][c] - d[1][c];
    t[3][c] = d[1][c] - d[3][c];
  }
  for (int r = 0; r < 4; ++r) {  // (B^T d) B
    v[r * 4 + 0] = t[r][0] - t[r][2];
    v[r * 4 + 1] = t[r][1] + t[r][2];
    v[r * 4 + 2] = t[r][2] - t[r][1];
    v[r * 4 + 3] = t[r][1] - t[r][3];
  }
}

// y = A^T m A: the 2x2 outputs of four tiles, one per lane.
void transform_output4(const simd::F32x4 m[16], simd::F32x4 y[2][2]) {
  using simd::add4;
  using simd::sub4;
  simd::F32x4 t[2][4];  // A^T m
  for (int c = 0; c < 4; ++c) {
    t[0][c] = add4(add4(m[c], m[4 + c]), m[8 + c]);
    t[1][c] = sub4(sub4(m[4 + c], m[8 + c]), m[12 + c]);
  }
  for (int r = 0; r < 2; ++r) {
    y[r][0] = add4(add4(t[r][0], t[r][1]), t[r][2]);
    y[r][1] = sub4(sub4(t[r][1], t[r][2]), t[r][3]);
  }
}

// One patch row as the transform reads it: padded column c holds input column
// col_src[c] (zero where that is -1, or the whole row when input_row is -1).
void fill_padded_row(const float* plane, int64_t in_w, int32_t input_row,
                     const std::vector<int32_t>& col_src, float* dst) {
  const int64_t width = static_cast<int64_t>(col_src.size());
  if (input_row < 0) {
    std::fill(dst, dst + width, 0.0f);
    return;
  }
  const float* row = plane + int64_t{input_row} * in_w;
  for (int64_t c = 0; c < width; ++c) {
    const int32_t ix = col_src[static_cast<size_t>(c)];
    dst[c] = ix >= 0 ? row[ix] : 0.0f;
  }
}

// Input coordinate of patch row/column i (0 .. 2*tiles+1), or -1 for a zero: padding
// modes map through padded_source_index; rows past the padded input only feed outputs
// that are dropped, and read zero.
std::vector<int32_t> patch_sources(int64_t tiles, int64_t pad_before, int64_t pad_after,
                                   int64_t size, PaddingMode mode) {
  std::vector<int32_t> sources(static_cast<size_t>(2 * tiles + 2));
  for (int64_t i = 0; i < 2 * tiles + 2; ++i) {
    const int64_t v = i - pad_before;
    const bool padded = v >= -pad_before && v < size + pad_after;
    sources[static_cast<size_t>(i)] =
        padded ? static_cast<int32_t>(padded_source_index(v, size, mode)) : -1;
  }
  return sources;
}

}  // namespace

bool winograd_applies(const Conv2dGeometry& g) {
  if (g.kernel_h != 3 || g.kernel_w != 3) return false;
  if (g.stride.h != 1 || g.stride.w != 1 || g.dilation.h != 1 || g.dilation.w != 1) return false;
  const Plan p = make_plan(g);
  // With few channels the transforms (per channel and tile) outweigh the saved multiplies.
  if (p.cin_g < 8 || p.cout_g < 8) return false;
  return workspace_floats(p) <= g.batch * g.out_channels * g.out_h * g.out_w;
}

void winograd_conv2d(const Conv2dGeometry& g, const float* x, const float* w, const float* bias,
                     float* y) {
  const Plan p = make_plan(g);
  const std::vector<int32_t> row_src = patch_sources(p.tiles_h, g.pads.top, g.pads.bottom, g.in_h, g.padding_mode);
  const std::vector<int32_t> col_src = patch_sources(p.tiles_w, g.pads.left, g.pads.right, g.in_w, g.padding_mode);
  const int64_t tiles = p.tiles_h * p.tiles_w;
  const int64_t panels = kChunkTiles / kTilePixels;
  // U: per position, packed for gemm_tile (blocks of 4 output channels, depth = cin_g).
  std::vector<float> u_packed(static_cast<size_t>(kPositions * p.packed_weights));
  // V: per position and panel of 8 tiles, depth x 8 (gemm_tile_packed's B layout).
  std::vector<float> v_panels(static_cast<size_t>(kPositions * kChunkTiles * p.cin_g));
  // M: per position, cout_g x kChunkTiles.
  std::vector<float> m_chunk(static_cast<size_t>(kPositions * p.cout_g * kChunkTiles));
  const float zero_bias[kTileChannels] = {0.0f, 0.0f, 0.0f, 0.0f};
  // Padded copies of the patch rows one chunk reads (at most 2 * chunk + 4 rows).
  const int64_t padded_width = static_cast<int64_t>(col_src.size());
  std::vector<float> padded_rows(static_cast<size_t>((2 * kChunkTiles + 4) * padded_width));
  // One input channel's transformed chunk, position-major; lanes past the chunk stay zero.
  std::vector<float> staging(static_cast<size_t>(kPositions * kChunkTiles), 0.0f);

  for (int64_t group = 0; group < g.groups; ++group) {
    // Transform every kernel of the group once, straight into the packed layout of
    // each position (blocks of 4 output channels; channels past cout_g stay zero).
    std::fill(u_packed.begin(), u_packed.end(), 0.0f);
    for (int64_t oc = 0; oc < p.cout_g; ++oc) {
      for (int64_t ic = 0; ic < p.cin_g; ++ic) {
        float u[16];
        transform_kernel(w + ((group * p.cout_g + oc) * p.cin_g + ic) * 9, u);
        const int64_t at = (oc / kTileChannels * p.cin_g + ic) * kTileChannels + oc % kTileChannels;
        for (int64_t xi = 0; xi < kPositions; ++xi) {
          u_packed[static_cast<size_t>(xi * p.packed_weights + at)] = u[xi];
        }
      }
    }
    for (int64_t n = 0; n < g.batch; ++n) {
      const float* x_group = x + (n * g.in_channels + group * p.cin_g) * g.in_h * g.in_w;
      float* y_group = y + (n * g.out_channels + group * p.cout_g) * g.out_h * g.out_w;
      for (int64_t t0 = 0; t0 < tiles; t0 += kChunkTiles) {
        const int64_t chunk = std::min(kChunkTiles, tiles - t0);
        // 1. Input transform into V's panels (lanes past the chunk: zero). The
        // patch rows this chunk reads are first copied into padded rows (the padding
        // mode applied once per row), so every patch is a plain 4x4 read.
        std::fill(staging.begin(), staging.end(), 0.0f);
        const int64_t ty_first = t0 / p.tiles_w;
        const int64_t ty_last = (t0 + chunk - 1) / p.tiles_w;
        const int64_t patch_rows = 2 * (ty_last - ty_first) + 4;
        for (int64_t ic = 0; ic < p.cin_g; ++ic) {
          const float* plane = x_group + ic * g.in_h * g.in_w;
          for (int64_t r = 0; r < patch_rows; ++r) {
            fill_padded_row(plane, g.in_w, row_src[static_cast<size_t>(2 * ty_first + r)], col_src,
                            padded_rows.data() + r * padded_width);
          }
          // Transform every tile of the chunk into a small staging block (position-major),
          // then move it into V's panels with vector copies: stored straight into V, the
          // 16 positions of a tile land 8 KB apart and fight over the same cache sets.
          for (int64_t t = 0; t < chunk; ++t) {
            const int64_t ty = (t0 + t) / p.tiles_w, tx = (t0 + t) % p.tiles_w;
            const float* patch = padded_rows.data() + 2 * (ty - ty_first) * padded_width + 2 * tx;
            float d[4][4];
            for (int i = 0; i < 4; ++i) {
              for (int j = 0; j < 4; ++j) d[i][j] = patch[i * padded_width + j];
            }
            float v[16];
            transform_patch(d, v);
            for (int64_t xi = 0; xi < kPositions; ++xi) staging[static_cast<size_t>(xi * kChunkTiles + t)] = v[xi];
          }
          for (int64_t xi = 0; xi < kPositions; ++xi) {
            for (int64_t panel = 0; panel * kTilePixels < chunk; ++panel) {
              const float* src = staging.data() + xi * kChunkTiles + panel * kTilePixels;
              float* dst = v_panels.data() + ((xi * panels + panel) * p.cin_g + ic) * kTilePixels;
              simd::store4(dst, simd::load4(src));
              simd::store4(dst + 4, simd::load4(src + 4));
            }
          }
        }
        // 2. Sixteen GEMMs: M[xi] = U[xi] V[xi].
        for (int64_t xi = 0; xi < kPositions; ++xi) {
          for (int64_t panel = 0; panel * kTilePixels < chunk; ++panel) {
            const float* b = v_panels.data() + (xi * panels + panel) * p.cin_g * kTilePixels;
            float* m = m_chunk.data() + xi * p.cout_g * kChunkTiles + panel * kTilePixels;
            for (int64_t oc = 0; oc < p.cout_g; oc += kTileChannels) {
              gemm_tile_packed(std::min(kTileChannels, p.cout_g - oc), p.cin_g,
                               u_packed.data() + xi * p.packed_weights + oc * p.cin_g, b, zero_bias,
                               m + oc * kChunkTiles, kChunkTiles, 1, kTilePixels);
            }
          }
        }
        // 3. Output transform, bias, and the outputs that lie inside the tensor: four
        // tiles per SIMD step (M keeps the tiles of one position and channel contiguous).
        for (int64_t oc = 0; oc < p.cout_g; ++oc) {
          const simd::F32x4 b = simd::splat4(bias ? bias[group * p.cout_g + oc] : 0.0f);
          float* y_plane = y_group + oc * g.out_h * g.out_w;
          const float* m_oc = m_chunk.data() + oc * kChunkTiles;
          for (int64_t t = 0; t < chunk; t += 4) {
            simd::F32x4 m[16];
            for (int64_t xi = 0; xi < kPositions; ++xi) m[xi] = simd::load4(m_oc + xi * p.cout_g * kChunkTiles + t);
            simd::F32x4 out[2][2];
            transform_output4(m, out);
            float lanes[2][2][4];
            for (int r = 0; r < 2; ++r) {
              for (int c = 0; c < 2; ++c) simd::store4(lanes[r][c], simd::add4(out[r][c], b));
            }
            for (int64_t l = 0; l < 4 && t + l < chunk; ++l) {
              const int64_t oy = 2 * ((t0 + t + l) / p.tiles_w), ox = 2 * ((t0 + t + l) % p.tiles_w);
              for (int64_t r = 0; r < 2 && oy + r < g.out_h; ++r) {
                for (int64_t c = 0; c < 2 && ox + c < g.out_w; ++c) {
                  y_plane[(oy + r) * g.out_w + ox + c] = lanes[r][c][l];
                }
              }
            }
          }
        }
      }
    }
  }
}

}  // namespace convplay::fast
