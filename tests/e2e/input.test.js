// Real input events, as a desktop, a phone and a blog post's embed send them: the wheel
// scrolls by its pixels and leaves the page alone when nothing can scroll, drags and
// swipes scroll, taps hit on the first try, quick keys are not lost, and a cell value
// is typed into the page's text field.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground } = require('./harness');

let site, browser, close;

test.before(async () => {
  ({ site, browser, close } = await openSession());
});

test.after(() => close());

const frames = (page, n = 3) => page.evaluate((count) => new Promise((resolve) => {
  let left = count;
  const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

async function newPage(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page };
}

// The playground at `hash` in a new context, and where its input grid is.
async function openAt(options, hash) {
  const { context, page } = await newPage(options);
  await openPlayground(page, `${site.url}/index.html#${hash}`);
  const grid = (await page.evaluate(() => window.convplay.regions())).input_grid;
  return { context, page, grid };
}

// The scroll state of the view at (x, y) once it has settled (a wheel or drag is applied
// over the next frame or two; a swipe glides on).
async function settledScroll(page, x, y) {
  let last = null;
  for (let i = 0; i < 60; ++i) {
    await frames(page, 2);
    const now = await page.evaluate(([px, py]) => window.convplay.scroll(px, py), [x, y]);
    if (last && now && now.y === last.y && now.x === last.x) return now;
    last = now;
  }
  return last;
}

const inputValues = (page) => page.evaluate(() => window.convplay.getState().input);

function cellCenter(region, y, x) {
  return { x: region.x + (x + 0.5) * region.cell, y: region.y + (y + 0.5) * region.cell };
}

// The value editor's page field (web/app/shell.js) is shown and has the keyboard.
const valueFieldFocused = (page) => page.waitForFunction(() => {
  const el = document.getElementById('value-field');
  return el && !el.hidden && document.activeElement === el;
}, null, { timeout: 5000 });

const WIDE = { viewport: { width: 1280, height: 720 } };
// Desktop: a window short enough that the compute view scrolls. (1200, 300) is empty space
// right of the output grid, inside the compute view.
const DESKTOP = { viewport: { width: 1280, height: 480 } };
const EMPTY = { x: 1200, y: 300 };

test('the wheel scrolls the view under it by its pixels, both ways', async () => {
  const { context, page } = await newPage(DESKTOP);
  await openPlayground(page, `${site.url}/index.html#in=24x24&cin=2`);
  const start = await page.evaluate(([x, y]) => window.convplay.scroll(x, y), [EMPTY.x, EMPTY.y]);
  assert.ok(start && start.maxY > 110, `the compute view scrolls: ${JSON.stringify(start)}`);
  assert.strictEqual(start.y, 0);

  await page.mouse.move(EMPTY.x, EMPTY.y);
  await page.mouse.wheel(0, 100);
  const down = await settledScroll(page, EMPTY.x, EMPTY.y);
  assert.ok(Math.abs(down.y - 100) <= 1, `wheel down 100 px moves the content up 100 px: ${down.y}`);

  await page.mouse.wheel(0, -100);
  const back = await settledScroll(page, EMPTY.x, EMPTY.y);
  assert.ok(Math.abs(back.y) <= 1, `wheel up 100 px returns: ${back.y}`);

  await page.mouse.wheel(0, 4);
  const nudge = await settledScroll(page, EMPTY.x, EMPTY.y);
  assert.ok(Math.abs(nudge.y - 4) <= 0.5, `a 4 px nudge scrolls 4 px, not to the end: ${nudge.y}`);
  await context.close();
});

test('dragging empty space with the mouse scrolls; dragging on input cells paints', async () => {
  const { context, page } = await newPage(DESKTOP);
  await openPlayground(page, `${site.url}/index.html#in=24x24&cin=2`);
  await page.mouse.move(EMPTY.x, 440);
  await page.mouse.down();
  await page.mouse.move(EMPTY.x, 340, { steps: 5 });
  await page.mouse.up();
  const dragged = await settledScroll(page, EMPTY.x, EMPTY.y);
  assert.ok(dragged.y >= 90 && dragged.y <= 101, `a 100 px drag up scrolls ~100 px: ${dragged.y}`);

  // A drag that starts on an input cell paints along its way and does not scroll.
  const before = await page.evaluate(() => window.convplay.getState());
  const grid = (await page.evaluate(() => window.convplay.regions())).input_grid;
  const from = cellCenter(grid, 2, 0);
  await page.mouse.move(from.x, from.y);
  await frames(page);
  await page.mouse.down();
  await page.mouse.move(from.x + 3 * grid.cell, from.y - 2 * grid.cell, { steps: 6 });
  await page.mouse.up();
  const after = await settledScroll(page, EMPTY.x, EMPTY.y);
  assert.strictEqual(after.y, dragged.y, 'painting does not scroll');
  const state = await page.evaluate(() => window.convplay.getState());
  assert.notDeepStrictEqual(state.input, before.input, 'the drag painted');
  assert.strictEqual(state.input[2 * 24], 1, 'the pressed cell has the brush value');
  await context.close();
});

// A blog post holding an embed whose figure fits (900x500 is wide enough for in=3x3).
async function openPost(options) {
  const { context, page } = await newPage(options);
  await page.setContent(`<body style="margin:0"><p style="height:80px">Post</p>
    <iframe id="figure" src="${site.url}/embed.html#in=3x3&k=1" width="900" height="500"
            style="border:0;display:block"></iframe>
    <div style="height:3000px"></div></body>`);
  const frame = await (await page.$('#figure')).contentFrame();
  await frame.waitForFunction(() => window.convplay && window.convplay.ready === true, null,
                              { timeout: 60000 });
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const inside = await frame.evaluate(() => window.convplay.scroll());
  assert.deepStrictEqual(inside, [], 'nothing in the figure scrolls');
  return { context, page };
}

test('the wheel over an embed that fits scrolls the blog post around it', async () => {
  const { context, page } = await openPost({ viewport: { width: 1000, height: 700 } });
  await page.mouse.move(450, 80 + 250);
  await page.mouse.wheel(0, 100);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  assert.strictEqual(await page.evaluate(() => window.scrollY), 100, 'the page scrolled by the wheel');
  await context.close();
});

test('a swipe over an embed that fits scrolls the blog post around it', async () => {
  const { context, page } = await openPost({ viewport: { width: 1000, height: 700 }, hasTouch: true });
  const { swipe } = await touchTools(context, page);
  await swipe(450, 80 + 400, 80 + 100);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => window.scrollY) >= 100, 'the page scrolled under the finger');
  await context.close();
});

// A phone: 390x844 CSS pixels, touch only.
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
                deviceScaleFactor: 2 };
// The narrow layout's tabs (Params, Compute, Shapes) and empty space right of the grids.
const TAB_COMPUTE = { x: 118, y: 64 };
const TAB_SHAPES = { x: 192, y: 64 };
const PHONE_EMPTY = { x: 330, y: 500 };

async function touchTools(context, page) {
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent',
                                         { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  // Playwright has no swipe: a finger moved over `steps` events ~16 ms apart, lifted as
  // it makes its last move (a flick; a finger that stops before lifting does not glide).
  const swipe = async (x, y0, y1, steps = 8) => {
    await touch('touchStart', x, y0);
    for (let i = 1; i < steps; ++i) {
      await touch('touchMove', x, y0 + (y1 - y0) * i / steps);
      await new Promise((r) => setTimeout(r, 16));
    }
    await Promise.all([touch('touchMove', x, y1), touch('touchEnd')]);
  };
  return { swipe };
}

test('a finger swipe scrolls with momentum and reaches the animation controls', async () => {
  const { context, page } = await newPage(PHONE);
  await openPlayground(page, `${site.url}/index.html#in=12x12`);
  const { swipe } = await touchTools(context, page);
  const start = await page.evaluate(([x, y]) => window.convplay.scroll(x, y), [PHONE_EMPTY.x, PHONE_EMPTY.y]);
  assert.ok(start && start.maxY > 400, `the phone's compute view scrolls: ${JSON.stringify(start)}`);

  await swipe(PHONE_EMPTY.x, 600, 400);
  const glided = await settledScroll(page, PHONE_EMPTY.x, PHONE_EMPTY.y);
  assert.ok(glided.y > 250, `a quick 200 px swipe glides on past 200 px: ${glided.y}`);

  for (let i = 0; i < 4; ++i) await swipe(PHONE_EMPTY.x, 750, 150);
  const bottom = await settledScroll(page, PHONE_EMPTY.x, PHONE_EMPTY.y);
  assert.ok(Math.abs(bottom.y - bottom.maxY) <= 1, `swipes reach the end: ${JSON.stringify(bottom)}`);

  // The animation controls are at the end of the view now: Play starts it.
  assert.strictEqual((await page.evaluate(() => window.convplay.frameStats())).animating, false);
  const play = (await page.evaluate(() => window.convplay.regions())).anim_play;
  assert.ok(play && play.y + play.h <= 844, `Play is on screen: ${JSON.stringify(play)}`);
  await page.touchscreen.tap(play.x + play.w / 2, play.y + play.h / 2);
  await frames(page, 4);
  assert.strictEqual((await page.evaluate(() => window.convplay.frameStats())).animating, true,
                     'the Play button was reached and tapped');
  await context.close();
});

test('taps: a cell paints, the first tap on a tab switches it, a double tap types', async () => {
  const { context, page, grid } = await openAt(PHONE, 'in=5x5&k=3&xp=impulse');
  const cell = cellCenter(grid, 0, 0);
  await page.touchscreen.tap(cell.x, cell.y);
  await frames(page, 4);
  assert.strictEqual((await inputValues(page))[0], 1,
                     'the tapped cell has the brush value');

  // Right after touching the grid: one tap on Shapes shows it (the grids are gone).
  await page.touchscreen.tap(TAB_SHAPES.x, TAB_SHAPES.y);
  await frames(page, 4);
  assert.ok(!(await page.evaluate(() => window.convplay.regions())).input_grid,
            'the first tap on Shapes switched to it');
  await page.touchscreen.tap(TAB_COMPUTE.x, TAB_COMPUTE.y);
  await frames(page, 4);
  assert.ok((await page.evaluate(() => window.convplay.regions())).input_grid,
            'the first tap on Compute switched back');

  // A double tap opens the value editor; the phone types into the page's field.
  const target = cellCenter(grid, 1, 2);
  await page.touchscreen.tap(target.x, target.y);
  await page.touchscreen.tap(target.x + 2, target.y + 2);
  await valueFieldFocused(page);
  await page.keyboard.type('-3', { delay: 0 });
  await page.keyboard.press('Enter', { delay: 0 });
  await frames(page, 4);
  assert.strictEqual((await inputValues(page))[1 * 5 + 2], -3);
  await context.close();
});

test('a key press shorter than a frame is seen: Ctrl+Z undoes an edit', async () => {
  const { context, page, grid } = await openAt(WIDE, 'in=5x5&k=3&xp=impulse');
  const cell = cellCenter(grid, 0, 0);
  await page.mouse.click(cell.x, cell.y);
  await frames(page, 4);
  assert.strictEqual((await inputValues(page))[0], 1);

  // Down and up within one JavaScript task: certainly within one frame.
  await page.evaluate(() => {
    const key = (type, code, keyCode, ctrl) => window.dispatchEvent(new KeyboardEvent(type, {
      key: code === 'KeyZ' ? 'z' : 'Control', code, keyCode, which: keyCode, ctrlKey: ctrl,
      bubbles: true }));
    key('keydown', 'ControlLeft', 17, true);
    key('keydown', 'KeyZ', 90, true);
    key('keyup', 'KeyZ', 90, true);
    key('keyup', 'ControlLeft', 17, false);
  });
  await frames(page, 6);
  assert.strictEqual((await inputValues(page))[0], 0,
                     'the quick Ctrl+Z undid the paint');

  // And through the browser's own key events, with no delay between them.
  await page.keyboard.press('Control+Shift+z', { delay: 0 });
  await frames(page, 6);
  assert.strictEqual((await inputValues(page))[0], 1,
                     'Ctrl+Shift+Z redid it');
  await context.close();
});

test('a cell value is typed into the page field: Enter applies it, bad text is explained', async () => {
  const { context, page, grid } = await openAt(WIDE, 'in=5x5&k=3&xp=impulse');
  const cell = cellCenter(grid, 1, 2);
  const index = 1 * 5 + 2;
  const field = () => page.evaluate(() => {
    const el = document.getElementById('value-field');
    return el && { hidden: el.hidden, focused: document.activeElement === el, value: el.value,
                   invalid: el.getAttribute('aria-invalid'), message: el.validationMessage };
  });

  await page.mouse.dblclick(cell.x, cell.y);
  await valueFieldFocused(page);
  const current = (await inputValues(page))[index];
  assert.strictEqual(Number((await field()).value), current, 'the field holds the cell value');
  await page.keyboard.type('2.5', { delay: 0 });
  await page.keyboard.press('Enter', { delay: 0 });
  await frames(page, 4);
  assert.strictEqual((await inputValues(page))[index], 2.5);
  assert.strictEqual((await field()).hidden, true, 'the editor closed');

  // A right click opens the editor too (and paints nothing).
  for (const bad of ['abc', 'NaN', '1e6']) {
    await page.mouse.click(cell.x, cell.y, { button: 'right' });
    await page.waitForFunction(() => !document.getElementById('value-field').hidden, null,
                               { timeout: 5000 });
    await page.keyboard.type(bad, { delay: 0 });
    await page.keyboard.press('Enter', { delay: 0 });
    await frames(page, 4);
    const shown = await field();
    assert.strictEqual(shown.hidden, false, `${bad}: the editor stays open`);
    assert.strictEqual(shown.invalid, 'true', `${bad}: marked invalid`);
    assert.match(shown.message, bad === '1e6' ? /range/i : /number/i, `${bad}: says why`);
    await page.keyboard.press('Escape');
    await frames(page, 4);
    assert.strictEqual((await field()).hidden, true, `${bad}: Escape closes the editor`);
    assert.strictEqual((await inputValues(page))[index], 2.5,
                       `${bad}: the value is kept`);
  }
  await context.close();
});
