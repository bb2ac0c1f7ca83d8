# The Chinese UI font: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0), cut
# down to the characters the string tables and lessons use beyond the Latin font
# (collect_cjk_chars.py), written next to the page as fonts/ui-zh.ttf. It is not embedded:
# the page fetches it only when Chinese is shown, so English readers download none of it.
# The .ttc holds one font (number 0); pyftsubset writes a plain TrueType file, which
# stb_truetype reads. No font or no pyftsubset: no file, and the page stays in English.
set(CONVPLAY_CJK_FONT "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" CACHE FILEPATH
    "Chinese UI font (TTF or TTC, subset at build time)")

# The language switch says "中文" in English too: those glyphs alone (about 1 KB) are
# embedded in the page (`label_var`), so the switch never shows boxes.
set(CONVPLAY_LANG_LABEL "中文")  # text().lang_zh; tests/e2e/glyphs.test.js checks they agree

function(convplay_cjk_font_subset ranges_header out_file label_var)
  find_program(CONVPLAY_PYFTSUBSET pyftsubset)
  find_program(CONVPLAY_PYTHON3 python3)
  if(NOT EXISTS "${CONVPLAY_CJK_FONT}" OR NOT CONVPLAY_PYFTSUBSET OR NOT CONVPLAY_PYTHON3)
    message(WARNING "No Chinese UI font (${CONVPLAY_CJK_FONT}: Debian package fonts-wqy-microhei, "
                    "and fonttools): the page shows English only")
    return()
  endif()
  # What the interface says: every string literal of src/app, and every lesson file.
  # (lessons/ may not exist yet: the script skips it, and the glob notices when it appears.)
  set(_sources "${CMAKE_SOURCE_DIR}/src/app" "${CMAKE_SOURCE_DIR}/lessons")
  set(_globs "")
  foreach(dir ${_sources})
    list(APPEND _globs "${dir}/*")
  endforeach()
  file(GLOB_RECURSE _inputs CONFIGURE_DEPENDS ${_globs})
  list(FILTER _inputs INCLUDE REGEX "\\.(cpp|h|md|json|ya?ml|txt)$")
  # Names kept: copyright, family, style, licence and its address (the Apache-2.0 notice).
  set(_names "0,1,2,13,14")
  set(_script "${CMAKE_CURRENT_SOURCE_DIR}/ui/collect_cjk_chars.py")
  set(_chars "${CMAKE_CURRENT_BINARY_DIR}/cjk_chars.txt")
  add_custom_command(OUTPUT "${out_file}"
    COMMAND "${CONVPLAY_PYTHON3}" "${_script}" "${_chars}" "${ranges_header}" ${_sources}
    COMMAND "${CONVPLAY_PYFTSUBSET}" "${CONVPLAY_CJK_FONT}" --font-number=0
            "--text-file=${_chars}" --no-hinting --layout-features= --drop-tables+=FFTM
            "--name-IDs=${_names}" "--output-file=${out_file}"
    DEPENDS "${_script}" "${ranges_header}" ${_inputs}
    COMMENT "Subsetting the Chinese UI font to the characters the interface uses"
    VERBATIM)
  set(_label "${CMAKE_CURRENT_BINARY_DIR}/ui_lang_label.ttf")
  add_custom_command(OUTPUT "${_label}"
    COMMAND "${CONVPLAY_PYFTSUBSET}" "${CONVPLAY_CJK_FONT}" --font-number=0
            "--text=${CONVPLAY_LANG_LABEL}" --no-hinting --layout-features= --drop-tables+=FFTM
            "--name-IDs=${_names}" "--output-file=${_label}"
    DEPENDS "${CONVPLAY_CJK_FONT}"
    COMMENT "Subsetting the language switch's label font"
    VERBATIM)
  add_custom_target(convplay_cjk_font ALL DEPENDS "${out_file}" "${_label}")
  set(${label_var} "${_label}" PARENT_SCOPE)
endfunction()
