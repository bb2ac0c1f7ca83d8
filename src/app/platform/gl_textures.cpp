// texture.h on WebGL2: immutable-format textures (glTexStorage2D) written with
// glTexSubImage2D, which never waits for the GPU, and a content version per texture.
#include "app/platform/texture.h"

#include <GLES3/gl3.h>

#include <cstdint>
#include <unordered_map>

namespace convplay::app {

namespace {

constexpr int kMaxSize = 2048;

struct TextureInfo {
  int width = 0, height = 0;
  uint64_t version = 0;
};

// By GL texture name. Versions come from one counter, so a texture deleted and a new one
// given the same name by GL never look unchanged.
std::unordered_map<GLuint, TextureInfo> g_textures;
uint64_t g_next_version = 1;

GLuint gl_name(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<intptr_t>(id)); }
ImTextureID texture_id(GLuint name) {
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(name));
}

}  // namespace

ImTextureID create_texture(int width, int height, const uint8_t* rgba, TextureFilter filter) {
  if (width <= 0 || height <= 0 || width > kMaxSize || height > kMaxSize) return nullptr;
  GLuint name = 0;
  glGenTextures(1, &name);
  glBindTexture(GL_TEXTURE_2D, name);
  const GLint sampling = filter == TextureFilter::kNearest ? GL_NEAREST : GL_LINEAR;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, sampling);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, sampling);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // WebGL initialises the storage to zeros (transparent black).
  glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, width, height);
  if (rgba != nullptr) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  }
  g_textures[name] = TextureInfo{width, height, g_next_version++};
  return texture_id(name);
}

bool update_texture(ImTextureID id, int x, int y, int width, int height, const uint8_t* rgba) {
  const auto it = g_textures.find(gl_name(id));
  if (it == g_textures.end() || rgba == nullptr) return false;
  TextureInfo& info = it->second;
  if (x < 0 || y < 0 || width <= 0 || height <= 0 || x > info.width - width ||
      y > info.height - height) {
    return false;
  }
  // Rows are 4-byte pixels, so the default unpack alignment (4) packs them without gaps.
  glBindTexture(GL_TEXTURE_2D, it->first);
  glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  info.version = g_next_version++;
  return true;
}

void destroy_texture(ImTextureID id) {
  const auto it = g_textures.find(gl_name(id));
  if (it == g_textures.end()) return;
  glDeleteTextures(1, &it->first);
  g_textures.erase(it);
}

uint64_t texture_content_version(ImTextureID id) {
  const auto it = g_textures.find(gl_name(id));
  return it == g_textures.end() ? 0 : it->second.version;
}

}  // namespace convplay::app
