// conv2d's quick path (src/bindings/api_quick_conv2d.js) against the general path: the
// same call with plain-Array data, which the quick path leaves to the general one, must
// give the same values, the same shape and the same errors. Also: results are fresh
// arrays the caller owns, arguments are never modified, and a reused options object
// that changes between calls is read anew each time.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, random } = require('./helpers/module');

// The same tensor with its data as a plain Array: conv2d then takes the general path.
const asArray = (t) => ({ data: Array.from(t.data), shape: t.shape.slice() });

function bothPaths(cp, input, weight, bias, options) {
  const quick = cp.conv2d(input, weight, bias, options);
  const general = cp.conv2d(asArray(input), asArray(weight), bias && asArray(bias), options);
  return { quick, general };
}

function errorOf(fn) {
  try {
    fn();
  } catch (e) {
    return { message: e.message, code: e.code, param: e.param, pythonType: e.pythonType };
  }
  return null;
}

const x4 = random([2, 4, 7, 6], 1);
const x3 = random([4, 7, 6], 2);
const w = random([6, 2, 3, 2], 3);
const wDense = random([3, 4, 2, 3], 6);
const wDepthwise = random([4, 1, 3, 3], 4);
const b = random([6], 5);

const CASES = [
  ['no options', x4, wDense, null],
  ['empty options', x4, wDense, null, {}],
  ['null options', x4, wDense, null, null],
  ['ints', x4, w, b, { stride: 2, padding: 1, dilation: 1, groups: 2 }],
  ['pairs', x4, w, b, { stride: [2, 1], padding: [1, 0], dilation: [2, 1], groups: 2 }],
  ['one-element lists', x4, w, null, { stride: [2], padding: [1], groups: 2 }],
  ["'same'", x4, w, b, { padding: 'same', dilation: [1, 2], groups: 2 }],
  ["'valid'", x4, w, null, { padding: 'valid', groups: 2 }],
  ['reflect', x4, w, b, { padding: [2, 1], paddingMode: 'reflect', groups: 2 }],
  ['replicate', x4, w, null, { padding: 1, paddingMode: 'replicate', groups: 2 }],
  ['circular', x4, w, b, { padding: [1, 2], paddingMode: 'circular', groups: 2 }],
  ['zeros by name', x4, w, null, { padding: 1, paddingMode: 'zeros', groups: 2 }],
  ['keys present but undefined', x4, w, null, { stride: undefined, padding: 1, groups: 2 }],
  ['unbatched', x3, w, b, { padding: 1, groups: 2 }],
  ['depthwise', x4, wDepthwise, null, { padding: 1, groups: 4 }],
  ['empty batch', random([0, 4, 7, 6]), w, null, { groups: 2 }],
];

for (const [name, input, weight, bias, options] of CASES) {
  test(`quick path equals the general path: ${name}`, async () => {
    const cp = await loadModule();
    const { quick, general } = bothPaths(cp, input, weight, bias, options);
    assert.deepEqual(quick.shape, general.shape);
    assert.ok(quick.data instanceof Float32Array);
    assert.deepEqual(Array.from(quick.data), Array.from(general.data));
  });
}

test('options inherited through the prototype are read as the general path reads them', async () => {
  const cp = await loadModule();
  const options = Object.create({ padding: 1, groups: 2 });
  options.stride = 2;
  const { quick, general } = bothPaths(cp, x4, w, null, options);
  assert.deepEqual(quick.shape, general.shape);
  assert.deepEqual(Array.from(quick.data), Array.from(general.data));
});

test('options in the place of bias are taken as options', async () => {
  const cp = await loadModule();
  const shifted = cp.conv2d(x4, w, { padding: 1, groups: 2 });
  const expected = cp.conv2d(x4, w, null, { padding: 1, groups: 2 });
  assert.deepEqual(shifted.shape, expected.shape);
  assert.deepEqual(Array.from(shifted.data), Array.from(expected.data));
});

test('views into larger buffers are read from their own offset', async () => {
  const cp = await loadModule();
  const big = new Float32Array(1000).fill(99);
  big.set(x4.data, 123);
  const view = { data: big.subarray(123, 123 + x4.data.length), shape: x4.shape };
  const fromView = cp.conv2d(view, w, b, { groups: 2 });
  const direct = cp.conv2d(x4, w, b, { groups: 2 });
  assert.deepEqual(Array.from(fromView.data), Array.from(direct.data));
});

// Each of these is rejected; the quick path must leave every one to the general path's
// checks, or reach the engine with the same request, so the error is the same either way.
const REJECTED = [
  ['unknown option', { padding: 1, pading: 2 }],
  ['string stride', { stride: '2' }],
  ['fractional padding', { padding: 1.5 }],
  ['NaN dilation', { dilation: NaN }],
  ['three-element stride', { stride: [1, 1, 1] }],
  ['bad padding string', { padding: 'full' }],
  ['bad padding mode', { paddingMode: 'mirror' }],
  ['padding mode not a string', { paddingMode: 1 }],
  ['groups not dividing channels', { groups: 3 }],
  ['zero groups', { groups: 0 }],
  ['negative padding', { padding: -1 }],
  ['zero stride', { stride: 0 }],
  ["'same' with stride", { padding: 'same', stride: 2 }],
  ['reflect padding too large', { padding: 7, paddingMode: 'reflect' }],
  ['options an array', [1, 2]],
  ['huge stride', { stride: 2 ** 40 }],
];

for (const [name, options] of REJECTED) {
  test(`quick and general paths reject alike: ${name}`, async () => {
    const cp = await loadModule();
    const quick = errorOf(() => cp.conv2d(x4, w, null, options));
    const general = errorOf(() => cp.conv2d(asArray(x4), asArray(w), null, options));
    assert.ok(quick, 'expected an error');
    assert.deepEqual(quick, general);
    // The module keeps working after the rejection, on the quick path.
    assert.deepEqual(cp.conv2d(x4, w, null, { groups: 2 }).shape, [2, 6, 5, 5]);
  });
}

const BAD_TENSORS = [
  ['data one short', () => ({ data: x4.data.subarray(1), shape: x4.shape })],
  ['fractional dim', () => ({ data: x4.data, shape: [2, 4, 7, 6.5] })],
  ['negative dim', () => ({ data: x4.data, shape: [2, 4, -7, 6] })],
  ['string dim', () => ({ data: x4.data, shape: [2, 4, '7', 6] })],
  ['shape not an array', () => ({ data: x4.data, shape: '2,4,7,6' })],
  ['rank 5', () => ({ data: x4.data, shape: [1, 2, 4, 7, 6] })],
  ['rank 2', () => ({ data: x4.data.subarray(0, 42), shape: [7, 6] })],
  ['no data', () => ({ shape: x4.shape })],
  ['Float64Array data', () => ({ data: Float64Array.from(x4.data), shape: x4.shape })],
];

for (const [name, make] of BAD_TENSORS) {
  test(`quick path leaves odd inputs to the general path: ${name}`, async () => {
    const cp = await loadModule();
    const input = make();
    const viaQuick = errorOf(() => cp.conv2d(input, w, null, { groups: 2 }));
    let general = null;
    if (input.data instanceof Float32Array) {
      general = errorOf(() => cp.conv2d({ data: Array.from(input.data), shape: input.shape }, asArray(w), null,
                                        { groups: 2 }));
      assert.deepEqual(viaQuick, general);
    }
    if (name === 'Float64Array data') {
      assert.equal(viaQuick, null, 'other numeric arrays are accepted');
    } else {
      assert.ok(viaQuick, 'expected an error');
    }
  });
}

test('a bias of the wrong size gets the engine\'s message on both paths', async () => {
  const cp = await loadModule();
  const bias = random([5], 9);
  const quick = errorOf(() => cp.conv2d(x4, w, bias, { groups: 2 }));
  const general = errorOf(() => cp.conv2d(asArray(x4), asArray(w), asArray(bias), { groups: 2 }));
  assert.equal(quick.code, 'bias_mismatch');
  assert.deepEqual(quick, general);
});

test('every result is a fresh Float32Array that owns its buffer', async () => {
  const cp = await loadModule();
  const first = cp.conv2d(x4, w, null, { groups: 2 });
  const second = cp.conv2d(x4, w, null, { groups: 2 });
  assert.notEqual(first.data, second.data);
  assert.notEqual(first.data.buffer, second.data.buffer);
  assert.notEqual(first.shape, second.shape);
  assert.equal(first.data.byteOffset, 0);
  assert.equal(first.data.buffer.byteLength, first.data.byteLength);
  const kept = Array.from(second.data);
  first.data.fill(7);
  first.shape[0] = 99;
  assert.deepEqual(Array.from(second.data), kept);
  assert.deepEqual(cp.conv2d(x4, w, null, { groups: 2 }).shape, [2, 6, 5, 5]);
});

test('arguments are left as they were', async () => {
  const cp = await loadModule();
  const input = random([1, 4, 8, 8], 11);
  const weight = random([6, 2, 3, 3], 12);
  const bias = random([6], 13);
  const options = { stride: [1, 2], padding: 1, groups: 2, paddingMode: 'reflect' };
  const copies = [input, weight, bias].map((t) => ({ data: Array.from(t.data), shape: t.shape.slice() }));
  const optionsCopy = JSON.parse(JSON.stringify(options));
  cp.conv2d(input, weight, bias, options);
  [input, weight, bias].forEach((t, i) => {
    assert.deepEqual(Array.from(t.data), copies[i].data);
    assert.deepEqual(t.shape, copies[i].shape);
  });
  assert.deepEqual(options, optionsCopy);
});

test('an options object changed between calls is read anew', async () => {
  const cp = await loadModule();
  const options = { padding: 1, groups: 2 };
  const padded = cp.conv2d(x4, w, null, options);
  options.padding = 0;
  options.stride = 2;
  const strided = cp.conv2d(x4, w, null, options);
  assert.deepEqual(padded.shape, [2, 6, 7, 7]);
  assert.deepEqual(strided.shape, [2, 6, 3, 3]);
  delete options.stride;
  options.bogus = 1;
  assert.throws(() => cp.conv2d(x4, w, null, options), /unknown option 'bogus'/);
});

test('inputs that outgrow the scratch buffer go through, then small calls stay quick and correct', async () => {
  const cp = await loadModule();
  const small = cp.conv2d(x4, w, b, { padding: 1, groups: 2 });
  const bigInput = random([1, 4, 64, 64], 21);
  const big = cp.conv2d(bigInput, w, b, { padding: 1, groups: 2 });
  const bigGeneral = cp.conv2d(asArray(bigInput), asArray(w), asArray(b), { padding: 1, groups: 2 });
  assert.deepEqual(Array.from(big.data), Array.from(bigGeneral.data));
  const again = cp.conv2d(x4, w, b, { padding: 1, groups: 2 });
  assert.deepEqual(Array.from(again.data), Array.from(small.data));
});

// A direct sum in JavaScript, zero padding, for the small planes below.
function naiveConv2d(x, w, [sh, sw], [ph, pw], groups) {
  const [n, c, h, wd] = x.shape;
  const [oc, cg, kh, kw] = w.shape;
  const oh = Math.floor((h + 2 * ph - kh) / sh) + 1;
  const ow = Math.floor((wd + 2 * pw - kw) / sw) + 1;
  const out = new Float64Array(n * oc * oh * ow);
  for (let b = 0; b < n; b++) for (let o = 0; o < oc; o++) for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) {
    let sum = 0;
    const g = Math.floor(o / (oc / groups));
    for (let i = 0; i < cg; i++) for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) {
      const iy = y * sh - ph + ky, ix = xx * sw - pw + kx;
      if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
      sum += x.data[((b * c + g * cg + i) * h + iy) * wd + ix] * w.data[((o * cg + i) * kh + ky) * kw + kx];
    }
    out[((b * oc + o) * oh + y) * ow + xx] = sum;
  }
  return { data: out, shape: [n, oc, oh, ow] };
}

// The playground's small planes (W1 is 8x8, k=3, p=1): every output height 1..9 and
// width 1..9 around the 4- and 8-pixel steps of the depthwise stencil, against the sum.
test('small single-channel planes equal the direct sum', async () => {
  const cp = await loadModule();
  let seed = 30;
  for (let h = 1; h <= 9; h++) {
    for (let wd = 1; wd <= 9; wd++) {
      const x = random([1, 2, h, wd], seed++);
      const k = random([4, 1, 3, 3], seed++);
      const got = cp.conv2d(x, k, null, { padding: 1, groups: 2 });
      const want = naiveConv2d(x, k, [1, 1], [1, 1], 2);
      assert.deepEqual(got.shape, want.shape);
      for (let i = 0; i < want.data.length; i++) {
        assert.ok(Math.abs(got.data[i] - want.data[i]) < 1e-5, `${h}x${wd} at ${i}: ${got.data[i]} vs ${want.data[i]}`);
      }
    }
  }
});
