"""`python -m generator import entries.xlsx|.csv`: one row per entry → entry files, checked like `check`.

Columns come from the schema (`fields.columns()`): `title.th`, `keywords.en`, `holders.name.th` …
A header cell may be the column key, its Thai header or its English header; the template has the Thai
header in row 1 and the key in row 2. Several values in one cell: one per line (Alt+Enter) or separated
by `;` (`,` too for ids). In the columns of a list of groups (holders, images …) the n-th value of each
column belongs to the n-th item. A choice may be written as its id or as its exact Thai or English label.

Each row becomes YAML text that the same validator as `check` reads, together with the existing database
(duplicate ids, references, images, folders). A row with an error gets no file; good rows are written
atomically and never over an existing file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import create_text, replace_bytes
from ..database.fieldtypes import Choice, EntryRef, Identifier, Integer, Markdown
from ..database.load import ENTRIES_DIR, ENTRY_SUFFIX, EntryFile
from ..database.reference import ReferenceData
from ..database.suggest import Options, did_you_mean, guess_hint
from ..database.validate import check_database
from ..diagnostics import Problem, Severity
from .fields import Column, columns, strip_indices
from .yamlwrite import dump_entry

TEMPLATE_SHEET, HELP_SHEET, CHOICES_SHEET = "entries", "help", "choices"
_SPLIT = re.compile(r"\s*(?:\n|;)\s*")
_SPLIT_IDS = re.compile(r"\s*(?:\n|;|,)\s*")
_THAI = re.compile("[\u0e00-\u0e7f]")


class SheetError(Exception):
    """The file or its header cannot be used at all; the message is in English and Thai."""


@dataclass
class Sheet:
    """The cells of one sheet, as read; `where` names it in messages (`entries.xlsx:Sheet1`)."""

    where: str
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --- reading ---


def read_xlsx(path: Path, display: str, sheet_name: str | None = None) -> Sheet:
    """The values of one worksheet (the first, unless named), formulas as their last computed values."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetError(
            f"{display}: cannot be read as an .xlsx workbook ({exc}). In Excel use Save As → Excel Workbook (.xlsx).\n"
            f"    อ่านไฟล์ {display} เป็น .xlsx ไม่ได้ กรุณาบันทึกใหม่ใน Excel: Save As → Excel Workbook (.xlsx)"
        ) from None
    try:
        names = workbook.sheetnames
        if sheet_name is not None and sheet_name not in names:
            raise SheetError(
                f"{display} has no sheet {sheet_name!r}; it has: {', '.join(names)}\n"
                f"    ไม่พบชีต {sheet_name!r} ใน {display} มีเฉพาะ: {', '.join(names)}"
            )
        ws = workbook[sheet_name or names[0]]
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        return Sheet(f"{display}:{ws.title}", rows)
    finally:
        workbook.close()


def decode_csv(data: bytes, display: str) -> tuple[str, list[str]]:
    """CSV bytes as text: UTF-8 with or without BOM, or Thai Windows-874 (said in a note); UTF-16 is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SheetError(
            f"{display} is UTF-16 (Excel's 'Unicode Text'). Save it as 'CSV UTF-8 (Comma delimited)'.\n"
            f"    ไฟล์ {display} เป็น UTF-16 กรุณาบันทึกใหม่เป็น 'CSV UTF-8 (Comma delimited)'"
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise SheetError(
            f"{display} is neither UTF-8 nor Thai Windows-874. Save it as 'CSV UTF-8 (Comma delimited)'.\n"
            f"    ไฟล์ {display} ไม่ใช่ UTF-8 หรือ Windows-874 กรุณาบันทึกใหม่เป็น 'CSV UTF-8 (Comma delimited)'"
        ) from None
    if not _THAI.search(text):
        raise SheetError(
            f"{display} is not UTF-8. Save it as 'CSV UTF-8 (Comma delimited)'.\n"
            f"    ไฟล์ {display} ไม่ใช่ UTF-8 กรุณาบันทึกใหม่เป็น 'CSV UTF-8 (Comma delimited)'"
        )
    return text, [
        f"note: {display} was read as Thai Windows-874 (cp874), not UTF-8; next time save as 'CSV UTF-8'.\n"
        f"    หมายเหตุ: อ่าน {display} เป็นรหัสภาษาไทย Windows-874 ครั้งต่อไปกรุณาบันทึกเป็น 'CSV UTF-8'"
    ]


def read_csv(path: Path, display: str) -> Sheet:
    """The rows of a CSV file (comma, semicolon or tab separated)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"{display}: {exc.strerror}\n    อ่านไฟล์ {display} ไม่ได้") from None
    text, notes = decode_csv(data, display)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return Sheet(f"{display}:{path.stem}", rows, notes)


def read_sheet(path: Path, display: str, sheet_name: str | None = None) -> Sheet:
    """A spreadsheet by its extension: .xlsx or .csv."""
    if not path.is_file():
        raise SheetError(f"{display}: no such file.\n    ไม่พบไฟล์ {display}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, display, sheet_name)
    if suffix == ".csv":
        return read_csv(path, display)
    raise SheetError(
        f"{display}: use an .xlsx or .csv file (in Excel: Save As → Excel Workbook or CSV UTF-8).\n"
        f"    กรุณาใช้ไฟล์ .xlsx หรือ .csv"
    )


def cell_text(value: Any) -> str | None:
    """A cell as the text an entry file would hold; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    text = text.strip()
    return text or None


# --- headers ---


def _norm(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).casefold()


def _header_names(cols: Sequence[Column]) -> dict[str, Column]:
    names: dict[str, Column] = {}
    for col in cols:
        for name in (col.label_th, col.label_en, col.key):
            names.setdefault(_norm(name), col)
    return names


def map_header(sheet: Sheet, cols: Sequence[Column]) -> tuple[dict[int, Column], int]:
    """Which column of the sheet is which field, and the index of the first data row (one or two header rows)."""
    if not sheet.rows:
        raise SheetError(f"{sheet.where} is empty.\n    ชีต {sheet.where} ว่างเปล่า")
    names = _header_names(cols)
    keys = [c.key for c in cols]

    def read_row(row: list[Any], strict: bool) -> dict[int, Column] | None:
        mapping: dict[int, Column] = {}
        for index, value in enumerate(row):
            text = cell_text(value)
            if text is None:
                continue
            col = names.get(_norm(text))
            if col is None:
                if not strict:
                    return None
                hint, hint_th = guess_hint(did_you_mean(text, keys))
                cell = f"{sheet.where}!{column_letter(index)}1"
                raise SheetError(
                    f'{cell}: "{text}" is not a column of an entry.{hint} The help sheet of '
                    "`python -m generator import --template x.xlsx` lists them all.\n"
                    f'    "{text}" ไม่ใช่คอลัมน์ของรายการ{hint_th} ดูรายชื่อคอลัมน์ในชีต help ของแม่แบบ'
                )
            mapping[index] = col
        return mapping

    first = read_row(sheet.rows[0], strict=True) or {}
    if not first:
        raise SheetError(f"{sheet.where}: row 1 has no column headers.\n    แถวที่ 1 ไม่มีหัวคอลัมน์")
    start = 1
    second = read_row(sheet.rows[1], strict=False) if len(sheet.rows) > 1 else None
    if second:
        for index, col in second.items():
            if first.get(index) not in (None, col):
                cell = f"{sheet.where}!{column_letter(index)}2"
                raise SheetError(
                    f"{cell}: the two header rows name different columns ({first[index].key}, {col.key}).\n"
                    f"    หัวคอลัมน์สองแถวไม่ตรงกัน ({first[index].key}, {col.key})"
                )
        first = {**second, **first}
        start = 2
    seen: dict[str, int] = {}
    for index, col in sorted(first.items()):
        if col.key in seen:
            raise SheetError(
                f"{sheet.where}: columns {column_letter(seen[col.key])} and {column_letter(index)} "
                f"are both {col.key}.\n"
                f"    คอลัมน์ {column_letter(seen[col.key])} และ {column_letter(index)} ซ้ำกัน ({col.key})"
            )
        seen[col.key] = index
    for number, row in enumerate(sheet.rows[start:], start=start + 1):
        for index, value in enumerate(row):
            if index not in first and cell_text(value) is not None:
                raise SheetError(
                    f"{sheet.where}!{column_letter(index)}{number}: a value in a column without a header.\n"
                    f"    มีข้อมูลในคอลัมน์ที่ไม่มีหัวคอลัมน์"
                )
    return first, start


# --- rows → entries ---


def _labels(reference: ReferenceData) -> dict[str, dict[str, str]]:
    """For each reference list, its labels (Thai and English, normalised) → id; ambiguous labels left out."""
    found: dict[str, dict[str, set[str]]] = {}
    for source, options in reference.choices().items():
        for ident, names in (options.names if isinstance(options, Options) else {}).items():
            for label in names:
                found.setdefault(source, {}).setdefault(_norm(label), set()).add(ident)
    return {s: {label: next(iter(ids)) for label, ids in m.items() if len(ids) == 1} for s, m in found.items()}


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


@dataclass
class Row:
    """One data row: its spreadsheet row number, the entry it makes, and its problems."""

    number: int
    data: dict[str, Any]
    text: str = ""
    file: EntryFile | None = None
    problems: list[tuple[Problem, Column | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the row has no error (warnings allowed)."""
        return not any(p.is_error for p, _ in self.problems)


def row_data(row: list[Any], mapping: dict[int, Column], labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One row as an entry mapping: lists split, groups aligned by position, choice labels turned into ids."""
    data: dict[str, Any] = {}
    groups: dict[str, list[dict[str, Any]]] = {}

    def value_of(col: Column, text: str) -> str:
        choice = col.choice
        if choice is not None:
            return labels.get(choice.source, {}).get(_norm(text), text)
        return text

    for index, col in sorted(mapping.items()):
        text = cell_text(row[index]) if index < len(row) else None
        if text is None:
            continue
        ids = isinstance(col.type, (Choice, EntryRef, Identifier))
        if col.many:
            parts = (_SPLIT_IDS if ids else _SPLIT).split(text)
            _set(data, col.key, [value_of(col, p) for p in parts if p])
        elif col.group is not None:
            items = groups.setdefault(col.group, [])
            parts = (_SPLIT_IDS if ids else _SPLIT).split(text)
            while parts and not parts[-1]:
                parts.pop()
            for n, part in enumerate(parts):
                while len(items) <= n:
                    items.append({})
                if part:
                    _set(items[n], col.in_group, value_of(col, part))
        else:
            _set(data, col.key, value_of(col, text))
    for group, items in groups.items():
        _set(data, group, items)
    return data


def _virtual_file(root: Path, where: str, number: int, data: dict[str, Any]) -> EntryFile:
    """Where the row's entry would be written, shown as the row in messages."""
    inst = data.get("institution")
    folder = inst if isinstance(inst, str) and Identifier.is_valid(inst) else "_"
    ident = data.get("id")
    stem = ident if isinstance(ident, str) and Identifier.is_valid(ident) else f"row-{number}"
    path = root / ENTRIES_DIR / folder / f"{stem}{ENTRY_SUFFIX}"
    return EntryFile(path, f"{where}!{number}", folder)


def column_of(problem_field: str, cols: Sequence[Column]) -> Column | None:
    """The sheet column a problem's field belongs to (the first column of a group for a missing group)."""
    key = strip_indices(problem_field)
    for col in cols:
        if col.key == key:
            return col
    return next((c for c in cols if c.key.startswith(key + ".")), None)


def check_rows(root: Path, sheet: Sheet, rows: list[Row], cols: Sequence[Column], today: dt.date) -> list[Problem]:
    """Validate every row with the database's own checks; repeat without failed rows until the rest holds.

    Returns problems that stop the whole import (site_config/ errors).
    """
    pending = list(rows)
    while pending:
        by_display = {}
        extra = []
        for row in pending:
            row.problems = []
            row.text = dump_entry(row.data)
            row.file = _virtual_file(root, sheet.where, row.number, row.data)
            by_display[row.file.display] = row
            extra.append((row.file, row.text))
        _, _, problems = check_database(root, today=today, extra=extra)
        if any(p.path.startswith("site_config/") and p.is_error for p in problems):
            return [p for p in problems if p.path.startswith("site_config/")]
        for problem in problems:
            target = by_display.get(problem.path)
            if target is not None:
                target.problems.append((problem, column_of(problem.field, cols)))
        failed = [r for r in pending if not r.ok]
        if not failed:
            break
        # A good row may have leaned on a failed one (a `related` id): check the rest again without them.
        pending = [r for r in pending if r.ok]
    return []


def format_row_problem(where: str, number: int, problem: Problem, col: Column | None, letters: dict[str, str]) -> str:
    """`entries.xlsx:Sheet1!D7: error[code] field: message` and the Thai line with row, column and header."""
    letter = letters.get(col.key, "") if col else ""
    field_part = f" {problem.field}:" if problem.field else ""
    head = f"{where}!{letter}{number}: {problem.severity.value}[{problem.code}]{field_part} {problem.message_en}"
    if col is None:
        place = f"แถว {number}"
    elif letter:
        place = f"แถว {number} คอลัมน์ {letter} «{col.label_th}»"
    else:
        place = f"แถว {number} ไม่มีคอลัมน์ {col.key} «{col.label_th}» ในชีต"
        head += f" (the sheet has no column {col.key})"
    return f"{head}\n    {problem.message_th} ({place})"


@dataclass
class ImportResult:
    """What an import did: files written (root-relative), and the report lines."""

    written: list[str] = field(default_factory=list)
    failed_rows: int = 0
    lines: list[str] = field(default_factory=list)


def import_sheet(
    root: Path, sheet: Sheet, reference: ReferenceData, today: dt.date, *, dry_run: bool = False
) -> ImportResult:
    """Turn the rows of a sheet into entry files; rows with errors are reported and get no file."""
    cols = columns()
    mapping, start = map_header(sheet, cols)
    letters = {col.key: column_letter(index) for index, col in mapping.items()}
    labels = _labels(reference)
    rows = [
        Row(number, row_data(values, mapping, labels))
        for number, values in enumerate(sheet.rows[start:], start=start + 1)
        if any(cell_text(v) is not None for v in values)
    ]
    result = ImportResult(lines=list(sheet.notes))
    stop = check_rows(root, sheet, rows, cols, today)
    if stop:
        from ..diagnostics import format_text

        result.lines += [format_text(p) for p in stop]
        result.failed_rows = len(rows)
        return result
    for row in rows:
        order = {col.key: index for index, col in mapping.items()}
        for problem, col in sorted(
            row.problems,
            key=lambda pc: (pc[0].severity is not Severity.ERROR, order.get(pc[1].key, 9999) if pc[1] else -1),
        ):
            result.lines.append(format_row_problem(sheet.where, row.number, problem, col, letters))
        if not row.ok:
            result.failed_rows += 1
            continue
        assert row.file is not None
        rel = f"{ENTRIES_DIR}/{row.file.folder}/{row.file.path.name}"
        if dry_run:
            result.written.append(rel)
            continue
        try:
            create_text(root / rel, row.text)
        except FileExistsError:
            result.lines.append(
                f"{sheet.where}!{row.number}: {rel} appeared meanwhile; not overwritten.\n"
                f"    มีไฟล์ {rel} อยู่แล้ว ไม่ได้เขียนทับ"
            )
            result.failed_rows += 1
            continue
        result.written.append(rel)
    return result


# --- the template ---


def _choice_options(reference: ReferenceData, source: str) -> list[tuple[str, str, str]]:
    if source == "institutions":
        return [(i.id, i.short.th, i.short.get("en")) for i in reference.institutions.values()]
    if source == "provinces":
        return [(p.id, p.name.th, p.name.get("en")) for p in reference.provinces.values()]
    return [(t.id, t.label.th, t.label.get("en")) for t in reference.taxonomies.get(source, {}).values()]


def _requirement(col: Column) -> tuple[str, str]:
    """Who must fill a column in, in Thai and English, for the help sheet."""
    from ..database.schema import KINDS

    needed = [k for k in KINDS if k in col.kinds and col.required_for(k)]
    only = "" if col.kinds == frozenset(KINDS) else ", ".join(sorted(col.kinds))
    if needed and len(needed) == len(KINDS):
        return "ต้องมี", "required"
    if needed:
        return f"ต้องมีสำหรับ {', '.join(needed)}", f"required for {', '.join(needed)}"
    if only:
        return f"ไม่บังคับ (ใช้ได้เฉพาะ {only})", f"optional (only for {only})"
    return "ไม่บังคับ", "optional"


HELP_INTRO = [
    ("วิธีกรอก · How to fill in", ""),
    ("หนึ่งแถวต่อหนึ่งรายการ เริ่มที่แถว 3 ของชีต entries", "One row per entry, from row 3 of the entries sheet."),
    (
        "หลายค่าในช่องเดียว: ขึ้นบรรทัดใหม่ (Alt+Enter) หรือคั่นด้วย ;",
        "Several values in one cell: one per line (Alt+Enter) or separated by ;",
    ),
    (
        "คอลัมน์ของกลุ่ม (เช่น holders.name.th กับ holders.role.th): ค่าลำดับที่ n ของทุกคอลัมน์เป็นของคนที่ n",
        "Columns of a group (e.g. holders.name.th, holders.role.th): the n-th value of each is the n-th item's.",
    ),
    (
        "ช่องตัวเลือก: เลือกจากรายการ หรือพิมพ์รหัส/ชื่อตามชีต choices",
        "Choice cells: pick from the list, or type an id or a label from the choices sheet.",
    ),
    ("วันที่: ปปปป-ดด-วว แบบคริสต์ศักราช เช่น 2024-03-15", "Dates: YYYY-MM-DD in the Common Era, e.g. 2024-03-15."),
    (
        "หัวคอลัมน์สีส้ม = ต้องมี สีเขียว = เฉพาะภูมิปัญญาท้องถิ่น สีฟ้า = ไม่บังคับ",
        "Orange headers: required; green: local wisdom only; blue: optional.",
    ),
    (
        "นำเข้า: python -m generator import ไฟล์.xlsx (แถวที่มีข้อผิดพลาดจะไม่ถูกสร้างไฟล์)",
        "Import: python -m generator import file.xlsx (rows with errors get no file).",
    ),
]


def template_rows(reference: ReferenceData) -> tuple[list[Column], list[list[str]]]:
    """The template's columns and its help-sheet rows (key, Thai header, English header, need, type, example)."""
    cols = columns()
    help_rows = [["key", "หัวคอลัมน์ (ไทย)", "header (English)", "ต้องมี? · required?", "ชนิด · type", "เช่น · e.g."]]
    for col in cols:
        need_th, need_en = _requirement(col)
        example = col.chain[-1].example
        help_rows.append(
            [
                col.key,
                col.label_th,
                col.label_en,
                f"{need_th} · {need_en}",
                f"{col.type.doc_th} · {col.type.doc_en}" + (" (หลายค่า · several)" if col.many or col.group else ""),
                "" if example is None else str(example),
            ]
        )
    return cols, help_rows


def write_template(path: Path, reference: ReferenceData) -> None:
    """Write the template (.xlsx with help and choices sheets, or .csv with the two header rows)."""
    cols, help_rows = template_rows(reference)
    if path.suffix.lower() == ".csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.label_th for c in cols])
        writer.writerow([c.key for c in cols])
        replace_bytes(path, codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8"))
        return
    replace_bytes(path, _xlsx_bytes(cols, help_rows, reference))


def _xlsx_bytes(cols: list[Column], help_rows: list[list[str]], reference: ReferenceData) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..database.schema import KINDS

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = TEMPLATE_SHEET
    fills = {
        "required": PatternFill("solid", fgColor="FCD9B6"),
        "only": PatternFill("solid", fgColor="D5ECD4"),
        "optional": PatternFill("solid", fgColor="DCE9F5"),
    }
    wrap = Alignment(wrap_text=True, vertical="top")
    choices_ws = wb.create_sheet(CHOICES_SHEET)
    choice_ranges: dict[str, str] = {}
    next_col = 1
    for col in cols:
        choice = col.choice
        if choice is None or choice.source in choice_ranges:
            continue
        options = _choice_options(reference, choice.source)
        letter = column_letter(next_col - 1)
        choices_ws.cell(1, next_col, f"{choice.source} (ไทย)").font = Font(bold=True)
        choices_ws.cell(1, next_col + 1, "id").font = Font(bold=True)
        choices_ws.cell(1, next_col + 2, "English").font = Font(bold=True)
        for n, (ident, th, en) in enumerate(options, start=2):
            choices_ws.cell(n, next_col, th)
            choices_ws.cell(n, next_col + 1, ident)
            choices_ws.cell(n, next_col + 2, en)
        for offset, width in ((0, 28), (1, 24), (2, 28)):
            choices_ws.column_dimensions[column_letter(next_col - 1 + offset)].width = width
        choice_ranges[choice.source] = f"{CHOICES_SHEET}!${letter}$2:${letter}${len(options) + 1}"
        next_col += 4
    for index, col in enumerate(cols, start=1):
        letter = column_letter(index - 1)
        required = any(col.required_for(k) for k in KINDS if k in col.kinds)
        kind = "only" if col.kinds != frozenset(KINDS) else ("required" if required else "optional")
        for row, text in ((1, col.label_th), (2, col.key)):
            cell = ws.cell(row, index, text)
            cell.font = Font(bold=row == 1)
            cell.fill = fills[kind]
            cell.alignment = wrap
        wide = isinstance(col.type, Markdown) or col.key.startswith(("summary.", "title."))
        ws.column_dimensions[letter].width = 40 if wide else 22
        if not isinstance(col.type, Integer):
            ws.column_dimensions[letter].number_format = "@"  # keep leading zeros of phone numbers and codes
        choice = col.choice
        if choice is not None and not col.many and col.group is None:
            validation = DataValidation(type="list", formula1=f"={choice_ranges[choice.source]}", allow_blank=True)
            validation.showErrorMessage = False  # an id typed by hand is fine too
            ws.add_data_validation(validation)
            validation.add(f"{letter}3:{letter}1000")
    ws.row_dimensions[1].height = 60
    ws.freeze_panes = "B3"
    help_ws = wb.create_sheet(HELP_SHEET)
    for th, en in HELP_INTRO:
        help_ws.append([th, en])
    help_ws.cell(1, 1).font = Font(bold=True)
    help_ws.append([])
    for n, values in enumerate(help_rows):
        help_ws.append(values)
        if n == 0:
            for cell in help_ws[help_ws.max_row]:
                cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (40, 50, 50, 30, 50, 20), strict=True):
        help_ws.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible_zip(buffer.getvalue())


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible_zip(data: bytes) -> bytes:
    """The same workbook bytes for the same schema: fixed timestamps inside and on every zip member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", content)
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, content)
    return out.getvalue()


def template_keys(path: Path) -> list[str]:
    """The column keys (row 2) of a template file, to compare it with the schema."""
    sheet = read_sheet(path, path.name, TEMPLATE_SHEET if path.suffix.lower() == ".xlsx" else None)
    return [str(v) for v in sheet.rows[1] if v is not None]


def summarize(result: ImportResult) -> str:
    """The closing line: files written and rows refused, in English and Thai."""
    n, bad = len(result.written), result.failed_rows
    return (
        f"{n} file(s) written, {bad} row(s) with errors (no file for them) / "
        f"สร้างไฟล์ {n} ไฟล์ แถวที่มีข้อผิดพลาด {bad} แถว (ไม่ได้สร้างไฟล์)"
    )
