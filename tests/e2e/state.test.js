// The page's state (CONTRACT.md §4), what needs the page: URL hash -> window.convplay ->
// address bar, hashchange, setState and the engine module agreeing on the output, and the
// view staying in the address bar after edits. Parsing, repair and the key table are
// tested natively (tests/native/state_keys_test.cpp, repair_test.cpp, state_json_test.cpp).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground } = require('./harness');
const { engineOutput } = require('./engine_reference');

let site, close, page;

test.before(async () => {
  ({ site, close, page } = await openSession({ page: true }));
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

// Script errors on the page fail the test that was running when they happened.
const pageErrors = [];
test.afterEach(() => {
  const errors = pageErrors.splice(0);
  assert.deepStrictEqual(errors, [], 'no script errors on the page');
});

test.after(() => close());

const getState = () => page.evaluate(() => window.convplay.getState());
const currentHash = () => page.evaluate(() => window.location.hash.slice(1));

async function load(hash) {
  await page.goto('about:blank');
  await openPlayground(page, `${site.url}/index.html#${hash}`);
  return getState();
}

function assertClose(actual, expected, message) {
  assert.strictEqual(actual.length, expected.length, `${message}: length`);
  for (let i = 0; i < actual.length; ++i) {
    const tolerance = 1e-4 * (1 + Math.abs(expected[i]));
    assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance,
              `${message}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

test('the hash sets the state, and the state writes the same hash back', async () => {
  const hash = 'op=conv2d&in=7x6&cin=2&cout=4&k=3x2&s=2&p=1x0&d=1&g=2&mode=reflect';
  const state = await load(hash);
  assert.strictEqual(state.op, 'conv2d');
  assert.strictEqual(state.in, '7x6');
  assert.strictEqual(state.cin, 2);
  assert.strictEqual(state.cout, 4);
  assert.strictEqual(state.k, '3x2');
  assert.strictEqual(state.s, 2);
  assert.strictEqual(state.p, '1x0');
  assert.strictEqual(state.g, 2);
  assert.strictEqual(state.mode, 'reflect');
  assert.deepStrictEqual(state.inputShape, [1, 2, 7, 6]);
  assert.deepStrictEqual(state.weightShape, [4, 1, 3, 2]);
  // H: floor((7 + 2 - 2 - 1) / 2) + 1 = 4; W: floor((6 + 0 - 1 - 1) / 2) + 1 = 3
  assert.deepStrictEqual(state.outputShape, [1, 4, 4, 3]);
  assert.strictEqual(state.input.length, 2 * 7 * 6);
  assert.strictEqual(state.output.length, 4 * 4 * 3);
  assert.deepStrictEqual(state.notes, []);

  // The page keeps the hash up to date in its canonical form; loading that hash again
  // gives the same state.
  const written = await currentHash();
  for (const part of hash.split('&')) assert.ok(written.split('&').includes(part), `${part} in ${written}`);
  const again = await load(written);
  for (const key of ['op', 'in', 'cin', 'cout', 'k', 's', 'p', 'd', 'g', 'mode', 'outputShape', 'input', 'weight', 'output']) {
    assert.deepStrictEqual(again[key], state[key], key);
  }
  // And a hash built from getState's keys reads back the same way.
  const rebuilt = ['op', 'in', 'cin', 'cout', 'k', 's', 'p', 'd', 'op_pad', 'g', 'mode']
    .map((key) => `${key}=${state[key]}`).join('&');
  const third = await load(rebuilt);
  assert.deepStrictEqual(third.outputShape, state.outputShape);
  assert.deepStrictEqual(third.output, state.output);
});

test('editing the address bar (hashchange) updates the page', async () => {
  await load('op=conv2d&in=5x5&k=3');
  await page.evaluate(() => { window.location.hash = 'op=conv2d&in=9x9&k=5&s=2'; });
  await page.waitForFunction(() => window.convplay.getState().in === '9x9', null, { timeout: 10000 });
  const state = await getState();
  assert.deepStrictEqual(state.outputShape, [1, 1, 3, 3]);
});

test('transposed hashes round-trip too, output_padding included', async () => {
  const state = await load('op=conv_transpose2d&in=3x3&cin=1&cout=2&k=3&s=2&p=0&op_pad=1&d=1&g=1');
  assert.strictEqual(state.op, 'conv_transpose2d');
  assert.strictEqual(state.op_pad, 1);
  assert.deepStrictEqual(state.weightShape, [1, 2, 3, 3]);
  assert.deepStrictEqual(state.outputShape, [1, 2, 8, 8]);  // (3-1)*2 + 2 + 1 + 1
  assert.ok((await currentHash()).includes('op_pad=1'));
});

test('setState changes the output, and it equals the engine module', async () => {
  const before = await load('op=conv2d&in=5x5&k=3');
  const after = await page.evaluate(() => window.convplay.setState({ s: 2, p: 1, cout: 2, bias: true }));
  assert.deepStrictEqual(after.outputShape, [1, 2, 3, 3]);
  assert.notDeepStrictEqual(after.output, before.output);
  // The page redraws with it and keeps the hash in step.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok((await currentHash()).includes('s=2'));

  const cases = [
    after,
    await page.evaluate(() => window.convplay.setState({ op: 'conv_transpose2d', in: '4x3', cin: 2, cout: 2, k: [3, 2], s: [2, 1], p: 1, op_pad: [1, 0] })),
    await page.evaluate(() => window.convplay.setState({ op: 'conv2d', in: [6, 6], cin: 4, cout: 4, g: 2, k: 3, s: 1, p: 'same', d: 2, mode: 'zeros', bias: false })),
    await page.evaluate(() => window.convplay.setState({ p: 2, mode: 'circular', d: 1 })),
    await page.evaluate(() => window.convplay.setState({ input: Array.from({ length: 4 * 36 }, (_, i) => (i % 7) - 3) })),
  ];
  for (const state of cases) {
    assert.deepStrictEqual(state.notes, [], JSON.stringify(state.notes));
    const reference = await engineOutput(state);
    assert.ok(reference !== null, 'build/site/convplay.js is built (./test builds it before e2e)');
    assert.deepStrictEqual(Array.from(reference.shape), state.outputShape);
    assertClose(state.output, Array.from(reference.data), state.hash);
  }
  const last = cases[cases.length - 1];
  assert.deepStrictEqual(last.input.slice(0, 8), [-3, -2, -1, 0, 1, 2, 3, -3]);
});

test('the address bar keeps the view (tab, anim, speed) after edits', async () => {
  await load('op=conv2d&in=5x5&k=3&xp=impulse&tab=compute&anim=play&speed=12');
  const view = ['tab=compute', 'anim=play', 'speed=12'];
  const hasView = (hash) => view.every((part) => hash.split('&').includes(part));
  assert.ok(hasView(await currentHash()), await currentHash());

  // An edit with the mouse: a click paints an input cell, and the hash is rewritten.
  const grid = (await page.evaluate(() => window.convplay.regions())).input_grid;
  assert.ok(grid, 'input grid on screen');
  await page.mouse.click(grid.x + 0.5 * grid.cell, grid.y + 0.5 * grid.cell);
  await page.waitForFunction(() => window.location.hash.includes('x='), null, { timeout: 5000 });
  assert.ok(hasView(await currentHash()), `view kept after a cell edit: ${await currentHash()}`);

  // An edit through setState, and a view change through setState.
  await page.evaluate(() => window.convplay.setState({ s: 2, tab: 'shapes', anim: 'off' }));
  await page.waitForFunction(() => window.location.hash.includes('tab=shapes'), null, { timeout: 5000 });
  const hash = await currentHash();
  for (const part of ['s=2', 'tab=shapes', 'anim=off', 'speed=12']) {
    assert.ok(hash.split('&').includes(part), `${part} in ${hash}`);
  }
  const state = await getState();
  assert.strictEqual(state.tab, 'shapes');
  assert.strictEqual(state.anim, 'off');
  assert.strictEqual(state.speed, 12);
});

test('the old tab spellings still open their view, and getState says the new name', async () => {
  const state = await load('op=conv_transpose2d&in=3&s=2&tab=asconv');
  assert.strictEqual(state.tab, 'scatter');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok((await currentHash()).split('&').includes('tab=scatter'), await currentHash());
});

test('hostile links draw a frame at once and say what they changed', async () => {
  const cases = [
    // [hash, notes expected, check]
    ['in=-4x99999999999&k=3', 2, (s) => s.in === '3x32' && s.k === 3],
    ['op=conv2d&in=3&p=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 1, (s) => s.p === 0],
    [Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&') + '&in=6', 1, (s) => s.in === '6x6'],
    ['op=conv2d&in=7#?secret=abc123', 0, (s) => s.in === '7x7'],
    // 1 MB (a browser refuses URLs over 2 MB): refused at once, unread.
    ['in=4&k=' + 'x'.repeat(1 << 20), 1, (s) => s.in === '5x5'],
  ];
  for (const [hash, noteCount, check] of cases) {
    const started = Date.now();
    const state = await load(hash);
    const label = hash.slice(0, 60);
    assert.ok(Date.now() - started < 10000, `${label}: opened`);
    assert.ok(state.valid, `${label}: state is valid`);
    assert.strictEqual(state.notes.length, noteCount, `${label}: notes ${JSON.stringify(state.notes)}`);
    assert.ok(check(state), `${label}: got in=${state.in} k=${state.k} p=${state.p}`);
  }
});
