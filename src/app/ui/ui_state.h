// View state: what the user is looking at, not what they computed. Not undone, not in
// the hash (except through embed options); the panels share it within and across frames.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/ui/theme.h"

namespace convplay::app {

enum class Tab { kParameters, kCompute, kShapes, kAsConv };

// Which panels a page shows: the full playground or an embed's subset (from the URL query).
struct PanelSet {
  bool top_bar = true;
  bool parameters = true;
  bool compute = true;
  bool shapes = true;
  bool as_conv = true;
};

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

struct UiState {
  // Channels on show.
  int input_channel = 0;
  int kernel_a = 0, kernel_b = 0;  // weight's first and second index
  int output_channel = 0;
  float brush = 1.0f;              // value painted by click/drag
  bool link_axes = true;           // one control per parameter for H and W
  bool show_overlap = false;       // ConvTranspose2d output as overlap counts
  bool show_frame_time = false;
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
  PanelSet panels;
  Tab narrow_tab = Tab::kCompute;
  Tab wide_tab = Tab::kCompute;
  // A tab asked for by the state (first frame: Compute; a link's tab=): the tab bar keeps
  // selecting it for a few frames, since a new ImGui tab bar settles over several frames.
  Tab requested_tab = Tab::kCompute;
  int tab_request_frames = 6;

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
};

}  // namespace convplay::app
