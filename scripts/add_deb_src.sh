#!/usr/bin/env bash
# Lets apt fetch Debian *source* packages (apt-get source imgui) by adding
# deb-src entries for the Debian mirror this machine already uses. Does
# nothing when apt already knows the imgui source package.
#
# Handles both ways a Debian 12 machine lists its mirrors:
#   deb822:   /etc/apt/sources.list.d/*.sources  (cloud images, this machine)
#   one-line: /etc/apt/sources.list and *.list   (a fresh debootstrap)
# The copy goes into a file of its own, so the machine's files stay untouched.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ -n "$(apt-cache showsrc imgui 2>/dev/null)" ]; then
  exit 0
fi

. /etc/os-release
codename="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"

# deb822: copy every stanza that lists the release itself (not -security,
# not third-party suites) with Types changed to deb-src.
deb822_src() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v codename="$codename" '
      function flush() {
        if (stanza != "" && is_deb && has_suite) print stanza "\n"
        stanza = ""; is_deb = 0; has_suite = 0
      }
      /^[[:space:]]*$/ { flush(); next }
      /^#/ { next }
      /^Types:/ {
        for (i = 2; i <= NF; i++) if ($i == "deb") is_deb = 1
        stanza = stanza (stanza == "" ? "" : "\n") "Types: deb-src"
        next
      }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == codename) has_suite = 1 }
      /^Enabled:[[:space:]]*no/ { is_deb = 0 }
      { stanza = stanza (stanza == "" ? "" : "\n") $0 }
      END { flush() }
    ' "$f"
  done
}

# one-line: "deb [opts] URI SUITE COMPONENTS..." for the release itself.
list_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v codename="$codename" '
      $1 != "deb" { next }
      {
        # The suite is the field after the URI; options sit in [ ... ].
        i = 2
        if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == codename) { $1 = "deb-src"; print }
      }
    ' "$f"
  done
}

new822="$(deb822_src)"
newlist="$(list_src)"
if [ -n "$new822" ]; then
  printf '# Added by convplay scripts/add_deb_src.sh (apt-get source imgui).\n%s\n' "$new822" |
    as_root tee /etc/apt/sources.list.d/convplay-src.sources >/dev/null
  say "added deb-src entries: /etc/apt/sources.list.d/convplay-src.sources"
elif [ -n "$newlist" ]; then
  printf '# Added by convplay scripts/add_deb_src.sh (apt-get source imgui).\n%s\n' "$newlist" |
    as_root tee /etc/apt/sources.list.d/convplay-src.list >/dev/null
  say "added deb-src entries: /etc/apt/sources.list.d/convplay-src.list"
else
  die "found no Debian '$codename' mirror in /etc/apt to add deb-src for; set IMGUI_DIR to Dear ImGui $IMGUI_VERSION sources instead"
fi

apt_get update
[ -n "$(apt-cache showsrc imgui 2>/dev/null)" ] ||
  die "apt still knows no imgui source package after adding deb-src"
