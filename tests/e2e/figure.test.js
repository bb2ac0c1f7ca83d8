// The page as a blog figure (issue 13) and its CSP (issue 12): themes (light, dark, auto
// following prefers-color-scheme live), ui=figure showing the whole output grid at the
// sizes posts use, and a Content-Security-Policy that blocks injected inline script.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground, screenshotPixels } = require('./harness');

let session, page;

test.before(async () => {
  session = await openSession({ page: true });
  page = session.page;
});

test.after(async () => {
  await session.close();
});

// Two animation frames and a little more: the app draws the new state.
async function settle(target = page) {
  await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await target.waitForTimeout(150);
}

// The mean colour of a 12×12 patch of the screenshot at (x, y) in CSS pixels.
async function patchColor(x, y) {
  const { w, data } = await screenshotPixels(page);
  const sum = [0, 0, 0];
  for (let dy = 0; dy < 12; ++dy) {
    for (let dx = 0; dx < 12; ++dx) {
      const i = ((y + dy) * w + (x + dx)) * 4;
      for (let c = 0; c < 3; ++c) sum[c] += data[i + c];
    }
  }
  return sum.map((v) => v / 144);
}
const luma = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;

test('themes: light and dark canvases, auto follows prefers-color-scheme live', async () => {
  await page.setViewportSize({ width: 800, height: 600 });
  // Bottom right of the main region: background, nothing drawn there at this size.
  await openPlayground(page, `${session.site.url}/embed.html#op=conv2d&in=4x4&theme=light`);
  assert.ok(luma(await patchColor(770, 570)) > 235, 'theme=light clears to a light background');
  assert.strictEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.strictEqual(await page.evaluate(() => window.convplay.getState().theme), 'light');

  await page.evaluate(() => window.convplay.setState({ theme: 'dark' }));
  await settle();
  assert.ok(luma(await patchColor(770, 570)) < 60, 'theme=dark clears to a dark background');
  assert.strictEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => window.convplay.setState({ theme: 'auto' }));
  await settle();
  assert.ok(luma(await patchColor(770, 570)) > 235, 'auto + prefers light: light');
  // The reader's scheme flips while the page is open: the figure follows without a reload.
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle();
  assert.ok(luma(await patchColor(770, 570)) < 60, 'auto + prefers dark: dark');
  assert.strictEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.emulateMedia({ colorScheme: null });
});

test('ui=figure shows the whole output grid at 320x240, 480x360 and 800x600', async () => {
  const states = [
    { hash: 'op=conv2d&in=5x5&k=3', out: [3, 3] },
    { hash: 'op=conv_transpose2d&in=3x3&k=3&s=2', out: [7, 7] },
    { hash: 'op=conv2d&in=8x8&k=3&p=1', out: [8, 8] },
  ];
  for (const [width, height] of [[320, 240], [480, 360], [800, 600]]) {
    await page.setViewportSize({ width, height });
    await openPlayground(page, `${session.site.url}/embed.html#${states[0].hash}&ui=figure&theme=light`);
    for (const state of states) {
      await page.evaluate((hash) => { window.location.hash = hash; }, `${state.hash}&ui=figure&theme=light`);
      await settle();
      const regions = await page.evaluate(() => window.convplay.regions());
      const grid = regions.output_grid;
      const what = `${width}x${height} ${state.hash}: ${JSON.stringify(grid)}`;
      assert.ok(grid, `output grid drawn (${what})`);
      assert.deepStrictEqual([grid.rows, grid.cols], state.out, what);
      assert.ok(grid.x >= 0 && grid.y >= 0 && grid.x + grid.w <= width && grid.y + grid.h <= height,
                `the whole output grid is in view (${what})`);
      assert.ok(grid.cell >= 12, `cells stay readable (${what})`);
      // No paint toolbar and no tab bar: the figure is not the app.
      const input = regions.input_grid;
      assert.ok(!input || input.y >= grid.y + grid.h || input.x >= grid.x + grid.w,
                `the input comes after the result, below or beside it (${what})`);
      // Right under the bar: no tab bar, paint toolbar or input above it.
      assert.ok(grid.y < 100, `the result comes first (${what})`);
      // The way out is a link in the bar, clear of the figure's own bar items.
      const link = regions.open_full;
      assert.ok(link && link.x + link.w <= width && link.y + link.h <= grid.y, `link in the bar (${what})`);
      if (regions.play) assert.ok(regions.play.x + regions.play.w <= link.x, `link clear of play (${what})`);
    }
  }
});

test('embeds in ui=controls and full: the open link never covers the op buttons', async () => {
  for (const [width, ui] of [[320, 'controls'], [480, 'full'], [800, 'controls']]) {
    await page.setViewportSize({ width, height: 360 });
    await openPlayground(page, `${session.site.url}/embed.html#op=conv2d&ui=${ui}`);
    const r = await page.evaluate(() => window.convplay.regions());
    assert.ok(r.op_conv_transpose2d, `op switch drawn (${width} ${ui})`);
    if (r.open_full) {
      assert.ok(r.open_full.x >= r.op_conv_transpose2d.x + r.op_conv_transpose2d.w,
                `link after the op switch (${width} ${ui}): ${JSON.stringify(r)}`);
      assert.ok(r.open_full.x + r.open_full.w <= width);
    }
  }
  // At 800 px there is room for the whole link.
  const r = await page.evaluate(() => window.convplay.regions());
  assert.ok(r.open_full && r.open_full.w > 60, 'the full link text at 800 px');
});

test('CSP: an injected inline script is blocked and the app keeps drawing', async () => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openPlayground(page, `${session.site.url}/embed.html#op=conv2d&in=4x4`);
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    // A string run as code later (the page's own realm, not the test's evaluation).
    setTimeout('window.__evalRan = true', 0);
    await new Promise((r) => setTimeout(r, 100));
    return { injected: window.__injected === true, evalRan: window.__evalRan === true, violations };
  });
  assert.strictEqual(result.injected, false, 'inline script blocked');
  assert.strictEqual(result.evalRan, false, 'eval blocked');
  assert.ok(result.violations.some((d) => d.startsWith('script-src')), JSON.stringify(result));
  // Script in a hash value is data, never markup or code.
  await page.evaluate(() => { window.location.hash = 'op=conv2d&in=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'; });
  await settle();
  assert.strictEqual(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  const state = await page.evaluate(() => window.convplay.setState({ in: '3x3' }));
  assert.deepStrictEqual(state.inputShape.slice(2), [3, 3], 'the app still computes');
  // The index page has the same policy.
  const policy = await page.evaluate(async () => {
    const html = await (await fetch('index.html')).text();
    return /http-equiv="Content-Security-Policy"[^>]*'wasm-unsafe-eval'/.test(html) && !/<script>/.test(html);
  });
  assert.ok(policy, 'index.html carries the CSP and no inline script');
});
