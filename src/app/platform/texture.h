// RGBA8 textures for images the UI draws with ImGui::Image / ImDrawList::AddImage (image
// mode, big grids). No GL types: ui/ code includes this, gl_textures.cpp implements it on
// WebGL2. Updating a texture in place keeps its ImTextureID; the renderer still redraws
// the pixels it covers (frame_damage.cpp hashes each texture's content version).
#pragma once

#include <cstdint>

#include "imgui.h"

namespace convplay::app {

// Nearest shows a zoomed image's pixels as squares (a tensor's cells); linear smooths.
enum class TextureFilter { kNearest, kLinear };

// A width×height texture (each at most 2048, WebGL2's guaranteed size). `rgba` holds its
// pixels, 4 bytes each, rows top to bottom with no padding; null leaves it transparent
// black. Returns nullptr for a size out of range. Call with the GL context current
// (i.e. from a frame).
ImTextureID create_texture(int width, int height, const uint8_t* rgba, TextureFilter filter);
// Replaces the pixels of the rectangle (x, y, width, height) of the texture by `rgba`
// (width×height pixels, rows without padding). The id stays valid and the same; false
// (nothing changed) for an unknown id or a rectangle outside the texture.
bool update_texture(ImTextureID id, int x, int y, int width, int height, const uint8_t* rgba);
void destroy_texture(ImTextureID id);

// For the renderer: a number that changes whenever the texture's pixels do (0 for textures
// not made here, such as the font atlas).
uint64_t texture_content_version(ImTextureID id);

}  // namespace convplay::app
