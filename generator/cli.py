"""Command line: `python -m generator <command>`; `python -m generator --help` lists them."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import diagnostics
from .collector import cycle_collector_paused
from .contrib import cli as contrib
from .database.validate import check_report

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
    as_of = contrib.today(args.today)
    unusable = contrib.path_problems(Path(args.root), args.paths)
    if unusable:  # a mistyped name must not pass as a file without problems
        print("\n".join(unusable), file=sys.stderr)
        return EXIT_USAGE
    with cycle_collector_paused():  # the whole command: it ends when the report is printed
        report = check_report(Path(args.root), today=as_of, use_cache=True)
        problems = contrib.only_wanted(report.problems, Path(args.root), args.paths)
        _print_problems(problems, args.format)
    if args.format == "text":
        count = report.valid_entries if report.ok else 0
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
    written += contrib.generated_files(root)  # issue form, CODEOWNERS example, spreadsheet template
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


def cmd_offline(args: argparse.Namespace) -> int:
    """Build the offline edition: a zip that works from file:// on any drive, and a Kiwix ZIM."""
    from .database.cut import CutError, make_cut
    from .database.reference import load_reference
    from .offline.edition import make_edition

    root = Path(args.root)
    cut = None
    if args.region or args.province:
        reference, problems = load_reference(root / "site_config")
        if any(p.is_error for p in problems):
            _print_problems(problems, "text")
            return EXIT_INVALID
        try:
            cut = make_cut(reference, "region" if args.region else "province", args.region or args.province)
        except CutError as exc:
            print(f"python -m generator offline: {exc}", file=sys.stderr)
            return EXIT_USAGE
    return make_edition(root, Path(args.out), cut=cut, base_url=args.base_url, zim=not args.no_zim)


def cmd_verify(args: argparse.Namespace) -> int:
    """Check a copy of the offline edition (folder or zip) against its checksum file."""
    from .offline.checksums import SumsError, verify

    path = Path(args.path)
    if not path.exists():
        print(f"{path}: no such file or folder / ไม่พบไฟล์หรือโฟลเดอร์นี้", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = verify(path)
    except SumsError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    for label_en, label_th, names in (
        ("missing", "ไฟล์หายไป", result.missing),
        ("changed", "ไฟล์ถูกแก้ไข", result.changed),
        ("extra", "ไฟล์เกินมา", result.extra),
    ):
        for name in names:
            print(f"{label_en} / {label_th}: {name}")
    if result.ok:
        print(f"OK: all {result.checked} files complete and unchanged / ไฟล์ครบทั้ง {result.checked} ไฟล์และไม่ถูกแก้ไข")
        return EXIT_OK
    print(
        f"FAILED: {len(result.missing)} missing, {len(result.changed)} changed, {len(result.extra)} extra / "
        f"ไม่ผ่าน: หายไป {len(result.missing)} แก้ไข {len(result.changed)} เกินมา {len(result.extra)} ไฟล์",
        file=sys.stderr,
    )
    return EXIT_INVALID


def cmd_synth(args: argparse.Namespace) -> int:
    """Write a synthetic database of N entries (for benchmarks; never commit it)."""
    from .synth import output_problem, synthesize

    start = time.perf_counter()
    refused = output_problem(Path(args.out).resolve())
    if refused:  # `--out .` must never delete the repository
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    count = synthesize(Path(args.root), Path(args.out), args.entries, seed=args.seed)
    print(f"wrote {count} synthetic entries into {args.out} in {time.perf_counter() - start:.1f} s")
    return EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    """Check that every web address in the database still answers (needs the network)."""
    from .linkcheck import check_external_links, is_failure, seems_offline

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    links, results, problems = check_external_links(
        Path(args.root), timeout=args.timeout, workers=args.workers, per_host=args.per_host, progress=progress
    )
    if seems_offline(results):  # not one broken link in the database: no network here
        print(
            f"No host name resolved for any of the {len(results)} addresses: this machine seems to have no network. "
            "Nothing was concluded about the links; run the command again when online.\n"
            f"    ค้นหาชื่อโฮสต์ของที่อยู่ทั้ง {len(results)} รายการไม่ได้เลย เครื่องนี้น่าจะไม่ได้ต่ออินเทอร์เน็ต "
            "จึงยังสรุปไม่ได้ว่าลิงก์ใดเสีย กรุณารันคำสั่งนี้อีกครั้งเมื่อออนไลน์",
            file=sys.stderr,
        )
        return EXIT_USAGE
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
    check.add_argument("paths", nargs="*", help="report only on these files (the whole database is still checked)")
    check.add_argument("--today", type=contrib.date_arg, help="YYYY-MM-DD for date checks and review freshness")
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="regenerate the JSON Schema and field reference")
    schema.set_defaults(func=cmd_schema)

    geography = sub.add_parser("geography", help="regenerate site_config/provinces.yaml from geothai")
    geography.set_defaults(func=cmd_geography)

    build = sub.add_parser("build", help="build the bilingual site / สร้างเว็บไซต์")
    build.add_argument("--out", default="site", help="output folder (default: site)")
    build.add_argument("--base-url", default="", help="public URL of the site, for canonical links and feeds")
    build.set_defaults(func=cmd_build)

    offline = sub.add_parser("offline", help="build the offline edition (zip + Kiwix ZIM) / สร้างฉบับออฟไลน์")
    offline.add_argument("--out", required=True, help="folder for the zip and the .zim")
    cut = offline.add_mutually_exclusive_group()
    cut.add_argument("--region", help="only the entries of one region (id from site_config/regions.yaml)")
    cut.add_argument("--province", help="only the entries of one province (id from site_config/provinces.yaml)")
    offline.add_argument("--base-url", default="", help="public URL of the online site, for canonical links")
    offline.add_argument("--no-zim", action="store_true", help="write only the zip")
    offline.set_defaults(func=cmd_offline)

    verify = sub.add_parser("verify", help="check a copy of the offline edition / ตรวจสอบสำเนาฉบับออฟไลน์")
    verify.add_argument("path", help="the edition's zip or an unzipped folder")
    verify.set_defaults(func=cmd_verify)

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

    contrib.register(sub)  # new, import, diff, translations
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; internal failures print a short message, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    root = Path(args.root)
    if args.command != "verify" and not (root / "site_config").is_dir():  # verify alone reads no database
        print(
            f"{root.resolve()}: no database here (no site_config/ folder). Run the command in the repository's "
            "folder, or name that folder with --root.\n"
            f"    {root.resolve()}: ไม่พบฐานข้อมูล (ไม่มีโฟลเดอร์ site_config/) กรุณารันคำสั่งในโฟลเดอร์ของที่เก็บข้อมูล "
            "หรือระบุโฟลเดอร์นั้นด้วย --root",
            file=sys.stderr,
        )
        return EXIT_USAGE
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
