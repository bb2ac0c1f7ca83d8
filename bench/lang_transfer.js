// What the second language costs in download: the English page's transfer (gzip -9) against
// a build without it, and the Chinese font fetched only when Chinese is shown.
//   node bench/lang_transfer.js BASE_SITE_DIR [SITE_DIR]   (e.g. a build of main)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { transferSizes } = require('./transfer_size');

const [base, site = path.join(__dirname, '..', 'build', 'site')] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/lang_transfer.js BASE_SITE_DIR [SITE_DIR]');
  process.exit(2);
}
const before = transferSizes(base);
const after = transferSizes(site);
console.log('English page, gzip -9 bytes:      base      this      growth');
after.rows.forEach((row, i) => {
  const was = before.rows[i].gzip;
  console.log(`  ${row.name.padEnd(18)} ${String(was).padStart(12)} ${String(row.gzip).padStart(9)} ${String(row.gzip - was).padStart(9)}`);
});
const growth = after.gzip - before.gzip;
console.log(`  ${'total'.padEnd(18)} ${String(before.gzip).padStart(12)} ${String(after.gzip).padStart(9)} ${String(growth).padStart(9)}  (budget 10240)`);
const font = fs.readFileSync(path.join(site, 'fonts', 'ui-zh.ttf'));
const fontGzip = zlib.gzipSync(font, { level: 9 }).length;
console.log(`Chinese font fonts/ui-zh.ttf: ${font.length} B raw, ${fontGzip} B gzip (budget 153600)`);
process.exitCode = growth <= 10240 && fontGzip <= 153600 ? 0 : 1;
