// The page shell of the playground: checks for WebGL2, shows the loading state, loads
// playground.js, and exposes window.convplay (CONTRACT.md §4) once the first frame is
// drawn. The app itself is C++ (src/app); this file only connects it to the page.
(function () {
  'use strict';
  var shell = window.convplayShell = window.convplayShell || {};
  var loading = document.getElementById('loading');
  var status = document.getElementById('loading-status');
  var canvas = document.getElementById('canvas');

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
  script.onerror = function () { status.textContent = 'Could not load playground.js.'; };
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
    loading.hidden = true;
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
    addLessonHooks(window.convplay);
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
    status.textContent = 'The graphics context was lost. Reload the page to continue.';
    loading.hidden = false;
  });

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    setStatus: function (text) { if (text) status.textContent = text; },
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
          status.textContent = 'Could not load playground.wasm: ' + error;
        });
      return {};  // asynchronous: the exports come through receiveInstance
    },
    onAbort: function (what) {
      status.textContent = 'The playground stopped: ' + what;
      loading.hidden = false;
    },
  };

  canvas.focus();
})();
