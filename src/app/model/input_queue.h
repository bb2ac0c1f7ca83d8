// The input events that arrive between two frames, kept in order and handed to the UI a
// frame at a time (ImGui 1.86 reads only a state snapshot per frame; 1.87 added a queue).
// Plain C++, tested natively; platform/input_hooks.cpp fills it and copies frames to ImGui.
#pragma once

#include <array>
#include <deque>
#include <vector>

namespace convplay::app {

// What ImGui reads in one frame (the platform copies it into ImGuiIO).
struct InputFrame {
  bool mouse_valid = false;  // false until the pointer has been seen
  float mouse_x = 0, mouse_y = 0;
  std::array<bool, 5> buttons{};
  std::array<bool, 512> keys{};  // by GLFW key code
  bool shift = false, ctrl = false, alt = false, super = false;
  std::vector<unsigned int> characters;  // typed this frame
};

class InputQueue {
 public:
  void mouse_pos(float x, float y);
  // Nothing is pointed at any more: the mouse left the canvas, or a finger that swiped
  // left the screen (hover would otherwise stay where it was lifted).
  void pointer_left();
  void mouse_button(int button, bool down);
  void key(int key, bool down);
  void character(unsigned int codepoint);
  // The events since the last call that fit in one frame; the rest wait.
  // A frame takes at most one transition per key and button, and a button change that
  // follows a move waits for the next frame: the widget under a finger that just jumped
  // there is hovered before it is pressed (a tab's first tap), a swipe's last move is
  // seen with the finger still down, and a key down+up within one frame is still seen
  // down for a frame (Ctrl+Z typed faster than the frame rate).
  InputFrame next_frame();
  bool pending() const { return !events_.empty(); }
  // True once after any event arrived (the idle-frame logic draws again).
  bool take_activity();

 private:
  enum class Type { kMousePos, kPointerLeft, kMouseButton, kKey, kChar };
  struct Event {
    Type type;
    int code;          // button, key or codepoint
    bool down;
    float x, y;
  };
  std::deque<Event> events_;
  InputFrame state_;
  bool activity_ = true;
};

}  // namespace convplay::app
