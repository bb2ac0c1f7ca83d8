#!/usr/bin/env bash
# Runs one libFuzzer target (built by `scripts/build.sh asan`) from its committed seed
# corpus, for a bounded time:
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh engine_ops_fuzz 20
#   scripts/fuzz.sh all SECONDS        every target in turn (for hours: SECONDS=3600)
# New interesting inputs go to build/fuzz/TARGET/corpus (not into the committed seeds);
# a crash leaves its input in build/fuzz/TARGET/ and the script prints its path and
# how to replay it. Exit status: 0 clean, 1 a crash or a violated property.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CONVPLAY_ROOT"

TARGETS=(engine_ops_fuzz url_state_fuzz)
target="${1:?usage: scripts/fuzz.sh TARGET|all SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET|all SECONDS}"

# A sanitizer report ends the run, so that it counts as a crash.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

run_one() {
  local name="$1" exe="build/asan/tests/fuzz/$1" work="build/fuzz/$1"
  [ -x "$exe" ] || { say "$name: $exe was not built (scripts/build.sh asan)"; return 1; }
  mkdir -p "$work/corpus"
  rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
  local log="$work/last-run.log" rc=0 leaks=1
  # Where LeakSanitizer cannot stop the process (ptrace forbidden), leaks go unchecked.
  ASAN_OPTIONS=detect_leaks=1 "$exe" -runs=0 >/dev/null 2>&1 || {
    leaks=0
    say "$name: LeakSanitizer cannot run on this machine; leaks are not checked"
  }
  # -timeout: one input may take 5 s (a hang is a bug); -rss_limit_mb: 2 GB (ASan's
  # shadow memory included); -max_len: inputs longer than that add nothing.
  timeout -k 10 $((seconds + 60)) "$exe" -max_total_time="$seconds" -timeout=5 \
    -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -print_funcs=0 -detect_leaks="$leaks" \
    -artifact_prefix="$work/" "$work/corpus" "tests/fuzz/corpus/$name" >"$log" 2>&1 || rc=$?
  local runs
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if [ "$rc" -eq 0 ]; then
    say "$name: clean, ${runs:-?} executions in ${seconds} s"
    return 0
  fi
  grep -aE 'property violated|ERROR: |runtime error|SUMMARY' "$log" | head -8 >&2
  local crash
  crash="$(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null | head -1)"
  say "$name: FAILED (exit $rc) after ${runs:-?} executions; full log: $log"
  [ -n "$crash" ] && say "$name: reproducer: $crash  (replay: $exe $crash)"
  return 1
}

status=0
if [ "$target" = all ]; then
  for name in "${TARGETS[@]}"; do run_one "$name" || status=1; done
else
  run_one "$target" || status=1
fi
exit "$status"
