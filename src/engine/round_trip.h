// The tutorial's question: a Conv2d maps several input sizes to one output size;
// which are they, and which ConvTranspose2d output_padding brings each one back?
#pragma once

#include <cstdint>
#include <vector>

#include "status.h"

namespace convplay {

struct RoundTripCandidate {
  int64_t input_size;      // an input size the conv maps to `output_size`
  int64_t output_padding;  // what ConvTranspose2d(same k, s, p, d) needs to restore it
  bool output_padding_valid;  // PyTorch accepts it (< stride or < dilation)
};

struct RoundTripAxis {
  int64_t input_size = 0;   // the size asked about
  int64_t output_size = 0;  // conv output for it
  std::vector<RoundTripCandidate> candidates;  // every input size with that output, ascending
};

// One axis of a zero-padded Conv2d (explicit, symmetric padding). Errors as plan_conv2d
// would give for that axis (non-positive stride/kernel/dilation, negative padding,
// kernel larger than the padded input), and kTooLarge for a stride above
// kMaxRoundTripCandidates.
Status conv2d_round_trip(int64_t input_size, int64_t kernel, int64_t stride, int64_t padding,
                         int64_t dilation, RoundTripAxis* out);

}  // namespace convplay
