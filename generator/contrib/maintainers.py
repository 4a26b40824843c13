"""The maintainers' page of the site: review freshness and translation status, in both languages.

Rendered by the site's page renderer (generator/site/pages.py calls `maintainers_page`); its words live here
rather than in site_config/ui.yaml, so the page stays one self-contained piece.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..database import freshness
from ..database.catalog import Catalog
from .translations import UNCOMMITTED, Outdated, translation_status

if TYPE_CHECKING:
    from ..site.pages import PageRenderer, SitePage

PAGE_PATH = "maintainers.md"
FOLDER = "maintainers"  # one page per institution

WORDS: dict[str, tuple[str, str]] = {
    "title": ("สำหรับผู้ดูแลข้อมูล", "For maintainers"),
    "intro": (
        "สถานะของข้อมูล ณ วันที่ {date}: รายการที่ไม่ได้ตรวจทานเกินสองปี และรายการที่ต้องการคำแปลภาษาอังกฤษ",
        "The state of the data as of {date}: entries not reviewed for more than two years, "
        "and entries that need English.",
    ),
    "stale": ("ไม่ได้ตรวจทานเกินสองปี", "Not reviewed for more than two years"),
    "stale_none": ("ทุกรายการได้รับการตรวจทานภายในสองปี", "Every entry was reviewed within two years."),
    "stale_count": (
        "{count} รายการ ตรวจทานครั้งล่าสุดก่อน {date}",
        "{count, plural, one {# entry} other {# entries}} last reviewed before {date}.",
    ),
    "entry": ("รายการ", "Entry"),
    "institution": ("หน่วยงาน", "Institution"),
    "reviewed": ("ตรวจทานล่าสุด", "Last reviewed"),
    "translations": ("สถานะการแปล", "Translation status"),
    "translations_rule": (
        "ภาษาอังกฤษ “เก่ากว่า” เมื่อข้อความภาษาไทยถูกแก้ในการเปลี่ยนแปลง (commit) ที่หลังกว่าการแก้ภาษาอังกฤษครั้งล่าสุด "
        "ตามประวัติ git ของสาขาหลัก",
        "English is “older” when the Thai text changed in a later commit than the English last did, "
        "following the main branch's git history.",
    ),
    "history_unknown": (
        "ไม่ทราบว่าภาษาอังกฤษข้อความใดเก่ากว่าภาษาไทย: {reason}",
        "Whether any English is older than its Thai is unknown: {reason}",
    ),
    "entries": ("รายการทั้งหมด", "Entries"),
    "stale_short": ("ไม่ได้ตรวจทานเกินสองปี", "Not reviewed in two years"),
    "details": (
        "งานของแต่ละหน่วยงาน (ชื่อหน่วยงานเปิดรายการที่ต้องดำเนินการ)",
        "Work per institution (an institution's name opens its list)",
    ),
    "back": ("กลับไปหน้าภาพรวมสำหรับผู้ดูแลข้อมูล", "Back to the maintainers' overview"),
    "no_english": ("ยังไม่มีภาษาอังกฤษ", "Without English"),
    "older": ("ภาษาอังกฤษเก่ากว่าภาษาไทย", "English older than Thai"),
    "missing_fields": ("ยังไม่มีภาษาอังกฤษ: {fields}", "No English for: {fields}"),
    "older_field": (
        "{field}: ภาษาไทยแก้เมื่อ {th}, ภาษาอังกฤษแก้เมื่อ {en}",
        "{field}: Thai changed {th}, English changed {en}",
    ),
    "uncommitted": ("ยังไม่ได้ commit", "not yet committed"),
    "all_translated": ("ทุกรายการมีภาษาอังกฤษที่ทันสมัย", "Every entry has up-to-date English."),
    "commands": (
        "ดูรายงานเดียวกันในเครื่อง: python -m generator translations และ python -m generator check",
        "The same reports on your computer: python -m generator translations and python -m generator check",
    ),
}


def _words(lang: str) -> dict[str, str]:
    index = 0 if lang == "th" else 1
    return {key: pair[index] for key, pair in WORDS.items()}


def repository_root(catalog: Catalog) -> Path | None:
    """The data root, found from any entry: its image folder is <root>/technologies/<institution>/<id>."""
    entry = next(iter(catalog.entries.values()), None)
    return Path(entry.image_folder).parents[2] if entry is not None else None


def _older(words: dict[str, str], o: Outdated, when: Callable[[str], str]) -> str:
    return words["older_field"].format(field=o.path, th=when(o.th_changed), en=when(o.en_changed))


def maintainers_pages(r: PageRenderer) -> list[SitePage]:
    """The overview and one page per institution with something to do, as of SOURCE_DATE_EPOCH (the build
    derives it from the data): same repository, same pages. Per institution, because at 10,000 entries one
    page listing every entry to review would weigh megabytes."""
    catalog = r.catalog
    as_of = freshness.today()
    root = repository_root(catalog)
    report = translation_status(catalog, root) if root is not None else None
    words = _words(r.lang)

    def when(value: str) -> str:
        return words["uncommitted"] if value == UNCOMMITTED else r.date(dt.date.fromisoformat(value))

    stale_by_institution: dict[str, list[Any]] = {}
    for entry in freshness.stale_entries(catalog.entries.values(), as_of):
        stale_by_institution.setdefault(entry.institution, []).append(entry)
    rows: list[dict[str, Any]] = []
    for inst in catalog.reference.institutions.values():
        statuses = report.needs.get(inst.id, []) if report else []
        row: dict[str, Any] = {
            "inst": inst,
            "path": f"{FOLDER}/{inst.id}.md",
            "total": report.total.get(inst.id, 0) if report else len(catalog.by_institution.get(inst.id, [])),
            "stale": stale_by_institution.get(inst.id, []),
            "missing": [(s.entry, ", ".join(s.missing)) for s in statuses if s.missing],
            "older": [(s.entry, [_older(words, o, when) for o in s.outdated]) for s in statuses if s.outdated],
        }
        row["todo"] = bool(row["stale"] or row["missing"] or row["older"])
        rows.append(row)
    common: dict[str, Any] = {
        "w": words,
        "as_of": r.date(as_of),
        "cutoff": r.date(freshness.cutoff(as_of)),
        "history": report.history if report else "git",
    }
    out = [
        r._render(
            PAGE_PATH,
            "maintainers.html",
            words["title"],
            words["title"],
            "maintainers",
            rows=rows,
            stale_total=sum(len(row["stale"]) for row in rows),
            **common,
        )
    ]
    for row in rows:
        if row["todo"]:
            title = f"{words['title']}: {row['inst'].short.get(r.lang)}"
            out.append(
                r._render(row["path"], "maintainers_institution.html", title, title, "maintainers", row=row, **common)
            )
    return out
