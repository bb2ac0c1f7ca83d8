// The sums the page writes out when an output cell is hovered are worked out by the app
// from the definitions (src/app/explain.cpp), not by the engine: for every output cell of
// a range of configurations, the terms must name real input cells and kernel taps with
// their real values, and add up to the engine's output.
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

const CONFIGS = [
  { op: 'conv2d', in: '5x5', k: 3, s: 1, p: 0 },
  { op: 'conv2d', in: '7x6', cin: 2, cout: 4, g: 2, k: '3x2', s: 2, p: '1x0', d: 1, bias: true },
  { op: 'conv2d', in: '6x6', k: 3, p: 2, mode: 'reflect' },
  { op: 'conv2d', in: '5x4', k: 3, p: 3, mode: 'circular', d: 2 },
  { op: 'conv2d', in: '4x4', k: 4, p: 'same', d: 1, mode: 'replicate', cin: 3, cout: 3, g: 3 },
  { op: 'conv_transpose2d', in: '3x3', k: 3, s: 2, p: 1, op_pad: 1 },
  { op: 'conv_transpose2d', in: '4x3', cin: 4, cout: 2, g: 2, k: '3x2', s: '2x1', p: 1, d: 2, bias: true },
  { op: 'conv_transpose2d', in: '5x5', k: 3, s: 2, p: 3 },  // negative padding: cropped
];

for (const config of CONFIGS) {
  test(`hover sums add up for ${JSON.stringify(config)}`, async () => {
    const result = await page.evaluate((partial) => {
      const state = window.convplay.setState(Object.assign({ cin: 1, cout: 1, g: 1, s: 1, p: 0, d: 1, op_pad: 0, bias: false, mode: 'zeros' }, partial));
      const [, channels, height, width] = state.outputShape;
      const cells = [];
      for (let c = 0; c < channels; ++c)
        for (let y = 0; y < height; ++y)
          for (let x = 0; x < width; ++x) cells.push([c, y, x, window.convplay.explain(c, y, x)]);
      return { state, cells };
    }, config);
    const { state, cells } = result;
    assert.deepStrictEqual(state.notes, [], 'the configuration is valid as written');
    const [, cin, inH, inW] = state.inputShape;
    const [wA, wB, kH, kW] = state.weightShape;
    const [, , outH, outW] = state.outputShape;
    assert.strictEqual(cells.length, state.output.length);
    for (const [c, y, x, e] of cells) {
      const output = state.output[(c * outH + y) * outW + x];
      assert.ok(Math.abs(e.engine - output) <= 1e-5 * (1 + Math.abs(output)), 'engine value is the output');
      assert.ok(Math.abs(e.sum - output) <= 1e-4 * (1 + Math.abs(output)),
                `y[${c}, ${y}, ${x}]: terms sum to ${e.sum}, engine says ${output}`);
      for (const t of e.terms) {
        assert.ok(t.ky >= 0 && t.ky < kH && t.kx >= 0 && t.kx < kW, 'tap inside the kernel');
        if (t.iy >= 0) {
          assert.ok(t.c < cin && t.iy < inH && t.ix < inW, 'a real input cell');
          assert.strictEqual(t.x, state.input[(t.c * inH + t.iy) * inW + t.ix], 'the input value');
        } else {
          assert.strictEqual(t.x, 0, 'zero padding contributes 0');
        }
        // The weight value belongs to this output channel and this input channel.
        const candidates = [];
        for (let a = 0; a < wA; ++a)
          for (let b = 0; b < wB; ++b) candidates.push(state.weight[((a * wB + b) * kH + t.ky) * kW + t.kx]);
        assert.ok(candidates.includes(t.w), 'the weight value is a real tap');
      }
    }
  });
}
