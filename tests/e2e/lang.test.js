// The two languages in the page (CONTRACT.md §4 `lang`, §5 setState({lang})): the hash,
// the top bar's switch, the remembered choice, the browser's language, and Chinese text
// really drawn. The tables themselves are tested natively (tests/native/text_test.cpp);
// every glyph in tests/e2e/glyphs.test.js.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground, screenshotPixels } = require('./harness');

let site, browser, close, page;
const fontRequests = [];  // the Chinese font and page text (app/shell-zh.js)

test.before(async () => {
  ({ site, browser, close, page } = await openSession({ page: true }));
  page.on('request', (request) => {
    if (/\/(fonts\/ui-zh\.ttf|app\/shell-zh\.js)$/.test(request.url())) fontRequests.push(request.url());
  });
});

test.after(() => close());

const getState = () => page.evaluate(() => window.convplay.getState());
const nextFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
const shownLang = (lang) => page.waitForFunction((l) => window.convplay.getState().lang === l, lang, { timeout: 20000 });

async function clickRegion(id) {
  const regions = await page.evaluate(() => window.convplay.regions());
  const r = regions[id];
  assert.ok(r && r.w > 0, `${id} on screen: ${JSON.stringify(Object.keys(regions))}`);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await nextFrames();
}

// The tab bar's labels (计算 / Compute ...), as pixels: a crop from the switch's row down.
async function tabCrop() {
  const regions = await page.evaluate(() => window.convplay.regions());
  const { w, data } = await screenshotPixels(page);
  const top = Math.round(regions.lang_en.y + regions.lang_en.h + 10);
  const crop = [];
  for (let y = top; y < top + 40; ++y) {
    for (let x = 330; x < 700; ++x) crop.push(data[(y * w + x) * 4 + 1]);
  }
  return crop;
}

test('an English page fetches no Chinese font; the switch turns it Chinese and the hash follows', async () => {
  await openPlayground(page, `${site.url}/index.html#op=conv_transpose2d&in=3x3&s=2`);
  let state = await getState();
  assert.strictEqual(state.lang, 'en', 'headless Chromium speaks en-US');
  assert.ok(!/lang=/.test(state.hash), 'the browser\'s language is not written to the hash');
  assert.strictEqual(await page.evaluate(() => document.documentElement.lang), 'en');
  const english = await tabCrop();
  assert.deepStrictEqual(fontRequests, [], 'the English page fetches no Chinese font or page text');

  await clickRegion('lang_zh');
  await shownLang('zh');
  await nextFrames();
  assert.strictEqual(fontRequests.filter((url) => url.endsWith('.ttf')).length, 1,
                     'the Chinese font is fetched once Chinese is asked for');
  state = await getState();
  assert.match(state.hash, /(^|&)lang=zh(&|$)/);
  assert.match(await page.evaluate(() => window.location.hash), /lang=zh/);
  assert.match(await page.evaluate(() => document.title), /转置卷积/);
  assert.strictEqual(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  // Drawn: the tab labels' pixels changed, and every Chinese label has a real glyph (no '?').
  const chinese = await tabCrop();
  const changed = chinese.filter((v, i) => Math.abs(v - english[i]) > 40).length;
  assert.ok(changed > 200, `the tab labels look different in Chinese (${changed} pixels changed)`);
  const missing = await page.evaluate(() => JSON.parse(Module.ccall(
    'convplay_missing_glyphs', 'string', ['string'], ['计算散布与等价卷积形状与往返撤销重做'])));
  assert.deepStrictEqual(missing, []);
});

test('the choice is remembered across visits, and setState({lang}) switches', async () => {
  // After the previous test chose Chinese: a link without lang= opens in Chinese.
  await page.goto('about:blank');
  await openPlayground(page, `${site.url}/index.html#op=conv2d`);
  await shownLang('zh');
  assert.ok(!/lang=/.test((await getState()).hash), 'a remembered language is not written to the hash');

  await clickRegion('lang_en');
  await shownLang('en');
  assert.match((await getState()).hash, /(^|&)lang=en(&|$)/);
  await page.goto('about:blank');
  await openPlayground(page, `${site.url}/index.html#op=conv2d`);
  assert.strictEqual((await getState()).lang, 'en');

  // The tab shown stays across the switch (its labels change, its ids do not).
  await page.evaluate(() => window.convplay.setState({ tab: 'shapes' }));
  await nextFrames();
  await page.evaluate(() => window.convplay.setState({ lang: 'zh' }));
  await shownLang('zh');
  await nextFrames();
  await nextFrames();
  assert.strictEqual((await getState()).tab, 'shapes');
  await page.evaluate(() => window.convplay.setState({ lang: 'en' }));
  await shownLang('en');
  // lang=zh in the hash wins over the remembered English; the link's repair notes are said
  // in Chinese once it is shown.
  await page.goto('about:blank');
  await openPlayground(page, `${site.url}/index.html#lang=zh&s=9`);
  await shownLang('zh');
  await nextFrames();
  const notes = (await getState()).notes;
  assert.strictEqual(notes.length, 1);
  assert.match(notes[0], /超出 1…5 的范围/);
});

test('without lang= or a stored choice, the browser\'s language decides (zh-TW too)', async () => {
  for (const locale of ['zh-CN', 'zh-TW']) {
    const context = await browser.newContext({ locale, viewport: { width: 800, height: 600 } });
    const zhPage = await context.newPage();
    await openPlayground(zhPage, `${site.url}/index.html#`);
    await zhPage.waitForFunction(() => window.convplay.getState().lang === 'zh', null, { timeout: 20000 });
    // The loading state is gone once Chinese is drawn.
    assert.strictEqual(await zhPage.evaluate(() => document.getElementById('loading').hidden), true);
    await context.close();
  }
});

test('where storage throws (a sandboxed iframe), the language still switches', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const sandboxed = await context.newPage();
  const errors = [];
  sandboxed.on('pageerror', (error) => errors.push(error.message));
  await sandboxed.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The document is sandboxed', 'SecurityError'); },
    });
  });
  await openPlayground(sandboxed, `${site.url}/index.html#`);
  await sandboxed.evaluate(() => window.convplay.setState({ lang: 'zh' }));
  await sandboxed.waitForFunction(() => window.convplay.getState().lang === 'zh', null, { timeout: 20000 });
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('the page\'s own messages follow the language before the app loads (no WebGL2 here)', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 800, height: 600 } });
  const noGL = await context.newPage();
  await noGL.addInitScript(() => { delete window.WebGL2RenderingContext; });
  await noGL.goto(`${site.url}/index.html#`);
  await noGL.waitForFunction(() => !document.getElementById('no-webgl2').hidden &&
                                   document.documentElement.lang === 'zh-Hans' &&
                                   !/browser/.test(document.querySelector('#no-webgl2 h1').textContent));
  const shown = await noGL.evaluate(() => ({
    heading: document.querySelector('#no-webgl2 h1').textContent,
    title: document.title,
    lang: document.documentElement.lang,
  }));
  assert.deepStrictEqual(shown, { heading: '这个浏览器无法显示 convplay',
                                  title: 'convplay — Conv2d 与 ConvTranspose2d（转置卷积）实时演示',
                                  lang: 'zh-Hans' });
  await context.close();
});

test('the Chinese font is a separate file of at most 150 KB gzip', () => {
  const fs = require('fs');
  const path = require('path');
  const zlib = require('zlib');
  const { SITE_DIR } = require('./harness');
  const font = fs.readFileSync(path.join(SITE_DIR, 'fonts', 'ui-zh.ttf'));
  const gzip = zlib.gzipSync(font, { level: 9 }).length;
  assert.ok(gzip <= 150 * 1024, `fonts/ui-zh.ttf is ${gzip} B gzip`);
  assert.ok(gzip > 5 * 1024, `fonts/ui-zh.ttf (${gzip} B gzip) holds the interface's characters`);
  // Not embedded in the page: the wasm does not carry it (bench/lang_transfer.js measures
  // what English readers download against a build without Chinese).
  const wasm = fs.readFileSync(path.join(SITE_DIR, 'playground.wasm'));
  assert.strictEqual(wasm.indexOf(font.subarray(0, 64)), -1);
});
