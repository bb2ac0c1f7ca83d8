// Shared by the e2e tests and bench/frame_time.js: serve build/site on a free local port
// and drive Debian's Chromium (WebGL2 through SwiftShader) with playwright-core.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');

const SITE_DIR = path.resolve(process.env.CONVPLAY_SITE_DIR ||
                              path.join(__dirname, '..', '..', 'build', 'site'));
const CHROMIUM = process.env.CONVPLAY_CHROMIUM || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
};

// A static file server for build/site on 127.0.0.1, port chosen by the OS.
function serveSite(dir = SITE_DIR) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      // CORS open as scripts/serve.py's: a sandboxed embed (origin 'null') fetches its wasm.
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                           'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}`,
                close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// playwright-core gives every launch a fresh temporary profile (--user-data-dir).
async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run'],
  });
  const close = () => browser.close();
  return { browser, close };
}

// Opens `page` at `url` and waits until window.convplay.ready (the first frame is drawn).
// On a machine loaded by parallel builds, software WebGL can stall a page's start; one
// reload is allowed, and a page that still does not start fails with what it shows.
async function openPlayground(page, url) {
  for (let attempt = 1; ; ++attempt) {
    if (attempt === 1) await page.goto(url); else await page.reload();
    try {
      await page.waitForFunction(() => window.convplay && window.convplay.ready === true, null,
                                 { timeout: 60000 });
      break;
    } catch (error) {
      const shown = await page.evaluate(() => ({
        status: (document.getElementById('loading-status') || {}).textContent,
        noWebGL2: !(document.getElementById('no-webgl2') || { hidden: true }).hidden,
      })).catch(() => ({}));
      const what = `${url} did not draw its first frame: ${JSON.stringify(shown)}`;
      if (attempt >= 2) throw new Error(what);
      process.stderr.write(`# retrying once: ${what}\n`);
    }
  }
  // One more animation frame so that the state read back is the one on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// One test file's browser session: a static server for build/site, a browser, and with
// `page` a 1280x720 page in it; close() ends them all.
async function openSession({ page = false } = {}) {
  const site = await serveSite();
  const { browser, close: closeBrowser } = await launchBrowser();
  const close = async () => {
    await closeBrowser();
    await site.close();
  };
  const session = { site, browser, close, page: null };
  if (page) session.page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  return session;
}

// The page's pixels as a user sees them (a screenshot, so WebGL included), decoded in the
// page: { w, h, data } with data RGBA bytes in a Node Buffer.
async function screenshotPixels(page) {
  const png = await page.screenshot({ type: 'png' });
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const bytes = g.getImageData(0, 0, c.width, c.height).data;
    // Back as base64: a plain Array of millions of numbers is slow to send.
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return { w: c.width, h: c.height, b64: btoa(binary) };
  }, png.toString('base64'));
  return { w: decoded.w, h: decoded.h, data: Buffer.from(decoded.b64, 'base64') };
}

// Pixels of the canvas: how many distinct colours and how many pixels differ from the
// background (every fourth pixel sampled).
async function canvasPixelStats(page) {
  const { data } = await screenshotPixels(page);
  const colors = new Set();
  let nonBackground = 0;
  const bg = [data[data.length - 4], data[data.length - 3], data[data.length - 2]];
  for (let i = 0; i < data.length; i += 16) {
    colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) nonBackground++;
  }
  return { colors: colors.size, nonBackground, sampled: data.length / 16 };
}

module.exports = {
  SITE_DIR, serveSite, launchBrowser, openSession, openPlayground, screenshotPixels, canvasPixelStats,
};
