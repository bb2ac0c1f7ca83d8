// No leaks: 100 000 calls (successes and failures of every export) leave the wasm heap
// where it was, both the bytes malloc hands out and the size of the memory itself.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, random } = require('./helpers/module');

// One round of calls: every export, valid and rejected.
function oneRound(cp, x, w, b) {
  cp.conv2d(x, w, b, { padding: 1 });
  cp.convTranspose2d(x, w, null, { stride: 2, outputPadding: 1 });
  cp.conv2dOutputShape(x.shape, w.shape, { stride: 2 });
  cp.convTranspose2dOutputShape(x.shape, w.shape, { outputSize: [10, 10] });
  cp.convTranspose2dAsConv(x, w, null, { stride: 2 });
  cp.conv2dRoundTrip(x.shape, w.shape, { stride: 2 });
  for (const bad of [
    () => cp.conv2d(x, w, null, { groups: 2 }),
    () => cp.conv2d(x, w, null, { padding: 'full' }),
    () => cp.conv2d(x, w, null, { paddingMode: 'mirror' }),
    () => cp.convTranspose2d(x, w, null, { outputSize: [99, 99] }),
    () => cp.conv2d(x, { data: w.data, shape: [1, 1, 3] }),
  ]) {
    assert.throws(bad, cp.ConvPlayError);  // a rejection, not a crash of the glue
  }
}

test('100 000 calls leave the heap where it was', async () => {
  const cp = await loadModule();
  const x = random([1, 1, 8, 8], 1);
  const w = random([1, 1, 3, 3], 2);
  const b = { data: Float32Array.from([0.25]), shape: [1] };
  oneRound(cp, x, w, b);  // warm-up: scratch buffers reach their working size
  const bytesBefore = cp.heapBytesInUse();
  const sizeBefore = cp.heapSize();
  const rounds = 100000 / 11;  // 11 calls per round
  for (let i = 0; i < rounds; i++) oneRound(cp, x, w, b);
  assert.equal(cp.heapBytesInUse(), bytesBefore, 'bytes in use by malloc');
  assert.equal(cp.heapSize(), sizeBefore, 'size of the wasm memory');
});

test('a large call gives its memory back afterwards', async () => {
  const cp = await loadModule();
  cp.conv2d(ones([1, 1, 8, 8]), ones([1, 1, 3, 3]));
  const before = cp.heapBytesInUse();
  // 4.5 MB in and out: more than the module keeps between calls (4 MiB).
  const big = cp.conv2d(ones([1, 1, 1024, 1100]), ones([1, 1, 3, 3]), null, { padding: 1 });
  assert.deepEqual(big.shape, [1, 1, 1024, 1100]);
  assert.equal(big.data[1100 * 512 + 512], 9);
  cp.conv2d(ones([1, 1, 8, 8]), ones([1, 1, 3, 3]));
  assert.ok(cp.heapBytesInUse() <= before + 4096, `${cp.heapBytesInUse()} bytes in use, ${before} before`);
});
