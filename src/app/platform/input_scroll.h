// Scrolling the ImGui window under the pointer the way a page scrolls: by the wheel's
// pixels, by dragging empty space with the mouse, by swiping a finger (with momentum).
// ImGui 1.86 itself only scrolls by wheel "steps" and with the scrollbar.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace convplay::app {

class ScrollInput {
 public:
  // A wheel event at `pos` (framebuffer pixels) of `delta` pixels, positive as a page
  // scrolls (down/right). Between frames. True when a window under the point can scroll
  // that way and will; false leaves the event to the page (an embed never traps it).
  bool wheel(ImVec2 pos, ImVec2 delta);
  // Whether the presses that follow come from a finger (swipes keep their momentum).
  void set_touch(bool touch) { touch_ = touch; }
  // After ImGui::NewFrame(): the wheel's pending scroll and the momentum of a swipe.
  void begin_frame(float dt);
  // After the panels are drawn. A drag that starts on empty space, on a button or on a
  // grid that does not paint scrolls; one that paints (`painting`), moves a slider,
  // selects text or holds a scrollbar does not. True when a finger that swiped has just
  // left the screen (it points at nothing now).
  bool end_frame(bool painting, float drag_threshold);
  // Frames are needed while something still moves by itself.
  bool moving() const { return !pending_.empty() || momentum_.window != 0; }
  // Whether any window can scroll at all (else a swipe may as well scroll the page).
  bool anything_scrollable() const;
  // The scrollable window under `pos` (or every scrollable window when !at_point) as
  // JSON in CSS pixels: {name, x, y, maxX, maxY} (window.convplay.scroll).
  std::string json(bool at_point, ImVec2 pos, float scale) const;

 private:
  struct Pending {
    ImGuiID window;
    ImVec2 delta;
  };
  struct Sample {  // one frame of a drag
    double time;
    float duration;
    ImVec2 delta;
  };
  struct Drag {
    ImGuiID window = 0;  // the scrollable window pressed on; 0: no drag
    bool blocked = false;
    bool scrolling = false;
    std::vector<Sample> samples;  // recent scroll steps, for the release velocity
  };
  struct Momentum {
    ImGuiID window = 0;
    ImVec2 velocity;  // pixels per second
  };
  std::vector<Pending> pending_;
  Drag drag_;
  Momentum momentum_;
  bool touch_ = false;
};

}  // namespace convplay::app
