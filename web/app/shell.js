// The page shell of the playground: checks for WebGL2, shows the loading state, loads
// playground.js, and exposes window.convplay (CONTRACT.md §4) once the first frame is
// drawn. The app itself is C++ (src/app); this file only connects it to the page.
(function () {
  'use strict';
  var shell = window.convplayShell = window.convplayShell || {};
  var loading = document.getElementById('loading');
  var status = document.getElementById('loading-status');
  var canvas = document.getElementById('canvas');

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

  // The page's own words in Chinese; English is what the HTML says (data-text elements).
  var PAGE_TEXT_ZH = {
    title: 'convplay — Conv2d 与 ConvTranspose2d（转置卷积）实时演示',
    titleEmbed: 'convplay（嵌入）',
    canvas: 'convplay：可交互的卷积演示',
    loading: '正在加载……',
    noWebgl2Title: '这个浏览器无法显示 convplay',
    noWebgl2What: 'convplay 用 <strong>WebGL2</strong> 绘图，而这里的 WebGL2 被关闭或不可用。',
    noWebgl2Try: '请试试最新版的 Firefox、Chrome、Edge 或 Safari，并检查浏览器设置中是否开启了硬件加速。',
    scriptFailed: '无法加载 playground.js。',
    wasmFailed: '无法加载 playground.wasm：',
    contextLost: '图形上下文丢失了。请刷新页面继续。',
    stopped: '程序已停止：',
  };
  var PAGE_TEXT_EN = {
    scriptFailed: 'Could not load playground.js.',
    wasmFailed: 'Could not load playground.wasm: ',
    contextLost: 'The graphics context was lost. Reload the page to continue.',
    stopped: 'The playground stopped: ',
  };
  var englishTitle = document.title;
  var englishText = {};
  function pageText(key) {
    return (shell.shownLang || shell.lang) === 'zh' ? PAGE_TEXT_ZH[key] : PAGE_TEXT_EN[key];
  }
  function applyPageLanguage(lang) {
    var zh = lang === 'zh';
    document.documentElement.lang = zh ? 'zh-Hans' : 'en';
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
    window.dispatchEvent(new Event('convplay-ready'));
  };

  window.addEventListener('hashchange', function () {
    if (!window.convplay) return;
    Module.ccall('convplay_set_hash', null, ['string'], [window.location.hash]);
  });

  // Emscripten 3.1.6's GLFW ignores touches: forward them as mouse events, so taps and
  // drags edit cells on phones too.
  function forwardTouch(type) {
    return function (event) {
      var touch = event.changedTouches[0];
      if (!touch) return;
      event.preventDefault();
      canvas.dispatchEvent(new MouseEvent(type, {
        clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX,
        screenY: touch.screenY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true,
      }));
    };
  }
  canvas.addEventListener('touchstart', function (event) {
    // Move first, so ImGui sees the finger over the cell before the press.
    forwardTouch('mousemove')(event);
    forwardTouch('mousedown')(event);
  }, { passive: false });
  canvas.addEventListener('touchmove', forwardTouch('mousemove'), { passive: false });
  canvas.addEventListener('touchend', forwardTouch('mouseup'), { passive: false });
  canvas.addEventListener('touchcancel', forwardTouch('mouseup'), { passive: false });
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

  canvas.focus();
})();
