// Small pieces every tensor block uses.
#include "app/ui/block_helpers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "app/ui/tensor_grid.h"

namespace convplay::app {

float max_abs(const std::vector<float>& values, size_t begin, size_t end) {
  float m = 0;
  for (size_t i = begin; i < end && i < values.size(); ++i) m = std::max(m, std::fabs(values[i]));
  return m > 0 ? m : 1.0f;
}

std::string shape_text(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

void block_title(const PanelContext& ctx, const char* format, const Shape& shape) {
  char title[160];
  std::snprintf(title, sizeof title, format, shape_text(shape).c_str());
  ImGui::PushFont(ctx.fonts.body);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
}

void channel_picker(Regions* regions, const char* id, const char* format, int* value, int count) {
  if (count <= 1) {
    *value = 0;
    return;
  }
  *value = std::clamp(*value, 0, count - 1);
  ImGui::PushID(id);
  if (ImGui::ArrowButton("prev", ImGuiDir_Left)) *value = (*value + count - 1) % count;
  note_item_region(regions, (std::string(id) + "_prev").c_str());
  ImGui::SameLine(0, 4);
  ImGui::Text(format, *value, count);
  ImGui::SameLine(0, 4);
  if (ImGui::ArrowButton("next", ImGuiDir_Right)) *value = (*value + 1) % count;
  note_item_region(regions, (std::string(id) + "_next").c_str());
  ImGui::PopID();
}

}  // namespace convplay::app
