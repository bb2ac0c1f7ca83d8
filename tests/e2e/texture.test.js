// Textures (src/app/platform/texture.h): an image drawn through ImGui shows its pixels, and
// rewriting it in place (same texture id, new content, whole or a sub-rectangle) redraws
// the pixels it covers, though its triangles are the same: the partial redraw hashes the
// texture's content version. Driven by the test hook platform/texture_probe.cpp (a 64×64
// texture drawn 2× zoomed at framebuffer pixel (40, 160), over the UI).
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

const PROBE = { x: 40, y: 160, side: 128 };
const RED = 0xff0000ff, BLUE = 0x0000ffff, GREEN = 0x00ff00ff;

// Calls the probe (mode null: not at all), has a frame drawn (setState redraws), and
// returns the texture id and the pixels each frame redrew until the app went idle again.
async function probe(mode, rgba) {
  return page.evaluate(([m, color]) => new Promise((resolve) => {
    const id = m === null ? 0 : Module._convplay_texture_probe(m, color);
    window.convplay.setState({});
    const redrawn = [];
    let frames = window.convplay.frameStats().frames;
    let since = performance.now();
    function tick(now) {
      const stats = window.convplay.frameStats();
      if (stats.frames !== frames) { frames = stats.frames; since = now; redrawn.push(stats.redrawnPixels); }
      if (now - since >= 400) resolve({ id, redrawn }); else requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  }), [mode, rgba >>> 0]);
}

function pixelAt(shot, x, y) {
  const i = (y * shot.w + x) * 4;
  return [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
}

// Every pixel of a box of the probe (in texels of its 64×64 texture) is `rgb`.
function assertBox(shot, [tx0, ty0, tx1, ty1], rgb, what) {
  for (let y = PROBE.y + ty0 * 2; y < PROBE.y + ty1 * 2; ++y) {
    for (let x = PROBE.x + tx0 * 2; x < PROBE.x + tx1 * 2; ++x) {
      const got = pixelAt(shot, x, y);
      if (got[0] !== rgb[0] || got[1] !== rgb[1] || got[2] !== rgb[2]) {
        assert.fail(`${what}: pixel (${x}, ${y}) is ${got}, expected ${rgb}`);
      }
    }
  }
}

// One update in place: redrawn pixels cover the image and stay a small part of the canvas.
function assertPartialRedrawCovers(redrawn, what) {
  const total = redrawn.reduce((a, b) => a + b, 0);
  assert.ok(total >= PROBE.side * PROBE.side, `${what}: redrew ${total} pixels (${redrawn})`);
  assert.ok(Math.max(...redrawn) < 0.1 * 1280 * 720, `${what}: a frame redrew ${Math.max(...redrawn)} pixels`);
}

test('a texture updated in place, whole or in part, redraws what it covers', async () => {
  await openPlayground(page, `${site.url}/index.html#op=conv2d&in=5x5&k=3`);
  await probe(null);
  const before = await screenshotPixels(page);
  const created = await probe(1, RED);
  assert.ok(created.id > 0, `texture id ${created.id}`);
  const red = await screenshotPixels(page);
  assertBox(red, [0, 0, 64, 64], [255, 0, 0], 'new texture');

  const blue = await probe(1, BLUE);
  assert.strictEqual(blue.id, created.id, 'updated in place: same id');
  assertPartialRedrawCovers(blue.redrawn, 'whole update');
  const blueShot = await screenshotPixels(page);
  assertBox(blueShot, [0, 0, 64, 64], [0, 0, 255], 'whole update');
  // Nothing but the image changed.
  const diff = difference(red, blueShot);
  assert.deepStrictEqual(diff.box, [PROBE.x, PROBE.y, PROBE.x + PROBE.side - 1, PROBE.y + PROBE.side - 1]);

  const green = await probe(2, GREEN);
  assert.strictEqual(green.id, created.id, 'sub-rectangle update: same id');
  assertPartialRedrawCovers(green.redrawn, 'sub-rectangle update');
  const greenShot = await screenshotPixels(page);
  assertBox(greenShot, [0, 0, 32, 32], [0, 255, 0], 'updated quarter');
  assertBox(greenShot, [32, 0, 64, 64], [0, 0, 255], 'right half kept');
  assertBox(greenShot, [0, 32, 32, 64], [0, 0, 255], 'bottom-left kept');

  // The partial redraws left the canvas as a full redraw draws it (a resize redraws all).
  await page.setViewportSize({ width: 1200, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1200);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1280);
  await probe(2, GREEN);  // same pixels again: settles the resized frames
  const full = await screenshotPixels(page);
  const fullDiff = difference(greenShot, full);
  assert.strictEqual(fullDiff.count, 0, `${fullDiff.count} pixels differ, within ${JSON.stringify(fullDiff.box)}`);

  // Destroyed: the UI under it is back, as it was before the first texture.
  const destroyed = await probe(0, 0);
  assertPartialRedrawCovers(destroyed.redrawn, 'destroyed');
  const gone = await screenshotPixels(page);
  const goneDiff = difference(before, gone);
  assert.strictEqual(goneDiff.count, 0, `${goneDiff.count} pixels differ, within ${JSON.stringify(goneDiff.box)}`);
});
