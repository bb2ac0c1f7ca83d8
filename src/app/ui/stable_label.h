// A translated label with a fixed ImGui id ("Undo###undo"): ImGui keys a widget by the
// part after ###, so switching the language keeps tabs, popups, open headers and focus.
#pragma once

#include <cstdio>

namespace convplay::app {

// Pass where ImGui takes a label: ImGui::Button(StableLabel(t.undo, "undo")). The text
// lives until the end of the full expression, which is as long as ImGui reads it.
class StableLabel {
 public:
  StableLabel(const char* label, const char* id) {
    std::snprintf(text_, sizeof text_, "%s###%s", label, id);
  }
  operator const char*() const { return text_; }

 private:
  char text_[256];
};

}  // namespace convplay::app
