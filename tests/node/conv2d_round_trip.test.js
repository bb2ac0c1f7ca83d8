// cp.conv2dRoundTrip: which input sizes a Conv2d sends to one output size, and the
// ConvTranspose2d output padding that brings each of them back.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, assertError } = require('./helpers/module');

test('k=3, s=2: 7x7 and 8x8 both go to 3x3; outputPadding 0 and 1 restore them', async () => {
  const cp = await loadModule();
  const trip = cp.conv2dRoundTrip([1, 1, 7, 7], [1, 1, 3, 3], { stride: 2 });
  assert.deepEqual(trip.outputShape, [1, 1, 3, 3]);
  const expected = {
    inputSize: 7,
    outputSize: 3,
    candidates: [
      { inputSize: 7, outputPadding: 0, outputPaddingValid: true },
      { inputSize: 8, outputPadding: 1, outputPaddingValid: true },
    ],
  };
  assert.deepEqual(trip.height, expected);
  assert.deepEqual(trip.width, expected);
});

test('each axis on its own, and every candidate checks out against the shape functions', async () => {
  const cp = await loadModule();
  const options = { stride: [3, 2], padding: [1, 0], dilation: [1, 2] };
  const trip = cp.conv2dRoundTrip([2, 10, 9], [4, 2, 3, 2], options);
  assert.equal(trip.height.inputSize, 10);
  assert.equal(trip.width.inputSize, 9);
  for (const [axis, name] of [[0, 'height'], [1, 'width']]) {
    const info = trip[name];
    assert.ok(info.candidates.some((c) => c.inputSize === info.inputSize), `${name}: the asked size is a candidate`);
    for (const c of info.candidates) {
      const inputShape = [2, 10, 9];
      inputShape[1 + axis] = c.inputSize;
      const out = cp.conv2dOutputShape(inputShape, [4, 2, 3, 2], options);
      assert.equal(out[1 + axis], info.outputSize, `${name} ${c.inputSize} goes to ${info.outputSize}`);
      if (!c.outputPaddingValid) continue;
      const outputPadding = [0, 0];
      outputPadding[axis] = c.outputPadding;
      const back = cp.convTranspose2dOutputShape(out, [4, 2, 3, 2],
                                                 { ...options, outputPadding });
      assert.equal(back[1 + axis], c.inputSize, `${name}: outputPadding ${c.outputPadding} restores ${c.inputSize}`);
    }
  }
});

test('stride 1 leaves no ambiguity', async () => {
  const cp = await loadModule();
  const trip = cp.conv2dRoundTrip([1, 1, 5, 5], [1, 1, 3, 3], { padding: 'valid' });
  assert.deepEqual(trip.height.candidates, [{ inputSize: 5, outputPadding: 0, outputPaddingValid: true }]);
});

test('invalid convolutions are rejected as conv2d rejects them', async () => {
  const cp = await loadModule();
  assertError(() => cp.conv2dRoundTrip([1, 1, 2, 2], [1, 1, 3, 3]), {
    message: "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    code: 'kernel_too_large',
  });
  assertError(() => cp.conv2dRoundTrip([1, 1, 5, 5], [1, 1, 3, 3], { stride: 0 }), { code: 'non_positive_stride' });
  assertError(() => cp.conv2dRoundTrip([1, 1, 5, 5], [1, 1, 3, 3], { padding: 'same' }), { code: 'bad_argument', param: 'padding' });
});

test('a stride too large to list every candidate is refused by name, and the module lives on', async () => {
  const cp = await loadModule();
  for (const stride of [65537, 2 ** 29]) {
    assertError(() => cp.conv2dRoundTrip([1, 1, 5, 5], [1, 1, 3, 3], { stride: [stride, 1] }),
                { code: 'too_large', param: 'stride' });
  }
  const trip = cp.conv2dRoundTrip([1, 1, 5, 5], [1, 1, 3, 3], { stride: [65536, 1] });
  assert.equal(trip.height.candidates.length, 65536);
  assert.deepEqual(cp.conv2dRoundTrip([1, 1, 7, 7], [1, 1, 3, 3], { stride: 2 }).width.candidates.map((c) => c.inputSize), [7, 8]);
});
