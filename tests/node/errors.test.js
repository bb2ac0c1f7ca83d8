// Rejections: every golden error case gives PyTorch's message and parameter, every
// rejection PYTORCH.md documents has its code, and the module keeps working after each.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadModule, ones, zeros, assertError } = require('./helpers/module');
const { loadGolden, runCase, assertGoldenError } = require('./helpers/golden');

const errorCases = loadGolden().filter((c) => c.error);

test('the golden fixture holds error cases for both ops', () => {
  assert.ok(errorCases.some((c) => c.op === 'conv2d'), 'conv2d error cases');
  assert.ok(errorCases.some((c) => c.op === 'conv_transpose2d'), 'conv_transpose2d error cases');
});

for (const c of errorCases) {
  test(`golden ${c.op}: ${c.name}`, async () => {
    const cp = await loadModule();
    let error = null;
    try {
      runCase(cp, c);
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${c.name}: expected "${c.error.message}", the call returned`);
    assertGoldenError(error, c.error, c.name);
    assert.equal(error.pythonType, c.error.type, `${c.name}: Python exception class`);
  });
}

// A valid call whose answer is known: run after every error to show nothing broke.
function assertStillWorks(cp) {
  const out = cp.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), null, { padding: 1 });
  assert.deepEqual(Array.from(out.data), [4, 6, 4, 6, 9, 6, 4, 6, 4]);
  const up = cp.convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 3, 3]), null, { stride: 2 });
  assert.deepEqual(up.shape, [1, 1, 5, 5]);
}

const t = (shape) => ones(shape);
const conv2d = (cp, input, weight, bias, options) => cp.conv2d(t(input), t(weight), bias && t(bias), options);
const convT = (cp, input, weight, bias, options) => cp.convTranspose2d(t(input), t(weight), bias && t(bias), options);

// [title, call, expected fields]: the rejections of PYTORCH.md §4.4-4.10, one each.
const documented = [
  ['conv2d: input of rank 2', (cp) => conv2d(cp, [5, 5], [1, 1, 3, 3]), {
    message: 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [5, 5]',
    code: 'bad_input_rank', param: 'input' }],
  ['conv2d: stride of length 3', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { stride: [1, 1, 1] }), {
    message: 'expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 1, 1]',
    code: 'bad_tuple_length', param: 'stride' }],
  ['conv2d: dilation of length 0', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { dilation: [] }), {
    code: 'bad_tuple_length', param: 'dilation' }],
  ['conv2d: groups 0', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { groups: 0 }), {
    message: 'non-positive groups is not supported', code: 'non_positive_groups', param: 'groups' }],
  ['conv2d: negative padding', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { padding: [0, -1] }), {
    message: 'negative padding is not supported', code: 'negative_padding', param: 'padding' }],
  ['conv2d: stride 0', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { stride: 0 }), {
    message: 'non-positive stride is not supported', code: 'non_positive_stride', param: 'stride' }],
  ['conv2d: fewer weights than groups', (cp) => conv2d(cp, [1, 3, 5, 5], [2, 1, 3, 3], null, { groups: 3 }), {
    message: 'Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size [2, 1, 3, 3] instead',
    code: 'weight_groups_mismatch', param: 'weight' }],
  ['conv2d: weights not divisible by groups', (cp) => conv2d(cp, [1, 4, 5, 5], [3, 2, 3, 3], null, { groups: 2 }), {
    message: 'Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3]] instead',
    code: 'weight_groups_mismatch', param: 'weight' }],
  ['conv2d: input channels', (cp) => conv2d(cp, [1, 4, 5, 5], [4, 1, 3, 3], null, { groups: 2 }), {
    message: 'Given groups=2, weight of size [4, 1, 3, 3], expected input[1, 4, 5, 5] to have 2 channels, but got 4 channels instead',
    code: 'channel_mismatch', param: 'input' }],
  ['conv2d: bias size', (cp) => conv2d(cp, [1, 1, 5, 5], [2, 1, 3, 3], [3]), {
    message: 'Given weight of size [2, 1, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead',
    code: 'bias_mismatch', param: 'bias' }],
  ['conv2d: kernel larger than the padded input', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { dilation: 3 }), {
    message: "Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). Kernel size can't be greater than actual input size",
    code: 'kernel_too_large', param: 'weight' }],
  ['conv2d: dilation 0', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { dilation: [1, 0] }), {
    message: 'dilation should be greater than zero, but got [1, 0]', code: 'non_positive_dilation', param: 'dilation' }],
  ['conv2d: unknown padding string', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { padding: 'full' }), {
    message: "Invalid padding string: 'full'", code: 'bad_padding_string', param: 'padding' }],
  ["conv2d: padding 'same' with a stride", (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { padding: 'same', stride: 2 }), {
    message: "padding='same' is not supported for strided convolutions", code: 'same_with_stride', param: 'padding' }],
  ['conv2d: unknown padding mode', (cp) => conv2d(cp, [1, 1, 5, 5], [1, 1, 3, 3], null, { paddingMode: 'mirror' }), {
    message: /^padding_mode must be one of \{.*\}, but got padding_mode='mirror'$/,
    code: 'bad_padding_mode', param: 'paddingMode', pythonType: 'ValueError' }],
  ['conv2d: reflect padding as large as the input', (cp) => conv2d(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { padding: 3, paddingMode: 'reflect' }), {
    message: 'Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 3 of input 4',
    code: 'padding_too_large_for_mode', param: 'padding' }],
  ['conv2d: circular padding wrapping twice', (cp) => conv2d(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { padding: 4, paddingMode: 'circular' }), {
    message: 'Padding value causes wrapping around more than once.', code: 'padding_too_large_for_mode', param: 'padding' }],
  ['conv2d: an output too large for a browser', (cp) => conv2d(cp, [1, 1, 1, 1], [1, 1, 1, 1], null, { padding: 5000 }), {
    code: 'too_large' }],
  ['convTranspose2d: input of rank 5', (cp) => convT(cp, [1, 1, 1, 3, 3], [1, 1, 3, 3]), {
    message: 'Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [1, 1, 1, 3, 3]',
    code: 'bad_input_rank', param: 'input' }],
  ['convTranspose2d: outputPadding of length 3', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { outputPadding: [0, 0, 0] }), {
    message: 'expected output_padding to be a single integer value or a list of 2 values to match the convolution dimensions, but got output_padding=[0, 0, 0]',
    code: 'bad_tuple_length', param: 'outputPadding' }],
  ['convTranspose2d: groups -1', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { groups: -1 }), {
    message: 'non-positive groups is not supported', code: 'non_positive_groups', param: 'groups' }],
  ['convTranspose2d: negative output padding', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { outputPadding: -1 }), {
    message: 'negative output_padding is not supported', code: 'negative_output_padding', param: 'outputPadding' }],
  ['convTranspose2d: input channels', (cp) => convT(cp, [1, 4, 5, 5], [3, 2, 3, 3]), {
    message: 'Given transposed=1, weight of size [3, 2, 3, 3], expected input[1, 4, 5, 5] to have 3 channels, but got 4 channels instead',
    code: 'channel_mismatch', param: 'input' }],
  ['convTranspose2d: bias size', (cp) => convT(cp, [1, 1, 3, 3], [1, 2, 3, 3], [3]), {
    message: 'Given transposed=1, weight of size [1, 2, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead',
    code: 'bias_mismatch', param: 'bias' }],
  ['convTranspose2d: kernel of height 0', (cp) => cp.convTranspose2d(t([1, 1, 3, 3]), zeros([1, 1, 0, 3])), {
    message: 'kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 3',
    code: 'non_positive_kernel', param: 'weight' }],
  ['convTranspose2d: dilation 0', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { dilation: 0 }), {
    message: 'dilation should be greater than zero, but got dilation_height: 0, dilation_width: 0',
    code: 'non_positive_dilation', param: 'dilation' }],
  ['convTranspose2d: output padding not below stride or dilation', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { stride: [2, 1], outputPadding: [0, 1] }), {
    message: 'output padding must be smaller than either stride or dilation, but got output_padding_height: 0 output_padding_width: 1 stride_height: 2 stride_width: 1 dilation_height: 1 dilation_width: 1',
    code: 'output_padding_too_large', param: 'outputPadding' }],
  ['convTranspose2d: output too small', (cp) => convT(cp, [1, 1, 2, 2], [1, 1, 3, 3], null, { padding: 2 }), {
    message: 'Given input size per channel: (2 x 2). Calculated output size per channel: (0 x 0). Output size is too small',
    code: 'output_too_small', param: 'padding' }],
  ['convTranspose2d: outputSize of length 3', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { outputSize: [1, 7, 7] }), {
    message: 'ConvTranspose2D: for 4D input, output_size must have 2 or 4 elements (got 3)',
    code: 'bad_output_size', param: 'outputSize', pythonType: 'ValueError' }],
  ['convTranspose2d: outputSize out of range', (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { stride: 2, padding: 1, outputSize: [7, 7] }), {
    message: 'requested an output size of [7, 7], but valid sizes range from [5, 5] to [6, 6] (for an input of torch.Size([3, 3]))',
    code: 'bad_output_size', param: 'outputSize', pythonType: 'ValueError' }],
  ["convTranspose2d: padding 'same'", (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { padding: 'same' }), {
    message: "conv_transpose2d(): argument 'padding' must be tuple of ints, not str",
    code: 'bad_argument', param: 'padding', pythonType: 'TypeError' }],
  ["convTranspose2d: paddingMode 'reflect'", (cp) => convT(cp, [1, 1, 3, 3], [1, 1, 3, 3], null, { paddingMode: 'reflect' }), {
    message: 'Only "zeros" padding mode is supported for ConvTranspose2d',
    code: 'padding_mode_not_supported', param: 'paddingMode', pythonType: 'ValueError' }],
];

for (const [title, call, expected] of documented) {
  test(`${title}, and the next call still works`, async () => {
    const cp = await loadModule();
    const error = assertError(() => call(cp), expected);
    assert.equal(error.name, 'ConvPlayError');
    assert.ok(error instanceof cp.ConvPlayError);
    assert.ok(['RuntimeError', 'ValueError', 'TypeError'].includes(error.pythonType), error.pythonType);
    assertStillWorks(cp);
  });
}

test('errors in a row, then valid calls: no state leaks from one call into the next', async () => {
  const cp = await loadModule();
  for (let i = 0; i < 50; i++) {
    const [, call, expected] = documented[i % documented.length];
    assertError(() => call(cp), expected);
  }
  assertStillWorks(cp);
  // A failing call with bigger tensors must not leave its sizes behind either.
  assertError(() => conv2d(cp, [2, 8, 40, 40], [4, 3, 3, 3]), { code: 'channel_mismatch' });
  assertStillWorks(cp);
});
