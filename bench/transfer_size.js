// Transfer size of the playground page: index.html and every file it loads, gzip -9 (what a
// static host with compression sends). Shared by bench/frame_time.js and bench/open_time.js.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const PAGE_FILES = ['index.html', 'app/shell.js', 'app/shell.css', 'playground.js', 'playground.wasm'];

function transferSizes(siteDir) {
  let raw = 0, gzip = 0;
  const rows = PAGE_FILES.map((name) => {
    const data = fs.readFileSync(path.join(siteDir, name));
    const packed = zlib.gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gzip += packed;
    return { name, raw: data.length, gzip: packed };
  });
  return { rows, raw, gzip };
}

function printTransferSizes(sizes) {
  console.log('Transfer size of index.html and what it loads:');
  for (const row of sizes.rows) console.log(`  ${row.name.padEnd(18)} ${String(row.raw).padStart(9)} B raw  ${String(row.gzip).padStart(9)} B gzip`);
  console.log(`  ${'total'.padEnd(18)} ${String(sizes.raw).padStart(9)} B raw  ${String(sizes.gzip).padStart(9)} B gzip`);
}

module.exports = { transferSizes, printTransferSizes };
