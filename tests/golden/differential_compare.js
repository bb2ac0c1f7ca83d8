// Replays build/differential/cases.json (tests/golden/differential.py) through the built
// module and prints every disagreement with torch: a shape, values beyond the fixture's
// tolerance, an acceptance or rejection torch does not share, or other words. Not a suite.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runCase } = require('../node/helpers/golden');

const ROOT = path.join(__dirname, '..', '..');
const casesPath = path.join(ROOT, 'build', 'differential', 'cases.json');

// What differs between torch's answer (the case) and the engine's, or null.
function difference(c, got, error) {
  if (c.expected) {
    if (error) return `convplay rejects: ${error.message}`;
    if (JSON.stringify(got.shape) !== JSON.stringify(c.expected.shape)) {
      return `shape ${JSON.stringify(got.shape)}, torch ${JSON.stringify(c.expected.shape)}`;
    }
    const unit = 2 ** -24;
    const bad = c.expected.data.filter((want, i) =>
      !(Math.abs(got.data[i] - want) <= unit * ((c.expected.terms + 2) * c.expected.magnitude + 2 * Math.abs(want))));
    return bad.length ? `${bad.length} values beyond tolerance` : null;
  }
  if (!error) return `convplay accepts (shape ${JSON.stringify(got.shape)}); torch: ${c.error.message}`;
  const full = c.error.culprit ? `${c.error.message} ${c.error.culprit}` : c.error.message;
  if (error.param !== c.error.param || (!c.error.message_varies && error.message !== full)) {
    return `convplay: ${error.message} [${error.param}]; torch: ${full} [${c.error.param}]`;
  }
  return null;
}

(async () => {
  const cp = await require(path.join(ROOT, 'build', 'site', 'convplay.js'))();
  const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8')).cases;
  let differences = 0;
  for (const c of cases) {
    let got = null;
    let error = null;
    try {
      got = runCase(cp, c);
    } catch (e) {
      error = e;
    }
    const what = difference(c, got, error);
    if (!what) continue;
    differences++;
    const call = [c.op, c.input.shape, c.weight.shape, c.bias && c.bias.shape, c.options];
    console.log(`${JSON.stringify(call)}\n    ${what}`);
  }
  console.log(`${cases.length} cases, ${differences} differences`);
})();
