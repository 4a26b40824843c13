"""Build both languages with MkDocs, side by side, into a temporary folder; replace the output only on success."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from .. import diagnostics
from ..atomic import folder_in_use, not_a_folder
from ..database.catalog import Catalog
from ..database.cut import CUT_ENV, Cut, apply_cut
from ..database.docs import json_schema_text
from ..database.validate import check_database
from ..exports import write_exports
from ..offline.checksums import OS_CLUTTER_FOLDERS, OS_CLUTTER_NAMES
from .links import check_links
from .pages import picture_sources
from .related import precompute as precompute_related
from .renditions import make_all
from .sitemap import sitemap_xml

LANGS = ("th", "en")
MAX_PROBLEMS_SHOWN = 20  # `check` lists every problem; the build only reminds
GENERATOR_REPO = Path(__file__).resolve().parent.parent.parent
NOT_FOUND = """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<title>ไม่พบหน้านี้ · Page not found</title>
<style>body{{font-family:sans-serif;margin:2rem;line-height:1.8}}a{{font-size:1.2rem}}</style>
</head>
<body>
<h1>ไม่พบหน้านี้</h1>
<p><a href="{home}th/index.html">กลับสู่หน้าแรก {title_th}</a></p>
<p lang="en">Page not found. <a href="{home}en/index.html">Go to the home page of the {title_en}</a>.</p>
</body>
</html>
"""
ROOT_INDEX = """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title_th} · {title_en}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<meta http-equiv="refresh" content="0; url=th/index.html">
<link rel="alternate" hreflang="th" href="th/index.html">
<link rel="alternate" hreflang="en" href="en/index.html">
<style>body{{font-family:sans-serif;margin:2rem;line-height:1.8}}a{{font-size:1.2rem}}</style>
</head>
<body>
<h1>{title_th}</h1>
<p><a href="th/index.html">เข้าสู่เว็บไซต์ (ภาษาไทย)</a></p>
<p lang="en"><a href="en/index.html">{title_en} (English)</a></p>
</body>
</html>
"""


PROFILE_ENV = "TC_PROFILE"  # a folder: each MkDocs process writes mkdocs-<lang>.prof there (benchmarks/profile.py)
CATALOG_ENV = "TC_CATALOG_PICKLE"  # path of the checked catalog, for the MkDocs processes of one build


def source_date_epoch(catalog: Catalog) -> int:
    """A build timestamp derived from the data (the newest entry date), so builds are reproducible."""
    dates = [e.date_reviewed for e in catalog.entries.values()] + [e.date_added for e in catalog.entries.values()]
    newest = max(dates) if dates else dt.date(2020, 1, 1)
    return calendar.timegm(newest.timetuple())


def _run_mkdocs(root: Path, lang: str, site_dir: Path, env: dict[str, str]) -> tuple[str, int, str]:
    """One MkDocs build of one language, in its own process (the two run in parallel on two cores)."""
    config_file = root / "mkdocs.yml"
    if not config_file.exists():  # a data-only repository uses the generator's own configuration
        config_file = GENERATOR_REPO / "mkdocs.yml"
    lang_env = {
        **env,
        "TC_DATA_ROOT": str(root),
        "TC_LANG": lang,
        "TC_DOCS_DIR": str(root / "content" / lang),
        "TC_SITE_DIR": str(site_dir),
    }
    site_url = env.get("TC_BASE_URL", "").rstrip("/")
    lang_env["TC_SITE_URL"] = f"{site_url}/{lang}/" if site_url else ""
    profile = env.get(PROFILE_ENV)  # where to leave a cProfile of each language's MkDocs process
    profiler = ["-m", "cProfile", "-o", str(Path(profile) / f"mkdocs-{lang}.prof")] if profile else []
    proc = subprocess.run(
        [sys.executable, *profiler, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)],
        cwd=root,
        env=lang_env,
        capture_output=True,
        text=True,
    )
    return lang, proc.returncode, proc.stdout + proc.stderr


# Everything a build writes at the top of its folder: only a folder holding nothing else (but what a file manager
# adds by itself, such as .DS_Store) may be replaced.
SITE_TOP = frozenset({"index.html", "404.html", "sitemap.xml", "data", *LANGS})


def output_problem(out: Path) -> str | None:
    """Why a build may not replace `out` (a file, or a folder holding more than a site), in English and Thai."""
    if not out.is_dir():
        return not_a_folder(out)
    strangers = sorted(p.name for p in out.iterdir() if p.name not in SITE_TOP | OS_CLUTTER_NAMES | OS_CLUTTER_FOLDERS)
    return folder_in_use(
        out,
        strangers,
        ("files that a build does not make", "ไฟล์อื่นที่ไม่ได้มาจากการสร้างเว็บไซต์"),
        ("A build", "การสร้างเว็บไซต์"),
    )


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be the site's public address (MkDocs would stop late, once per language), EN / TH."""
    parts = urlsplit(url)
    if not url or (parts.scheme in ("http", "https") and parts.netloc and not parts.query and not parts.fragment):
        return None
    return (
        f"--base-url {url!r} is not a web address: give the site's full public address, such as "
        "https://example.org/techclinic\n"
        f"    --base-url {url!r} ไม่ใช่ที่อยู่เว็บ กรุณาระบุที่อยู่เต็มของเว็บไซต์ เช่น https://example.org/techclinic"
    )


def _replace_output(staging: Path, out: Path) -> None:
    """Swap the finished build into place; the previous output is removed only after the swap."""
    # mkdtemp made the staging folder private (0o700); as the site it must be readable by a web server's user.
    # It gets the mode of the folders MkDocs made inside it (mkdir under this process's umask: usually 0o755).
    staging.chmod(stat.S_IMODE((staging / LANGS[0]).stat().st_mode))
    if not out.exists():
        staging.rename(out)
        return
    # The previous site goes into a folder of our own (never a name someone else may use), removed after the swap.
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.previous-", dir=out.parent))
    previous = old / out.name
    try:
        out.rename(previous)
        try:
            staging.rename(out)
        except BaseException:
            previous.rename(out)  # the previous site goes back where it was
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def _site_stats(site: Path) -> tuple[int, int]:
    """Pages and bytes of a built site, in one walk."""
    pages = size = 0
    for folder, _dirs, names in os.walk(site):
        for name in names:
            size += os.stat(os.path.join(folder, name)).st_size
            pages += name.endswith(".html")
    return pages, size


def build_site(root: Path, out: Path, *, base_url: str = "", cut: Cut | None = None) -> int:
    """Check the database, build both languages, and publish to `out` atomically. Returns an exit code.

    With a cut, only the entries of that region or province are built (see generator/database/cut.py).
    """
    return build(root, out, base_url=base_url, cut=cut)[0]


def build(root: Path, out: Path, *, base_url: str = "", cut: Cut | None = None) -> tuple[int, Catalog | None]:
    """build_site, also returning the catalog that was built (None when the build failed)."""
    start = time.perf_counter()
    refused = output_problem(out.resolve()) or base_url_problem(base_url or os.environ.get("TC_BASE_URL", ""))
    if refused:  # before any work: `--out .` must never replace the repository
        print(refused, file=sys.stderr)
        return 2, None
    catalog, _, problems = check_database(root, use_cache=True)
    shown = [p for p in problems if p.is_error] + [p for p in problems if not p.is_error]
    for problem in shown[:MAX_PROBLEMS_SHOWN]:
        print(diagnostics.format_text(problem), file=sys.stderr)
    if len(shown) > MAX_PROBLEMS_SHOWN:
        print(f"… {len(shown) - MAX_PROBLEMS_SHOWN} more: run `python -m generator check`", file=sys.stderr)
    if catalog is None:
        en, th = diagnostics.summary(problems)
        print(f"build stopped, the site was not changed: {en} / {th}", file=sys.stderr)
        return 1, None
    catalog = apply_cut(catalog, cut)
    if not catalog.entries:
        print("build stopped: no entry belongs to this region or province / ไม่มีรายการใดในภาคหรือจังหวัดนี้", file=sys.stderr)
        return 1, None
    precompute_related(catalog)
    catalog.pictures = make_all(picture_sources(catalog))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(source_date_epoch(catalog)),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHAINLP_OFFLINE": "1",
        "PYTHAINLP_READ_ONLY": "1",
        "TC_BASE_URL": base_url or os.environ.get("TC_BASE_URL", ""),
        CUT_ENV: cut.spec() if cut else "",  # the MkDocs processes apply the same cut
    }
    # The MkDocs processes build from the catalog checked here instead of checking the database again.
    handover = Path(tempfile.mkdtemp(prefix=".tc-catalog-", dir=out.parent))
    catalog_file = handover / "catalog.pickle"
    catalog_file.write_bytes(pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    env[CATALOG_ENV] = str(catalog_file)
    try:
        schema_text = json_schema_text(root)
        assert schema_text is not None  # site_config/ was valid: check_database succeeded
        with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
            running = [pool.submit(_run_mkdocs, root, lang, staging / lang, env) for lang in LANGS]
            # The open-data files need only the catalog: written while MkDocs builds, they use a core that the
            # faster language leaves idle.
            write_exports(catalog, staging, schema_text)
            results = [future.result() for future in running]
        failed = [(lang, output) for lang, code, output in results if code != 0]
        for lang, _code, output in results:
            if output.strip():
                print(f"--- MkDocs ({lang}) ---\n{output.strip()}", file=sys.stderr)
        if failed:
            print("build failed, the site was not changed / สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมไม่ถูกเปลี่ยน", file=sys.stderr)
            shutil.rmtree(staging, ignore_errors=True)
            return 1, None
        ui = catalog.reference.ui
        names = {"title_th": ui["site_name"].th, "title_en": ui["site_name"].en}
        (staging / "index.html").write_text(ROOT_INDEX.format(**names), encoding="utf-8")
        # Servers show 404.html for any missing path, so its links are absolute when the site URL is known.
        home = (env["TC_BASE_URL"].rstrip("/") + "/") if env["TC_BASE_URL"] else ""
        (staging / "404.html").write_text(NOT_FOUND.format(home=home, **names), encoding="utf-8")
        if home:  # a sitemap needs absolute URLs
            (staging / "sitemap.xml").write_text(sitemap_xml(staging, home), encoding="utf-8")
        broken = check_links(staging)
        if broken:
            for link in broken[:MAX_PROBLEMS_SHOWN]:
                print(f"broken link: {link}", file=sys.stderr)
            print(
                f"build failed: {len(broken)} broken internal link(s); the site was not changed / "
                "พบลิงก์ภายในที่เสีย เว็บไซต์เดิมไม่ถูกเปลี่ยน",
                file=sys.stderr,
            )
            shutil.rmtree(staging, ignore_errors=True)
            return 1, None
        _replace_output(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(handover, ignore_errors=True)
    pages, size = _site_stats(out)
    print(
        f"built {len(catalog.entries)} entries, {pages} pages, {size / 1e6:.1f} MB into {out} "
        f"in {time.perf_counter() - start:.1f} s"
    )
    return 0, catalog
