// The speed benchmark of issue 5, in one Node process on one core (bench/run.sh pins
// it): convplay's engine module against onnxruntime-web and tfjs-backend-wasm on W1-W5,
// plus the SIMD128 mul+add peak, each peer's output checked against convplay's.
//   node bench/bench.js [--module build/site/convplay.js] [--peak build/bench/simd_peak.wasm]
//                       [--runs 15] [--json out.json] [--only W1,W3]
'use strict';

const fs = require('fs');
const path = require('path');
const { WORKLOADS, outputShape, flops, product, randomData } = require('./workloads');
const { createOnnxRuntime, createTfjs } = require('./peers');
const { measureSimdPeak } = require('./simd_peak');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const ROOT = path.join(__dirname, '..');
const MODULE = path.resolve(option('module', path.join(ROOT, 'build', 'site', 'convplay.js')));
const PEAK_WASM = path.resolve(option('peak', path.join(ROOT, 'build', 'bench', 'simd_peak.wasm')));
const RUNS = Number(option('runs', 15));
const ONLY = option('only', '').split(',').filter(Boolean);  // workload ids; none: all

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const now = () => Number(process.hrtime.bigint()) * 1e-9;

// Seconds per call for each runner, measured round-robin: sample r of every runner is
// taken back to back, so a neighbour's load on the shared core hits all of them alike.
// Median over RUNS samples after warm-up; tiny workloads time a batch of calls per
// sample so that the clock's resolution does not matter.
// A synchronous runner (convplay's calls return their result) is called without
// `await`, which would add a microtask turn (~0.3 us) that is the harness's, not the call's.
async function callBatch({ run, sync }, count) {
  if (sync) {
    for (let i = 0; i < count; i++) run();
  } else {
    for (let i = 0; i < count; i++) await run();
  }
}

async function timeRoundRobin(runners) {
  for (const runner of runners) await callBatch(runner, Math.max(3, runner.batch * 3));
  const samples = runners.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < runners.length; k++) {
      const t0 = now();
      await callBatch(runners[k], runners[k].batch);
      samples[k].push((now() - t0) / runners[k].batch);
    }
  }
  return samples.map(median);
}

async function timeEach(runners) {
  const seconds = [];
  for (const runner of runners) seconds.push(...(await timeRoundRobin([runner])));
  return seconds;
}

// Relative difference, scaled by the largest magnitude of the reference.
function difference(a, b) {
  if (a.length !== b.length) return Infinity;
  let worst = 0, scale = 1e-30;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / scale;
}

// `reuse`: the call writes into one Float32Array passed as options.out, call after call,
// instead of returning a fresh array each time.
function convplayRunner(cp, w, input, weight, reuse = false) {
  const options = { stride: w.stride, padding: w.padding, groups: w.groups };
  if (reuse) options.out = new Float32Array(product(outputShape(w)));
  const x = { data: input, shape: w.input };
  const k = { data: weight, shape: w.weight };
  // The playground's call: copies in, one Embind call, the result copied out.
  const call = w.op === 'conv2d' ? () => cp.conv2d(x, k, null, options) : () => cp.convTranspose2d(x, k, null, options);
  return { run: async () => call().data, runSync: () => { call(); } };
}

function format(value, unit) {
  if (value === undefined) return '-';
  return unit === 'us' ? `${(value * 1e6).toFixed(2)} us` : `${value.toFixed(1)} GFLOP/s`;
}

async function main() {
  const createConvPlay = require(MODULE);
  const cp = await createConvPlay();
  const peers = [];
  for (const create of [createOnnxRuntime, createTfjs]) {
    try {
      peers.push(await create());
    } catch (e) {
      console.error(`peer unavailable: ${e.message}`);
    }
  }
  // The peak before and after the workloads; the better one is the machine's limit.
  const peakBefore = await measureSimdPeak(PEAK_WASM);
  const rows = [];
  for (const w of WORKLOADS.filter((x) => ONLY.length === 0 || ONLY.includes(x.id))) {
    const input = randomData(product(w.input), 1);
    const weight = randomData(product(w.weight), 2);
    const ours = convplayRunner(cp, w, input, weight);
    const expected = await ours.run();
    const row = { workload: w, results: {} };
    const tiny = w.unit === 'us';
    // convplay is called synchronously, as the playground calls it.
    const runners = [{ name: 'convplay', run: ours.runSync, sync: true, batch: tiny ? 2000 : 1 }];
    // W1 also with options.out: what a page that recomputes on every edit pays when it
    // keeps its output array (a fresh ArrayBuffer alone costs V8 ~1.5 us).
    if (tiny) {
      const reused = convplayRunner(cp, w, input, weight, true);
      if (difference(await reused.run(), expected) !== 0) throw new Error(`${w.id}: options.out differs`);
      runners.push({ name: 'convplay out', run: reused.runSync, sync: true, batch: 2000 });
    }
    const prepared = [];
    for (const peer of peers) {
      const p = await peer.prepare(w, input, weight);
      const diff = difference(p.toNchw(await p.run()), expected);
      prepared.push(p);
      row.results[peer.name] = { check: diff < 1e-4 ? 'ok' : `MISMATCH ${diff.toExponential(1)}` };
      runners.push({ name: peer.name, run: p.run, batch: tiny ? 200 : 1 });
    }
    // W1 is an absolute budget (us per call), not a ratio: each runner is timed alone,
    // so that the peers' garbage and cache traffic do not land in convplay's samples.
    const seconds = tiny
      ? await timeEach(runners)
      : await timeRoundRobin(runners);
    runners.forEach((r, k) => { row.results[r.name] = { ...row.results[r.name], seconds: seconds[k] }; });
    row.results.convplay.check = 'reference';
    if (['W2', 'W3', 'W4'].includes(w.id)) {
      // A fresh module, one call: what stays in its heap is the call's operands as the
      // bindings hold them (scratch with input + weight, the result until copied out).
      const fresh = await createConvPlay();
      const baseline = fresh.heapBytesInUse();
      convplayRunner(fresh, w, input, weight).runSync();
      row.heapInUse = fresh.heapBytesInUse() - baseline;
    }
    prepared.forEach((p) => p.dispose());
    rows.push(row);
  }

  const peakAfter = await measureSimdPeak(PEAK_WASM);
  const peak = peakAfter.gflops > peakBefore.gflops ? peakAfter : peakBefore;
  const peerNames = peers.map((p) => p.name);
  console.log(`convplay: ${path.relative(process.cwd(), MODULE)}; peers: ${peers.map((p) => `${p.name} ${p.version}`).join(', ')}`);
  console.log(`SIMD128 mul+add peak: ${peak.gflops.toFixed(1)} GFLOP/s (best of ${Object.keys(peak.byChains).length} chain counts)`);
  const load = require('os').loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(`median of ${RUNS} timed runs after warm-up, one thread, one core; load average ${load}\n`);
  const header = ['workload', 'convplay', ...peerNames, 'vs best peer', 'of peak', 'peer check'];
  const table = [header];
  for (const { workload: w, results } of rows) {
    const value = (r) => (w.unit === 'us' ? r.seconds : flops(w) / r.seconds * 1e-9);
    const ours = value(results.convplay);
    const peerValues = peerNames.map((n) => value(results[n]));
    const best = w.unit === 'us' ? Math.min(...peerValues) : Math.max(...peerValues);
    const ratio = w.unit === 'us' ? best / ours : ours / best;
    table.push([
      `${w.id} ${w.name}`, format(ours, w.unit), ...peerValues.map((v) => format(v, w.unit)),
      peerValues.length ? `${ratio.toFixed(2)}x` : '-',
      w.unit === 'us' ? '-' : `${(100 * ours / peak.gflops).toFixed(0)}%`,
      peerNames.map((n) => results[n].check).join(' / '),
    ]);
    if (results['convplay out']) {
      const reused = value(results['convplay out']);
      table.push([`${w.id} ${w.name}, into options.out`, format(reused, w.unit), ...peerNames.map(() => '-'),
                  `${(best / reused).toFixed(2)}x`, '-', '-']);
    }
  }
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) console.log('| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |');
  console.log('\nwasm heap after one call on a fresh module, against input + weight + output (the');
  console.log("call's own workspace, freed on return, is measured natively: counter workspace/output):");
  for (const r of rows) {
    const w = r.workload;
    if (r.heapInUse === undefined) continue;
    const operands = 4 * (product(w.input) + product(w.weight) + product(outputShape(w)));
    console.log(`  ${w.id}: ${(r.heapInUse / 2 ** 20).toFixed(2)} MiB in use, operands ${(operands / 2 ** 20).toFixed(2)} MiB`);
  }
  const json = option('json');
  if (json) fs.writeFileSync(json, JSON.stringify({ peak, rows: rows.map((r) => ({ id: r.workload.id, results: r.results, flops: flops(r.workload) })) }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
