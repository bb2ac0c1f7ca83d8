// Small text helpers shared by the panels.
#pragma once

#include "imgui.h"

namespace convplay::app {

// Text wrapped at the visible right edge of the window. ImGui's default wrap position
// follows the content width, which in a horizontally scrolling region grows with the
// text itself.
void wrapped_text(const char* text_value, ImU32 color = 0);

}  // namespace convplay::app
