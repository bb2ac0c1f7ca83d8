// Editing with the mouse on the canvas itself (not through setState): a drag across
// input cells paints them, the output follows, and undo takes the whole drag back.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground } = require('./harness');
const { engineOutput } = require('./engine_reference');

let site, browser, close, page;

test.before(async () => {
  ({ site, browser, close, page } = await openSession({ page: true }));
});

test.after(() => close());

const nextFrames = () => page.evaluate(
  () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));

// Keys held over a few frames: ImGui 1.86 polls key state once per frame, so a press and
// release within one frame (as keyboard.press sends them) would go unseen.
async function chord(keys) {
  for (const key of keys) await page.keyboard.down(key);
  await nextFrames();
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await nextFrames();
}

function cellCenter(region, y, x) {
  return { x: region.x + (x + 0.5) * region.cell, y: region.y + (y + 0.5) * region.cell };
}

test('dragging across input cells paints them and the output follows', async (t) => {
  await openPlayground(page, `${site.url}/index.html#op=conv2d&in=5x5&k=3&p=1&xp=impulse&wp=ones`);
  const before = await page.evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(before.input.slice(10, 15), [0, 0, 1, 0, 0]);
  const regions = await page.evaluate(() => window.convplay.regions());
  const grid = regions.input_grid;
  assert.ok(grid, `input grid on screen: ${JSON.stringify(regions)}`);
  assert.strictEqual(grid.rows, 5);

  // Drag along row 2 from column 0 to 4 with the default brush (1).
  const start = cellCenter(grid, 2, 0);
  const end = cellCenter(grid, 2, 4);
  await page.mouse.move(start.x, start.y);
  await nextFrames();
  await page.mouse.down();
  await nextFrames();
  for (let step = 1; step <= 8; ++step) {
    await page.mouse.move(start.x + (end.x - start.x) * step / 8, start.y);
    await nextFrames();
  }
  await page.mouse.up();
  await nextFrames();

  const after = await page.evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(after.input.slice(10, 15), [1, 1, 1, 1, 1], 'row 2 was painted');
  assert.deepStrictEqual(after.input.slice(0, 10), before.input.slice(0, 10), 'rows above untouched');
  assert.ok(after.hash.includes('x='), 'edited values go into the hash');
  assert.notDeepStrictEqual(after.output, before.output, 'the output follows');
  const reference = await engineOutput(after);
  if (reference === null) {
    t.diagnostic('build/site/convplay.js is not built yet: output not compared with the engine module');
  } else {
    assert.deepStrictEqual(Array.from(reference.data), after.output);
  }

  // One drag is one undo step.
  await chord(['Control', 'z']);
  const undone = await page.evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(undone.input, before.input);
  assert.deepStrictEqual(undone.output, before.output);
  await chord(['Control', 'Shift', 'z']);
  const redone = await page.evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(redone.input, after.input);
});

test('a tap on a phone paints a cell too (touch is forwarded as mouse input)', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
                                             hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await openPlayground(phone, `${site.url}/index.html#op=conv2d&in=4x4&k=3&p=1&xp=impulse`);
  const before = await phone.evaluate(() => window.convplay.getState());
  assert.strictEqual(before.input[0], 0);
  const grid = (await phone.evaluate(() => window.convplay.regions())).input_grid;
  assert.ok(grid, 'input grid on screen');
  const center = cellCenter(grid, 0, 0);
  await phone.touchscreen.tap(center.x, center.y);
  await phone.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const after = await phone.evaluate(() => window.convplay.getState());
  assert.strictEqual(after.input[0], 1, 'cell (0, 0) painted with the brush');
  assert.deepStrictEqual(after.input.slice(1), before.input.slice(1));
  assert.notDeepStrictEqual(after.output, before.output);
  await context.close();
});

test('the parameter sliders and the op switch work by mouse', async () => {
  await page.goto('about:blank');
  await openPlayground(page, `${site.url}/index.html#op=conv2d&in=5x5&k=3&s=1&p=0`);
  const regions = await page.evaluate(() => window.convplay.regions());
  const stride = regions.slider_s;
  assert.ok(stride && stride.w > 0, `stride slider on screen: ${JSON.stringify(regions)}`);
  // The middle of a 1..5 slider is 3.
  await page.mouse.click(stride.x + stride.w / 2, stride.y + stride.h / 2);
  await nextFrames();
  await nextFrames();
  let state = await page.evaluate(() => window.convplay.getState());
  assert.strictEqual(state.s, 3);
  assert.deepStrictEqual(state.outputShape, [1, 1, 1, 1]);  // floor((5 - 3) / 3) + 1
  assert.ok(state.hash.includes('s=3'));

  const toTransposed = regions.op_conv_transpose2d;
  await page.mouse.click(toTransposed.x + toTransposed.w / 2, toTransposed.y + toTransposed.h / 2);
  await nextFrames();
  await nextFrames();
  state = await page.evaluate(() => window.convplay.getState());
  assert.strictEqual(state.op, 'conv_transpose2d');
  assert.deepStrictEqual(state.outputShape, [1, 1, 15, 15]);  // (5 - 1) * 3 + 3
  const reference = await engineOutput(state);
  if (reference !== null) assert.deepStrictEqual(Array.from(reference.data), state.output);
});
