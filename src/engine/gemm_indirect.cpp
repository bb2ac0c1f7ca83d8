// The driver around gemm_tile: builds each tile's list of B rows, in place where the
// input can be read directly, gathered where it cannot, and walks the output grid.
#include "gemm_indirect.h"

#include <algorithm>

#include "padding_modes.h"
#include "simd4.h"

namespace convplay::fast {

namespace {

int64_t panel_count(int64_t cols) { return (cols + kTilePixels - 1) / kTilePixels; }

}  // namespace

int64_t IndirectGemm::workspace_floats(const IndirectGemmShape& s) {
  const int64_t panels = panel_count(s.cols);
  const int64_t pointer_floats = static_cast<int64_t>(sizeof(const float*) / sizeof(float));
  int64_t floats = s.rows * s.taps_h + s.cols * s.taps_w + panels * s.taps_w + panels * 2 +
                   s.depth() * (2 * kTilePixels + pointer_floats) + (panels + 1) * kTilePixels;
  if (!s.col_offsets.empty()) {
    const auto [lo, hi] = std::minmax_element(s.col_offsets.begin(), s.col_offsets.end());
    floats += (s.in_channels * s.taps_h + 1) * (panels * kTilePixels + *hi - *lo);
  }
  return floats;
}

IndirectGemm::IndirectGemm(const IndirectGemmShape& shape, std::vector<int32_t> row_src,
                           std::vector<int32_t> col_src)
    : shape_(shape), row_src_(std::move(row_src)), col_src_(std::move(col_src)) {
  const int64_t panels = panel_count(shape_.cols);
  const int64_t taps_w = shape_.taps_w;
  in_place_col_.assign(static_cast<size_t>(panels * taps_w), -1);
  for (int64_t p = 0; p < panels; ++p) {
    const int64_t c0 = p * kTilePixels;
    const int64_t lanes = std::min(kTilePixels, shape_.cols - c0);
    for (int64_t tx = 0; tx < taps_w; ++tx) {
      const int64_t first = col_src_[static_cast<size_t>(c0 * taps_w + tx)];
      // All 8 loaded lanes must lie inside the input row (memory safety), even the
      // lanes of a partial panel that are computed and then dropped.
      bool in_place = first >= 0 && first + kTilePixels <= shape_.in_w;
      for (int64_t j = 1; in_place && j < lanes; ++j) {
        in_place = col_src_[static_cast<size_t>((c0 + j) * taps_w + tx)] == first + j;
      }
      if (in_place) in_place_col_[static_cast<size_t>(p * taps_w + tx)] = static_cast<int32_t>(first);
    }
  }
  // A panel joins the run of the previous one when every tap moved by exactly 8 columns:
  // then its B rows are the previous rows shifted by 8, and need no rebuilding.
  run_start_.assign(static_cast<size_t>(panels), -1);
  for (int64_t p = 0; p < panels; ++p) {
    bool in_place = taps_w > 0;
    for (int64_t tx = 0; tx < taps_w; ++tx) in_place = in_place && in_place_col_[static_cast<size_t>(p * taps_w + tx)] >= 0;
    if (!in_place) continue;
    run_start_[static_cast<size_t>(p)] = p;
    if (p > 0 && run_start_[static_cast<size_t>(p - 1)] >= 0) {
      const int64_t start = run_start_[static_cast<size_t>(p - 1)];
      bool shifted = true;
      for (int64_t tx = 0; tx < taps_w; ++tx) {
        shifted = shifted && in_place_col_[static_cast<size_t>(p * taps_w + tx)] ==
                                 in_place_col_[static_cast<size_t>(start * taps_w + tx)] + (p - start) * kTilePixels;
      }
      if (shifted) run_start_[static_cast<size_t>(p)] = start;
    }
  }
  b_rows_.resize(static_cast<size_t>(shape_.depth()));
  row_buffer_mode_ = !shape_.col_offsets.empty();
  if (row_buffer_mode_) {
    const auto [lo, hi] = std::minmax_element(shape_.col_offsets.begin(), shape_.col_offsets.end());
    first_virtual_col_ = *lo;
    // Room for every panel's 8 lanes, also the dropped lanes of a partial last panel.
    row_width_ = panels * kTilePixels + *hi - *lo;
    const int64_t last_virtual_col = shape_.cols - 1 + *hi;  // beyond: slack, zero
    virtual_source_.resize(static_cast<size_t>(row_width_));
    copy_begin_ = row_width_;
    copy_end_ = row_width_;
    for (int64_t i = 0; i < row_width_; ++i) {
      const int64_t v = first_virtual_col_ + i;
      const int64_t src = v <= last_virtual_col ? padded_source_index(v, shape_.in_w, shape_.col_mode) : -1;
      virtual_source_[static_cast<size_t>(i)] = static_cast<int32_t>(src);
      if (v >= 0 && v < shape_.in_w && src == v) {
        copy_begin_ = std::min(copy_begin_, i);
        copy_end_ = i + 1;
      }
    }
    row_buffers_.assign(static_cast<size_t>(shape_.in_channels * shape_.taps_h * row_width_), 0.0f);
    slot_row_.assign(static_cast<size_t>(shape_.taps_h), -1);
    tap_slot_.assign(static_cast<size_t>(shape_.taps_h), -1);
    zero_padded_row_.assign(static_cast<size_t>(row_width_), 0.0f);
  }
  gathered_.resize(static_cast<size_t>(shape_.depth() * kTilePixels));
  if (shape_.out_channels > kTileChannels) b_panel_.resize(gathered_.size());
  zero_row_.assign(static_cast<size_t>((panels + 1) * kTilePixels), 0.0f);
}

void IndirectGemm::fill_slot(const float* x, int64_t slot, int64_t input_row) {
  const IndirectGemmShape& s = shape_;
  for (int64_t ch = 0; ch < s.in_channels; ++ch) {
    const float* row = x + (ch * s.in_h + input_row) * s.in_w;
    float* dst = row_buffers_.data() + (ch * s.taps_h + slot) * row_width_;
    // Borders through the table (padding mode or zero), the interior as one copy.
    for (int64_t i = 0; i < copy_begin_; ++i) {
      dst[i] = virtual_source_[static_cast<size_t>(i)] >= 0 ? row[virtual_source_[static_cast<size_t>(i)]] : 0.0f;
    }
    simd::copy_floats(row + (first_virtual_col_ + copy_begin_), copy_end_ - copy_begin_,
                      dst + copy_begin_);
    for (int64_t i = copy_end_; i < row_width_; ++i) {
      dst[i] = virtual_source_[static_cast<size_t>(i)] >= 0 ? row[virtual_source_[static_cast<size_t>(i)]] : 0.0f;
    }
  }
}

void IndirectGemm::prepare_row_buffers(const float* x, int64_t r) {
  const IndirectGemmShape& s = shape_;
  const int32_t* rows = row_src_.data() + r * s.taps_h;
  // With stride 1, output row r+1 reads all but one of row r's input rows: keep the
  // slots that already hold a needed row, refill only the others.
  std::fill(tap_slot_.begin(), tap_slot_.end(), -1);
  auto slot_in_use = [&](int64_t slot) {
    for (int64_t t = 0; t < s.taps_h; ++t) {
      if (tap_slot_[static_cast<size_t>(t)] == slot) return true;
    }
    return false;
  };
  for (int64_t ty = 0; ty < s.taps_h; ++ty) {
    if (rows[ty] < 0) continue;
    for (int64_t slot = 0; slot < s.taps_h; ++slot) {
      if (slot_row_[static_cast<size_t>(slot)] == rows[ty]) tap_slot_[static_cast<size_t>(ty)] = slot;
    }
  }
  for (int64_t ty = 0; ty < s.taps_h; ++ty) {
    if (rows[ty] < 0 || tap_slot_[static_cast<size_t>(ty)] >= 0) continue;
    // A row two taps share (padding modes can map them to one) is found by the first.
    for (int64_t t = 0; t < ty; ++t) {
      if (rows[t] == rows[ty] && tap_slot_[static_cast<size_t>(t)] >= 0) tap_slot_[static_cast<size_t>(ty)] = tap_slot_[static_cast<size_t>(t)];
    }
    if (tap_slot_[static_cast<size_t>(ty)] >= 0) continue;
    int64_t slot = 0;
    while (slot_in_use(slot)) ++slot;  // taps_h slots, at most taps_h rows: one is free
    fill_slot(x, slot, rows[ty]);
    slot_row_[static_cast<size_t>(slot)] = rows[ty];
    tap_slot_[static_cast<size_t>(ty)] = slot;
  }
  const float** out = b_rows_.data();
  for (int64_t ch = 0; ch < s.in_channels; ++ch) {
    for (int64_t ty = 0; ty < s.taps_h; ++ty) {
      const float* buffer = tap_slot_[static_cast<size_t>(ty)] < 0
                                ? zero_padded_row_.data()
                                : row_buffers_.data() + (ch * s.taps_h + tap_slot_[static_cast<size_t>(ty)]) * row_width_;
      for (int64_t tx = 0; tx < s.taps_w; ++tx) *out++ = buffer + (s.col_offsets[static_cast<size_t>(tx)] - first_virtual_col_);
    }
  }
}

void IndirectGemm::point_in_place(const float* x, int64_t r, int64_t panel) {
  const IndirectGemmShape& s = shape_;
  const int32_t* rows = row_src_.data() + r * s.taps_h;
  const int32_t* cols = in_place_col_.data() + panel * s.taps_w;
  const float** out = b_rows_.data();
  for (int64_t ch = 0; ch < s.in_channels; ++ch) {
    const float* plane = x + ch * s.in_h * s.in_w;
    for (int64_t ty = 0; ty < s.taps_h; ++ty) {
      if (rows[ty] < 0) {
        // Zero padding above or below: a zero row, long enough for the whole run.
        for (int64_t tx = 0; tx < s.taps_w; ++tx) *out++ = zero_row_.data();
        continue;
      }
      const float* row = plane + int64_t{rows[ty]} * s.in_w;
      for (int64_t tx = 0; tx < s.taps_w; ++tx) *out++ = row + cols[tx];
    }
  }
}

void IndirectGemm::gather(const float* x, int64_t r, int64_t panel) {
  const IndirectGemmShape& s = shape_;
  const int64_t c0 = panel * kTilePixels;
  const int64_t lanes = std::min(kTilePixels, s.cols - c0);
  const int32_t* rows = row_src_.data() + r * s.taps_h;
  const float** out = b_rows_.data();
  float* dst = gathered_.data();
  for (int64_t ch = 0; ch < s.in_channels; ++ch) {
    const float* plane = x + ch * s.in_h * s.in_w;
    for (int64_t ty = 0; ty < s.taps_h; ++ty) {
      const float* row = rows[ty] >= 0 ? plane + int64_t{rows[ty]} * s.in_w : nullptr;
      for (int64_t tx = 0; tx < s.taps_w; ++tx) {
        for (int64_t j = 0; j < kTilePixels; ++j) {
          const int64_t ix = j < lanes ? col_src_[static_cast<size_t>((c0 + j) * s.taps_w + tx)] : -1;
          dst[j] = row && ix >= 0 ? row[ix] : 0.0f;
        }
        *out++ = dst;
        dst += kTilePixels;
      }
    }
  }
}

void IndirectGemm::run(const float* x, const float* packed_weights, const float* bias, float* y) {
  const IndirectGemmShape& s = shape_;
  const int64_t depth = s.depth();
  const int64_t panels = panel_count(s.cols);
  float block_bias[kTileChannels];
  // A new image or group: nothing in the row buffers is valid any more.
  std::fill(slot_row_.begin(), slot_row_.end(), -1);
  for (int64_t r = 0; r < s.rows; ++r) {
    if (row_buffer_mode_) prepare_row_buffers(x, r);
    for (int64_t p = 0; p < panels; ++p) {
      int64_t b_offset = 0;
      if (row_buffer_mode_) {
        b_offset = p * kTilePixels;
      } else if (run_start_[static_cast<size_t>(p)] < 0) {
        gather(x, r, p);
      } else if (run_start_[static_cast<size_t>(p)] == p) {
        point_in_place(x, r, p);
      } else {
        b_offset = (p - run_start_[static_cast<size_t>(p)]) * kTilePixels;
      }
      const int64_t c0 = p * kTilePixels;
      const int64_t lanes = std::min(kTilePixels, s.cols - c0);
      float* y_tile = y + r * s.y_row_stride + c0 * s.y_col_step;
      // With several channel tiles per pixel panel, copy the panel's B rows into one
      // contiguous block first: every tile then streams it from L1, instead of
      // touching `depth` scattered input rows again (which the stream of A evicts).
      const bool pack = s.out_channels > kTileChannels;
      if (pack) {
        // Two vector moves per row: a memcpy call per 32 bytes would cost more.
        const float* const* rows = b_rows_.data();
        float* panel = b_panel_.data();
        for (int64_t k = 0; k < depth; ++k, panel += kTilePixels) {
          const float* src = rows[k] + b_offset;
          simd::store4(panel, simd::load4(src));
          simd::store4(panel + 4, simd::load4(src + 4));
        }
      }
      for (int64_t oc = 0; oc < s.out_channels; oc += kTileChannels) {
        const int64_t channels = std::min(kTileChannels, s.out_channels - oc);
        for (int64_t i = 0; i < kTileChannels; ++i) {
          block_bias[i] = bias && i < channels ? bias[oc + i] : 0.0f;
        }
        if (pack) {
          gemm_tile_packed(channels, depth, packed_weights + oc * depth, b_panel_.data(),
                           block_bias, y_tile + oc * s.y_channel_stride, s.y_channel_stride,
                           s.y_col_step, lanes);
        } else {
          gemm_tile(channels, depth, packed_weights + oc * depth, b_rows_.data(), b_offset,
                    block_bias, y_tile + oc * s.y_channel_stride, s.y_channel_stride,
                    s.y_col_step, lanes);
        }
      }
    }
  }
}

}  // namespace convplay::fast
