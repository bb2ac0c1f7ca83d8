// The editable tensor blocks the compute and scatter views share (input, kernel, bias):
// a title with the shape, channel pickers, presets, the grid, and painting/typing into
// it; plus the flow layout that places blocks side by side when they fit.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/ui/block_helpers.h"
#include "app/ui/colormap.h"
#include "engine/padding_modes.h"
#include "app/model/explain.h"
#include "imgui.h"
#include "app/ui/panels.h"
#include "app/model/presets.h"
#include "app/model/ranges.h"
#include "app/ui/tensor_grid.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"
#include "app/ui/theme.h"

namespace convplay::app {

namespace {

void preset_menu(PanelContext& ctx, const char* id, TensorKind kind) {
  const Text& t = text();
  ImGui::PushID(id);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 150.0f * ctx.scale));
  const Preset current = kind == TensorKind::kInput ? ctx.doc.input_preset : ctx.doc.weight_preset;
  const bool edited = kind == TensorKind::kInput ? ctx.doc.input_edited : ctx.doc.weight_edited;
  char preview[64];
  std::snprintf(preview, sizeof preview, "%s%s", t.preset_names[static_cast<int>(current)],
                edited ? " *" : "");
  if (ImGui::BeginCombo(StableLabel(t.preset_label, "preset"), preview)) {
    for (int i = 0; i < kPresetCount; ++i) {
      if (ImGui::Selectable(t.preset_names[i], !edited && static_cast<int>(current) == i)) {
        apply_preset(&ctx.doc, kind, static_cast<Preset>(i));
      }
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

// Under the input picker: which input channels the focused output cell's sum reads (in
// the highlight colour), or those of the shown output channel. Always one line, so the
// grids below do not move when the focus comes and goes.
void focus_reads_note(const PanelContext& ctx, const Highlights& h) {
  const Text& t = text();
  const int out = h.focus.valid ? h.focus.channel : ctx.ui.output_channel;
  const ChannelFocus channels = channel_focus(ctx.doc, out, h.input_channel);
  const int first = static_cast<int>(channels.in_first);
  const int last = static_cast<int>(channels.in_first + channels.in_count - 1);
  char note[120];
  if (first == last) {
    std::snprintf(note, sizeof note, t.focus_reads_one_fmt, out, first);
  } else {
    std::snprintf(note, sizeof note, t.focus_reads_range_fmt, out, first, last);
  }
  ImGui::PushFont(ctx.fonts.small);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(h.follows_focus ? colors::kHighlight
                                                                    : colors::kMuted),
                     "%s", note);
  ImGui::PopFont();
}

// Paints the brush into a cell while the mouse is held; opens the value editor on
// double-click or right-click.
void handle_edit(PanelContext& ctx, const GridHit& hit, TensorKind kind, int rows, int cols,
                 size_t plane_offset) {
  if (!hit.hovered || hit.y < 0 || hit.x < 0 || hit.y >= rows || hit.x >= cols) return;
  const size_t index = plane_offset + static_cast<size_t>(hit.y * cols + hit.x);
  const std::vector<float>& values = tensor_values(static_cast<const Document&>(ctx.doc), kind);
  if (index >= values.size()) return;
  if (hit.double_clicked || hit.right_clicked) {
    ctx.ui.edit_popup_open = true;
    ctx.ui.edit_kind = kind;
    ctx.ui.edit_index = static_cast<int>(index);
    ctx.ui.edit_value = values[index];
    ImGui::OpenPopup("##edit_value");
    return;
  }
  if (hit.active) {
    ctx.ui.painting = true;
    if (values[index] != ctx.ui.brush) {
      tensor_values(&ctx.doc, kind)[index] = ctx.ui.brush;  // writing takes a private copy
      switch (kind) {
        case TensorKind::kInput: ctx.doc.input_edited = true; break;
        case TensorKind::kWeight: ctx.doc.weight_edited = true; break;
        case TensorKind::kBias: ctx.doc.bias_edited = true; break;
      }
    }
  }
}

}  // namespace

float block_width(const PanelContext& ctx, int count) {
  const float avail = ImGui::GetContentRegionAvail().x;
  if (ctx.narrow) return avail;
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 3.0f;
  return std::max(200.0f * ctx.scale, (avail - spacing * static_cast<float>(count - 1)) /
                                          static_cast<float>(count));
}

float remaining_row_width() {
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 3.0f;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  return limit - (ImGui::GetItemRectMax().x + spacing);
}

float natural_block_width(const PanelContext& ctx, int cols, float limit) {
  const float cells = static_cast<float>(cols) * 44.0f * ctx.scale + 18.0f * ctx.scale;
  return std::min(limit, std::max(cells, 215.0f * ctx.scale));
}

void draw_figure_row(PanelContext& ctx, bool editable, const char* output_grid_id) {
  const float width = block_width(ctx, 3);
  const Document& doc = ctx.doc;
  const bool have = ctx.computer.has_result();
  int ghost_cols = 0;  // a Conv2d's padding ring around the input
  if (have && !is_transposed(ctx.computer.result().doc)) {
    const Pads& pads = ctx.computer.result().conv.pads;
    ghost_cols = static_cast<int>(pads.left + pads.right);
  }
  const int out_cols = have ? static_cast<int>(ctx.computer.result().output.shape[3]) : 1;
  bool first = true;
  float w = natural_block_width(ctx, doc.in.w + ghost_cols, width);
  flow_next(w, &first);
  draw_input_block(ctx, w, editable);
  w = natural_block_width(ctx, doc.kernel.w, width);
  flow_next(w, &first);
  draw_kernel_block(ctx, w, editable);
  if (editable && doc.use_bias) {
    w = natural_block_width(ctx, doc.out_channels, width);
    flow_next(w, &first);
    draw_bias_block(ctx, w);
  }
  // The output takes what is left of the row when it fits there (it is often the largest).
  w = natural_block_width(ctx, out_cols, std::max(width, remaining_row_width()));
  flow_next(w, &first);
  draw_output_block(ctx, w, output_grid_id, true);
  // The sum beside the output when there is room: in view with the cell it explains.
  w = explanation_width(ctx);
  flow_next(w, &first);
  draw_explanation(ctx, w);
}

float explanation_width(const PanelContext& ctx) {
  // Narrow: the visible width (the region may scroll sideways), less a margin by the scrollbar.
  if (ctx.narrow) return ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize - 24.0f * ctx.scale;
  const float beside = remaining_row_width();
  return beside >= 340.0f * ctx.scale ? std::min(beside, 480.0f * ctx.scale)
                                      : std::min(ImGui::GetContentRegionAvail().x, 480.0f * ctx.scale);
}

void flow_next(float width, bool* first) {
  if (*first) {
    *first = false;
    return;
  }
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 3.0f;
  const float right = ImGui::GetItemRectMax().x + spacing + width;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right <= limit + 1.0f) ImGui::SameLine(0, spacing);
}

void draw_input_block(PanelContext& ctx, float width, bool editable) {
  const Text& t = text();
  Document& doc = ctx.doc;
  ImGui::BeginGroup();
  block_title(ctx, t.input_title, input_shape(doc));
  const Highlights& h = *ctx.highlights;
  // The picker shows the channel on screen: while an output cell is focused, one its sum
  // reads (the reader's choice when it is one of them).
  const int channel = std::clamp(h.input_channel, 0, std::max(doc.in_channels - 1, 0));
  int picked = channel;
  channel_picker(&ctx.ui.regions, "input_grid_ch", t.channel_fmt, &picked, doc.in_channels);
  if (picked != channel) ctx.ui.input_channel = picked;
  if (doc.in_channels > 1) focus_reads_note(ctx, h);
  if (editable) preset_menu(ctx, "in_preset", TensorKind::kInput);

  const bool have = ctx.computer.has_result();
  const Result* r = have ? &ctx.computer.result() : nullptr;
  // Ghost cells: the padding ring of a Conv2d, with values from its padding mode.
  Pads pads;
  PaddingMode mode = PaddingMode::kZeros;
  if (r != nullptr && !is_transposed(r->doc) && r->doc.in == doc.in) {
    pads = r->conv.pads;
    mode = r->conv.padding_mode;
  }
  GridSpec spec;
  spec.id = "input_grid";
  spec.rows = doc.in.h;
  spec.cols = doc.in.w;
  spec.ghost_top = static_cast<int>(pads.top);
  spec.ghost_bottom = static_cast<int>(pads.bottom);
  spec.ghost_left = static_cast<int>(pads.left);
  spec.ghost_right = static_cast<int>(pads.right);
  spec.show_indices = true;
  spec.cell = fit_cell(width - 16.0f * ctx.scale, spec.cols + spec.ghost_left + spec.ghost_right,
                       12.0f * ctx.scale, 44.0f * ctx.scale);
  const size_t plane = static_cast<size_t>(channel * doc.in.h * doc.in.w);
  const float scale = max_abs(doc.input, plane, plane + static_cast<size_t>(doc.in.h * doc.in.w));
  const Explanation* focus = h.explained ? &h.explanation : nullptr;
  const CellRef stamp = h.stamp;
  auto source = [&](int y, int x, int* sy, int* sx) {
    *sy = static_cast<int>(padded_source_index(y, doc.in.h, mode));
    *sx = static_cast<int>(padded_source_index(x, doc.in.w, mode));
    return *sy >= 0 && *sx >= 0;
  };
  auto value = [&](int y, int x) {
    int sy, sx;
    if (!source(y, x, &sy, &sx)) return 0.0f;
    return doc.input[plane + static_cast<size_t>(sy * doc.in.w + sx)];
  };
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(y, x) / scale);
    cell.ghost = y < 0 || x < 0 || y >= doc.in.h || x >= doc.in.w;
    if (stamp.valid) {
      if (y * doc.in.w + x > stamp.y * doc.in.w + stamp.x) cell.faded = true;
      if (y == stamp.y && x == stamp.x) {
        cell.outline = colors::kHighlight;
        cell.outline_width = 3.0f;
      }
    }
    if (focus != nullptr) {
      for (const Term& term : focus->terms) {
        if (term.in_channel != channel) continue;
        if (term.py == y && term.px == x) {
          cell.outline = colors::kHighlight;
          cell.outline_width = 2.5f;
        }
      }
    }
    return cell;
  };
  const GridHit hit = draw_grid(&ctx.ui.regions, spec, value, look);
  if (hit.hovered) {
    ctx.ui.next_hover_input = CellRef{true, channel, hit.y, hit.x};
    const bool ghost = hit.y < 0 || hit.x < 0 || hit.y >= doc.in.h || hit.x >= doc.in.w;
    if (ghost) {
      // A ghost cell stands for its source cell: hovering it shows where it comes from.
      int sy = -1, sx = -1;
      ctx.ui.next_hover_input.valid = false;
      if (source(hit.y, hit.x, &sy, &sx)) {
        ImGui::SetTooltip(t.ghost_cell_fmt, hit.y, hit.x, padding_mode_name(mode), sy, sx,
                          format_value(value(hit.y, hit.x)).c_str());
        ctx.ui.next_hover_input = CellRef{true, channel, sy, sx};
      } else {
        ImGui::SetTooltip(t.ghost_zero_fmt, hit.y, hit.x);
      }
    }
  }
  if (editable) handle_edit(ctx, hit, TensorKind::kInput, doc.in.h, doc.in.w, plane);
  ImGui::EndGroup();
}

void draw_kernel_block(PanelContext& ctx, float width, bool editable) {
  const Text& t = text();
  Document& doc = ctx.doc;
  const Shape shape = weight_shape(doc);
  ImGui::BeginGroup();
  block_title(ctx, t.kernel_title, shape);
  const int a_count = static_cast<int>(shape[0]), b_count = static_cast<int>(shape[1]);
  const Highlights& h = *ctx.highlights;
  // The pair on screen: while an output cell is focused, the one its sum multiplies the
  // shown input channel by; the arrows step on from there.
  const int kernel_a = std::clamp(h.kernel_a, 0, a_count - 1);
  const int kernel_b = std::clamp(h.kernel_b, 0, b_count - 1);
  if (a_count > 1 || b_count > 1) {
    const int pairs = a_count * b_count;
    const int flat = kernel_a * b_count + kernel_b;
    ImGui::PushID("kernel_pair");
    int step = 0;
    if (ImGui::ArrowButton("prev", ImGuiDir_Left)) step = pairs - 1;
    ImGui::SameLine(0, 4);
    ImGui::Text(t.kernel_pair_fmt, kernel_a, kernel_b);
    ImGui::SameLine(0, 4);
    if (ImGui::ArrowButton("next", ImGuiDir_Right)) step = 1;
    if (step != 0) {
      ctx.ui.kernel_a = (flat + step) % pairs / b_count;
      ctx.ui.kernel_b = (flat + step) % pairs % b_count;
    }
    ImGui::PopID();
  }
  if (editable) preset_menu(ctx, "w_preset", TensorKind::kWeight);
  GridSpec spec;
  spec.id = "kernel_grid";
  spec.rows = doc.kernel.h;
  spec.cols = doc.kernel.w;
  spec.show_indices = true;
  spec.cell = fit_cell(width - 16.0f * ctx.scale, spec.cols, 12.0f * ctx.scale, 44.0f * ctx.scale);
  const size_t plane = static_cast<size_t>((kernel_a * b_count + kernel_b) *
                                           doc.kernel.h * doc.kernel.w);
  const float scale =
      max_abs(doc.weight, plane, plane + static_cast<size_t>(doc.kernel.h * doc.kernel.w));
  const Explanation* focus = h.explained ? &h.explanation : nullptr;
  auto value = [&](int y, int x) {
    const size_t i = plane + static_cast<size_t>(y * doc.kernel.w + x);
    return i < doc.weight.size() ? doc.weight[i] : 0.0f;
  };
  const bool stamping = h.stamp.valid;
  auto look = [&](int y, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(y, x) / scale);
    if (stamping) {
      cell.outline = colors::kHighlight;
      cell.outline_width = 2.5f;
    }
    if (focus != nullptr) {
      for (const Term& term : focus->terms) {
        if (term.out_or_in == kernel_a && term.weight_ch == kernel_b &&
            term.ky == y && term.kx == x) {
          cell.outline = colors::kHighlight;
          cell.outline_width = 2.5f;
        }
      }
    }
    return cell;
  };
  const GridHit hit = draw_grid(&ctx.ui.regions, spec, value, look);
  if (hit.hovered && !hit.active) {
    ImGui::SetTooltip(t.kernel_tap_fmt, kernel_a, kernel_b, hit.y, hit.x,
                      format_value(value(hit.y, hit.x)).c_str());
  }
  if (editable) handle_edit(ctx, hit, TensorKind::kWeight, doc.kernel.h, doc.kernel.w, plane);
  ImGui::EndGroup();
}

void draw_bias_block(PanelContext& ctx, float width) {
  const Text& t = text();
  Document& doc = ctx.doc;
  if (!doc.use_bias || doc.bias.empty()) return;
  ImGui::BeginGroup();
  block_title(ctx, t.bias_title, bias_shape(doc));
  GridSpec spec;
  spec.id = "bias_grid";
  spec.rows = 1;
  spec.cols = doc.out_channels;
  spec.show_indices = true;
  spec.cell = fit_cell(width - 16.0f * ctx.scale, spec.cols, 12.0f * ctx.scale, 44.0f * ctx.scale);
  const float scale = max_abs(doc.bias, 0, doc.bias.size());
  const CellRef focus = ctx.highlights->focus;
  auto value = [&](int, int x) { return doc.bias[static_cast<size_t>(x)]; };
  auto look = [&](int, int x) {
    CellLook cell;
    cell.fill = diverging_color(value(0, x) / scale);
    if (focus.valid && focus.channel == x) {
      cell.outline = colors::kHighlight;
      cell.outline_width = 2.5f;
    }
    return cell;
  };
  const GridHit hit = draw_grid(&ctx.ui.regions, spec, value, look);
  handle_edit(ctx, hit, TensorKind::kBias, 1, doc.out_channels, 0);
  ImGui::EndGroup();
}

}  // namespace convplay::app
