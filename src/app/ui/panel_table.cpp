// The panels table: id, name, label, when the tab is there, and what draws it.
#include "app/ui/panel_table.h"

#include "app/ui/highlights.h"
#include "app/ui/panels.h"

namespace convplay::app {

namespace {

bool always(const PanelContext&) { return true; }
// Wide screens show the parameters in a column beside the tabs instead.
bool on_phones(const PanelContext& ctx) { return ctx.narrow; }
bool transposed_only(const PanelContext& ctx) { return is_transposed(ctx.doc); }

// id, label, phone label, tab there when, draw, draw in ui=figure|controls, figure,
// wide content
constexpr PanelEntry kPanels[kPanelCount] = {
    {PanelId::kParams, &Text::tab_params, &Text::tab_params_short, on_phones,
     draw_params_panel, nullptr, false, false},
    {PanelId::kCompute, &Text::tab_compute, nullptr, always, draw_compute_panel,
     draw_compute_figure, true, true},
    {PanelId::kScatter, &Text::tab_scatter, &Text::tab_scatter_short, transposed_only,
     draw_scatter_panel, nullptr, true, true},
    {PanelId::kShapes, &Text::tab_shapes, &Text::tab_shapes_short, always,
     draw_shapes_panel, nullptr, false, false},
};

constexpr bool ids_are_indices() {
  for (int i = 0; i < kPanelCount; ++i) {
    if (static_cast<int>(kPanels[i].id) != i) return false;
  }
  return true;
}
static_assert(ids_are_indices(), "panel_entry(id) indexes the table by id");

}  // namespace

const PanelEntry* panel_table() { return kPanels; }

const PanelEntry& panel_entry(PanelId id) { return kPanels[static_cast<int>(id)]; }

void draw_panel(PanelContext& ctx, const PanelEntry& entry) {
  Highlights* const outer = ctx.highlights;
  ctx.highlights = &ctx.ui.highlights[static_cast<int>(entry.id)];
  if (entry.figure) update_highlights(ctx, ctx.highlights);
  const bool figure_view = ctx.ui.ui_mode != UiMode::kFull && entry.draw_figure != nullptr;
  (figure_view ? entry.draw_figure : entry.draw)(ctx);
  ctx.highlights = outer;
}

}  // namespace convplay::app
