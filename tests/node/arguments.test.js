// Wrong JavaScript types get a clear Error (code bad_argument, the argument at fault in
// .param, pythonType TypeError as PyTorch would raise) and never reach the engine.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, assertError } = require('./helpers/module');

const x = () => ones([1, 1, 4, 4]);
const w = () => ones([1, 1, 3, 3]);

// [title, call, param, words the message must contain]
const cases = [
  ['weight missing', (cp) => cp.conv2d(x()), 'weight', /weight is missing/],
  ['input missing', (cp) => cp.convTranspose2d(), 'input', /input is missing/],
  ['input is a number', (cp) => cp.conv2d(3, w()), 'input', /input must be a tensor/],
  ['shape is not an array', (cp) => cp.conv2d({ data: new Float32Array(16), shape: '1,1,4,4' }, w()), 'input', /input\.shape must be an array/],
  ['shape has a negative entry', (cp) => cp.conv2d({ data: new Float32Array(16), shape: [1, 1, -4, -4] }, w()), 'input', /input\.shape .*\[1, 1, -4, -4\]/],
  ['shape has a fractional entry', (cp) => cp.conv2d(x(), { data: new Float32Array(9), shape: [1, 1, 3, 3.5] }), 'weight', /weight\.shape .*3\.5/],
  ['shape has a string entry', (cp) => cp.conv2d(x(), { data: new Float32Array(9), shape: [1, 1, '3', 3] }), 'weight', /weight\.shape/],
  ['shape has NaN', (cp) => cp.conv2d(x(), { data: new Float32Array(9), shape: [1, 1, NaN, 3] }), 'weight', /NaN/],
  ['data length differs from the shape', (cp) => cp.conv2d({ data: new Float32Array(15), shape: [1, 1, 4, 4] }, w()), 'input', /input\.data has 15 elements, but input\.shape \[1, 1, 4, 4\] needs 16/],
  ['data missing', (cp) => cp.conv2d({ shape: [1, 1, 4, 4] }, w()), 'input', /input\.data must be a Float32Array/],
  ['data is a string', (cp) => cp.conv2d({ data: 'abc', shape: [3] }, w()), 'input', /input\.data must be a Float32Array/],
  ['data Array holds a string', (cp) => cp.conv2d({ data: [1, 2, '3', 4], shape: [1, 1, 2, 2] }, ones([1, 1, 1, 1])), 'input', /at index 2/],
  ['bias is not a tensor', (cp) => cp.conv2d(x(), w(), 5), 'bias', /bias must be a tensor/],
  ['bias data length', (cp) => cp.conv2d(x(), w(), { data: new Float32Array(2), shape: [1] }), 'bias', /bias\.data has 2 elements/],
  ['options is a number', (cp) => cp.conv2d(x(), w(), null, 3), 'options', /options must be an object/],
  ['stride is a string', (cp) => cp.conv2d(x(), w(), null, { stride: '2' }), 'stride', /stride must be an integer.*'2' \(a string\)/],
  ['stride is NaN', (cp) => cp.conv2d(x(), w(), null, { stride: NaN }), 'stride', /stride must be an integer.*NaN/],
  ['padding is fractional', (cp) => cp.conv2d(x(), w(), null, { padding: 0.5 }), 'padding', /padding must be an integer/],
  ['dilation pair holds a string', (cp) => cp.convTranspose2d(x(), w(), null, { dilation: [1, 'x'] }), 'dilation', /\[1, 'x'\]/],
  ['groups is a boolean', (cp) => cp.conv2d(x(), w(), null, { groups: true }), 'groups', /groups must be an integer/],
  ['outputPadding is Infinity', (cp) => cp.convTranspose2d(x(), w(), null, { outputPadding: Infinity }), 'outputPadding', /Infinity/],
  ['outputSize is a number', (cp) => cp.convTranspose2d(x(), w(), null, { outputSize: 7 }), 'outputSize', /outputSize must be a list/],
  ['outputSize holds a string', (cp) => cp.convTranspose2d(x(), w(), null, { outputSize: [6, '6'] }), 'outputSize', /outputSize must be an integer/],
  ['paddingMode is a number', (cp) => cp.conv2d(x(), w(), null, { paddingMode: 1 }), 'paddingMode', /paddingMode must be one of/],
  ['an unknown option', (cp) => cp.conv2d(x(), w(), null, { strides: 2 }), 'strides', /unknown option 'strides'/],
  ['outputPadding given to conv2d', (cp) => cp.conv2d(x(), w(), null, { outputPadding: 1 }), 'outputPadding', /unknown option 'outputPadding'/],
  ['shape function: inputShape not an array', (cp) => cp.conv2dOutputShape(null, [1, 1, 3, 3]), 'inputShape', /inputShape must be an array/],
  ['shape function: stride NaN', (cp) => cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { stride: NaN }), 'stride', /NaN/],
];

for (const [title, call, param, words] of cases) {
  test(`${title}: a clear error, then the module still works`, async () => {
    const cp = await loadModule();
    const error = assertError(() => call(cp), { code: 'bad_argument', param, pythonType: 'TypeError' });
    assert.match(error.message, words);
    const out = cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { padding: 1 });
    assert.deepEqual(Array.from(out.data), [4, 6, 4, 6, 9, 6, 4, 6, 4]);
  });
}

test('other numeric typed arrays are accepted as data (converted to float32)', async () => {
  const cp = await loadModule();
  const out = cp.conv2d({ data: new Float64Array(16).fill(1), shape: [1, 1, 4, 4] },
                        { data: new Int8Array(9).fill(1), shape: [1, 1, 3, 3] });
  assert.deepEqual(Array.from(out.data), [9, 9, 9, 9]);
});

test('NaN and infinities inside data are values, computed as PyTorch does', async () => {
  const cp = await loadModule();
  const data = new Float32Array(16).fill(1);
  data[0] = NaN;
  data[15] = Infinity;
  const out = cp.conv2d({ data, shape: [1, 1, 4, 4] }, w());
  assert.ok(Number.isNaN(out.data[0]));
  assert.equal(out.data[3], Infinity);
  // Outputs whose window holds neither stay finite: a NaN does not spread (as in PyTorch).
  assert.deepEqual([out.data[1], out.data[2]], [9, 9]);
});

test('a Float32Array from another realm (an iframe, a vm context) is a Float32Array too', async () => {
  const cp = await loadModule();
  const vm = require('node:vm');
  const foreign = vm.runInNewContext('new Float32Array(16).fill(1)');
  assert.ok(!(foreign instanceof Float32Array));
  const out = cp.conv2d({ data: foreign, shape: [1, 1, 4, 4] }, w());
  assert.deepEqual(Array.from(out.data), [9, 9, 9, 9]);
});
