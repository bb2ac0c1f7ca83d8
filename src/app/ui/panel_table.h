// Every panel of the playground in one table, as imgui_demo.cpp lists its windows:
// adding a panel is one entry in panel_table.cpp and one file ui/panel_<key>.cpp.
#pragma once

#include "app/model/text.h"
#include "app/model/view_state.h"
#include "app/ui/ui_state.h"

namespace convplay::app {

struct PanelEntry {
  PanelId id;                     // its one name, panel_key(id): ImGui id, `tab=`/`panels=` value, file
  const char* Text::*label;       // tab label
  const char* Text::*short_label; // on phones (null: the label)
  bool (*shown)(const PanelContext& ctx);  // whether its tab is there now
  void (*draw)(PanelContext& ctx);
  void (*draw_figure)(PanelContext& ctx);  // in ui=figure|controls (null: draw)
  bool figure;                    // draws tensor grids that highlight a focus
  bool wide_content;              // may scroll sideways (grids wider than the screen)
};

// In tab order; entry i has id PanelId(i).
const PanelEntry* panel_table();
const PanelEntry& panel_entry(PanelId id);

// Draws a panel: points ctx at the panel's own highlights (worked out for this frame
// first when it is a figure) and calls its draw function (its figure version outside
// ui=full).
void draw_panel(PanelContext& ctx, const PanelEntry& entry);

}  // namespace convplay::app
