// What the input code asks of the page around the canvas (web/app/shell.js).
#pragma once

namespace convplay::app {

// The text input for typing a cell value: Emscripten's GLFW has no text field, and only a
// real one brings up a phone's keyboard. Shown over (x, y, width, height) in CSS pixels
// and focused; `text` (when not null) replaces what it holds.
void show_value_field(float x, float y, float width, float height, const char* text);
void hide_value_field();

// Whether anything in the app can scroll. When nothing can, an embed lets a finger's
// swipe scroll the page around it (as the wheel does) instead of keeping it.
void set_app_scrollable(bool scrollable);

}  // namespace convplay::app
