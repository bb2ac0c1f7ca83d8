// Drawing and hit-testing tensor grids.
#include "app/ui/tensor_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/ui/colormap.h"
#include "app/ui/theme.h"

namespace convplay::app {

std::string Regions::json(float scale) const {
  std::string json = "{";
  const int frame = ImGui::GetFrameCount();
  for (const auto& [id, r] : by_id_) {
    if (r.frame < frame - 1) continue;  // not drawn in the last frame
    char buffer[240];
    std::snprintf(buffer, sizeof buffer,
                  "%s\"%s\":{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f,\"cell\":%.2f,"
                  "\"rows\":%d,\"cols\":%d}",
                  json.size() > 1 ? "," : "", id.c_str(), static_cast<double>(r.x / scale),
                  static_cast<double>(r.y / scale), static_cast<double>(r.w / scale),
                  static_cast<double>(r.h / scale), static_cast<double>(r.cell / scale), r.rows,
                  r.cols);
    json += buffer;
  }
  return json + "}";
}

void note_item_region(Regions* regions, const char* id) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  Regions::Region region;
  region.x = min.x;
  region.y = min.y;
  region.frame = ImGui::GetFrameCount();
  region.w = max.x - min.x;
  region.h = max.y - min.y;
  regions->note(id, region);
}

std::string format_value(float value) {
  char buffer[32];
  if (!std::isfinite(value)) return value != value ? "nan" : value > 0 ? "inf" : "-inf";
  const float rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-4f && std::fabs(rounded) < 1e7f) {
    std::snprintf(buffer, sizeof buffer, "%d", static_cast<int>(rounded));
  } else if (std::fabs(value) >= 100.0f) {
    std::snprintf(buffer, sizeof buffer, "%.0f", static_cast<double>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value));
    // Trim trailing zeros: 0.50 -> 0.5.
    std::string text = buffer;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
  }
  return buffer;
}

float fit_cell(float width, int cols, float min_cell, float max_cell) {
  if (cols <= 0) return max_cell;
  float cell = std::floor(width / static_cast<float>(cols));
  if (cell < min_cell) cell = min_cell;
  if (cell > max_cell) cell = max_cell;
  return cell;
}

ImVec2 grid_size(const GridSpec& spec) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float index_band = spec.show_indices ? 14.0f * scale : 0.0f;
  return ImVec2(
      static_cast<float>(spec.cols + spec.ghost_left + spec.ghost_right) * spec.cell + index_band,
      static_cast<float>(spec.rows + spec.ghost_top + spec.ghost_bottom) * spec.cell + index_band);
}

GridHit draw_grid(Regions* regions, const GridSpec& spec, const CellValue& value,
                  const CellStyle& look) {
  GridHit hit;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float index_band = spec.show_indices ? 14.0f * scale : 0.0f;
  const ImVec2 size = grid_size(spec);
  const ImVec2 origin_outer = ImGui::GetCursorScreenPos();
  const ImVec2 origin(origin_outer.x + index_band, origin_outer.y + index_band);
  ImGui::InvisibleButton(spec.id, ImVec2(size.x > 1 ? size.x : 1, size.y > 1 ? size.y : 1),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool item_hovered = ImGui::IsItemHovered();
  hit.active = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  hit.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  hit.right_clicked = ImGui::IsItemClicked(ImGuiMouseButton_Right);
  hit.double_clicked = item_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);

  Regions::Region region;
  region.x = origin.x + static_cast<float>(spec.ghost_left) * spec.cell;
  region.y = origin.y + static_cast<float>(spec.ghost_top) * spec.cell;
  region.cell = spec.cell;
  region.rows = spec.rows;
  region.cols = spec.cols;
  region.frame = ImGui::GetFrameCount();
  region.w = static_cast<float>(spec.cols) * spec.cell;
  region.h = static_cast<float>(spec.rows) * spec.cell;
  regions->note(spec.id, region);

  const int total_rows = spec.rows + spec.ghost_top + spec.ghost_bottom;
  const int total_cols = spec.cols + spec.ghost_left + spec.ghost_right;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (item_hovered || hit.active) {
    const int col = static_cast<int>(std::floor((mouse.x - origin.x) / spec.cell));
    const int row = static_cast<int>(std::floor((mouse.y - origin.y) / spec.cell));
    if (col >= 0 && col < total_cols && row >= 0 && row < total_rows) {
      hit.hovered = true;
      hit.y = row - spec.ghost_top;
      hit.x = col - spec.ghost_left;
    }
  }

  ImFont* font = ImGui::GetFont();
  const float font_size = ImGui::GetFontSize();
  // Values shrink with the cell; below a readable size they are left out.
  const float value_size = std::fmin(font_size, spec.cell * 0.42f);
  const bool values_fit = spec.show_values && value_size >= 8.5f * scale;

  if (spec.show_indices) {
    const float small = std::fmin(font_size * 0.75f, spec.cell * 0.6f);
    for (int x = 0; x < spec.cols; ++x) {
      if (spec.cell < 11.0f * scale && x % 5 != 0) continue;
      const std::string label = std::to_string(x);
      const ImVec2 text_size = font->CalcTextSizeA(small, 1e9f, 0, label.c_str());
      const float cx = origin.x + (static_cast<float>(x + spec.ghost_left) + 0.5f) * spec.cell;
      draw->AddText(font, small, ImVec2(cx - text_size.x * 0.5f, origin_outer.y),
                    colors::kMuted, label.c_str());
    }
    for (int y = 0; y < spec.rows; ++y) {
      if (spec.cell < 11.0f * scale && y % 5 != 0) continue;
      const std::string label = std::to_string(y);
      const ImVec2 text_size = font->CalcTextSizeA(small, 1e9f, 0, label.c_str());
      const float cy = origin.y + (static_cast<float>(y + spec.ghost_top) + 0.5f) * spec.cell;
      draw->AddText(font, small, ImVec2(origin.x - text_size.x - 3.0f * scale, cy - text_size.y * 0.5f),
                    colors::kMuted, label.c_str());
    }
  }

  // Outlines go on top of every fill, so they are drawn in a second pass.
  struct Outline {
    ImVec2 a, b;
    ImU32 color;
    float width;
  };
  std::vector<Outline> outlines;
  const float gap = spec.cell >= 10.0f * scale ? 1.0f : 0.0f;
  // Only the cells inside the clip rectangle: a 65×65 grid in a scrolled region would
  // otherwise send thousands of invisible cells to the GPU every frame.
  const ImVec2 clip_min = draw->GetClipRectMin();
  const ImVec2 clip_max = draw->GetClipRectMax();
  const int first_row = std::max(0, static_cast<int>(std::floor((clip_min.y - origin.y) / spec.cell)));
  const int last_row = std::min(total_rows, static_cast<int>(std::ceil((clip_max.y - origin.y) / spec.cell)));
  const int first_col = std::max(0, static_cast<int>(std::floor((clip_min.x - origin.x) / spec.cell)));
  const int last_col = std::min(total_cols, static_cast<int>(std::ceil((clip_max.x - origin.x) / spec.cell)));
  // On a light background the 1-pixel gaps between cells show the backdrop as grid lines.
  if (colors::kGridBackdrop != 0 && gap > 0) {
    draw->AddRectFilled(ImVec2(origin.x - gap, origin.y - gap),
                        ImVec2(origin.x + static_cast<float>(total_cols) * spec.cell,
                               origin.y + static_cast<float>(total_rows) * spec.cell),
                        colors::kGridBackdrop);
  }
  for (int row = first_row; row < last_row; ++row) {
    for (int col = first_col; col < last_col; ++col) {
      const int y = row - spec.ghost_top;
      const int x = col - spec.ghost_left;
      const CellLook cell = look(y, x);
      const ImVec2 a(origin.x + static_cast<float>(col) * spec.cell,
                     origin.y + static_cast<float>(row) * spec.cell);
      const ImVec2 b(a.x + spec.cell - gap, a.y + spec.cell - gap);
      ImU32 fill = cell.fill;
      if (cell.faded) fill = (fill & 0x00FFFFFFu) | (static_cast<ImU32>(70) << IM_COL32_A_SHIFT);
      if (cell.ghost) fill = (fill & 0x00FFFFFFu) | (static_cast<ImU32>(110) << IM_COL32_A_SHIFT);
      draw->AddRectFilled(a, b, fill);
      if (cell.ghost && spec.cell >= 18.0f * scale) {
        // Diagonal hatching marks cells that are not part of the tensor; small cells rely
        // on the lighter fill alone (thousands of hatch lines cost real frame time).
        const float step = spec.cell / 4.0f;
        for (float t = step; t < spec.cell * 2.0f; t += step) {
          const ImVec2 p0(a.x + (t < spec.cell ? t : spec.cell - gap),
                          a.y + (t < spec.cell ? 0 : t - spec.cell));
          const ImVec2 p1(a.x + (t < spec.cell ? 0 : t - spec.cell),
                          a.y + (t < spec.cell ? t : spec.cell - gap));
          draw->AddLine(p0, p1, colors::kHatch, 1.0f);
        }
      }
      if (values_fit && cell.show_value) {
        const std::string label = format_value(value(y, x));
        ImVec2 text_size = font->CalcTextSizeA(value_size, 1e9f, 0, label.c_str());
        float size_px = value_size;
        if (text_size.x > spec.cell - 3.0f) {  // long numbers: smaller, or not at all
          size_px = value_size * (spec.cell - 3.0f) / text_size.x;
          text_size = font->CalcTextSizeA(size_px, 1e9f, 0, label.c_str());
        }
        if (size_px >= 7.0f * scale) {
          ImU32 ink = cell.ghost ? colors::kGhostInk : text_color_on(cell.fill);
          if (cell.faded) ink = colors::kFadedInk;
          draw->AddText(font, size_px,
                        ImVec2(a.x + (spec.cell - gap - text_size.x) * 0.5f,
                               a.y + (spec.cell - gap - text_size.y) * 0.5f),
                        ink, label.c_str());
        }
      }
      if (cell.outline != 0) {
        outlines.push_back({a, b, cell.outline, cell.outline_width * scale});
      }
    }
  }
  // The real tensor's border, so the ghost ring reads as outside it.
  if (spec.ghost_top + spec.ghost_bottom + spec.ghost_left + spec.ghost_right > 0) {
    const ImVec2 a(origin.x + static_cast<float>(spec.ghost_left) * spec.cell,
                   origin.y + static_cast<float>(spec.ghost_top) * spec.cell);
    draw->AddRect(ImVec2(a.x - 1, a.y - 1),
                  ImVec2(a.x + static_cast<float>(spec.cols) * spec.cell,
                         a.y + static_cast<float>(spec.rows) * spec.cell),
                  colors::kTensorBorder, 0.0f, 0, 1.5f * scale);
  }
  // The hovered cell in white, under the highlights (which say more).
  if (hit.hovered) {
    const ImVec2 a(origin.x + static_cast<float>(hit.x + spec.ghost_left) * spec.cell,
                   origin.y + static_cast<float>(hit.y + spec.ghost_top) * spec.cell);
    draw->AddRect(a, ImVec2(a.x + spec.cell - gap, a.y + spec.cell - gap),
                  colors::kHoverOutline, 0.0f, 0, 2.0f * scale);
  }
  for (const Outline& o : outlines) {
    draw->AddRect(o.a, o.b, o.color, 0.0f, 0, o.width);
  }
  return hit;
}

}  // namespace convplay::app
