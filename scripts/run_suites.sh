#!/usr/bin/env bash
# The test driver behind ./test: installs what is missing, builds native and
# WebAssembly, runs every suite that has tests, shows each suite's own output,
# and ends with one line "N passed, N failed" summed over all suites.
# A failed install or build counts as one failed test, with a message.
#
#   scripts/run_suites.sh                 everything
#   scripts/run_suites.sh --only SUITE    one suite (and the build it needs):
#                                         native | asan | fuzz | node | browser | e2e
#   scripts/run_suites.sh --no-install    skip the install step
#
# Counting happens here and only here:
#   native   GoogleTest executable, counted from its JSON report
#   asan     the same suite built with clang under ASan + UBSan (build/asan), any
#            sanitizer report fails it; counted as "native-asan"
#   fuzz     each libFuzzer target (tests/fuzz) for CONVPLAY_FUZZ_SECONDS (20) from
#            its seed corpus: clean = 1 passed, a crash = 1 failed (scripts/fuzz.sh)
#   node     node --test tests/node      (engine module in Node), from TAP
#   browser  node --test tests/browser   (playwright-core + Debian's Chromium)
#   e2e      node --test tests/e2e       (the playground page, same tools)
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CONVPLAY_ROOT"

only=""
install=1
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:?--only needs a suite name}"; shift 2 ;;
    --no-install) install=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
case "$only" in
  ""|native|asan|fuzz|node|browser|e2e) ;;
  *) die "unknown suite '$only' (native, asan, fuzz, node, browser or e2e)" ;;
esac
wants() { [ -z "$only" ] || [ "$only" = "$1" ]; }

# A suite that hangs must not eat the whole CI budget.
suite_timeout="${CONVPLAY_SUITE_TIMEOUT:-600}"
reports="build/test-reports"
mkdir -p "$reports"
export CONVPLAY_SITE_DIR="$CONVPLAY_ROOT/build/site"

total_passed=0
total_failed=0
lines=()

# tally NAME PASSED FAILED [NOTE]: adds a suite's counts to the total.
tally() {
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  lines+=("$(printf '  %-14s %5d passed %5d failed  %s' "$1" "$2" "$3" "${4:-}")")
}
banner() { printf '\n===== %s =====\n' "$*"; }

# step NAME COMMAND...: an install or build step; failure counts as one failed test.
step() {
  local name="$1" start=$SECONDS
  shift
  banner "$name"
  if "$@"; then
    say "$name: ok ($((SECONDS - start)) s)"
    return 0
  fi
  say "$name: FAILED ($((SECONDS - start)) s); counted as 1 failed test"
  tally "$name" 0 1 "FAILED: see its output above"
  return 1
}

# run_native [NAME BUILD_DIR]: the GoogleTest suite of one build (default: build/native).
run_native() {
  local name="${1:-native}" build="${2:-build/native}"
  local exe="$build/tests/native/convplay_native_tests" json="$reports/$name.json"
  if [ ! -f tests/native/CMakeLists.txt ]; then
    say "$name: tests/native has no tests yet, skipped"
    return
  fi
  banner "$name (GoogleTest)"
  if [ ! -x "$exe" ]; then
    tally "$name" 0 1 "FAILED: $exe was not built"
    return
  fi
  rm -f "$json"
  local start=$SECONDS rc=0
  timeout -k 10 "$suite_timeout" "$exe" --gtest_output="json:$json" || rc=$?
  if [ ! -s "$json" ]; then
    tally "$name" 0 1 "FAILED: exited with code $rc before writing its report$( [ $rc = 124 ] && echo " (timed out after ${suite_timeout} s)")"
    return
  fi
  local passed failed skipped
  read -r passed failed skipped < <(node scripts/count_gtest_json.js "$json")
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    skipped="$skipped; exited with code $rc although no test failed"
  fi
  tally "$name" "$passed" "$failed" "($((SECONDS - start)) s, skipped $skipped)"
}

# The native suite under AddressSanitizer + UBSan: a report aborts the run, and a run
# that dies before its JSON report counts as failed (run_native).
run_native_asan() {
  # LeakSanitizer stops the process to scan it, which some containers forbid (ptrace):
  # there it reports a fatal error for any program. Then leaks go unchecked, said so.
  local leaks=1
  if ! ASAN_OPTIONS=detect_leaks=1 build/asan/tests/native/convplay_native_tests \
       --gtest_filter=-* >/dev/null 2>&1; then
    leaks=0
    say "native-asan: LeakSanitizer cannot run on this machine; leaks are not checked"
  fi
  ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=$leaks}" \
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
    run_native native-asan build/asan
}

# Each fuzz target for a short, bounded time: 1 passed when clean, 1 failed on a crash
# (scripts/fuzz.sh prints the reproducer's path).
run_fuzz() {
  local seconds="${CONVPLAY_FUZZ_SECONDS:-20}" target label
  for target in engine_ops_fuzz:fuzz:engine url_state_fuzz:fuzz:url_state; do
    label="${target#*:}"
    target="${target%%:*}"
    banner "$label: $target (${seconds} s)"
    local start=$SECONDS
    if scripts/fuzz.sh "$target" "$seconds"; then
      tally "$label" 1 0 "($((SECONDS - start)) s)"
    else
      tally "$label" 0 1 "FAILED: see the reproducer above"
    fi
  done
}

# The test files in a folder, by Node's own naming rules (foo.test.js,
# foo-test.mjs, foo_test.cjs, test-foo.js, test.js); helpers are left alone.
node_test_files() {
  find "$1" -type f -not -path '*/node_modules/*' | grep -E '/(test|test-[^/]*|[^/]*[._-]test)\.[cm]?js$' | sort
}

# run_node_suite NAME DIR: a node --test suite; spec output on screen, TAP to a
# file for counting.
run_node_suite() {
  local name="$1" dir="$2" tap="$reports/$1.tap"
  local files=()
  [ -d "$dir" ] && mapfile -t files < <(node_test_files "$dir")
  if [ "${#files[@]}" -eq 0 ]; then
    say "$name: $dir has no tests yet, skipped"
    return
  fi
  banner "$name (node --test $dir: ${#files[@]} files)"
  rm -f "$tap"
  local start=$SECONDS rc=0
  timeout -k 10 "$suite_timeout" node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" \
    "${files[@]}" || rc=$?
  # Node's TAP ends with "# pass N", "# fail N", "# cancelled N" at column 0.
  local passed failed
  read -r passed failed < <(awk '
    /^# pass /      { p = $3 }
    /^# fail /      { f = $3 }
    /^# cancelled / { c = $3 }
    END { print p + 0, f + c + 0 }' "$tap" 2>/dev/null || echo "0 0")
  local note="($((SECONDS - start)) s)"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    note="FAILED: node --test exited with code $rc$( [ $rc = 124 ] && echo " (timed out after ${suite_timeout} s)") $note"
  fi
  tally "$name" "$passed" "$failed" "$note"
}

all_start=$SECONDS
installed=1
if [ "$install" = 1 ]; then
  step "install" scripts/bootstrap.sh test || installed=0
fi

if [ "$installed" = 1 ]; then
  if wants native; then
    # A failed build leaves no executable, or a stale one: don't run it.
    step "build native" scripts/build.sh native && run_native
  fi
  if wants asan || wants fuzz; then
    if step "build asan" scripts/build.sh asan; then
      wants asan && run_native_asan
      wants fuzz && run_fuzz
    fi
  fi
  if wants node || wants browser || wants e2e; then
    if step "build wasm" scripts/build.sh wasm; then
      wants node && run_node_suite node tests/node
      wants browser && run_node_suite browser tests/browser
      wants e2e && run_node_suite e2e tests/e2e
    else
      say "the Node and browser suites need the WebAssembly build: not run"
    fi
  fi
fi

banner "summary ($((SECONDS - all_start)) s)"
[ "${#lines[@]}" -gt 0 ] && printf '%s\n' "${lines[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
