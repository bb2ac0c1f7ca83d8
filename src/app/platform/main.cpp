// Entry point: start the app and hand its frame() to the browser's animation loop.
#include <emscripten.h>

#include <cstdlib>
#include <utility>
#include <vector>

#include "app/platform/app.h"

namespace {
convplay::app::App g_app;
}

// window.convplay's C side (see web/app/shell.js). Strings returned stay valid until the
// next call.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* convplay_get_state() {
  static std::string json;
  json = g_app.state_json();
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_set_state(const char* query) {
  static std::string json;
  const std::vector<std::string> notes = g_app.set_state(query != nullptr ? query : "", false);
  json = std::to_string(notes.size());
  return json.c_str();
}

// A new hash typed into the address bar: read from the defaults, as on load.
EMSCRIPTEN_KEEPALIVE void convplay_set_hash(const char* hash) {
  g_app.set_state(hash != nullptr ? hash : "", true);
}

EMSCRIPTEN_KEEPALIVE const char* convplay_regions() {
  static std::string json;
  json = g_app.regions_json();
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_explain(int channel, int y, int x) {
  static std::string json;
  json = g_app.explain_json(channel, y, x);
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_missing_glyphs(const char* text) {
  static std::string json;
  json = g_app.missing_glyphs_json(text != nullptr ? text : "");
  return json.c_str();
}

// Input the shell hands over (web/app/shell.js), in CSS pixels. 1: the app scrolls.
EMSCRIPTEN_KEEPALIVE int convplay_wheel(double x, double y, double dx, double dy) {
  return g_app.wheel(x, y, dx, dy) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void convplay_pointer_touch(int touch) { g_app.set_touch(touch != 0); }

// The scrollable window at (x, y), or all of them when at_point is 0 (window.convplay.scroll).
EMSCRIPTEN_KEEPALIVE const char* convplay_scroll(int at_point, double x, double y) {
  static std::string json;
  json = g_app.scroll_json(at_point != 0, x, y);
  return json.c_str();
}

// The value editor's text: "" when applied, else why not (the editor stays open).
EMSCRIPTEN_KEEPALIVE const char* convplay_value_submit(const char* text) {
  static std::string message;
  message = g_app.submit_value_text(text != nullptr ? text : "");
  return message.c_str();
}

EMSCRIPTEN_KEEPALIVE void convplay_value_cancel() { g_app.cancel_value_edit(); }

EMSCRIPTEN_KEEPALIVE const char* convplay_frame_stats() {
  static std::string json;
  json = g_app.frame_stats_json();
  return json.c_str();
}

// The page fetched fonts/ui-zh.ttf (platform/language.cpp): its bytes in a buffer from
// malloc, freed here, or (nullptr, 0) when it could not.
EMSCRIPTEN_KEEPALIVE void convplay_cjk_font_loaded(unsigned char* bytes, int length) {
  std::vector<unsigned char> data;
  if (bytes != nullptr && length > 0) data.assign(bytes, bytes + length);
  std::free(bytes);
  g_app.cjk_font_loaded(std::move(data));
}

// The page around the app (web/app/shell.js): the frame scrolled out of sight or its tab
// hidden (nothing drawn, the animation waits), and the reader's colour scheme changing.
EMSCRIPTEN_KEEPALIVE void convplay_set_visible(int visible) { g_app.set_visible(visible != 0); }
EMSCRIPTEN_KEEPALIVE void convplay_set_prefers_dark(int dark) { g_app.set_prefers_dark(dark != 0); }

EMSCRIPTEN_KEEPALIVE const char* convplay_export_pytorch() {
  static std::string code;
  code = g_app.pytorch_code();
  return code.c_str();
}

// Lessons (CONTRACT.md §5): the list, the current step, answering it, and "Show me".
EMSCRIPTEN_KEEPALIVE const char* convplay_lessons() {
  static std::string json;
  json = g_app.lessons_json();
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_lesson() {
  static std::string json;
  json = g_app.lesson_json();
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_lesson_answer(const char* input) {
  static std::string json;
  json = g_app.lesson_answer_json(input != nullptr ? input : "");
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* convplay_lesson_solution() {
  static std::string json;
  json = g_app.lesson_solution_json();
  return json.c_str();
}
}

int main() {
  if (!g_app.init()) return 1;
  emscripten_set_main_loop_arg([](void* app) { static_cast<convplay::app::App*>(app)->frame(); },
                               &g_app, 0, false);
  return 0;
}
