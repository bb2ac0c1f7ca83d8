// A test hook for texture.h (tests/e2e/texture.test.js), not part of window.convplay:
// Module._convplay_texture_probe(mode, rgba) shows a 64×64 texture, 2× zoomed, at
// kProbeX, kProbeY (framebuffer pixels) over the UI, and rewrites it in place:
//   mode 1: fill all of it with `rgba` (0xRRGGBBAA), mode 2: fill its top-left 32×32 texels,
//   mode 0: destroy it. Returns the texture's id (0 after mode 0).
// The next frame shows it: call window.convplay.setState({}) to have one drawn.
#include <emscripten.h>

#include <cstdint>
#include <vector>

#include "app/platform/texture.h"
#include "imgui.h"
#include "imgui_internal.h"  // context hooks: the probe draws without a call in App::frame()

namespace {

constexpr int kProbeTexels = 64;
constexpr float kProbeX = 40, kProbeY = 160, kProbeZoom = 2;

ImTextureID g_probe = nullptr;
bool g_hooked = false;

void draw_probe(ImGuiContext*, ImGuiContextHook*) {
  if (g_probe == nullptr) return;
  const float side = kProbeTexels * kProbeZoom;
  ImGui::GetForegroundDrawList()->AddImage(g_probe, ImVec2(kProbeX, kProbeY),
                                           ImVec2(kProbeX + side, kProbeY + side));
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE intptr_t convplay_texture_probe(int mode, uint32_t rgba) {
  using namespace convplay::app;
  if (!g_hooked) {
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_NewFramePost;
    hook.Callback = draw_probe;
    ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);
    g_hooked = true;
  }
  if (mode == 0) {
    destroy_texture(g_probe);
    g_probe = nullptr;
    return 0;
  }
  const int side = mode == 2 ? kProbeTexels / 2 : kProbeTexels;
  const uint8_t pixel[4] = {static_cast<uint8_t>(rgba >> 24), static_cast<uint8_t>(rgba >> 16),
                            static_cast<uint8_t>(rgba >> 8), static_cast<uint8_t>(rgba)};
  std::vector<uint8_t> pixels(static_cast<size_t>(side * side) * 4);
  for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = pixel[i % 4];
  if (g_probe == nullptr) {
    g_probe = create_texture(kProbeTexels, kProbeTexels, nullptr, TextureFilter::kNearest);
  }
  update_texture(g_probe, 0, 0, side, side, pixels.data());
  return reinterpret_cast<intptr_t>(g_probe);
}
