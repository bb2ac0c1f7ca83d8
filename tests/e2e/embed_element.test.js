// <convplay-embed> (CONTRACT.md §6) on a host page in another folder than the site: the
// frames near the top show their attributes' state, the one far below the fold loads only
// when scrolled near, a missing embed.html leaves a link, and without JavaScript the
// element's link is what the reader gets.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { SITE_DIR, serveSite, launchBrowser } = require('./harness');

// The host page lives in /host/, the site in /site/ (a symlink): the script must find
// embed.html next to itself, not next to the page.
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post with figures</title>
<script src="../site/convplay-embed.js"></script></head>
<body style="margin: 0; font: 16px sans-serif">
<p>A transposed convolution spreads each input cell over the output.</p>
<convplay-embed id="top" op="conv_transpose2d" in="3x3" s="2" width="480" height="360"
    title="ConvTranspose2d, stride 2">
  <a href="../site/index.html#op=conv_transpose2d&amp;in=3x3&amp;s=2">Open the figure in convplay</a>
</convplay-embed>
<convplay-embed id="second" op="conv2d" in="6x5" k="3x2" p="1" mode="reflect" height="300"></convplay-embed>
<div style="height: 4000px">A long stretch of text.</div>
<convplay-embed id="below" op="conv2d" in="7x7" s="2" d="2"></convplay-embed>
<convplay-embed id="missing" src="../nowhere/embed.html" op="conv2d" in="4x4" height="200">
  <a href="https://example.org/figure">Open the figure</a>
</convplay-embed>
</body></html>
`;

let root, site, browser, closeBrowser;

test.before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'convplay-embed-'));
  fs.mkdirSync(path.join(root, 'host'));
  fs.writeFileSync(path.join(root, 'host', 'post.html'), HOST_PAGE);
  fs.symlinkSync(SITE_DIR, path.join(root, 'site'));
  site = await serveSite(root);
  ({ browser, close: closeBrowser } = await launchBrowser());
});

test.after(async () => {
  await closeBrowser();
  await site.close();
  fs.rmSync(root, { recursive: true, force: true });
});

// The frame inside element `id`, once its playground has drawn: its getState().
async function frameState(page, id) {
  const handle = await page.waitForSelector(`#${id} iframe`, { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.convplay && window.convplay.ready === true, null,
                              { timeout: 90000 });
  return frame.evaluate(() => window.convplay.getState());
}

test('frames show their attributes, lazily; a missing embed.html leaves a link', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/host/post.html`);

  const top = await frameState(page, 'top');
  assert.strictEqual(top.op, 'conv_transpose2d');
  assert.strictEqual(top.in, '3x3');
  assert.strictEqual(top.s, 2);
  assert.deepStrictEqual(top.outputShape, [1, 1, 7, 7]);
  const frame = await page.$eval('#top iframe', (f) => ({
    title: f.title, loading: f.getAttribute('loading'), width: f.getAttribute('width'),
    height: f.getAttribute('height'), box: [f.offsetWidth, f.offsetHeight],
    src: new URL(f.src).pathname, links: f.parentNode.querySelectorAll('a').length,
  }));
  assert.deepStrictEqual(frame, {
    title: 'ConvTranspose2d, stride 2', loading: 'lazy', width: '480', height: '360',
    box: [480, 360], src: '/site/embed.html', links: 0,
  });

  const second = await frameState(page, 'second');
  assert.strictEqual(second.op, 'conv2d');
  assert.strictEqual(second.in, '6x5');
  assert.strictEqual(second.k, '3x2');
  assert.strictEqual(second.p, 1);
  assert.strictEqual(second.mode, 'reflect');
  assert.deepStrictEqual(await page.$eval('#second iframe', (f) => [f.getAttribute('width'), f.offsetHeight]),
                         ['100%', 300]);

  // Far below the fold: still its link, no frame, until the reader scrolls near it.
  assert.strictEqual(await page.$('#below iframe'), null, 'no frame below the fold yet');
  assert.match(await page.$eval('#below a', (a) => a.href), /\/site\/index\.html#op=conv2d&in=7x7&s=2&d=2$/);
  await page.$eval('#below', (el) => el.scrollIntoView());
  const below = await frameState(page, 'below');
  assert.strictEqual(below.in, '7x7');
  assert.strictEqual(below.s, 2);
  assert.strictEqual(below.d, 2);

  // embed.html not found: the author's link comes back, not an empty frame.
  await page.waitForSelector('#missing[data-failed] a', { timeout: 20000 });
  assert.strictEqual(await page.$('#missing iframe'), null);
  assert.strictEqual(await page.$eval('#missing a', (a) => a.href), 'https://example.org/figure');
  assert.deepStrictEqual(errors, []);
  await page.close();
});

test('a click loads a figure before it is near; attribute text never becomes markup', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${site.url}/host/post.html`);
  await page.evaluate(() => {
    const element = document.createElement('convplay-embed');
    element.setAttribute('op', 'conv2d');
    element.setAttribute('lesson', '"><img src=x onerror="window.injected=1">');
    document.body.append(element);
  });
  const state = await page.$eval('convplay-embed:last-of-type a', (a) => a.href);
  assert.match(state, /lesson=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.injected%3D1%22%3E$/);
  // A click on the link (not scrolled to, which would load it anyway) loads it in place.
  await page.$eval('convplay-embed:last-of-type a', (a) => a.click());
  const src = await page.$eval('convplay-embed:last-of-type iframe', (f) => f.src);
  assert.match(src, /\/site\/embed\.html#op=conv2d&lesson=%22%3E%3Cimg/);
  assert.strictEqual(await page.evaluate(() => window.injected), undefined);
  assert.strictEqual(await page.$('img'), null);
  await page.close();
});

test('without JavaScript the element shows its link', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/host/post.html`);
  assert.strictEqual(await page.$('iframe'), null);
  const link = await page.$('#top a');
  assert.ok(await link.isVisible(), 'the link is visible');
  assert.match(await link.getAttribute('href'), /index\.html#op=conv_transpose2d&in=3x3&s=2$/);
  await context.close();
});
