// The playground app: init() once, frame() per animation frame, shutdown() never on the
// web (nothing runs after the loop there). Owns the window, the document and its history.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/model/history.h"
#include "app/model/input_queue.h"
#include "app/model/lessons.h"
#include "app/model/state_keys.h"
#include "app/model/view_state.h"
#include "app/platform/input_scroll.h"
#include "app/platform/language.h"
#include "app/ui/theme.h"
#include "app/ui/ui_state.h"

struct GLFWwindow;

namespace convplay::app {

class App {
 public:
  bool init();
  void frame();
  void shutdown();

  // window.convplay (CONTRACT.md §4).
  std::string state_json() const;
  // Applies hash-style keys; returns the notes (also shown on screen).
  std::vector<std::string> set_state(const std::string& query, bool from_defaults);
  std::string frame_stats_json() const;
  std::string regions_json() const;
  // The hover explanation of output cell (channel, y, x) as JSON (window.convplay.explain).
  std::string explain_json(int channel, int y, int x) const;
  // The characters of `text` the UI fonts cannot draw (for tests/e2e/glyphs.test.js).
  std::string missing_glyphs_json(const char* text) const;

  // The Chinese font arrived (empty: it could not be fetched): rebuild the fonts with it.
  void cjk_font_loaded(std::vector<unsigned char> data);

  // The page around the app (main.cpp's exports, from web/app/shell.js): off screen or in
  // a hidden tab nothing is drawn and the animation waits; the reader's colour scheme
  // decides theme=auto.
  void set_visible(bool visible);
  void set_prefers_dark(bool dark);

  // Input the shell hands over directly (web/app/shell.js), in CSS pixels. A wheel event:
  // true when the app scrolls by it (the shell then stops the page from scrolling too).
  bool wheel(double x, double y, double dx, double dy);
  // Whether the pointer presses that follow come from a touch screen.
  void set_touch(bool touch) { scroll_.set_touch(touch); }
  // The scrollable window at (x, y) or, with at_point false, all of them (JSON).
  std::string scroll_json(bool at_point, double x, double y) const;
  // The value editor's text, typed into the page's input: applies it and closes the
  // editor, or returns why it cannot (the editor stays open and says so).
  std::string submit_value_text(const std::string& text);
  void cancel_value_edit();

  // window.convplay.exportPyTorch (CONTRACT.md §6): the script of the result on screen.
  std::string pytorch_code() const;

  // Lessons (CONTRACT.md §5, app_lessons.cpp): window.convplay.lessons(), lesson(), answer(),
  // and the "Show me" answer of the lesson panel.
  std::string lessons_json() const;
  std::string lesson_json() const;
  std::string lesson_answer_json(const std::string& input) const;
  std::string lesson_solution_json() const;

 private:
  void sync_canvas_size();
  void handle_shortcuts(bool* undo, bool* redo);
  std::vector<std::string> read_embed_options();
  // The one boundary between the model's ViewState and the UI's own fields (ui_state.h).
  void show_view(const ViewState& before, bool force);
  void read_shown_view();
  void show_theme(bool force);
  void report_height();
  void write_hash_if_changed();
  void install_input_callbacks();
  void feed_imgui_input();  // the queue's next frame of input into ImGuiIO
  void sync_page_input();  // the page's text field and touch scrolling follow the frame
  void load_lessons();
  // A query that names another lesson step turns *next into that step's state.
  void open_lesson_step(const std::string& query, bool force, PageState* next,
                        std::vector<std::string>* notes) const;

  GLFWwindow* window_ = nullptr;
  Document doc_;
  // What the address bar says is shown (tab, animation, language, ...): kept in step with
  // the UI every frame, written to the hash with the document.
  ViewState view_;
  ViewState written_view_;
  bool document_changed_ = true;  // since the hash was last written
  PanelId seen_wide_tab_ = PanelId::kCompute, seen_narrow_tab_ = PanelId::kCompute;
  std::vector<Lesson> lessons_;  // lessons/*.json, embedded in the wasm at /lessons
  LessonTexts lesson_texts_;     // lessons/texts.json
  LanguageSwitch language_;  // the language shown: view_.lang once its font is here
  // The notes of a link (the page's query and hash, read from the defaults) are said again
  // when the language shown changes: the Chinese font arrives after the link is read.
  std::string notes_hash_;       // the hash the notes on screen came from
  bool notes_have_query_ = false;  // they begin with the page query's (init only)
  bool notes_retranslatable_ = false;
  Lang notes_lang_ = Lang::kEn;  // the language ui_.notes are in
  void retranslate_notes();
  History history_;
  Computer computer_;
  UiState ui_;
  Fonts fonts_;
  float scale_ = 0;  // the scale the fonts were built for
  int framebuffer_w_ = 0, framebuffer_h_ = 0;
  std::string last_hash_;
  bool first_frame_done_ = false;
  double last_frame_start_ = 0;
  // Idle frames are skipped (the canvas keeps showing the last one): a page embedded in a
  // blog post costs nothing while nobody touches it.
  int idle_frames_ = 0;
  static constexpr int kSettleFrames = 6;
  double animation_clock_ms_ = 0;
  InputQueue input_;
  ScrollInput scroll_;
  ImVec4 shown_value_field_{0, 0, 0, 0};  // where the page's input was last put (0: hidden)
  int told_scrollable_ = -1;  // what the page was last told (-1: nothing yet)
  bool wants_frame();
  bool visible_ = true;
  bool prefers_dark_ = true;
  int reported_height_ = -1;  // CSS pixels last told to the host page
};

}  // namespace convplay::app
