// WebGL2 renderer for ImGui draw data (see gl_renderer.h for why it exists). One program,
// one vertex array, one vertex and one index buffer that only grow: per frame the draw
// lists are copied in with glBufferSubData and drawn with one glDrawElements per command.
#include "gl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdio>
#include <cstdint>

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

struct Renderer {
  GLuint program = 0;
  GLint transform_location = -1;
  GLint white_uv_location = -1;
  GLuint vertex_array = 0;
  GLuint vertex_buffer = 0, index_buffer = 0;
  GLsizeiptr vertex_capacity = 0, index_capacity = 0;  // bytes
  GLuint font_texture = 0;
  bool located = false, linked = false;  // see program_ready()
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

// Points the attributes at the vertices starting at `first_vertex` in the vertex buffer.
// WebGL2 has no glDrawElementsBaseVertex: a draw list's vertices are found this way.
void point_attributes(size_t first_vertex) {
  const size_t base = first_vertex * sizeof(ImDrawVert);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(base + offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUV, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(base + offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<const void*>(base + offsetof(ImDrawVert, col)));
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
// for the GPU) rather than assumed, and after a draw callback asks for a reset.
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
  point_attributes(0);

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
}

void gl_renderer_draw(const ImDrawData* draw_data) {
  const ImVec2 clip_offset = draw_data->DisplayPos;
  const ImVec2 clip_scale = draw_data->FramebufferScale;
  const float fb_width = draw_data->DisplaySize.x * clip_scale.x;
  const float fb_height = draw_data->DisplaySize.y * clip_scale.y;
  if (fb_width <= 0 || fb_height <= 0 || draw_data->TotalVtxCount == 0) return;
  Renderer& r = g_renderer;
  if (!program_ready()) return;
  set_render_state(draw_data);

  // All lists into one pair of buffers; each list's vertices start at its own base.
  reserve(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(draw_data->TotalVtxCount) * sizeof(ImDrawVert),
          &r.vertex_capacity);
  reserve(GL_ELEMENT_ARRAY_BUFFER,
          static_cast<GLsizeiptr>(draw_data->TotalIdxCount) * sizeof(ImDrawIdx), &r.index_capacity);
  size_t first_vertex = 0, first_index = 0;
  for (int n = 0; n < draw_data->CmdListsCount; ++n) {
    const ImDrawList* list = draw_data->CmdLists[n];
    glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first_vertex * sizeof(ImDrawVert)),
                    static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                    list->VtxBuffer.Data);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLintptr>(first_index * sizeof(ImDrawIdx)),
                    static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                    list->IdxBuffer.Data);
    first_vertex += static_cast<size_t>(list->VtxBuffer.Size);
    first_index += static_cast<size_t>(list->IdxBuffer.Size);
  }

  const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  GLuint bound_texture = 0;
  size_t pointed_at = SIZE_MAX;  // the vertex the attributes point at
  first_vertex = 0;
  first_index = 0;
  for (int n = 0; n < draw_data->CmdListsCount; ++n) {
    const ImDrawList* list = draw_data->CmdLists[n];
    for (int i = 0; i < list->CmdBuffer.Size; ++i) {
      const ImDrawCmd& cmd = list->CmdBuffer[i];
      if (cmd.UserCallback != nullptr) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          set_render_state(draw_data);
          bound_texture = 0;
          pointed_at = SIZE_MAX;
        } else {
          cmd.UserCallback(list, &cmd);
        }
        continue;
      }
      // Clip rectangle in framebuffer pixels; GL's scissor origin is bottom-left.
      const float x0 = (cmd.ClipRect.x - clip_offset.x) * clip_scale.x;
      const float y0 = (cmd.ClipRect.y - clip_offset.y) * clip_scale.y;
      const float x1 = (cmd.ClipRect.z - clip_offset.x) * clip_scale.x;
      const float y1 = (cmd.ClipRect.w - clip_offset.y) * clip_scale.y;
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1),
                static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      const GLuint texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.TextureId));
      if (texture != bound_texture) {
        glBindTexture(GL_TEXTURE_2D, texture);
        bound_texture = texture;
      }
      const size_t base = first_vertex + cmd.VtxOffset;
      if (base != pointed_at) {
        point_attributes(base);
        pointed_at = base;
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                     reinterpret_cast<const void*>((first_index + cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
    first_vertex += static_cast<size_t>(list->VtxBuffer.Size);
    first_index += static_cast<size_t>(list->IdxBuffer.Size);
  }
  glDisable(GL_SCISSOR_TEST);  // the next frame's glClear covers the whole canvas
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
