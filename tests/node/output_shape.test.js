// cp.conv2dOutputShape / cp.convTranspose2dOutputShape: on every golden case they give
// the op's result shape, or reject with the op's very error (bias aside).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, assertError } = require('./helpers/module');
const { loadGolden, runShapeCase, assertGoldenError } = require('./helpers/golden');

// Errors about the bias are the ops' alone: the shape functions take no bias.
const cases = loadGolden().filter((c) => !(c.error && c.error.param === 'bias'));

test('the golden fixture gives the shape functions cases to answer and to reject', () => {
  assert.ok(cases.filter((c) => c.expected).length >= 300, 'valid cases');
  assert.ok(cases.filter((c) => c.error).length >= 100, 'rejected cases');
});

for (const c of cases) {
  test(`golden ${c.op}: ${c.name}`, async () => {
    const cp = await loadModule();
    if (c.expected) {
      assert.deepEqual(runShapeCase(cp, c), c.expected.shape);
      return;
    }
    let error = null;
    try {
      runShapeCase(cp, c);
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${c.name}: expected "${c.error.message}"`);
    assertGoldenError(error, c.error, c.name);
  });
}

test('shapes from the tutorial table (k=3): conv_transpose2d sizes for i, s, p', async () => {
  const cp = await loadModule();
  const table = [[2, 1, 0, 4], [2, 1, 1, 2], [2, 2, 0, 5], [2, 2, 1, 3],
                 [3, 1, 0, 5], [3, 1, 1, 3], [3, 2, 0, 7], [3, 2, 1, 5]];
  for (const [i, s, p, out] of table) {
    assert.deepEqual(cp.convTranspose2dOutputShape([1, 1, i, i], [1, 1, 3, 3], { stride: s, padding: p }),
                     [1, 1, out, out], `i=${i} s=${s} p=${p}`);
  }
});

test('7x7 and 8x8 both go to 3x3 (k=3, s=2), and back with outputPadding 0 or 1', async () => {
  const cp = await loadModule();
  assert.deepEqual(cp.conv2dOutputShape([1, 1, 7, 7], [1, 1, 3, 3], { stride: 2 }), [1, 1, 3, 3]);
  assert.deepEqual(cp.conv2dOutputShape([1, 1, 8, 8], [1, 1, 3, 3], { stride: 2 }), [1, 1, 3, 3]);
  assert.deepEqual(cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { stride: 2 }), [1, 1, 7, 7]);
  assert.deepEqual(cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { stride: 2, outputPadding: 1 }),
                   [1, 1, 8, 8]);
});

test('rank, rectangular options and outputSize', async () => {
  const cp = await loadModule();
  assert.deepEqual(cp.conv2dOutputShape([3, 10, 12], [6, 3, 3, 5], { stride: [2, 3], padding: [1, 2] }), [6, 5, 4]);
  assert.deepEqual(cp.convTranspose2dOutputShape([2, 4, 3, 3], [4, 2, 4, 4], { stride: 2, padding: 1, groups: 2 }),
                   [2, 4, 6, 6]);
  assert.deepEqual(cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { stride: 2, outputSize: [8, 7] }),
                   [1, 1, 8, 7]);
});

test('the shape functions reject what the ops reject, with the same words', async () => {
  const cp = await loadModule();
  assertError(() => cp.conv2dOutputShape([1, 4, 5, 5], [4, 1, 3, 3], { groups: 2 }), {
    message: 'Given groups=2, weight of size [4, 1, 3, 3], expected input[1, 4, 5, 5] to have 2 channels, but got 4 channels instead',
    param: 'input',
  });
  assertError(() => cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { stride: 2, padding: 1, outputSize: [7, 7] }), {
    message: 'requested an output size of [7, 7], but valid sizes range from [5, 5] to [6, 6] (for an input of torch.Size([3, 3]))',
    param: 'outputSize',
  });
  assertError(() => cp.conv2dOutputShape([1, 1, -5, 5], [1, 1, 3, 3]), { code: 'bad_argument', param: 'inputShape' });
  assertError(() => cp.convTranspose2dOutputShape([1, 1, 5, 5], [1, 1, 3, 3.5]), { code: 'bad_argument', param: 'weightShape' });
});
