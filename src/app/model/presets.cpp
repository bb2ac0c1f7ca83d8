// Preset tensor fillings.
#include "app/model/presets.h"

#include <cstdint>
#include <cstring>

namespace convplay::app {

namespace {

// A tiny deterministic generator (splitmix-like): the same link gives the same numbers.
uint32_t mix(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

float preset_value(Preset preset, TensorKind kind, int64_t plane, int64_t y, int64_t x,
                   int64_t h, int64_t w) {
  switch (preset) {
    case Preset::kImpulse:
      return (y == h / 2 && x == w / 2) ? 1.0f : 0.0f;
    case Preset::kOnes:
      return 1.0f;
    case Preset::kRamp:
      return static_cast<float>(y * w + x + 1);
    case Preset::kCheckerboard:
      return ((y + x) % 2 == 0) ? 1.0f : -1.0f;
    case Preset::kRandom: {
      const uint32_t seed = mix(static_cast<uint32_t>(plane * 7919 + y * 131 + x) +
                                (kind == TensorKind::kInput ? 0x1234U : 0x9876U));
      // Inputs in 0..3 (as in the conv_arithmetic figures), kernels and biases in -1..1:
      // outputs of both signs show off the diverging colour map.
      if (kind == TensorKind::kInput) return static_cast<float>(seed % 4);
      return static_cast<float>(static_cast<int>(seed % 3) - 1);
    }
  }
  return 0.0f;
}

}  // namespace

void fill_preset(Preset preset, TensorKind kind, const Shape& shape, std::vector<float>* values) {
  const int64_t count = element_count(shape);
  values->assign(static_cast<size_t>(count), 0.0f);
  if (shape.size() < 2 || count == 0) {  // bias: one value per channel
    // A bias of 0 would be invisible in the sums: ones, or 1, −1, 1, … otherwise.
    for (int64_t i = 0; i < count; ++i) {
      (*values)[static_cast<size_t>(i)] =
          preset == Preset::kOnes ? 1.0f : (i % 2 == 0 ? 1.0f : -1.0f);
    }
    return;
  }
  const int64_t h = shape[shape.size() - 2];
  const int64_t w = shape[shape.size() - 1];
  const int64_t planes = h * w == 0 ? 0 : count / (h * w);
  for (int64_t plane = 0; plane < planes; ++plane) {
    for (int64_t y = 0; y < h; ++y) {
      for (int64_t x = 0; x < w; ++x) {
        (*values)[static_cast<size_t>((plane * h + y) * w + x)] =
            preset_value(preset, kind, plane, y, x, h, w);
      }
    }
  }
}

const char* preset_key(Preset preset) {
  switch (preset) {
    case Preset::kImpulse: return "impulse";
    case Preset::kOnes: return "ones";
    case Preset::kRamp: return "ramp";
    case Preset::kRandom: return "random";
    case Preset::kCheckerboard: return "checker";
  }
  return "random";
}

bool parse_preset(const char* text, Preset* out) {
  for (int i = 0; i < kPresetCount; ++i) {
    const Preset preset = static_cast<Preset>(i);
    if (std::strcmp(text, preset_key(preset)) == 0) {
      *out = preset;
      return true;
    }
  }
  return false;
}

}  // namespace convplay::app
