// Browser smoke test: web/examples/engine.html (copied to build/site/examples/ by the
// build) loads ../convplay.js with a <script> tag in headless Chromium and prints the
// contract's example, which must match what the module computes in Node.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serveDirectory } = require('./static_server');

const ROOT = path.resolve(__dirname, '..', '..');
const SITE_DIR = process.env.CONVPLAY_SITE_DIR || path.join(ROOT, 'build', 'site');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
                       '--disable-background-networking', '--disable-component-update', '--disable-sync',
                       '--no-first-run'];

test('engine.html computes ConvTranspose2d(3x3 ones, k=3, stride 2, outputPadding 1) in Chromium', async (t) => {
  const server = await serveDirectory(SITE_DIR);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'convplay-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CONVPLAY_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  t.after(async () => {
    await browser.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A missing favicon is the browser's business; anything else the page logs as an error is ours.
    if (message.type() === 'error' && !/favicon|Failed to load resource/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && url.pathname !== '/favicon.ico') problems.push(`HTTP ${response.status()}: ${url.pathname}`);
  });

  await page.goto(`${server.url}/examples/engine.html`);
  await page.waitForFunction(() => window.engineResult !== undefined, null, { timeout: 30000 });
  const result = await page.evaluate(() => window.engineResult);
  assert.deepEqual(problems, []);
  assert.equal(result.error, undefined, `the page reported: ${result.error}`);

  // The same computation in Node, from the same build.
  const cp = await require(path.join(SITE_DIR, 'convplay.js'))();
  const ones = { data: new Float32Array(9).fill(1), shape: [1, 1, 3, 3] };
  const expected = cp.convTranspose2d(ones, ones, null, { stride: 2, outputPadding: 1 });
  assert.deepEqual(result.shape, [1, 1, 8, 8]);
  assert.deepEqual(result.data, Array.from(expected.data));
  // And by eye: with p = 0 the output padding row and column hold only zeros.
  assert.deepEqual(result.data.slice(0, 8), [1, 1, 2, 1, 2, 1, 1, 0]);
  assert.deepEqual(result.data.slice(56, 64), [0, 0, 0, 0, 0, 0, 0, 0]);

  // What a reader sees on the page.
  const text = await page.textContent('#result');
  assert.match(text, /^shape \[1, 1, 8, 8\]\n1 1 2 1 2 1 1 0\n/);
});
