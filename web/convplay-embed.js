// <convplay-embed op="conv_transpose2d" in="3x3" s="2">: the playground in that state, in
// an <iframe> of embed.html (next to this script), created when it comes near the viewport.
// Its attributes are the URL hash keys (CONTRACT.md §4), except width, height (of the
// frame; default 100% x 400), title (for screen readers) and src (another embed.html).
// Without JavaScript the element's own content, a link, is what the reader sees; with it
// the content gives way to the frame, and comes back if the frame cannot load.
// Works as a classic script or as type="module".
// Auto-height: embed.html posts {type: 'convplay:height', height} to its parent once it
// draws and whenever the figure needs another height; the element accepts it only from its
// own frame and in that shape, sizes the frame to it (unless the author set a height), and
// takes the first one as the sign that the figure loaded.
(function () {
  'use strict';
  if (!window.customElements || customElements.get('convplay-embed')) return;

  // This script's own address: embed.html and index.html are found next to it, whichever
  // folder the host page is in. (document.currentScript is null in a module.)
  var script = document.currentScript ||
               document.querySelector('script[src*="convplay-embed"]');
  var scriptUrl = script && script.src ? script.src : document.baseURI;

  // Attributes that are the element's, not the playground's.
  var OWN = { width: 1, height: 1, title: 1, src: 1, id: 1, class: 1, style: 1, hidden: 1,
              slot: 1, tabindex: 1 };
  // Time for a frame to draw before the reader also gets the link under it.
  var READY_TIMEOUT_MS = 10000;

  var observer = window.IntersectionObserver
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) entry.target.load();
        });
      }, { rootMargin: '200px' })
    : null;

  // Messages from the frames: matched to their element by the sending window, never
  // evaluated or inserted as markup; only a number within bounds is used.
  var elements = new Set();
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'convplay:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 10000) return;
    elements.forEach(function (element) {
      var frame = element.frame;
      if (!frame || event.source !== frame.contentWindow) return;
      // A sandboxed frame without allow-same-origin has the opaque origin 'null'.
      if (event.origin !== element.frameOrigin && event.origin !== 'null') return;
      element.frameSaidHeight(Math.round(height));
    });
  });

  function cssSize(value) {
    return /^\d+(\.\d+)?$/.test(value) ? value + 'px' : value;
  }

  // The hash of the element's state: every attribute but its own, URL-encoded.
  function stateHash(element) {
    var parts = [];
    Array.prototype.forEach.call(element.attributes, function (attribute) {
      var name = attribute.name;
      if (OWN[name] || name.indexOf('data-') === 0 || name.indexOf('aria-') === 0) return;
      parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(attribute.value));
    });
    return parts.join('&');
  }

  // Whether the page at `url` exists: 'ok', 'missing', or 'unknown' (a cross-origin server
  // that does not allow CORS answers opaquely).
  function probe(url) {
    // file:// (a post previewed from disk) cannot be fetched, though a frame may load it.
    if (!window.fetch || !/^https?:/.test(url)) return Promise.resolve('unknown');
    return fetch(url, { method: 'HEAD', mode: 'cors' }).then(
      function (response) { return response.ok ? 'ok' : 'missing'; },
      function () {
        return fetch(url, { method: 'HEAD', mode: 'no-cors' }).then(
          function () { return 'unknown'; },
          function () { return 'missing'; });
      });
  }

  class ConvplayEmbed extends HTMLElement {
    connectedCallback() {
      // A classic script in <head> meets the element before its content is parsed.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => this.setUp(), { once: true });
      } else {
        this.setUp();
      }
    }

    setUp() {
      if (this.fallback || !this.isConnected) return;  // moved in the page: already set up
      this.style.display = 'block';
      this.style.maxWidth = '100%';
      this.style.width = cssSize(this.getAttribute('width') || '100%');
      this.style.minHeight = cssSize(this.getAttribute('height') || '400');
      // The author's content is the fallback; without a link in it, a link of our own.
      this.fallback = Array.prototype.slice.call(this.childNodes);
      if (!this.querySelector('a')) {
        var link = document.createElement('a');
        link.href = this.pageUrl('index.html');
        link.textContent = 'Open the figure in convplay';
        this.fallback = [link];
        this.replaceChildren(link);
      }
      // A click loads the figure in place; after a failure the link works as a link.
      this.addEventListener('click', (event) => {
        if (this.frame || this.hasAttribute('data-failed')) return;
        event.preventDefault();
        this.load();
      });
      if (observer) observer.observe(this); else this.load();
    }

    disconnectedCallback() {
      if (observer) observer.unobserve(this);
      elements.delete(this);
    }

    // The frame drew and needs `height` CSS pixels.
    frameSaidHeight(height) {
      this.loaded = true;
      this.setAttribute('data-ready', '');
      if (this.getAttribute('height')) return;  // the author's height wins
      this.frame.style.height = height + 'px';
      this.style.minHeight = '';
    }

    // `name` (index.html or embed.html) next to this script, with the state in the hash.
    pageUrl(name) {
      var url = this.getAttribute('src') && name === 'embed.html'
        ? new URL(this.getAttribute('src'), document.baseURI)
        : new URL(name, scriptUrl);
      url.hash = stateHash(this);
      return url.href;
    }

    // Replaces the content by the frame (once).
    load() {
      if (this.frame) return;
      if (observer) observer.unobserve(this);
      var src = this.pageUrl('embed.html');
      var frame = this.frame = document.createElement('iframe');
      frame.title = this.getAttribute('title') || 'convplay: an interactive convolution figure';
      frame.loading = 'lazy';
      frame.width = this.getAttribute('width') || '100%';
      frame.height = this.getAttribute('height') || '400';
      frame.style.cssText = 'border: 0; display: block; max-width: 100%';
      frame.style.width = cssSize(frame.width);
      frame.style.height = cssSize(frame.height);
      frame.addEventListener('error', () => this.fail());
      frame.addEventListener('load', () => this.checkFrame(frame));
      frame.src = src;
      this.frameOrigin = new URL(src).origin;
      elements.add(this);
      this.replaceChildren(frame);
      setTimeout(() => {
        if (this.frame === frame && !this.loaded && !this.sameOriginReady(frame)) this.showLinkBelow();
      }, READY_TIMEOUT_MS);
      probe(src.split('#')[0]).then((found) => {
        if (found === 'missing') this.fail();
      });
    }

    // A same-origin frame can be looked at: a page that is not the playground (a 404 page)
    // fails at once. (One that has not drawn within the timeout gets the link under it.)
    checkFrame(frame) {
      var view = frame.contentWindow;
      try {
        if (!view || view.location.href === 'about:blank') return;
      } catch (e) {
        return;  // cross-origin: its height message says it loaded
      }
      if (!view.convplayShell) this.fail();
    }

    // An embed.html that does not post its height (an older copy, given as src=) still
    // counts as loaded when it can be seen to have drawn.
    sameOriginReady(frame) {
      try {
        var view = frame.contentWindow;
        return !!(view && view.convplay && view.convplay.ready);
      } catch (e) {
        return false;
      }
    }

    fail() {
      if (!this.frame) return;
      this.frame = null;
      elements.delete(this);
      this.setAttribute('data-failed', '');
      this.style.minHeight = '';  // the link alone, not a link in an empty box
      this.replaceChildren.apply(this, this.fallback);
    }

    showLinkBelow() {
      if (this.lastChild !== this.frame) return;
      var below = document.createElement('p');
      below.append.apply(below, this.fallback.map((node) => node.cloneNode(true)));
      this.append(below);
    }
  }

  customElements.define('convplay-embed', ConvplayEmbed);
})();
