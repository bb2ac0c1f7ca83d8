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

// Colours (theme_colors.cpp): a dark and a light palette, both keeping the colour maps
// (RdBu, viridis) and the highlights readable and colour-blind safe.
// Picks the palette for what follows: ImGui's colours (at the next apply_style), the
// clear colour and colors::.
void use_light_palette(bool light);
bool light_palette_in_use();
// ImGui's style: spacing and rounding at `scale`, colours of the palette in use. Cheap
// (no fonts): a theme switch calls it alone.
void apply_style(float scale);

// The cleared background: the main region draws no background of its own on top of it.
extern const float (&kClearColor)[4];

// Named colours used by the panels beyond ImGui's own: read-only views of the palette in
// use (they change when the theme does).
namespace colors {
extern const ImU32& kHighlight;   // amber (dark) / orange (light): cells being explained
extern const ImU32& kReach;       // teal: outputs an input reaches
extern const ImU32& kMuted;
extern const ImU32& kError;
extern const ImU32& kNote;
extern const ImU32& kCrop;
extern const ImU32& kGhostInk;    // numbers on padding (ghost) cells
extern const ImU32& kFadedInk;    // numbers on cells not reached yet
extern const ImU32& kHatch;       // the hatching of ghost cells
extern const ImU32& kTensorBorder;  // the real tensor's edge inside its ghost ring
extern const ImU32& kHoverOutline;
extern const ImU32& kGridBackdrop;  // behind a grid's cells (shows as lines between them)
extern const ImU32& kTopBarBg;
extern const ImU32& kNotesBg;
}  // namespace colors

}  // namespace convplay::app
