// Places the panels on screen: a top bar, then side-by-side columns on wide screens or
// tabs on narrow ones. One ImGui window per region, tiled, never overlapping.
#pragma once

#include "app/ui/ui_state.h"

namespace convplay::app {

// Draws every panel for a display of `width` × `height` framebuffer pixels.
void draw_layout(PanelContext& ctx, float width, float height, bool* undo, bool* redo);

}  // namespace convplay::app
