#!/usr/bin/env bash
# Builds one target with the CMake presets, incrementally:
#   scripts/build.sh native   engine, GoogleTest suite, benchmarks (gcc) -> build/native
#   scripts/build.sh wasm     engine module + playground (Emscripten)   -> build/wasm, build/site
#   scripts/build.sh asan     native suites under ASan+UBSan, fuzz targets (clang) -> build/asan
# Assumes the tools are installed (scripts/bootstrap.sh). Exits non-zero when
# the build fails, with the compiler's output above.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CONVPLAY_ROOT"

preset="${1:?usage: scripts/build.sh native|wasm|asan}"
configure_args=()
case "$preset" in
  native|asan) ;;
  wasm)
    EMSCRIPTEN_ROOT="$(find_emscripten_root)"
    export EMSCRIPTEN_ROOT
    [ -f "$EMSCRIPTEN_ROOT/cmake/Modules/Platform/Emscripten.cmake" ] ||
      die "no Emscripten toolchain file under EMSCRIPTEN_ROOT=$EMSCRIPTEN_ROOT"
    configure_args+=("-DIMGUI_DIR=$IMGUI_DIR")
    ;;
  *) die "unknown preset '$preset' (native, wasm or asan)" ;;
esac

mkdir -p build
# Configuring an existing build folder takes well under a second, and doing
# it every time picks up a changed IMGUI_DIR or a new CMakeLists.txt.
cmake --preset "$preset" "${configure_args[@]}" >"build/configure-$preset.log" 2>&1 || {
  cat "build/configure-$preset.log" >&2
  die "cmake --preset $preset failed"
}
cmake --build --preset "$preset" -j "$CONVPLAY_JOBS"
