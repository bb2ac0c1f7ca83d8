// What the grids highlight this frame, computed once and shared: the sum behind the
// focused output cell, and the output cells the hovered input cell reaches.
#pragma once

#include <vector>

#include "app/model/explain.h"
#include "app/ui/ui_state.h"

namespace convplay::app {

// The explanation of the focused output cell (hover or animation), or null.
const Explanation* focus_explanation(const PanelContext& ctx);
// Output cells of the shown channel that the hovered input cell reaches (empty: none).
const std::vector<char>& reach_mask(const PanelContext& ctx);

}  // namespace convplay::app
