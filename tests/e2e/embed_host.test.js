// embed.html inside a host page (issue 13): it never takes the host's focus, tells its
// parent the height it needs (convplay's message, applied by <convplay-embed>, and
// WordPress's, with the secret, from a frame sandboxed as WordPress does: opaque origin),
// and stops drawing while scrolled out of view.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { SITE_DIR, serveSite, launchBrowser } = require('./harness');

// The host is a post in /host/, the site in /site/. Messages its window gets are logged.
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title>
<script src="../site/convplay-embed.js"></script>
<script src="log.js"></script></head>
<body style="margin: 0; font: 16px sans-serif">
<input id="search" placeholder="Search this blog">
<convplay-embed id="auto" op="conv_transpose2d" in="3x3" s="2" ui="figure" theme="light"
    width="480"></convplay-embed>
<iframe id="wp" width="480" height="300" style="border:0" sandbox="allow-scripts"
    src="../site/embed.html#op=conv2d&amp;in=5x5&amp;ui=figure#?secret=Wp7Secret1"></iframe>
<div style="height: 3000px"></div>
</body></html>
`;
// The log of messages and of the focused element, as a file: a host may have a CSP too.
const LOG_JS = `window.messages = [];
window.addEventListener('message', (e) => {
  window.messages.push({ data: e.data, origin: e.origin,
                        fromWp: e.source === document.getElementById('wp').contentWindow });
});
document.addEventListener('DOMContentLoaded', () => document.getElementById('search').focus());
`;

let root, site, browser, closeBrowser, page;

test.before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'convplay-host-'));
  fs.mkdirSync(path.join(root, 'host'));
  fs.writeFileSync(path.join(root, 'host', 'post.html'), HOST_PAGE);
  fs.writeFileSync(path.join(root, 'host', 'log.js'), LOG_JS);
  fs.symlinkSync(SITE_DIR, path.join(root, 'site'));
  site = await serveSite(root);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(`${site.url}/host/post.html`);
});

test.after(async () => {
  await closeBrowser();
  await site.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function readyFrame(selector) {
  const handle = await page.waitForSelector(selector, { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.convplay && window.convplay.ready === true, null,
                              { timeout: 90000 });
  return frame;
}

test('the host keeps its focus; the heights arrive and size <convplay-embed>', async () => {
  const auto = await readyFrame('#auto iframe');
  await readyFrame('#wp');
  await page.waitForFunction(() => document.querySelector('#auto').hasAttribute('data-ready'), null,
                             { timeout: 20000 });
  assert.strictEqual(await page.evaluate(() => document.activeElement && document.activeElement.id),
                     'search', 'the focused input keeps the focus while the frames load');

  // <convplay-embed>: its frame is as tall as the last height its own frame asked for.
  const sized = await page.evaluate(() => {
    const frame = document.querySelector('#auto iframe');
    const asked = window.messages.filter((m) => !m.fromWp && m.data && m.data.type === 'convplay:height');
    return { style: frame.style.height, asked: asked.map((m) => m.data.height) };
  });
  assert.ok(sized.asked.length > 0, 'convplay:height received');
  const last = sized.asked[sized.asked.length - 1];
  assert.strictEqual(sized.style, `${last}px`);
  assert.ok(last >= 200 && last <= 900, `a figure's height (${last})`);
  // Its output grid fits in the height it asked for.
  const grid = (await auto.evaluate(() => window.convplay.regions())).output_grid;
  assert.ok(grid.y + grid.h <= last, JSON.stringify({ grid, last }));

  // A frame given a WordPress secret also speaks WordPress's protocol.
  const wp = await page.evaluate(() => window.messages.filter((m) => m.fromWp && m.data &&
                                                                     m.data.message === 'height'));
  assert.ok(wp.length > 0, 'WordPress height message');
  assert.strictEqual(wp[0].data.secret, 'Wp7Secret1');
  assert.strictEqual(wp[0].origin, 'null', 'the sandboxed frame (opaque origin) still runs');
  assert.ok(Number.isFinite(wp[0].data.value) && wp[0].data.value > 100);
  // The secret suffix is ignored by the state (never an error) and dropped from the hash.
  const state = await (await readyFrame('#wp')).evaluate(() => window.convplay.getState());
  assert.deepStrictEqual(state.inputShape.slice(2), [5, 5]);

  // A message in the right shape from another window is ignored.
  await page.evaluate(() => window.postMessage({ type: 'convplay:height', height: 123 }, '*'));
  await page.waitForTimeout(100);
  assert.strictEqual(await page.evaluate(() => document.querySelector('#auto iframe').style.height),
                     `${last}px`);
});

test('an animation scrolled out of view stops drawing, and resumes in view', async () => {
  const frame = await readyFrame('#auto iframe');
  await frame.evaluate(() => window.convplay.setState({ anim: 'play', speed: 20 }));
  const frames = () => frame.evaluate(() => window.convplay.frameStats().frames);
  const before = await frames();
  await page.waitForTimeout(600);
  assert.ok(await frames() > before, 'playing in view draws');

  await page.evaluate(() => window.scrollTo(0, 2500));
  await page.waitForTimeout(500);
  const away = await frames();
  await page.waitForTimeout(800);
  assert.strictEqual(await frames(), away, 'no frames while out of view');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600);
  assert.ok(await frames() > away, 'drawing again in view');
});
