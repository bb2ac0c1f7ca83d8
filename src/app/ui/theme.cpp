// Fonts (the style and colours are in theme_colors.cpp).
#include "app/ui/theme.h"

#include <cstdio>
#include <cstring>

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

ImFont* add_font(float size_px) {
  ImGuiIO& io = ImGui::GetIO();
  constexpr const char* kFontPath = "/fonts/ui.ttf";
  if (file_exists(kFontPath)) {
    ImFontConfig config;
    // Glyphs are rasterised at the screen's own density: no oversampling needed.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return io.Fonts->AddFontFromFileTTF(kFontPath, size_px, &config, kGlyphRanges);
  }
  ImFontConfig config;
  config.SizePixels = size_px;
  return io.Fonts->AddFontDefault(&config);
}

}  // namespace

Fonts apply_theme(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  fonts.body = add_font(15.0f * scale);
  fonts.small = add_font(12.5f * scale);
  fonts.title = add_font(19.0f * scale);
  io.FontDefault = fonts.body;
  io.Fonts->Build();

  apply_style(scale);
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
