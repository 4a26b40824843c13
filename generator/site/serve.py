"""`python -m generator serve`: build both languages, serve them, and rebuild when a source file changes."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import build_site

WATCHED = ("technologies", "site_config", "content", "generator/site/templates", "generator/theme", "mkdocs.yml")


def _snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched file."""
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            stamps[str(file)] = file.stat().st_mtime
    return stamps


def serve(root: Path, out: Path, port: int) -> int:
    """Serve `out` on localhost and rebuild it (atomically) whenever a watched file changes."""
    build_site(root, out)
    # The build swaps a new folder in at the same path, so a handler bound to the path serves each rebuild.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://127.0.0.1:{port}/th/index.html (Ctrl+C to stop)")
    seen = _snapshot(root)
    try:
        while True:
            time.sleep(0.5)
            now = _snapshot(root)
            if now != seen:
                seen = now
                print("change detected, rebuilding…")
                build_site(root, out)
    finally:
        server.shutdown()
