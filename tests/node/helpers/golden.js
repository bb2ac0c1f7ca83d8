// The shared PyTorch golden fixture (tests/golden/cases.json, written by
// tests/golden/generate.py) and the float32 tolerance it documents.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { ROOT } = require('./module');

const GOLDEN_PATH = path.join(ROOT, 'tests', 'golden', 'cases.json');

function loadGolden() {
  const fixture = JSON.parse(fs.readFileSync(GOLDEN_PATH, 'utf8'));
  return fixture.cases;
}

// A fixture tensor as the API takes it.
function tensorOf(json) {
  return json === null ? null : { data: Float32Array.from(json.data), shape: json.shape };
}

// The JS call a case stands for.
function runCase(cp, c) {
  const call = c.op === 'conv2d' ? cp.conv2d : cp.convTranspose2d;
  return call(tensorOf(c.input), tensorOf(c.weight), tensorOf(c.bias), c.options);
}

function runShapeCase(cp, c) {
  const call = c.op === 'conv2d' ? cp.conv2dOutputShape : cp.convTranspose2dOutputShape;
  return call(c.input.shape, c.weight.shape, c.options);
}

// |got - expected| <= 2^-24 * ((terms + 2) * magnitude + 2 * |expected|), per element
// (Higham's bound for a float32 dot product of `terms` products, as the fixture says).
function assertCloseToGolden(got, expected, name) {
  assert.deepEqual(got.shape, expected.shape, `${name}: shape`);
  assert.ok(got.data instanceof Float32Array, `${name}: data is a Float32Array`);
  assert.equal(got.data.length, expected.data.length, `${name}: length`);
  const unit = 2 ** -24;
  for (let i = 0; i < expected.data.length; i++) {
    const want = expected.data[i];
    const tolerance = unit * ((expected.terms + 2) * expected.magnitude + 2 * Math.abs(want));
    const diff = Math.abs(got.data[i] - want);
    if (!(diff <= tolerance)) {
      assert.fail(`${name}: element ${i} is ${got.data[i]}, PyTorch says ${want} (tolerance ${tolerance})`);
    }
  }
}

// The engine error for a case matches PyTorch's: same message (unless PyTorch's varies
// from process to process: then the same opening words; plus convplay's culprit
// sentence where the fixture has one) and the same parameter.
function assertGoldenError(error, expected, name) {
  assert.ok(error instanceof Error, `${name}: an Error`);
  if (expected.message_varies) {
    const opening = expected.message.split(/[{[]/)[0];
    assert.ok(error.message.startsWith(opening), `${name}: "${error.message}" should start with "${opening}"`);
  } else {
    // PyTorch's words, then (for a weight of the wrong rank) the sentence naming the culprit.
    const full = expected.culprit ? `${expected.message} ${expected.culprit}` : expected.message;
    assert.equal(error.message, full, `${name}: message`);
  }
  assert.equal(error.param, expected.param, `${name}: param (message: ${error.message})`);
  assert.equal(typeof error.code, 'string', `${name}: code`);
  assert.match(error.code, /^[a-z]+(_[a-z]+)*$/, `${name}: code is snake_case`);
}

module.exports = { GOLDEN_PATH, loadGolden, tensorOf, runCase, runShapeCase, assertCloseToGolden, assertGoldenError };
