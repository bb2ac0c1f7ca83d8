// What the app needs from the page around it: canvas size and pixel density, the URL,
// and the window.convplay hook. Implemented for the browser in platform_web.cpp.
#pragma once

#include <string>

namespace convplay::app {

float device_pixel_ratio();
// The canvas's size in CSS pixels.
void canvas_css_size(double* width, double* height);
// Sets the canvas's drawing-buffer size in pixels (and GLFW's window size with it).
void set_canvas_size(int width, int height);
std::string location_hash();   // without '#'
std::string location_query();  // without '?'
// Updates the address bar without adding a history entry or firing hashchange.
void replace_location_hash(const std::string& hash);
// Tells the shell the first frame is on screen: it hides the loading state and sets
// window.convplay.ready.
void notify_first_frame();
// Creates the canvas's WebGL2 context, sized to the canvas, with the attributes the
// renderer needs (web/app/shell.js); glfwCreateWindow then adopts it. False: no WebGL2.
bool create_webgl2_context();
// Tells the shell no WebGL2 context could be created: it shows its explanation.
void notify_no_webgl2();
double now_ms();
// Embed mode: opens the full playground (index.html) with the same state in a new tab.
void open_full_playground();

// The page around the app (theme, auto-height; web/app/shell.js).
// The reader's prefers-color-scheme (for theme=auto); changes arrive through main.cpp.
bool prefers_dark_color_scheme();
// The page's background and loading overlay follow the app's theme.
void show_page_theme(bool light);
// In a frame: tells the host page the height (CSS pixels) the figure needs.
void report_needed_height(int css_pixels);

}  // namespace convplay::app
