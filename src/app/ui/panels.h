// The panels' draw functions (listed with their ids and labels in panel_table.cpp) and
// the pieces they share. Each draws into the current ImGui window (layout.cpp owns them).
#pragma once

#include "app/ui/ui_state.h"

namespace convplay::app {

void draw_top_bar(PanelContext& ctx, bool* undo, bool* redo);
void draw_params_panel(PanelContext& ctx);   // panel_params.cpp
void draw_compute_panel(PanelContext& ctx);  // panel_compute.cpp
void draw_scatter_panel(PanelContext& ctx);  // panel_scatter.cpp
void draw_shapes_panel(PanelContext& ctx);   // panel_shapes.cpp
// ui=figure|controls: the compute view result first, no toolbar (panel_figure.cpp).
void draw_compute_figure(PanelContext& ctx);
void draw_animation_controls(PanelContext& ctx, int position_count);
void draw_notes(PanelContext& ctx);
void draw_value_editor_popup(PanelContext& ctx);

// Shared by the panels that show the output: the output cell being explained this
// frame (hovered, or the animation's position), or !valid.
CellRef focused_output(const PanelContext& ctx);
// Advances the animation clock.
void tick_animation(PanelContext& ctx, double dt_seconds, int position_count);
// How many positions the animation steps over: output cells of the shown channel, or
// input pixels in stamp mode.
int animation_positions(const PanelContext& ctx);
// Stamp mode: the input pixel being stamped, or !valid. Its channel is the shown input
// channel when the shown output channel's sum reads it, else the first one it reads.
CellRef focused_stamp(const PanelContext& ctx);

}  // namespace convplay::app

namespace convplay::app {

// The three grids the compute and scatter views share. Each is a titled block; an
// editable block paints with the brush on click/drag and opens the value editor on
// double-click or right-click.
void draw_input_block(PanelContext& ctx, float width, bool editable);
void draw_kernel_block(PanelContext& ctx, float width, bool editable);
void draw_bias_block(PanelContext& ctx, float width);
void draw_output_block(PanelContext& ctx, float width, const char* grid_id, bool overlap_toggle);
// The figure's row: input, kernel (and bias when editable), output, and the sum of the
// focused cell, side by side as they fit. `editable` blocks paint and take typed values.
void draw_figure_row(PanelContext& ctx, bool editable, const char* output_grid_id);
// The sum for the focused output cell, term by term with indices and values
// (explanation.cpp), or what the hovered input cell reaches; a group `width` wide.
void draw_explanation(PanelContext& ctx, float width);
// Width for the explanation placed after the output block: beside it when the row has
// room, else the whole width.
float explanation_width(const PanelContext& ctx);
// Flow layout: puts the next block on the same line when `width` still fits.
void flow_next(float width, bool* first);
// Width for each of `count` blocks side by side, or the whole width on narrow screens.
float block_width(const PanelContext& ctx, int count);
// What a block of `cols` cells needs at the largest cell size, at most `limit`: small
// grids (kernels) then sit beside the others even on narrow screens.
float natural_block_width(const PanelContext& ctx, int cols, float limit);
// Width left on the current row after the last item (for the last block of a row).
float remaining_row_width();

}  // namespace convplay::app
