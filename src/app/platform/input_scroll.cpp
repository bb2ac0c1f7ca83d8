// Wheel, drag and swipe scrolling of ImGui windows (see input_scroll.h). Uses ImGui's
// internals (the window list, a window's scroll limits), which its public API lacks.
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic, from imgui_internal.h
#include "app/platform/input_scroll.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"

namespace convplay::app {

namespace {

// Between frames a window's Active says whether it was drawn; once a new frame has
// begun, Active is being rebuilt and WasActive holds the last frame's.
bool shown(const ImGuiWindow* w) {
  return !w->Hidden && (w->Active || (GImGui->WithinFrameScope && w->WasActive));
}

// The topmost window under `pos`, as ImGui's own hover test finds it.
ImGuiWindow* window_at(ImVec2 pos) {
  ImGuiContext& g = *GImGui;
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (!shown(w) || (w->Flags & ImGuiWindowFlags_NoMouseInputs) != 0) continue;
    if (w->OuterRectClipped.Contains(pos)) return w;
  }
  return nullptr;
}

bool scrolls_with_pointer(const ImGuiWindow* w) {
  return (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoInputs)) == 0;
}

// Whether `w`, already asked to scroll by `pending`, can scroll further by `delta`.
bool can_scroll(const ImGuiWindow* w, ImVec2 delta, ImVec2 pending) {
  auto axis = [](float scroll, float max, float d) {
    if (d > 0) return scroll < max - 0.5f;
    if (d < 0) return scroll > 0.5f;
    return false;
  };
  return axis(w->Scroll.x + pending.x, w->ScrollMax.x, delta.x) ||
         axis(w->Scroll.y + pending.y, w->ScrollMax.y, delta.y);
}

// `w` or the nearest window around it (a child's parents) that scrolls at all.
ImGuiWindow* scrollable(ImGuiWindow* w) {
  for (; w != nullptr; w = w->ParentWindow) {
    if (scrolls_with_pointer(w) && (w->ScrollMax.x > 0 || w->ScrollMax.y > 0)) return w;
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) == 0) break;
  }
  return nullptr;
}

// Scrolls `w` by `delta` pixels, within its limits; false when it is already there.
bool scroll_by(ImGuiWindow* w, ImVec2 delta) {
  const ImVec2 target(std::clamp(w->Scroll.x + delta.x, 0.0f, w->ScrollMax.x),
                      std::clamp(w->Scroll.y + delta.y, 0.0f, w->ScrollMax.y));
  if (target.x == w->Scroll.x && target.y == w->Scroll.y) return false;
  if (target.x != w->Scroll.x) ImGui::SetScrollX(w, target.x);
  if (target.y != w->Scroll.y) ImGui::SetScrollY(w, target.y);
  return true;
}

}  // namespace

bool ScrollInput::wheel(ImVec2 pos, ImVec2 delta) {
  if (GImGui == nullptr) return false;
  for (ImGuiWindow* w = window_at(pos); w != nullptr; w = w->ParentWindow) {
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [w](const Pending& p) { return p.window == w->ID; });
    const ImVec2 already = it != pending_.end() ? it->delta : ImVec2(0, 0);
    if (scrolls_with_pointer(w) && can_scroll(w, delta, already)) {
      if (it == pending_.end()) {
        pending_.push_back({w->ID, delta});
      } else {
        it->delta = it->delta + delta;
      }
      momentum_ = {};  // a wheel stops a swipe's glide, as on a page
      return true;
    }
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) == 0) break;
  }
  return false;
}

void ScrollInput::begin_frame(float dt) {
  for (const Pending& p : pending_) {
    if (ImGuiWindow* w = ImGui::FindWindowByID(p.window)) scroll_by(w, p.delta);
  }
  pending_.clear();
  if (momentum_.window == 0) return;
  ImGuiWindow* w = ImGui::FindWindowByID(momentum_.window);
  const float speed = std::hypot(momentum_.velocity.x, momentum_.velocity.y);
  if (w == nullptr || speed < 20.0f || !scroll_by(w, momentum_.velocity * dt)) {
    momentum_ = {};
    return;
  }
  // Exponential decay with a time constant of ~325 ms, as touch screens glide.
  momentum_.velocity = momentum_.velocity * std::exp(-dt / 0.325f);
}

bool ScrollInput::end_frame(bool painting, float drag_threshold) {
  ImGuiContext& g = *GImGui;
  const ImGuiIO& io = g.IO;
  if (io.MouseClicked[0]) {
    momentum_ = {};
    drag_ = {};
    if (ImGuiWindow* w = scrollable(g.HoveredWindow)) drag_.window = w->ID;
  }
  if (drag_.window == 0) return false;
  ImGuiWindow* w = ImGui::FindWindowByID(drag_.window);
  if (w == nullptr) {
    drag_ = {};
    return false;
  }
  if (io.MouseDown[0] && !drag_.scrolling) {
    // What the press started decides, before the drag is long enough to be one.
    const bool on_scrollbar = g.ActiveId != 0 &&
                              (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
                               g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y));
    const bool on_text = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
    drag_.blocked |= painting || on_scrollbar || on_text ||
                     (g.ActiveId != 0 && g.ActiveIdHasBeenEditedBefore);
    if (!drag_.blocked && ImGui::IsMouseDragging(ImGuiMouseButton_Left, drag_threshold)) {
      drag_.scrolling = true;
      // The pressed button or grid lets go: a drag that scrolls is not a click.
      if (g.ActiveId != 0) ImGui::ClearActiveID();
    }
  }
  if (drag_.scrolling) {
    // The content follows the pointer (up to where it let go).
    const ImVec2 step(-io.MouseDelta.x, -io.MouseDelta.y);
    scroll_by(w, step);
    const double now = ImGui::GetTime();
    drag_.samples.push_back({now, io.DeltaTime, step});
    // The last 100 ms make the release velocity; at least three frames when they are slow.
    while (drag_.samples.size() > 3 && drag_.samples.front().time < now - 0.1) {
      drag_.samples.erase(drag_.samples.begin());
    }
  }
  if (io.MouseDown[0]) return false;
  const bool swiped = drag_.scrolling && touch_;
  if (swiped && drag_.samples.size() >= 2) {
    // The distance over the time it took; a pause before letting go (a long last frame,
    // as nothing moved) leaves little to glide.
    ImVec2 total(0, 0);
    float span = 0;
    for (const Sample& sample : drag_.samples) {
      total = total + sample.delta;
      span += sample.duration;
    }
    if (span > 0) momentum_ = {drag_.window, total * (1.0f / span)};
  }
  drag_ = {};
  return swiped;
}

bool ScrollInput::anything_scrollable() const {
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (shown(w) && scrolls_with_pointer(w) && (w->ScrollMax.x > 0 || w->ScrollMax.y > 0)) return true;
  }
  return false;
}

std::string ScrollInput::json(bool at_point, ImVec2 pos, float scale) const {
  if (GImGui == nullptr) return "null";
  auto describe = [scale](const ImGuiWindow* w) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer,
                  "{\"name\":\"%.200s\",\"x\":%.2f,\"y\":%.2f,\"maxX\":%.2f,\"maxY\":%.2f}",
                  w->Name, static_cast<double>(w->Scroll.x / scale),
                  static_cast<double>(w->Scroll.y / scale),
                  static_cast<double>(w->ScrollMax.x / scale),
                  static_cast<double>(w->ScrollMax.y / scale));
    return std::string(buffer);
  };
  if (at_point) {
    const ImGuiWindow* w = scrollable(window_at(pos));
    return w != nullptr ? describe(w) : "null";
  }
  std::string list = "[";
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (!shown(w) || !scrolls_with_pointer(w) || (w->ScrollMax.x <= 0 && w->ScrollMax.y <= 0)) {
      continue;
    }
    list += (list.size() > 1 ? "," : "") + describe(w);
  }
  return list + "]";
}

}  // namespace convplay::app
