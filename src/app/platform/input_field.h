// The page's text input for typing a cell value (web/app/shell.js): Emscripten's GLFW has
// no text field, and only a real one brings up a phone's keyboard.
#pragma once

namespace convplay::app {

// Shows the input over (x, y, width, height) in CSS pixels and focuses it; `text` (when
// not null) replaces what it holds.
void show_value_field(float x, float y, float width, float height, const char* text);
void hide_value_field();

}  // namespace convplay::app
