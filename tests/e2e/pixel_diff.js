// Comparing two screenshots (harness.js screenshotPixels): for the tests of what the
// renderer redraws (partial_redraw, texture).
'use strict';

// How many pixels differ in colour, and the box around them ([x0, y0, x1, y1], inclusive).
function difference(a, b) {
  let count = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2]) continue;
    const x = (i / 4) % a.w, y = Math.floor(i / 4 / a.w);
    ++count;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return { count, box: count ? [x0, y0, x1, y1] : null };
}

module.exports = { difference };
