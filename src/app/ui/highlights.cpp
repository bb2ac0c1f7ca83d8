// Per-figure highlights, recomputed each frame (each piece costs at most one pass over
// the output plane; the explanation is one output cell's terms).
#include "app/ui/highlights.h"

#include <algorithm>

#include "app/ui/panels.h"

namespace convplay::app {

namespace {

void choose_channels(const PanelContext& ctx, const Document& doc, Highlights* h) {
  const Shape weight = weight_shape(doc);
  const int a_count = static_cast<int>(weight[0]), b_count = static_cast<int>(weight[1]);
  // The sum of the focused cell, or in stamp mode the shown output channel, decides.
  const int out_channel = h->focus.valid ? h->focus.channel : ctx.ui.output_channel;
  h->follows_focus = h->focus.valid || h->stamp.valid;
  if (h->follows_focus) {
    h->channels = channel_focus(doc, out_channel, ctx.ui.input_channel);
    h->input_channel = static_cast<int>(h->channels.in_channel);
    h->kernel_a = static_cast<int>(h->channels.weight_a);
    h->kernel_b = static_cast<int>(h->channels.weight_b);
  } else {
    h->input_channel = ctx.ui.input_channel;
    h->kernel_a = ctx.ui.kernel_a;
    h->kernel_b = ctx.ui.kernel_b;
  }
  h->input_channel = std::clamp(h->input_channel, 0, std::max(doc.in_channels - 1, 0));
  h->kernel_a = std::clamp(h->kernel_a, 0, std::max(a_count - 1, 0));
  h->kernel_b = std::clamp(h->kernel_b, 0, std::max(b_count - 1, 0));
}

void find_reach(const PanelContext& ctx, const Result& r, Highlights* h) {
  const CellRef& hover = ctx.ui.hover_input;
  const Shape& shape = r.output.shape;
  if (!hover.valid || hover.channel >= r.doc.in_channels || hover.y >= r.doc.in.h ||
      hover.x >= r.doc.in.w) {
    return;
  }
  h->reach.assign(static_cast<size_t>(shape[2] * shape[3]), 0);
  for (const OutputCell& cell : reach_of_input(r, hover.channel, hover.y, hover.x)) {
    if (cell.out_channel != ctx.ui.output_channel) continue;
    h->reach[static_cast<size_t>(cell.oy * shape[3] + cell.ox)] = 1;
    ++h->reach_count;
  }
}

}  // namespace

void update_highlights(const PanelContext& ctx, Highlights* h) {
  h->focus = {};
  h->explained = false;
  h->stamp = {};
  h->reach.clear();
  h->reach_count = 0;
  h->overlap_shown = false;
  h->overlap.clear();
  h->overlap_max = 1;
  h->stamp_sums.clear();
  h->stamp_touched.clear();
  if (!ctx.computer.has_result()) {
    choose_channels(ctx, ctx.doc, h);
    return;
  }
  const Result& r = ctx.computer.result();
  const Shape& shape = r.output.shape;
  const CellRef focus = focused_output(ctx);
  if (focus.valid && focus.channel < shape[1] && focus.y < shape[2] && focus.x < shape[3]) {
    h->focus = focus;
    h->explanation = explain_output(r, focus.channel, focus.y, focus.x);
    h->explained = true;
  }
  h->stamp = focused_stamp(ctx);
  choose_channels(ctx, r.doc, h);
  find_reach(ctx, r, h);
  const int out_channel = std::clamp(ctx.ui.output_channel, 0, static_cast<int>(shape[1]) - 1);
  if (is_transposed(r.doc) && ctx.ui.show_overlap) {
    h->overlap_shown = true;
    h->overlap = overlap_counts(r, out_channel);
    for (int c : h->overlap) h->overlap_max = std::max(h->overlap_max, c);
  }
  if (h->stamp.valid) {
    partial_stamp_sums(r, out_channel, h->stamp.y * r.doc.in.w + h->stamp.x, &h->stamp_sums,
                       &h->stamp_touched);
  }
}

}  // namespace convplay::app
