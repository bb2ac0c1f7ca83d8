// The visual style: fonts sized for the screen's pixel density, colours and spacing.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace convplay::app {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* small = nullptr;
  ImFont* title = nullptr;
};

// (Re)builds fonts and style for a UI scale (devicePixelRatio × zoom). Call before
// NewFrame; the caller re-uploads the font texture.
Fonts apply_theme(float scale);

// The Chinese UI font's bytes (fonts/ui-zh.ttf, a TrueType file): apply_theme merges its
// glyphs into every font from then on. The caller rebuilds the fonts.
void set_cjk_font(std::vector<unsigned char> data);
bool has_cjk_font();

// The characters of UTF-8 `text` that one of `fonts` has no glyph for, as a JSON array of
// code points (for tests: ImGui would draw them as its fallback '?').
std::string missing_glyphs_json(const Fonts& fonts, const char* text);

// Named colours used by the panels beyond ImGui's own.
// The cleared background: the main region draws no background of its own on top of it.
constexpr float kClearColor[4] = {0.11f, 0.12f, 0.145f, 1.0f};

namespace colors {
constexpr ImU32 kHighlight = IM_COL32(255, 196, 0, 255);      // amber: cells being explained
constexpr ImU32 kReach = IM_COL32(0, 220, 200, 255);          // teal: outputs an input reaches
constexpr ImU32 kGhostFill = IM_COL32(255, 255, 255, 28);     // padding cells
constexpr ImU32 kGridLine = IM_COL32(0, 0, 0, 90);
constexpr ImU32 kMuted = IM_COL32(160, 166, 180, 255);
constexpr ImU32 kError = IM_COL32(255, 120, 110, 255);
constexpr ImU32 kNote = IM_COL32(255, 205, 110, 255);
constexpr ImU32 kCrop = IM_COL32(255, 90, 90, 255);
}  // namespace colors

}  // namespace convplay::app
