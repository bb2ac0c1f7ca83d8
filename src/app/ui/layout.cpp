// Tiling the screen into non-overlapping windows.
#include "app/ui/layout.h"

#include "imgui.h"
#include "app/ui/panels.h"
#include "app/model/text.h"
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
// default, the first tab).
bool tab_item(const char* label, Tab tab, const UiState& ui, Tab* selected) {
  const bool opening = ui.tab_request_frames > 0 && tab == ui.requested_tab;
  const ImGuiTabItemFlags flags = opening ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, flags)) {
    *selected = tab;
    return true;
  }
  return false;
}

// The main area's tabs. `with_parameters` adds the Parameters tab (narrow screens).
void draw_tabs(PanelContext& ctx, bool with_parameters, Tab* selected) {
  const Text& t = text();
  const PanelSet& panels = ctx.ui.panels;
  const bool transposed = is_transposed(ctx.doc);
  const bool n = ctx.narrow;
  if (!ImGui::BeginTabBar("main_tabs")) return;
  if (with_parameters && panels.parameters &&
      tab_item(n ? t.tab_parameters_short : t.tab_parameters, Tab::kParameters, ctx.ui, selected)) {
    ImGui::BeginChild("parameters_scroll");
    draw_parameters_panel(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (panels.compute &&
      tab_item(t.tab_compute, Tab::kCompute, ctx.ui, selected)) {
    ImGui::BeginChild("compute_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    draw_compute_panel(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (panels.as_conv && transposed &&
      tab_item(n ? t.tab_as_conv_short : t.tab_as_conv, Tab::kAsConv, ctx.ui, selected)) {
    ImGui::BeginChild("as_conv_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    draw_as_conv_panel(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (panels.shapes &&
      tab_item(n ? t.tab_shapes_short : t.tab_shapes, Tab::kShapes, ctx.ui, selected)) {
    ImGui::BeginChild("shapes_scroll");
    draw_shapes_panel(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  if (ctx.ui.tab_request_frames > 0) --ctx.ui.tab_request_frames;
}

}  // namespace

void draw_layout(PanelContext& ctx, float width, float height, bool* undo, bool* redo) {
  const float s = ctx.scale;
  ctx.narrow = width / s < 820.0f;
  const ImGuiStyle& style = ImGui::GetStyle();

  float top = 0;
  if (ctx.ui.panels.top_bar) {
    const float bar_height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.06f, 0.065f, 0.08f, 1.0f));
    if (begin_region("##top_bar", ImVec2(0, 0), ImVec2(width, bar_height), false)) {
      draw_top_bar(ctx, undo, redo);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    top = bar_height;
  }

  const bool side_panel = !ctx.narrow && ctx.ui.panels.parameters;
  const float side_width = side_panel ? 330.0f * s : 0.0f;
  if (side_panel) {
    if (begin_region("##parameters", ImVec2(0, top), ImVec2(side_width, height - top))) {
      draw_parameters_panel(ctx);
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
    draw_tabs(ctx, !side_panel, ctx.narrow ? &ctx.ui.narrow_tab : &ctx.ui.wide_tab);
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
