// Playground budgets (issue 4), measured in headless Chromium (SwiftShader WebGL2):
//  - frame time while animating (60 output cells per second, so every frame steps and is
//    drawn), inputs up to 32x32 with 4 channels: the app's own time per drawn frame, split
//    into UI (ImGui widgets + engine, up to ImGui::Render) and the whole frame including the
//    WebGL calls, and the interval between drawn frames; and from a Chrome trace, the GPU
//    process's time per presented frame (headless Chromium presents by reading the frame
//    back, which waits for SwiftShader to finish drawing it: the part the page cannot hide),
//    and the GPU process's CPU time per presented frame (from /proc: SwiftShader draws on
//    CPU threads, so this is what a frame costs, whatever else loads the machine); and the
//    share of the canvas the app redraws per frame (it redraws only what changed); last, the
//    same for floor_page.html, a canvas cleared every frame: what any such page costs here;
//  - time to first frame after navigation on localhost (bench/open_time.js measures it
//    on fresh browsers, several runs);
//  - transfer size of the page (index.html and everything it loads), gzip -9.
// Usage: node bench/frame_time.js [seconds per case] [WxH viewport] [case index]
// (needs build/site from ./play --no-serve)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { SITE_DIR, serveSite, launchBrowser, openPlayground } = require('../tests/e2e/harness');
const { transferSizes, printTransferSizes } = require('./transfer_size');

const SECONDS = Number(process.argv[2] || 4);
const [WIDTH, HEIGHT] = (process.argv[3] || '1280x720').split('x').map(Number);
const ONLY = process.argv[4] ? Number(process.argv[4]) : -1;  // run one case (index)
const CASES = [
  ['conv2d 8x8, k=3', 'op=conv2d&in=8x8&k=3&p=1&anim=play&speed=60'],
  ['conv2d 32x32x4 -> 4, k=3, p=1', 'op=conv2d&in=32x32&cin=4&cout=4&k=3&p=1&anim=play&speed=60'],
  ['conv2d 32x32x4 -> 4, k=5, reflect', 'op=conv2d&in=32x32&cin=4&cout=4&k=5&p=2&mode=reflect&anim=play&speed=60'],
  ['conv_transpose2d 32x32x4 -> 4, k=4, s=2', 'op=conv_transpose2d&in=32x32&cin=4&cout=4&k=4&s=2&p=1&anim=play&speed=60'],
  ['conv_transpose2d 32x32x4, scatter view', 'op=conv_transpose2d&in=32x32&cin=4&cout=4&k=3&s=2&anim=play&speed=60&tab=scatter'],
];

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function countEvents(tracePath, name) {
  return JSON.parse(fs.readFileSync(tracePath, 'utf8')).traceEvents.filter((e) => e.name === name && e.dur).length;
}

// Mean duration of one trace event over the sampled window (NaN when the trace lacks it).
function meanEventMs(tracePath, name) {
  const events = JSON.parse(fs.readFileSync(tracePath, 'utf8')).traceEvents
    .filter((e) => e.name === name && e.dur);
  return events.reduce((sum, e) => sum + e.dur, 0) / events.length / 1000;
}

// CPU time (user + system, ms) used so far by the GPU processes this Node process started
// (Chromium's children whose command line says --type=gpu-process); NaN off Linux.
function gpuProcessCpuMs() {
  if (!fs.existsSync('/proc/self/stat')) return NaN;
  const parentOf = {}, isGpu = {};
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf[pid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      isGpu[pid] = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process');
    } catch (error) { /* the process ended meanwhile */ }
  }
  const descends = (pid) => pid === String(process.pid) || (parentOf[pid] !== undefined && pid !== '1' && descends(parentOf[pid]));
  let ticks = 0;
  for (const pid of Object.keys(isGpu).filter((p) => isGpu[p] && descends(p))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);  // utime, stime
    } catch (error) { /* ended */ }
  }
  return ticks * 10;  // USER_HZ is 100 on Linux
}

// `url` null: the floor page (floor_page.html) instead of the playground.
async function measureCase(browser, page, url) {
  await page.goto('about:blank');
  let firstFrameMs = NaN;
  if (url) {
    await openPlayground(page, url);
    firstFrameMs = await page.evaluate(() => window.convplayShell.firstFrameMs);
  } else {
    await page.setContent(fs.readFileSync(path.join(__dirname, 'floor_page.html'), 'utf8'));
    await page.waitForTimeout(1000);
  }
  const tracePath = path.join(os.tmpdir(), `convplay_frame_trace_${process.pid}.json`);
  await browser.startTracing(page, { path: tracePath, categories: ['viz', 'gpu'] });
  const gpuCpuBefore = gpuProcessCpuMs();
  // Sample every animation frame: the app's CPU time of its last frame, and the interval.
  const samples = await page.evaluate((seconds) => new Promise((resolve) => {
    // Only frames the app drew count (it skips frames where nothing changes).
    const cpu = [], logic = [], vertices = [], interval = [], redrawn = [];
    let last = performance.now();
    let lastFrame = window.convplay.frameStats().frames;
    let drawnSince = last;
    const end = last + seconds * 1000;
    function tick(now) {
      last = now;
      const stats = window.convplay.frameStats();
      if (stats.frames !== lastFrame) {
        interval.push((now - drawnSince) / (stats.frames - lastFrame));
        drawnSince = now;
        lastFrame = stats.frames;
        cpu.push(stats.frameMs);
        logic.push(stats.logicMs);
        vertices.push(stats.vertices);
        redrawn.push(stats.redrawnPixels);
      }
      if (now < end) requestAnimationFrame(tick); else resolve({ cpu, logic, vertices, interval, redrawn });
    }
    requestAnimationFrame(tick);
  }), SECONDS);
  const gpuCpuMs = gpuProcessCpuMs() - gpuCpuBefore;
  await browser.stopTracing();
  const gpuMs = meanEventMs(tracePath, 'SkiaOutputSurfaceImplOnGpu::SwapBuffers');
  const presented = countEvents(tracePath, 'SkiaOutputSurfaceImplOnGpu::SwapBuffers');
  fs.unlinkSync(tracePath);
  const animating = (await page.evaluate(() => window.convplay.frameStats())).animating;
  const cpu = samples.cpu.slice(5).sort((a, b) => a - b);
  const interval = samples.interval.slice(5).sort((a, b) => a - b);
  const logic = samples.logic.slice(5).sort((a, b) => a - b);
  const redrawn = samples.redrawn.slice(5).sort((a, b) => a - b);
  return {
    firstFrameMs, animating, frames: interval.length, gpuMs, gpuCpuPerFrame: gpuCpuMs / presented,
    redrawnShare: quantile(redrawn, 0.5) / (WIDTH * HEIGHT),
    logicMedian: quantile(logic, 0.5), logicP95: quantile(logic, 0.95),
    vertices: samples.vertices[samples.vertices.length - 1],
    cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95), cpuMax: cpu[cpu.length - 1],
    intervalMedian: quantile(interval, 0.5), intervalP95: quantile(interval, 0.95),
  };
}

(async () => {
  const site = await serveSite();
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
  const results = [];
  try {
    for (const [name, hash] of CASES.filter((_, i) => ONLY < 0 || i === ONLY)) {
      const r = await measureCase(browser, page, `${site.url}/index.html#${hash}`);
      results.push({ name, ...r });
    }
    results.push({ name: 'floor: a cleared WebGL2 canvas, no app', ...await measureCase(browser, page, null) });
  } finally {
    await close();
    await site.close();
  }
  const f = (x) => x.toFixed(2).padStart(7);
  console.log(`Frame time in headless Chromium (SwiftShader), ${WIDTH}x${HEIGHT}, ${SECONDS} s per case, animation playing`);
  console.log('CPU = the app\'s frame() incl. WebGL submission; UI = up to ImGui::Render() (widgets + engine);');
  console.log('GPU = GPU process per presented frame (SwiftShader drawing + compositing + headless read-back): mean wall');
  console.log('time of SwapBuffers, and its CPU time (all threads) per presented frame; redrawn = median share of the canvas');
  console.log(`redrawn per frame; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end`);
  console.log('case                                        CPU ms/frame: median    p95    max | UI ms: median    p95 | interval: median    p95 |  GPU ms  GPU CPU ms | redrawn | first frame ms | vertices');
  for (const r of results) {
    console.log(`${r.name.padEnd(44)}${f(r.cpuMedian)} ${f(r.cpuP95)} ${f(r.cpuMax)} |  ${f(r.logicMedian)} ${f(r.logicP95)} |   ${f(r.intervalMedian)} ${f(r.intervalP95)} | ${f(r.gpuMs)}     ${f(r.gpuCpuPerFrame)} | ${(100 * r.redrawnShare).toFixed(1).padStart(6)}% |        ${f(r.firstFrameMs)} | ${r.vertices}${r.animating ? '' : '  (NOT animating)'}`);
  }
  const sizes = transferSizes(SITE_DIR);
  console.log('');
  printTransferSizes(sizes);
  const out = path.join(__dirname, '..', 'build', 'bench');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'frame_time.json'), JSON.stringify({ results, sizes }, null, 2));
})().catch((error) => { console.error(error); process.exit(1); });
