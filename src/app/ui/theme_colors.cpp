// The dark and light palettes (theme=dark|light|auto) and ImGui's style built from them.
// The colour maps are the same in both (RdBu and viridis are colour-blind safe on any
// background); what changes is the chrome, the ink on ghost and faded cells, and the
// highlight outlines, darkened on white so they keep their contrast.
#include "app/ui/theme.h"

namespace convplay::app {

namespace {

struct Palette {
  float clear[4];
  ImU32 highlight, reach, muted, error, note, crop;
  ImU32 ghost_ink, faded_ink, hatch, tensor_border, hover_outline, grid_backdrop;
  ImU32 top_bar_bg, notes_bg;
};

constexpr Palette kDark = {
    {0.11f, 0.12f, 0.145f, 1.0f},
    IM_COL32(255, 196, 0, 255),    // amber
    IM_COL32(0, 220, 200, 255),    // teal
    IM_COL32(160, 166, 180, 255),
    IM_COL32(255, 120, 110, 255),
    IM_COL32(255, 205, 110, 255),
    IM_COL32(255, 90, 90, 255),
    IM_COL32(235, 235, 240, 210),
    IM_COL32(200, 200, 210, 110),
    IM_COL32(255, 255, 255, 40),
    IM_COL32(230, 230, 240, 200),
    IM_COL32(255, 255, 255, 255),
    0,                              // no backdrop: the dark background shows between cells
    IM_COL32(15, 17, 20, 255),
    IM_COL32(77, 56, 20, 255),
};

// On white, amber and light teal vanish against the pale middle of RdBu: the darker
// orange and teal of ColorBrewer's PuOr and BrBG keep apart from each other and from
// the cells for every common colour-vision deficiency.
constexpr Palette kLight = {
    {1.0f, 1.0f, 1.0f, 1.0f},
    IM_COL32(230, 97, 1, 255),     // orange
    IM_COL32(1, 133, 113, 255),    // teal
    IM_COL32(92, 98, 110, 255),
    IM_COL32(196, 36, 28, 255),
    IM_COL32(140, 88, 0, 255),
    IM_COL32(215, 40, 40, 255),
    IM_COL32(50, 54, 64, 230),
    IM_COL32(80, 84, 96, 140),
    IM_COL32(0, 0, 0, 50),
    IM_COL32(70, 74, 86, 220),
    IM_COL32(20, 20, 24, 255),
    // The pale middle of RdBu is nearly white: lines between cells show the grid's shape.
    IM_COL32(206, 209, 217, 255),
    IM_COL32(240, 241, 244, 255),
    IM_COL32(252, 236, 200, 255),
};

Palette g_palette = kDark;
bool g_light = false;

// ImGui's colours that differ from its own StyleColorsDark/Light, dark and light side by
// side. Children are transparent: each full-size background is one more screen of blended
// pixels, and software WebGL (SwiftShader) is bound by exactly that.
struct StyleColor {
  ImGuiCol id;
  ImVec4 dark, light;
};
const StyleColor kStyleColors[] = {
    {ImGuiCol_WindowBg, {0.085f, 0.09f, 0.11f, 1}, {0.965f, 0.97f, 0.978f, 1}},
    {ImGuiCol_ChildBg, {0, 0, 0, 0}, {0, 0, 0, 0}},
    {ImGuiCol_PopupBg, {0.12f, 0.13f, 0.16f, 0.98f}, {1, 1, 1, 0.98f}},
    {ImGuiCol_Border, {0.43f, 0.43f, 0.50f, 0.50f}, {0, 0, 0, 0.18f}},
    {ImGuiCol_FrameBg, {0.18f, 0.20f, 0.25f, 1}, {0.90f, 0.91f, 0.935f, 1}},
    {ImGuiCol_FrameBgHovered, {0.24f, 0.27f, 0.34f, 1}, {0.84f, 0.87f, 0.92f, 1}},
    {ImGuiCol_FrameBgActive, {0.28f, 0.32f, 0.40f, 1}, {0.78f, 0.83f, 0.91f, 1}},
    {ImGuiCol_Button, {0.20f, 0.30f, 0.45f, 1}, {0.84f, 0.88f, 0.95f, 1}},
    {ImGuiCol_ButtonHovered, {0.26f, 0.40f, 0.60f, 1}, {0.74f, 0.81f, 0.94f, 1}},
    {ImGuiCol_ButtonActive, {0.30f, 0.47f, 0.70f, 1}, {0.60f, 0.72f, 0.93f, 1}},
    {ImGuiCol_SliderGrab, {0.45f, 0.65f, 0.95f, 1}, {0.24f, 0.45f, 0.80f, 1}},
    {ImGuiCol_SliderGrabActive, {0.60f, 0.78f, 1.0f, 1}, {0.16f, 0.36f, 0.70f, 1}},
    {ImGuiCol_CheckMark, {0.60f, 0.80f, 1.0f, 1}, {0.13f, 0.33f, 0.68f, 1}},
    {ImGuiCol_Header, {0.20f, 0.30f, 0.45f, 0.8f}, {0.80f, 0.86f, 0.95f, 1}},
    {ImGuiCol_HeaderHovered, {0.26f, 0.40f, 0.60f, 0.9f}, {0.72f, 0.80f, 0.94f, 1}},
    {ImGuiCol_HeaderActive, {0.26f, 0.59f, 0.98f, 1}, {0.62f, 0.73f, 0.92f, 1}},
    {ImGuiCol_Tab, {0.14f, 0.17f, 0.22f, 1}, {0.88f, 0.90f, 0.94f, 1}},
    {ImGuiCol_TabHovered, {0.26f, 0.40f, 0.60f, 1}, {0.74f, 0.81f, 0.94f, 1}},
    {ImGuiCol_TabActive, {0.22f, 0.35f, 0.55f, 1}, {0.66f, 0.76f, 0.94f, 1}},
    {ImGuiCol_Separator, {0.25f, 0.27f, 0.32f, 1}, {0.80f, 0.82f, 0.86f, 1}},
    {ImGuiCol_Text, {0.92f, 0.93f, 0.95f, 1}, {0.10f, 0.11f, 0.13f, 1}},
    {ImGuiCol_TextDisabled, {0.55f, 0.58f, 0.64f, 1}, {0.42f, 0.45f, 0.50f, 1}},
};

}  // namespace

const float (&kClearColor)[4] = g_palette.clear;

namespace colors {
const ImU32& kHighlight = g_palette.highlight;
const ImU32& kReach = g_palette.reach;
const ImU32& kMuted = g_palette.muted;
const ImU32& kError = g_palette.error;
const ImU32& kNote = g_palette.note;
const ImU32& kCrop = g_palette.crop;
const ImU32& kGhostInk = g_palette.ghost_ink;
const ImU32& kFadedInk = g_palette.faded_ink;
const ImU32& kHatch = g_palette.hatch;
const ImU32& kTensorBorder = g_palette.tensor_border;
const ImU32& kHoverOutline = g_palette.hover_outline;
const ImU32& kGridBackdrop = g_palette.grid_backdrop;
const ImU32& kTopBarBg = g_palette.top_bar_bg;
const ImU32& kNotesBg = g_palette.notes_bg;
}  // namespace colors

void use_light_palette(bool light) {
  g_light = light;
  g_palette = light ? kLight : kDark;
}

bool light_palette_in_use() { return g_light; }

void apply_style(float scale) {
  ImGuiStyle style;
  if (g_light) ImGui::StyleColorsLight(&style); else ImGui::StyleColorsDark(&style);
  for (const StyleColor& color : kStyleColors) {
    style.Colors[color.id] = g_light ? color.light : color.dark;
  }
  style.WindowRounding = 6.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameBorderSize = 0.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.ScrollbarSize = 12.0f;
  style.GrabMinSize = 12.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace convplay::app
