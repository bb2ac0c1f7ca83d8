// The output block: the computed values (or overlap counts, or the running sum of the
// stamps so far) with the focused cell, the reach of the hovered input, and a legend.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/ui/block_helpers.h"
#include "app/ui/colormap.h"
#include "app/model/explain.h"
#include "imgui.h"
#include "app/ui/panels.h"
#include "app/ui/tensor_grid.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"

namespace convplay::app {

void draw_output_block(PanelContext& ctx, float width, const char* grid_id, bool overlap_toggle) {
  const Text& t = text();
  ImGui::BeginGroup();
  if (!ctx.computer.has_result()) {
    ImGui::EndGroup();
    return;
  }
  const Result& r = ctx.computer.result();
  block_title(ctx, t.output_title, r.output.shape);
  const int channels = static_cast<int>(r.output.shape[1]);
  const int oh = static_cast<int>(r.output.shape[2]), ow = static_cast<int>(r.output.shape[3]);
  // Named after the grid: a panel may show two outputs (regions "<grid>_ch_next", ...).
  channel_picker(&ctx.ui.regions, (std::string(grid_id) + "_ch").c_str(), t.channel_fmt,
                 &ctx.ui.output_channel, channels);
  const bool transposed = is_transposed(r.doc);
  if (overlap_toggle && transposed) {
    ImGui::Checkbox(StableLabel(t.show_overlap, "show_overlap"), &ctx.ui.show_overlap);
  }
  const Highlights& h = *ctx.highlights;
  // Counts are worked out before the figure is drawn (a toggle shows from the next frame).
  const bool overlap = h.overlap_shown && !h.overlap.empty();
  const std::vector<int>& counts = h.overlap;
  const int max_count = h.overlap_max;

  GridSpec spec;
  spec.id = grid_id;
  spec.rows = oh;
  spec.cols = ow;
  spec.show_indices = true;
  spec.cell = fit_cell(width - 16.0f * ctx.scale, ow, 12.0f * ctx.scale, 44.0f * ctx.scale);
  const size_t plane = static_cast<size_t>(ctx.ui.output_channel * oh * ow);
  const float scale = max_abs(r.output.data, plane, plane + static_cast<size_t>(oh * ow));
  const CellRef focus = h.focus;
  const std::vector<char>& reach = h.reach;
  const Animation& anim = ctx.ui.animation;
  // Stamp by stamp: the running sum after the stamps so far.
  const bool stamping = h.stamp.valid && !h.stamp_sums.empty();
  const std::vector<float>& partial = h.stamp_sums;
  const std::vector<char>& touched = h.stamp_touched;
  auto value = [&](int y, int x) {
    if (overlap) return static_cast<float>(counts[static_cast<size_t>(y * ow + x)]);
    if (stamping) return partial[static_cast<size_t>(y * ow + x)];
    return r.output.data[plane + static_cast<size_t>(y * ow + x)];
  };
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = overlap ? sequential_color(value(y, x) / static_cast<float>(max_count))
                        : diverging_color(value(y, x) / scale);
    if (stamping) {
      cell.faded = !touched[static_cast<size_t>(y * ow + x)];
    } else if (anim.active && !ctx.ui.hover_output.valid && y * ow + x > anim.index) {
      cell.faded = true;
    }
    if (focus.valid && focus.channel == ctx.ui.output_channel && focus.y == y && focus.x == x) {
      cell.outline = colors::kHighlight;
      cell.outline_width = 3.0f;
    } else if (!reach.empty() && reach[static_cast<size_t>(y * ow + x)]) {
      cell.outline = colors::kReach;
      cell.outline_width = 2.5f;
    }
    return cell;
  };
  const GridHit hit = draw_grid(&ctx.ui.regions, spec, value, look);
  if (hit.hovered) ctx.ui.next_hover_output = CellRef{true, ctx.ui.output_channel, hit.y, hit.x};

  // Legend: the colour map with its end values.
  const float legend_w = std::min(220.0f * ctx.scale, std::max(spec.cell * static_cast<float>(ow), 140.0f * ctx.scale));
  const float legend_h = 10.0f * ctx.scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const int steps = 32;
  for (int i = 0; i < steps; ++i) {
    const float f0 = static_cast<float>(i) / steps, f1 = static_cast<float>(i + 1) / steps;
    const ImU32 color = overlap ? sequential_color(f0) : diverging_color(f0 * 2.0f - 1.0f);
    draw->AddRectFilled(ImVec2(p.x + legend_w * f0, p.y), ImVec2(p.x + legend_w * f1 + 0.5f, p.y + legend_h), color);
  }
  ImGui::Dummy(ImVec2(legend_w, legend_h));
  ImGui::PushFont(ctx.fonts.small);
  char left[32], right[32];
  if (overlap) {
    std::snprintf(left, sizeof left, "0");
    std::snprintf(right, sizeof right, "%d", max_count);
  } else {
    std::snprintf(left, sizeof left, "%s", format_value(-scale).c_str());
    std::snprintf(right, sizeof right, "+%s", format_value(scale).c_str());
  }
  const float y = ImGui::GetCursorPosY();
  ImGui::TextUnformatted(left);
  const char* middle = overlap ? t.overlap_legend : "0";
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (legend_w - ImGui::CalcTextSize(middle).x) * 0.5f, y));
  ImGui::TextUnformatted(middle);
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + legend_w - ImGui::CalcTextSize(right).x, y));
  ImGui::TextUnformatted(right);
  ImGui::PopFont();
  ImGui::EndGroup();
}

}  // namespace convplay::app
