"""The hand-written background pages in content/<lang>/: each exists in both languages, at the same path."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Problem
from .messages import make_problem

CONTENT_DIR = "content"
LANGS = {"th": ("Thai", "ภาษาไทย"), "en": ("English", "ภาษาอังกฤษ")}


def content_problems(root: Path) -> list[Problem]:
    """A page in one language without its twin in the other (the language switch would lead to a missing page)."""
    pages = {
        lang: {p.relative_to(root / CONTENT_DIR / lang).as_posix() for p in (root / CONTENT_DIR / lang).rglob("*.md")}
        for lang in LANGS
    }
    if not any(pages.values()):
        return []  # a database without background pages
    problems = []
    for lang, other in (("th", "en"), ("en", "th")):
        for rel in sorted(pages[lang] - pages[other]):
            problems.append(
                make_problem(
                    "content-unpaired",
                    f"{CONTENT_DIR}/{lang}/{rel}",
                    1,
                    1,
                    twin=f"{CONTENT_DIR}/{other}/{rel}",
                    lang_en=LANGS[other][0],
                    lang_th=LANGS[other][1],
                )
            )
    return problems
