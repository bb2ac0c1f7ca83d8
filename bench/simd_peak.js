// Measures the SIMD128 mul+add peak (bench/simd_peak.c, built by bench/run.sh):
// the best GFLOP/s over several chain counts, each the median of timed runs.
'use strict';
const fs = require('fs');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measureSimdPeak(wasmPath, { runs = 15 } = {}) {
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
  const steps = 2_000_000;
  const results = {};
  for (const chains of [6, 8, 10, 12, 14, 16]) {
    const peak = instance.exports[`peak${chains}`];
    peak(steps / 10);  // warm-up: lets V8 tier up to its optimizing compiler
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      peak(steps);
      times.push(Number(process.hrtime.bigint() - t0) * 1e-9);
    }
    const flops = steps * chains * 4 * 2;  // 4 lanes, mul + add
    results[chains] = flops / median(times) * 1e-9;
  }
  const best = Math.max(...Object.values(results));
  return { gflops: best, byChains: results };
}

module.exports = { measureSimdPeak };

if (require.main === module) {
  measureSimdPeak(process.argv[2] || 'build/bench/simd_peak.wasm').then((r) => console.log(r));
}
