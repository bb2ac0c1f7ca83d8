// The app's lifecycle and per-frame plumbing: canvas size and pixel density, the URL,
// undo/redo, recomputation, and rendering. What is drawn is in layout.cpp and panels.
#include "app/platform/app.h"

#include <GLES3/gl3.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "app/model/explain.h"
#include "app/platform/gl_renderer.h"
#include "app/ui/layout.h"
#include "app/ui/panels.h"
#include "app/platform/platform.h"
#include "app/model/state_json.h"
#include "app/ui/tensor_grid.h"
#include "app/ui/theme.h"
#include "app/model/url_state.h"

namespace convplay::app {

bool App::wants_frame() {
  // The animation needs a frame only when it steps to the next position.
  bool stepped = false;
  const double now = now_ms();
  if (ui_.animation.playing && computer_.has_result() && animation_clock_ms_ > 0) {
    const int before = ui_.animation.index;
    PanelContext ctx{doc_, ui_, computer_, fonts_, scale_, false};
    tick_animation(ctx, (now - animation_clock_ms_) / 1000.0, animation_positions(ctx));
    stepped = ui_.animation.index != before;
  }
  animation_clock_ms_ = now;
  const bool input = input_.take_activity() || input_.pending() || scroll_.moving();
  if (input || stepped || !first_frame_done_) idle_frames_ = 0;
  // A few frames after the last event let hover, double-click timers and tooltips
  // settle before drawing stops (ImGui needs two frames for most changes to show).
  return idle_frames_++ < kSettleFrames;
}

bool App::init() {
  // Everything that needs no WebGL first. Creating the context waits for the browser's GPU
  // process, which on a browser's first page is still busy with its own start (with
  // SwiftShader, most of a second): the fonts and the first result are built meanwhile.
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is computed, never saved
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  scale_ = device_pixel_ratio();
  fonts_ = apply_theme(scale_);
  read_embed_options();
  set_state(location_hash(), true);
  history_.reset(doc_);

  if (!glfwInit()) return false;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // Opaque, no depth, stencil or MSAA: ImGui needs none, and software GL pays for each.
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  // The canvas is sized before the context exists: resizing a WebGL canvas reallocates
  // its drawing buffer, a synchronous wait on the GPU process.
  framebuffer_w_ = static_cast<int>(std::lround(css_w * scale_));
  framebuffer_h_ = static_cast<int>(std::lround(css_h * scale_));
  // The shell creates the context at that size, with preserveDrawingBuffer (the renderer
  // redraws only what changed), which GLFW's hints cannot ask for; GLFW adopts it.
  if (!create_webgl2_context()) {
    notify_no_webgl2();
    return false;
  }
  window_ = glfwCreateWindow(framebuffer_w_ > 0 ? framebuffer_w_ : 1280,
                             framebuffer_h_ > 0 ? framebuffer_h_ : 720, "convplay", nullptr, nullptr);
  if (window_ == nullptr) {
    notify_no_webgl2();
    return false;
  }
  glfwMakeContextCurrent(window_);
  install_input_callbacks();
  ImGui_ImplGlfw_InitForOpenGL(window_, false);  // its callbacks would bypass the queue
  if (!gl_renderer_init()) return false;
  gl_renderer_upload_fonts();
  return true;
}

void App::read_embed_options() {
  // Embed options come from the query (sokol_args style): ?embed=1&panels=compute,shapes
  const std::string query = location_query();
  auto has = [&query](const std::string& item) { return query.find(item) != std::string::npos; };
  ui_.embed = has("embed=1") || has("embed=true");
  if (!ui_.embed) return;
  const size_t at = query.find("panels=");
  if (at == std::string::npos) {
    ui_.panels = PanelSet{true, false, true, false, true};
    return;
  }
  const std::string list = query.substr(at + 7, query.find('&', at) - (at + 7));
  auto listed = [&list](const char* name) { return list.find(name) != std::string::npos; };
  ui_.panels.parameters = listed("parameters");
  ui_.panels.compute = listed("compute");
  ui_.panels.shapes = listed("shapes");
  ui_.panels.as_conv = listed("asconv") || listed("as_conv");
  if (!ui_.panels.parameters && !ui_.panels.compute && !ui_.panels.shapes && !ui_.panels.as_conv) {
    ui_.panels.compute = true;
  }
}

std::vector<std::string> App::set_state(const std::string& query, bool from_defaults) {
  std::vector<std::string> notes;
  Document next = from_defaults ? Document{} : doc_;
  if (from_defaults) conform_tensors(&next);
  apply_query(query, &next, &notes);
  doc_ = next;
  ui_.notes = notes;
  // View keys beyond the contract: anim=play starts the animation, anim=stamps the stamp-
  // by-stamp one of ConvTranspose2d (links, benchmarks).
  const size_t anim = query.find("anim=");
  const bool stamps = anim != std::string::npos && query.compare(anim + 5, 6, "stamps") == 0;
  const bool play = stamps || (anim != std::string::npos && query.compare(anim + 5, 4, "play") == 0);
  ui_.animation.active = play;
  ui_.animation.playing = play;
  ui_.animation.stamps = stamps;
  ui_.animation.index = 0;
  // speed=N: animation speed in output cells per second (a link's pace; benchmarks use 60
  // so that every frame steps and redraws).
  const size_t speed = query.find("speed=");
  if (speed != std::string::npos) {
    const double value = std::atof(query.c_str() + speed + 6);
    if (value >= 0.5 && value <= 120.0) ui_.animation.speed = static_cast<float>(value);
  }
  // tab=compute|scatter|shapes|params opens that view (a link to a view).
  const size_t tab = query.find("tab=");
  if (tab != std::string::npos) {
    const std::string name = query.substr(tab + 4, query.find('&', tab) - (tab + 4));
    const Tab chosen = name == "shapes"    ? Tab::kShapes
                       : name == "scatter" ? Tab::kAsConv
                       : name == "params"  ? Tab::kParameters
                                           : Tab::kCompute;
    ui_.requested_tab = chosen;
    ui_.tab_request_frames = 6;
  }
  computer_.update(doc_);
  idle_frames_ = 0;  // redraw with the new state
  return notes;
}

std::string App::state_json() const {
  return make_state_json(doc_, computer_, ui_.notes, format_hash(doc_));
}

std::string App::frame_stats_json() const {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "{\"frameMs\":%.3f,\"frameMsAvg\":%.3f,\"logicMs\":%.3f,\"computeMs\":%.3f,"
                "\"vertices\":%d,\"redrawnPixels\":%lld,\"frames\":%d,\"animating\":%s}",
                ui_.frame_ms, ui_.frame_ms_avg, ui_.logic_ms, computer_.last_compute_ms(),
                ImGui::GetDrawData() != nullptr ? ImGui::GetDrawData()->TotalVtxCount : 0,
                ui_.redrawn_pixels, ImGui::GetFrameCount(),
                ui_.animation.playing ? "true" : "false");
  return buffer;
}

std::string App::missing_glyphs_json(const char* text) const {
  return convplay::app::missing_glyphs_json(fonts_, text);
}

std::string App::explain_json(int channel, int y, int x) const {
  if (!computer_.has_result()) return "null";
  const Shape& shape = computer_.result().output.shape;
  if (channel < 0 || y < 0 || x < 0 || channel >= shape[1] || y >= shape[2] || x >= shape[3]) {
    return "null";
  }
  const Explanation e = explain_output(computer_.result(), channel, y, x);
  std::string json = "{\"terms\":[";
  char buffer[200];
  for (size_t i = 0; i < e.terms.size(); ++i) {
    const Term& t = e.terms[i];
    std::snprintf(buffer, sizeof buffer,
                  "%s{\"c\":%d,\"iy\":%d,\"ix\":%d,\"ky\":%d,\"kx\":%d,\"x\":%.9g,\"w\":%.9g}",
                  i > 0 ? "," : "", static_cast<int>(t.in_channel), static_cast<int>(t.iy),
                  static_cast<int>(t.ix), static_cast<int>(t.ky), static_cast<int>(t.kx),
                  static_cast<double>(t.x), static_cast<double>(t.w));
    json += buffer;
  }
  std::snprintf(buffer, sizeof buffer, "],\"bias\":%.9g,\"sum\":%.9g,\"engine\":%.9g}",
                e.has_bias ? static_cast<double>(e.bias) : 0.0, e.sum,
                static_cast<double>(e.engine_value));
  return json + buffer;
}

std::string App::regions_json() const { return grid_regions_json(scale_ > 0 ? scale_ : 1.0f); }

void App::sync_canvas_size() {
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  const float ratio = device_pixel_ratio();
  const int width = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
  const int height = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
  if (width != framebuffer_w_ || height != framebuffer_h_) {
    idle_frames_ = 0;
    framebuffer_w_ = width;
    framebuffer_h_ = height;
    set_canvas_size(width, height);
  }
  // The UI works in framebuffer pixels, so text is rasterised at the screen's density.
  if (ratio != scale_) {
    scale_ = ratio;
    fonts_ = apply_theme(scale_);
    gl_renderer_upload_fonts();
  }
}

void App::handle_shortcuts(bool* undo, bool* redo) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const bool ctrl = io.KeyCtrl || io.KeySuper;
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
    (io.KeyShift ? *redo : *undo) = true;
  }
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) *redo = true;
}

void App::frame() {
  sync_canvas_size();
  if (!wants_frame()) return;
  const double start = now_ms();
  if (last_frame_start_ > 0) ui_.frame_interval_ms = start - last_frame_start_;
  last_frame_start_ = start;

  ImGui_ImplGlfw_NewFrame();
  feed_imgui_input();  // after the backend, whose polled mouse state it replaces
  ImGuiIO& io = ImGui::GetIO();
  ImGui::NewFrame();
  scroll_.begin_frame(io.DeltaTime);

  bool undo = false, redo = false;
  handle_shortcuts(&undo, &redo);
  computer_.update(doc_);

  // Hover from the previous frame drives this frame's highlights: every grid then
  // highlights what any other grid points at, whatever order they are drawn in.
  ui_.hover_output = ui_.next_hover_output;
  ui_.hover_input = ui_.next_hover_input;
  ui_.next_hover_output = {};
  ui_.next_hover_input = {};
  ui_.painting = false;

  PanelContext ctx{doc_, ui_, computer_, fonts_, scale_, false};
  // In stamp mode the stamped input pixel lights up its footprint, as a hover would.
  if (!ui_.hover_input.valid && !ui_.hover_output.valid) {
    const CellRef stamp = focused_stamp(ctx);
    if (stamp.valid) ui_.hover_input = stamp;
  }
  draw_layout(ctx, static_cast<float>(framebuffer_w_), static_cast<float>(framebuffer_h_), &undo,
              &redo);
  scroll_.end_frame(ui_.painting, 6.0f * scale_);
  sync_page_input();

  if (undo) doc_ = history_.undo(doc_);
  if (redo) doc_ = history_.redo(doc_);
  const bool editing = ImGui::IsAnyItemActive() || ui_.painting || ui_.edit_popup_open;
  history_.observe(doc_, editing);
  computer_.update(doc_);  // the edits of this frame show up in the next one
  if (!editing) {
    const std::string hash = format_hash(doc_);
    if (hash != last_hash_) {
      last_hash_ = hash;
      replace_location_hash(hash);
    }
  }

  ImGui::Render();
  ui_.logic_ms = now_ms() - start;
  glViewport(0, 0, framebuffer_w_, framebuffer_h_);
  ui_.redrawn_pixels = gl_renderer_draw(ImGui::GetDrawData(), kClearColor);

  ui_.frame_ms = now_ms() - start;
  ui_.frame_ms_avg = ui_.frame_ms_avg == 0 ? ui_.frame_ms : ui_.frame_ms_avg * 0.95 + ui_.frame_ms * 0.05;
  if (!first_frame_done_) {
    first_frame_done_ = true;
    notify_first_frame();
  }
}

void App::shutdown() {
  gl_renderer_shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (window_ != nullptr) glfwDestroyWindow(window_);
  glfwTerminate();
}

}  // namespace convplay::app
