// Which input cells and kernel taps make one output value, and which outputs one input
// cell reaches: the sums the hover text writes out with the real numbers. Written from
// the definitions (PYTORCH.md §4), independently of the engine's loops, and checked
// against the engine's value on screen.
#pragma once

#include <cstdint>
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

struct OutputCell {
  int64_t out_channel, oy, ox;
};
// Every output cell that input cell (channel, y, x) contributes to, padding copies included.
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
