// ConvTranspose2d seen two ways, synchronized on the same output cell:
//  - scatter: each input pixel stamps its weighted kernel onto the output; overlaps add
//    up (the overlap-count heatmap shows where checkerboard artefacts come from);
//  - as a convolution: the engine's intermediates (zeros inserted stride−1 apart,
//    padding d·(k−1)−p per side, negative = cropping, output_padding at the bottom/right,
//    the flipped kernel) and an ordinary convolution at stride 1.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/ui/block_helpers.h"
#include "app/ui/colormap.h"
#include "imgui.h"
#include "app/ui/panels.h"
#include "app/ui/tensor_grid.h"
#include "app/model/text.h"
#include "app/ui/widgets.h"

namespace convplay::app {

namespace {

float plane_max_abs(const Tensor& tensor, size_t begin, size_t count) {
  float m = 0;
  for (size_t i = begin; i < begin + count && i < tensor.data.size(); ++i) {
    m = std::max(m, std::fabs(tensor.data[i]));
  }
  return m > 0 ? m : 1.0f;
}

void heading(const PanelContext& ctx, const char* title, const char* help) {
  ImGui::PushFont(ctx.fonts.title);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  wrapped_text(help, colors::kMuted);
}

// Titles an intermediate tensor with its shape and sizes its grid (one channel plane).
GridSpec intermediate_grid(const PanelContext& ctx, const char* id, const char* title_format,
                           const Tensor& tensor, float width) {
  block_title(ctx, title_format, tensor.shape);
  GridSpec spec;
  spec.id = id;
  spec.rows = static_cast<int>(tensor.shape[2]);
  spec.cols = static_cast<int>(tensor.shape[3]);
  spec.show_indices = true;
  spec.cell = fit_cell(width - 16.0f * ctx.scale, spec.cols, 10.0f * ctx.scale, 40.0f * ctx.scale);
  return spec;
}

// The spread input (zeros inserted), with cropped rows/columns outlined in red.
void draw_spread_block(PanelContext& ctx, const Result& r, float width) {
  const Text& t = text();
  const TransposedAsConv& a = r.as_conv;
  const Tensor& spread = a.spread;
  const int sh = static_cast<int>(spread.shape[2]), sw = static_cast<int>(spread.shape[3]);
  const int channel = std::clamp(ctx.highlights->input_channel, 0, static_cast<int>(spread.shape[1]) - 1);
  const size_t plane = static_cast<size_t>(channel * sh * sw);
  const int s_h = static_cast<int>(r.tconv.stride.h), s_w = static_cast<int>(r.tconv.stride.w);
  ImGui::BeginGroup();
  const GridSpec spec = intermediate_grid(ctx, "spread_grid", t.spread_title, spread, width);
  const float scale = plane_max_abs(spread, plane, static_cast<size_t>(sh * sw));
  auto value = [&](int y, int x) { return spread.data[plane + static_cast<size_t>(y * sw + x)]; };
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(y, x) / scale);
    cell.ghost = y % s_h != 0 || x % s_w != 0;
    const bool cropped = (a.pad_top < 0 && y < -a.pad_top) ||
                         (a.pad_bottom < 0 && y >= sh + a.pad_bottom) ||
                         (a.pad_left < 0 && x < -a.pad_left) ||
                         (a.pad_right < 0 && x >= sw + a.pad_right);
    if (cropped) {
      cell.outline = colors::kCrop;
      cell.faded = true;
    }
    return cell;
  };
  draw_grid(&ctx.ui.regions, spec, value, look);
  ImGui::EndGroup();
}

void draw_padded_block(PanelContext& ctx, const Result& r, float width) {
  const Text& t = text();
  const TransposedAsConv& a = r.as_conv;
  const Tensor& padded = a.padded;
  const int ph = static_cast<int>(padded.shape[2]), pw = static_cast<int>(padded.shape[3]);
  const int sh = static_cast<int>(a.spread.shape[2]), sw = static_cast<int>(a.spread.shape[3]);
  const int channel = std::clamp(ctx.highlights->input_channel, 0, static_cast<int>(padded.shape[1]) - 1);
  const size_t plane = static_cast<size_t>(channel * ph * pw);
  const int s_h = static_cast<int>(r.tconv.stride.h), s_w = static_cast<int>(r.tconv.stride.w);
  const int d_h = static_cast<int>(r.tconv.dilation.h), d_w = static_cast<int>(r.tconv.dilation.w);
  const int kh = static_cast<int>(r.tconv.kernel_h), kw = static_cast<int>(r.tconv.kernel_w);
  const CellRef focus = ctx.highlights->focus;
  ImGui::BeginGroup();
  const GridSpec spec = intermediate_grid(ctx, "padded_grid", t.padded_title, padded, width);
  const float scale = plane_max_abs(padded, plane, static_cast<size_t>(ph * pw));
  auto value = [&](int y, int x) { return padded.data[plane + static_cast<size_t>(y * pw + x)]; };
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(y, x) / scale);
    // Back to spread coordinates: outside is padding, off the stride grid an inserted zero.
    const int sy = y - static_cast<int>(a.pad_top), sx = x - static_cast<int>(a.pad_left);
    const bool real = sy >= 0 && sy < sh && sx >= 0 && sx < sw && sy % s_h == 0 && sx % s_w == 0;
    cell.ghost = !real;
    if (focus.valid) {
      const int ky = y - focus.y, kx = x - focus.x;
      if (ky >= 0 && kx >= 0 && ky % d_h == 0 && kx % d_w == 0 && ky / d_h < kh && kx / d_w < kw) {
        cell.outline = real ? colors::kHighlight
                            : (colors::kHighlight & ~IM_COL32_A_MASK) | (110u << IM_COL32_A_SHIFT);
        cell.outline_width = real ? 2.5f : 1.5f;
      }
    }
    return cell;
  };
  const GridHit hit = draw_grid(&ctx.ui.regions, spec, value, look);
  if (hit.hovered) {
    const int sy = hit.y - static_cast<int>(a.pad_top), sx = hit.x - static_cast<int>(a.pad_left);
    if (sy >= 0 && sy < sh && sx >= 0 && sx < sw && sy % s_h == 0 && sx % s_w == 0) {
      ctx.ui.next_hover_input = CellRef{true, channel, sy / s_h, sx / s_w};
    }
  }
  ImGui::EndGroup();
}

void draw_flipped_kernel_block(PanelContext& ctx, const Result& r, float width) {
  const Text& t = text();
  const Tensor& k = r.as_conv.equivalent_kernel;
  const int a = static_cast<int>(k.shape[0]), b = static_cast<int>(k.shape[1]);
  const int kh = static_cast<int>(k.shape[2]), kw = static_cast<int>(k.shape[3]);
  // The pair the focused sum uses: the shown output channel and input channel.
  const Highlights& h = *ctx.highlights;
  const int oc = std::clamp(h.focus.valid ? h.focus.channel : ctx.ui.output_channel, 0, a - 1);
  const int cin_g = static_cast<int>(r.tconv.in_channels_per_group());
  const int icg = std::clamp(h.input_channel % std::max(cin_g, 1), 0, b - 1);
  const size_t plane = static_cast<size_t>((oc * b + icg) * kh * kw);
  ImGui::BeginGroup();
  const GridSpec spec = intermediate_grid(ctx, "flipped_grid", t.flipped_kernel_title, k, width);
  ImGui::Text(t.kernel_pair_fmt, oc, icg);
  const float scale = plane_max_abs(k, plane, static_cast<size_t>(kh * kw));
  auto value = [&](int y, int x) { return k.data[plane + static_cast<size_t>(y * kw + x)]; };
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(y, x) / scale);
    return cell;
  };
  draw_grid(&ctx.ui.regions, spec, value, look);
  ImGui::EndGroup();
}

}  // namespace

void draw_scatter_panel(PanelContext& ctx) {
  const Text& t = text();
  if (!ctx.computer.has_result() || !is_transposed(ctx.computer.result().doc)) {
    ImGui::TextUnformatted(t.only_transposed);
    return;
  }
  const Result& r = ctx.computer.result();
  const int positions = animation_positions(ctx);

  heading(ctx, t.scatter_title, t.scatter_help);
  ImGui::PushID("scatter");
  draw_figure_row(ctx, false, "scatter_output_grid");
  ImGui::PopID();
  ImGui::Spacing();
  draw_animation_controls(ctx, positions);
  ImGui::Spacing();
  ImGui::Separator();

  heading(ctx, t.as_conv_title, t.as_conv_help);
  const TransposedAsConv& a = r.as_conv;
  const bool cropped = a.pad_top < 0 || a.pad_bottom < 0 || a.pad_left < 0 || a.pad_right < 0;
  char note[300];
  std::snprintf(note, sizeof note, cropped ? t.crop_note_fmt : t.pad_note_fmt,
                static_cast<int>(a.pad_top), static_cast<int>(a.pad_bottom),
                static_cast<int>(a.pad_left), static_cast<int>(a.pad_right));
  wrapped_text(note, cropped ? colors::kCrop : colors::kNote);
  ImGui::PushID("as_conv");
  bool first = true;
  float w = 0;
  const int blocks = cropped ? 4 : 3;
  const float w2 = block_width(ctx, blocks);
  if (cropped) {
    w = natural_block_width(ctx, static_cast<int>(a.spread.shape[3]), w2);
    flow_next(w, &first);
    draw_spread_block(ctx, r, w);
  }
  w = natural_block_width(ctx, static_cast<int>(a.padded.shape[3]), w2);
  flow_next(w, &first);
  draw_padded_block(ctx, r, w);
  w = natural_block_width(ctx, r.doc.kernel.w, w2);
  flow_next(w, &first);
  draw_flipped_kernel_block(ctx, r, w);
  w = natural_block_width(ctx, static_cast<int>(r.output.shape[3]),
                          std::max(w2, remaining_row_width()));
  flow_next(w, &first);
  draw_output_block(ctx, w, "as_conv_output_grid", false);
  ImGui::PopID();
}

}  // namespace convplay::app
