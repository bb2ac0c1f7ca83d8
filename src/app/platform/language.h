// Which language the page shows: the one asked for, once it can be drawn. Chinese needs
// fonts/ui-zh.ttf, which the page fetches on first use; until it is here the interface
// stays in English (never boxes), and the page's loading state waits for it.
#pragma once

#include <vector>

#include "app/model/view_state.h"

namespace convplay::app {

class LanguageSwitch {
 public:
  // The language when the hash names none: the shell's choice (what this browser chose
  // before, kept in localStorage, else its languages: any zh* is Chinese).
  static Lang page_default();

  // Asks for `lang` (`chosen`: by the hash or the switch, so the page remembers it).
  void want(Lang lang, bool chosen);
  // The page fetched the Chinese font (empty: it could not). True when the fonts must be
  // rebuilt with it (theme.h has it by then).
  bool font_arrived(std::vector<unsigned char> data);
  Lang shown() const { return shown_; }

 private:
  void show(Lang lang);

  Lang wanted_ = Lang::kEn;
  Lang shown_ = Lang::kEn;
  bool chosen_ = false;
  bool requested_ = false;  // the font fetch has started
  bool failed_ = false;     // no font to be had: Chinese cannot be shown
};

}  // namespace convplay::app
