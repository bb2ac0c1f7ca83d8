// What a figure's grids highlight, worked out once per frame before the figure is drawn:
// the sum behind the focused output cell, the channels it reads, the reach of the hovered
// input cell, and the overlap counts or stamps so far.
#pragma once

#include "app/ui/ui_state.h"

namespace convplay::app {

// Fills `h` from the context's result, hover, animation and pickers.
void update_highlights(const PanelContext& ctx, Highlights* h);

}  // namespace convplay::app
