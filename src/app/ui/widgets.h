// Small text helpers shared by the panels.
#pragma once

#include "imgui.h"

namespace convplay::app {

// Text wrapped at the visible right edge of the window. ImGui's default wrap position
// follows the content width, which in a horizontally scrolling region grows with the
// text itself.
void wrapped_text(const char* text_value, ImU32 color = 0);

// Dragging on empty space scrolls the current window, as a finger expects on a phone
// (ImGui 1.86 scrolls only with the wheel or the scrollbar). Call before End/EndChild.
void drag_to_scroll();

}  // namespace convplay::app
