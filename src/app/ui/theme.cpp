// Fonts (the style and colours are in theme_colors.cpp).
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

// The characters of `strings` (and `blocks`, a glyph range list or nullptr) as glyph ranges:
// only what may be drawn, since ImGui looks up every code point of its ranges per font size.
const ImWchar* glyph_ranges_of(const std::vector<const char*>& strings, const ImWchar* blocks,
                               ImVector<ImWchar>* ranges) {
  if (ranges->empty()) {
    ImFontGlyphRangesBuilder builder;
    if (blocks != nullptr) builder.AddRanges(blocks);
    for (const char* s : strings) {
      if (s != nullptr) builder.AddText(s);
    }
    builder.BuildRanges(ranges);
  }
  return ranges->Data;
}

// What the Chinese interface draws with ImGui: its table, the error rules, and the CJK
// blocks, for text from elsewhere (lessons): the font itself holds only what is used
// (collect_cjk_chars.py), so the blocks cost lookups, not glyphs.
const ImWchar* chinese_glyph_ranges() {
  static ImVector<ImWchar> ranges;
  if (!ranges.empty()) return ranges.Data;
  static constexpr ImWchar kCjkBlocks[] = {
      0x2E80, 0x9FFF,  // radicals, CJK punctuation, kana, unified ideographs
      0xF900, 0xFAFF,  // compatibility ideographs
      0xFE30, 0xFE4F,  // compatibility forms
      0xFF00, 0xFFEF,  // full-width forms: ，：（）
      0,
  };
  std::vector<const char*> strings = text_strings(text_in(Lang::kZh));
  const std::vector<const char*> rules = error_rules(Lang::kZh);
  strings.insert(strings.end(), rules.begin(), rules.end());
  return glyph_ranges_of(strings, kCjkBlocks, &ranges);
}

// The language switch's "中文", drawn in English too.
const ImWchar* switch_label_glyph_ranges() {
  static ImVector<ImWchar> ranges;
  return glyph_ranges_of({text_in(Lang::kEn).lang_zh}, nullptr, &ranges);
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
