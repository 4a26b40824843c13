"""The contributor tools' subcommands (new, import, diff, translations) and the extras of `check`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..database.freshness import today as today  # re-exported for `check`
from ..diagnostics import Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def date_arg(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31 / ไม่ใช่วันที่") from None


def _given_path(root: Path, name: str) -> Path:
    """A path from the command line: as typed when it exists from here, else relative to the database root."""
    path = Path(name)
    return root / path if not path.is_absolute() and not path.exists() else path


def path_problems(root: Path, paths: list[str]) -> list[str]:
    """Why `check` cannot report on some of the given paths (missing, or not a file of this database), EN / TH."""
    found: list[str] = []
    for name in paths:
        path = _given_path(root, name)
        if not path.exists():
            found.append(f"{name}: no such file / ไม่พบไฟล์นี้")
            continue
        try:
            top = path.resolve().relative_to(root.resolve()).parts[:1]
        except ValueError:
            found.append(f"{name}: not in the database folder {root.resolve()} / ไม่ได้อยู่ในโฟลเดอร์ฐานข้อมูล")
            continue
        if top not in (("technologies",), ("site_config",), ("content",)):
            found.append(
                f"{name}: check reports on entry files (technologies/), site_config/ and content/ only / "
                "check ตรวจเฉพาะไฟล์รายการ (technologies/) site_config/ และ content/"
            )
    return found


def _entry_file_of(root: Path, name: str) -> str:
    """A path given on the command line as the root-relative entry file it concerns (images → their entry)."""
    path = _given_path(root, name)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return name
    parts = rel.split("/")
    if len(parts) >= 4 and parts[0] == "technologies":  # an image: report on the entry that shows it
        return "/".join(parts[:3]) + ".yaml"
    return rel


def only_wanted(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    """With entry paths, only the problems of those files (and of site_config/); all of them without."""
    wanted = {_entry_file_of(root, p) for p in paths}
    if wanted and not any(w.startswith("site_config/") for w in wanted):  # reference data concerns every entry
        problems = [p for p in problems if p.path in wanted or p.path.startswith("site_config/")]
    return problems


def generated_files(root: Path) -> list[Path]:
    """Rewrite the files that follow the schema and site_config/ for GitHub and spreadsheets."""
    from .github import write_generated

    return write_generated(root)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new commented entry file, asking what the flags did not say."""
    from .new import run_new

    return run_new(args, Path(args.root), today(args.today))


def cmd_import(args: argparse.Namespace) -> int:
    """Turn spreadsheet rows into entry files, or write the template sheet."""
    from ..database.reference import load_reference
    from ..database.validate import SITE_CONFIG_DIR
    from . import spreadsheet

    root = Path(args.root)
    reference, problems = load_reference(root / SITE_CONFIG_DIR)
    if any(p.is_error for p in problems):
        print("site_config/ has errors: run `python -m generator check`.", file=sys.stderr)
        return EXIT_INVALID
    if args.template:
        target = Path(args.template)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            print("--template: name an .xlsx or .csv file / กรุณาระบุไฟล์ .xlsx หรือ .csv", file=sys.stderr)
            return EXIT_USAGE
        spreadsheet.write_template(target, reference)
        print(f"wrote {target} / สร้างแม่แบบ {target} แล้ว")
        return EXIT_OK
    if not args.file:
        print("name a spreadsheet to import, or --template FILE / กรุณาระบุไฟล์ที่จะนำเข้า", file=sys.stderr)
        return EXIT_USAGE
    try:
        sheet = spreadsheet.read_sheet(Path(args.file), args.file, args.sheet)
        result = spreadsheet.import_sheet(root, sheet, reference, today(args.today), dry_run=args.dry_run)
    except spreadsheet.SheetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for line in result.lines:
        print(line)
    verb = "would write" if args.dry_run else "wrote"
    for rel in result.written:
        print(f"{verb} {rel}")
    print(spreadsheet.summarize(result), file=sys.stderr)
    return EXIT_INVALID if result.failed_rows else EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Summarise what changed in the entries between two revisions (or a revision and the working tree)."""
    from . import diff
    from .gitrepo import GitError

    try:
        summary = diff.diff(Path(args.root), args.base, args.head)
    except GitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(diff.format_markdown(summary) if args.format == "markdown" else diff.format_text(summary), end="")
    return EXIT_OK


def cmd_translations(args: argparse.Namespace) -> int:
    """Per institution: entries without English, and English older than its Thai source."""
    from ..database.validate import check_database
    from .translations import format_text, translation_status

    root = Path(args.root)
    catalog, _, _ = check_database(root)
    if catalog is None:
        print("the database has errors: run `python -m generator check` first.", file=sys.stderr)
        return EXIT_INVALID
    print(format_text(translation_status(catalog, root), catalog), end="")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the contributor subcommands to the main parser's subparsers."""
    new = sub.add_parser("new", help="write a new entry file, asking in Thai or English / สร้างไฟล์รายการใหม่")
    new.add_argument("--kind", help="technology or local-wisdom")
    new.add_argument("--institution", help="institution id (the folder under technologies/)")
    new.add_argument("--id", help="entry id (default: made from --title-en)")
    new.add_argument("--title-th", help="title in Thai")
    new.add_argument("--title-en", help="title in English")
    new.add_argument("--category", help="category id")
    new.add_argument("--lang", choices=("th", "en"), default="th", help="language of the questions (default th)")
    new.add_argument("--yes", action="store_true", help="ask nothing: use the flags, TODO for the rest")
    new.add_argument("--today", type=date_arg, help="date_added / date_reviewed (default: today)")
    new.set_defaults(func=cmd_new)

    imp = sub.add_parser("import", help="entry files from a spreadsheet (.xlsx, .csv) / นำเข้าจากตาราง")
    imp.add_argument("file", nargs="?", help="the .xlsx or .csv file, one row per entry")
    imp.add_argument("--sheet", help="worksheet name (default: the first)")
    imp.add_argument("--template", metavar="FILE", help="write an empty template (.xlsx or .csv) instead")
    imp.add_argument("--dry-run", action="store_true", help="check the rows, write nothing")
    imp.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_import)

    diff = sub.add_parser("diff", help="what a change does to the entries / สรุปการเปลี่ยนแปลง")
    diff.add_argument("base", help="git revision to compare with, e.g. origin/main")
    diff.add_argument("head", nargs="?", help="git revision (default: the working tree)")
    diff.add_argument("--format", choices=("text", "markdown"), default="text")
    diff.set_defaults(func=cmd_diff)

    tr = sub.add_parser("translations", help="entries needing English, by institution / สถานะการแปล")
    tr.set_defaults(func=cmd_translations)
