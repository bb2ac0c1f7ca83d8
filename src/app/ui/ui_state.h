// UI state: what the user is looking at and pointing at, not what they computed. Not
// undone; the panels share it within and across frames. The view keys of the hash
// (tab, panels) arrive through app/model/view_state.h's types.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/model/explain.h"
#include "app/model/view_state.h"
#include "app/ui/tensor_grid.h"
#include "app/ui/theme.h"

namespace convplay::app {

struct CellRef {
  bool valid = false;
  int channel = 0, y = 0, x = 0;
  bool operator==(const CellRef& o) const {
    return valid == o.valid && channel == o.channel && y == o.y && x == o.x;
  }
};

struct Animation {
  bool active = false;   // a position is being shown (playing or paused)
  bool playing = false;
  int index = 0;         // output position, row-major in the shown output channel
  float speed = 3.0f;    // positions per second
  // ConvTranspose2d only: step over input pixels, each stamping its weighted kernel onto
  // the output, which shows the running sum (instead of stepping over output cells).
  bool stamps = false;
  double accumulated = 0;
};

// What one figure's grids highlight in this frame. A figure is the set of grids one
// panel draws from one result and one focus; each has its own Highlights, filled by
// update_highlights() (highlights.h) before it is drawn, so that a second figure in the
// same frame (a lesson's preview) never shows another's numbers.
struct Highlights {
  CellRef focus;                 // the output cell explained: hovered, or the animation's
  bool explained = false;        // `explanation` belongs to `focus`
  Explanation explanation;
  CellRef stamp;                 // stamp mode: the input pixel stamping its kernel
  // The input channel and weight pair the input and kernel grids show: while an output
  // cell is focused, the ones its sum reads (channel_focus); otherwise the pickers'.
  int input_channel = 0;
  int kernel_a = 0, kernel_b = 0;
  bool follows_focus = false;    // the channels come from the focus
  ChannelFocus channels;         // when follows_focus
  std::vector<char> reach;       // output cells of the shown channel the hovered input reaches
  int reach_count = 0;
  bool overlap_shown = false;    // ConvTranspose2d output as overlap counts
  std::vector<int> overlap;
  int overlap_max = 1;
  std::vector<float> stamp_sums; // stamp mode: the output after the stamps so far
  std::vector<char> stamp_touched;
};

struct UiState {
  // The channel pickers' choices. While an output cell is focused the input and kernel
  // grids show the channels its sum reads instead (Highlights::input_channel, kernel_a/b).
  int input_channel = 0;
  int kernel_a = 0, kernel_b = 0;  // weight's first and second index
  int output_channel = 0;
  float brush = 1.0f;              // value painted by click/drag
  bool link_axes = true;           // one control per parameter for H and W
  bool show_overlap = false;       // ConvTranspose2d output as overlap counts
  bool show_frame_time = false;
  Lang lang = Lang::kEn;           // the top bar's language switch (App reads it into the view)
  bool painting = false;           // a drag edit is in progress (one undo step)
  Animation animation;

  // Hover, written while drawing one frame and read during the next (the grids are drawn
  // in an order, but every grid highlights what any other one points at).
  CellRef hover_output, next_hover_output;
  CellRef hover_input, next_hover_input;

  // Repairs of the last link or setState, shown until dismissed.
  std::vector<std::string> notes;
  // Typing an exact value: which tensor and flat index, and the text being edited.
  bool edit_popup_open = false;
  TensorKind edit_kind = TensorKind::kInput;
  int edit_index = 0;
  float edit_value = 0;
  // The editor's text field is a DOM <input> (web/app/shell.js) laid over this rectangle
  // (pixels), so phone keyboards can type into it; a rejected text's reason shows below.
  ImVec4 edit_field{0, 0, 0, 0};
  std::string edit_error;

  bool embed = false;
  // ui=figure|controls: the view `figure_tab` alone (plus the parameters), result first.
  UiMode ui_mode = UiMode::kFull;
  PanelId figure_tab = PanelId::kCompute;
  // Embeds' auto-height, in framebuffer pixels: what the page needs to show everything
  // (layout.cpp), and how much taller the figure would draw given the room.
  float needed_height = 0;
  float figure_height_shortfall = 0;
  PanelSet panels;  // which panels the page shows (an embed's `panels=`)
  PanelId narrow_tab = PanelId::kCompute;
  PanelId wide_tab = PanelId::kCompute;
  // A tab asked for by the state (first frame: Compute; a link's tab=): the tab bar keeps
  // selecting it for a few frames, since a new ImGui tab bar settles over several frames.
  PanelId requested_tab = PanelId::kCompute;
  int tab_request_frames = 6;

  Regions regions;                         // where grids were drawn (window.convplay.regions)
  Highlights highlights[kPanelCount];      // one figure per panel, by PanelId

  // Frame timing for the optional overlay.
  double frame_ms = 0, frame_ms_avg = 0, frame_interval_ms = 0;
  double logic_ms = 0;  // up to ImGui::Render(), before the WebGL calls
  long long redrawn_pixels = 0;  // by the last frame (the renderer redraws only changes)
};

// Everything a panel draws from and edits.
struct PanelContext {
  Document& doc;
  UiState& ui;
  const Computer& computer;
  const Fonts& fonts;
  float scale;   // UI pixels per CSS pixel
  bool narrow;   // phone-sized layout
  Highlights* highlights = nullptr;  // the figure being drawn (set with its panel)
};

}  // namespace convplay::app
