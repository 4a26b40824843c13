"""Catalog + language → the generated pages of the site (entries, listings, home), as HTML bodies.

This module knows nothing of MkDocs: it returns SitePage objects with repository-style paths
(`entries/<id>.md`) and bodies whose links are relative to the page, so any host can serve them.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..contrib.maintainers import maintainers_pages
from ..database.catalog import Catalog
from ..database.model import Entry, Institution, LText
from ..exports import CSV_COLUMNS, LICENCE
from ..thai import collation_key, format_date
from ..uitext import fill
from .browse import facets as browse_facets
from .imagesize import image_size
from .markdown import render_markdown
from .qr import qr_svg
from .related import related_entries
from .renditions import FOLDER as RENDITIONS
from .renditions import rendition
from .stats import stats_pages
from .structured import entry_jsonld
from .tags import TagIndex, tag_pages
from .thailand_map import ProvinceMap, render_map

TEMPLATES = Path(__file__).parent / "templates"
MEDIA_DIR = "media"
PAGE_SIZE = 60  # entries per listing page: long lists stay light on phones
PREVIEW = 12  # entries shown per section on overview pages, with a link to the full listing
BROWSE_PREVIEW = 20  # entries per category in the browse page's no-JavaScript list
SHEET_EXCERPT = 420  # characters of description on a printed sheet: it must fit one A4 page
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


@dataclass(frozen=True)
class SitePage:
    """One generated page: where it goes, its plain-text title and description, and its body HTML.

    The body may be given as a function that renders it: 45,000 bodies held at once would cost about a gigabyte,
    so pages written from shells are rendered one by one as they are written, and not kept.
    """

    path: str  # e.g. "entries/solar-dryer.md"; published as .html
    title: str
    description: str
    body: str | Callable[[], str]
    page_type: str
    image: str = ""  # the page's picture for link previews, relative to the language root

    @property
    def html(self) -> str:
        """The body HTML (rendered now when it was deferred; each call renders it again)."""
        return self.body if isinstance(self.body, str) else self.body()


@dataclass(frozen=True)
class Pager:
    """Where one page of a long listing stands among its pages."""

    number: int
    paths: list[str]
    total_entries: int

    @property
    def count(self) -> int:
        """How many pages the listing has."""
        return len(self.paths)


@dataclass(frozen=True)
class MediaFile:
    """A file copied into the site as it is (entry images)."""

    path: str  # destination inside the language folder
    source: Path


def page_url(path: str) -> str:
    """The published URL of a page path (`entries/x.md` → `entries/x.html`)."""
    return path[:-3] + ".html" if path.endswith(".md") else path


def relative(from_path: str, to_path: str) -> str:
    """A link from one page to another page or file, relative so the site works under any sub-path and file://."""
    return _relative(posixpath.dirname(from_path), page_url(to_path))


@functools.lru_cache(maxsize=1 << 16)
def _relative(start: str, target: str) -> str:
    """posixpath.relpath for the clean, root-relative paths of generated pages (a hot path: one call per link)."""
    start_parts = [p for p in start.split("/") if p not in ("", ".")]
    target_parts = [p for p in target.split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(start_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def entry_path(entry_id: str) -> str:
    """The page path of an entry."""
    return f"entries/{entry_id}.md"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals["fill"] = fill  # texts with {placeholders} and plurals (generator/uitext.py)
    return env


class PageRenderer:
    """Renders every generated page of one language."""

    def __init__(self, catalog: Catalog, lang: str, site_url: str = "") -> None:
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.catalog = catalog
        self.ref = catalog.reference
        self.lang = lang
        self.env = _environment()
        self.current = "index.md"
        self._cards: dict[tuple[str, str], Markup] = {}

    # --- helpers exposed to templates ---
    def t(self, key: str, **values: Any) -> str:
        """A UI string in this language, with `{placeholders}` filled."""
        return fill(self.ref.ui[key].get(self.lang), **values)

    def tx(self, text: LText | None) -> tuple[str, str | None]:
        """Text in this language, and the `lang` attribute to set when it fell back to Thai."""
        if text is None:
            return "", None
        if self.lang == "en" and text.en is None:
            return text.th, "th"
        return text.get(self.lang), None

    def text(self, value: LText | None, tag: str = "span", cls: str = "") -> Markup:
        """Text in this language in an element, marked `lang="th"` when it fell back to Thai (all escaped).

        A method rather than a template macro: it runs on every page for every title and name, and a Jinja macro
        call costs several times more."""
        text, fallback = self.tx(value)
        cls_attr = f' class="{escape(cls)}"' if cls else ""
        lang_attr = f' lang="{fallback}"' if fallback else ""
        return Markup(f"<{tag}{cls_attr}{lang_attr}>{escape(text)}</{tag}>")

    licence = LICENCE

    def root(self) -> str:
        """The relative path from the page being rendered to the language's root folder."""
        return posixpath.relpath(".", posixpath.dirname(self.current) or ".")

    def link(self, to_path: str) -> str:
        """A relative link from the page being rendered."""
        return relative(self.current, to_path)

    def term(self, taxonomy: str, term_id: str) -> str:
        """A taxonomy label in this language."""
        return self.ref.taxonomies[taxonomy][term_id].label.get(self.lang)

    def province(self, province_id: str) -> str:
        """A province name in this language."""
        return self.ref.provinces[province_id].name.get(self.lang)

    def sorted_provinces(self, ids: Iterable[str]) -> list[str]:
        """Province ids ordered by their names in this language (Thai collation on Thai pages)."""
        return sorted(ids, key=lambda p: collation_key(self.province(p)))

    def institution(self, institution_id: str) -> Institution:
        """An institution by id."""
        return self.ref.institutions[institution_id]

    def date(self, value: Any) -> str:
        """A date as readers of this language write it (Buddhist Era on Thai pages)."""
        return format_date(value, self.lang)

    def year(self, value: int) -> str:
        """A year as readers of this language write it (Buddhist Era on Thai pages)."""
        return f"พ.ศ. {value + 543}" if self.lang == "th" else str(value)

    def cost(self, entry: Entry) -> str | None:
        """The adoption cost as a phrase, or None when the entry gives none."""
        a = entry.adoption
        if a is None or (a.cost_min is None and a.cost_max is None):
            return None
        if a.cost_min is not None and a.cost_max is not None:
            if a.cost_min == a.cost_max:
                return self.t("cost_single", value=f"{a.cost_min:,}")
            return self.t("cost_range", low=f"{a.cost_min:,}", high=f"{a.cost_max:,}")
        if a.cost_min is not None:
            return self.t("cost_from", value=f"{a.cost_min:,}")
        return self.t("cost_up_to", value=f"{a.cost_max:,}")

    def card(self, entry: Entry, render: Callable[[Entry], str]) -> Markup:
        """An entry's card in a listing, rendered once per folder (listings repeat the same cards)."""
        # A card links only to its entry page, so cards are the same on every page of the same depth outside entries/.
        folder = posixpath.dirname(self.current)
        key = (entry.id, folder if folder == "entries" else str(folder.count("/") + bool(folder)))
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = Markup(render(entry))
        return html

    def sort(self, entries: Iterable[Entry]) -> list[Entry]:
        """Entries in the order readers of this language expect (Thai collation on Thai pages)."""
        return self.catalog.sorted(entries, self.lang)

    def image_size(self, entry: Entry, name: str) -> tuple[int, int] | None:
        """An entry image's (width, height) in pixels, for the img tag's size attributes."""
        return image_size(Path(entry.image_folder, name))

    def picture(self, entry: Entry, name: str) -> tuple[str, tuple[int, int] | None, bool]:
        """What a page shows of an entry picture: its path in the site, its size, and whether it is a smaller copy."""
        original = f"{MEDIA_DIR}/{entry.id}/{name}"
        smaller = rendition(Path(entry.image_folder, name), self.catalog.pictures)
        if smaller is None:
            return original, self.image_size(entry, name), False
        return f"{MEDIA_DIR}/{entry.id}/{RENDITIONS}/{name}", (smaller.width, smaller.height), True

    def markdown(self, entry: Entry, text: str) -> str:
        """Entry Markdown as safe HTML, with images pointing at their published copies."""
        known = {image.file for image in entry.images}

        def image_url(name: str) -> str | None:
            if name not in known and not _exists(entry, name):
                return None
            return self.link(self.picture(entry, name)[0])  # the smaller copy, when there is one

        return render_markdown(text, image_url)

    # --- pages ---
    def _render(
        self,
        path: str,
        template: str,
        title: str,
        description: str,
        page_type: str,
        *,
        image: str = "",
        context: Callable[[], dict[str, Any]] | None = None,
        **ctx: Any,
    ) -> SitePage:
        """A page whose body is rendered when it is asked for; `context` adds values computed only then."""

        def body() -> str:
            self.current = path
            values = {**ctx, **context()} if context is not None else ctx
            return self.env.get_template(template).render(r=self, lang=self.lang, title=title, **values)

        return SitePage(path, title, description, body, page_type, image)

    def _listing(
        self, path: str, template: str, title: str, description: str, page_type: str, entries: list[Entry], **ctx: Any
    ) -> list[SitePage]:
        """A listing split into pages of PAGE_SIZE entries (`x.md`, `x.p2.md`, …) with a pager on each."""
        chunks = [entries[i : i + PAGE_SIZE] for i in range(0, len(entries), PAGE_SIZE)] or [[]]
        paths = [path] + [f"{path[:-3]}.p{n}.md" for n in range(2, len(chunks) + 1)]
        out = []
        for number, (chunk, page_path) in enumerate(zip(chunks, paths, strict=True), start=1):
            pager = Pager(number, paths, len(entries))
            page_title = title if number == 1 else f"{title} ({self.t('page_number', number=number)})"
            out.append(
                self._render(page_path, template, page_title, description, page_type, entries=chunk, pager=pager, **ctx)
            )
        return out

    def entry_page(self, entry: Entry) -> SitePage:
        """The page of one entry."""
        title, _ = self.tx(entry.title)
        summary, _ = self.tx(entry.summary)

        def context() -> dict[str, Any]:
            return {
                "e": entry,
                "inst": self.institution(entry.institution),
                "related": related_entries(self.catalog, entry),
                "applied": self.sort(self.catalog.entries[t] for t in entry.village.technologies)
                if entry.village
                else [],
                "villages": self.sort(self.catalog.villages_by_technology.get(entry.id, [])),
                "places": self.catalog.places(entry),
                "jsonld": entry_jsonld(self.catalog, entry, self.lang),
            }

        image = f"{MEDIA_DIR}/{entry.id}/{entry.images[0].file}" if entry.images else ""
        return self._render(entry_path(entry.id), "entry.html", title, summary, "entry", image=image, context=context)

    def sheet_page(self, entry: Entry) -> SitePage:
        """A one-page A4 fact sheet with a QR code back to the entry (the QR needs the site's public URL)."""
        title, _ = self.tx(entry.title)
        url = f"{self.site_url}entries/{entry.id}.html" if self.site_url else ""

        def context() -> dict[str, Any]:
            description, _ = self.tx(entry.description)
            return {
                "e": entry,
                "inst": self.institution(entry.institution),
                "excerpt": _excerpt(description, SHEET_EXCERPT),
                "qr": qr_svg(url, self.t("sheet_scan")) if url else "",
                "url": url,
            }

        return self._render(
            f"sheets/{entry.id}.md",
            "sheet.html",
            f"{self.t('sheet_title')}: {title}",
            self.tx(entry.summary)[0],
            "sheet",
            context=context,
        )

    def pages(self) -> list[SitePage]:
        """Every generated page of this language, in a stable order."""
        c, ref = self.catalog, self.ref
        out = [
            self.home(),
            self._render("search.md", "search.html", self.t("search_title"), "", "search"),
            self._render(
                "data.md", "data.html", self.t("data_title"), self.t("data_intro"), "data", columns=CSV_COLUMNS
            ),
        ]
        out += maintainers_pages(self)  # review freshness and translation status (generator/contrib)
        out += [self.entry_page(e) for e in c.entries.values()]
        out += [self.sheet_page(e) for e in c.entries.values()]
        listings: list[tuple[str, str, str, dict[str, list[Entry]]]] = [
            ("categories", "categories", "categories", c.by_category),
            ("audiences", "audiences", "audiences", c.by_audience),
            ("value-chain", "value_chain", "value_chain", c.by_value_chain),
            ("kinds", "kinds", "kinds", c.by_kind),
        ]
        for folder, taxonomy, title_key, index in listings:
            terms = ref.taxonomies[taxonomy]
            out.append(
                self._render(
                    f"{folder}/index.md",
                    "terms.html",
                    self.t(title_key),
                    "",
                    "terms",
                    folder=folder,
                    terms=list(terms.values()),
                    index=index,
                )
            )
            for term in terms.values():
                out += self._listing(
                    f"{folder}/{term.id}.md",
                    "term.html",
                    term.label.get(self.lang),
                    term.description.get(self.lang) if term.description else "",
                    "term",
                    self.sort(index.get(term.id, [])),
                    term=term,
                    heading=self.t(title_key),
                )
        out.append(self._render("regions/index.md", "regions.html", self.t("regions"), "", "regions"))
        for region in ref.regions.values():
            out += self._listing(
                f"regions/{region.id}.md",
                "region.html",
                region.name.get(self.lang),
                "",
                "region",
                self.sort(c.by_region.get(region.id, [])),
                region=region,
            )
        for province in ref.provinces.values():
            here = c.by_province.get(province.id, [])
            out += self._listing(
                f"provinces/{province.id}.md",
                "province.html",
                province.name.get(self.lang),
                "",
                "province",
                self.sort(e for e in here if e.village is None),
                province=province,
                clinics=c.clinics_serving(province.id),
                villages=self.sort(e for e in here if e.village),
            )
        out += self.services_pages()
        out.append(self.find_help())
        out.append(self.browse_page())
        out.append(self._render("institutions/index.md", "institutions.html", self.t("institutions"), "", "terms"))
        for inst in ref.institutions.values():
            out += self._listing(
                f"institutions/{inst.id}.md",
                "institution.html",
                inst.name.get(self.lang),
                "",
                "institution",
                self.sort(c.by_institution.get(inst.id, [])),
                inst=inst,
            )
        out += stats_pages(self) + tag_pages(self)
        return out

    def services_pages(self) -> list[SitePage]:
        """The STI-coupon services page, and a full listing of the technologies for each service."""
        services = self.ref.taxonomies["coupon_services"]
        groups = [t for t in self.ref.taxonomies["audiences"].values() if t.id.startswith("otop-")]
        by_service = {s: self.sort(self.catalog.by_coupon_service.get(s, [])) for s in services}
        out = [
            self._render(
                "services.md",
                "services.html",
                self.t("services_title"),
                self.t("services_intro"),
                "services",
                services=list(services.values()),
                groups=groups,
                by_service=by_service,
                preview=PREVIEW,
            )
        ]
        for term in services.values():
            out += self._listing(
                f"services/{term.id}.md",
                "term.html",
                term.label.get(self.lang),
                term.description.get(self.lang) if term.description else "",
                "term",
                by_service[term.id],
                term=term,
                heading=self.t("services_title"),
            )
        return out

    def browse_page(self) -> SitePage:
        """Faceted filters (browse.js with browse/data.js); without JavaScript, entries grouped by category."""
        c = self.catalog
        groups = [
            {
                "id": term.id,
                "label": term.label.get(self.lang),
                "entries": self.sort(c.by_category[term.id])[:BROWSE_PREVIEW],
                "total": len(c.by_category[term.id]),
            }
            for term in self.ref.taxonomies["categories"].values()
            if c.by_category.get(term.id)
        ]
        return self._render(
            "browse.md",
            "browse.html",
            self.t("browse_title"),
            self.t("browse_intro"),
            "browse",
            facets=browse_facets(c, self.lang, self.t),
            groups=groups,
            total=len(c.entries),
        )

    def find_help(self) -> SitePage:
        """Pick a province: the clinics that serve it, its villages and the technologies used there."""
        provinces = sorted(self.ref.provinces.values(), key=lambda p: collation_key(p.name.get(self.lang)))
        return self._render(
            "find-help.md",
            "find_help.html",
            self.t("find_help_title"),
            self.t("find_help_intro"),
            "find-help",
            provinces=provinces,
            regions=list(self.ref.regions.values()),
            preview=PREVIEW,
        )

    def home(self) -> SitePage:
        """The home page: counts, ways to browse, newest entries."""
        return self._render(
            "index.md",
            "home.html",
            self.t("home"),
            self.t("site_description"),
            "home",
            newest=self.catalog.newest(8),
        )

    # --- discover: the province map, statistics and keyword tags (thailand_map.py, stats.py, tags.py) ---
    def province_map(self, dom_id: str = "tc-map") -> ProvinceMap:
        """The map of entries per province, with links from the page being rendered."""
        counts = {p: len(v) for p, v in self.catalog.by_province.items()}
        villages = {p: sum(1 for e in v if e.village) for p, v in self.catalog.by_province.items()}
        return render_map(self.ref, counts, self.lang, self.link, dom_id, villages)

    @functools.cached_property
    def tags(self) -> TagIndex:
        """Every keyword tag of the catalog."""
        return TagIndex(self.catalog)


def _exists(entry: Entry, name: str) -> bool:
    return Path(entry.image_folder, name).is_file()


def shown_pictures(entry: Entry) -> list[str]:
    """The names of the pictures an entry's page shows: its gallery, then those inside its Markdown texts."""
    return list(dict.fromkeys([*(image.file for image in entry.images), *_markdown_images(entry)]))


def picture_sources(catalog: Catalog) -> list[Path]:
    """Every picture the entry pages show, on disk: the build makes their smaller copies once (renditions.py)."""
    return [Path(e.image_folder, name) for e in catalog.entries.values() for name in shown_pictures(e)]


def media_files(catalog: Catalog) -> list[MediaFile]:
    """Entry pictures to publish, at `media/<entry-id>/<file>`, with their smaller copies at `…/960/<file>`."""
    files: dict[str, MediaFile] = {}
    for entry in catalog.entries.values():
        for name in shown_pictures(entry):
            source = Path(entry.image_folder, name)
            dest = f"{MEDIA_DIR}/{entry.id}/{name}"
            files[dest] = MediaFile(dest, source)
            smaller = rendition(source, catalog.pictures)
            if smaller is not None:  # the copy the page shows (PageRenderer.picture and .markdown)
                dest = f"{MEDIA_DIR}/{entry.id}/{RENDITIONS}/{name}"
                files[dest] = MediaFile(dest, smaller.path)
    return [files[k] for k in sorted(files)]


def _markdown_images(entry: Entry) -> list[str]:
    """Image files that the entry's Markdown texts show (already validated to exist)."""
    from ..database import images

    texts = [entry.description.th, entry.description.en or ""]
    if entry.adoption and entry.adoption.requirements:
        texts += [entry.adoption.requirements.th, entry.adoption.requirements.en or ""]
    names = {m.group(1) for t in texts for m in _MD_IMAGE.finditer(t)}
    return sorted(n for n in names if images.path_problem(n) is None and _exists(entry, n))


def _excerpt(markdown_text: str, limit: int) -> str:
    """Plain text of the start of a Markdown text, cut at a word near `limit` characters."""
    text = re.sub(r"[#*_`>\[\]]|\(https?://[^)]*\)", "", markdown_text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def render_site_pages(catalog: Catalog, lang: str, site_url: str = "") -> list[SitePage]:
    """All generated pages of one language; `site_url` (…/<lang>/) enables absolute links such as QR codes."""
    return PageRenderer(catalog, lang, site_url).pages()
