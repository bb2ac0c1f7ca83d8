// The App's input plumbing: GLFW's events into the queue, the wheel the shell hands over,
// and the value editor's text field in the page (web/app/shell.js).
#define GLFW_INCLUDE_NONE  // callbacks only, no GL
#include <GLFW/glfw3.h>

#include <cfloat>
#include <cstdio>

#include "app/model/ranges.h"
#include "app/model/text.h"
#include "app/model/value_text.h"
#include "app/platform/app.h"
#include "app/platform/input_page.h"
#include "imgui.h"
#include "app/ui/tensor_grid.h"

namespace convplay::app {

// GLFW's events go into the queue, which ImGui reads a frame at a time (input_queue.h).
// The wheel is not among them: the shell hands it over in pixels (App::wheel).
void App::install_input_callbacks() {
  glfwSetWindowUserPointer(window_, this);
  static constexpr auto app = [](GLFWwindow* window) {
    return static_cast<App*>(glfwGetWindowUserPointer(window));
  };
  glfwSetCursorPosCallback(window_, [](GLFWwindow* window, double x, double y) {
    app(window)->input_.mouse_pos(static_cast<float>(x), static_cast<float>(y));
  });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* window, int entered) {
    if (entered == 0) app(window)->input_.pointer_left();
  });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* window, int button, int action, int) {
    app(window)->input_.mouse_button(button, action != GLFW_RELEASE);
  });
  glfwSetKeyCallback(window_, [](GLFWwindow* window, int key, int, int action, int) {
    app(window)->input_.key(key, action != GLFW_RELEASE);
  });
  glfwSetCharCallback(window_, [](GLFWwindow* window, unsigned int codepoint) {
    app(window)->input_.character(codepoint);
  });
}

void App::feed_imgui_input() {
  const InputFrame in = input_.next_frame();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = in.mouse_valid ? ImVec2(in.mouse_x, in.mouse_y) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (size_t b = 0; b < in.buttons.size(); ++b) io.MouseDown[b] = in.buttons[b];
  for (size_t k = 0; k < in.keys.size(); ++k) io.KeysDown[k] = in.keys[k];
  io.KeyShift = in.shift;
  io.KeyCtrl = in.ctrl;
  io.KeyAlt = in.alt;
  io.KeySuper = in.super;
  for (unsigned int c : in.characters) io.AddInputCharacter(c);
  // The UI works in device pixels: a finger's double tap and a drag's start are judged
  // in CSS pixels, as the page would.
  io.MouseDoubleClickMaxDist = 10.0f * scale_;
  io.MouseDragThreshold = 6.0f * scale_;
}

bool App::wheel(double x, double y, double dx, double dy) {
  const float s = scale_ > 0 ? scale_ : 1.0f;
  return scroll_.wheel(ImVec2(static_cast<float>(x) * s, static_cast<float>(y) * s),
                       ImVec2(static_cast<float>(dx) * s, static_cast<float>(dy) * s));
}

std::string App::scroll_json(bool at_point, double x, double y) const {
  const float s = scale_ > 0 ? scale_ : 1.0f;
  return scroll_.json(at_point, ImVec2(static_cast<float>(x) * s, static_cast<float>(y) * s), s);
}

std::string App::submit_value_text(const std::string& typed) {
  if (!ui_.edit_popup_open) return "";
  const Text& t = text();
  const ValueText parsed = parse_cell_value(typed);
  std::vector<float>& values = tensor_values(&doc_, ui_.edit_kind);
  const size_t index = static_cast<size_t>(ui_.edit_index);
  idle_frames_ = 0;
  if (parsed.status != ValueTextStatus::kOk || index >= values.size()) {
    char message[160];
    std::snprintf(message, sizeof message, "%s",
                  parsed.status == ValueTextStatus::kEmpty ? t.edit_value_empty
                                                           : t.edit_value_not_number);
    if (parsed.status == ValueTextStatus::kOutOfRange) {
      std::snprintf(message, sizeof message, t.edit_value_range_fmt,
                    static_cast<double>(kValueLimit), static_cast<double>(kValueLimit));
    }
    ui_.edit_error = message;
    return ui_.edit_error;
  }
  values[index] = parsed.value;
  switch (ui_.edit_kind) {
    case TensorKind::kInput: doc_.input_edited = true; break;
    case TensorKind::kWeight: doc_.weight_edited = true; break;
    case TensorKind::kBias: doc_.bias_edited = true; break;
  }
  cancel_value_edit();
  return "";
}

void App::cancel_value_edit() {
  ui_.edit_popup_open = false;  // the popup closes itself in the next frame
  ui_.edit_error.clear();
  idle_frames_ = 0;
}

// The page's text input follows the editor's field: shown over it while the editor is
// open, with the cell's value when it opens; hidden when it closes. The page also learns
// whether anything can scroll (an embed then leaves swipes to the page).
void App::sync_page_input() {
  const int scrollable = scroll_.anything_scrollable() ? 1 : 0;
  if (scrollable != told_scrollable_) {
    told_scrollable_ = scrollable;
    set_app_scrollable(scrollable != 0);
  }
  const ImVec4 field = ui_.edit_popup_open ? ui_.edit_field : ImVec4(0, 0, 0, 0);
  const ImVec4& shown = shown_value_field_;
  if (field.x == shown.x && field.y == shown.y && field.z == shown.z && field.w == shown.w) return;
  const bool opening = shown.z == 0;
  shown_value_field_ = field;
  if (field.z == 0) {
    hide_value_field();
    return;
  }
  const float s = scale_ > 0 ? scale_ : 1.0f;
  show_value_field(field.x / s, field.y / s, field.z / s, field.w / s,
                   opening ? format_value(ui_.edit_value).c_str() : nullptr);
}

}  // namespace convplay::app
