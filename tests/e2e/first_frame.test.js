// The page draws a real first frame (checked on the pixels) for several states, at
// desktop and phone sizes, and says so in words when WebGL2 is missing.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground, canvasPixelStats } = require('./harness');

let site, browser, close;

test.before(async () => {
  ({ site, browser, close } = await openSession());
});

test.after(() => close());

const HASHES = [
  '',
  'op=conv2d&in=5x5&k=3&p=1',
  'op=conv_transpose2d&in=3x3&k=3&s=2&op_pad=1',
  'op=conv2d&in=32x32&cin=4&cout=4&k=3&p=1&mode=circular',
  'op=conv2d&in=6x4&k=4x2&p=same&d=2',
];

// Phones get fewer states: at devicePixelRatio 3 each frame is 9x the pixels in SwiftShader.
for (const [width, height, dpr, hashes] of [[1280, 720, 1, HASHES], [390, 844, 3, HASHES.slice(1, 3)]]) {
  test(`first frame is drawn at ${width}x${height} (devicePixelRatio ${dpr})`, async () => {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const hash of hashes) {
      await page.goto('about:blank');
      await openPlayground(page, `${site.url}/index.html#${hash}`);
      assert.strictEqual(await page.isHidden('#loading'), true, 'loading state hidden');
      // The canvas is backed at the screen's density (crisp on HiDPI).
      const backing = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
      });
      assert.strictEqual(backing.w, Math.round(backing.cssW * dpr), `${hash}: canvas width`);
      assert.strictEqual(backing.h, Math.round(backing.cssH * dpr), `${hash}: canvas height`);
      // Drawn, not blank: many colours (the colour maps, text) and plenty of non-background.
      const stats = await canvasPixelStats(page);
      assert.ok(stats.colors > 40, `${hash}: ${stats.colors} colours`);
      assert.ok(stats.nonBackground > stats.sampled * 0.03, `${hash}: ${stats.nonBackground} drawn pixels`);
    }
    assert.deepStrictEqual(errors, []);
    await page.close();
  });
}

test('the canvas follows a window resize', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openPlayground(page, `${site.url}/index.html#in=4x4`);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 700, null, { timeout: 5000 });
  const stats = await canvasPixelStats(page);
  assert.ok(stats.colors > 40);
  // Back to exactly the screen's size (headless: the viewport's), which Emscripten's
  // glfwSetWindowSize takes as a request for fullscreen (the canvas then stayed 1200 wide).
  await page.setViewportSize({ width: 1200, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1200, null, { timeout: 5000 });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1280 &&
                             document.getElementById('canvas').height === 720, null, { timeout: 5000 });
  await page.close();
});

test('without WebGL2 the page explains instead of staying blank', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => { delete window.WebGL2RenderingContext; });
  await page.goto(`${site.url}/index.html`);
  await page.waitForSelector('#no-webgl2:not([hidden])', { timeout: 5000 });
  const message = await page.textContent('#no-webgl2');
  assert.match(message, /WebGL2/);
  assert.strictEqual(await page.isHidden('#loading'), true);
  await page.close();
});

// WebGL2 exists but no context can be made (e.g. a blocklisted GPU): the app finds out when
// it creates its context, after loading, and the page says so too.
test('when no WebGL2 context can be created the page explains instead of staying blank', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, options) {
      return type === 'webgl2' ? null : getContext.call(this, type, options);
    };
  });
  await page.goto(`${site.url}/index.html`);
  await page.waitForSelector('#no-webgl2:not([hidden])', { timeout: 30000 });
  assert.match(await page.textContent('#no-webgl2'), /WebGL2/);
  assert.strictEqual(await page.isHidden('#loading'), true);
  await page.close();
});

test('embed.html draws the playground in embed mode', async () => {
  const page = await browser.newPage({ viewport: { width: 720, height: 480 } });
  await openPlayground(page, `${site.url}/embed.html#op=conv_transpose2d&in=2x2&k=3&s=2`);
  const state = await page.evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(state.outputShape, [1, 1, 5, 5]);
  const stats = await canvasPixelStats(page);
  assert.ok(stats.colors > 40);
  await page.close();
});
