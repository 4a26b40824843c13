"""A tiny local web server that behaves like GitHub Pages for measuring: gzip for text, cache headers.

GitHub Pages compresses text responses and sends `Cache-Control: max-age=600`, `ETag` and
`Last-Modified`; page-weight and Lighthouse numbers measured against a plain `http.server` would
count uncompressed bytes and warn about missing caching that the real host provides.

    with serving(Path("site")) as base:   # base = "http://127.0.0.1:PORT/"
        ...
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import hashlib
import http.server
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

# What GitHub Pages compresses: text, scripts, JSON, XML, SVG. Images and woff2 are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gz": "application/gzip",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
CACHE_CONTROL = "max-age=600"


@functools.lru_cache(maxsize=4096)
def _body(path: Path, mtime_ns: int, compress: bool) -> bytes:
    """The file's bytes, gzipped when asked (cached by path and modification time)."""
    raw = path.read_bytes()
    return gzip.compress(raw, compresslevel=6, mtime=0) if compress else raw


class Handler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD for files under `root`, with gzip, ETag/Last-Modified/304 and a cache lifetime."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    root: ClassVar[Path]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _file(self) -> Path | None:
        rel = posixpath.normpath(unquote(urlsplit(self.path).path)).lstrip("/")
        if rel.startswith(".."):
            return None
        path = (self.root / rel) if rel not in ("", ".") else self.root
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _send(self, head_only: bool) -> None:
        path = self._file()
        if path is None:
            body = b"<!doctype html><title>404</title><p>Not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)
            return
        ctype = TYPES.get(path.suffix.lower(), "application/octet-stream")
        stat = path.stat()
        compress = ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        etag = '"' + hashlib.sha1(f"{path}:{stat.st_mtime_ns}:{stat.st_size}:{compress}".encode()).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        body = _body(path, stat.st_mtime_ns, compress)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(head_only=False)

    def do_HEAD(self) -> None:
        self._send(head_only=True)


@contextmanager
def serving(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (a free port unless given) in a thread; yields the base URL."""
    handler = type("SiteHandler", (Handler,), {"root": root.resolve()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="gzserver", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
