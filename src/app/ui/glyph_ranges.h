// The characters the UI font is loaded with: the one list that both theme.cpp (ImGui's
// glyph ranges) and the build (ui_font_subset.cmake keeps only these glyphs in the
// embedded font) read, so they cannot drift. tests/e2e/glyphs.test.js checks that every
// character in the app's strings is in it.
// Keep one "0xFIRST, 0xLAST," pair per line: CMake reads these lines with a regex.
#pragma once

#include "imgui.h"

namespace convplay::app {

// Only the glyphs the text table and the numbers use: every glyph is rasterised at three
// sizes before the first frame, and each one kept also adds to the download.
inline constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E,  // ASCII
    0x00A0, 0x00FF,  // Latin-1: · × ± …
    0x03A3, 0x03A3,  // Σ
    0x1D40, 0x1D40,  // ᵀ (Cᵀ in the lessons)
    0x2010, 0x2027,  // dashes, ‖, …
    0x2190, 0x2199,  // ← → ↗
    0x21B6, 0x21B7,  // ↶ ↷ (undo, redo)
    0x2212, 0x2212,  // − (minus)
    0x2264, 0x2265,  // ≤ ≥
    0x230A, 0x230B,  // ⌊ ⌋
    0x25B6, 0x25B6,  // ▶
    0x25C0, 0x25C0,  // ◀
    0x27E8, 0x27E9,  // ⟨ ⟩ (inner products in the lessons)
    0,
};

}  // namespace convplay::app
