// Animation over output positions: play / pause / step / scrub / speed, as the
// conv_arithmetic figures animate, for any configuration.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "app/model/explain.h"
#include "app/ui/panels.h"
#include "app/model/text.h"
#include "app/ui/stable_label.h"

namespace convplay::app {

bool stamp_mode(const PanelContext& ctx) {
  return ctx.ui.animation.stamps && ctx.computer.has_result() &&
         is_transposed(ctx.computer.result().doc);
}

int animation_positions(const PanelContext& ctx) {
  if (!ctx.computer.has_result()) return 0;
  const Result& r = ctx.computer.result();
  if (stamp_mode(ctx)) return r.doc.in.h * r.doc.in.w;
  return static_cast<int>(r.output.shape[2] * r.output.shape[3]);
}

CellRef focused_stamp(const PanelContext& ctx) {
  if (!stamp_mode(ctx) || !ctx.ui.animation.active) return {};
  const Document& d = ctx.computer.result().doc;
  const int count = d.in.h * d.in.w;
  if (count == 0) return {};
  const int index = std::clamp(ctx.ui.animation.index, 0, count - 1);
  const int out_channel = std::clamp(ctx.ui.output_channel, 0, d.out_channels - 1);
  const int channel = static_cast<int>(channel_focus(d, out_channel, ctx.ui.input_channel).in_channel);
  return CellRef{true, channel, index / d.in.w, index % d.in.w};
}

CellRef focused_output(const PanelContext& ctx) {
  if (ctx.ui.hover_output.valid) return ctx.ui.hover_output;
  if (!ctx.ui.animation.active || !ctx.computer.has_result() || stamp_mode(ctx)) return {};
  const Shape& shape = ctx.computer.result().output.shape;
  const int oh = static_cast<int>(shape[2]), ow = static_cast<int>(shape[3]);
  if (oh * ow == 0) return {};
  const int index = std::clamp(ctx.ui.animation.index, 0, oh * ow - 1);
  const int channel = std::clamp(ctx.ui.output_channel, 0, static_cast<int>(shape[1]) - 1);
  return CellRef{true, channel, index / ow, index % ow};
}

void tick_animation(PanelContext& ctx, double dt_seconds, int position_count) {
  Animation& a = ctx.ui.animation;
  if (position_count <= 0) return;
  if (a.index >= position_count) a.index = 0;
  if (!a.playing) return;
  a.accumulated += dt_seconds * static_cast<double>(a.speed);
  while (a.accumulated >= 1.0) {
    a.accumulated -= 1.0;
    a.index = (a.index + 1) % position_count;
  }
}

void draw_animation_controls(PanelContext& ctx, int position_count) {
  const Text& t = text();
  Animation& a = ctx.ui.animation;
  if (position_count <= 0) return;
  ImGui::PushID("animation");
  if (ctx.computer.has_result() && is_transposed(ctx.computer.result().doc)) {
    // Two ways to step through a transposed convolution: output cell by output cell (as
    // a convolution gathers), or input pixel by input pixel (as the scatter stamps).
    if (ImGui::Checkbox(StableLabel(t.stamp_by_stamp, "stamps"), &a.stamps)) {
      a.index = 0;
      a.active = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.stamp_by_stamp_help);
    ImGui::SameLine();
  }
  // One id for both labels: the button keeps its focus when Play turns into Pause.
  if (ImGui::Button(StableLabel(a.playing ? t.pause : t.play, "play"), ImVec2(90.0f * ctx.scale, 0))) {
    a.playing = !a.playing;
    a.active = true;
  }
  note_item_region(&ctx.ui.regions, "anim_play");  // for the tests that reach it by touch
  ImGui::SameLine();
  if (ImGui::ArrowButton("back", ImGuiDir_Left)) {
    a.active = true;
    a.playing = false;
    a.index = (a.index + position_count - 1) % position_count;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.step_back);
  ImGui::SameLine();
  if (ImGui::ArrowButton("forward", ImGuiDir_Right)) {
    a.active = true;
    a.playing = false;
    a.index = (a.index + 1) % position_count;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.step_forward);
  ImGui::SameLine();
  const float rest = ImGui::GetContentRegionAvail().x;
  const bool room = rest > 330.0f * ctx.scale;
  ImGui::SetNextItemWidth(room ? rest * 0.55f : rest);
  int shown = a.index + 1;
  char format[64];
  std::snprintf(format, sizeof format, stamp_mode(ctx) ? t.stamp_position_fmt : t.position_fmt,
                shown, position_count);
  if (ImGui::SliderInt("##scrub", &shown, 1, position_count, format, ImGuiSliderFlags_AlwaysClamp)) {
    a.index = shown - 1;
    a.active = true;
    a.playing = false;
  }
  if (room) ImGui::SameLine();
  ImGui::SetNextItemWidth(room ? -1.0f : ImGui::GetContentRegionAvail().x);
  ImGui::SliderFloat("##speed", &a.speed, 0.5f, 60.0f, t.speed, ImGuiSliderFlags_Logarithmic);
  ImGui::PopID();
}

}  // namespace convplay::app
