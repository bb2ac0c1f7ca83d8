// WebGL2 renderer for ImGui draw data (see gl_renderer.h for why it exists). One program,
// one vertex array, one vertex and one index buffer that only grow. Per frame it redraws
// only the rectangles that changed (frame_damage.h): the vertices are copied in with
// glBufferSubData, and the indices of the triangles that reach those rectangles.
#include "app/platform/gl_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <vector>

#include "app/platform/frame_damage.h"
#include "app/platform/texture.h"
#include "imgui.h"

namespace convplay::app {

namespace {

// Attribute locations are fixed in the shader: no glGetAttribLocation.
constexpr GLuint kPosition = 0, kUV = 1, kColor = 2;

// Most of what ImGui draws is solid colour (its UVs point at the atlas's white pixel); only
// glyphs need the texture. SwiftShader pays for every texture fetch, so solid triangles skip
// it (same result: the white pixel is 1.0 in every channel). The test is per triangle (flat).
const char* const kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
uniform vec4 u_transform;  // xy: scale to clip space, zw: offset
uniform vec2 u_white_uv;
out vec2 v_uv;
out vec4 v_color;
flat out float v_textured;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  v_textured = a_uv == u_white_uv ? 0.0 : 1.0;
  gl_Position = vec4(a_position * u_transform.xy + u_transform.zw, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
flat in float v_textured;
out vec4 o_color;
void main() {
  if (v_textured > 0.5) {
    o_color = v_color * texture(u_texture, v_uv);
  } else {
    o_color = v_color;
  }
}
)";

// One glDrawElements, or a glClear of the scissor box when count is 0.
struct Draw {
  GLint scissor[4] = {};  // x, y (bottom-left origin), width, height
  GLuint texture = 0;
  size_t first_index = 0;
  GLsizei count = 0;
};

struct Renderer {
  GLuint program = 0;
  GLint transform_location = -1;
  GLint white_uv_location = -1;
  GLuint vertex_array = 0;
  GLuint vertex_buffer = 0, index_buffer = 0;
  GLsizeiptr vertex_capacity = 0, index_capacity = 0;  // bytes
  GLuint font_texture = 0;
  bool located = false, linked = false;  // see program_ready()
  FrameDamage damage;
  bool redraw_all = true;  // set when the pixels of unchanged triangles change (font texture)
  float clear_color[4] = {-1, -1, -1, -1};  // of the pixels on the canvas
  // This frame's triangles, as 32-bit indices into all of its vertices (every list's base
  // and VtxOffset added): the attributes never move, and draws of equal state merge.
  std::vector<uint32_t> indices;
  std::vector<Draw> draws;
};
Renderer g_renderer;

GLuint compile(GLenum type, const char* source) {
  const GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// Any query about a program waits for the GPU process to compile and link it, and at
// start-up that process is still busy creating the WebGL context (hundreds of ms with
// SwiftShader). So nothing is asked at init: the first draw, after the fonts are built and
// the first UI frame is laid out, reads the link status and the uniform locations.
bool program_ready() {
  Renderer& r = g_renderer;
  if (r.located) return r.linked;
  r.located = true;
  GLint linked = GL_FALSE;
  glGetProgramiv(r.program, GL_LINK_STATUS, &linked);
  r.linked = linked == GL_TRUE;
  if (!r.linked) {
    char log[512] = {};
    glGetProgramInfoLog(r.program, sizeof log, nullptr, log);
    std::fprintf(stderr, "convplay: the UI shader program does not link: %s\n", log);
    return false;
  }
  r.transform_location = glGetUniformLocation(r.program, "u_transform");
  r.white_uv_location = glGetUniformLocation(r.program, "u_white_uv");
  return true;  // u_texture stays on unit 0, its default
}

// The vertex layout; the vertex array keeps it.
void point_attributes() {
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUV, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
}

// Grows a buffer bound to `target` to hold `bytes` (capacity doubles, so it settles).
void reserve(GLenum target, GLsizeiptr bytes, GLsizeiptr* capacity) {
  if (bytes <= *capacity) return;
  GLsizeiptr next = *capacity > 0 ? *capacity : 64 * 1024;
  while (next < bytes) next *= 2;
  glBufferData(target, next, nullptr, GL_DYNAMIC_DRAW);
  *capacity = next;
}

// The state every frame draws with. Set each frame (a handful of calls that do not wait
// for the GPU) rather than assumed.
void set_render_state(const ImDrawData* draw_data) {
  const Renderer& r = g_renderer;
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(r.program);
  // Display rectangle (DisplayPos, DisplaySize) -> clip space, y down.
  const float sx = 2.0f / draw_data->DisplaySize.x;
  const float sy = -2.0f / draw_data->DisplaySize.y;
  glUniform4f(r.transform_location, sx, sy, -1.0f - draw_data->DisplayPos.x * sx,
              1.0f - draw_data->DisplayPos.y * sy);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  glUniform2f(r.white_uv_location, white.x, white.y);
  glBindVertexArray(r.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
  glActiveTexture(GL_TEXTURE0);
}

// The GL scissor box (origin bottom-left) of a clip rectangle, truncated as ImGui's own
// backends do, within the damaged rectangle `within` (y down).
bool scissor_box(const ImDrawData& draw_data, const ImDrawCmd& cmd, const PixelRect& within,
                 GLint box[4]) {
  const ImVec2 offset = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
  const float fb_height = draw_data.DisplaySize.y * scale.y;
  const float x0 = (cmd.ClipRect.x - offset.x) * scale.x, y0 = (cmd.ClipRect.y - offset.y) * scale.y;
  const float x1 = (cmd.ClipRect.z - offset.x) * scale.x, y1 = (cmd.ClipRect.w - offset.y) * scale.y;
  if (x1 <= x0 || y1 <= y0) return false;
  const GLint left = static_cast<GLint>(x0), bottom = static_cast<GLint>(fb_height - y1);
  const GLint right = left + static_cast<GLint>(x1 - x0), top = bottom + static_cast<GLint>(y1 - y0);
  const GLint fb = static_cast<GLint>(fb_height);
  box[0] = std::max(left, within.x0);
  box[1] = std::max(bottom, fb - within.y1);
  box[2] = std::min(right, within.x1) - box[0];
  box[3] = std::min(top, fb - within.y0) - box[1];
  return box[2] > 0 && box[3] > 0;
}

// Lists, per damaged rectangle, a clear and the draws that reach it: each command's
// triangles that may touch the rectangle, scissored to it. Only those triangles go to the
// GPU, so SwiftShader neither shades nor even transforms the rest of the UI.
void plan_draws(const ImDrawData& draw_data, const std::vector<PixelRect>& rects) {
  Renderer& r = g_renderer;
  r.indices.clear();
  r.draws.clear();
  const int frame_height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
  for (const PixelRect& rect : rects) {
    // A draw of no triangles clears its scissor box to the background.
    r.draws.push_back(Draw{{rect.x0, frame_height - rect.y1, rect.x1 - rect.x0, rect.y1 - rect.y0}});
    uint32_t first_vertex = 0;
    const PixelRect* box = r.damage.triangle_boxes().data();  // walked in the same order
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
      const ImDrawList* list = draw_data.CmdLists[n];
      const ImDrawIdx* indices = list->IdxBuffer.Data;
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        const PixelRect* boxes = box;
        box += cmd.ElemCount / 3;
        Draw draw{};
        // The app adds no draw callbacks (ImGui itself never does).
        if (cmd.UserCallback != nullptr || !scissor_box(draw_data, cmd, rect, draw.scissor)) continue;
        const uint32_t base = first_vertex + cmd.VtxOffset;
        draw.first_index = r.indices.size();
        for (unsigned int i = 0; i < cmd.ElemCount; i += 3) {
          if (intersect(boxes[i / 3], rect).empty()) continue;
          const ImDrawIdx* triangle = indices + cmd.IdxOffset + i;
          for (int k = 0; k < 3; ++k) r.indices.push_back(base + triangle[k]);
        }
        draw.count = static_cast<GLsizei>(r.indices.size() - draw.first_index);
        if (draw.count == 0) continue;
        draw.texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.TextureId));
        Draw& last = r.draws.back();
        if (last.count > 0 && last.texture == draw.texture &&
            std::equal(draw.scissor, draw.scissor + 4, last.scissor)) {
          last.count += draw.count;  // its indices come right before these
        } else {
          r.draws.push_back(draw);
        }
      }
      first_vertex += static_cast<uint32_t>(list->VtxBuffer.Size);
    }
  }
}

}  // namespace

bool gl_renderer_init() {
  Renderer& r = g_renderer;
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  r.program = glCreateProgram();
  glAttachShader(r.program, vs);
  glAttachShader(r.program, fs);
  glLinkProgram(r.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  // The vertex array keeps the element buffer binding and the enabled attributes.
  glGenVertexArrays(1, &r.vertex_array);
  glGenBuffers(1, &r.vertex_buffer);
  glGenBuffers(1, &r.index_buffer);
  glBindVertexArray(r.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.index_buffer);
  glEnableVertexAttribArray(kPosition);
  glEnableVertexAttribArray(kUV);
  glEnableVertexAttribArray(kColor);
  point_attributes();

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "convplay_webgl2";
  // Draw lists over 64K vertices use ImDrawCmd::VtxOffset with 16-bit indices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  // The font texture comes with the first gl_renderer_upload_fonts(), once the theme has
  // built the real fonts (uploading ImGui's default atlas first would be wasted).
  return true;
}

void gl_renderer_upload_fonts() {
  Renderer& r = g_renderer;
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (r.font_texture == 0) glGenTextures(1, &r.font_texture);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r.font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
  // The CPU copy is not needed any more (it is rebuilt when the fonts are).
  io.Fonts->ClearTexData();
  r.redraw_all = true;  // same texture name, new glyphs
}

long long gl_renderer_draw(const ImDrawData* draw_data, const float clear_color[4]) {
  const ImVec2 scale = draw_data->FramebufferScale;
  if (draw_data->DisplaySize.x * scale.x <= 0 || draw_data->DisplaySize.y * scale.y <= 0) return 0;
  Renderer& r = g_renderer;
  if (!program_ready()) return 0;
  // A new clear colour (a theme switch) changes pixels no triangle covers.
  if (std::memcmp(clear_color, r.clear_color, sizeof r.clear_color) != 0) {
    std::memcpy(r.clear_color, clear_color, sizeof r.clear_color);
    r.redraw_all = true;
  }
  const std::vector<PixelRect>& rects =
      r.damage.update(*draw_data, r.redraw_all, texture_content_version);
  r.redraw_all = false;
  if (rects.empty()) return 0;  // nothing changed: the canvas keeps its pixels
  plan_draws(*draw_data, rects);
  set_render_state(draw_data);

  // All vertices (the draws index into them); the indices of the triangles drawn.
  reserve(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(draw_data->TotalVtxCount) * sizeof(ImDrawVert),
          &r.vertex_capacity);
  size_t first_vertex = 0;
  for (int n = 0; n < draw_data->CmdListsCount; ++n) {
    const ImDrawList* list = draw_data->CmdLists[n];
    glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first_vertex * sizeof(ImDrawVert)),
                    static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                    list->VtxBuffer.Data);
    first_vertex += static_cast<size_t>(list->VtxBuffer.Size);
  }
  const GLsizeiptr index_bytes = static_cast<GLsizeiptr>(r.indices.size() * sizeof(uint32_t));
  reserve(GL_ELEMENT_ARRAY_BUFFER, index_bytes, &r.index_capacity);
  if (index_bytes > 0) glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, index_bytes, r.indices.data());

  glClearColor(clear_color[0], clear_color[1], clear_color[2], clear_color[3]);
  GLuint bound_texture = 0;
  for (const Draw& draw : r.draws) {
    glScissor(draw.scissor[0], draw.scissor[1], draw.scissor[2], draw.scissor[3]);
    if (draw.count == 0) {
      glClear(GL_COLOR_BUFFER_BIT);
      continue;
    }
    if (draw.texture != bound_texture) {
      glBindTexture(GL_TEXTURE_2D, draw.texture);
      bound_texture = draw.texture;
    }
    glDrawElements(GL_TRIANGLES, draw.count, GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(draw.first_index * sizeof(uint32_t)));
  }
  long long pixels = 0;
  for (const PixelRect& rect : rects) pixels += rect.area();
  return pixels;
}

void gl_renderer_shutdown() {
  Renderer& r = g_renderer;
  if (r.font_texture != 0) glDeleteTextures(1, &r.font_texture);
  if (r.vertex_buffer != 0) glDeleteBuffers(1, &r.vertex_buffer);
  if (r.index_buffer != 0) glDeleteBuffers(1, &r.index_buffer);
  if (r.vertex_array != 0) glDeleteVertexArrays(1, &r.vertex_array);
  if (r.program != 0) glDeleteProgram(r.program);
  r = Renderer{};
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

}  // namespace convplay::app
