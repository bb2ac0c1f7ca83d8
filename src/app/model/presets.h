// Preset fillings of a tensor (impulse, ones, ramp, random, checkerboard): small exact
// numbers, so that every sum the playground writes out can be checked by eye.
#pragma once

#include <vector>

#include "app/model/document.h"
#include "engine/tensor.h"

namespace convplay::app {

// Fills `values` (shape [A, B, H, W]) plane by plane. Random is deterministic (seeded by
// the shape and the tensor kind), so a link always shows the same numbers.
void fill_preset(Preset preset, TensorKind kind, const Shape& shape, std::vector<float>* values);

const char* preset_key(Preset preset);  // "impulse", ... (URL hash values)
bool parse_preset(const char* text, Preset* out);
constexpr int kPresetCount = 5;

}  // namespace convplay::app
