// The benchmark workloads of issue 5 (W1-W5), in PyTorch's terms, with their FLOPs.
'use strict';

const WORKLOADS = [
  { id: 'W1', name: 'cell', op: 'conv2d', input: [1, 1, 8, 8], weight: [1, 1, 3, 3],
    stride: 1, padding: 1, groups: 1, unit: 'us' },
  { id: 'W2', name: 'image', op: 'conv2d', input: [1, 3, 512, 512], weight: [3, 3, 5, 5],
    stride: 1, padding: 2, groups: 1, unit: 'gflops' },
  { id: 'W3', name: 'decoder', op: 'convTranspose2d', input: [1, 64, 64, 64], weight: [64, 32, 4, 4],
    stride: 2, padding: 1, groups: 1, unit: 'gflops' },
  { id: 'W4', name: 'layer', op: 'conv2d', input: [1, 64, 56, 56], weight: [64, 64, 3, 3],
    stride: 1, padding: 1, groups: 1, unit: 'gflops' },
  { id: 'W5', name: 'depthwise', op: 'conv2d', input: [1, 64, 56, 56], weight: [64, 1, 3, 3],
    stride: 1, padding: 1, groups: 64, unit: 'gflops' },
];

const product = (dims) => dims.reduce((a, b) => a * b, 1);

function outputShape(w) {
  const [n, , h, wd] = w.input;
  const [k0, k1, kh, kw] = w.weight;
  if (w.op === 'conv2d') {
    const size = (i, k) => Math.floor((i + 2 * w.padding - k) / w.stride) + 1;
    return [n, k0, size(h, kh), size(wd, kw)];
  }
  const size = (i, k) => (i - 1) * w.stride - 2 * w.padding + k;
  return [n, k1 * w.groups, size(h, kh), size(wd, kw)];
}

// Issue 5: 2*N*Cout*Hout*Wout*(Cin/g)*kH*kW for conv2d,
//          2*N*Cin*Hin*Win*(Cout/g)*kH*kW for conv_transpose2d.
function flops(w) {
  const [, k1, kh, kw] = w.weight;
  if (w.op === 'conv2d') return 2 * product(outputShape(w)) * k1 * kh * kw;
  return 2 * product(w.input) * k1 * kh * kw;
}

// Deterministic data in [-1, 1) (a small LCG): every engine gets the same numbers.
function randomData(count, seed) {
  const data = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state / 2147483648 - 1;
  }
  return data;
}

module.exports = { WORKLOADS, outputShape, flops, product, randomData };
