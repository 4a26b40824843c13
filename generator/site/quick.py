"""The quick update `serve` makes when entry files change: their own pages first, in about a second.

A full build of 10,000 entries takes minutes. When only existing entry files changed, and each still checks
clean and keeps its id and folder, their entry pages and fact sheets (both languages) are rendered from the
previous build's shells and written in place at once. The full rebuild runs right after, for listings, search,
related entries and exports. Anything else (new, removed or renamed files, images, reference data, templates,
a file with a problem) skips this and goes straight to the full build, which reports problems as `check` does.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..atomic import replace_text
from ..database import freshness
from ..database.catalog import Catalog
from ..database.load import ENTRIES_DIR, EntryFile, load_entry
from ..database.model import Entry
from .csp import add_policy
from .pages import PageRenderer, page_url
from .shell import Shell

SHELL_CACHE_ENV = "TC_SHELL_CACHE"  # where the MkDocs processes leave their shells for quick updates
LANGS = ("th", "en")


def save_shell(cache: Path, lang: str, folder: str, html: str) -> None:
    """Keep a language's rendered prototype of a folder (called by the MkDocs hooks)."""
    target = cache / lang / f"{folder}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


@dataclasses.dataclass
class QuickUpdater:
    """Holds what the last full build used: its catalog, its shells and its output folder."""

    root: Path
    out: Path
    cache: Path
    catalog: Catalog | None = None
    site_url: str = ""

    def changed_entries(self, changed: list[Path]) -> list[Entry] | None:
        """The changed entries, checked; None when a quick update cannot stand in for the full build."""
        catalog = self.catalog
        if catalog is None or not changed:
            return None
        by_source = {e.source: e for e in catalog.entries.values()}
        fresh: list[Entry] = []
        for path in changed:
            display = path.relative_to(self.root).as_posix()
            old = by_source.get(display)
            if old is None or path.suffix != ".yaml":
                return None  # a new file, an image or something else: the full build handles it
            loaded, problems = load_entry(
                EntryFile(path, display, path.parent.name), catalog.reference.choices(), freshness.today()
            )
            entry = loaded.entry
            if entry is None or any(p.is_error for p in problems) or entry.id != old.id:
                return None
            for use in loaded.entry_refs:
                target = catalog.entries.get(use.value)
                if target is None or use.value == entry.id or (use.kinds and target.kind not in use.kinds):
                    return None
            if entry.images != old.images:
                return None  # images are copied by the full build
            fresh.append(entry)
        return fresh

    def apply(self, entries: list[Entry]) -> list[Path]:
        """Write the entries' pages and sheets in both languages; returns the files written."""
        assert self.catalog is not None
        replaced = {e.id: e for e in entries}
        catalog = Catalog(self.catalog.reference, [replaced.get(e.id, e) for e in self.catalog.entries.values()])
        written: list[Path] = []
        for lang in LANGS:
            default_description = catalog.reference.ui["site_description"].get(lang)
            shells = {
                folder: Shell.of((self.cache / lang / f"{folder}.html").read_text("utf-8"), default_description)
                for folder in ("entries", "sheets")
            }
            site_url = f"{self.site_url.rstrip('/')}/{lang}/" if self.site_url else ""
            renderer = PageRenderer(catalog, lang, site_url)
            for entry in entries:
                for page, folder in ((renderer.entry_page(entry), "entries"), (renderer.sheet_page(entry), "sheets")):
                    target = self.out / lang / page_url(page.path)
                    replace_text(target, add_policy(shells[folder].fill(page, entry.id)))
                    written.append(target)
        return written


def entry_files_changed(before: dict[str, float], after: dict[str, float], root: Path) -> list[Path] | None:
    """The entry files whose time changed, or None when anything else changed (added, removed, other files)."""
    if before.keys() != after.keys():
        return None
    changed = [Path(p) for p in after if after[p] != before[p]]
    base = root / ENTRIES_DIR
    if not all(p.is_relative_to(base) and p.suffix == ".yaml" for p in changed):
        return None
    return changed
