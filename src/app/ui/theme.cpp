// Fonts and style.
#include "app/ui/theme.h"

#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "app/model/error_explain.h"
#include "app/model/text.h"
#include "app/ui/glyph_ranges.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace convplay::app {

namespace {

bool file_exists(const char* path) {
  if (FILE* file = std::fopen(path, "rb")) {
    std::fclose(file);
    return true;
  }
  return false;
}

// The Chinese glyphs (fonts/ui-zh.ttf, fetched by the page when Chinese is shown), merged
// into every UI font once they are here; the Latin font's own glyphs win where both have one.
std::vector<unsigned char>& cjk_font_data() {
  static std::vector<unsigned char> data;
  return data;
}

// The characters of `strings` as glyph ranges: exactly what the tables say, so ImGui looks
// up no code point the interface never draws (each is a lookup per font size).
const ImWchar* glyph_ranges_of(const std::vector<const char*>& strings, ImVector<ImWchar>* ranges) {
  if (ranges->empty()) {
    ImFontGlyphRangesBuilder builder;
    for (const char* s : strings) {
      if (s != nullptr) builder.AddText(s);
    }
    builder.BuildRanges(ranges);
  }
  return ranges->Data;
}

// Every string the Chinese interface draws with ImGui: its table and the error rules.
const ImWchar* chinese_glyph_ranges() {
  static ImVector<ImWchar> ranges;
  if (!ranges.empty()) return ranges.Data;
  std::vector<const char*> strings = text_strings(text_in(Lang::kZh));
  const std::vector<const char*> rules = error_rules(Lang::kZh);
  strings.insert(strings.end(), rules.begin(), rules.end());
  return glyph_ranges_of(strings, &ranges);
}

// The language switch's "中文", drawn in English too.
const ImWchar* switch_label_glyph_ranges() {
  static ImVector<ImWchar> ranges;
  return glyph_ranges_of({text_in(Lang::kEn).lang_zh}, &ranges);
}

ImFontConfig merged_config() {
  ImFontConfig config;
  config.MergeMode = true;
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return config;
}

void merge_cjk_font(float size_px) {
  // The language switch's "中文", embedded (cjk_font_subset.cmake): drawn in English too.
  constexpr const char* kLabelFontPath = "/fonts/ui-lang.ttf";
  ImFontConfig config = merged_config();
  if (file_exists(kLabelFontPath)) {
    ImGui::GetIO().Fonts->AddFontFromFileTTF(kLabelFontPath, size_px, &config,
                                             switch_label_glyph_ranges());
  }
  std::vector<unsigned char>& data = cjk_font_data();
  if (data.empty()) return;
  config.FontDataOwnedByAtlas = false;  // kept for the next rebuild (a new pixel density)
  ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), size_px,
                                             &config, chinese_glyph_ranges());
}

ImFont* add_font(float size_px) {
  ImGuiIO& io = ImGui::GetIO();
  constexpr const char* kFontPath = "/fonts/ui.ttf";
  ImFont* font = nullptr;
  if (file_exists(kFontPath)) {
    ImFontConfig config;
    // Glyphs are rasterised at the screen's own density: no oversampling needed.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    font = io.Fonts->AddFontFromFileTTF(kFontPath, size_px, &config, kGlyphRanges);
  } else {
    ImFontConfig config;
    config.SizePixels = size_px;
    font = io.Fonts->AddFontDefault(&config);
  }
  merge_cjk_font(size_px);
  return font;
}

}  // namespace

void set_cjk_font(std::vector<unsigned char> data) { cjk_font_data() = std::move(data); }
bool has_cjk_font() { return !cjk_font_data().empty(); }

Fonts apply_theme(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  fonts.body = add_font(15.0f * scale);
  fonts.small = add_font(12.5f * scale);
  fonts.title = add_font(19.0f * scale);
  io.FontDefault = fonts.body;
  io.Fonts->Build();

  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 6.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameBorderSize = 0.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.ScrollbarSize = 12.0f;
  style.GrabMinSize = 12.0f;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.085f, 0.09f, 0.11f, 1.0f);
  // Transparent children: each full-size background is one more screen of blended
  // pixels, and software WebGL (SwiftShader) is bound by exactly that.
  c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.16f, 0.98f);
  c[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.20f, 0.25f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.27f, 0.34f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.28f, 0.32f, 0.40f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.30f, 0.45f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.40f, 0.60f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.47f, 0.70f, 1.0f);
  c[ImGuiCol_SliderGrab] = ImVec4(0.45f, 0.65f, 0.95f, 1.0f);
  c[ImGuiCol_SliderGrabActive] = ImVec4(0.60f, 0.78f, 1.0f, 1.0f);
  c[ImGuiCol_CheckMark] = ImVec4(0.60f, 0.80f, 1.0f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.20f, 0.30f, 0.45f, 0.8f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.40f, 0.60f, 0.9f);
  c[ImGuiCol_Tab] = ImVec4(0.14f, 0.17f, 0.22f, 1.0f);
  c[ImGuiCol_TabHovered] = ImVec4(0.26f, 0.40f, 0.60f, 1.0f);
  c[ImGuiCol_TabActive] = ImVec4(0.22f, 0.35f, 0.55f, 1.0f);
  c[ImGuiCol_Separator] = ImVec4(0.25f, 0.27f, 0.32f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.58f, 0.64f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
  return fonts;
}

std::string missing_glyphs_json(const Fonts& fonts, const char* text) {
  std::string json = "[";
  const char* end = text + std::strlen(text);
  while (text < end) {
    unsigned int c = 0;
    text += ImTextCharFromUtf8(&c, text, end);
    bool found = true;
    for (const ImFont* font : {fonts.body, fonts.small, fonts.title}) {
      if (font == nullptr || font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) found = false;
    }
    if (!found) json += (json.size() > 1 ? "," : "") + std::to_string(c);
  }
  return json + "]";
}

}  // namespace convplay::app
