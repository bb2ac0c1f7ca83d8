// Draws ImGui's draw data with WebGL2 (GL ES 3). Our own renderer instead of ImGui's
// OpenGL3 backend: that one saves and restores the whole GL state around every frame with
// glGetIntegerv/glIsEnabled, and in a browser some of those queries (GL_SCISSOR_BOX, the
// blend factors) are synchronous round trips to the GPU process that wait for the previous
// frame to finish: ~30 ms per frame with SwiftShader. The app owns the context, so there is
// nothing to save: this renderer only issues calls that never read back from the GPU.
// Images the UI draws have their textures made through texture.h (gl_textures.cpp).
#pragma once

struct ImDrawData;

namespace convplay::app {

// Call after ImGui::CreateContext(), with the context current.
bool gl_renderer_init();
// (Re)uploads ImGui's font atlas (after the fonts are rebuilt); needed before the first draw.
void gl_renderer_upload_fonts();
// Draws into the current framebuffer (the viewport is the caller's) what changed since the
// last call: the context must preserve its drawing buffer. The rectangles redrawn are
// cleared to `clear_color` first. Returns how many pixels were redrawn (0: none changed).
long long gl_renderer_draw(const ImDrawData* draw_data, const float clear_color[4]);
void gl_renderer_shutdown();

}  // namespace convplay::app
