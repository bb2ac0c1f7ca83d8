// Per-frame caches of what the grids highlight.
#include "app/ui/focus.h"

#include "imgui.h"
#include "app/ui/panels.h"

namespace convplay::app {

const Explanation* focus_explanation(const PanelContext& ctx) {
  static Explanation cached;
  static int cached_frame = -1;
  static bool cached_valid = false;
  if (cached_frame == ImGui::GetFrameCount()) return cached_valid ? &cached : nullptr;
  cached_frame = ImGui::GetFrameCount();
  cached_valid = false;
  const CellRef focus = focused_output(ctx);
  if (!focus.valid || !ctx.computer.has_result()) return nullptr;
  const Shape& shape = ctx.computer.result().output.shape;
  if (focus.channel >= shape[1] || focus.y >= shape[2] || focus.x >= shape[3]) return nullptr;
  cached = explain_output(ctx.computer.result(), focus.channel, focus.y, focus.x);
  cached_valid = true;
  return &cached;
}

const std::vector<char>& reach_mask(const PanelContext& ctx) {
  static std::vector<char> mask;
  static CellRef cached_for;
  static int cached_channel = -1;
  static const void* cached_result = nullptr;
  static Document cached_doc;
  const CellRef& hover = ctx.ui.hover_input;
  if (!ctx.computer.has_result() || !hover.valid) {
    mask.clear();
    cached_for = {};
    return mask;
  }
  const Result& r = ctx.computer.result();
  if (hover == cached_for && cached_channel == ctx.ui.output_channel && cached_result == &r &&
      cached_doc == r.doc) {
    return mask;
  }
  cached_for = hover;
  cached_channel = ctx.ui.output_channel;
  cached_result = &r;
  cached_doc = r.doc;
  const Shape& shape = r.output.shape;
  mask.assign(static_cast<size_t>(shape[2] * shape[3]), 0);
  if (hover.channel >= r.doc.in_channels || hover.y >= r.doc.in.h || hover.x >= r.doc.in.w) return mask;
  for (const OutputCell& cell : reach_of_input(r, hover.channel, hover.y, hover.x)) {
    if (cell.out_channel == ctx.ui.output_channel) {
      mask[static_cast<size_t>(cell.oy * shape[3] + cell.ox)] = 1;
    }
  }
  return mask;
}

// A value with a typographic minus (−), as in the written-out sums.
}  // namespace convplay::app
