// Which input cells and kernel taps make one output value, and which outputs one input
// cell reaches: the sums the hover text writes out with the real numbers. Written from
// the definitions (PYTORCH.md §4), independently of the engine's loops, and checked
// against the engine's value on screen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/model/compute.h"

namespace convplay::app {

struct Term {
  int64_t in_channel;
  int64_t py, px;      // position in the input's coordinates (outside [0,H) is padding)
  int64_t iy, ix;      // the input cell the value comes from, -1 for a zero
  int64_t out_or_in;   // weight's first index (C_out for Conv2d, C_in for ConvTranspose2d)
  int64_t weight_ch;   // weight's second index
  int64_t ky, kx;
  float x, w;
};

struct Explanation {
  int64_t out_channel = 0, oy = 0, ox = 0;
  std::vector<Term> terms;
  bool has_bias = false;
  float bias = 0;
  double sum = 0;           // recomputed from the terms
  float engine_value = 0;   // what the engine computed
};

// Output cell (out_channel, oy, ox) of the result's batch 0.
Explanation explain_output(const Result& result, int64_t out_channel, int64_t oy, int64_t ox);

// A term's indices as PyTorch writes them: "x[1,0,2]" (x[c, y, x], the cell the value is
// read from; "0" where zero padding supplies it) and "w[3,1,0,1]" (w in the op's own
// layout: [C_out, C_in/g, kH, kW] for Conv2d, [C_in, C_out/g, kH, kW] for ConvTranspose2d).
std::string input_index_text(const Term& term);
std::string weight_index_text(const Term& term);

// Which channels the sum of an output channel reads, and which of them the input and
// kernel grids show while one of its cells is focused, so that the highlighted cells and
// the written sum name the same channel.
struct ChannelFocus {
  int64_t in_first = 0, in_count = 1;  // the input channels of the output channel's group
  int64_t in_channel = 0;              // on show: `preferred` when it is one of them
  int64_t weight_a = 0, weight_b = 0;  // the weight pair that multiplies in_channel
};
ChannelFocus channel_focus(const Document& doc, int64_t out_channel, int64_t preferred_in_channel);

struct OutputCell {
  int64_t out_channel, oy, ox;
  bool operator==(const OutputCell& o) const {
    return out_channel == o.out_channel && oy == o.oy && ox == o.ox;
  }
};
// Every output cell that input cell (channel, y, x) contributes to, padding copies
// included, in row-major order. Walked forward from the cell (not by explaining every
// output), so that hovering a large input stays cheap.
std::vector<OutputCell> reach_of_input(const Result& result, int64_t channel, int64_t y, int64_t x);

// Per output cell of one channel: how many (input cell, kernel tap) pairs land on it,
// counting only real input cells. For ConvTranspose2d this is the overlap count whose
// unevenness makes checkerboard artefacts.
std::vector<int> overlap_counts(const Result& result, int64_t out_channel);

// ConvTranspose2d stamp by stamp: the output of one channel after the input pixels
// 0..last_pixel (row-major over H×W, every input channel) have stamped their kernels.
// `touched` marks the cells some stamp has reached; the bias is there from the start.
void partial_stamp_sums(const Result& result, int64_t out_channel, int64_t last_pixel,
                        std::vector<float>* sums, std::vector<char>* touched);

}  // namespace convplay::app
