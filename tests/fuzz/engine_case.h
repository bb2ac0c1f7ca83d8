// Decodes fuzzer bytes into one call of the engine: shapes of any rank, parameters and
// values that are mostly small and valid, sometimes zero, negative, huge or NaN.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/convplay.h"

namespace convplay::fuzz {

struct EngineCase {
  bool transposed = false;
  Shape input, weight;
  std::optional<Shape> bias;
  Conv2dParams conv;
  ConvTranspose2dParams conv_transpose;
  // Values may be NaN, infinite or near FLT_MAX; then only NaN-awareness is checked.
  bool wild_values = false;

  std::string describe() const;
};

EngineCase decode_engine_case(FuzzedDataProvider* in);

// count values from the remaining bytes (zeros once they run out).
std::vector<float> decode_values(FuzzedDataProvider* in, int64_t count, bool wild);

}  // namespace convplay::fuzz
