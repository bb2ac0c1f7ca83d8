// The browser side of platform.h, through Emscripten's HTML5 API and small EM_JS glue.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

#include "app/platform/platform.h"

// clang-format off
EM_JS(char*, convplay_js_location_part, (int which), {
  var text = which === 0 ? window.location.hash : window.location.search;
  if (text.length > 0) text = text.substring(1);
  // embed.html is embed mode whatever its query says (the query still picks the panels).
  if (which === 1 && window.convplayShell && window.convplayShell.embed) text += '&embed=1';
  var length = lengthBytesUTF8(text) + 1;
  var buffer = _malloc(length);
  stringToUTF8(text, buffer, length);
  return buffer;
});

EM_JS(void, convplay_js_replace_hash, (const char* hash), {
  var text = '#' + UTF8ToString(hash);
  if (window.location.hash !== text) {
    history.replaceState(history.state, "", text);
  }
});

EM_JS(void, convplay_js_first_frame, (), {
  if (window.convplayShell && window.convplayShell.onFirstFrame) window.convplayShell.onFirstFrame();
});
// What glfwSetWindowSize does, minus its quirk: given exactly the screen's size it asks for
// fullscreen instead of resizing the canvas, so a window (or headless page) as large as the
// screen, once shrunk, kept the smaller canvas. The resize listeners update GLFW's size.
EM_JS(void, convplay_js_set_canvas_size, (int width, int height), {
  Browser.setCanvasSize(width, height);
});
EM_JS(void, convplay_js_no_webgl2, (), {
  if (window.convplayShell && window.convplayShell.onNoWebGL2) window.convplayShell.onNoWebGL2();
});
// The shell creates the context (web/app/shell.js: attributes GLFW cannot set).
EM_JS(int, convplay_js_create_webgl2, (), {
  var shell = window.convplayShell;
  return shell && shell.createWebGL2 && shell.createWebGL2() ? 1 : 0;
});
// The full playground: same state and view, but the whole app (no ui=) and without a
// host's suffix (WordPress's #?secret=...).
EM_JS(void, convplay_js_open_full, (), {
  var url = new URL("index.html", window.location.href);
  url.hash = window.location.hash.replace(/#\?secret=.*/, "").split("&")
      .filter(function (part) { return !/^#?ui=/.test(part); }).join("&").replace(/^#?/, "");
  window.open(url.toString(), "_blank", "noopener,noreferrer");
});
EM_JS(int, convplay_js_prefers_dark, (), {
  var shell = window.convplayShell;
  return shell && shell.prefersDark ? (shell.prefersDark() ? 1 : 0) : 1;
});
EM_JS(void, convplay_js_page_theme, (int light), {
  var shell = window.convplayShell;
  if (shell && shell.onTheme) shell.onTheme(light !== 0);
});
EM_JS(void, convplay_js_report_height, (int height), {
  var shell = window.convplayShell;
  if (shell && shell.onHeight) shell.onHeight(height);
});
// clang-format on

namespace convplay::app {

float device_pixel_ratio() {
  const double ratio = emscripten_get_device_pixel_ratio();
  return ratio > 0.25 && ratio < 8.0 ? static_cast<float>(ratio) : 1.0f;
}

void canvas_css_size(double* width, double* height) {
  if (emscripten_get_element_css_size("#canvas", width, height) != EMSCRIPTEN_RESULT_SUCCESS) {
    *width = 1280;
    *height = 720;
  }
}

void set_canvas_size(int width, int height) { convplay_js_set_canvas_size(width, height); }

namespace {
std::string take_js_string(char* text) {
  std::string result = text != nullptr ? text : "";
  std::free(text);
  return result;
}
}  // namespace

std::string location_hash() { return take_js_string(convplay_js_location_part(0)); }
std::string location_query() { return take_js_string(convplay_js_location_part(1)); }
void replace_location_hash(const std::string& hash) { convplay_js_replace_hash(hash.c_str()); }
void notify_first_frame() { convplay_js_first_frame(); }
bool create_webgl2_context() { return convplay_js_create_webgl2() != 0; }
void notify_no_webgl2() { convplay_js_no_webgl2(); }
double now_ms() { return emscripten_get_now(); }
void open_full_playground() { convplay_js_open_full(); }
bool prefers_dark_color_scheme() { return convplay_js_prefers_dark() != 0; }
void show_page_theme(bool light) { convplay_js_page_theme(light ? 1 : 0); }
void report_needed_height(int css_pixels) { convplay_js_report_height(css_pixels); }

}  // namespace convplay::app
