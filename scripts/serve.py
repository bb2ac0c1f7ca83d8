#!/usr/bin/env python3
"""Serves build/site on loopback for ./play.

Plain http.server, plus what the playground needs from a server: .wasm as
application/wasm (WebAssembly.instantiateStreaming refuses anything else,
and a minimal Debian has no /etc/mime.types to say so), no caching, so
a reload after a rebuild never runs a stale module, and CORS open to all:
an embed in a frame sandboxed without allow-same-origin (WordPress's) has
the origin 'null', and fetches playground.wasm as a cross-origin request.
"""
import argparse
import functools
import http.server
import sys


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".html": "text/html",
        ".json": "application/json",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()

    handler = functools.partial(SiteHandler, directory=args.directory)
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as error:
        sys.exit(f"[convplay] cannot listen on {args.host}:{args.port}: {error.strerror} "
                 f"(another ./play running? set CONVPLAY_PORT to use another port)")
    print(f"[convplay] serving {args.directory} on http://{args.host}:{args.port}/ (Ctrl+C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
