# Prints the engine module's download size, raw and gzipped (run after each link).
# Usage: cmake -DWASM_FILE=... -DJS_FILE=... -P report_module_size.cmake
foreach(kind WASM JS)
  set(file "${${kind}_FILE}")
  file(SIZE "${file}" raw_bytes)
  get_filename_component(name "${file}" NAME)
  set(gz "${file}.size-check.gz")
  file(ARCHIVE_CREATE OUTPUT "${gz}" PATHS "${file}" FORMAT raw COMPRESSION GZip
       COMPRESSION_LEVEL 9)
  file(SIZE "${gz}" gz_bytes)
  file(REMOVE "${gz}")
  message(STATUS "convplay module: ${name} ${raw_bytes} bytes raw, ${gz_bytes} bytes gzipped")
endforeach()
