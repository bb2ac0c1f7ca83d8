// What needs the page: window.convplay.explain() reports the same sums as the screen, and
// hovering an output cell of another channel shows the input channel its sum reads.
// The sums themselves (every output cell, every op, groups, padding modes) are checked
// natively against the engine in tests/native/explain_test.cpp.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground } = require('./harness');

let site, close, page;

test.before(async () => {
  ({ site, close, page } = await openSession({ page: true }));
  await openPlayground(page, `${site.url}/index.html`);
});

test.after(() => close());

const frames = (n) => page.evaluate((count) => new Promise((resolve) => {
  const step = () => (--count <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

const regions = () => page.evaluate(() => window.convplay.regions());

const DEFAULTS = { cin: 1, cout: 1, g: 1, s: 1, p: 0, d: 1, op_pad: 0, bias: false, mode: 'zeros' };

// Grouped layers of both ops: each term's weight is the one at the exact index the op's
// layout gives it (w[oc, c − first, ky, kx] for Conv2d, w[c, oc mod C_out/g, ky, kx] for
// ConvTranspose2d), and its input channel is one of the output channel's group.
for (const config of [
  { op: 'conv2d', in: '5x4', cin: 4, cout: 4, g: 2, k: 3, p: 1, bias: true },
  { op: 'conv_transpose2d', in: '3x3', cin: 4, cout: 4, g: 2, k: 3, s: 2, bias: true },
]) {
  test(`explain() names the group's channels and exact weights for ${config.op}`, async () => {
    const { state, cells } = await page.evaluate((partial) => {
      const s = window.convplay.setState(partial);
      const [, channels, height, width] = s.outputShape;
      const all = [];
      for (let c = 0; c < channels; ++c)
        for (let y = 0; y < height; ++y)
          for (let x = 0; x < width; ++x) all.push([c, y, x, window.convplay.explain(c, y, x)]);
      return { state: s, cells: all };
    }, Object.assign({}, DEFAULTS, config));
    assert.deepStrictEqual(state.notes, [], 'the configuration is valid as written');
    const [, cin, inH, inW] = state.inputShape;
    const [, wB, kH, kW] = state.weightShape;
    const [, cout, outH, outW] = state.outputShape;
    const cinG = cin / config.g, coutG = cout / config.g;
    const transposed = config.op === 'conv_transpose2d';
    assert.strictEqual(cells.length, state.output.length);
    for (const [oc, y, x, e] of cells) {
      const output = state.output[(oc * outH + y) * outW + x];
      assert.ok(Math.abs(e.sum - output) <= 1e-4 * (1 + Math.abs(output)),
                `y[${oc}, ${y}, ${x}]: terms sum to ${e.sum}, the page shows ${output}`);
      const group = Math.floor(oc / coutG);
      for (const t of e.terms) {
        assert.ok(t.c >= group * cinG && t.c < (group + 1) * cinG,
                  `y[${oc}, …] reads input channel ${t.c}, outside its group ${group}`);
        const [a, b] = transposed ? [t.c, oc % coutG] : [oc, t.c - group * cinG];
        assert.strictEqual(t.w, state.weight[((a * wB + b) * kH + t.ky) * kW + t.kx],
                           `the weight of y[${oc}, ${y}, ${x}] is w[${a}, ${b}, ${t.ky}, ${t.kx}]`);
        if (t.iy >= 0) assert.strictEqual(t.x, state.input[(t.c * inH + t.iy) * inW + t.ix]);
        else assert.strictEqual(t.x, 0, 'zero padding contributes 0');
      }
    }
  });
}

// The input grid's pixels (values and highlights) in the current state.
async function inputGridShot() {
  const grid = (await regions()).input_grid;
  return page.screenshot({ clip: { x: grid.x, y: grid.y, width: grid.w, height: grid.h } });
}

async function click(region) {
  const r = (await regions())[region];
  assert.ok(r, `${region} on screen`);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await frames(3);
}

async function hoverOutput(y, x) {
  const grid = (await regions()).output_grid;
  await page.mouse.move(grid.x + grid.cell * (x + 0.5), grid.y + grid.cell * (y + 0.5));
  await frames(2);
  await page.mouse.move(grid.x + grid.cell * (x + 0.6), grid.y + grid.cell * (y + 0.5));
  await frames(4);
}

test('hovering an output cell of channel 3 shows the input channel its sum reads', async () => {
  // groups=2, cin=2, cout=4: output channels 2 and 3 read input channel 1 only.
  await page.evaluate((partial) => window.convplay.setState(partial),
                      Object.assign({}, DEFAULTS, { op: 'conv2d', in: '5x5', cin: 2, cout: 4, g: 2, k: 3, p: 1 }));
  await frames(3);
  for (let i = 0; i < 3; ++i) await click('output_grid_ch_next');  // output channel 3
  await hoverOutput(1, 2);
  const focused = await inputGridShot();
  await page.mouse.move(2, 700);  // off every grid: the picker's channel 0 again
  await frames(4);
  const unfocused = await inputGridShot();
  await click('input_grid_ch_next');  // pick input channel 1 by hand
  await hoverOutput(1, 2);
  const picked = await inputGridShot();
  assert.ok(!focused.equals(unfocused), 'the focus changed the input grid from channel 0');
  assert.ok(focused.equals(picked), 'the focus shows input channel 1, as picking it does');
});
