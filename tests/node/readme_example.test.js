// The README's JavaScript example runs as printed and prints what its comments say.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, MODULE_PATH } = require('./helpers/module');

// The first ```js block of the section "Use the engine from JavaScript" (README.md, or
// docs/javascript.md until the README has the section).
function exampleCode() {
  const readme = path.join(ROOT, 'README.md');
  let text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '';
  const start = text.indexOf('## Use the engine from JavaScript');
  text = start >= 0 ? text.slice(start) : fs.readFileSync(path.join(ROOT, 'docs', 'javascript.md'), 'utf8');
  const match = text.match(/```js\n([\s\S]*?)```/);
  assert.ok(match, 'no ```js block in the section');
  return match[1];
}

test('the JavaScript example of the README runs and prints what it says', () => {
  // The example requires './build/site/convplay.js' from the repository root; point it at
  // the module under test (CONVPLAY_SITE_DIR may move it).
  const code = exampleCode().replace("'./build/site/convplay.js'", JSON.stringify(MODULE_PATH));
  const out = execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  const compact = out.replace(/\s+/g, ' ');
  for (const expected of ['[ 1, 1, 8, 8 ]', '[ 1, 1, 2, 1, 2, 1, 1, 0 ]', '[ 1, 2, 5, 5 ]', '[ 1, 1, 3, 3 ]',
                          'Given groups=2, weight of size [4, 1, 3, 3], expected input[1, 4, 5, 5] to have 2 channels, but got 4 channels instead',
                          'channel_mismatch input RuntimeError']) {
    assert.ok(compact.includes(expected), `the example should print ${expected}; it printed:\n${out}`);
  }
});
