// The view keys' names, one table per enum, and comparing views (the app rewrites the
// address bar when the view changes).
#include "app/model/view_state.h"

namespace convplay::app {

namespace {

template <typename Enum>
struct Name {
  Enum value;
  const char* key;
};

// The first entry of each value is its canonical key; later ones are aliases.
constexpr Name<PanelId> kPanelNames[] = {
    {PanelId::kParams, "params"},   {PanelId::kCompute, "compute"},
    {PanelId::kScatter, "scatter"}, {PanelId::kShapes, "shapes"},
    {PanelId::kParams, "parameters"}, {PanelId::kScatter, "asconv"},
    {PanelId::kScatter, "as_conv"},
};
constexpr Name<AnimMode> kAnimNames[] = {
    {AnimMode::kOff, "off"}, {AnimMode::kPlay, "play"}, {AnimMode::kStamps, "stamps"},
    {AnimMode::kOff, "stop"}};
constexpr Name<Lang> kLangNames[] = {{Lang::kEn, "en"}, {Lang::kZh, "zh"}};
constexpr Name<Theme> kThemeNames[] = {
    {Theme::kDark, "dark"}, {Theme::kLight, "light"}, {Theme::kAuto, "auto"}};
constexpr Name<UiMode> kUiModeNames[] = {
    {UiMode::kFigure, "figure"}, {UiMode::kControls, "controls"}, {UiMode::kFull, "full"}};

template <typename Enum, size_t N>
const char* key_of(const Name<Enum> (&names)[N], Enum value) {
  for (const Name<Enum>& name : names) {
    if (name.value == value) return name.key;
  }
  return names[0].key;
}

template <typename Enum, size_t N>
bool parse_key(const Name<Enum> (&names)[N], const std::string& text, Enum* out) {
  for (const Name<Enum>& name : names) {
    if (text == name.key) {
      *out = name.value;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* panel_key(PanelId id) { return key_of(kPanelNames, id); }
const char* anim_key(AnimMode mode) { return key_of(kAnimNames, mode); }
const char* lang_key(Lang lang) { return key_of(kLangNames, lang); }
const char* theme_key(Theme theme) { return key_of(kThemeNames, theme); }
const char* ui_mode_key(UiMode mode) { return key_of(kUiModeNames, mode); }
bool parse_panel_key(const std::string& text, PanelId* out) { return parse_key(kPanelNames, text, out); }
bool parse_anim_key(const std::string& text, AnimMode* out) { return parse_key(kAnimNames, text, out); }
bool parse_lang_key(const std::string& text, Lang* out) { return parse_key(kLangNames, text, out); }
bool parse_theme_key(const std::string& text, Theme* out) { return parse_key(kThemeNames, text, out); }
bool parse_ui_mode_key(const std::string& text, UiMode* out) { return parse_key(kUiModeNames, text, out); }

PanelSet embed_default_panels() {
  PanelSet panels;
  panels.shown[static_cast<int>(PanelId::kParams)] = false;
  panels.shown[static_cast<int>(PanelId::kShapes)] = false;
  return panels;
}

bool PanelSet::operator==(const PanelSet& o) const {
  for (int i = 0; i < kPanelCount; ++i) {
    if (shown[i] != o.shown[i]) return false;
  }
  return true;
}

bool ViewState::operator==(const ViewState& o) const {
  return tab == o.tab && anim == o.anim && speed == o.speed && lang == o.lang &&
         lang_chosen == o.lang_chosen && lesson == o.lesson && step == o.step &&
         theme == o.theme && ui == o.ui && embed == o.embed && panels == o.panels;
}

}  // namespace convplay::app
