// The top bar (title, the op switch, undo/redo, language, frame-time toggle) and the banner with
// what a link's repair changed.
#include <algorithm>

#include "imgui.h"
#include "app/platform/platform.h"
#include "app/ui/panels.h"
#include "app/ui/tensor_grid.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"

namespace convplay::app {

namespace {

// A two-way segmented switch; returns true when `value` changed. The ids name the two
// buttons in window.convplay.regions() (for tests that click them).
bool segmented(Regions* regions, const char* left, const char* right, const char* left_id,
               const char* right_id, bool* right_selected) {
  bool changed = false;
  const ImVec4 on = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
  const ImVec4 off = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(1, 0));
  ImGui::PushStyleColor(ImGuiCol_Button, *right_selected ? off : on);
  if (ImGui::Button(StableLabel(left, left_id)) && *right_selected) {
    *right_selected = false;
    changed = true;
  }
  note_item_region(regions, left_id);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Button, *right_selected ? on : off);
  if (ImGui::Button(StableLabel(right, right_id)) && !*right_selected) {
    *right_selected = true;
    changed = true;
  }
  note_item_region(regions, right_id);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return changed;
}

}  // namespace

void draw_top_bar(PanelContext& ctx, bool* undo, bool* redo) {
  const Text& t = text();
  if (!ctx.narrow) {  // phones: the page title names the app, the bar keeps the controls
    ImGui::PushFont(ctx.fonts.title);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t.app_title);
    ImGui::PopFont();
    ImGui::SameLine(0, 16.0f * ctx.scale);
  }
  bool transposed = is_transposed(ctx.doc);
  if (segmented(&ctx.ui.regions, t.op_conv2d, t.op_conv_transpose2d, "op_conv2d",
                "op_conv_transpose2d", &transposed)) {
    ctx.doc.op = transposed ? Op::kConvTranspose2d : Op::kConv2d;
    // The weight layout differs ([C_out, C_in/g] vs [C_in, C_out/g]): resize it.
    Document before = ctx.doc;
    before.op = transposed ? Op::kConv2d : Op::kConvTranspose2d;
    if (transposed) {
      ctx.doc.padding_kind = PaddingKind::kExplicit;
      ctx.doc.mode = PaddingMode::kZeros;
    } else {
      ctx.doc.output_padding = {0, 0};
    }
    conform_tensors(&ctx.doc, &before);
  }
  ImGui::SameLine(0, 16.0f * ctx.scale);
  if (ImGui::Button(StableLabel(ctx.narrow ? t.undo_icon : t.undo, "undo"))) *undo = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Z");
  ImGui::SameLine();
  if (ImGui::Button(StableLabel(ctx.narrow ? t.redo_icon : t.redo, "redo"))) *redo = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Shift+Z");
  // The language switch, each language named in itself (App reads ui.lang into the view).
  ImGui::SameLine(0, 16.0f * ctx.scale);
  bool chinese = ctx.ui.lang == Lang::kZh;
  if (segmented(&ctx.ui.regions, t.lang_en, t.lang_zh, "lang_en", "lang_zh", &chinese)) {
    ctx.ui.lang = chinese ? Lang::kZh : Lang::kEn;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.lang_switch_help);
  if (ctx.ui.embed) {
    // Right-aligned: the way out of the blog post into the full playground.
    const float width = ImGui::CalcTextSize(t.open_full_playground).x +
                        ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8.0f * ctx.scale,
                             ImGui::GetWindowContentRegionMax().x - width));
    if (ImGui::Button(StableLabel(t.open_full_playground, "open_full"))) open_full_playground();
  } else if (!ctx.narrow) {
    ImGui::SameLine(0, 16.0f * ctx.scale);
    ImGui::Checkbox(StableLabel(t.show_frame_time, "frame_time"), &ctx.ui.show_frame_time);
  }
}

void draw_notes(PanelContext& ctx) {
  if (ctx.ui.notes.empty()) return;
  const Text& t = text();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.30f, 0.22f, 0.08f, 1.0f));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float height = line * static_cast<float>(ctx.ui.notes.size() + 1) +
                       ImGui::GetStyle().WindowPadding.y * 2.0f + ImGui::GetFrameHeight() * 0.2f;
  ImGui::BeginChild("notes", ImVec2(0, height < 260.0f * ctx.scale ? height : 260.0f * ctx.scale),
                    false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::TextUnformatted(t.repaired_heading);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(t.dismiss).x -
                  ImGui::GetStyle().FramePadding.x * 2.0f);
  const bool dismiss = ImGui::SmallButton(StableLabel(t.dismiss, "dismiss_notes"));
  ImGui::PushTextWrapPos(0.0f);
  for (const std::string& note : ctx.ui.notes) {
    ImGui::Bullet();
    ImGui::TextUnformatted(note.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (dismiss) ctx.ui.notes.clear();
}

}  // namespace convplay::app
