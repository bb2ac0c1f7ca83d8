// The browser side of input_page.h: the shell owns the elements and listeners.
#include <emscripten.h>

#include "app/platform/input_page.h"

// clang-format off
EM_JS(void, convplay_js_value_field, (float x, float y, float w, float h, const char* text), {
  var shell = window.convplayShell;
  if (shell && shell.valueField) shell.valueField(x, y, w, h, text ? UTF8ToString(text) : null);
});
EM_JS(void, convplay_js_scrollable, (int scrollable), {
  var shell = window.convplayShell;
  if (shell && shell.onScrollable) shell.onScrollable(scrollable !== 0);
});
// clang-format on

namespace convplay::app {

void show_value_field(float x, float y, float width, float height, const char* text) {
  convplay_js_value_field(x, y, width, height, text);
}

void hide_value_field() { convplay_js_value_field(0, 0, 0, 0, nullptr); }

void set_app_scrollable(bool scrollable) { convplay_js_scrollable(scrollable ? 1 : 0); }

}  // namespace convplay::app
