// Shapes: each axis's output-size formula with the live numbers, and the round trip
// (which input sizes a Conv2d sends to the same output, and the output_padding of the
// ConvTranspose2d that brings each back), switchable in one click.
#include <cstdio>
#include <string>

#include "engine/geometry.h"
#include "imgui.h"
#include "app/ui/panels.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"
#include "app/ui/widgets.h"

namespace convplay::app {

namespace {

void formula_lines(const PanelContext& ctx) {
  const Text& t = text();
  const Result& r = ctx.computer.result();
  const Document& d = r.doc;
  ImGui::PushTextWrapPos(0.0f);
  for (int axis = 0; axis < 2; ++axis) {
    const char* name = axis == 0 ? "H" : "W";
    const int in = axis == 0 ? d.in.h : d.in.w;
    const int k = axis == 0 ? d.kernel.h : d.kernel.w;
    const int s = axis == 0 ? d.stride.h : d.stride.w;
    const int dil = axis == 0 ? d.dilation.h : d.dilation.w;
    if (is_transposed(d)) {
      const int p = axis == 0 ? d.padding.h : d.padding.w;
      const int op = axis == 0 ? d.output_padding.h : d.output_padding.w;
      const int64_t out = axis == 0 ? r.tconv.out_h : r.tconv.out_w;
      ImGui::Text(t.formula_tconv_fmt, name, name, in, s, p, dil, k, op, static_cast<int>(out));
    } else if (d.padding_kind == PaddingKind::kSame) {
      const int64_t before = axis == 0 ? r.conv.pads.top : r.conv.pads.left;
      const int64_t after = axis == 0 ? r.conv.pads.bottom : r.conv.pads.right;
      ImGui::Text(t.formula_same_fmt, name, name, in, static_cast<int>(before),
                  static_cast<int>(after));
    } else {
      const int p = d.padding_kind == PaddingKind::kValid ? 0 : (axis == 0 ? d.padding.h : d.padding.w);
      const int64_t out = axis == 0 ? r.conv.out_h : r.conv.out_w;
      ImGui::Text(t.formula_conv_fmt, name, name, in, p, dil, k, s, static_cast<int>(out));
    }
  }
  ImGui::PopTextWrapPos();
}

void round_trip_table(const RoundTripAxis& axis, const char* name, int current) {
  const Text& t = text();
  ImGui::Text(t.round_trip_axis_fmt, name, static_cast<int>(axis.output_size));
  if (ImGui::BeginTable(name, 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg |
                                     ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn(t.round_trip_col_input);
    ImGui::TableSetupColumn(t.round_trip_col_output);
    ImGui::TableSetupColumn(t.round_trip_col_op);
    ImGui::TableHeadersRow();
    for (const RoundTripCandidate& c : axis.candidates) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (c.input_size == current) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kHighlight), "%d  \u25c0",
                           static_cast<int>(c.input_size));
      } else {
        ImGui::Text("%d", static_cast<int>(c.input_size));
      }
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(axis.output_size));
      ImGui::TableNextColumn();
      if (c.output_padding_valid) {
        ImGui::Text("%d", static_cast<int>(c.output_padding));
      } else {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kError), t.round_trip_invalid_op,
                           static_cast<int>(c.output_padding));
      }
    }
    ImGui::EndTable();
  }
}

// Conv2d (in -> out) becomes the ConvTranspose2d (out -> in) with the output_padding
// that restores `in`; channels swap and the weight keeps its values (same layout).
void switch_op(Document* doc, const Result& r) {
  const Document before = *doc;
  if (is_transposed(*doc)) {
    doc->op = Op::kConv2d;
    doc->in = {static_cast<int>(r.tconv.out_h), static_cast<int>(r.tconv.out_w)};
    doc->output_padding = {0, 0};
  } else {
    doc->op = Op::kConvTranspose2d;
    doc->in = {static_cast<int>(r.conv.out_h), static_cast<int>(r.conv.out_w)};
    IntPair op{0, 0};
    for (const RoundTripCandidate& c : r.round_trip[0].candidates)
      if (c.input_size == before.in.h) op.h = static_cast<int>(c.output_padding);
    for (const RoundTripCandidate& c : r.round_trip[1].candidates)
      if (c.input_size == before.in.w) op.w = static_cast<int>(c.output_padding);
    doc->output_padding = op;
    doc->mode = PaddingMode::kZeros;
  }
  std::swap(doc->in_channels, doc->out_channels);
  // Same weight layout both ways, so the values carry over; the input is new.
  Document shaped = before;
  shaped.op = doc->op;
  shaped.in_channels = doc->in_channels;
  shaped.out_channels = doc->out_channels;
  doc->input.clear();
  doc->input_edited = false;
  conform_tensors(doc, &shaped);
}

}  // namespace

void draw_shapes_panel(PanelContext& ctx) {
  const Text& t = text();
  if (!ctx.computer.has_result()) return;
  const Result& r = ctx.computer.result();
  ImGui::PushFont(ctx.fonts.title);
  ImGui::TextUnformatted(t.shapes_heading);
  ImGui::PopFont();
  formula_lines(ctx);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.title);
  wrapped_text(t.round_trip_heading);
  ImGui::PopFont();
  wrapped_text(t.round_trip_help);
  if (ImGui::Button(StableLabel(t.round_trip_try, "round_trip_try"))) {
    Document example;
    example.in = {7, 7};
    example.kernel = {3, 3};
    example.stride = {2, 2};
    conform_tensors(&example);
    ctx.doc = example;
  }
  if (!r.round_trip_ok) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kMuted), "%s", t.round_trip_needs_zeros);
    return;
  }
  if (!ctx.narrow) ImGui::SameLine();
  char label[160];
  if (is_transposed(r.doc)) {
    std::snprintf(label, sizeof label, "%s", t.round_trip_back);
  } else {
    int op = 0;
    for (const RoundTripCandidate& c : r.round_trip[0].candidates)
      if (c.input_size == r.doc.in.h) op = static_cast<int>(c.output_padding);
    std::snprintf(label, sizeof label, t.round_trip_switch_fmt, op);
  }
  // One id for "switch to" and "back to": the button stays the focused item across the switch.
  if (ImGui::Button(StableLabel(label, "round_trip_switch"))) switch_op(&ctx.doc, r);
  const int current_h = is_transposed(r.doc) ? static_cast<int>(r.tconv.out_h) : r.doc.in.h;
  const int current_w = is_transposed(r.doc) ? static_cast<int>(r.tconv.out_w) : r.doc.in.w;
  ImGui::Spacing();
  round_trip_table(r.round_trip[0], "H", current_h);
  ImGui::Spacing();
  round_trip_table(r.round_trip[1], "W", current_w);
}

}  // namespace convplay::app
