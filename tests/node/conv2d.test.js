// cp.conv2d: PyTorch's golden results, results checkable by eye, and the contract's
// promises about arguments (views, plain Arrays, never modified, fresh results).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, ramp, random } = require('./helpers/module');
const { loadGolden, runCase, assertCloseToGolden } = require('./helpers/golden');

const goldenCases = loadGolden().filter((c) => c.op === 'conv2d' && c.expected);

test('the golden fixture holds conv2d results', () => {
  assert.ok(goldenCases.length >= 100, `only ${goldenCases.length} valid conv2d cases`);
});

for (const c of goldenCases) {
  test(`golden: ${c.name}`, async () => {
    const cp = await loadModule();
    assertCloseToGolden(runCase(cp, c), c.expected, c.name);
  });
}

test('ones 3x3 with a 3x3 kernel of ones and padding 1 counts the neighbours', async () => {
  const cp = await loadModule();
  const out = cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { padding: 1 });
  assert.deepEqual(out.shape, [1, 1, 3, 3]);
  assert.deepEqual(Array.from(out.data), [4, 6, 4, 6, 9, 6, 4, 6, 4]);
});

test('an unbatched input gives an unbatched output', async () => {
  const cp = await loadModule();
  const out = cp.conv2d(ramp([1, 4, 4]), ones([2, 1, 3, 3]));
  assert.deepEqual(out.shape, [2, 2, 2]);
  // Each output is the sum of a 3x3 window of 1..16: top-left 1+2+3+5+6+7+9+10+11 = 54.
  assert.deepEqual(Array.from(out.data), [54, 63, 90, 99, 54, 63, 90, 99]);
});

test('an empty batch (N = 0) gives an empty result of the right shape', async () => {
  const cp = await loadModule();
  const out = cp.conv2d({ data: new Float32Array(0), shape: [0, 1, 5, 5] }, ones([2, 1, 3, 3]));
  assert.deepEqual(out.shape, [0, 2, 3, 3]);
  assert.equal(out.data.length, 0);
});

test('bias, options and the short form conv2d(input, weight, options)', async () => {
  const cp = await loadModule();
  const bias = { data: Float32Array.from([10, -1]), shape: [2] };
  const withBias = cp.conv2d(ones([1, 1, 3, 3]), ones([2, 1, 3, 3]), bias);
  assert.deepEqual(Array.from(withBias.data), [19, 8]);
  const full = cp.conv2d(ones([1, 1, 5, 5]), ones([1, 1, 3, 3]), null, { stride: 2, padding: 1 });
  const short = cp.conv2d(ones([1, 1, 5, 5]), ones([1, 1, 3, 3]), { stride: 2, padding: 1 });
  assert.deepEqual(short, full);
  assert.deepEqual(full.shape, [1, 1, 3, 3]);
  assert.deepEqual(cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, {}).shape, [1, 1, 1, 1]);
  assert.deepEqual(cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), undefined, undefined).shape, [1, 1, 1, 1]);
});

test("padding 'same' keeps the size and puts the odd extra padding at the bottom/right", async () => {
  const cp = await loadModule();
  // k=2: total padding 1, all of it after; each output sums x[i, j..j+1] and x[i+1, j..j+1].
  const out = cp.conv2d(ramp([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { padding: 'same' });
  assert.deepEqual(out.shape, [1, 1, 2, 2]);
  assert.deepEqual(Array.from(out.data), [10, 6, 7, 4]);
});

test('padding modes read the padded cells from the input', async () => {
  const cp = await loadModule();
  // 1x3 row [1, 2, 3], kernel 1x3 of ones, padding (0, 1): the two edge outputs show the ghosts.
  const row = { data: Float32Array.from([1, 2, 3]), shape: [1, 1, 1, 3] };
  const kernel = ones([1, 1, 1, 3]);
  const edges = (mode) => Array.from(cp.conv2d(row, kernel, null, { padding: [0, 1], paddingMode: mode }).data);
  assert.deepEqual(edges('zeros'), [3, 6, 5]);
  assert.deepEqual(edges('reflect'), [2 + 1 + 2, 6, 2 + 3 + 2]);
  assert.deepEqual(edges('replicate'), [1 + 1 + 2, 6, 2 + 3 + 3]);
  assert.deepEqual(edges('circular'), [3 + 1 + 2, 6, 2 + 3 + 1]);
});

test('circular padding of an unbatched input is computed as a batch of one', async () => {
  const cp = await loadModule();
  const x = random([2, 4, 5], 7);
  const w = random([3, 2, 3, 3], 8);
  const unbatched = cp.conv2d(x, w, null, { padding: 2, paddingMode: 'circular' });
  const batched = cp.conv2d({ data: x.data, shape: [1, 2, 4, 5] }, w, null, { padding: 2, paddingMode: 'circular' });
  assert.deepEqual(unbatched.shape, [3, 6, 7]);
  assert.deepEqual(unbatched.data, batched.data);
});

test('data may be a subarray view or a plain Array of numbers', async () => {
  const cp = await loadModule();
  const x = random([1, 2, 5, 5], 3);
  const w = random([4, 2, 3, 3], 4);
  const reference = cp.conv2d(x, w, null, { padding: 1 });
  const buffer = new Float32Array(x.data.length + 11);
  buffer.set(x.data, 7);
  const view = { data: buffer.subarray(7, 7 + x.data.length), shape: x.shape };
  assert.deepEqual(cp.conv2d(view, w, null, { padding: 1 }).data, reference.data);
  const plain = { data: Array.from(x.data), shape: x.shape };
  assert.deepEqual(cp.conv2d(plain, { data: Array.from(w.data), shape: w.shape }, null, { padding: 1 }).data,
                   reference.data);
});

test('arguments are never modified and each result is a fresh array the caller owns', async () => {
  const cp = await loadModule();
  const x = random([1, 1, 6, 6], 5);
  const w = random([1, 1, 3, 3], 6);
  const b = { data: Float32Array.from([0.5]), shape: [1] };
  const options = { stride: [1, 2], padding: [1, 0], dilation: 1, groups: 1, paddingMode: 'reflect' };
  const before = JSON.stringify([Array.from(x.data), x.shape, Array.from(w.data), w.shape, Array.from(b.data), options]);
  const first = cp.conv2d(x, w, b, options);
  const kept = Float32Array.from(first.data);
  const second = cp.conv2d(x, w, b, options);
  assert.equal(JSON.stringify([Array.from(x.data), x.shape, Array.from(w.data), w.shape, Array.from(b.data), options]), before);
  assert.notEqual(first.data, second.data);
  assert.notEqual(first.data.buffer, cp.HEAPF32.buffer, 'the result must not be a view of the wasm heap');
  first.data.fill(42);
  assert.deepEqual(second.data, kept);
  assert.deepEqual(cp.conv2d(x, w, b, options).data, kept);
});
