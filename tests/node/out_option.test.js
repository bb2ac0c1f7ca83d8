// options.out: conv2d and convTranspose2d write their result into a Float32Array the
// caller passes, instead of returning a fresh one (README, "Reusing the output array").
// Same values as without it, on the quick and the general path; the caller's array and
// nothing else is written; a wrong `out` is a ConvPlayError that leaves it untouched.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, random, assertError } = require('./helpers/module');

const x = random([2, 4, 7, 6], 1);
const w = random([6, 2, 3, 2], 2);
const b = random([6], 3);
const wt = random([4, 3, 3, 3], 4);  // convTranspose2d: [C_in, C_out/groups, kH, kW]
const bt = random([3], 5);
// The same tensor with its data as a plain Array: conv2d then takes the general path.
const asArray = (t) => ({ data: Array.from(t.data), shape: t.shape.slice() });
const count = (shape) => shape.reduce((a, c) => a * c, 1);

const CALLS = [
  ['conv2d, quick path', (cp, o) => cp.conv2d(x, w, b, { padding: 1, groups: 2, ...o })],
  ['conv2d, general path', (cp, o) => cp.conv2d(asArray(x), asArray(w), asArray(b), { padding: 1, groups: 2, ...o })],
  ['conv2d, options in the place of bias', (cp, o) => cp.conv2d(x, w, { stride: 2, groups: 2, ...o })],
  ['conv2d, unbatched, reflect', (cp, o) => cp.conv2d(random([4, 7, 6], 6), w, null,
                                                       { padding: [2, 1], paddingMode: 'reflect', groups: 2, ...o })],
  ['conv2d, depthwise', (cp, o) => cp.conv2d(x, random([4, 1, 3, 3], 7), null, { padding: 1, groups: 4, ...o })],
  ['convTranspose2d', (cp, o) => cp.convTranspose2d(x, wt, bt, { stride: 2, padding: 1, outputPadding: 1, ...o })],
  ['convTranspose2d, outputSize', (cp, o) => cp.convTranspose2d(x, wt, null, { stride: 2, outputSize: [16, 14], ...o })],
];

for (const [name, call] of CALLS) {
  test(`out receives the result, equal to a fresh one: ${name}`, async () => {
    const cp = await loadModule();
    const fresh = call(cp, {});
    const out = new Float32Array(count(fresh.shape)).fill(NaN);
    const result = call(cp, { out });
    assert.equal(result.data, out, 'the result is the caller\'s array itself');
    assert.deepEqual(result.shape, fresh.shape);
    assert.deepEqual(Array.from(out), Array.from(fresh.data));
    // Again into the same array (stale values must all be overwritten).
    out.fill(1e30);
    assert.deepEqual(Array.from(call(cp, { out }).data), Array.from(fresh.data));
  });
}

test('out may be a view: only its own elements are written', async () => {
  const cp = await loadModule();
  const fresh = cp.conv2d(x, w, b, { groups: 2 });
  const n = fresh.data.length;
  const backing = new Float32Array(n + 20).fill(7);
  const out = backing.subarray(10, 10 + n);
  cp.conv2d(x, w, b, { groups: 2, out });
  assert.deepEqual(Array.from(out), Array.from(fresh.data));
  assert.ok(backing.subarray(0, 10).every((v) => v === 7));
  assert.ok(backing.subarray(10 + n).every((v) => v === 7));
});

test('out may be the input\'s own array (the input is read before the result is written)', async () => {
  const cp = await loadModule();
  const input = random([1, 2, 5, 5], 8);
  const weight = random([2, 2, 3, 3], 9);
  const fresh = cp.conv2d(input, weight, null, { padding: 1 });
  const result = cp.conv2d(input, weight, null, { padding: 1, out: input.data });
  assert.equal(result.data, input.data);
  assert.deepEqual(Array.from(input.data), Array.from(fresh.data));
});

test('out: null or undefined means a fresh array', async () => {
  const cp = await loadModule();
  for (const out of [null, undefined]) {
    const a = cp.conv2d(x, w, b, { groups: 2, out });
    const c = cp.conv2d(x, w, b, { groups: 2, out });
    assert.notEqual(a.data, c.data);
    assert.deepEqual(Array.from(a.data), Array.from(c.data));
  }
});

const WRONG_TYPES = [
  ['a plain Array', [0, 0, 0], 'out must be a Float32Array for the result, but got [0, 0, 0]'],
  ['a Float64Array', new Float64Array(300), 'out must be a Float32Array for the result, but got a Float64Array'],
  ['a number', 5, 'out must be a Float32Array for the result, but got 5'],
];

for (const [name, out, message] of WRONG_TYPES) {
  for (const [op, call] of [['conv2d', (cp) => cp.conv2d(x, w, b, { groups: 2, out })],
                            ['convTranspose2d', (cp) => cp.convTranspose2d(x, wt, bt, { out })]]) {
    test(`${op} rejects out as ${name}, then works`, async () => {
      const cp = await loadModule();
      assertError(() => call(cp), { message: `${op}: ${message}`, code: 'bad_argument', param: 'out',
                                    pythonType: 'TypeError' });
      assert.deepEqual(cp.conv2d(x, w, b, { groups: 2 }).shape, [2, 6, 5, 5]);
    });
  }
}

for (const [name, length] of [['one short', 299], ['one long', 301], ['empty', 0]]) {
  test(`out of the wrong length (${name}) is rejected and left untouched`, async () => {
    const cp = await loadModule();
    const out = new Float32Array(length).fill(3);
    assertError(() => cp.conv2d(x, w, b, { groups: 2, out }), {
      message: `conv2d: out has ${length} elements, but the result [2, 6, 5, 5] needs 300`,
      code: 'bad_argument', param: 'out', pythonType: 'TypeError',
    });
    assert.ok(out.every((v) => v === 3));
    // The module keeps working, and the next call without out gets a fresh array.
    const next = cp.conv2d(x, w, b, { groups: 2 });
    assert.equal(next.data.length, 300);
    assert.notEqual(next.data, out);
  });
}

test('an engine error comes first, and out is left untouched', async () => {
  const cp = await loadModule();
  const out = new Float32Array(4).fill(3);
  assertError(() => cp.conv2d(x, w, b, { groups: 3, out }), { code: 'channel_mismatch', param: 'input' });
  assert.ok(out.every((v) => v === 3));
});

test('calls that return no single tensor do not take out', async () => {
  const cp = await loadModule();
  const out = new Float32Array(300);
  const unknown = (op) => new RegExp(`^${op}: unknown option 'out'`);
  assertError(() => cp.conv2dOutputShape(x.shape, w.shape, { groups: 2, out }),
              { message: unknown('conv2dOutputShape'), code: 'bad_argument', param: 'out' });
  assertError(() => cp.convTranspose2dOutputShape(x.shape, wt.shape, { out }),
              { message: unknown('convTranspose2dOutputShape'), code: 'bad_argument', param: 'out' });
  assertError(() => cp.convTranspose2dAsConv(x, wt, null, { out }),
              { message: unknown('convTranspose2dAsConv'), code: 'bad_argument', param: 'out' });
  assertError(() => cp.conv2dRoundTrip(x.shape, w.shape, { groups: 2, out }),
              { message: unknown('conv2dRoundTrip'), code: 'bad_argument', param: 'out' });
});
