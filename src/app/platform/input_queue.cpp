// Trickling queued input into ImGui one frame at a time (see input_queue.h).
#include "app/platform/input_queue.h"

#include <cfloat>

#include "imgui.h"

namespace convplay::app {

namespace {
// GLFW's key codes of the modifiers (GLFW/glfw3.h), left and right.
constexpr int kShift[] = {340, 344};
constexpr int kControl[] = {341, 345};
constexpr int kAlt[] = {342, 346};
constexpr int kSuper[] = {343, 347};
}  // namespace

void InputQueue::mouse_pos(float x, float y) {
  events_.push_back({Type::kMousePos, 0, false, x, y});
  activity_ = true;
}

void InputQueue::mouse_button(int button, bool down) {
  if (button < 0 || button >= static_cast<int>(buttons_.size())) return;
  events_.push_back({Type::kMouseButton, button, down, 0, 0});
  activity_ = true;
}

void InputQueue::key(int key, bool down) {
  if (key < 0 || key >= static_cast<int>(keys_.size())) return;
  events_.push_back({Type::kKey, key, down, 0, 0});
  activity_ = true;
}

void InputQueue::character(unsigned int codepoint) {
  events_.push_back({Type::kChar, static_cast<int>(codepoint), false, 0, 0});
  activity_ = true;
}

bool InputQueue::take_activity() {
  const bool seen = activity_;
  activity_ = false;
  return seen;
}

void InputQueue::apply(ImGuiIO& io) {
  bool moved = false, text = false;
  unsigned buttons_changed = 0;
  std::array<bool, 512> keys_changed{};
  bool any_key_changed = false;
  while (!events_.empty()) {
    const Event& e = events_.front();
    if (e.type == Type::kMousePos) {
      if (buttons_changed != 0) break;  // the release happens where it was pressed
      mouse_x_ = e.x;
      mouse_y_ = e.y;
      moved = true;
    } else if (e.type == Type::kMouseButton) {
      const unsigned bit = 1u << e.code;
      if ((buttons_changed & bit) != 0 || (moved && e.down)) break;
      buttons_changed |= bit;
      buttons_[static_cast<size_t>(e.code)] = e.down;
    } else if (e.type == Type::kKey) {
      const size_t k = static_cast<size_t>(e.code);
      if (keys_changed[k] || text || buttons_changed != 0) break;
      if (keys_[k] != e.down) {
        keys_changed[k] = true;
        any_key_changed = true;
        keys_[k] = e.down;
      }
    } else {
      if (any_key_changed || buttons_changed != 0 || moved) break;
      io.AddInputCharacter(static_cast<unsigned int>(e.code));
      text = true;
    }
    events_.pop_front();
  }
  io.MousePos = mouse_x_ > -1e8f ? ImVec2(mouse_x_, mouse_y_) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (size_t b = 0; b < buttons_.size(); ++b) io.MouseDown[b] = buttons_[b];
  for (size_t k = 0; k < keys_.size(); ++k) io.KeysDown[k] = keys_[k];
  auto either = [this](const int (&pair)[2]) {
    return keys_[static_cast<size_t>(pair[0])] || keys_[static_cast<size_t>(pair[1])];
  };
  io.KeyShift = either(kShift);
  io.KeyCtrl = either(kControl);
  io.KeyAlt = either(kAlt);
  io.KeySuper = either(kSuper);
}

}  // namespace convplay::app
