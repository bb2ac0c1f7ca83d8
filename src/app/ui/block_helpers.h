// Small pieces every tensor block uses: titles with shapes, channel pickers, colour scales.
#pragma once

#include <string>
#include <vector>

#include "engine/tensor.h"
#include "app/ui/ui_state.h"

namespace convplay::app {

// Largest |value| in values[begin, end), or 1 when all are zero (a colour scale).
float max_abs(const std::vector<float>& values, size_t begin, size_t end);
std::string shape_text(const Shape& shape);  // "[1, 2, 5, 5]"
// A block's title, e.g. "Input x [1, 1, 5, 5]" from a format with one %s.
void block_title(const PanelContext& ctx, const char* format, const Shape& shape);
// A compact channel picker, "channel 2 of 4" between arrows; nothing when there is one.
// Its arrows are noted in `regions` as "<id>_prev" and "<id>_next" (for tests' clicks).
void channel_picker(Regions* regions, const char* id, const char* format, int* value, int count);

}  // namespace convplay::app
