// Which pixels of the canvas a frame changes, from ImGui's draw data alone. With software
// WebGL (SwiftShader) every pixel drawn costs CPU time in the GPU process, and an animation
// step changes a few cells of a 1280×720 UI: gl_renderer.cpp redraws only what changed and
// the canvas keeps the rest (its WebGL context preserves the drawing buffer).
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

namespace convplay::app {

// A rectangle of framebuffer pixels, y down, [x0, x1) × [y0, y1).
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long long area() const { return empty() ? 0 : static_cast<long long>(x1 - x0) * (y1 - y0); }
};
PixelRect intersect(const PixelRect& a, const PixelRect& b);

// A number that changes whenever a texture's pixels do (texture.h): an image updated in
// place keeps its ImTextureID, so the id alone does not say its pixels changed.
using TextureVersionOf = uint64_t (*)(ImTextureID id);

// Cuts the framebuffer into tiles and hashes, per tile, every triangle that may touch it in
// drawing order (its vertices, clip rectangle, texture and the texture's content version).
// A tile whose hash differs from the last drawn frame's has changed; two frames that draw
// the same triangles in the same order with the same texture contents into a tile give it
// the same pixels.
class FrameDamage {
 public:
  // The rectangles to redraw for `draw_data` (a few; empty when nothing changed), then
  // remembers this frame as the one on the canvas. `everything` forces the whole canvas
  // (e.g. the font texture changed); so does a new framebuffer size.
  const std::vector<PixelRect>& update(const ImDrawData& draw_data, bool everything,
                                       TextureVersionOf version_of);
  // After update(): the pixels each triangle of the frame may touch, within its clip
  // rectangle and the frame (empty if none), in drawing order: every list, every command,
  // every third index.
  const std::vector<PixelRect>& triangle_boxes() const { return boxes_; }

 private:
  void hash_tiles(const ImDrawData& draw_data, TextureVersionOf version_of);
  void collect_rects();

  int columns_ = 0, rows_ = 0, width_ = 0, height_ = 0;
  std::vector<uint64_t> tiles_, previous_tiles_;
  std::vector<PixelRect> rects_;
  std::vector<PixelRect> boxes_;
  std::vector<uint64_t> vertex_hashes_;  // of the draw list being hashed
};

}  // namespace convplay::app
