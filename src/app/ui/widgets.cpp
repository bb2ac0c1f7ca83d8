// Small text helpers shared by the panels.
#include "app/ui/widgets.h"

namespace convplay::app {

void wrapped_text(const char* text_value, ImU32 color) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float visible_right = ImGui::GetScrollX() + ImGui::GetWindowWidth() -
                              style.WindowPadding.x - style.ScrollbarSize;
  ImGui::PushTextWrapPos(visible_right);
  if (color != 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::TextUnformatted(text_value);
  if (color != 0) ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

}  // namespace convplay::app
