// The renderer redraws only the pixels that change (src/app/platform/frame_damage.cpp): while the
// animation plays it redraws a small part of the canvas, and after animation steps, a
// stop, hovering and a click, the canvas is pixel for pixel what a full redraw draws.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground, screenshotPixels } = require('./harness');
const { difference } = require('./pixel_diff');

let site, close, page;

test.before(async () => {
  ({ site, close, page } = await openSession({ page: true }));
});

test.after(() => close());

// Waits until the app has drawn nothing new for `quietMs` (it skips frames without changes).
async function settle(quietMs = 400) {
  await page.evaluate((quiet) => new Promise((resolve) => {
    let frames = window.convplay.frameStats().frames;
    let since = performance.now();
    function tick(now) {
      const current = window.convplay.frameStats().frames;
      if (current !== frames) { frames = current; since = now; }
      if (now - since >= quiet) resolve(); else requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  }), quietMs);
}

const canvasPixels = () => screenshotPixels(page);

test('while animating, each frame redraws a small part of the canvas', async () => {
  await openPlayground(page, `${site.url}/index.html#op=conv2d&in=32x32&cin=4&cout=4&k=3&p=1&anim=play&speed=60`);
  const redrawn = await page.evaluate(() => new Promise((resolve) => {
    const pixels = [];
    let frames = window.convplay.frameStats().frames;
    const end = performance.now() + 1000;
    function tick(now) {
      const stats = window.convplay.frameStats();
      if (stats.frames !== frames) { frames = stats.frames; pixels.push(stats.redrawnPixels); }
      if (now < end) requestAnimationFrame(tick); else resolve(pixels);
    }
    requestAnimationFrame(tick);
  }));
  assert.ok(redrawn.length >= 10, `${redrawn.length} frames drawn in 1 s of animation`);
  redrawn.sort((a, b) => a - b);
  const median = redrawn[Math.floor(redrawn.length / 2)];
  // Something is redrawn every step (the highlights move), far from all 1280x720 pixels.
  assert.ok(median > 0, `median redrawn pixels ${median}`);
  assert.ok(median < 0.15 * 1280 * 720, `median redrawn pixels ${median} of ${1280 * 720}`);
});

test('after partial redraws the canvas equals a full redraw', async () => {
  await openPlayground(page, `${site.url}/index.html#op=conv_transpose2d&in=8x8&cin=2&cout=2&k=3&s=2&anim=play&speed=60&tab=scatter`);
  await page.waitForTimeout(700);  // animation steps: partial redraws
  const regions = await page.evaluate(() => window.convplay.regions());
  const grid = regions.input_grid;
  assert.ok(grid, `input grid on screen: ${JSON.stringify(regions)}`);
  // Stop the animation (the output fills in), then hover along a row of the input.
  await page.evaluate(() => window.convplay.setState('anim=stop'));
  for (let x = 0; x < 4; ++x) {
    await page.mouse.move(grid.x + (x + 0.5) * grid.cell, grid.y + 1.5 * grid.cell);
    await page.waitForTimeout(50);
  }
  await settle();
  const partial = await canvasPixels();
  // A new canvas size redraws everything; back at the old size, again everything.
  await page.setViewportSize({ width: 1200, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1200);
  await settle();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1280);
  await settle();
  const full = await canvasPixels();
  assert.strictEqual(partial.w, full.w);
  const diff = difference(partial, full);
  assert.strictEqual(diff.count, 0, `${diff.count} pixels differ, within ${JSON.stringify(diff.box)}`);
});
