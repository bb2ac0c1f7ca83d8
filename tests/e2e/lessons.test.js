// Lessons on the page (CONTRACT.md §5): a learner goes through lesson 7 in Chinese by
// typing into the lesson panel and clicking its buttons, window.convplay.answer() takes
// each kind of answer, a click on the figure's output grid answers a "cell" question, and
// the canvas makes room for the panel. The lesson files, answers and mistakes are tested
// natively (tests/native/lessons_test.cpp).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { openSession, openPlayground } = require('./harness');

let site, close, page;
const pageErrors = [];

test.before(async () => {
  ({ site, close, page } = await openSession({ page: true }));
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
test.afterEach(() => {
  assert.deepStrictEqual(pageErrors.splice(0), [], 'no script errors on the page');
});
test.after(() => close());

const lesson = () => page.evaluate(() => window.convplay.lesson());
const feedback = () => page.locator('#lesson .lesson-feedback').textContent();

async function typeAndCheck(text) {
  await page.fill('#lesson .lesson-input', text);
  await page.click('#lesson .lesson-check');
  return feedback();
}

async function next(expectedStep) {
  await page.click('#lesson .lesson-next');
  await page.waitForFunction((step) => window.convplay.lesson().step === step, expectedStep);
  await page.waitForFunction((step) => document.querySelector('#lesson .lesson-step')
    .textContent.includes(String(step)), expectedStep);
}

test('a learner goes through lesson 7 in Chinese', async () => {
  await openPlayground(page, `${site.url}/index.html#lang=zh&lesson=output-padding`);
  await page.waitForSelector('#lesson:not([hidden]) .lesson-title');
  assert.strictEqual(await page.locator('#lesson .lesson-title').textContent(), 'output_padding：7×7 还是 8×8？');
  const state = await page.evaluate(() => window.convplay.getState());
  assert.strictEqual(state.lang, 'zh');
  assert.deepStrictEqual([state.op, state.in, state.s], ['conv2d', '7x7', 2], 'step 1 applied its state');
  assert.match(await page.evaluate(() => location.hash), /lesson=output-padding&step=1/);

  // The canvas makes room for the panel beside it.
  const aside = await page.locator('#lesson').boundingBox();
  const canvas = await page.locator('#canvas').boundingBox();
  assert.ok(canvas.x >= aside.x + aside.width - 1, `canvas ${JSON.stringify(canvas)} beside ${JSON.stringify(aside)}`);

  // Step 1: a size. The forgotten +1 gets its own feedback; then the right answer.
  assert.match(await typeAndCheck('2x2'), /漏掉了 \+1/);
  assert.match(await typeAndCheck('3×3'), /^正确。/);
  await next(2);
  assert.strictEqual((await page.evaluate(() => window.convplay.getState())).op, 'conv_transpose2d');

  // Step 2: the output_padding that restores 8x8. Empty is invalid, not wrong.
  assert.strictEqual(await typeAndCheck(''), '请输入一个数字。');
  assert.match(await typeAndCheck('2'), /output_padding 必须小于 stride/);
  await page.click('#lesson .lesson-hint');
  assert.strictEqual(await page.locator('#lesson .lesson-hints li').count(), 1);
  assert.match(await typeAndCheck('1'), /^正确。/);
  await next(3);
  await next(4);

  // Step 4: the extra row holds real sums, not zeros.
  assert.match(await page.locator('#lesson .lesson-formula').textContent(), /= 8$/);
  assert.match(await typeAndCheck('0'), /不是补零/);
  assert.match(await typeAndCheck('2'), /^正确。/);
  const done = await page.evaluate(() => window.convplay.lessons().find((l) => l.id === 'output-padding').done);
  assert.strictEqual(done, true, 'the lesson is marked done');
  assert.match(await page.locator('#lesson .lesson-picker option:checked').textContent(), /^✓ 7\./);
});

test('answer() takes every kind of answer', async () => {
  const results = await page.evaluate(() => {
    const c = window.convplay;
    const at = (id, step) => { c.setState({ lesson: id, step }); return c.lesson().question.kind; };
    return {
      number: [at('conv2d-window', 1), c.answer(63).status, c.answer('64').status, c.answer('').status],
      size: [at('transposed-stride-1', 1), c.answer([4, 4]).status, c.answer('3x3').status, c.answer('4').status],
      cell: [at('stride-2', 2), c.answer([0, 1, 3]).status, c.answer([0, 1, 1]).status, c.answer([0, 9, 9]).status],
      choice: [at('transposed-stride-1', 3), c.answer(1).status, c.answer(0).status, c.answer(5).status],
      english: c.answer(0).feedback,
      outside: (c.setState({ lesson: '' }), c.lesson()),
    };
  });
  assert.deepStrictEqual(results.number, ['number', 'correct', 'wrong', 'invalid']);
  assert.deepStrictEqual(results.size, ['size', 'correct', 'wrong', 'invalid']);
  assert.deepStrictEqual(results.cell, ['cell', 'correct', 'wrong', 'invalid']);
  assert.deepStrictEqual(results.choice, ['choice', 'correct', 'wrong', 'invalid']);
  assert.strictEqual(results.outside, null);
  await page.waitForSelector('#lesson', { state: 'hidden' });
});

test('a click on the output grid answers a cell question', async () => {
  await page.evaluate(() => window.convplay.setState({ lang: 'en', lesson: 'stride-2', step: 2 }));
  await page.waitForSelector('#lesson .lesson-cell-help');
  // An output grid in view (the scatter tab also draws one further down, scrolled away).
  const inView = () => {
    const regions = window.convplay.regions();
    const height = document.getElementById('canvas').getBoundingClientRect().height;
    return Object.keys(regions).map((id) => regions[id])
      .find((r, i) => /output_grid$/.test(Object.keys(regions)[i]) && r.y + r.h <= height);
  };
  await page.waitForFunction(inView);
  const grid = await page.evaluate(inView);
  const canvas = await page.locator('#canvas').boundingBox();
  const cellAt = (row, col) => [canvas.x + grid.x + (col + 0.5) * grid.w / grid.cols,
                                canvas.y + grid.y + (row + 0.5) * grid.h / grid.rows];
  await page.mouse.click(...cellAt(0, 1));  // reached with stride 1, not 2
  assert.match(await feedback(), /row 0, column 1\. That cell would be reached with stride 1/);
  await page.mouse.click(...cellAt(2, 4));
  assert.match(await feedback(), /row 2, column 4\. Right\./);
});
