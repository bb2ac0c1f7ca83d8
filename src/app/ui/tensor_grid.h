// The grid widget every tensor is drawn with: coloured cells with their values, an
// optional ring of ghost (padding) cells, outlines for highlights, and mouse hit-testing.
// It draws and reports; what a click means is up to the panel.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "imgui.h"

namespace convplay::app {

// Where each grid (and a few controls) was drawn, for the e2e tests' mouse drags
// (window.convplay.regions). One per page, owned by its UiState.
class Regions {
 public:
  struct Region {
    float x = 0, y = 0, cell = 0;  // top-left corner of real cell (0, 0), cell size
    int rows = 0, cols = 0;
    int frame = 0;                 // ImGui frame it was drawn in
    float w = 0, h = 0;
  };
  void note(const std::string& id, const Region& region) { by_id_[id] = region; }
  // The regions drawn in the last frame, as JSON in CSS pixels:
  // {"input_grid": {"x":..,"y":..,"w":..,"h":..,"cell":..,"rows":..,"cols":..}, ...}.
  std::string json(float pixels_per_css_pixel) const;

 private:
  std::map<std::string, Region> by_id_;
};

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

// Draws the grid and notes where it went in `regions` under spec.id.
GridHit draw_grid(Regions* regions, const GridSpec& spec, const CellValue& value,
                  const CellStyle& look);

// Notes the last ImGui item ({"x","y","w","h"}, e.g. a slider) under `id`.
void note_item_region(Regions* regions, const char* id);

// Size the grid will take (without indices: cells only).
ImVec2 grid_size(const GridSpec& spec);

// "3", "-0.5", "1.25": short, exact for the small numbers the presets make.
std::string format_value(float value);

// The cell size that fits `cols` (+ghosts) into `width`, between `min_cell` and `max_cell`.
float fit_cell(float width, int cols, float min_cell, float max_cell);

}  // namespace convplay::app
