// Colour maps: a diverging one for signed values (ColorBrewer RdBu, which is
// colour-blind safe: negative blue, zero near white, positive red) and a sequential
// one for counts (viridis).
#pragma once

#include "imgui.h"

namespace convplay::app {

// t in [-1, 1] (clamped).
ImU32 diverging_color(float t);
// t in [0, 1] (clamped).
ImU32 sequential_color(float t);
// Black or white, whichever reads better on `background`.
ImU32 text_color_on(ImU32 background);

}  // namespace convplay::app
