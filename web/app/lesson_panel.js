// The lesson panel: the lesson's prose, question and buttons as page text beside the
// canvas (selectable, read by screen readers, set in the reader's own fonts), driving the
// playground through window.convplay (CONTRACT.md §5). Plain DOM, textContent only.
(function () {
  'use strict';
  var shell = window.convplayShell = window.convplayShell || {};
  var aside = document.getElementById('lesson');
  var opener = document.getElementById('lesson-open');
  var canvas = document.getElementById('canvas');
  if (!aside) return;

  var UI = {
    lessons: { en: 'Lessons', zh: '课程' },
    pick: { en: 'Choose a lesson', zh: '选择课程' },
    close: { en: 'Close the lesson', zh: '关闭课程' },
    step: { en: 'Step {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
    check: { en: 'Check', zh: '检查' },
    show: { en: 'Show me', zh: '显示答案' },
    hint: { en: 'Hint', zh: '提示' },
    previous: { en: 'Previous', zh: '上一步' },
    next: { en: 'Next', zh: '下一步' },
    answerIs: { en: 'The answer: ', zh: '答案：' },
    number: { en: 'A number', zh: '一个数字' },
    size: { en: 'H×W, e.g. 4x4', zh: '高×宽，例如 4x4' },
    cell: { en: 'Click a cell of the output grid in the figure.', zh: '请在图中点击输出网格的一个格子。' },
    picked: { en: 'You picked row {y}, column {x}.', zh: '你选择了第 {y} 行第 {x} 列。' },
    formula: { en: 'Formula', zh: '公式' },
  };

  // Progress: the steps finished per lesson. Storage may throw (sandboxed iframes, privacy
  // modes): the page then works without remembering.
  var STORE = 'convplay.lessons.progress';
  var progress = {};
  try { progress = JSON.parse(window.localStorage.getItem(STORE) || '{}') || {}; } catch (e) { progress = {}; }
  function save() {
    try { window.localStorage.setItem(STORE, JSON.stringify(progress)); } catch (e) { /* not kept */ }
  }
  function finish(id, step) {
    var steps = progress[id] = progress[id] || [];
    if (steps.indexOf(step) < 0) {
      steps.push(step);
      save();
    }
  }
  shell.lessonDone = function (id, count) {
    var steps = progress[id] || [];
    for (var n = 1; n <= count; ++n) if (steps.indexOf(n) < 0) return false;
    return true;
  };

  var current = null;      // window.convplay.lesson() as last shown
  var currentKey = '';     // its JSON: redraw only when it changes
  var lang = 'en';
  var hintsShown = 0;
  var answered = false;

  function t(key, values) {
    var text = UI[key][lang] || UI[key].en;
    Object.keys(values || {}).forEach(function (name) { text = text.replace('{' + name + '}', values[name]); });
    return text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, onClick, className) {
    var b = el('button', className, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function open(id, step) {
    window.convplay.setState({ lesson: id, step: step });
    refresh(true);
  }

  function setFeedback(result, box) {
    box.textContent = result.feedback || '';
    box.className = 'lesson-feedback ' + (result.status || '');
  }

  function submit(value, box) {
    var result = window.convplay.answer(value);
    setFeedback(result, box);
    if (result.status === 'correct') {
      answered = true;
      finish(current.id, current.step);
      var old = aside.querySelector('.lesson-picker');
      if (old) old.parentNode.replaceChild(picker(window.convplay.lessons()), old);  // its marks
    }
    return result;
  }

  function questionBlock(q) {
    var block = el('div', 'lesson-question');
    block.appendChild(el('p', 'lesson-prompt', q.prompt));
    var feedback = el('p', 'lesson-feedback');
    feedback.setAttribute('role', 'status');
    feedback.setAttribute('aria-live', 'polite');
    var row = el('div', 'lesson-answer');
    var input = null;
    if (q.kind === 'choice') {
      q.choices.forEach(function (choice, index) {
        row.appendChild(button(choice, function () { submit(index, feedback); }, 'lesson-choice'));
      });
    } else if (q.kind === 'cell') {
      row.appendChild(el('p', 'lesson-cell-help', t('cell')));
    } else {
      input = el('input', 'lesson-input');
      input.type = 'text';
      input.inputMode = q.kind === 'number' ? 'decimal' : 'text';
      input.placeholder = t(q.kind === 'size' ? 'size' : 'number');
      input.setAttribute('aria-label', q.prompt);
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') submit(input.value, feedback);
        event.stopPropagation();  // typing is not a shortcut for the playground
      });
      row.appendChild(input);
      row.appendChild(button(t('check'), function () { submit(input.value, feedback); }, 'lesson-check'));
    }
    block.appendChild(row);
    var tools = el('div', 'lesson-tools');
    var hints = el('ul', 'lesson-hints');
    if (q.hints.length > 0) {
      tools.appendChild(button(t('hint'), function () {
        if (hintsShown < q.hints.length) hints.appendChild(el('li', '', q.hints[hintsShown++]));
      }, 'lesson-hint'));
    }
    tools.appendChild(button(t('show'), function () {
      var solution = window.convplay.lessonSolution();
      if (!solution) return;
      feedback.className = 'lesson-feedback shown';
      feedback.textContent = t('answerIs') + solution.answer + (lang === 'zh' ? '。' : '. ') + solution.explanation;
      if (input) input.value = solution.answer;
    }, 'lesson-show'));
    block.appendChild(tools);
    block.appendChild(hints);
    block.appendChild(feedback);
    block.feedback = feedback;
    return block;
  }

  function picker(list) {
    var select = el('select', 'lesson-picker');
    select.setAttribute('aria-label', t('pick'));
    list.forEach(function (lesson, index) {
      var option = el('option', '', (lesson.done ? '✓ ' : '') + (index + 1) + '. ' + lesson.title);
      option.value = lesson.id;
      if (current && current.id === lesson.id) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener('change', function () { open(select.value, 1); });
    return select;
  }

  function render() {
    aside.textContent = '';
    var list = window.convplay.lessons();
    var head = el('div', 'lesson-head');
    head.appendChild(picker(list));
    var close = button('×', function () {
      window.convplay.setState({ lesson: '' });
      refresh(true);
    }, 'lesson-close');
    close.setAttribute('aria-label', t('close'));
    head.appendChild(close);
    aside.appendChild(head);
    aside.appendChild(el('h2', 'lesson-title', current.title));
    aside.appendChild(el('p', 'lesson-step', t('step', { n: current.step, total: current.steps })));
    var prose = el('div', 'lesson-text');
    current.text.split('\n').forEach(function (paragraph) { prose.appendChild(el('p', '', paragraph)); });
    aside.appendChild(prose);
    if (current.highlight && current.highlight.formula) {
      var formula = el('pre', 'lesson-formula', current.highlight.formula);
      formula.setAttribute('aria-label', t('formula'));
      aside.appendChild(formula);
    }
    if (current.question) {
      aside.appendChild(questionBlock(current.question));
    } else {
      finish(current.id, current.step);  // a step without a question is done once read
    }
    var nav = el('div', 'lesson-nav');
    var prev = button(t('previous'), function () { open(current.id, current.step - 1); }, 'lesson-prev');
    prev.disabled = current.step <= 1;
    var next = button(t('next'), function () {
      var index = list.map(function (l) { return l.id; }).indexOf(current.id);
      if (current.step < current.steps) open(current.id, current.step + 1);
      else if (index + 1 < list.length) open(list[index + 1].id, 1);
    }, 'lesson-next');
    next.disabled = current.step >= current.steps &&
      list.map(function (l) { return l.id; }).indexOf(current.id) + 1 >= list.length;
    nav.appendChild(prev);
    nav.appendChild(next);
    aside.appendChild(nav);
  }

  // Shows what window.convplay says: a new lesson, step or language redraws the panel.
  function refresh(force) {
    if (!window.convplay || !window.convplay.lesson) return;
    var lesson = window.convplay.lesson();
    var key = JSON.stringify(lesson);
    if (!force && key === currentKey) return;
    var changedStep = !current || !lesson || current.id !== lesson.id || current.step !== lesson.step;
    current = lesson;
    currentKey = key;
    document.body.classList.toggle('in-lesson', !!lesson);
    aside.hidden = !lesson;
    if (opener) opener.hidden = !!lesson || !!shell.embed;
    if (!lesson) {
      aside.textContent = '';
      return;
    }
    lang = window.convplay.getState().lang === 'zh' ? 'zh' : 'en';
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
    if (changedStep) {
      hintsShown = 0;
      answered = false;
    }
    render();
  }

  // A click on the figure's output grid answers a "cell" question: the grid's cell under
  // the pointer, from where the app drew it (window.convplay.regions, CSS pixels).
  canvas.addEventListener('click', function (event) {
    if (!current || !current.question || current.question.kind !== 'cell' || answered) return;
    var rect = canvas.getBoundingClientRect();
    var x = event.clientX - rect.left, y = event.clientY - rect.top;
    var regions = window.convplay.regions();
    Object.keys(regions).forEach(function (id) {
      var r = regions[id];
      if (!/output_grid$/.test(id) || !r.rows || !r.cols) return;
      if (x < r.x || y < r.y || x >= r.x + r.w || y >= r.y + r.h) return;
      var row = Math.floor((y - r.y) / (r.h / r.rows)), col = Math.floor((x - r.x) / (r.w / r.cols));
      var feedback = aside.querySelector('.lesson-feedback');
      var result = submit([row, col], feedback);
      feedback.textContent = t('picked', { y: row, x: col }) + ' ' + result.feedback;
    });
  });

  if (opener) {
    opener.addEventListener('click', function () {
      var list = window.convplay.lessons();
      var next = list.filter(function (l) { return !l.done; })[0] || list[0];
      if (next) open(next.id, 1);
    });
  }

  function start() {
    if (opener) {
      opener.textContent = UI.lessons[window.convplay.getState().lang === 'zh' ? 'zh' : 'en'];
      opener.hidden = !!shell.embed;
    }
    refresh(true);
    // The step or language may change from elsewhere (the address bar, the language switch,
    // setState): a cheap check twice a second keeps the panel in step.
    window.setInterval(function () { refresh(false); }, 500);
  }
  window.addEventListener('convplay-lang', function () {
    if (opener && window.convplay) {
      opener.textContent = UI.lessons[window.convplay.getState().lang === 'zh' ? 'zh' : 'en'];
    }
    refresh(true);
  });
  if (window.convplay && window.convplay.ready) start();
  else window.addEventListener('convplay-ready', start);
})();
