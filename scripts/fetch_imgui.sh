#!/usr/bin/env bash
# Makes Dear ImGui 1.86 sources available for the WebAssembly app build.
# They come from Debian's source package `imgui` and are unpacked into the
# git-ignored .cache/imgui-1.86 (the project never commits third-party code).
# With IMGUI_DIR set to another folder, that folder is used as it is.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

has_imgui() { [ -f "$1/imgui.h" ] && [ -f "$1/backends/imgui_impl_glfw.cpp" ]; }

if [ "$IMGUI_DIR" != "$IMGUI_DEFAULT_DIR" ]; then
  has_imgui "$IMGUI_DIR" ||
    die "IMGUI_DIR=$IMGUI_DIR has no imgui.h and backends/imgui_impl_glfw.cpp"
  exit 0
fi
if has_imgui "$IMGUI_DIR"; then
  exit 0
fi

command -v dpkg-source >/dev/null 2>&1 || die "dpkg-source missing: run scripts/install_packages.sh play"
"$(dirname "${BASH_SOURCE[0]}")/add_deb_src.sh"

say "fetching Dear ImGui sources: apt-get source imgui -> $IMGUI_DIR"
cache="$CONVPLAY_ROOT/.cache"
work="$cache/imgui-download"
rm -rf "$work"
mkdir -p "$work"
# apt-get source downloads the .dsc and tarballs and unpacks them with
# dpkg-source; it needs no root. As root apt warns that the download is not
# sandboxed, which is expected here.
(cd "$work" && apt-get source -q imgui 2>&1 | grep -v -e '^W: Download is performed unsandboxed' -e '^dpkg-source: info:' >&2 || true)
unpacked="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'imgui-*' | head -n 1)"
[ -n "$unpacked" ] && has_imgui "$unpacked" || die "apt-get source imgui did not unpack usable sources into $work"

version="$(sed -n 's/^#define IMGUI_VERSION *"\([^"]*\)".*/\1/p' "$unpacked/imgui.h")"
[ "$version" = "$IMGUI_VERSION" ] ||
  die "Debian's imgui source is version '$version', the app is written for $IMGUI_VERSION; set IMGUI_DIR to $IMGUI_VERSION sources"

rm -rf "$IMGUI_DIR"
mv "$unpacked" "$IMGUI_DIR"
rm -rf "$work"
say "Dear ImGui $version sources are in $IMGUI_DIR"
