#!/usr/bin/env bash
# Installs the Debian packages a task needs, and only those that are missing.
#   scripts/install_packages.sh play    toolchain for the WebAssembly site
#   scripts/install_packages.sh test    + native compiler, test libraries, npm, Chromium
#   scripts/install_packages.sh golden  + PyTorch, for tests/golden's generator only
# When everything is there it runs no apt at all, so a second run costs nothing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

profile="${1:-test}"

# What `./play` needs. dpkg-dev unpacks Debian's imgui source package;
# fonts-dejavu-core is the playground's font (with ⌊ ⌋ − ·), embedded at build time;
# fonttools' pyftsubset cuts it down to the glyphs the app draws (without it the whole
# font is embedded: same pixels, 370 KB more to download). python3-munkres comes first:
# it satisfies python3-fonttools' "python3-scipy | python3-munkres", which would otherwise
# pull in SciPy, NumPy and Boost headers (19 packages on top of the rest instead of 50).
play_packages=(emscripten node-acorn cmake ninja-build nodejs python3 dpkg-dev ca-certificates fonts-dejavu-core
               python3-munkres fonttools)
# fonts-wqy-microhei (Apache-2.0): the Chinese interface's glyphs, cut down at build time
# to the characters the string tables and lessons use (src/app/ui/cjk_font_subset.cmake).
play_packages+=(fonts-wqy-microhei)
# What `./test` needs on top (fonts-liberation: Chromium renders page text with it;
# clang + libclang-rt-14-dev: libFuzzer and the sanitizer runtimes for build/asan).
test_packages=(g++ clang libclang-rt-14-dev libgtest-dev libbenchmark-dev nlohmann-json3-dev npm chromium fonts-liberation)
# PyTorch: tests/native/pytorch_export_test.cpp runs the exported scripts with it.
test_packages+=(python3-torch)
# tests/golden's generator imports torch as well.
golden_packages=(python3-torch)

case "$profile" in
  play)   wanted=("${play_packages[@]}") ;;
  test)   wanted=("${play_packages[@]}" "${test_packages[@]}") ;;
  golden) wanted=("${play_packages[@]}" "${test_packages[@]}" "${golden_packages[@]}") ;;
  *) die "unknown profile '$profile' (play, test or golden)" ;;
esac

# A package counts as present when dpkg has it installed. Node and npm count
# as present when their commands exist, whoever installed them: a machine with
# NodeSource's nodejs (which bundles npm) must not get Debian's npm on top.
is_present() {
  case "$1" in
    nodejs) command -v node >/dev/null 2>&1 && return 0 ;;
    npm)    command -v npm  >/dev/null 2>&1 && return 0 ;;
  esac
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for pkg in "${wanted[@]}"; do
  is_present "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 ||
  die "these packages are missing and this is not a Debian system: ${missing[*]} (see README.md, 'Build by hand')"

say "installing missing Debian packages: ${missing[*]}"
start=$SECONDS
# Fresh lists first: on a new machine there are none, and old ones 404.
apt_get update
# --force-unsafe-io: dpkg skips its fsync per unpacked file. A fresh ./test
# unpacks ~600 packages and each sync waits for the disk; the only
# risk is a half-written package after a power cut during this install.
apt_get install --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${missing[@]}"
say "Debian packages installed in $((SECONDS - start)) s"
