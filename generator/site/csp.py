"""A Content-Security-Policy for every page: only the site's own scripts, inline ones by hash.

It is set with a <meta> tag so it also protects copies opened from file:// (USB drives).
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)
_EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")


def _is_inline_executable(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
        return False
    found = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.IGNORECASE)
    return (found.group(1).lower() if found else "") in _EXECUTABLE_TYPES


_CONTENT_START = '<article class="md-content__inner md-typeset">'
_CONTENT_END = "</article>"


def _content_span(html: str) -> tuple[int, int]:
    """Where the page's own content lies: from the theme's <article> to the last </article> (text inside cannot
    close it early), or nowhere on pages without one."""
    start = html.find(_CONTENT_START)
    return (start, html.rfind(_CONTENT_END)) if start >= 0 else (0, 0)


def script_hashes(html: str) -> list[str]:
    """CSP hash sources of the theme's inline scripts that a browser would run, in page order.

    A script inside the page's content is never trusted, even though nothing there should hold one: background
    pages pass raw HTML through MkDocs, and a hash would turn an injected script into an allowed one.
    """
    hashes = []
    start, end = _content_span(html)
    for match in _INLINE_SCRIPT.finditer(html):
        if start <= match.start() < end:
            continue
        if _is_inline_executable(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
            if source not in hashes:
                hashes.append(source)
    return hashes


def policy(html: str) -> str:
    """The policy for one page: nothing from other hosts, no plug-ins, scripts only our own."""
    scripts = " ".join(["'self'", *script_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


def add_policy(html: str) -> str:
    """Insert the policy as the first thing after <meta charset>, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    updated, count = _CHARSET.subn(lambda m: m.group(0) + "\n  " + meta, html, count=1)
    if count != 1:
        raise ValueError("page has no <meta charset>; cannot place the Content-Security-Policy")
    return updated
