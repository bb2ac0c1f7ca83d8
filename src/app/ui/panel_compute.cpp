// The compute view: the paint brush, the input/kernel/bias/output blocks, the animation
// controls, and the sum behind the focused output cell written out with its numbers.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/model/explain.h"
#include "app/ui/focus.h"
#include "imgui.h"
#include "app/ui/panels.h"
#include "app/model/ranges.h"
#include "app/ui/tensor_grid.h"
#include "app/model/text.h"
#include "app/ui/widgets.h"

namespace convplay::app {

namespace {

void muted_text(const PanelContext& ctx, const char* text_value) {
  ImGui::PushFont(ctx.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMuted));
  ImGui::TextUnformatted(text_value);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

std::string signed_text(float value) {
  std::string text_value = format_value(value);
  if (!text_value.empty() && text_value[0] == '-') text_value = "\u2212" + text_value.substr(1);
  return text_value;
}

}  // namespace

void draw_explanation(PanelContext& ctx) {
  const Text& t = text();
  const Explanation* e = focus_explanation(ctx);
  ImGui::PushTextWrapPos(0.0f);
  if (e == nullptr) {
    const CellRef& in = ctx.ui.hover_input;
    if (in.valid && ctx.computer.has_result()) {
      const Document& doc = ctx.doc;
      if (in.y < doc.in.h && in.x < doc.in.w && in.channel < doc.in_channels) {
        const float v = doc.input[static_cast<size_t>((in.channel * doc.in.h + in.y) * doc.in.w + in.x)];
        size_t count = 0;
        for (char c : reach_mask(ctx)) count += c != 0;
        char message[200];
        std::snprintf(message, sizeof message, t.input_reach_fmt, in.channel, in.y, in.x,
                      format_value(v).c_str(), static_cast<int>(count));
        wrapped_text(message);
      }
    } else {
      wrapped_text(t.hover_output_help, colors::kMuted);
    }
    ImGui::PopTextWrapPos();
    return;
  }
  // y[c, i, j] = x·w + x·w + … + b = sum
  std::string line = "y[" + std::to_string(e->out_channel) + ", " + std::to_string(e->oy) + ", " +
                     std::to_string(e->ox) + "] = ";
  constexpr size_t kMaxTerms = 16;
  const size_t shown = std::min(e->terms.size(), kMaxTerms);
  for (size_t i = 0; i < shown; ++i) {
    const Term& term = e->terms[i];
    if (i > 0) line += " + ";
    const std::string x = signed_text(term.x), w = signed_text(term.w);
    line += (term.x < 0 ? "(" + x + ")" : x) + "\u00b7" + (term.w < 0 ? "(" + w + ")" : w);
  }
  if (e->terms.empty()) line += "0";
  if (e->terms.size() > shown) {
    char more[80];
    std::snprintf(more, sizeof more, t.explain_more_terms_fmt,
                  static_cast<int>(e->terms.size() - shown));
    line += more;
  }
  if (e->has_bias) {
    const std::string b = signed_text(e->bias);
    line += " + " + (e->bias < 0 ? "(" + b + ")" : b) + " (b)";
  }
  line += " = " + signed_text(static_cast<float>(e->sum));
  wrapped_text(line.c_str());
  const double diff = std::fabs(e->sum - static_cast<double>(e->engine_value));
  if (diff > 1e-3 * (1.0 + std::fabs(static_cast<double>(e->engine_value)))) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kError), t.explain_check_fmt,
                       format_value(e->engine_value).c_str());
  }
  ImGui::PopTextWrapPos();
}

void draw_value_editor_popup(PanelContext& ctx) {
  const Text& t = text();
  if (ctx.ui.edit_popup_open && !ImGui::IsPopupOpen("##edit_value")) {
    ImGui::OpenPopup("##edit_value");
  }
  if (!ImGui::BeginPopup("##edit_value")) {
    ctx.ui.edit_popup_open = false;
    ctx.ui.edit_error.clear();
    return;
  }
  // The text is typed into the page's own input over this frame (the platform applies it,
  // App::submit_value_text): browsers give it the phone keyboard, IMEs and paste.
  ImGui::TextUnformatted(t.edit_value_title);
  const ImVec2 size(160.0f * ctx.scale, ImGui::GetFrameHeight());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg),
                                            ImGui::GetStyle().FrameRounding);
  ImGui::Dummy(size);
  ctx.ui.edit_field = ImVec4(at.x, at.y, size.x, size.y);
  if (!ctx.ui.edit_error.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 240.0f * ctx.scale);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kError), "%s",
                       ctx.ui.edit_error.c_str());
    ImGui::PopTextWrapPos();
  }
  if (!ctx.ui.edit_popup_open) ImGui::CloseCurrentPopup();  // applied or cancelled
  ImGui::EndPopup();
}

void draw_compute_panel(PanelContext& ctx) {
  const Text& t = text();
  const int positions = animation_positions(ctx);

  // Brush: the value a click or drag paints.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t.brush_label);
  for (float v : {-1.0f, 0.0f, 1.0f, 2.0f, 3.0f}) {
    ImGui::SameLine(0, 4);
    const std::string label = format_value(v);
    const bool selected = ctx.ui.brush == v;
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) ctx.ui.brush = v;
    if (selected) ImGui::PopStyleColor();
  }
  ImGui::SameLine(0, 4);
  ImGui::SetNextItemWidth(90.0f * ctx.scale);
  ImGui::InputFloat("##brush", &ctx.ui.brush, 0, 0, "%.3g");
  ctx.ui.brush = std::isfinite(ctx.ui.brush) ? std::clamp(ctx.ui.brush, -kValueLimit, kValueLimit) : 1.0f;
  if (!ctx.narrow) {
    ImGui::SameLine();
    muted_text(ctx, t.edit_help);
  } else {
    muted_text(ctx, t.edit_help);
  }
  ImGui::Spacing();

  const float width = block_width(ctx, 3);
  const Document& doc = ctx.doc;
  int ghost_cols = 0;
  if (ctx.computer.has_result() && !is_transposed(ctx.computer.result().doc)) {
    const Pads& pads = ctx.computer.result().conv.pads;
    ghost_cols = static_cast<int>(pads.left + pads.right);
  }
  const int out_cols = ctx.computer.has_result()
                           ? static_cast<int>(ctx.computer.result().output.shape[3])
                           : 1;
  bool first = true;
  float w = natural_block_width(ctx, doc.in.w + ghost_cols, width);
  flow_next(w, &first);
  draw_input_block(ctx, w, true);
  w = natural_block_width(ctx, doc.kernel.w, width);
  flow_next(w, &first);
  draw_kernel_block(ctx, w, true);
  if (doc.use_bias) {
    w = natural_block_width(ctx, doc.out_channels, width);
    flow_next(w, &first);
    draw_bias_block(ctx, w);
  }
  // The output takes what is left of the row when it fits there (it is often the largest).
  w = natural_block_width(ctx, out_cols, std::max(width, remaining_row_width()));
  flow_next(w, &first);
  draw_output_block(ctx, w, "output_grid", true);

  ImGui::Spacing();
  ImGui::Separator();
  draw_animation_controls(ctx, positions);
  draw_explanation(ctx);
}

}  // namespace convplay::app
