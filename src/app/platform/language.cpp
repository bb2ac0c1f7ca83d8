// The language switch's page side: the shell's default, the Chinese font fetch, and telling
// the shell what is shown (page title, <html lang>, remembered choice).
#include "app/platform/language.h"

#include <emscripten.h>

#include <utility>

#include "app/model/text.h"
#include "app/ui/theme.h"

// clang-format off
EM_JS(int, convplay_js_default_lang_is_zh, (), {
  var shell = window.convplayShell;
  return shell && shell.defaultLang === 'zh' ? 1 : 0;
});
// The shell fetches the font (or already has: it starts early when it expects Chinese);
// the bytes go into the wasm heap and back to C++ (convplay_cjk_font_loaded, main.cpp).
EM_JS(void, convplay_js_request_cjk_font, (), {
  var shell = window.convplayShell;
  var bytes = shell && shell.cjkFont ? shell.cjkFont() : Promise.reject(new Error('no shell'));
  bytes.then(function (data) {
    var pointer = _malloc(data.length);
    HEAPU8.set(data, pointer);
    _convplay_cjk_font_loaded(pointer, data.length);
  }).catch(function (error) {
    console.warn('convplay: the Chinese font could not be loaded: ' + error);
    _convplay_cjk_font_loaded(0, 0);
  });
});
EM_JS(void, convplay_js_language_shown, (const char* lang, int chosen), {
  var shell = window.convplayShell;
  if (shell && shell.onLanguage) shell.onLanguage(UTF8ToString(lang), chosen !== 0);
});
// clang-format on

namespace convplay::app {

Lang LanguageSwitch::page_default() {
  return convplay_js_default_lang_is_zh() != 0 ? Lang::kZh : Lang::kEn;
}

void LanguageSwitch::want(Lang lang, bool chosen) {
  const bool changed = lang != wanted_ || chosen != chosen_;
  wanted_ = lang;
  chosen_ = chosen;
  if (lang == Lang::kZh && !has_cjk_font()) {
    if (failed_) {
      show(Lang::kEn);  // said once more, so that the page's loading state ends
    } else if (!requested_) {
      requested_ = true;
      convplay_js_request_cjk_font();
    }
    return;
  }
  if (changed || lang != shown_) show(lang);
}

bool LanguageSwitch::font_arrived(std::vector<unsigned char> data) {
  if (data.empty()) {
    failed_ = true;
    show(Lang::kEn);
    return false;
  }
  set_cjk_font(std::move(data));
  show(wanted_);
  return true;
}

void LanguageSwitch::show(Lang lang) {
  shown_ = lang;
  set_text_language(lang);
  convplay_js_language_shown(lang_key(lang), chosen_ && lang == wanted_ ? 1 : 0);
}

}  // namespace convplay::app
