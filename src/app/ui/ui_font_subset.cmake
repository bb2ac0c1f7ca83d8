# Keeps only the glyphs the app loads (glyph_ranges.h) in the embedded UI font: DejaVu Sans
# is 760 KB (382 KB gzip) of which the playground draws ~270 glyphs. pyftsubset (Debian's
# fonttools) writes the subset into the build directory. Hinting and layout tables go too:
# ImGui rasterises with stb_truetype, which reads neither. Without pyftsubset the whole
# font is embedded, which draws the same and only costs download size.
option(CONVPLAY_SUBSET_FONT "Embed only the glyphs in glyph_ranges.h (needs pyftsubset)" ON)

function(convplay_ui_font_subset font ranges_header out_var)
  # "0x0020, 0x007E," pairs -> U+0020-007E,... (the list ends at the terminating 0).
  file(STRINGS "${ranges_header}" _lines REGEX "^ *0x[0-9A-Fa-f]+, *0x[0-9A-Fa-f]+,")
  set(_unicodes "")
  foreach(line ${_lines})
    string(REGEX MATCH "0x([0-9A-Fa-f]+), *0x([0-9A-Fa-f]+)" _pair "${line}")
    list(APPEND _unicodes "U+${CMAKE_MATCH_1}-${CMAKE_MATCH_2}")
  endforeach()
  list(LENGTH _unicodes _count)
  if(_count EQUAL 0)
    message(FATAL_ERROR "no glyph ranges found in ${ranges_header}")
  endif()
  string(REPLACE ";" "," _unicodes "${_unicodes}")
  # The header is read at configure time: a change to it re-runs CMake.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ranges_header}")

  if(CONVPLAY_SUBSET_FONT)
    find_program(CONVPLAY_PYFTSUBSET pyftsubset)
  endif()
  if(NOT CONVPLAY_SUBSET_FONT OR NOT CONVPLAY_PYFTSUBSET)
    message(STATUS "pyftsubset not found (Debian package fonttools) or CONVPLAY_SUBSET_FONT=OFF: "
                   "embedding the whole UI font ${font}")
    set(${out_var} "${font}" PARENT_SCOPE)
    return()
  endif()
  set(_subset "${CMAKE_CURRENT_BINARY_DIR}/ui_font_subset.ttf")
  add_custom_command(OUTPUT "${_subset}"
    COMMAND "${CONVPLAY_PYFTSUBSET}" "${font}" "--unicodes=${_unicodes}"
            --no-hinting --layout-features= --drop-tables+=FFTM "--name-IDs=*"
            "--output-file=${_subset}"
    DEPENDS "${font}"
    COMMENT "Subsetting the UI font to the glyphs in glyph_ranges.h"
    VERBATIM)
  add_custom_target(convplay_ui_font DEPENDS "${_subset}")
  message(STATUS "UI font: ${font}, subset by ${CONVPLAY_PYFTSUBSET}")
  set(${out_var} "${_subset}" PARENT_SCOPE)
endfunction()
