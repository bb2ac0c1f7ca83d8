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
  PanelSet panels;          // which panels an embed shows (`panels=`)
  bool operator==(const ViewState& o) const;
  bool operator!=(const ViewState& o) const { return !(*this == o); }
};

}  // namespace convplay::app
