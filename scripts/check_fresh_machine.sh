#!/usr/bin/env bash
# Runs ./test in a brand-new minimal Debian 12 (CONTRACT.md §1, "Fresh"):
# debootstrap --variant=minbase bookworm into DIR, resolv.conf copied in, proc,
# /dev and /sys mounted, git and ca-certificates installed, the project cloned
# (its committed HEAD, nothing uncommitted) and ./test run under chroot.
# Slow (a few hundred MB of packages); for people, not for ./test itself.
#   scripts/check_fresh_machine.sh [DIR]     (default /tmp/fresh; needs root)
# Reuses DIR's Debian if debootstrap already finished there, but always
# makes a new clone. Everything it mounts is unmounted on exit.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root="${1:-/tmp/fresh}"
[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null 2>&1 || apt_get install --no-install-recommends debootstrap

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
}
trap cleanup EXIT
mount_in() {  # mount_in TARGET MOUNT-ARGS...
  local target="$root/$1"
  shift
  mountpoint -q "$target" || { mount "$@" "$target"; mounted+=("$target"); }
}
# The fresh system trusts what this machine trusts, so that a machine whose
# traffic passes a TLS-inspecting proxy (a local CA under
# /usr/local/share/ca-certificates) can reach the npm registry from inside.
# Node reads only its own CA list unless NODE_EXTRA_CA_CERTS names more.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 CI=true \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

start=$SECONDS
if [ ! -x "$root/usr/bin/apt-get" ] || [ ! -f "$root/etc/os-release" ]; then
  say "debootstrap minbase bookworm into $root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1 ||
    die "debootstrap failed, see $root.debootstrap.log"
  say "debootstrap: $((SECONDS - start)) s"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in proc -t proc proc
mount_in dev --bind /dev
mount_in sys --bind /sys

t=$SECONDS
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git ca-certificates >/dev/null
mkdir -p "$root/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
in_root update-ca-certificates >/dev/null
say "git + ca-certificates: $((SECONDS - t)) s"

rm -rf "$root/root/convplay"
git clone -q "$CONVPLAY_ROOT" "$root/root/convplay"
say "cloned $(git -C "$CONVPLAY_ROOT" rev-parse --short HEAD) into $root/root/convplay"

t=$SECONDS
rc=0
in_root bash -c 'cd /root/convplay && ./test </dev/null' || rc=$?
say "fresh ./test: exit code $rc in $((SECONDS - t)) s (all steps: $((SECONDS - start)) s)"
# ./play: builds (nothing left to install) and serves; fetch the page and the
# module through it. Port 18000, so as not to meet a developer's ./play.
t=$SECONDS
in_root env CONVPLAY_PORT=18000 bash -c 'cd /root/convplay && exec ./play </dev/null' >"$root.play.log" 2>&1 &
play_pid=$!
served=0
for _ in $(seq 1 120); do
  if grep -q 'http://127.0.0.1:18000/' "$root.play.log"; then served=1; break; fi
  kill -0 "$play_pid" 2>/dev/null || break
  sleep 1
done
if [ "$served" = 1 ] &&
   python3 - <<'PY'
import urllib.request
for path, kind in (("index.html", "text/html"), ("convplay.wasm", "application/wasm")):
    with urllib.request.urlopen("http://127.0.0.1:18000/" + path, timeout=10) as response:
        got = response.headers.get("Content-Type", "")
        assert response.status == 200 and got.startswith(kind), (path, response.status, got)
PY
then
  say "./play: built and served index.html and convplay.wasm in $((SECONDS - t)) s"
else
  say "./play: FAILED (log: $root.play.log)"
  rc=1
fi
# The background job is a subshell; its one child is chroot, which execs down
# to ./play's server: stop that process by its id, then the subshell ends.
kill $(pgrep -P "$play_pid") "$play_pid" 2>/dev/null || true
wait "$play_pid" 2>/dev/null || true

t=$SECONDS
in_root bash -c 'cd /root/convplay && ./test </dev/null' >"$root.second-run.log" 2>&1 || rc=$?
say "second ./test: $((SECONDS - t)) s (log: $root.second-run.log; last line: $(tail -n 1 "$root.second-run.log"))"
exit "$rc"
