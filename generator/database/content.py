"""The hand-written background pages in content/<lang>/: each exists in both languages, at the same path, and
holds nothing that could run in a reader's browser.

They arrive by pull request like entries. MkDocs passes their raw HTML through, so `check` refuses the tags and
attributes that run code or send readers elsewhere, and any file there but pages and pictures (a .js or .svg file
would be published on the site's own origin, where the Content-Security-Policy trusts it).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Problem
from .messages import make_problem

CONTENT_DIR = "content"
# The menu's two sections of background pages, each with its pages in menu order (any others follow, A–Z).
SECTIONS = {"about": ("technology-clinic", "st-villages", "sti-coupon"), "help": ("get-help", "contribute")}
LANGS = {"th": ("Thai", "ภาษาไทย"), "en": ("English", "ภาษาอังกฤษ")}
PAGE_SUFFIX = ".md"
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
_UNSAFE = re.compile(
    r"<\s*/?\s*(?:script|iframe|frame|object|embed|applet|meta|base|form|link|style)\b"  # tags
    r"|<[^>]*\son[a-z]+\s*="  # an event handler attribute
    r"""|(?:\]\(|<|=\s*["']?)\s*(?:(?:javascript|vbscript)\s*:|data\s*:\s*text/html)""",  # script as a link target
    re.IGNORECASE,
)
# Code is shown, not run: fenced blocks and `code spans` are blanked (same length) before the search.
_CODE = re.compile(r"(?ms)^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`")


def content_problems(root: Path) -> list[Problem]:
    """Pages without their twin in the other language, unsafe HTML in pages, and files that are not pages."""
    folders = {lang: root / CONTENT_DIR / lang for lang in LANGS}
    problems: list[Problem] = []
    pages: dict[str, set[str]] = {}
    for lang, folder in folders.items():
        pages[lang] = set()
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            display = f"{CONTENT_DIR}/{lang}/{rel}"
            if path.is_symlink():  # MkDocs publishes what a link points to, wherever that is
                problems.append(make_problem("file-symlink", display, 1, 1))
                continue
            if not path.is_file():
                continue
            if path.suffix.lower() == PAGE_SUFFIX:
                pages[lang].add(rel)
                problems += _unsafe_html(path, display)
                section, _, name = rel.partition("/")
                if section not in SECTIONS or "/" in name:  # elsewhere no menu leads to it, or it hides a built page
                    allowed = [f"{CONTENT_DIR}/{lang}/{s}/" for s in SECTIONS]
                    where = {"sections": " or ".join(allowed), "sections_th": " หรือ ".join(allowed)}
                    problems.append(make_problem("content-outside-sections", display, 1, 1, **where))
            elif path.suffix.lower() not in PICTURE_SUFFIXES:
                problems.append(make_problem("content-file-type", display, 1, 1, name=path.name))
    for lang, other in (("th", "en"), ("en", "th")):
        for rel in sorted(pages[lang] - pages[other]):
            twin = f"{CONTENT_DIR}/{other}/{rel}"
            en, th = LANGS[other]
            problems.append(
                make_problem("content-unpaired", f"{CONTENT_DIR}/{lang}/{rel}", 1, 1, twin=twin, lang_en=en, lang_th=th)
            )
    return problems


def _unsafe_html(path: Path, display: str) -> list[Problem]:
    """Every place the page's Markdown holds HTML that runs code, loads a frame or redirects (code excepted)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [make_problem("file-unreadable", display, 1, 1, reason=str(exc))]
    shown = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    problems = []
    for match in _UNSAFE.finditer(shown):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(make_problem("content-unsafe-html", display, line, column, found=match.group().strip()))
    return problems
