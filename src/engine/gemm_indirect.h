// Convolution as an implicit GEMM over an indirection list (the idea of XNNPACK's
// indirect convolution): no im2col matrix is ever built. For one image and one group,
//   y[oc, r, c] = bias[oc] + sum_{ch, ty, tx} A[oc, (ch, ty, tx)] * x[ch, row_src[r][ty], col_src[c][tx]]
// where a source index of -1 reads zero. The row/column tables carry everything that
// differs between the callers: stride, dilation, padding and padding modes for conv2d,
// the sub-pixel phases of conv_transpose2d.
#pragma once

#include <cstdint>
#include <vector>

#include "gemm_microkernel.h"
#include "params.h"

namespace convplay::fast {

struct IndirectGemmShape {
  int64_t out_channels = 0;  // M
  int64_t in_channels = 0;   // channels of x that one group reads
  int64_t taps_h = 0, taps_w = 0;
  int64_t rows = 0, cols = 0;  // the output grid this GEMM fills
  int64_t in_h = 0, in_w = 0;
  // Where y[oc, r, c] lives, relative to the y pointer given to run().
  int64_t y_channel_stride = 0, y_row_stride = 0, y_col_step = 1;
  // Optional, the fast case: when column tap tx of output column c reads the virtual
  // input column c + col_offsets[tx] (unit stride along the row), with virtual columns
  // outside [0, in_w) mapped by col_mode (kZeros: a zero). Then each output row copies
  // its input rows once into padded row buffers and every tile reads them in place: no
  // per-tile gathers at the borders. Empty: col_src decides lane by lane.
  std::vector<int32_t> col_offsets;
  PaddingMode col_mode = PaddingMode::kZeros;

  int64_t depth() const { return in_channels * taps_h * taps_w; }  // K
};

// Packed A: blocks of kTileChannels output channels, each depth x kTileChannels,
// zero-padded past out_channels. get(oc, k) reads the caller's weight layout.
inline int64_t packed_weights_size(int64_t out_channels, int64_t depth) {
  return (out_channels + kTileChannels - 1) / kTileChannels * kTileChannels * depth;
}
template <typename Get>
void pack_weights(int64_t out_channels, int64_t depth, Get get, float* packed) {
  for (int64_t block = 0; block * kTileChannels < out_channels; ++block) {
    for (int64_t k = 0; k < depth; ++k) {
      for (int64_t r = 0; r < kTileChannels; ++r) {
        const int64_t oc = block * kTileChannels + r;
        *packed++ = oc < out_channels ? get(oc, k) : 0.0f;
      }
    }
  }
}

// The tables and scratch of one shape, built once and run for every image and group.
class IndirectGemm {
 public:
  // row_src: rows x taps_h, col_src: cols x taps_w (input index or -1).
  IndirectGemm(const IndirectGemmShape& shape, std::vector<int32_t> row_src,
               std::vector<int32_t> col_src);

  // x: in_channels planes of in_h x in_w. bias: out_channels values or null.
  void run(const float* x, const float* packed_weights, const float* bias, float* y);

  // Floats (and pointer-sized slots) this object holds, for the workspace budget.
  static int64_t workspace_floats(const IndirectGemmShape& shape);

 private:
  // Row-buffer mode: makes sure the input rows that output row r reads are in
  // row_buffers_ (copying only the ones the previous row did not already bring in) and
  // points b_rows_ at them.
  void prepare_row_buffers(const float* x, int64_t r);
  void fill_slot(const float* x, int64_t slot, int64_t input_row);
  // Points b_rows at the input (or the zero row) for the tile starting at column panel
  // `panel`, where that panel can be read in place.
  void point_in_place(const float* x, int64_t r, int64_t panel);
  // Copies the tile's inputs lane by lane into `gathered_` (edges, strides, padding modes).
  void gather(const float* x, int64_t r, int64_t panel);

  IndirectGemmShape shape_;
  std::vector<int32_t> row_src_, col_src_;
  // Per column panel and tap tx: first input column when the panel's 8 lanes read 8
  // consecutive input columns, else -1.
  std::vector<int32_t> in_place_col_;
  // Per column panel: the panel whose b_rows it reuses shifted by 8 lanes per panel
  // (a run of in-place panels shares one list), or -1 when it must be gathered.
  std::vector<int64_t> run_start_;
  std::vector<const float*> b_rows_;
  std::vector<float> gathered_;
  std::vector<float> b_panel_;   // the tile's B rows packed contiguously (depth x 8)
  std::vector<float> zero_row_;  // reads of zero-padding rows, long enough for any run
  // Row-buffer mode: one padded row per (channel, row tap), `row_width_` floats each;
  // buffer column i holds virtual column first_virtual_col_ + i, read from input column
  // virtual_source_[i] (-1: zero). The copy of columns [copy_begin_, copy_end_) is a
  // straight memcpy.
  bool row_buffer_mode_ = false;
  int64_t row_width_ = 0, first_virtual_col_ = 0, copy_begin_ = 0, copy_end_ = 0;
  std::vector<int32_t> virtual_source_;
  std::vector<float> row_buffers_;   // in_channels x taps_h slots of row_width_ floats
  std::vector<int64_t> slot_row_;     // input row each slot holds (-1: none yet)
  std::vector<int64_t> tap_slot_;     // this output row: slot of each row tap (-1: zero row)
  std::vector<float> zero_padded_row_;
};

}  // namespace convplay::fast
