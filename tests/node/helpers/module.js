// Shared by the Node suites: loads the engine module once, exactly as a user does
// (require the factory, call it with no options), and small tensor helpers.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const assert = require('node:assert/strict');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SITE_DIR = process.env.CONVPLAY_SITE_DIR || path.join(ROOT, 'build', 'site');
const MODULE_PATH = path.join(SITE_DIR, 'convplay.js');

let modulePromise = null;

// The engine module (one instance per test file: node --test runs each file in its own process).
function loadModule() {
  if (!modulePromise) {
    if (!fs.existsSync(MODULE_PATH)) {
      throw new Error(`${MODULE_PATH} is missing: build it first (scripts/build.sh wasm)`);
    }
    const createConvPlay = require(MODULE_PATH);
    modulePromise = createConvPlay();
  }
  return modulePromise;
}

function filled(shape, valueAt) {
  const count = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = valueAt(i);
  return { data, shape };
}

const ones = (shape) => filled(shape, () => 1);
const ramp = (shape) => filled(shape, (i) => i + 1);
const zeros = (shape) => filled(shape, () => 0);

// Deterministic pseudo-random values in [-1, 1) (a small LCG: tests must repeat).
function random(shape, seed = 1) {
  let state = seed >>> 0;
  return filled(shape, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2147483648 - 1;
  });
}

// Asserts that fn throws a ConvPlayError with these fields (message: exact string or RegExp).
function assertError(fn, { message, code, param, pythonType }) {
  let error = null;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error, 'expected an error, but the call returned');
  assert.ok(error instanceof Error, `expected an Error, got ${error}`);
  if (message instanceof RegExp) assert.match(error.message, message);
  else if (message !== undefined) assert.equal(error.message, message);
  if (code !== undefined) assert.equal(error.code, code, `code of: ${error.message}`);
  if (param !== undefined) assert.equal(error.param, param, `param of: ${error.message}`);
  if (pythonType !== undefined) assert.equal(error.pythonType, pythonType, `pythonType of: ${error.message}`);
  return error;
}

module.exports = { ROOT, SITE_DIR, MODULE_PATH, loadModule, filled, ones, ramp, zeros, random, assertError };
