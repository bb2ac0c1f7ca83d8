#!/usr/bin/env bash
# The speed benchmark (issue 5), in one run on one core:
#   1. builds the engine module (build/site/convplay.js, SIMD on) and the SIMD128 peak
#      module, 2. times convplay against onnxruntime-web and tfjs-backend-wasm on W1-W5
#      (bench/bench.js), 3. natively: Google Benchmark of the engine's paths and the
#      same workloads in PyTorch (one thread), when those are available.
# Usage: bench/run.sh [--core N] [--runs N] [--module PATH] [--only W1,W3] [--skip-build] [--skip-native]
#   --module: another build of the engine module to time (default build/site/convplay.js)
set -euo pipefail
cd "$(dirname "$0")/.."

core=1 runs=15 build=1 native=1 module=build/site/convplay.js only=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --core) core="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --module) module="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --skip-native) native=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # Debian's emcc finds acorn here
export EMSCRIPTEN_ROOT="${EMSCRIPTEN_ROOT:-/usr/share/emscripten}"
pin=(taskset -c "$core")

if [[ $build == 1 ]]; then
  [[ -f build/wasm/build.ninja ]] || cmake --preset wasm >/dev/null
  cmake --build --preset wasm --target convplay_module -j 2 >/dev/null
  mkdir -p build/bench
  emcc -O3 -msimd128 --no-entry -o build/bench/simd_peak.wasm bench/simd_peak.c
  [[ -d node_modules/onnxruntime-web ]] || npm ci --no-audit --no-fund >/dev/null
fi

echo "== WebAssembly, one thread, core $core: node bench/bench.js"
"${pin[@]}" node bench/bench.js --runs "$runs" --module "$module" \
  --peak build/bench/simd_peak.wasm --only "$only"

if [[ $native == 1 ]]; then
  if [[ $build == 1 ]]; then
    [[ -f build/native/build.ninja ]] || cmake --preset native >/dev/null
    cmake --build --preset native --target convplay_native_bench -j 2 >/dev/null
  fi
  echo
  echo "== native (g++), core $core: Google Benchmark of the engine"
  "${pin[@]}" build/native/bench/convplay_native_bench --benchmark_filter=fast \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null |
    grep -E "median|Benchmark|---"
  if /usr/bin/python3 -c "import torch" 2>/dev/null; then
    echo
    echo "== native PyTorch, one thread, core $core"
    "${pin[@]}" /usr/bin/python3 bench/torch_workloads.py --runs "$runs"
  fi
fi
