"""Checks across the whole database: ids and file names, folders, references between entries."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..collector import cycle_collector_paused
from ..diagnostics import Problem, sort_problems
from ..parallel import fork_map
from . import freshness
from .catalog import Catalog
from .checkcache import CheckCache
from .content import content_problems
from .load import EntryFile, Found, LoadedEntry, attach, detach, discover, load_entry
from .messages import make_problem
from .reference import ReferenceData, load_reference
from .suggest import did_you_mean, guess_hint

SITE_CONFIG_DIR = "site_config"


def _identity_problems(loaded: list[LoadedEntry]) -> list[Problem]:
    problems: list[Problem] = []
    first_by_id: dict[str, LoadedEntry] = {}
    for item in loaded:
        stem = item.file.path.stem
        if item.id is not None and item.id != stem:
            problems.append(
                make_problem(
                    "id-mismatch",
                    item.file.display,
                    item.id_pos.line,
                    item.id_pos.column,
                    "id",
                    id=item.id,
                    name=item.file.path.name,
                )
            )
        if item.institution is not None and item.institution != item.file.folder:
            problems.append(
                make_problem(
                    "wrong-folder",
                    item.file.display,
                    item.institution_pos.line,
                    item.institution_pos.column,
                    "institution",
                    institution=item.institution,
                    folder=item.file.folder,
                )
            )
        if item.id is not None:
            other = first_by_id.get(item.id)
            if other is not None:
                problems.append(
                    make_problem(
                        "duplicate-id",
                        item.file.display,
                        item.id_pos.line,
                        item.id_pos.column,
                        "id",
                        id=item.id,
                        other=other.file.display,
                    )
                )
            else:
                first_by_id[item.id] = item
    return problems


def _case_collisions(paths: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(paths):
        key = path.casefold()
        if key in seen and seen[key] != path:
            problems.append(make_problem("case-collision", path, 1, 1, name=path, other=seen[key]))
        seen.setdefault(key, path)
    return problems


def _reference_problems(loaded: list[LoadedEntry], kinds: dict[str, str | None]) -> list[Problem]:
    problems: list[Problem] = []
    known = sorted(kinds)
    for item in loaded:
        for use in item.entry_refs:
            where = (item.file.display, use.pos.line, use.pos.column, use.field)
            if use.value == item.id:
                problems.append(make_problem("self-reference", *where))
            elif use.value not in kinds:
                candidates = [k for k in known if use.kinds is None or kinds[k] in use.kinds]
                hint, hint_th = guess_hint(did_you_mean(use.value, candidates))
                problems.append(make_problem("unknown-entry", *where, value=use.value, hint=hint, hint_th=hint_th))
            elif use.kinds is not None and kinds[use.value] is not None and kinds[use.value] not in use.kinds:
                problems.append(
                    make_problem(
                        "entry-wrong-kind",
                        *where,
                        value=use.value,
                        found=kinds[use.value],
                        expected=", ".join(sorted(use.kinds)),
                    )
                )
    return problems


PARALLEL_THRESHOLD = 400  # below this, starting worker processes costs more than it saves

# What every worker needs besides its files (forked workers inherit it): choices, date, the cache or None.
_SETTINGS: tuple[dict[str, list[str]], dt.date, CheckCache | None] | None = None

Outcome = tuple[bytes | None, bytes | None]  # a file's cache key and its pickled result (None: the cache has it)


def _load_chunk(files: Sequence[EntryFile]) -> list[Outcome]:
    """Key, and unless the cache already holds it, load and pickle each file (pickled here, on every core)."""
    assert _SETTINGS is not None
    choices, today, cache = _SETTINGS
    choice_cache: dict[str, frozenset[str]] = {}
    outcomes: list[Outcome] = []
    for file in files:
        data, key = cache.read(file) if cache is not None else (None, None)
        if cache is not None and cache.kept(file.display, key) is not None:
            outcomes.append((key, None))
            continue
        # The bytes the key was made from are the bytes checked: a file saved again meanwhile cannot mix them.
        found = load_entry(file, choices, today, choice_cache, data=data)
        outcomes.append((key, pickle.dumps(detach(found), protocol=pickle.HIGHEST_PROTOCOL)))
    return outcomes


def _load_all(
    files: list[EntryFile], choices: dict[str, list[str]], today: dt.date, cache: CheckCache | None
) -> list[Found]:
    """Load every entry file, on all cores when there are many, in the order of `files`.

    With a cache, a file unchanged since it was checked is not loaded again (its key is still worked out by
    the workers, in parallel), and fresh results are kept for next time.
    """
    global _SETTINGS
    _SETTINGS = (choices, today, cache)
    try:
        # Small chunks: results stream back while the workers go on.
        outcomes = fork_map(_load_chunk, files, min_items=PARALLEL_THRESHOLD, chunks_per_worker=16)
        results: list[Found] = []
        for file, (key, blob) in zip(files, outcomes, strict=True):
            fresh = blob is not None
            if blob is None:
                assert cache is not None
                blob = cache.kept(file.display, key)
                assert blob is not None
            found = attach(file, pickle.loads(blob))
            if fresh and cache is not None:
                cache.put(file.display, key, blob, found[0].holds)
            results.append(found)
    finally:
        _SETTINGS = None
    if cache is not None:
        cache.keep_only({file.display for file in files})
        cache.save()
    return results


@dataclass
class CheckReport:
    """What checking the whole database found: every file's outcome and every problem, sorted."""

    reference: ReferenceData
    loaded: list[LoadedEntry]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)

    @property
    def valid_entries(self) -> int:
        """How many files hold a valid entry (counted without unpickling them)."""
        return sum(1 for item in self.loaded if item.stored is not None)

    def catalog(self) -> Catalog | None:
        """The catalog of every entry, or None when there are errors."""
        if not self.ok:
            return None
        return Catalog(self.reference, [item.entry for item in self.loaded if item.entry is not None])


def check_database(
    root: Path,
    *,
    today: dt.date | None = None,
    extra: Sequence[tuple[EntryFile, str]] = (),
    use_cache: bool = False,
) -> tuple[Catalog | None, ReferenceData, list[Problem]]:
    """Load and validate everything under `root`; the catalog is None when there are errors.

    `extra` adds entries that are not files yet (path, text), checked after the files on disk (spreadsheet import).
    `use_cache` reuses the results of files unchanged since the last check (see checkcache.py).
    """
    with cycle_collector_paused():
        report = check_report(root, today=today, extra=extra, use_cache=use_cache)
        return report.catalog(), report.reference, report.problems


def check_report(
    root: Path,
    *,
    today: dt.date | None = None,
    extra: Sequence[tuple[EntryFile, str]] = (),
    use_cache: bool = False,
) -> CheckReport:
    """check_database without making the catalog: for `check`, which only reports."""
    with cycle_collector_paused():
        return _check(root, freshness.today(today), extra, use_cache)


def _check(root: Path, today: dt.date, extra: Sequence[tuple[EntryFile, str]], use_cache: bool) -> CheckReport:
    reference, problems = load_reference(root / SITE_CONFIG_DIR)
    if any(p.is_error for p in problems):
        return CheckReport(reference, [], sort_problems(problems))
    files, all_paths, found = discover(root)
    problems.extend(found)
    problems.extend(content_problems(root))
    problems.extend(_case_collisions(all_paths))
    choices = reference.choices()
    loaded: list[LoadedEntry] = []
    cache = CheckCache.open(root, today) if use_cache else None
    results = _load_all(files, choices, today, cache)
    for item, file_problems in results:
        loaded.append(item)
        problems.extend(file_problems)
    for file, text in extra:
        item, file_problems = load_entry(file, choices, today, text=text)
        loaded.append(item)
        problems.extend(file_problems)
    problems.extend(_identity_problems(loaded))
    kinds = {item.id: item.kind for item in loaded if item.id is not None}
    problems.extend(_reference_problems(loaded, kinds))
    return CheckReport(reference, loaded, sort_problems(problems))
