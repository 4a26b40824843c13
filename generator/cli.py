"""Command line: `python -m generator check|schema|geography|build|serve|synth|links`."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import diagnostics
from .database.validate import check_database

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def _print_problems(problems: list[diagnostics.Problem], fmt: str) -> None:
    if fmt == "json":
        print(diagnostics.format_json(problems))
        return
    for problem in problems:
        print(diagnostics.format_github(problem) if fmt == "github" else diagnostics.format_text(problem))
    en, th = diagnostics.summary(problems)
    print(f"{en} / {th}", file=sys.stderr if fmt == "github" else sys.stdout)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the whole database and report every problem at once."""
    start = time.perf_counter()
    catalog, _, problems = check_database(Path(args.root))
    _print_problems(problems, args.format)
    if args.format == "text":
        count = len(catalog.entries) if catalog else 0
        print(f"checked {count} valid entries in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return EXIT_INVALID if any(p.is_error for p in problems) else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Regenerate the editor JSON Schema and the field reference from the schema declaration."""
    from .database import docs

    root = Path(args.root)
    written = docs.write_generated(root)
    if written is None:
        print("site_config/ is invalid: run `python -m generator check` first.", file=sys.stderr)
        return EXIT_INVALID
    for path in written:
        print(f"wrote {path.relative_to(root).as_posix()}")
    return EXIT_OK


def cmd_geography(args: argparse.Namespace) -> int:
    """Regenerate site_config/provinces.yaml from the geothai package."""
    from .database.geography import write_provinces

    print(f"wrote {write_provinces(Path(args.root) / 'site_config')}")
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """Validate, then build the bilingual site into the output folder (atomically)."""
    from .site.build import build_site

    return build_site(Path(args.root), Path(args.out), base_url=args.base_url)


def cmd_serve(args: argparse.Namespace) -> int:
    """Build and serve the site locally, rebuilding when an entry changes."""
    from .site.serve import serve

    return serve(Path(args.root), Path(args.out), args.port)


def cmd_synth(args: argparse.Namespace) -> int:
    """Write a synthetic database of N entries (for benchmarks; never commit it)."""
    from .synth import synthesize

    start = time.perf_counter()
    count = synthesize(Path(args.root), Path(args.out), args.entries, seed=args.seed)
    print(f"wrote {count} synthetic entries into {args.out} in {time.perf_counter() - start:.1f} s")
    return EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    """Check that every web address in the database still answers (needs the network)."""
    from .linkcheck import check_external_links, is_failure

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    links, results, problems = check_external_links(
        Path(args.root), timeout=args.timeout, workers=args.workers, per_host=args.per_host, progress=progress
    )
    _print_problems(problems, args.format)
    failed = sum(1 for p in problems if is_failure(p))
    print(
        f"{len(results)} addresses in {len(links)} places: {failed} place(s) with a broken or unreachable link\n"
        f"ตรวจลิงก์ {len(results)} รายการ ใน {len(links)} ตำแหน่ง: ลิงก์เสียหรือไม่ตอบสนอง {failed} ตำแหน่ง",
        file=sys.stderr,
    )
    return EXIT_INVALID if failed else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Technology Clinic knowledge-site generator / เครื่องมือสร้างเว็บไซต์คลังเทคโนโลยี",
    )
    parser.add_argument("--root", default=".", help="repository root (default: .)")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate every entry / ตรวจสอบทุกรายการ")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="regenerate the JSON Schema and field reference")
    schema.set_defaults(func=cmd_schema)

    geography = sub.add_parser("geography", help="regenerate site_config/provinces.yaml from geothai")
    geography.set_defaults(func=cmd_geography)

    build = sub.add_parser("build", help="build the bilingual site / สร้างเว็บไซต์")
    build.add_argument("--out", default="site", help="output folder (default: site)")
    build.add_argument("--base-url", default="", help="public URL of the site, for canonical links and feeds")
    build.set_defaults(func=cmd_build)

    synth = sub.add_parser("synth", help="write a synthetic database for benchmarks")
    synth.add_argument("--entries", type=int, required=True)
    synth.add_argument("--out", required=True)
    synth.add_argument("--seed", type=int, default=1)
    synth.set_defaults(func=cmd_synth)

    links = sub.add_parser("links", help="check external links (needs the network) / ตรวจลิงก์ภายนอก")
    links.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for each answer (default 15)")
    links.add_argument("--workers", type=int, default=8, help="addresses checked at once (default 8)")
    links.add_argument("--per-host", type=int, default=2, help="requests to one host at once (default 2)")
    links.add_argument("--format", choices=("text", "github", "json"), default="text")
    links.set_defaults(func=cmd_links)

    serve = sub.add_parser("serve", help="build, serve and rebuild on change")
    serve.add_argument("--out", default="build/serve", help="output folder")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; internal failures print a short message, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for users; --debug shows it to developers
        if args.debug:
            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "ข้อผิดพลาดภายในโปรแกรม กรุณาแจ้งผู้ดูแลระบบ (run again with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
