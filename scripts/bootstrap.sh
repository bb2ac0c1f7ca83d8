#!/usr/bin/env bash
# Installs whatever is missing for a task, and nothing else:
#   scripts/bootstrap.sh play    Debian toolchain + Dear ImGui sources
#   scripts/bootstrap.sh test    + native test libraries, Chromium, npm packages
#   scripts/bootstrap.sh golden  + PyTorch for tests/golden's generator
# Each step checks before it acts, so a second run installs nothing.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
. "$here/common.sh"

profile="${1:-test}"
"$here/install_packages.sh" "$profile"
"$here/fetch_imgui.sh"
case "$profile" in
  test|golden) "$here/install_npm.sh" ;;
esac
