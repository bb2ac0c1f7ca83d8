// The top bar (title, the op switch, undo/redo, language, frame-time toggle) and the banner with
// what a link's repair changed.
#include <algorithm>
#include <cstdio>

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

// The smallest form of the embed's way out (draw_open_link), which every bar keeps room for.
constexpr const char* kOpenIcon = "\u2197";

// The room the embed's way out takes at the end of the bar, in words or as its arrow.
float open_link_room(const PanelContext& ctx, bool words) {
  if (!ctx.ui.embed) return 0;
  ImGui::PushFont(ctx.fonts.small);
  const float width = ImGui::CalcTextSize(words ? text().open_full_playground : kOpenIcon).x +
                      12.0f * ctx.scale;
  ImGui::PopFont();
  return width;
}

// Whether an item `width` wide fits after the cursor (and `spacing`), left of `right`.
bool fits_before(float right, float spacing, float width) {
  ImGui::SameLine(0, spacing);
  return ImGui::GetCursorPosX() + width <= right;
}

// ui=figure's bar: what the figure is (op, input → output size) and play/step, as much as
// fits; the parameters are the author's, not the reader's, to change.
void draw_figure_bar(PanelContext& ctx) {
  const Text& t = text();
  const Document& doc = ctx.computer.has_result() ? ctx.computer.result().doc : ctx.doc;
  const char* op = is_transposed(doc) ? t.op_conv_transpose2d : t.op_conv2d;
  char label[96];
  std::snprintf(label, sizeof label, "%s", op);
  if (ctx.computer.has_result()) {
    const Shape& out = ctx.computer.result().output.shape;
    std::snprintf(label, sizeof label, "%s  %d\u00d7%d \u2192 %lld\u00d7%lld", op, doc.in.h,
                  doc.in.w, static_cast<long long>(out[2]), static_cast<long long>(out[3]));
  }
  // The link keeps its words when they fit beside the label and Play's symbol; Play's
  // word and Step give way first.
  const float end = ImGui::GetWindowContentRegionMax().x;
  const float essentials = ImGui::GetCursorPosX() + ImGui::CalcTextSize(label).x + 12.0f * ctx.scale +
                           ImGui::GetFrameHeight() * 1.5f;
  const float right = end - open_link_room(ctx, essentials + open_link_room(ctx, true) <= end);
  const float room = right - ImGui::GetCursorPosX() - ImGui::GetFrameHeight() * 3.0f;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ImGui::CalcTextSize(label).x <= room ? label : op);
  const int positions = animation_positions(ctx);
  if (positions <= 0) return;
  Animation& a = ctx.ui.animation;
  const ImGuiStyle& style = ImGui::GetStyle();
  // Play with its word when there is room, else its symbol alone (one id for all).
  const char* play = a.playing ? t.pause : t.play;
  if (!fits_before(right, 12.0f * ctx.scale, ImGui::CalcTextSize(play).x + style.FramePadding.x * 2.0f)) {
    play = a.playing ? "\u2016" : "\u25b6";
    if (!fits_before(right, 12.0f * ctx.scale, ImGui::CalcTextSize(play).x + style.FramePadding.x * 2.0f)) return;
  }
  if (ImGui::Button(StableLabel(play, "play"))) {
    a.playing = !a.playing;
    a.active = true;
  }
  note_item_region(&ctx.ui.regions, "play");
  // Step: ▶| (the sign of "next"), unlike Play's ▶.
  constexpr const char* kStep = "\u25b6|";
  if (!fits_before(right, style.ItemSpacing.x, ImGui::CalcTextSize(kStep).x + style.FramePadding.x * 2.0f)) return;
  if (ImGui::Button(StableLabel(kStep, "step"))) {
    a.active = true;
    a.playing = false;
    a.index = (a.index + 1) % positions;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.step_forward);
}

// The way out of a blog post into the full playground: a small link, not a button, placed
// after everything else in the bar (only its arrow when the bar is full, nothing when not
// even that fits), so it is never drawn over the op switch nor mistaken for one.
void draw_open_link(PanelContext& ctx) {
  const Text& t = text();
  ImGui::PushFont(ctx.fonts.small);
  ImGui::SameLine(0, 0);
  const float gap = 12.0f * ctx.scale;
  const float start = ImGui::GetCursorPosX() + gap;
  const float right = ImGui::GetWindowContentRegionMax().x;
  const char* label = t.open_full_playground;
  if (start + ImGui::CalcTextSize(label).x > right) label = kOpenIcon;
  const float width = ImGui::CalcTextSize(label).x;
  if (start + width <= right) {
    ImGui::SetCursorPosX(right - width);
    ImGui::AlignTextToFramePadding();
    const ImVec4 link = ImGui::GetStyleColorVec4(ImGuiCol_CheckMark);
    ImGui::TextColored(link, "%s", label);
    note_item_region(&ctx.ui.regions, "open_full");
    if (ImGui::IsItemHovered()) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max, ImGui::GetColorU32(link));
      if (label != t.open_full_playground) ImGui::SetTooltip("%s", t.open_full_playground);
    }
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) open_full_playground();
  }
  ImGui::PopFont();
}

}  // namespace

void draw_top_bar(PanelContext& ctx, bool* undo, bool* redo) {
  const Text& t = text();
  if (ctx.ui.ui_mode == UiMode::kFigure) {
    draw_figure_bar(ctx);
    if (ctx.ui.embed) draw_open_link(ctx);
    return;
  }
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
  // A narrow embed keeps its bar for the op switch and the way out (Ctrl+Z still undoes;
  // the embed's author chose its language).
  if (!(ctx.ui.embed && ctx.narrow)) {
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
  }
  if (ctx.ui.embed) {
    draw_open_link(ctx);
  } else if (!ctx.narrow) {
    ImGui::SameLine(0, 16.0f * ctx.scale);
    ImGui::Checkbox(StableLabel(t.show_frame_time, "frame_time"), &ctx.ui.show_frame_time);
  }
}

void draw_notes(PanelContext& ctx) {
  if (ctx.ui.notes.empty()) return;
  const Text& t = text();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::kNotesBg);
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
