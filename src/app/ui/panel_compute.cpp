// The compute view: the paint brush, the input/kernel/bias/output blocks, the animation
// controls, and the sum behind the focused output cell (explanation.cpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

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

}  // namespace

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
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                                            ImGui::GetColorU32(ImGuiCol_FrameBg),
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

  draw_figure_row(ctx, true, "output_grid");

  ImGui::Spacing();
  ImGui::Separator();
  draw_animation_controls(ctx, positions);
}

}  // namespace convplay::app
