// Tiling the screen into non-overlapping windows.
#include "app/ui/layout.h"

#include <string>

#include "imgui.h"
#include "app/model/text.h"
#include "app/ui/panel_table.h"
#include "app/ui/panels.h"
#include "app/ui/stable_label.h"
#include "app/ui/widgets.h"

namespace convplay::app {

namespace {

constexpr ImGuiWindowFlags kRegionFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

bool begin_region(const char* id, ImVec2 pos, ImVec2 size, bool scroll = true) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGuiWindowFlags flags = kRegionFlags;
  // NoDecoration includes NoScrollbar; regions other than the top bar may scroll.
  if (scroll) flags &= ~ImGuiWindowFlags_NoScrollbar;
  else flags |= ImGuiWindowFlags_NoScrollWithMouse;
  return ImGui::Begin(id, nullptr, flags);
}

// While a tab request is pending, the requested tab is selected (instead of ImGui's
// default, the first tab). The label is translated; the id is the panel's key.
bool tab_item(const PanelContext& ctx, const PanelEntry& entry) {
  const Text& t = text();
  const char* label = ctx.narrow && entry.short_label != nullptr ? t.*entry.short_label
                                                                 : t.*entry.label;
  const bool opening = ctx.ui.tab_request_frames > 0 && entry.id == ctx.ui.requested_tab;
  const ImGuiTabItemFlags flags = opening ? ImGuiTabItemFlags_SetSelected : 0;
  return ImGui::BeginTabItem(StableLabel(label, panel_key(entry.id)), nullptr, flags);
}

// The main area's tabs: every panel of the table that the page shows and whose tab is
// there now, each in its own scrolling child.
void draw_tabs(PanelContext& ctx, PanelId* selected) {
  if (!ImGui::BeginTabBar("main_tabs")) return;
  for (int i = 0; i < kPanelCount; ++i) {
    const PanelEntry& entry = panel_table()[i];
    if (!ctx.ui.panels.shown[i] || !entry.shown(ctx) || !tab_item(ctx, entry)) continue;
    *selected = entry.id;
    const std::string child = std::string(panel_key(entry.id)) + "_scroll";
    ImGui::BeginChild(child.c_str(), ImVec2(0, 0), false,
                      entry.wide_content ? ImGuiWindowFlags_HorizontalScrollbar : 0);
    draw_panel(ctx, entry);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  if (ctx.ui.tab_request_frames > 0) --ctx.ui.tab_request_frames;
}

// ui=figure|controls with one view in the main region: that view alone, no tab bar (a
// figure in a post is not an app). The view asked for, or Compute where it has no tab now
// (tab=scatter on a Conv2d).
bool draw_single_view(PanelContext& ctx) {
  if (ctx.ui.ui_mode == UiMode::kFull) return false;
  int tabs = 0;
  for (int i = 0; i < kPanelCount; ++i) {
    if (ctx.ui.panels.shown[i] && panel_table()[i].shown(ctx)) ++tabs;
  }
  if (tabs > 1) return false;
  const PanelEntry& wanted = panel_entry(ctx.ui.figure_tab);
  draw_panel(ctx, wanted.shown(ctx) ? wanted : panel_entry(PanelId::kCompute));
  return true;
}

}  // namespace

void draw_layout(PanelContext& ctx, float width, float height, bool* undo, bool* redo) {
  const float s = ctx.scale;
  ctx.narrow = width / s < 820.0f;
  const ImGuiStyle& style = ImGui::GetStyle();

  // The top bar is on every page (an embed's holds the way out to the full playground).
  const float top = ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::kTopBarBg);
  if (begin_region("##top_bar", ImVec2(0, 0), ImVec2(width, top), false)) {
    draw_top_bar(ctx, undo, redo);
  }
  ImGui::End();
  ImGui::PopStyleColor();

  const bool side_panel = !ctx.narrow && ctx.ui.panels.shown[static_cast<int>(PanelId::kParams)];
  const float side_width = side_panel ? 330.0f * s : 0.0f;
  if (side_panel) {
    if (begin_region("##parameters", ImVec2(0, top), ImVec2(side_width, height - top))) {
      draw_panel(ctx, panel_entry(PanelId::kParams));
    }
    ImGui::End();
  }
  // The main region lets the cleared background show through (no extra screen of pixels).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  const bool main_open =
      begin_region("##main", ImVec2(side_width, top), ImVec2(width - side_width, height - top));
  ImGui::PopStyleColor();
  if (main_open) {
    draw_notes(ctx);
    ctx.ui.figure_height_shortfall = 0;
    if (draw_single_view(ctx)) {
      // Auto-height: the bar, everything drawn in the main region, and what the figure
      // would add given the room (an embed's host sizes the frame to it).
      ctx.ui.needed_height = top + ImGui::GetCursorPosY() + style.WindowPadding.y -
                             style.ItemSpacing.y + ctx.ui.figure_height_shortfall;
    } else {
      draw_tabs(ctx, ctx.narrow ? &ctx.ui.narrow_tab : &ctx.ui.wide_tab);
      ctx.ui.needed_height = height;  // the whole app scrolls within whatever it is given
    }
  }
  ImGui::End();
  draw_value_editor_popup(ctx);

  if (ctx.ui.show_frame_time) {
    ImGui::SetNextWindowPos(ImVec2(width - 8.0f * s, height - 8.0f * s), ImGuiCond_Always,
                            ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##frame_time", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::Text(text().frame_time_fmt, ctx.ui.frame_ms_avg,
                ctx.ui.frame_interval_ms > 0 ? 1000.0 / ctx.ui.frame_interval_ms : 0.0);
    ImGui::End();
  }
}

}  // namespace convplay::app
