// Every character in the app's and the engine's strings, in both languages, and in the
// lesson files has a glyph in the UI fonts the page loaded: the embedded Latin font is cut
// down at build time to src/app/ui/glyph_ranges.h and the Chinese one (fetched when Chinese
// is shown) to what collect_cjk_chars.py finds, so a string with a new character would
// otherwise show ImGui's fallback '?' instead.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { openSession, openPlayground } = require('./harness');

// The app's own text, and the engine's messages, which it shows next to the controls.
const SOURCE_DIRS = ['app/model', 'app/ui', 'app/platform', 'engine']
  .map((dir) => path.join(__dirname, '..', '..', 'src', dir));

// Lesson files (when there are any): every character of them may be shown.
const LESSON_DIR = path.join(__dirname, '..', '..', 'lessons');
function lessonFiles(dir = LESSON_DIR) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return lessonFiles(full);
    return /\.(md|json|ya?ml|txt)$/.test(entry.name) ? [full] : [];
  });
}

// The characters of the C++ string literals in SOURCE_DIRS (comments left out), with their
// \uXXXX escapes decoded, and of the lesson files.
function appStringCharacters() {
  const chars = new Set();
  for (const file of lessonFiles()) {
    for (const ch of fs.readFileSync(file, 'utf8')) if (ch.codePointAt(0) >= 0x20) chars.add(ch);
  }
  const files = SOURCE_DIRS.flatMap((dir) => fs.readdirSync(dir)
    .filter((n) => /\.(cpp|h)$/.test(n)).map((n) => path.join(dir, n)));
  for (const file of files) {
    const code = fs.readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:"])\/\/.*$/gm, '$1');
    for (const [, literal] of code.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      const text = literal.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g,
                                   (_, u4, u8) => String.fromCodePoint(parseInt(u4 || u8, 16)));
      for (const ch of text) if (ch.codePointAt(0) >= 0x20) chars.add(ch);
    }
  }
  return [...chars].join('');
}

let site, browser, close;

test.before(async () => {
  ({ site, browser, close } = await openSession());
});

test.after(() => close());

const isLatin = (ch) => ch.codePointAt(0) < 0x2e80;
const describe = (codes) => codes.map((c) => `U+${c.toString(16).toUpperCase()} ${String.fromCodePoint(c)}`);
const missingOn = (page, text) => page.evaluate((t) => JSON.parse(
  Module.ccall('convplay_missing_glyphs', 'string', ['string'], [t])), text);

test('the English page has a glyph for every Latin character, and "中文" for the switch', async () => {
  const used = appStringCharacters();
  // The scan finds the symbols the formulas use (else it would check nothing).
  for (const symbol of ['\u2212', '\u00b7', '\u00d7', '\u230a', '\u21b6']) {
    assert.ok(used.includes(symbol), `the scan of src/app finds ${symbol}`);
  }
  const latin = [...used].filter(isLatin).join('');
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await openPlayground(page, `${site.url}/index.html#lang=en`);
  assert.deepStrictEqual(describe(await missingOn(page, latin)), [],
                         'characters without a glyph (add them to src/app/ui/glyph_ranges.h)');
  // The language switch names Chinese in Chinese before the Chinese font is fetched
  // (cjk_font_subset.cmake embeds those two glyphs; text().lang_zh is "中文").
  assert.deepStrictEqual(await missingOn(page, '中文'), []);
  // Characters outside glyph_ranges.h are reported (the check can fail): DejaVu Sans has
  // the euro sign and Cyrillic, the embedded font need not; nor is the Chinese font loaded.
  assert.deepStrictEqual(await missingOn(page, '\u20ac\u0416\u5377'), [0x20ac, 0x0416, 0x5377]);
  await page.close();
});

test('with Chinese shown, every character of either language and the lessons has a glyph', async () => {
  const used = appStringCharacters();
  const chinese = [...used].filter((ch) => !isLatin(ch));
  // The scan finds the Chinese table (else it would check nothing).
  for (const word of ['卷积', '转置卷积', '通道']) {
    assert.ok(word.split('').every((ch) => chinese.includes(ch)), `the scan finds ${word}`);
  }
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await openPlayground(page, `${site.url}/index.html#lang=zh`);
  await page.waitForFunction(() => window.convplay.getState().lang === 'zh', null, { timeout: 20000 });
  assert.deepStrictEqual(describe(await missingOn(page, used)), [],
                         'characters without a glyph (Chinese text drawn by ImGui must be in text.cpp or in chinese_glyph_ranges(), src/app/ui/theme.cpp)');
  // The Chinese font holds what the interface uses, not every Chinese character.
  assert.deepStrictEqual(await missingOn(page, '\u9f98'), [0x9f98]);
  await page.close();
});
