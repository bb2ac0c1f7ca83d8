// Damage tracking for the WebGL renderer (see frame_damage.h): per-tile hashes of the
// triangles drawn, compared with the last drawn frame's, merged into a few rectangles.
#include "app/platform/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace convplay::app {

namespace {

// 16×16 pixels: a moving 3×3 highlight over 12-pixel cells dirties a few dozen tiles, and a
// window background (two triangles over a third of a 1280×720 canvas) is hashed into ~1 200.
// 32×32 redrew twice the pixels for the same animation (~1% of the canvas instead of 0.4%).
constexpr int kTile = 16;
// Each rectangle is one more pass over the draw commands that reach it.
constexpr size_t kMaxRects = 8;
// More runs than this (damage scattered all over) are not worth merging: one bounding box.
constexpr size_t kMaxRuns = 64;
// Past this share of the canvas, one full redraw is cheaper than several passes.
constexpr double kFullShare = 0.6;

uint64_t mix(uint64_t hash, uint64_t word) { return (hash ^ word) * 0x100000001b3ULL; }

// MurmurHash3's 64-bit finaliser (fmix64): every input bit reaches every output bit, so
// that mixing triangle hashes into tiles does not cancel structured differences.
uint64_t finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

uint64_t bits(float value) {
  uint32_t word = 0;
  std::memcpy(&word, &value, sizeof word);
  return word;
}

uint64_t hash_vertex(uint64_t hash, const ImDrawVert& v) {
  hash = mix(hash, bits(v.pos.x));
  hash = mix(hash, bits(v.pos.y));
  hash = mix(hash, bits(v.uv.x));
  hash = mix(hash, bits(v.uv.y));
  return mix(hash, v.col);
}

PixelRect bounding(const PixelRect& a, const PixelRect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Clamped: a float beyond int's range would trap on conversion in WebAssembly.
int floor_px(float value) { return static_cast<int>(std::floor(std::clamp(value, -1e8f, 1e8f))); }
int ceil_px(float value) { return static_cast<int>(std::ceil(std::clamp(value, -1e8f, 1e8f))); }

// The pixels a command's clip rectangle and a triangle may touch, rounded outwards.
PixelRect clip_rect_pixels(const ImDrawData& draw_data, const ImDrawCmd& cmd) {
  const ImVec2 offset = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
  return {floor_px((cmd.ClipRect.x - offset.x) * scale.x),
          floor_px((cmd.ClipRect.y - offset.y) * scale.y),
          ceil_px((cmd.ClipRect.z - offset.x) * scale.x),
          ceil_px((cmd.ClipRect.w - offset.y) * scale.y)};
}

PixelRect triangle_pixels(const ImDrawData& draw_data, const ImDrawVert& a, const ImDrawVert& b,
                          const ImDrawVert& c) {
  const ImVec2 offset = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
  const float x0 = std::min({a.pos.x, b.pos.x, c.pos.x}), x1 = std::max({a.pos.x, b.pos.x, c.pos.x});
  const float y0 = std::min({a.pos.y, b.pos.y, c.pos.y}), y1 = std::max({a.pos.y, b.pos.y, c.pos.y});
  return {floor_px((x0 - offset.x) * scale.x), floor_px((y0 - offset.y) * scale.y),
          ceil_px((x1 - offset.x) * scale.x), ceil_px((y1 - offset.y) * scale.y)};
}

}  // namespace

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

void FrameDamage::hash_tiles(const ImDrawData& draw_data, TextureVersionOf version_of) {
  std::fill(tiles_.begin(), tiles_.end(), 0);
  boxes_.clear();
  const PixelRect frame{0, 0, width_, height_};
  for (int n = 0; n < draw_data.CmdListsCount; ++n) {
    const ImDrawList* list = draw_data.CmdLists[n];
    const ImDrawIdx* indices = list->IdxBuffer.Data;
    // Most vertices belong to two triangles or more: each is hashed once.
    vertex_hashes_.resize(static_cast<size_t>(list->VtxBuffer.Size));
    for (int v = 0; v < list->VtxBuffer.Size; ++v) {
      vertex_hashes_[static_cast<size_t>(v)] = hash_vertex(0, list->VtxBuffer[v]);
    }
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      const PixelRect clip = cmd.UserCallback != nullptr
                                 ? PixelRect{}
                                 : intersect(clip_rect_pixels(draw_data, cmd), frame);
      uint64_t command_hash = mix(0xcbf29ce484222325ULL, static_cast<uint64_t>(
                                                              reinterpret_cast<intptr_t>(cmd.TextureId)));
      command_hash = mix(command_hash, version_of(cmd.TextureId));
      for (const float edge : {cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w}) {
        command_hash = mix(command_hash, bits(edge));
      }
      const ImDrawVert* vertices = list->VtxBuffer.Data + cmd.VtxOffset;
      const uint64_t* vertex_hashes = vertex_hashes_.data() + cmd.VtxOffset;
      for (unsigned int i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; i += 3) {
        const ImDrawIdx a = indices[i], b = indices[i + 1], c = indices[i + 2];
        const PixelRect box =
            intersect(triangle_pixels(draw_data, vertices[a], vertices[b], vertices[c]), clip);
        boxes_.push_back(box);
        if (box.empty()) continue;
        const uint64_t triangle = finish(
            mix(mix(mix(command_hash, vertex_hashes[a]), vertex_hashes[b]), vertex_hashes[c]));
        for (int ty = box.y0 / kTile; ty <= (box.y1 - 1) / kTile; ++ty) {
          for (int tx = box.x0 / kTile; tx <= (box.x1 - 1) / kTile; ++tx) {
            uint64_t& tile = tiles_[static_cast<size_t>(ty * columns_ + tx)];
            tile = mix(tile, triangle);  // order matters: later triangles cover earlier ones
          }
        }
      }
    }
  }
}

void FrameDamage::collect_rects() {
  // Runs of changed tiles along each row; a run that spans the same columns as a rectangle
  // ending just above it extends that rectangle.
  rects_.clear();
  for (int ty = 0; ty < rows_; ++ty) {
    for (int tx = 0; tx < columns_;) {
      const size_t at = static_cast<size_t>(ty * columns_ + tx);
      if (tiles_[at] == previous_tiles_[at]) {
        ++tx;
        continue;
      }
      const int start = tx;
      while (tx < columns_ && tiles_[static_cast<size_t>(ty * columns_ + tx)] !=
                                  previous_tiles_[static_cast<size_t>(ty * columns_ + tx)]) {
        ++tx;
      }
      const PixelRect run{start, ty, tx, ty + 1};  // in tiles for now
      auto above = std::find_if(rects_.begin(), rects_.end(), [&run](const PixelRect& r) {
        return r.x0 == run.x0 && r.x1 == run.x1 && r.y1 == run.y0;
      });
      if (above != rects_.end()) above->y1 = run.y1; else rects_.push_back(run);
    }
  }
  if (rects_.size() > kMaxRuns) {
    PixelRect all = rects_[0];
    for (const PixelRect& r : rects_) all = bounding(all, r);
    rects_.assign(1, all);
  }
  // Fewer, larger rectangles: merge the pair whose bounding box adds the least area. Boxes
  // may then overlap; a pixel in two is cleared and redrawn twice, to the same result.
  while (rects_.size() > kMaxRects) {
    size_t best_i = 0, best_j = 1;
    long long best_cost = -1;
    for (size_t i = 0; i < rects_.size(); ++i) {
      for (size_t j = i + 1; j < rects_.size(); ++j) {
        const long long cost = bounding(rects_[i], rects_[j]).area() - rects_[i].area() - rects_[j].area();
        if (best_cost < 0 || cost < best_cost) {
          best_cost = cost;
          best_i = i;
          best_j = j;
        }
      }
    }
    rects_[best_i] = bounding(rects_[best_i], rects_[best_j]);
    rects_.erase(rects_.begin() + static_cast<std::ptrdiff_t>(best_j));
  }
  // Tiles to pixels (the last row and column of tiles may stick out of the frame).
  const PixelRect frame{0, 0, width_, height_};
  long long area = 0;
  for (PixelRect& r : rects_) {
    r = intersect({r.x0 * kTile, r.y0 * kTile, r.x1 * kTile, r.y1 * kTile}, frame);
    area += r.area();
  }
  if (static_cast<double>(area) > kFullShare * static_cast<double>(frame.area())) {
    rects_.assign(1, frame);
  }
}

const std::vector<PixelRect>& FrameDamage::update(const ImDrawData& draw_data, bool everything,
                                                  TextureVersionOf version_of) {
  const int width = static_cast<int>(draw_data.DisplaySize.x * draw_data.FramebufferScale.x);
  const int height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
  if (width != width_ || height != height_) {
    // A resized canvas starts blank: everything is new.
    width_ = width;
    height_ = height;
    columns_ = (width + kTile - 1) / kTile;
    rows_ = (height + kTile - 1) / kTile;
    tiles_.assign(static_cast<size_t>(columns_ * rows_), 0);
    everything = true;
  }
  tiles_.swap(previous_tiles_);
  tiles_.resize(previous_tiles_.size());
  hash_tiles(draw_data, version_of);
  if (everything) {
    rects_.assign(1, PixelRect{0, 0, width_, height_});
  } else {
    collect_rects();
  }
  return rects_;
}

}  // namespace convplay::app
