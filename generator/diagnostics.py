"""The one problem type every stage returns, and its formatters (text, GitHub annotations, JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors fail `check`, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file, explained in English and Thai."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    field: str
    message_en: str
    message_th: str

    @property
    def is_error(self) -> bool:
        """True when this problem fails the check."""
        return self.severity is Severity.ERROR


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order problems by file, then position, then code, for stable output."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.code, p.field))


def format_text(problem: Problem) -> str:
    """`path:line:col: error[code] field: message` with the Thai message on the next line."""
    where = f"{problem.path}:{problem.line}:{problem.column}"
    field = f" {problem.field}:" if problem.field else ""
    return f"{where}: {problem.severity.value}[{problem.code}]{field} {problem.message_en}\n    {problem.message_th}"


def _github_escape(text: str, *, property_: bool = False) -> str:
    """Escape text for a GitHub workflow command (percent, newlines, and in properties ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problem: Problem) -> str:
    """A GitHub Actions annotation that shows on the pull request's changed line."""
    props = ",".join(
        [
            f"file={_github_escape(problem.path, property_=True)}",
            f"line={problem.line}",
            f"col={problem.column}",
            f"title={_github_escape(f'{problem.code} {problem.field}'.strip(), property_=True)}",
        ]
    )
    body = _github_escape(f"{problem.message_en}\n{problem.message_th}")
    return f"::{problem.severity.value} {props}::{body}"


# One encoder for every line: json.dumps with any option set builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def format_json(problems: Iterable[Problem]) -> str:
    """All problems as a JSON array (UTF-8, Thai unescaped)."""
    # One problem per line: easy to read and to diff, and each line is encoded by json's C encoder (indent= is
    # pure Python: 0.6 s for the 12,000 warnings of a 10,000-entry database). The fields are read from the
    # instance dict, in declaration order (dataclasses.asdict deep-copies: 10x slower for thousands).
    rows = [_ENCODER.encode(vars(p) | {"severity": p.severity.value}) for p in problems]
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def summary(problems: list[Problem]) -> tuple[str, str]:
    """A closing line in English and in Thai that counts errors and warnings."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    return (
        f"{errors} error(s), {warnings} warning(s)",
        f"ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ",
    )
