// cp.convTranspose2d: PyTorch's golden results, the contract's own example, and
// outputSize choosing the output padding as nn.ConvTranspose2d.forward does.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, ramp } = require('./helpers/module');
const { loadGolden, runCase, assertCloseToGolden } = require('./helpers/golden');

const goldenCases = loadGolden().filter((c) => c.op === 'conv_transpose2d' && c.expected);

test('the golden fixture holds conv_transpose2d results', () => {
  assert.ok(goldenCases.length >= 100, `only ${goldenCases.length} valid conv_transpose2d cases`);
});

for (const c of goldenCases) {
  test(`golden: ${c.name}`, async () => {
    const cp = await loadModule();
    assertCloseToGolden(runCase(cp, c), c.expected, c.name);
  });
}

test("the contract's example: 3x3 ones, k=3, stride 2, outputPadding 1 gives [1, 1, 8, 8]", async () => {
  const cp = await loadModule();
  const out = cp.convTranspose2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { stride: 2, outputPadding: 1 });
  assert.deepEqual(out.shape, [1, 1, 8, 8]);
  // Overlaps add up: rows alternate 1/2 counts, the last row and column see only zeros (p = 0).
  const row = [1, 1, 2, 1, 2, 1, 1, 0];
  const weightOf = [1, 1, 2, 1, 2, 1, 1, 0];
  const expected = [];
  for (const r of weightOf) for (const c of row) expected.push(r * c);
  assert.deepEqual(Array.from(out.data), expected);
});

test('with padding 1 the output padding row holds real values, not zeros', async () => {
  const cp = await loadModule();
  const out = cp.convTranspose2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null,
                                 { stride: 2, padding: 1, outputPadding: 1 });
  assert.deepEqual(out.shape, [1, 1, 6, 6]);
  assert.deepEqual(Array.from(out.data.subarray(30, 36)), [1, 2, 1, 2, 1, 1]);
});

test('outputSize picks the output padding, with or without the leading dims', async () => {
  const cp = await loadModule();
  const x = ramp([1, 1, 3, 3]);
  const w = ones([1, 1, 3, 3]);
  const seven = cp.convTranspose2d(x, w, null, { stride: 2, outputSize: [7, 7] });
  const eight = cp.convTranspose2d(x, w, null, { stride: 2, outputSize: [1, 1, 8, 8] });
  assert.deepEqual(seven.shape, [1, 1, 7, 7]);
  assert.deepEqual(eight.shape, [1, 1, 8, 8]);
  const explicit = cp.convTranspose2d(x, w, null, { stride: 2, outputPadding: 1 });
  assert.deepEqual(eight.data, explicit.data);
  // outputSize replaces outputPadding entirely, as in PyTorch.
  const replaced = cp.convTranspose2d(x, w, null, { stride: 2, outputPadding: 1, outputSize: [7, 7] });
  assert.deepEqual(replaced.data, seven.data);
  assert.deepEqual(cp.convTranspose2d(x, w, null, { stride: 2, outputSize: null }).shape, [1, 1, 7, 7]);
});

test('unbatched input, bias, groups and the short form convTranspose2d(input, weight, options)', async () => {
  const cp = await loadModule();
  const x = ones([2, 2, 2]);
  const w = ones([2, 1, 1, 1]);  // groups 2: each input channel to its own output channel
  const bias = { data: Float32Array.from([1, 2]), shape: [2] };
  const out = cp.convTranspose2d(x, w, bias, { groups: 2, stride: 2 });
  assert.deepEqual(out.shape, [2, 3, 3]);
  assert.deepEqual(Array.from(out.data.subarray(0, 9)), [2, 1, 2, 1, 1, 1, 2, 1, 2]);
  assert.deepEqual(Array.from(out.data.subarray(9, 18)), [3, 2, 3, 2, 2, 2, 3, 2, 3]);
  const short = cp.convTranspose2d(x, w, { groups: 2, stride: 2 });
  assert.deepEqual(short.shape, [2, 3, 3]);
  assert.deepEqual(cp.convTranspose2d(x, w, null, { groups: 2, paddingMode: 'zeros' }).shape, [2, 2, 2]);
});
