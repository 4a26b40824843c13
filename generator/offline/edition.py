"""Assemble the offline edition: build the site, add the start page and checksums, check every path, then write a
deterministic zip and a ZIM. Outputs appear in the target folder only when everything succeeded.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..atomic import not_a_folder
from ..database.catalog import Catalog
from ..database.cut import Cut, apply_cut
from ..database.validate import check_database
from ..site.build import build_site, source_date_epoch
from ..site.links import check_links
from . import checksums, paths, startpage

PROJECT = "techclinic"
START_PAGE = "index.html"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01: the earliest time a zip entry can record
# Already-compressed formats are stored, not deflated again: no gain, only time.
_STORED = frozenset({".png", ".jpg", ".jpeg", ".webp", ".woff2", ".gz", ".zip", ".pdf"})
ZIM_DESCRIPTION = "เทคโนโลยีและภูมิปัญญาท้องถิ่นจากเครือข่ายคลินิกเทคโนโลยี (Thai & English)"  # ≤ 80, ZIM spec


@dataclass(frozen=True)
class EditionFile:
    """One file of the edition and its size."""

    path: str
    size: int


def selection(cut: Cut | None) -> str:
    """`all`, `region-north` or `province-chiang-mai`: part of every output name."""
    return "all" if cut is None else f"{cut.kind}-{cut.id}"


def edition_stem(cut: Cut | None, date: dt.date) -> str:
    """The name of the top folder, the zip and the ZIM (without extension)."""
    return f"{PROJECT}-offline-{selection(cut)}-{date.isoformat()}"


def _human(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """Zip `folder` under its own name, byte-identical for identical files.

    Entries are sorted, every timestamp is the data's date (SOURCE_DATE_EPOCH), permissions are fixed (0644, made
    on "Unix") and no directory entries or extra fields are written, so nothing about the build machine or the
    time of the build gets in.
    """
    stamp = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            stored = path.suffix.lower() in _STORED
            method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compress_type=method, compresslevel=None if stored else 9)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _finish_folder(top: Path, catalog: Catalog, cut: Cut | None, date: dt.date, zim_name: str) -> int:
    """Start page, link check, path check, checksum file; 0 when the folder is ready to zip."""
    (top / START_PAGE).write_text(startpage.start_page(catalog, cut, date, zim_name), encoding="utf-8")
    broken = check_links(top)
    if broken:
        return _fail("edition has broken links / ฉบับออฟไลน์มีลิงก์เสีย:\n" + "\n".join(map(str, broken[:20])))
    relative = [f"{top.name}/{p.relative_to(top).as_posix()}" for p in top.rglob("*") if p.is_file()]
    relative.append(f"{top.name}/{checksums.SUMS_NAME}")
    problems = paths.check_paths(relative)
    if problems:
        listing = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … {len(problems) - 50} more" if len(problems) > 50 else ""
        return _fail(
            f"build failed: {len(problems)} path(s) are not safe on FAT32/exFAT, Windows or macOS / "
            f"สร้างไม่สำเร็จ: มี {len(problems)} พาธที่ใช้ไม่ได้บน FAT32/exFAT, Windows หรือ macOS\n{listing}{more}"
        )
    digests = {
        p.relative_to(top).as_posix(): checksums.sha256_bytes(p.read_bytes()) for p in top.rglob("*") if p.is_file()
    }
    (top / checksums.SUMS_NAME).write_text(checksums.sums_text(digests), encoding="utf-8", newline="\n")
    return 0


def make_edition(root: Path, out: Path, *, cut: Cut | None, base_url: str = "", zim: bool = True) -> int:
    """Build the edition into `out` (a zip and, unless zim=False, a ZIM); returns an exit code."""
    start = time.perf_counter()
    out = out.resolve()
    refused = not_a_folder(out)  # the edition's files go into a folder (other files there are kept)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".offline-building-", dir=out))
    try:
        site = staging / "site"
        code = build_site(root, site, base_url=base_url, cut=cut)
        if code != 0:
            return code
        full, _, _ = check_database(root)
        assert full is not None  # build_site succeeded on the same files
        catalog = apply_cut(full, cut)
        epoch = source_date_epoch(catalog)
        date = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
        stem = edition_stem(cut, date)
        outputs: list[Path] = []
        if zim:
            from .zim import ZimInfo, write_zim  # libzim is only needed for ZIM files

            info = ZimInfo(
                name=f"{PROJECT}_mul_{selection(cut)}",
                title=catalog.reference.ui["site_name"].th,
                description=ZIM_DESCRIPTION,
                date=date,
                flavour=selection(cut),
            )
            write_zim(site, staging / f"{stem}.zim", catalog, info)
            outputs.append(staging / f"{stem}.zim")
        top = site.rename(staging / stem)
        code = _finish_folder(top, catalog, cut, date, f"{stem}.zim" if zim else "")
        if code != 0:
            return code
        write_zip(top, staging / f"{stem}.zip", epoch)
        outputs.insert(0, staging / f"{stem}.zip")
        files = [EditionFile(p.relative_to(top).as_posix(), p.stat().st_size) for p in top.rglob("*") if p.is_file()]
        for output in outputs:  # each replaces an older file of the same name in one step
            os.replace(output, out / output.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for output in outputs:
        print(f"wrote {out / output.name}  {(out / output.name).stat().st_size:,} bytes")
    largest = max(files, key=lambda f: (f.size, f.path))
    total = sum(f.size for f in files)
    print(
        f"edition: {len(catalog.entries)} entries, {len(files)} files, {total:,} bytes ({_human(total)}) unzipped; "
        f"largest file {largest.path} {largest.size:,} bytes ({_human(largest.size)}); "
        f"{time.perf_counter() - start:.1f} s"
    )
    return 0
