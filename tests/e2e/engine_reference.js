// What the engine module (build/site/convplay.js) computes for a playground state, so
// the e2e tests can compare the page's output with it. Returns null when the module is
// not built.
'use strict';
const fs = require('fs');
const path = require('path');
const { SITE_DIR } = require('./harness');

let modulePromise = null;
function loadEngine() {
  const file = path.join(SITE_DIR, 'convplay.js');
  if (!fs.existsSync(file)) return Promise.resolve(null);
  if (!modulePromise) modulePromise = require(file)();
  return modulePromise;
}

// "3" -> 3, "3x2" -> [3, 2] (the hash's per-axis syntax, as getState returns it).
function pair(value) {
  if (typeof value === 'number') return value;
  const parts = String(value).split('x').map(Number);
  return parts.length === 1 ? parts[0] : parts;
}

async function engineOutput(state) {
  const cp = await loadEngine();
  if (!cp) return null;
  const input = { data: Float32Array.from(state.input), shape: state.inputShape };
  const weight = { data: Float32Array.from(state.weight), shape: state.weightShape };
  const bias = state.bias ? { data: Float32Array.from(state.biasValues), shape: state.biasShape } : null;
  const options = { stride: pair(state.s), dilation: pair(state.d), groups: state.g };
  if (state.op === 'conv2d') {
    options.padding = state.p === 'same' || state.p === 'valid' ? state.p : pair(state.p);
    options.paddingMode = state.mode;
    return cp.conv2d(input, weight, bias, options);
  }
  options.padding = pair(state.p);
  options.outputPadding = pair(state.op_pad);
  return cp.convTranspose2d(input, weight, bias, options);
}

module.exports = { engineOutput, loadEngine };
