"""Thin MkDocs glue: add the generator's pages to a build, set the nav and the language.

Loaded by `hooks:` in mkdocs.yml. All rendering happens in generator.site.pages; if MkDocs is ever
replaced, only this file changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:  # MkDocs loads hooks by path; make the package importable
    sys.path.insert(0, str(_REPO))

from generator.database.validate import check_database  # noqa: E402
from generator.diagnostics import format_text  # noqa: E402
from generator.site.csp import add_policy  # noqa: E402
from generator.site.feeds import FEED_PATH, atom_feed  # noqa: E402
from generator.site.pages import SitePage, media_files, render_site_pages  # noqa: E402
from generator.site.search import INDEX_PATH, ContentPage, build_index, dictionary_words, strip_markdown  # noqa: E402
from generator.thai import Segmenter  # noqa: E402

LANGS = ("th", "en")
ABOUT_ORDER = ("about/technology-clinic.md", "about/st-villages.md", "about/sti-coupon.md")
HELP_ORDER = ("help/get-help.md", "help/contribute.md")

_state: dict[str, Any] = {}


def _content_pages(docs_dir: Path, folder: str, order: tuple[str, ...]) -> list[str]:
    """Hand-written pages of one folder: the known ones in order, then any others alphabetically."""
    found = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / folder).glob("*.md"))
    return [p for p in order if p in found] + [p for p in found if p not in order]


def on_config(config: Any) -> Any:
    """Load the database for this build's language, and set names, nav and switch labels."""
    lang = config.theme["language"]
    if lang not in LANGS:
        raise PluginError(f"theme.language must be one of {LANGS}, not {lang!r}")
    other = "en" if lang == "th" else "th"
    data_root = Path(os.environ.get("TC_DATA_ROOT") or Path(config.config_file_path).parent)
    catalog, reference, problems = check_database(data_root)
    if catalog is None:
        errors = [format_text(p) for p in problems if p.is_error]
        raise PluginError("the database has errors; run `python -m generator check`:\n" + "\n".join(errors[:20]))
    ui = reference.ui
    config.use_directory_urls = False
    # Material's 404.html needs absolute URLs, which a copy on a USB drive cannot have; the build writes
    # one bilingual 404 page at the site root instead.
    config.theme.static_templates.discard("404.html")
    config.site_name = ui["site_name"].get(lang)
    config.site_description = ui["site_description"].get(lang)
    site_url = (config.site_url or "").rstrip("/")
    # With a site URL, each language lives in its own folder below it: <site_url>/<lang>/.
    site_root = site_url.rsplit("/", 1)[0] + "/" if site_url.endswith(("/th", "/en")) else ""
    config.extra["tc"] = {
        "lang": lang,
        "other": other,
        "switch_short": ui["switch_language_short"].get(lang),
        "switch_title": ui["switch_language"].get(lang),
        "footer_note": ui["footer_note"].get(lang),
        "site_root": site_root,
        "search": {
            "label": ui["search_label"].get(lang),
            "placeholder": ui["search_placeholder"].get(lang),
            "none": ui["search_none"].get(lang),
            "count": ui["search_count"].get(lang),
            "more": ui["search_more"].get(lang),
            "error": ui["search_error"].get(lang),
            "kind_0": reference.taxonomies["kinds"]["technology"].label.get(lang),
            "kind_1": reference.taxonomies["kinds"]["local-wisdom"].label.get(lang),
            "kind_2": ui["search_page_kind"].get(lang),
        },
    }
    docs_dir = Path(config.docs_dir)

    def label(key: str) -> str:
        return ui[key].get(lang)

    config.nav = [
        {label("home"): "index.md"},
        {label("categories"): "categories/index.md"},
        {label("regions"): "regions/index.md"},
        {label("institutions"): "institutions/index.md"},
        {label("audiences"): "audiences/index.md"},
        {label("value_chain"): "value-chain/index.md"},
        {label("about"): _content_pages(docs_dir, "about", ABOUT_ORDER)},
        {label("help"): _content_pages(docs_dir, "help", HELP_ORDER)},
        {label("data_title"): "data.md"},
        {label("stats_title"): "stats.md"},
    ]
    _state.clear()
    _state["catalog"] = catalog
    _state["lang"] = lang
    return config


UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def on_files(files: Files, config: Any) -> Files:
    """Add every generated page and every entry image; drop theme files the site never loads."""
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FILES) or file.src_uri.endswith(".map"):
            files.remove(file)  # Material's search (replaced) and source maps: ~2 MB per language
    pages: dict[str, SitePage] = {}
    for page in render_site_pages(_state["catalog"], _state["lang"], config.site_url or ""):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"content/{_state['lang']}/{page.path} clashes with a generated page; rename it")
        files.append(File.generated(config, page.path, content=""))
        pages[page.path] = page
    for media in media_files(_state["catalog"]):
        files.append(File.generated(config, media.path, abs_src_path=str(media.source)))
    _state["pages"] = pages
    files.append(File.generated(config, INDEX_PATH, content=_search_index(files, config)))
    files.append(
        File.generated(config, FEED_PATH, content=atom_feed(_state["catalog"], _state["lang"], config.site_url))
    )
    return files


def _search_index(files: Files, config: Any) -> str:
    """The search index of this language: every entry plus the hand-written pages."""
    catalog = _state["catalog"]
    content = []
    for file in files.documentation_pages():
        if file.src_uri in _state["pages"] or file.abs_src_path is None:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        title = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), file.name)
        content.append(ContentPage(file.src_uri, title, strip_markdown(text)))
    segmenter = Segmenter(dictionary_words(catalog))
    return build_index(catalog, _state["lang"], sorted(content, key=lambda c: c.path), segmenter)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Generated pages skip Markdown: their HTML comes ready from the renderer."""
    generated = _state.get("pages", {}).get(page.file.src_uri)
    if generated is None:
        return markdown
    page.title = str(escape(generated.title))  # Material prints titles unescaped
    page.meta["tc_description"] = generated.description
    page.meta["tc_page_type"] = generated.page_type
    page.meta["tc_image"] = generated.image
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Put the generated body in place of the (empty) Markdown output."""
    generated = _state.get("pages", {}).get(page.file.src_uri)
    return generated.html if generated is not None else html


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Every page carries a Content-Security-Policy that allows only the site's own scripts."""
    return add_policy(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """Pages MkDocs renders from theme templates (404.html) get the same policy."""
    return add_policy(output) if template_name.endswith(".html") else output


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when an entry, an image or the reference data changes."""
    data_root = Path(os.environ.get("TC_DATA_ROOT") or Path(config.config_file_path).parent)
    for folder in ("technologies", "site_config"):
        server.watch(str(data_root / folder))
    server.watch(str(_REPO / "generator" / "site" / "templates"))
    return server


__all__ = [
    "on_config",
    "on_files",
    "on_page_content",
    "on_page_markdown",
    "on_post_page",
    "on_post_template",
    "on_serve",
]
