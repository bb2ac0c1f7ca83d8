// The result-first view of ui=figure and ui=controls (a blog post's figure): the output
// grid first, as large as the region allows, then the input and kernel, smaller, after
// it; no paint toolbar. Sized so that from 320×240 up the whole output shows at once.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "app/ui/panels.h"
#include "app/ui/tensor_grid.h"

namespace convplay::app {

namespace {

// The output block's height other than its cells: title, channel picker, index band,
// legend and its labels (output_block.cpp).
float output_block_overhead(const PanelContext& ctx, int channels) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float index_band = 14.0f * ImGui::GetFontSize() / 15.0f;
  float height = ImGui::GetTextLineHeight() + style.ItemSpacing.y;  // title
  if (channels > 1) height += ImGui::GetFrameHeightWithSpacing();
  height += index_band + style.ItemSpacing.y;
  height += 10.0f * ctx.scale + style.ItemSpacing.y;                  // legend bar
  height += ctx.fonts.small->FontSize + style.ItemSpacing.y;         // legend labels
  return height;
}

}  // namespace

void draw_compute_figure(PanelContext& ctx) {
  if (!ctx.computer.has_result()) return;
  const Shape& out = ctx.computer.result().output.shape;
  const int channels = static_cast<int>(out[1]);
  const int rows = static_cast<int>(out[2]), cols = static_cast<int>(out[3]);
  const float s = ctx.scale;
  const float index_band = 14.0f * ImGui::GetFontSize() / 15.0f;
  // The visible region, whether or not the inputs below make it scroll (a scrollbar that
  // comes and goes would resize the grid every other frame).
  const float avail_w = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() -
                        ImGui::GetStyle().ScrollbarSize;
  const float avail_h = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() -
                        ImGui::GetStyle().WindowPadding.y;
  const float by_width = std::floor((avail_w - index_band) / static_cast<float>(cols));
  const float by_height =
      std::floor((avail_h - output_block_overhead(ctx, channels)) / static_cast<float>(rows));
  const float natural = std::min(by_width, 44.0f * s);
  const float cell = std::max(std::min(natural, by_height), 12.0f * s);
  // What a taller frame would show larger: the host's auto-height asks for it.
  ctx.ui.figure_height_shortfall = std::max(0.0f, (natural - cell) * static_cast<float>(rows));
  // output_block.cpp fits its cells to (width − 16 px): this width gives exactly `cell`.
  draw_output_block(ctx, cell * static_cast<float>(cols) + 16.0f * s + 0.5f, "output_grid", false);

  // The inputs, smaller than the result (cells at most 3/4 of its, but wide enough for
  // their titles): in a column beside it when the frame is wide enough, else below it.
  int ghost_cols = 0;  // a Conv2d's padding ring around the input
  if (!is_transposed(ctx.computer.result().doc)) {
    const Pads& pads = ctx.computer.result().conv.pads;
    ghost_cols = static_cast<int>(pads.left + pads.right);
  }
  auto input_width = [&](int cols, float limit) {
    const float smaller = static_cast<float>(cols) * cell * 0.75f + 18.0f * s;
    return std::min(limit, std::max(smaller, 150.0f * s));
  };
  const float column = std::min(remaining_row_width(), 330.0f * s);
  if (column >= 180.0f * s) {
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 3.0f);
    ImGui::BeginGroup();
    draw_input_block(ctx, input_width(ctx.doc.in.w + ghost_cols, column), false);
    ImGui::Spacing();
    draw_kernel_block(ctx, input_width(ctx.doc.kernel.w, column), false);
    ImGui::EndGroup();
    return;
  }
  ImGui::Spacing();
  const float half = std::max(avail_w * 0.5f - ImGui::GetStyle().ItemSpacing.x * 2.0f, 150.0f * s);
  bool first = true;
  float w = input_width(ctx.doc.in.w + ghost_cols, half);
  flow_next(w, &first);
  draw_input_block(ctx, w, false);
  w = input_width(ctx.doc.kernel.w, half);
  flow_next(w, &first);
  draw_kernel_block(ctx, w, false);
}

}  // namespace convplay::app
