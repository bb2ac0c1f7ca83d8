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
#include "app/model/text.h"
#include "app/ui/tensor_grid.h"
#include "app/ui/theme.h"
#include "app/model/url_state.h"
#include "app/model/pytorch_export.h"

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
  prefers_dark_ = prefers_dark_color_scheme();
  fonts_ = apply_theme(scale_);
  view_.lang = LanguageSwitch::page_default();  // the hash may override it
  const std::vector<std::string> query_notes = read_embed_options();
  load_lessons();
  set_state(location_hash(), true);
  ui_.notes.insert(ui_.notes.begin(), query_notes.begin(), query_notes.end());
  notes_have_query_ = true;
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

std::vector<std::string> App::read_embed_options() {
  // Embed options come from the page's query (sokol_args style): ?embed=1&panels=compute,shapes
  // (embed.html adds embed=1 itself), read through the same keys table as the hash.
  std::vector<std::string> notes;
  PageState page{Document{}, view_};
  apply_query(location_query(), &page, &notes, QueryKind::kPageQuery);
  const ViewState before = view_;
  view_ = page.view;
  show_view(before, true);
  return notes;
}

std::vector<std::string> App::set_state(const std::string& query, bool from_defaults) {
  std::vector<std::string> notes;
  PageState next{from_defaults ? Document{} : doc_, view_};
  if (from_defaults) {
    conform_tensors(&next.doc);
    // A new hash starts from the defaults, except what the page itself decided: its embed
    // options and the browser's language.
    next.view = ViewState{};
    next.view.embed = view_.embed;
    next.view.panels = view_.panels;
    next.view.lang = view_.lang;
  }
  notes_hash_ = query;
  notes_have_query_ = false;
  notes_retranslatable_ = from_defaults;
  notes_lang_ = text_language();
  apply_query(query, &next, &notes);
  open_lesson_step(query, from_defaults, &next, &notes);
  doc_ = std::move(next.doc);
  const ViewState before = view_;
  view_ = next.view;
  show_view(before, from_defaults);
  ui_.notes = notes;
  ui_.animation.index = 0;
  if (computer_.update(doc_)) document_changed_ = true;
  idle_frames_ = 0;  // redraw with the new state
  return notes;
}

void App::show_view(const ViewState& before, bool force) {
  ui_.embed = view_.embed;
  ui_.panels = view_.embed ? view_.panels : PanelSet{};
  if (force || view_.tab != before.tab) {
    // A new ImGui tab bar settles over several frames: keep asking for the tab meanwhile.
    ui_.requested_tab = view_.tab;
    ui_.tab_request_frames = 6;
  }
  Animation& animation = ui_.animation;
  if (force || view_.anim != before.anim) {
    animation.active = animation.playing = view_.anim != AnimMode::kOff;
    animation.stamps = view_.anim == AnimMode::kStamps;
    animation.index = 0;
  }
  if (force || view_.speed != before.speed) animation.speed = view_.speed;
  if (force || view_.lang != before.lang || view_.lang_chosen != before.lang_chosen) {
    ui_.lang = view_.lang;
    language_.want(view_.lang, view_.lang_chosen);
  }
  // ui=: how much of the app shows. figure: the view alone; controls: with the parameters.
  // (With the parameters beside it, a link whose tab is the parameters' keeps its figure.)
  ui_.ui_mode = view_.ui;
  const bool params_tab = view_.ui == UiMode::kControls && view_.tab == PanelId::kParams;
  ui_.figure_tab = params_tab ? PanelId::kCompute : view_.tab;
  if (view_.ui != UiMode::kFull) {
    for (bool& shown : ui_.panels.shown) shown = false;
    ui_.panels.shown[static_cast<int>(ui_.figure_tab)] = true;
    if (view_.ui == UiMode::kControls) ui_.panels.shown[static_cast<int>(PanelId::kParams)] = true;
  }
  show_theme(force);
}

void App::show_theme(bool force) {
  const bool light = view_.theme == Theme::kLight || (view_.theme == Theme::kAuto && !prefers_dark_);
  if (!force && light == light_palette_in_use()) return;
  use_light_palette(light);
  apply_style(scale_);
  show_page_theme(light);
  idle_frames_ = 0;
}

void App::set_prefers_dark(bool dark) {
  prefers_dark_ = dark;
  show_theme(false);
}

void App::set_visible(bool visible) {
  visible_ = visible;
  idle_frames_ = 0;
}

// Embeds: the host page learns the height the figure needs (once per change).
void App::report_height() {
  if (!view_.embed || scale_ <= 0) return;
  const int height = static_cast<int>(std::lround(ui_.needed_height / scale_));
  if (height == reported_height_ || height <= 0) return;
  reported_height_ = height;
  report_needed_height(height);
}

void App::read_shown_view() {
  // The tab the user picked is the one whose bar changed selection; while a requested tab
  // settles, the bars' changes are its own.
  if (ui_.tab_request_frames == 0) {
    if (ui_.wide_tab != seen_wide_tab_) view_.tab = ui_.wide_tab;
    if (ui_.narrow_tab != seen_narrow_tab_) view_.tab = ui_.narrow_tab;
  }
  seen_wide_tab_ = ui_.wide_tab;
  seen_narrow_tab_ = ui_.narrow_tab;
  const Animation& animation = ui_.animation;
  view_.anim = !animation.playing ? AnimMode::kOff
               : animation.stamps ? AnimMode::kStamps
                                  : AnimMode::kPlay;
  view_.speed = animation.speed;
  if (ui_.lang != view_.lang) {  // the top bar's switch
    view_.lang = ui_.lang;
    view_.lang_chosen = true;
    language_.want(view_.lang, true);
  }
}

// The notes again, in the language now shown: the same link read onto scratch defaults.
void App::retranslate_notes() {
  notes_lang_ = text_language();
  if (!notes_retranslatable_) return;
  std::vector<std::string> notes;
  PageState scratch{Document{}, ViewState{}};
  if (notes_have_query_) apply_query(location_query(), &scratch, &notes, QueryKind::kPageQuery);
  scratch.doc = Document{};
  conform_tensors(&scratch.doc);
  apply_query(notes_hash_, &scratch, &notes);
  ui_.notes = std::move(notes);
}

void App::cjk_font_loaded(std::vector<unsigned char> data) {
  if (!language_.font_arrived(std::move(data))) return;
  fonts_ = apply_theme(scale_);
  if (window_ != nullptr) gl_renderer_upload_fonts();
  idle_frames_ = 0;  // redraw in the new language
}

// Only when the document or the view changed: formatting big tensors every frame would
// cost more than drawing them.
void App::write_hash_if_changed() {
  if (!document_changed_ && view_ == written_view_) return;
  document_changed_ = false;
  written_view_ = view_;
  const std::string hash = format_hash(PageStateRef(doc_, view_));
  if (hash != last_hash_) {
    last_hash_ = hash;
    replace_location_hash(hash);
  }
}

std::string App::state_json() const {
  // getState().lang is the language shown: English until the Chinese font is here.
  ViewState shown = view_;
  shown.lang = language_.shown();
  return make_state_json(PageStateRef(doc_, shown), computer_, ui_.notes,
                         format_hash(PageStateRef(doc_, view_)));
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

std::string App::regions_json() const { return ui_.regions.json(scale_ > 0 ? scale_ : 1.0f); }

// The document of the output on screen, so that the script's y is getState().output even
// while the controls hold an invalid combination.
std::string App::pytorch_code() const {
  return pytorch_script(computer_.has_result() ? computer_.result().doc : doc_);
}

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
  if (!ui_.notes.empty() && notes_lang_ != text_language()) retranslate_notes();
  if (!visible_) {
    animation_clock_ms_ = now_ms();  // the animation resumes where it was, not ahead
    return;
  }
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
  if (computer_.update(doc_)) document_changed_ = true;

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
  if (scroll_.end_frame(ui_.painting, 6.0f * scale_)) input_.pointer_left();
  sync_page_input();

  if (undo) doc_ = history_.undo(doc_);
  if (redo) doc_ = history_.redo(doc_);
  const bool editing = ImGui::IsAnyItemActive() || ui_.painting || ui_.edit_popup_open;
  history_.observe(doc_, editing);
  // The edits of this frame show up in the next one.
  if (computer_.update(doc_)) document_changed_ = true;
  read_shown_view();
  if (!editing) write_hash_if_changed();

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
  report_height();
}

void App::shutdown() {
  gl_renderer_shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (window_ != nullptr) glfwDestroyWindow(window_);
  glfwTerminate();
}

}  // namespace convplay::app
