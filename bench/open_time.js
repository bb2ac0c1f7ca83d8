// "Fast to open" (issue 4): time from navigation to the playground's first drawn frame on
// localhost in headless Chromium (SwiftShader), and the page's transfer size (gzip -9).
//  - cold: a fresh browser (fresh --user-data-dir) per run, its first page: the GPU process
//    and SwiftShader start with the page, as on a user's first visit after launching;
//  - warm: further navigations in a browser that has already shown the page.
// "firstFrame" is when the app has issued its first frame's WebGL calls (window.convplay
// becomes ready), as the shell reports it; "rendered" is when the GPU process has drawn
// that frame (a one-pixel readPixels right then waits for it; bench only). Each run also
// reports where the time went (performance marks set by web/app/shell.js).
// Usage: node bench/open_time.js [runs] [WxH viewport]   (needs build/site from ./play --no-serve)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { SITE_DIR, serveSite, launchBrowser, openPlayground } = require('../tests/e2e/harness');
const { transferSizes, printTransferSizes } = require('./transfer_size');

const RUNS = Number(process.argv[2] || 7);
const [WIDTH, HEIGHT] = (process.argv[3] || '1280x720').split('x').map(Number);
const HASH = 'op=conv2d&in=8x8&k=3&p=1';
// The shell's marks, in the order they happen, and the resources whose arrival matters.
const MARKS = ['wasm-compiled', 'runtime-ready'];
const RESOURCES = ['app/shell.js', 'playground.js', 'playground.wasm'];

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
}

// Runs in the page before its scripts: on the shell's ready event, which fires inside the
// app's first frame, waits for the GPU to finish drawing it.
function markRenderedOnReady() {
  window.addEventListener('convplay-ready', () => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    performance.mark('rendered');
  });
}

async function openOnce(page, url) {
  await openPlayground(page, url);
  return page.evaluate(({ marks, resources }) => {
    const out = { firstFrame: window.convplayShell.firstFrameMs };
    out.rendered = performance.getEntriesByName('rendered')[0].startTime;
    for (const name of marks) {
      const entry = performance.getEntriesByName(name)[0];
      out[name] = entry ? entry.startTime : NaN;
    }
    for (const name of resources) {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/' + name));
      out[name] = entry ? entry.responseEnd : NaN;
    }
    return out;
  }, { marks: MARKS, resources: RESOURCES });
}

(async () => {
  const site = await serveSite();
  const url = `${site.url}/index.html#${HASH}`;
  const cold = [], warm = [];
  try {
    for (let run = 0; run < RUNS; ++run) {
      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
        await page.addInitScript(markRenderedOnReady);
        cold.push(await openOnce(page, url));
        // Warm: the same browser, a new navigation (files are served no-store: fetched again).
        await page.goto('about:blank');
        warm.push(await openOnce(page, url));
      } finally {
        await close();
      }
    }
  } finally {
    await site.close();
  }
  // One row per event, one column per run (transposed: the events are many).
  const events = [...RESOURCES.map((r) => `${r} received`), ...MARKS, 'firstFrame', 'rendered'];
  const value = (r, e) => r[e.replace(/ received$/, '')];
  const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-').padStart(6);
  console.log(`Time to first frame in headless Chromium (SwiftShader), ${WIDTH}x${HEIGHT}, #${HASH}, ${RUNS} runs`);
  console.log(`ms after navigation start; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${'event'.padEnd(26)}${'cold median'.padStart(12)}${'warm median'.padStart(12)}   cold runs | warm runs`);
  for (const e of events) {
    const c = cold.map((r) => value(r, e)), w = warm.map((r) => value(r, e));
    console.log(`${e.padEnd(26)}${f(median(c)).padStart(12)}${f(median(w)).padStart(12)}   ${c.map(f).join('')} |${w.map(f).join('')}`);
  }
  const sizes = transferSizes(SITE_DIR);
  console.log('');
  printTransferSizes(sizes);
  const out = path.join(__dirname, '..', 'build', 'bench');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'open_time.json'), JSON.stringify({ cold, warm, sizes, load: os.loadavg() }, null, 2));
})().catch((error) => { console.error(error); process.exit(1); });
