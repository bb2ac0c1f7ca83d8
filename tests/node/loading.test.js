// Loading: build/site/convplay.js is a factory named createConvPlay that loads in Node
// with no options (from any working directory), and exposes what web/convplay.d.ts declares.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, MODULE_PATH, loadModule } = require('./helpers/module');

test('require gives the factory createConvPlay, which resolves to the module', async () => {
  const createConvPlay = require(MODULE_PATH);
  assert.equal(typeof createConvPlay, 'function');
  assert.equal(createConvPlay.name, 'createConvPlay');
  const cp = await createConvPlay();
  for (const name of ['conv2d', 'convTranspose2d', 'conv2dOutputShape', 'convTranspose2dOutputShape']) {
    assert.equal(typeof cp[name], 'function', name);
  }
});

test('it loads from another working directory with no options', () => {
  const script = `require(${JSON.stringify(MODULE_PATH)})().then((cp) => {
    const t = { data: new Float32Array(9).fill(1), shape: [1, 1, 3, 3] };
    console.log(JSON.stringify(cp.convTranspose2d(t, t, null, { stride: 2, outputPadding: 1 }).shape));
  });`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8' });
  assert.equal(out.trim(), '[1,1,8,8]');
});

test('two instances are independent', async () => {
  const createConvPlay = require(MODULE_PATH);
  const [a, b] = await Promise.all([createConvPlay(), createConvPlay()]);
  assert.notEqual(a, b);
  const t = { data: new Float32Array(9).fill(2), shape: [1, 1, 3, 3] };
  assert.deepEqual(Array.from(a.conv2d(t, t).data), [36]);
  assert.throws(() => b.conv2d(t, t, null, { groups: 0 }));
  assert.deepEqual(Array.from(a.conv2d(t, t).data), [36]);
});

// The functions and the error class the d.ts declares on ConvPlayModule.
function declaredMembers() {
  const dts = fs.readFileSync(path.join(ROOT, 'web', 'convplay.d.ts'), 'utf8');
  const body = dts.slice(dts.indexOf('interface ConvPlayModule {'));
  const members = body.slice(0, body.indexOf('\n  }')).match(/^ {4}(?:readonly )?(\w+)[(:<]/gm) || [];
  return members.map((m) => m.trim().replace(/^readonly /, '').replace(/[(:<]$/, ''));
}

test('web/convplay.d.ts declares what the module has, and the module has all of it', async () => {
  const cp = await loadModule();
  const declared = declaredMembers();
  assert.ok(declared.length >= 8, `parsed ${declared.join(', ')}`);
  for (const name of declared) assert.notEqual(cp[name], undefined, `${name} is declared but missing`);
  const publicFunctions = ['conv2d', 'convTranspose2d', 'conv2dOutputShape', 'convTranspose2dOutputShape',
                           'convTranspose2dAsConv', 'conv2dRoundTrip', 'heapBytesInUse', 'heapSize', 'ConvPlayError'];
  for (const name of publicFunctions) assert.ok(declared.includes(name), `${name} is not in the d.ts`);
});
