// What the reader is looking at, as opposed to what they computed (the Document): the
// view keys of the URL hash (CONTRACT.md §4: tab, anim, speed, lang, lesson, step, theme,
// ui) and the embed's panel set. Plain data shared by the key table (state_keys.h), the
// panels table (ui/) and the page glue; not undone.
#pragma once

#include <string>

namespace convplay::app {

// One name per panel everywhere: this enum, the `tab=` and `panels=` values (panel_key()),
// the panels table in ui/ and the panel's file (ui/panel_<key>.cpp).
enum class PanelId { kParams, kCompute, kScatter, kShapes };
constexpr int kPanelCount = 4;

enum class Lang { kEn, kZh };
enum class Theme { kDark, kLight, kAuto };
// How much of the app an embed shows (`ui=`): the chosen view only, result first;
// plus the parameters; or everything.
enum class UiMode { kFigure, kControls, kFull };
enum class AnimMode { kOff, kPlay, kStamps };

struct PanelSet {
  bool shown[kPanelCount] = {true, true, true, true};
  bool operator==(const PanelSet& o) const;
};

struct ViewState {
  PanelId tab = PanelId::kCompute;
  AnimMode anim = AnimMode::kOff;
  float speed = 3.0f;       // animation positions per second
  Lang lang = Lang::kEn;
  bool lang_chosen = false; // false: the browser's language decides (not written to the hash)
  std::string lesson;       // lesson id, empty outside a lesson
  int step = 1;             // 1-based step in the lesson
  Theme theme = Theme::kDark;
  UiMode ui = UiMode::kFull;
  bool embed = false;       // embed.html or ?embed=1: the embed's layout
  PanelSet panels;          // which panels an embed shows (`panels=`)
  bool operator==(const ViewState& o) const;
  bool operator!=(const ViewState& o) const { return !(*this == o); }
};

// The key values of each enum (`tab=scatter`, `anim=play`, ...), and reading them back.
// Parsing accepts the old spellings: `parameters` for params, `asconv`/`as_conv` for scatter.
const char* panel_key(PanelId id);
const char* anim_key(AnimMode mode);
const char* lang_key(Lang lang);
const char* theme_key(Theme theme);
const char* ui_mode_key(UiMode mode);
bool parse_panel_key(const std::string& text, PanelId* out);
bool parse_anim_key(const std::string& text, AnimMode* out);
bool parse_lang_key(const std::string& text, Lang* out);
bool parse_theme_key(const std::string& text, Theme* out);
bool parse_ui_mode_key(const std::string& text, UiMode* out);

// An embed without `panels=` shows the computation: Compute and Scatter.
PanelSet embed_default_panels();

}  // namespace convplay::app
