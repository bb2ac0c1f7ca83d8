# Shared settings for convplay's scripts. Source it, don't run it.
# It only sets variables and defines helpers; it installs and builds nothing.

CONVPLAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian's emcc runs acorn (a JavaScript parser) through Node and finds it here.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

# Dear ImGui 1.86 sources: Debian's source package, unpacked into the
# git-ignored cache, unless the caller points IMGUI_DIR somewhere else.
IMGUI_VERSION=1.86
IMGUI_DEFAULT_DIR="$CONVPLAY_ROOT/.cache/imgui-$IMGUI_VERSION"
export IMGUI_DIR="${IMGUI_DIR:-$IMGUI_DEFAULT_DIR}"

# The browser the Playwright suites drive: Debian's, never a downloaded one.
export CONVPLAY_CHROMIUM="${CONVPLAY_CHROMIUM:-/usr/bin/chromium}"

# Two cores are shared by everyone on the machine: never build wider.
CONVPLAY_JOBS="${CONVPLAY_JOBS:-2}"

say() { printf '[convplay] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run: $* (run as root, or install sudo)"
  fi
}

# apt-get that never asks a question and waits for another apt to finish
# instead of failing on its lock.
apt_get() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -y -q \
    -o DPkg::Lock::Timeout=900 "$@"
}

# EMSCRIPTEN_ROOT for the wasm preset's toolchain file: the caller's, or what
# em-config reports, or Debian's location.
find_emscripten_root() {
  if [ -n "${EMSCRIPTEN_ROOT:-}" ]; then
    printf '%s\n' "$EMSCRIPTEN_ROOT"
  elif command -v em-config >/dev/null 2>&1 && em-config EMSCRIPTEN_ROOT 2>/dev/null; then
    :
  else
    printf '%s\n' /usr/share/emscripten
  fi
}
