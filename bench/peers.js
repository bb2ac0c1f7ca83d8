// The peers, each behind the same tiny interface: prepare(workload, input, weight)
// returns an async run() that does one full call (input in, result out as a
// Float32Array in PyTorch's NCHW layout for checking). Weights are constants of the
// prepared model, as a deployed network would hold them; the input goes in per call.
'use strict';

const path = require('path');
const { buildConvModel } = require('./onnx_model');
const { outputShape } = require('./workloads');

const NODE_MODULES = path.join(__dirname, '..', 'node_modules');

// ---- onnxruntime-web, wasm backend, one thread ------------------------------------

async function createOnnxRuntime() {
  const ort = require('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.simd = true;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = path.join(NODE_MODULES, 'onnxruntime-web', 'dist') + path.sep;
  return {
    name: 'onnxruntime-web',
    version: require(path.join(NODE_MODULES, 'onnxruntime-web', 'package.json')).version,
    async prepare(w, input, weight) {
      const outShape = outputShape(w);
      const pads = [w.padding, w.padding, w.padding, w.padding];
      const model = buildConvModel({
        op: w.op === 'conv2d' ? 'Conv' : 'ConvTranspose', inputShape: w.input,
        weightShape: w.weight, weight, outputShape: outShape,
        attrs: { strides: [w.stride, w.stride], pads, dilations: [1, 1], group: w.groups },
      });
      const session = await ort.InferenceSession.create(model, {
        executionProviders: ['wasm'], graphOptimizationLevel: 'all',
        intraOpNumThreads: 1, interOpNumThreads: 1,
      });
      return {
        run: async () => {
          const feeds = { X: new ort.Tensor('float32', input, w.input) };
          const result = await session.run(feeds);
          return result.Y.data;
        },
        toNchw: (data) => data,
        dispose: () => session.release(),
      };
    },
  };
}

// ---- TensorFlow.js, wasm backend (XNNPACK), single-threaded binary ----------------

function nchwToNhwc(data, [n, c, h, w]) {
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) out[((b * h + y) * w + x) * c + ch] = data[((b * c + ch) * h + y) * w + x];
  return out;
}

function nhwcToNchw(data, [n, c, h, w]) {
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) out[((b * c + ch) * h + y) * w + x] = data[((b * h + y) * w + x) * c + ch];
  return out;
}

// PyTorch weight layouts to TensorFlow filter layouts (both index as w[a][b][ky][kx]):
// conv2d [Cout, Cin, kH, kW] -> [kH, kW, Cin, Cout]; depthwise [C*m, 1, kH, kW] ->
// [kH, kW, C, m]; conv_transpose2d [Cin, Cout, kH, kW] -> [kH, kW, Cout, Cin].
function tfFilter(w, weight) {
  const [a, b, kh, kw] = w.weight;
  const out = new Float32Array(weight.length);
  const depthwise = w.op === 'conv2d' && w.groups > 1;
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) {
          const v = weight[((i * b + j) * kh + y) * kw + x];
          let at;
          if (depthwise) {
            const m = a / w.groups;  // channel multiplier
            at = ((y * kw + x) * w.groups + Math.floor(i / m)) * m + (i % m);
          } else if (w.op === 'conv2d') {
            at = ((y * kw + x) * b + j) * a + i;
          } else {
            at = ((y * kw + x) * b + j) * a + i;
          }
          out[at] = v;
        }
  return out;
}

async function createTfjs() {
  const tf = require('@tensorflow/tfjs-core');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);  // the single-threaded SIMD binary
  wasm.setWasmPaths(path.join(NODE_MODULES, '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  if (!tf.env().getBool('WASM_HAS_SIMD_SUPPORT')) throw new Error('tfjs-backend-wasm: no SIMD');
  return {
    name: 'tfjs-backend-wasm',
    version: require(path.join(NODE_MODULES, '@tensorflow', 'tfjs-backend-wasm', 'package.json')).version,
    async prepare(w, input, weight) {
      const [n, c, h, wd] = w.input;
      const nhwc = nchwToNhwc(input, w.input);
      const [kh, kw] = w.weight.slice(2);
      const filterShape = w.op === 'conv2d' && w.groups > 1 ? [kh, kw, c, w.weight[0] / w.groups]
        : w.op === 'conv2d' ? [kh, kw, c, w.weight[0]] : [kh, kw, w.weight[1], c];
      const filter = tf.tensor4d(tfFilter(w, weight), filterShape);
      const outShape = outputShape(w);
      const pad = [[0, 0], [w.padding, w.padding], [w.padding, w.padding], [0, 0]];
      let op;
      if (w.op === 'conv2d' && w.groups > 1) {
        op = (x) => tf.depthwiseConv2d(x, filter, w.stride, pad);
      } else if (w.op === 'conv2d') {
        op = (x) => tf.conv2d(x, filter, w.stride, pad);
      } else {
        // TF's 'same' for a transposed conv pads (k - s) in total, split evenly: for
        // k=4, s=2 that is PyTorch's padding=1 (checked against convplay's output).
        const outNhwc = [outShape[0], outShape[2], outShape[3], outShape[1]];
        op = (x) => tf.conv2dTranspose(x, filter, outNhwc, w.stride, 'same');
      }
      const nhwcOut = [outShape[0], outShape[2], outShape[3], outShape[1]];
      return {
        run: async () => {
          const x = tf.tensor4d(nhwc, [n, h, wd, c]);
          const y = op(x);
          const data = y.dataSync();
          x.dispose();
          y.dispose();
          return data;
        },
        // For the check only: back to NCHW.
        toNchw: (data) => nhwcToNchw(data, [nhwcOut[0], nhwcOut[3], nhwcOut[1], nhwcOut[2]]),
        dispose: () => filter.dispose(),
      };
    },
  };
}

module.exports = { createOnnxRuntime, createTfjs };
