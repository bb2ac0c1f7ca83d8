// window.convplay.exportPyTorch() (CONTRACT.md §6): the page's script, run as is by
// Debian's PyTorch (/usr/bin/python3), computes the y that getState().output shows.
// The 50 random states of tests/native/pytorch_export_test.cpp cover the parameters.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('child_process');
const { openSession, openPlayground } = require('./harness');

let site, close, page;

test.before(async () => {
  ({ site, close, page } = await openSession({ page: true }));
});

test.after(() => close());

// Runs `script` and returns y as a flat array (printed as JSON after the script's own
// prints), or null when this python has no torch.
function runWithPyTorch(script) {
  const result = spawnSync('/usr/bin/python3', ['-'], {
    input: `${script}\nimport json\nprint(json.dumps(y.detach().flatten().tolist()))\n`,
    encoding: 'utf8', timeout: 120000,
  });
  if (/No module named 'torch'/.test(result.stderr) || result.error) return null;
  assert.strictEqual(result.status, 0, `python3 failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return { y: JSON.parse(lines[lines.length - 1]), printed: lines.slice(0, -1).join('\n') };
}

for (const hash of [
  'op=conv_transpose2d&in=3x4&cin=2&cout=4&k=3x2&s=2&p=1&op_pad=1&g=2&bias=1',
  'op=conv2d&in=6x5&cin=3&cout=3&k=3&p=same&d=2&g=3&mode=circular&bias=1',
]) {
  test(`the exported script of #${hash} gives getState().output`, async (t) => {
    await page.goto('about:blank');
    await openPlayground(page, `${site.url}/index.html#${hash}`);
    const { script, state } = await page.evaluate(() => ({
      script: window.convplay.exportPyTorch(), state: window.convplay.getState(),
    }));
    assert.ok(state.valid, `the state is valid: ${state.error}`);
    assert.match(script, state.op === 'conv2d' ? /nn\.Conv2d\(/ : /nn\.ConvTranspose2d\(/);
    const run = runWithPyTorch(script);
    if (run === null) {
      t.skip('/usr/bin/python3 cannot import torch (install python3-torch)');
      return;
    }
    assert.match(run.printed, new RegExp(`torch\\.Size\\(\\[${state.outputShape.join(', ')}\\]\\)`));
    assert.strictEqual(run.y.length, state.output.length);
    run.y.forEach((value, i) => {
      assert.ok(Math.abs(value - state.output[i]) <= 1e-4 * (1 + Math.abs(state.output[i])),
                `y[${i}] is ${value}, the page shows ${state.output[i]}`);
    });
  });
}
