// Hostile and random calls: every call returns a result or throws a ConvPlayError, never
// a WebAssembly trap, and the module keeps computing correct results afterwards.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones } = require('./helpers/module');

// Deterministic: a failure names its seed and call, and repeats.
function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const EXTREMES = [0, 1, 2, 3, -1, -2, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1, -(2 ** 53), 1e300, -1e300, 2 ** 62, 2 ** 63];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function randomInt(random) {
  return random() < 0.3 ? pick(random, EXTREMES) : Math.floor(random() * 6) - 1;
}

function randomOption(random) {
  const r = random();
  if (r < 0.5) return randomInt(random);
  if (r < 0.85) return Array.from({ length: Math.floor(random() * 4) }, () => randomInt(random));
  return pick(random, ['same', 'valid', 'full', undefined]);
}

// Shapes whose data fits (product small) but whose entries may be absurd: a zero dim lets
// any other dim be huge with empty data.
function randomShape(random) {
  const rank = pick(random, [0, 1, 2, 3, 4, 4, 4, 5]);
  const shape = Array.from({ length: rank }, () => Math.floor(random() * 4) + 1);
  if (rank > 0 && random() < 0.25) {
    shape[Math.floor(random() * rank)] = 0;
    shape[Math.floor(random() * rank)] = pick(random, [0, 7, 2 ** 31, 2 ** 40, 2 ** 53 - 1]);
    if (!shape.includes(0)) shape[0] = 0;
  }
  return shape;
}

function randomTensor(random) {
  const shape = randomShape(random);
  const count = shape.reduce((a, b) => a * b, 1);
  return { data: new Float32Array(count).map(() => random() * 2 - 1), shape };
}

function randomOptions(random, transposed) {
  const keys = transposed ? ['stride', 'padding', 'outputPadding', 'dilation', 'groups', 'outputSize']
                          : ['stride', 'padding', 'dilation', 'groups', 'paddingMode'];
  const options = {};
  for (const key of keys) {
    if (random() < 0.5) continue;
    if (key === 'groups') options.groups = randomInt(random);
    else if (key === 'paddingMode') options.paddingMode = pick(random, ['zeros', 'reflect', 'replicate', 'circular', 'bogus']);
    else if (key === 'outputSize') options.outputSize = Array.from({ length: Math.floor(random() * 5) }, () => randomInt(random));
    else options[key] = randomOption(random);
  }
  return options;
}

// A configuration that is usually valid: consistent channels and small sizes.
function plausibleCall(random, transposed) {
  const groups = pick(random, [1, 1, 2]);
  const cin = groups * (Math.floor(random() * 2) + 1);
  const cout = groups * (Math.floor(random() * 2) + 1);
  const k = Math.floor(random() * 3) + 1;
  const size = k + Math.floor(random() * 4);
  const batched = random() < 0.7;
  const inputShape = batched ? [Math.floor(random() * 2) + 1, cin, size, size + 1] : [cin, size, size + 1];
  const weightShape = transposed ? [cin, cout / groups, k, k] : [cout, cin / groups, k, k];
  const options = { stride: Math.floor(random() * 2) + 1, padding: Math.floor(random() * 2), groups };
  if (transposed && options.stride > 1 && random() < 0.5) options.outputPadding = 1;
  if (!transposed && random() < 0.3) options.paddingMode = pick(random, ['reflect', 'replicate', 'circular']);
  const filled = (shape) => ({ data: new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => random() - 0.5), shape });
  return { input: filled(inputShape), weight: filled(weightShape), bias: random() < 0.5 ? filled([cout]) : null, options };
}

// One hostile change to a plausible call.
function mutate(random, call, transposed) {
  const r = random();
  if (r < 0.3) call.input = randomTensor(random);
  else if (r < 0.5) call.weight = randomTensor(random);
  else if (r < 0.6) call.bias = randomTensor(random);
  else call.options = Object.assign(call.options, randomOptions(random, transposed));
}

test('5 000 random and extreme calls: results or ConvPlayErrors, never a trap', async () => {
  const cp = await loadModule();
  const random = rng(20261124);
  const exports = ['conv2d', 'convTranspose2d', 'conv2dOutputShape', 'convTranspose2dOutputShape',
                   'convTranspose2dAsConv', 'conv2dRoundTrip'];
  let results = 0;
  let errors = 0;
  for (let i = 0; i < 5000; i++) {
    const name = pick(random, exports);
    const transposed = name.startsWith('convTranspose');
    const call = plausibleCall(random, transposed);
    if (random() < 0.6) mutate(random, call, transposed);
    const { input, weight, bias, options } = call;
    const shapeOnly = name.endsWith('OutputShape') || name === 'conv2dRoundTrip';
    try {
      if (shapeOnly) cp[name](input.shape, weight.shape, options);
      else cp[name](input, weight, bias, options);
      results++;
    } catch (error) {
      assert.ok(error instanceof cp.ConvPlayError,
                `call ${i}: ${name}(${JSON.stringify([input.shape, weight.shape, bias && bias.shape, options])}) threw ${error}`);
      assert.equal(typeof error.code, 'string');
      errors++;
    }
  }
  assert.ok(results > 1000, `only ${results} calls succeeded: the generator should reach valid configurations`);
  assert.ok(errors > 1000, `only ${errors} calls failed: the generator should reach hostile configurations`);
  const out = cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { padding: 1 });
  assert.deepEqual(Array.from(out.data), [4, 6, 4, 6, 9, 6, 4, 6, 4]);
});

test('absurd sizes are refused by name, not by running out of memory', async () => {
  const cp = await loadModule();
  const cases = [
    () => cp.conv2d(ones([1, 1, 1, 1]), ones([1, 1, 1, 1]), null, { padding: 2 ** 20 }),
    () => cp.convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 1, 1]), null, { stride: 2 ** 30 }),
    () => cp.conv2dOutputShape([1, 1, 2 ** 53 - 1, 1], [1, 1, 1, 1]),
    () => cp.convTranspose2dOutputShape([1, 1, 3, 3], [1, 1, 3, 3], { dilation: 1e300 }),
    () => cp.conv2d({ data: new Float32Array(0), shape: [0, 2 ** 40, 3, 3] }, { data: new Float32Array(0), shape: [0, 2 ** 40, 3, 3] }),
  ];
  for (const call of cases) {
    assert.throws(call, (error) => error instanceof cp.ConvPlayError && typeof error.code === 'string');
  }
  assert.deepEqual(cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3])).shape, [1, 1, 1, 1]);
});
