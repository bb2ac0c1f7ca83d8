// cp.convTranspose2dAsConv: the tutorial's formulation (spread, pad or crop, flipped
// kernel at stride 1) hands out its intermediates and agrees with cp.convTranspose2d.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, ramp, random, assertError } = require('./helpers/module');
const { loadGolden, tensorOf, assertCloseToGolden } = require('./helpers/golden');

const goldenCases = loadGolden().filter((c) => c.op === 'conv_transpose2d' && c.expected);

for (const c of goldenCases) {
  test(`golden output: ${c.name}`, async () => {
    const cp = await loadModule();
    const steps = cp.convTranspose2dAsConv(tensorOf(c.input), tensorOf(c.weight), tensorOf(c.bias), c.options);
    assertCloseToGolden(steps.output, c.expected, c.name);
  });
}

test('2x2 ones, k=3, stride 2, padding 1: spread, padded, kernel and output', async () => {
  const cp = await loadModule();
  const steps = cp.convTranspose2dAsConv(ones([1, 1, 2, 2]), ramp([1, 1, 3, 3]), null, { stride: 2, padding: 1 });
  // Zeros inserted stride - 1 = 1 apart.
  assert.deepEqual(steps.spread.shape, [1, 1, 3, 3]);
  assert.deepEqual(Array.from(steps.spread.data), [1, 0, 1, 0, 0, 0, 1, 0, 1]);
  // Padded by dilation * (k - 1) - padding = 1 on every side.
  assert.deepEqual(steps.pads, { top: 1, bottom: 1, left: 1, right: 1 });
  assert.deepEqual(steps.padded.shape, [1, 1, 5, 5]);
  assert.deepEqual(Array.from(steps.padded.data.subarray(5, 10)), [0, 1, 0, 1, 0]);
  // The kernel flipped 180 degrees.
  assert.deepEqual(Array.from(steps.equivalentKernel.data), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const direct = cp.convTranspose2d(ones([1, 1, 2, 2]), ramp([1, 1, 3, 3]), null, { stride: 2, padding: 1 });
  assert.deepEqual(steps.output, direct);
});

test('negative padding crops, output padding adds at the bottom/right only', async () => {
  const cp = await loadModule();
  const cropped = cp.convTranspose2dAsConv(ones([1, 1, 5, 5]), ones([1, 1, 3, 3]), null, { padding: 3 });
  assert.deepEqual(cropped.pads, { top: -1, bottom: -1, left: -1, right: -1 });
  assert.deepEqual(cropped.output.shape, [1, 1, 1, 1]);
  const extra = cp.convTranspose2dAsConv(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { stride: 2, outputPadding: 1 });
  assert.deepEqual(extra.pads, { top: 2, bottom: 3, left: 2, right: 3 });
});

test('groups swap in/out channels per group in the equivalent kernel', async () => {
  const cp = await loadModule();
  const x = random([1, 4, 3, 3], 11);
  const w = random([4, 3, 2, 2], 12);  // C_in 4, C_out 3 * 2 = 6, groups 2
  const steps = cp.convTranspose2dAsConv(x, w, null, { groups: 2, stride: 2 });
  assert.deepEqual(steps.equivalentKernel.shape, [6, 2, 2, 2]);
  // w_eq[g*Cout_g + o, i] = flip(w[g*Cin_g + i, o]) with Cin_g = 2, Cout_g = 3.
  const at = (t, a, b, ky, kx) => t.data[((a * t.shape[1] + b) * 2 + ky) * 2 + kx];
  assert.equal(at(steps.equivalentKernel, 3 + 1, 0, 0, 0), at(w, 2 + 0, 1, 1, 1));
  const direct = cp.convTranspose2d(x, w, null, { groups: 2, stride: 2 });
  assert.deepEqual(steps.output.shape, direct.shape);
  for (let i = 0; i < direct.data.length; i++) assert.ok(Math.abs(steps.output.data[i] - direct.data[i]) < 1e-5);
});

test('unbatched input keeps its rank; errors are the ones convTranspose2d gives', async () => {
  const cp = await loadModule();
  const steps = cp.convTranspose2dAsConv(ones([1, 2, 2]), ones([1, 1, 3, 3]), null, { stride: 2 });
  assert.deepEqual(steps.spread.shape, [1, 3, 3]);
  assert.deepEqual(steps.output.shape, [1, 5, 5]);
  assert.deepEqual(steps.equivalentKernel.shape, [1, 1, 3, 3]);
  const call = (f) => f(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { stride: [2, 1], outputPadding: [0, 1] });
  let direct = null;
  try {
    call(cp.convTranspose2d);
  } catch (e) {
    direct = e;
  }
  assertError(() => call(cp.convTranspose2dAsConv), { message: direct.message, code: direct.code, param: direct.param });
});
