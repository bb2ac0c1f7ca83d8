// The parameter panel. Every control offers only values that can be valid given the
// others (ranges narrowed as in ezyang's convolution visualizer); when a combination is
// still invalid, the engine's message appears under the control at fault.
#include <algorithm>
#include <numeric>
#include <string>

#include "imgui.h"
#include "app/ui/panels.h"
#include "app/model/ranges.h"
#include "app/ui/tensor_grid.h"
#include "app/model/error_explain.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"

namespace convplay::app {

namespace {

enum class Control { kNone, kChannels, kInput, kKernel, kStride, kPadding, kDilation,
                     kOutputPadding, kGroups, kBias, kMode };

// Which control an engine error belongs to.
Control control_at_fault(const Status& status) {
  switch (status.code) {
    case ErrorCode::kOk: return Control::kNone;
    case ErrorCode::kNonPositiveGroups:
    case ErrorCode::kWeightGroupsMismatch:
    case ErrorCode::kChannelMismatch: return Control::kGroups;
    case ErrorCode::kBiasMismatch: return Control::kBias;
    case ErrorCode::kKernelTooLarge:
    case ErrorCode::kNonPositiveKernel: return Control::kKernel;
    case ErrorCode::kOutputTooSmall:
    case ErrorCode::kNegativePadding:
    case ErrorCode::kPaddingTooLargeForMode:
    case ErrorCode::kBadPaddingString: return Control::kPadding;
    case ErrorCode::kOutputPaddingTooLarge:
    case ErrorCode::kNegativeOutputPadding: return Control::kOutputPadding;
    case ErrorCode::kSameWithStride:
    case ErrorCode::kNonPositiveStride: return Control::kStride;
    case ErrorCode::kNonPositiveDilation: return Control::kDilation;
    case ErrorCode::kPaddingModeNotSupported:
    case ErrorCode::kBadPaddingMode: return Control::kMode;
    case ErrorCode::kTooLarge: return Control::kInput;
    default: break;
  }
  const std::string& p = status.param;
  if (p == "output_padding") return Control::kOutputPadding;
  if (p.find("padding") != std::string::npos) return Control::kPadding;
  if (p == "stride") return Control::kStride;
  if (p == "dilation") return Control::kDilation;
  if (p == "groups") return Control::kGroups;
  if (p == "bias") return Control::kBias;
  if (p == "weight" || p == "kernel_size") return Control::kKernel;
  return Control::kInput;
}

void error_under(const PanelContext& ctx, Control here) {
  const Status& status = ctx.computer.status();
  if (status.ok() || control_at_fault(status) != here) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kError));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(status.message.c_str());
  ImGui::PopStyleColor();
  // PyTorch's words stay in English (what people search for); the rule follows in Chinese.
  if (const char* rule = error_rule(status.code, text_language())) ImGui::TextUnformatted(rule);
  ImGui::PopTextWrapPos();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMuted));
  ImGui::TextUnformatted(text().showing_last_valid);
  ImGui::PopStyleColor();
}

float label_width(const PanelContext& ctx) { return 118.0f * ctx.scale; }

void row_label(const PanelContext& ctx, const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(label_width(ctx));
}

bool int_slider(const char* id, int* value, Range range) {
  if (range.max < range.min) range.max = range.min;
  ImGui::BeginDisabled(range.min == range.max && *value == range.min);
  const bool changed = ImGui::SliderInt(id, value, range.min, range.max, "%d",
                                        ImGuiSliderFlags_AlwaysClamp);
  ImGui::EndDisabled();
  return changed;
}

// One per-axis parameter: one slider when H and W are linked, two otherwise.
bool pair_control(const PanelContext& ctx, const char* label, const char* id, IntPair* value,
                  Range range_h, Range range_w) {
  row_label(ctx, label);
  const float width = ImGui::GetContentRegionAvail().x;
  bool changed = false;
  ImGui::PushID(id);
  if (ctx.ui.link_axes && value->square()) {
    ImGui::SetNextItemWidth(width);
    Range both{std::max(range_h.min, range_w.min), std::min(range_h.max, range_w.max)};
    if (both.max < both.min) both = range_h;
    if (int_slider("##hw", &value->h, both)) {
      value->w = value->h;
      changed = true;
    }
    note_item_region(&ctx.ui.regions, (std::string("slider_") + id).c_str());
  } else {
    const float half = (width - ImGui::GetStyle().ItemInnerSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(half);
    changed |= int_slider("##h", &value->h, range_h);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text().axis_h);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(half);
    changed |= int_slider("##w", &value->w, range_w);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text().axis_w);
  }
  ImGui::PopID();
  return changed;
}

// One per-axis parameter with each axis narrowed to what the engine accepts with the
// other parameters as they are (ranges.h, the rules repair uses too). When no value alone
// helps, the whole range stays open and the engine's message says what is wrong.
bool axis_control(const PanelContext& ctx, const char* label, const char* id, AxisField field) {
  Range ranges[2] = {valid_range(ctx.doc, field, 0), valid_range(ctx.doc, field, 1)};
  for (Range& range : ranges) {
    if (range.empty()) range = static_range(field);
  }
  return pair_control(ctx, label, id, &axis_field(&ctx.doc, field), ranges[0], ranges[1]);
}

void section(const PanelContext& ctx, const char* title) {
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMuted));
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Separator();
}

}  // namespace

void draw_params_panel(PanelContext& ctx) {
  const Text& t = text();
  Document& doc = ctx.doc;
  const Document before = doc;
  const bool transposed = is_transposed(doc);

  ImGui::Checkbox(StableLabel(t.same_for_h_and_w, "link_axes"), &ctx.ui.link_axes);
  // Errors that no single control owns.
  {
    const Status& status = ctx.computer.status();
    if (!status.ok() && control_at_fault(status) == Control::kNone) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kError), "%s", status.message.c_str());
      if (const char* rule = error_rule(status.code, text_language())) ImGui::TextWrapped("%s", rule);
    }
  }

  section(ctx, t.section_tensors);
  row_label(ctx, t.in_channels);
  ImGui::SetNextItemWidth(-1);
  if (int_slider("##cin", &doc.in_channels, kChannelRange)) {
    doc.groups = nearest_valid_groups(doc.in_channels, doc.out_channels, doc.groups);
  }
  row_label(ctx, t.out_channels);
  ImGui::SetNextItemWidth(-1);
  if (int_slider("##cout", &doc.out_channels, kChannelRange)) {
    doc.groups = nearest_valid_groups(doc.in_channels, doc.out_channels, doc.groups);
  }
  axis_control(ctx, t.input_size, "in", AxisField::kInput);
  error_under(ctx, Control::kInput);
  ImGui::AlignTextToFramePadding();
  ImGui::Checkbox(StableLabel(t.bias, "bias"), &doc.use_bias);
  error_under(ctx, Control::kBias);

  section(ctx, t.section_conv);
  axis_control(ctx, t.kernel_size, "k", AxisField::kKernel);
  error_under(ctx, Control::kKernel);

  const bool same = !transposed && doc.padding_kind == PaddingKind::kSame;
  axis_control(ctx, t.stride, "s", AxisField::kStride);
  if (same && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.same_needs_stride1);
  error_under(ctx, Control::kStride);

  if (!transposed) {
    // The radios start right after the word, not at the slider column: three of them
    // must fit the side panel.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t.padding);
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, ImVec2(3.0f * ctx.scale, 0));
    int kind = static_cast<int>(doc.padding_kind);
    ImGui::RadioButton(StableLabel(t.padding_explicit, "pad_int"), &kind, static_cast<int>(PaddingKind::kExplicit));
    ImGui::SameLine();
    ImGui::BeginDisabled(doc.stride != IntPair{1, 1});
    ImGui::RadioButton(StableLabel(t.padding_same, "pad_same"), &kind, static_cast<int>(PaddingKind::kSame));
    ImGui::EndDisabled();
    if (doc.stride != IntPair{1, 1} && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("%s", t.same_needs_stride1);
    }
    ImGui::SameLine();
    ImGui::RadioButton(StableLabel(t.padding_valid, "pad_valid"), &kind, static_cast<int>(PaddingKind::kValid));
    ImGui::PopStyleVar();
    doc.padding_kind = static_cast<PaddingKind>(kind);
  }
  if (transposed || doc.padding_kind == PaddingKind::kExplicit) {
    axis_control(ctx, transposed ? t.padding : "", "p", AxisField::kPadding);
  }
  error_under(ctx, Control::kPadding);

  axis_control(ctx, t.dilation, "d", AxisField::kDilation);
  error_under(ctx, Control::kDilation);

  if (transposed) {
    axis_control(ctx, t.output_padding, "op", AxisField::kOutputPadding);
    error_under(ctx, Control::kOutputPadding);
  }

  // Groups: only the common divisors of the channel counts.
  row_label(ctx, t.groups);
  ImGui::SetNextItemWidth(-1);
  const std::string current = std::to_string(doc.groups);
  if (ImGui::BeginCombo("##groups", current.c_str())) {
    const int limit = std::gcd(doc.in_channels, doc.out_channels);
    for (int g = 1; g <= limit; ++g) {
      if (limit % g != 0) continue;
      const std::string label = std::to_string(g);
      if (ImGui::Selectable(label.c_str(), g == doc.groups)) doc.groups = g;
    }
    ImGui::EndCombo();
  }
  ImGui::PushFont(ctx.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMuted));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(t.groups_hint);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  error_under(ctx, Control::kGroups);

  row_label(ctx, t.padding_mode);
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(transposed);
  const char* modes[] = {t.mode_zeros, t.mode_reflect, t.mode_replicate, t.mode_circular};
  int mode = static_cast<int>(doc.mode);
  if (ImGui::Combo("##mode", &mode, modes, 4)) {
    doc.mode = static_cast<PaddingMode>(mode);
    // Keep the padding inside what the new mode allows (reflect: < size; circular: <=).
    for (int axis = 0; axis < 2; ++axis) {
      const Range valid = valid_range(doc, AxisField::kPadding, axis);
      int& pad = axis == 0 ? doc.padding.h : doc.padding.w;
      if (!valid.empty()) pad = valid.clamp(pad);
    }
  }
  ImGui::EndDisabled();
  if (transposed && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", t.modes_conv2d_only);
  }
  error_under(ctx, Control::kMode);

  if (doc.in != before.in || doc.in_channels != before.in_channels ||
      doc.out_channels != before.out_channels || doc.kernel != before.kernel ||
      doc.groups != before.groups || doc.use_bias != before.use_bias) {
    conform_tensors(&doc, &before);
  }
}

}  // namespace convplay::app
