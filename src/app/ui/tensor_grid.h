// The grid widget every tensor is drawn with: coloured cells with their values, an
// optional ring of ghost (padding) cells, outlines for highlights, and mouse hit-testing.
// It draws and reports; what a click means is up to the panel.
#pragma once

#include <functional>
#include <string>

#include "imgui.h"

namespace convplay::app {

struct CellLook {
  ImU32 fill = 0;
  ImU32 outline = 0;        // 0: none
  float outline_width = 2;  // in UI-scaled pixels
  bool ghost = false;       // drawn hatched and lighter (padding, cropped, inserted zeros)
  bool faded = false;       // not yet computed (animation)
  bool show_value = true;
};

struct GridSpec {
  const char* id = "grid";
  int rows = 0, cols = 0;                      // the real cells
  int ghost_top = 0, ghost_bottom = 0;         // extra rows drawn above/below
  int ghost_left = 0, ghost_right = 0;         // extra columns left/right
  float cell = 24;                             // cell size in pixels
  bool show_values = true;
  bool show_indices = false;                   // row/column numbers along the edges
};

struct GridHit {
  bool hovered = false;  // mouse over a cell (real or ghost)
  int y = 0, x = 0;      // that cell, in real coordinates (ghosts are < 0 or >= size)
  bool active = false;   // mouse button held after pressing on the grid
  bool clicked = false;  // released without moving off the pressed cell
  bool double_clicked = false;
  bool right_clicked = false;
};

using CellValue = std::function<float(int y, int x)>;
using CellStyle = std::function<CellLook(int y, int x)>;

GridHit draw_grid(const GridSpec& spec, const CellValue& value, const CellStyle& look);

// Where each grid was drawn in the last frame, as JSON in CSS pixels:
// {"input_grid": {"x":..,"y":..,"cell":..,"rows":..,"cols":..}, ...} with (x, y) the
// top-left corner of real cell (0, 0). For the e2e tests' mouse drags (window.convplay.regions).
// Controls can be listed too ({"x","y","w","h"} of the last ImGui item, e.g. a slider).
std::string grid_regions_json(float pixels_per_css_pixel);
void note_item_region(const char* id);

// Size the grid will take (without indices: cells only).
ImVec2 grid_size(const GridSpec& spec);

// "3", "-0.5", "1.25": short, exact for the small numbers the presets make.
std::string format_value(float value);

// The cell size that fits `cols` (+ghosts) into `width`, between `min_cell` and `max_cell`.
float fit_cell(float width, int cols, float min_cell, float max_cell);

}  // namespace convplay::app
