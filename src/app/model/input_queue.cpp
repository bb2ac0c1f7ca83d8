// Trickling queued input out one frame at a time (see input_queue.h).
#include "app/model/input_queue.h"

#include <cstddef>

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

void InputQueue::pointer_left() {
  events_.push_back({Type::kPointerLeft, 0, false, 0, 0});
  activity_ = true;
}

void InputQueue::mouse_button(int button, bool down) {
  if (button < 0 || button >= static_cast<int>(state_.buttons.size())) return;
  events_.push_back({Type::kMouseButton, button, down, 0, 0});
  activity_ = true;
}

void InputQueue::key(int key, bool down) {
  if (key < 0 || key >= static_cast<int>(state_.keys.size())) return;
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

InputFrame InputQueue::next_frame() {
  bool moved = false, text = false;
  unsigned buttons_changed = 0;
  std::array<bool, 512> keys_changed{};
  bool any_key_changed = false;
  state_.characters.clear();
  while (!events_.empty()) {
    const Event& e = events_.front();
    if (e.type == Type::kMousePos || e.type == Type::kPointerLeft) {
      if (buttons_changed != 0) break;  // the release happens where it was pressed
      state_.mouse_valid = e.type == Type::kMousePos;
      state_.mouse_x = e.x;
      state_.mouse_y = e.y;
      moved = true;
    } else if (e.type == Type::kMouseButton) {
      const unsigned bit = 1u << e.code;
      if ((buttons_changed & bit) != 0 || moved) break;
      buttons_changed |= bit;
      state_.buttons[static_cast<std::size_t>(e.code)] = e.down;
    } else if (e.type == Type::kKey) {
      const std::size_t k = static_cast<std::size_t>(e.code);
      if (keys_changed[k] || text || buttons_changed != 0) break;
      if (state_.keys[k] != e.down) {
        keys_changed[k] = true;
        any_key_changed = true;
        state_.keys[k] = e.down;
      }
    } else {
      if (any_key_changed || buttons_changed != 0 || moved) break;
      state_.characters.push_back(static_cast<unsigned int>(e.code));
      text = true;
    }
    events_.pop_front();
  }
  auto either = [this](const int (&pair)[2]) {
    return state_.keys[static_cast<std::size_t>(pair[0])] || state_.keys[static_cast<std::size_t>(pair[1])];
  };
  state_.shift = either(kShift);
  state_.ctrl = either(kControl);
  state_.alt = either(kAlt);
  state_.super = either(kSuper);
  return state_;
}

}  // namespace convplay::app
