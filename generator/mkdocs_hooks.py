"""Thin MkDocs glue: add the generator's pages to a build, set the nav and the language.

Loaded by `hooks:` in mkdocs.yml. All rendering happens in generator.site.pages; if MkDocs is ever
replaced, only this file changes.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:  # MkDocs loads hooks by path; make the package importable
    sys.path.insert(0, str(_REPO))

from generator.database.catalog import Catalog  # noqa: E402
from generator.database.content import SECTIONS  # noqa: E402
from generator.database.cut import CUT_ENV, apply_cut, parse_spec  # noqa: E402
from generator.database.validate import check_database  # noqa: E402
from generator.diagnostics import format_text  # noqa: E402
from generator.site import shell  # noqa: E402
from generator.site.browse import DATA_PATH as BROWSE_DATA_PATH  # noqa: E402
from generator.site.browse import browse_data  # noqa: E402
from generator.site.build import CATALOG_ENV  # noqa: E402
from generator.site.csp import add_policy  # noqa: E402
from generator.site.feeds import FEED_PATH, atom_feed  # noqa: E402
from generator.site.pages import SitePage, media_files, page_url, render_site_pages  # noqa: E402
from generator.site.quick import SHELL_CACHE_ENV, save_shell  # noqa: E402
from generator.site.search import INDEX_PATH, ContentPage, build_index, dictionary_words, strip_markdown  # noqa: E402
from generator.thai import Segmenter  # noqa: E402

LANGS = ("th", "en")

_state: dict[str, Any] = {}


def _content_pages(docs_dir: Path, section: str) -> list[str]:
    """Hand-written pages of one section: the known ones in order, then any others alphabetically."""
    found = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / section).glob("*.md"))
    order = [f"{section}/{name}.md" for name in SECTIONS[section]]
    return [p for p in order if p in found] + [p for p in found if p not in order]


def _load_catalog(config: Any) -> Catalog:
    """The catalog the build checked (handed over by generator.site.build), or check the database now."""
    handed_over = os.environ.get(CATALOG_ENV)
    if handed_over:  # written by this build's parent process into its private staging folder
        with open(handed_over, "rb") as stream:
            catalog: Catalog = pickle.load(stream)
        # This process only builds and exits: the catalog lives until then, so the cycle collector need never
        # walk its millions of objects again (5–10% of a build's CPU time at 5,000 entries).
        gc.freeze()
        return catalog
    data_root = Path(os.environ.get("TC_DATA_ROOT") or Path(config.config_file_path).parent)
    checked, reference, problems = check_database(data_root)
    if checked is None:
        errors = [format_text(p) for p in problems if p.is_error]
        raise PluginError("the database has errors; run `python -m generator check`:\n" + "\n".join(errors[:20]))
    if os.environ.get(CUT_ENV):  # an edition of one region or province
        checked = apply_cut(checked, parse_spec(reference, os.environ[CUT_ENV]))
    return checked


def on_config(config: Any) -> Any:
    """Load the database for this build's language, and set names, nav and switch labels."""
    lang = config.theme["language"]
    if lang not in LANGS:
        raise PluginError(f"theme.language must be one of {LANGS}, not {lang!r}")
    other = "en" if lang == "th" else "th"
    catalog = _load_catalog(config)
    reference = catalog.reference
    ui = reference.ui
    config.use_directory_urls = False
    # Material's 404.html needs absolute URLs, which a copy on a USB drive cannot have; the build writes
    # one bilingual 404 page at the site root instead.
    config.theme.static_templates.discard("404.html")
    # Each language's sitemap would miss the pages written from shells; the build writes one for both languages.
    config.theme.static_templates.discard("sitemap.xml")
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
            "corrected": ui["search_corrected"].get(lang),
            "none_next": ui["search_none_next"].get(lang),
            "browse": ui["browse_title"].get(lang),
            "find_help": ui["find_help_title"].get(lang),
            "count": ui["search_count"].get(lang),
            "more": ui["search_more"].get(lang),
            "error": ui["search_error"].get(lang),
            "kind_0": reference.taxonomies["kinds"]["technology"].label.get(lang),
            "kind_1": reference.taxonomies["kinds"]["local-wisdom"].label.get(lang),
            "kind_2": ui["search_page_kind"].get(lang),
            "kind_3": reference.taxonomies["kinds"]["village"].label.get(lang),
        },
    }
    docs_dir = Path(config.docs_dir)

    def label(key: str) -> str:
        return ui[key].get(lang)

    config.nav = [
        {label("home"): "index.md"},
        {label("find_help_title"): "find-help.md"},
        {label("browse_title"): "browse.md"},
        {label("categories"): "categories/index.md"},
        {label("regions"): "regions/index.md"},
        {label("institutions"): "institutions/index.md"},
        {label("audiences"): "audiences/index.md"},
        {label("value_chain"): "value-chain/index.md"},
        {label("services_title"): "services.md"},
        *({label(section): _content_pages(docs_dir, section)} for section in SECTIONS),
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
    filled: list[SitePage] = []
    use_shells = os.environ.get("TC_SHELLS", "1") != "0"  # 0: MkDocs renders every page (for comparison)
    generated = render_site_pages(_state["catalog"], _state["lang"], config.site_url or "")
    nav = _nav_paths(config.nav)
    folders = shell.plan(generated, nav) if use_shells else {}
    generated += [shell.prototype(folder, page_type) for folder, page_type in folders.items()]
    for page in generated:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"content/{_state['lang']}/{page.path} clashes with a generated page; rename it")
        if shell.is_filled(page, folders, nav):
            filled.append(page)
            continue
        files.append(File.generated(config, page.path, content=""))
        pages[page.path] = page
    _state["filled"] = filled
    _state["shells"] = {}
    for media in media_files(_state["catalog"]):
        files.append(File.generated(config, media.path, abs_src_path=str(media.source)))
    _state["pages"] = pages
    files.append(File.generated(config, INDEX_PATH, content=_search_index(files, config)))
    ui = _state["catalog"].reference.ui
    data = browse_data(_state["catalog"], _state["lang"], lambda key: ui[key].get(_state["lang"]))
    files.append(File.generated(config, BROWSE_DATA_PATH, content=data))
    files.append(
        File.generated(config, FEED_PATH, content=atom_feed(_state["catalog"], _state["lang"], config.site_url))
    )
    return files


def _nav_paths(nav: Any) -> set[str]:
    """Every page path named in the nav (a list of {title: path or list})."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_paths(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_paths(v) for v in nav))
    return set()


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
    folder, _, name = page.file.src_uri.partition("/")
    if name == f"{shell.PROTOTYPE_ID}.md":
        _state["shells"][folder] = shell.Shell.of(output, config.site_description or "")
        cache = os.environ.get(SHELL_CACHE_ENV)
        if cache:  # `serve` writes changed entries from these before the full rebuild is done
            save_shell(Path(cache), _state["lang"], folder, output)
    return add_policy(output)


def on_post_build(config: Any) -> None:
    """Write the entry pages and sheets from their folder's shell, then remove the prototypes."""
    site_dir = Path(config.site_dir)
    for page in _state.get("filled", []):
        folder, _, name = page.path.partition("/")
        target = site_dir / page_url(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        html = _state["shells"][folder].fill(page, name[: -len(".md")])
        target.write_text(add_policy(html), encoding="utf-8")
    for folder in _state.get("shells", {}):
        (site_dir / folder / f"{shell.PROTOTYPE_ID}.html").unlink()


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
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_serve",
]
