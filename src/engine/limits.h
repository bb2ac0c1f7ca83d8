// convplay's own limits: sizes beyond these are refused with a clear error instead of
// exhausting a browser tab's memory or hanging it.
#pragma once

#include <cstdint>

namespace convplay {

// Elements in any tensor the engine allocates (output or workspace): 2^26 floats = 256 MiB.
constexpr int64_t kMaxElements = int64_t{1} << 26;
// Multiply-adds in one call: ~128x a 64-channel 56x56 3x3 layer; seconds on the fast paths.
constexpr int64_t kMaxMacs = int64_t{1} << 34;
// Input sizes the round trip lists per axis (a conv maps `stride` of them to each output).
constexpr int64_t kMaxRoundTripCandidates = 65536;
// Any single size or parameter: keeps every intermediate product of the shape
// arithmetic inside int64.
constexpr int64_t kMaxParam = int64_t{1} << 30;

}  // namespace convplay
