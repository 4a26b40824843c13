"""`python -m generator serve`: build both languages, serve them, and rebuild when a source file changes.

When only existing entry files changed, their own pages are updated at once from the last build's shells
(generator/site/quick.py), then the full rebuild follows for listings, search and exports.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

from .build import build, output_problem
from .quick import SHELL_CACHE_ENV, QuickUpdater, entry_files_changed

WATCHED = ("technologies", "site_config", "content", "generator/site/templates", "generator/theme", "mkdocs.yml")


class LocalServer(http.server.ThreadingHTTPServer):
    """The preview server: a browser that drops a request half-way (a page left while it loads) is not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing of a closed connection; anything else is reported as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError …
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


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
    out = out.resolve()
    refused = output_problem(out)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    # The build swaps a new folder in at the same path, so a handler bound to the path serves each rebuild.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    try:  # the port first: a busy one is said at once, not after a full build
        server = LocalServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(
            f"cannot serve on port {port} ({exc.strerror or exc}): choose another with --port\n"
            f"    ใช้พอร์ต {port} ไม่ได้ ({exc.strerror or exc}) กรุณาเลือกพอร์ตอื่นด้วย --port",
            file=sys.stderr,
        )
        return 2
    quick = QuickUpdater(root.resolve(), out, out.with_name(out.name + ".shells"))
    os.environ[SHELL_CACHE_ENV] = str(quick.cache)  # the MkDocs processes of each build keep their shells there

    def full_build() -> None:
        code, catalog = build(root, out)
        if code == 0:
            quick.catalog = catalog

    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        seen = _snapshot(root)  # before the first build: a file saved while it runs is rebuilt next
        full_build()
        print(f"serving http://127.0.0.1:{port}/th/index.html (Ctrl+C to stop)", flush=True)
        while True:
            time.sleep(0.5)
            now = _snapshot(root)
            if now != seen:
                changed = entry_files_changed(seen, now, root.resolve())
                seen = now
                start = time.perf_counter()
                entries = quick.changed_entries(changed) if changed else None
                if entries:
                    quick.apply(entries)
                    names = ", ".join(e.id for e in entries)
                    print(f"updated {names} in {time.perf_counter() - start:.1f} s; rebuilding the rest…", flush=True)
                else:
                    print("change detected, rebuilding…", flush=True)
                full_build()
    finally:
        server.shutdown()
        server.server_close()
