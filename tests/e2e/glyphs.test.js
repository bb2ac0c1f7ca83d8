// Every character in the app's and the engine's strings has a glyph in the UI font the page
// loaded: the embedded font is cut down at build time to src/app/ui/glyph_ranges.h, so a
// string with a new symbol would otherwise show ImGui's fallback '?' instead.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { openSession, openPlayground } = require('./harness');

// The app's own text, and the engine's messages, which it shows next to the controls.
const SOURCE_DIRS = ['app/model', 'app/ui', 'app/platform', 'engine']
  .map((dir) => path.join(__dirname, '..', '..', 'src', dir));

// The characters of the C++ string literals in SOURCE_DIRS (comments left out), with their
// \uXXXX escapes decoded.
function appStringCharacters() {
  const chars = new Set();
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

test('the UI font has a glyph for every character in the app\'s strings', async () => {
  const used = appStringCharacters();
  // The scan finds the symbols the formulas use (else it would check nothing).
  for (const symbol of ['\u2212', '\u00b7', '\u00d7', '\u230a', '\u21b6']) {
    assert.ok(used.includes(symbol), `the scan of src/app finds ${symbol}`);
  }
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await openPlayground(page, `${site.url}/index.html#`);
  const missing = (text) => page.evaluate((t) => JSON.parse(
    Module.ccall('convplay_missing_glyphs', 'string', ['string'], [t])), text);
  const absent = (await missing(used)).map((c) => `U+${c.toString(16).toUpperCase()} ${String.fromCodePoint(c)}`);
  assert.deepStrictEqual(absent, [], 'characters without a glyph (add them to src/app/ui/glyph_ranges.h)');
  // Characters outside glyph_ranges.h are reported (the check can fail): DejaVu Sans has
  // the euro sign and Cyrillic, the embedded font need not.
  assert.deepStrictEqual(await missing('\u20ac\u0416'), [0x20ac, 0x0416]);
  await page.close();
});
