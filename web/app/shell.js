// The page shell of the playground: checks for WebGL2, shows the loading state, loads
// playground.js, and exposes window.convplay (CONTRACT.md §4) once the first frame is
// drawn. The app itself is C++ (src/app); this file only connects it to the page.
(function () {
  'use strict';
  var shell = window.convplayShell = window.convplayShell || {};
  var loading = document.getElementById('loading');
  var status = document.getElementById('loading-status');
  var canvas = document.getElementById('canvas');
  // embed.html says so by an attribute: the pages' CSP allows no inline script.
  shell.embed = document.body.hasAttribute('data-embed');

  // --- Theme, visibility and the host page (a blog post around an embed) ---
  // Theme: the page around the canvas (background, loading overlay) follows the app's,
  // from the first paint on; theme=auto follows the reader's prefers-color-scheme, also
  // when it changes while the page is open.
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  shell.prefersDark = function () { return darkQuery ? darkQuery.matches : true; };
  shell.onTheme = function (light) {
    document.documentElement.setAttribute('data-theme', light ? 'light' : 'dark');
  };
  var hashTheme = /(?:^#|&)theme=(light|dark|auto)(?=&|#|$)/.exec(window.location.hash);
  var theme = hashTheme ? hashTheme[1] : 'dark';
  shell.onTheme(theme === 'light' || (theme === 'auto' && !shell.prefersDark()));
  function schemeChanged() {
    if (window.convplay) Module._convplay_set_prefers_dark(shell.prefersDark() ? 1 : 0);
  }
  if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener('change', schemeChanged);
  else if (darkQuery && darkQuery.addListener) darkQuery.addListener(schemeChanged);

  // Off screen (a frame scrolled away in a long post) or in a hidden tab, the app draws
  // nothing and its animation waits.
  var onScreen = true;
  function visibilityChanged() {
    if (!window.convplay) return;
    Module._convplay_set_visible(onScreen && document.visibilityState !== 'hidden' ? 1 : 0);
  }
  if (window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      onScreen = entries[entries.length - 1].isIntersecting;
      visibilityChanged();
    }).observe(canvas);
  }
  document.addEventListener('visibilitychange', visibilityChanged);
  window.addEventListener('convplay-ready', visibilityChanged);

  // Auto-height: in a frame, the app tells the host page the height it needs, as
  // {type: 'convplay:height', height} (web/convplay-embed.js listens) and in WordPress's
  // embed protocol, with the secret WordPress appends to the address (#?secret=...),
  // read now: the app rewrites the hash. Nothing is read from the host's messages.
  var secret = (/[#?&]secret=([A-Za-z0-9]+)/.exec(window.location.hash) || [])[1];
  shell.onHeight = function (height) {
    if (window.parent === window) return;
    window.parent.postMessage({ type: 'convplay:height', height: height }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret: secret }, '*');
  };

  // ---- Language (CONTRACT.md §4 `lang`): known before the wasm loads, so that the page's
  // title and its loading and no-WebGL2 messages are in it, and the Chinese font is fetched
  // early. The hash's lang= first, then the choice this browser made before (localStorage,
  // which throws in a sandboxed iframe), then its languages: any zh* is Chinese (zh-TW,
  // zh-HK and zh-Hant too, until there is a Traditional table). The app (C++) reads the
  // hash itself and asks for defaultLang when the hash names no language.
  var LANG_STORAGE_KEY = 'convplay.lang';
  function storedLang() {
    try {
      var value = window.localStorage.getItem(LANG_STORAGE_KEY);
      return value === 'en' || value === 'zh' ? value : null;
    } catch (e) {
      return null;
    }
  }
  function browserLang() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages
                                                                   : [navigator.language || ''];
    for (var i = 0; i < langs.length; ++i) {
      if (/^zh\b/i.test(String(langs[i]))) return 'zh';
    }
    return 'en';
  }
  function hashLang() {
    var match = /(?:^#\??|&)lang=(en|zh)(?:&|$)/.exec(window.location.hash);
    return match ? match[1] : null;
  }
  shell.defaultLang = storedLang() || browserLang();
  shell.lang = hashLang() || shell.defaultLang;

  // The page's own words: English is what the HTML says (data-text elements) and this
  // table; Chinese is app/shell-zh.js, loaded only when Chinese is shown.
  var PAGE_TEXT_EN = {
    scriptFailed: 'Could not load playground.js.',
    wasmFailed: 'Could not load playground.wasm: ',
    contextLost: 'The graphics context was lost. Reload the page to continue.',
    stopped: 'The playground stopped: ',
    cellValue: 'Cell value',
  };
  var englishTitle = document.title;
  var englishText = {};
  var PAGE_TEXT_ZH = null;
  function pageText(key) {
    var zh = (shell.shownLang || shell.lang) === 'zh' && PAGE_TEXT_ZH;
    return zh ? PAGE_TEXT_ZH[key] : PAGE_TEXT_EN[key];
  }
  var zhTextRequested = false;
  function applyPageLanguage(lang) {
    var zh = lang === 'zh';
    document.documentElement.lang = zh ? 'zh-Hans' : 'en';
    PAGE_TEXT_ZH = window.convplayPageTextZh || null;
    if (zh && !PAGE_TEXT_ZH) {
      if (!zhTextRequested) {
        zhTextRequested = true;
        var script = document.createElement('script');
        script.src = 'app/shell-zh.js';
        script.onload = function () { applyPageLanguage(shell.shownLang || shell.lang); };
        document.head.appendChild(script);
      }
      return;
    }
    document.title = zh ? PAGE_TEXT_ZH[shell.embed ? 'titleEmbed' : 'title'] : englishTitle;
    var elements = document.querySelectorAll('[data-text]');
    for (var i = 0; i < elements.length; ++i) {
      var el = elements[i];
      var key = el.getAttribute('data-text');
      var attribute = el.tagName === 'CANVAS' ? 'aria-label' : null;
      if (!(key in englishText)) englishText[key] = attribute ? el.getAttribute(attribute) : el.innerHTML;
      var value = zh ? PAGE_TEXT_ZH[key] : englishText[key];
      if (attribute) el.setAttribute(attribute, value);
      else el.innerHTML = value;  // our own constant strings
    }
  }
  applyPageLanguage(shell.lang);

  // The Chinese glyphs for ImGui (fonts/ui-zh.ttf), fetched once, when Chinese is wanted:
  // at once when the page starts in Chinese, else when the app asks (platform/language.cpp).
  var cjkFontBytes = null;
  shell.cjkFont = function () {
    if (!cjkFontBytes) {
      cjkFontBytes = fetch('fonts/ui-zh.ttf', { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.arrayBuffer();
        })
        .then(function (buffer) { return new Uint8Array(buffer); });
      cjkFontBytes.catch(function () { shell.cjkFontFailed = true; });
    }
    return cjkFontBytes;
  };
  if (shell.lang === 'zh') shell.cjkFont();
  // The language the app shows changed: the page follows, and a chosen one is remembered.
  shell.onLanguage = function (lang, chosen) {
    shell.shownLang = lang;
    applyPageLanguage(lang);
    if (chosen) {
      try {
        window.localStorage.setItem(LANG_STORAGE_KEY, lang);
      } catch (e) { /* sandboxed: the choice lasts as long as the page */ }
    }
    if (shell.firstFrameMs && loading.hidden === false && !waitingForLanguage()) loading.hidden = true;
    // The page's own text that follows the language (the lesson panel) redraws at once.
    window.dispatchEvent(new Event('convplay-lang'));
  };
  // A page that starts in Chinese keeps its loading state until the Chinese font is drawn
  // (the app shows English meanwhile), or has failed to load.
  function waitingForLanguage() {
    return shell.lang === 'zh' && shell.shownLang !== 'zh' && !shell.cjkFontFailed;
  }
  // ---- end of language

  function show(id) {
    var el = document.getElementById(id);
    if (el) el.hidden = false;
  }

  // The WebGL2 context, created when the app asks for it (platform_web.cpp, just before
  // glfwCreateWindow), with attributes Emscripten's GLFW cannot express; GLFW then asks
  // the canvas for a "webgl2" context and gets this one. Opaque, no depth/stencil/MSAA:
  // ImGui needs none.
  shell.createWebGL2 = function () {
    try {
      // Born at the size the app will ask for (CSS size × devicePixelRatio, as app.cpp
      // computes it): resizing a WebGL canvas reallocates its drawing buffer, a synchronous
      // wait on the GPU process that cost ~350 ms of the first frame with SwiftShader.
      var rect = canvas.getBoundingClientRect();
      var ratio = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(rect.width * ratio));
      canvas.height = Math.max(1, Math.round(rect.height * ratio));
      // preserveDrawingBuffer: the app redraws only the pixels that change (gl_renderer.cpp);
      // with SwiftShader the copy this costs per frame (~1 ms) is far less than a redraw.
      return canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false,
                                           antialias: false, preserveDrawingBuffer: true,
                                           powerPreference: 'high-performance' }) !== null;
    } catch (e) {
      return false;
    }
  };

  function noWebGL2() {
    loading.hidden = true;
    show('no-webgl2');
  }
  // The app creates its WebGL2 context itself, after building its fonts and first result:
  // on a browser's first page the GPU process is still starting, and creating a context
  // waits for it (most of a second with software GL). A browser without WebGL2 at all is
  // told at once; one whose context creation fails is told by the app (onNoWebGL2).
  shell.onNoWebGL2 = noWebGL2;
  if (!window.WebGL2RenderingContext) {
    noWebGL2();
    return;
  }

  // playground.wasm compiles as it downloads, while playground.js downloads and runs
  // (the page's preload links requested both), instead of after it.
  function compileWasm() {
    function fromBytes() {  // e.g. a server that does not send application/wasm
      return fetch('playground.wasm', { credentials: 'same-origin' })
        .then(function (response) { return response.arrayBuffer(); })
        .then(function (bytes) { return WebAssembly.compile(bytes); });
    }
    var compiled = WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch('playground.wasm', { credentials: 'same-origin' }))
          .catch(fromBytes)
      : fromBytes();
    return compiled.then(function (module) {
      performance.mark('wasm-compiled');
      return module;
    });
  }
  var wasmModule = compileWasm();

  var script = document.createElement('script');
  script.src = 'playground.js';
  script.async = true;
  script.onerror = function () { status.textContent = pageText('scriptFailed'); };
  document.body.appendChild(script);

  // setState({s: 2, in: [5, 6], input: [...]}) -> "s=2&in=5,6&input=..." (the hash's
  // syntax). The keys are C++'s (src/app/model/state_keys.cpp), which also knows getState's
  // names (input, weight, biasValues) and ignores what it does not know.
  function toQuery(partial) {
    var parts = [];
    Object.keys(partial || {}).forEach(function (key) {
      var value = partial[key];
      if (value === undefined || value === null) return;
      if (Array.isArray(value) || ArrayBuffer.isView(value)) value = Array.prototype.join.call(value, ',');
      if (value === true) value = 1;
      if (value === false) value = 0;
      // Commas stay as they are: tensor values are long lists of them.
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value)).replace(/%2C/g, ','));
    });
    return parts.join('&');
  }

  function getState() {
    return JSON.parse(Module.UTF8ToString(Module._convplay_get_state()));
  }

  // Lessons (CONTRACT.md §5). Progress lives in the page (lesson_panel.js, localStorage):
  // shell.lessonDone and shell.onLessonAnswer are its hooks, absent when it is not loaded.
  function addLessonHooks(api) {
    function call(name, arg) {
      var pointer = arg === undefined ? Module['_' + name]()
                                      : Module.ccall(name, 'number', ['string'], [arg]);
      return JSON.parse(Module.UTF8ToString(pointer));
    }
    api.lessons = function () {
      return call('convplay_lessons').map(function (lesson) {
        return { id: lesson.id, title: lesson.title, steps: lesson.steps,
                 done: shell.lessonDone ? shell.lessonDone(lesson.id, lesson.steps) : false };
      });
    };
    api.lesson = function () { return call('convplay_lesson'); };
    // A number, an [h, w] or [c, y, x] array, a choice index, or text as a learner types it.
    api.answer = function (value) {
      var text = value === undefined || value === null ? ''
               : Array.isArray(value) ? value.join(',') : String(value);
      var result = call('convplay_lesson_answer', text);
      if (shell.onLessonAnswer) shell.onLessonAnswer(result);
      return { status: result.status, feedback: result.feedback, explanation: result.explanation };
    };
    // "Show me": the right answer as text and its explanation (not in the contract).
    api.lessonSolution = function () { return call('convplay_lesson_solution'); };
  }

  shell.onFirstFrame = function () {
    shell.firstFrameMs = performance.now();
    if (!waitingForLanguage()) loading.hidden = true;
    setTimeout(function () { loading.hidden = true; }, 5000);  // a font that never comes
    window.convplay = {
      ready: true,
      getState: getState,
      setState: function (partial) {
        var query = typeof partial === 'string' ? partial : toQuery(partial);
        Module.ccall('convplay_set_state', 'number', ['string'], [query]);
        return getState();
      },
      // Where each tensor grid is on screen, in CSS pixels (for tests that drag on cells).
      regions: function () {
        return JSON.parse(Module.UTF8ToString(Module._convplay_regions()));
      },
      // The scrollable view at (x, y) in CSS pixels (what the wheel there scrolls), or with
      // no arguments every scrollable view: { name, x, y, maxX, maxY } (scroll offsets).
      scroll: function (x, y) {
        var at = typeof x === 'number' && typeof y === 'number';
        return JSON.parse(Module.UTF8ToString(Module._convplay_scroll(at ? 1 : 0, at ? x : 0,
                                                                      at ? y : 0)));
      },
      // What hovering output cell (channel, y, x) explains: its terms, bias and sum.
      explain: function (channel, y, x) {
        return JSON.parse(Module.UTF8ToString(Module._convplay_explain(channel, y, x)));
      },
      // Frame timing of the app (for bench/frame_time.*).
      frameStats: function () {
        return JSON.parse(Module.UTF8ToString(Module._convplay_frame_stats()));
      },
      // The "Copy PyTorch code" script of what is on screen (CONTRACT.md §6).
      exportPyTorch: function () {
        return Module.UTF8ToString(Module._convplay_export_pytorch());
      },
    };
    addLessonHooks(window.convplay);
    window.dispatchEvent(new Event('convplay-ready'));
  };

  window.addEventListener('hashchange', function () {
    if (!window.convplay) return;
    Module.ccall('convplay_set_hash', null, ['string'], [window.location.hash]);
  });

  // Input. Emscripten 3.1.6's GLFW gets the wheel wrong (it passes the browser's pixels
  // as wheel steps, upside down, and always keeps the page from scrolling) and reads a
  // touch as a mouse press without a move first. The listeners below run before GLFW's
  // (same element and phase, registered earlier) and keep these events from it.

  // The wheel scrolls what is under the pointer by the event's pixels (App::wheel); when
  // nothing there can scroll further that way, the page around (a blog post holding an
  // embed) scrolls instead.
  var LINE_PIXELS = 20;
  canvas.addEventListener('wheel', function (event) {
    event.stopImmediatePropagation();
    if (!window.convplay || event.ctrlKey) return;  // ctrl+wheel and pinch: the browser zooms
    var unit = event.deltaMode === 1 ? LINE_PIXELS
             : event.deltaMode === 2 ? canvas.clientHeight : 1;
    var dx = event.deltaX * unit;
    var dy = event.deltaY * unit;
    if (event.shiftKey && dx === 0) { dx = dy; dy = 0; }  // shift+wheel scrolls sideways
    var rect = canvas.getBoundingClientRect();
    if (Module._convplay_wheel(event.clientX - rect.left, event.clientY - rect.top, dx, dy)) {
      event.preventDefault();
    }
  }, { capture: true, passive: false });

  // One finger is forwarded as the mouse: a tap clicks, a drag paints or scrolls (with
  // momentum: the app is told the presses come from a touch screen). The move is sent
  // before the press, and the app's input queue gives them separate frames, so the
  // widget under the finger is hovered when it is pressed (a tab's first tap).
  // An embed in which nothing scrolls leaves swipes to the page around it, as it leaves
  // the wheel (onScrollable): the browser may then pan, and the finger lets go.
  var finger = null;
  var swipesScrollPage = false;
  shell.onScrollable = function (scrollable) {
    swipesScrollPage = !!shell.embed && !scrollable;
    canvas.style.touchAction = swipesScrollPage ? 'manipulation' : 'none';
  };
  function sendMouse(type, touch) {
    canvas.dispatchEvent(new MouseEvent(type, {
      clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX,
      screenY: touch.screenY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true,
    }));
  }
  function fingerTouch(event) {
    for (var i = 0; i < event.changedTouches.length; ++i) {
      if (event.changedTouches[i].identifier === finger) return event.changedTouches[i];
    }
    return null;
  }
  canvas.addEventListener('touchstart', function (event) {
    event.stopImmediatePropagation();
    if (!swipesScrollPage) event.preventDefault();
    if (finger !== null || !window.convplay) return;
    var touch = event.changedTouches[0];
    finger = touch.identifier;
    Module._convplay_pointer_touch(1);
    sendMouse('mousemove', touch);
    sendMouse('mousedown', touch);
  }, { capture: true, passive: false });
  function fingerUp(event) {
    event.stopImmediatePropagation();
    // Also keeps the browser from sending its own mouse events and click after a tap.
    if (event.cancelable) event.preventDefault();
    var touch = fingerTouch(event);
    if (!touch) return;
    finger = null;
    sendMouse('mouseup', touch);
  }
  canvas.addEventListener('touchmove', function (event) {
    if (!event.cancelable) {  // the browser is panning the page: the finger is its now
      fingerUp(event);
      return;
    }
    event.stopImmediatePropagation();
    if (!swipesScrollPage) event.preventDefault();
    var touch = fingerTouch(event);
    if (touch) sendMouse('mousemove', touch);
  }, { capture: true, passive: false });
  canvas.addEventListener('touchend', fingerUp, { capture: true, passive: false });
  canvas.addEventListener('touchcancel', fingerUp, { capture: true, passive: false });
  canvas.addEventListener('mousedown', function (event) {
    if (event.isTrusted && window.convplay) Module._convplay_pointer_touch(0);
  }, true);

  // Typing a cell value: the app's editor (double-click, right-click or double-tap on a
  // cell) has its text field here, a page input laid over the editor, so that phones
  // open their keyboard and typing never depends on the frame rate. Enter or leaving the
  // field applies the value, Escape cancels; a text that is not a value stays, with why.
  var valueField = null;
  var valueFieldClosing = false;
  function submitValue() {
    var message = Module.ccall('convplay_value_submit', 'string', ['string'], [valueField.value]);
    valueField.setCustomValidity(message);
    valueField.setAttribute('aria-invalid', message ? 'true' : 'false');
    valueField.title = message;
  }
  function createValueField() {
    valueField = document.createElement('input');
    valueField.id = 'value-field';
    valueField.type = 'text';
    valueField.setAttribute('inputmode', 'decimal');
    valueField.setAttribute('enterkeyhint', 'done');
    valueField.setAttribute('autocomplete', 'off');
    valueField.setAttribute('aria-label', pageText('cellValue'));
    valueField.hidden = true;
    valueField.addEventListener('blur', function () {
      if (!valueFieldClosing && !valueField.hidden) submitValue();
    });
    document.body.appendChild(valueField);
  }
  shell.valueField = function (x, y, width, height, text) {
    if (!valueField) createValueField();
    if (width <= 0) {
      if (valueField.hidden) return;
      valueFieldClosing = true;
      valueField.hidden = true;
      valueField.blur();
      valueFieldClosing = false;
      canvas.focus({ preventScroll: true });
      return;
    }
    var rect = canvas.getBoundingClientRect();
    valueField.style.left = (rect.left + x) + 'px';
    valueField.style.top = (rect.top + y) + 'px';
    valueField.style.width = width + 'px';
    valueField.style.height = height + 'px';
    valueField.style.fontSize = Math.round(height * 0.6) + 'px';
    if (text !== null) {
      valueField.value = text;
      valueField.setCustomValidity('');
      valueField.setAttribute('aria-invalid', 'false');
      valueField.title = '';
    }
    var opening = valueField.hidden;
    valueField.hidden = false;
    if (opening) {
      valueField.focus({ preventScroll: true });
      valueField.select();
    }
  };
  // Keys typed into the field are the field's: GLFW (listening on the window) must not
  // also hand them to the app. Stopping the event here keeps its default (the typing).
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (!valueField || event.target !== valueField) return;
      event.stopImmediatePropagation();
      if (type !== 'keydown') return;
      if (event.key === 'Enter') {
        event.preventDefault();
        submitValue();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        Module._convplay_value_cancel();
      }
    }, true);
  });

  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  canvas.addEventListener('webglcontextlost', function (event) {
    event.preventDefault();
    status.textContent = pageText('contextLost');
    loading.hidden = false;
  });

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    // Emscripten's own progress words are English: a Chinese page keeps its own.
    setStatus: function (text) { if (text && shell.lang !== 'zh') status.textContent = text; },
    onRuntimeInitialized: function () { performance.mark('runtime-ready'); },
    // Emscripten's hook for providing the instance: the module compiled above.
    instantiateWasm: function (imports, receiveInstance) {
      wasmModule
        .then(function (module) {
          return WebAssembly.instantiate(module, imports).then(function (instance) {
            receiveInstance(instance, module);
          });
        })
        .catch(function (error) {
          status.textContent = pageText('wasmFailed') + error;
        });
      return {};  // asynchronous: the exports come through receiveInstance
    },
    onAbort: function (what) {
      status.textContent = pageText('stopped') + what;
      loading.hidden = false;
    },
  };

  // The playground takes the keyboard at once (without scrolling); an embed never takes
  // the focus from the post it is in (a click on it does).
  if (!shell.embed) canvas.focus({ preventScroll: true });
})();
