"""The check cache (generator/database/checkcache.py): unchanged files are not checked again, and every input of a
result invalidates it — the file, its images, site_config/, the date."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.database import checkcache, load, validate
from generator.database.validate import check_database

from .conftest import DATA, REPO, TODAY, make_repo


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually parsed and checked, in order; the cache lives in this test's own folder."""
    monkeypatch.setenv("TC_CHECK_CACHE", str(tmp_path / "cache"))
    seen: list[str] = []
    real = load.load_entry

    def spy(file: load.EntryFile, *args: object, **kwargs: object) -> object:
        seen.append(file.display)
        return real(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "load_entry", spy)
    monkeypatch.setattr(validate, "PARALLEL_THRESHOLD", 10**9)  # in this process, where the spy is
    return seen


def _problems(root: Path, **kwargs: object) -> list[str]:
    kwargs.setdefault("today", TODAY)
    _, _, problems = check_database(root, use_cache=True, **kwargs)  # type: ignore[arg-type]
    return [f"{p.path}:{p.line}:{p.column}:{p.code}" for p in problems]


def test_unchanged_files_are_not_checked_again(tmp_path: Path, counted: list[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    entries = sorted(p.relative_to(repo).as_posix() for p in (repo / "technologies").rglob("*.yaml"))
    first = _problems(repo)
    assert sorted(counted) == entries
    counted.clear()
    assert _problems(repo) == first
    assert counted == []
    catalog, _, _ = check_database(repo, today=TODAY, use_cache=True)
    fresh, _, _ = check_database(repo, today=TODAY)
    assert catalog is not None and fresh is not None
    assert catalog.entries == fresh.entries  # the kept results are the same entries


def test_a_changed_file_is_checked_again_and_its_new_problem_reported(tmp_path: Path, counted: list[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    _problems(repo)
    counted.clear()
    target = sorted((repo / "technologies").rglob("*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("category: ", "category: no-such-", 1), encoding="utf-8")
    problems = _problems(repo)
    assert counted == [target.relative_to(repo).as_posix()]
    assert any(p.startswith(target.relative_to(repo).as_posix()) and p.endswith(":not-in-list") for p in problems)
    target.write_text(text, encoding="utf-8")  # back as it was: clean again, from the cache or not
    assert not any(":not-in-list" in p for p in _problems(repo))


def test_images_reference_data_and_date_invalidate(tmp_path: Path, counted: list[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    with_images = next(p for p in sorted((repo / "technologies").rglob("*.yaml")) if p.with_suffix("").is_dir())
    _problems(repo)
    counted.clear()
    images = sorted(p for p in with_images.with_suffix("").iterdir() if p.is_file())
    images[0].unlink()  # an image the entry names is gone
    problems = _problems(repo)
    assert counted == [with_images.relative_to(repo).as_posix()]
    assert any(p.endswith(":image-missing") for p in problems), problems
    counted.clear()
    names = repo / "site_config" / "ui.yaml"
    names.write_text(names.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _problems(repo)
    assert len(counted) == len(list((repo / "technologies").rglob("*.yaml")))  # every file, against the new rules


def test_another_day_checks_again_only_files_whose_dates_it_could_change(tmp_path: Path, counted: list[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    soon = sorted((repo / "technologies").rglob("*.yaml"))[0]
    text = soon.read_text(encoding="utf-8")
    reviewed = re.search(r"^date_reviewed: (\S+)$", text, re.MULTILINE)
    assert reviewed is not None
    in_ten_days = (TODAY + dt.timedelta(days=10)).isoformat()
    soon.write_text(text.replace(reviewed.group(0), f"date_reviewed: {in_ten_days}"), encoding="utf-8")
    assert any(p.endswith(":date-in-future") for p in _problems(repo))
    counted.clear()
    assert any(p.endswith(":date-in-future") for p in _problems(repo, today=TODAY + dt.timedelta(days=1)))
    assert counted == [soon.relative_to(repo).as_posix()]  # every other file's dates are past on any later day
    counted.clear()
    assert not any(p.endswith(":date-in-future") for p in _problems(repo, today=TODAY + dt.timedelta(days=10)))
    assert counted == [soon.relative_to(repo).as_posix()]
    counted.clear()
    _problems(repo, today=TODAY - dt.timedelta(days=1))  # an earlier day: dates of that day or later are judged
    assert counted


def test_the_cache_can_be_turned_off_and_a_broken_cache_is_ignored(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "repo")
    first = _problems(repo)
    for kept in (tmp_path / "cache").iterdir():
        kept.write_bytes(b"not a pickle")
    counted.clear()
    assert _problems(repo) == first and counted  # unreadable: everything checked again
    monkeypatch.setenv("TC_CHECK_CACHE", "0")
    shutil.rmtree(tmp_path / "cache")
    counted.clear()
    assert _problems(repo) == first and counted
    assert not (tmp_path / "cache").exists()


def test_workers_give_the_same_results_cold_and_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers key, check and pickle each file; the cache they fill gives back the same problems and entries."""
    repo = make_repo(tmp_path / "repo")
    target = sorted((repo / "technologies").rglob("*.yaml"))[0]
    target.write_text(target.read_text(encoding="utf-8").replace("category: ", "category: no-such-", 1), "utf-8")
    monkeypatch.setattr(validate, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setenv("TC_CHECK_CACHE", "0")
    expected = _problems(repo)
    assert any(p.endswith(":not-in-list") for p in expected)
    monkeypatch.setenv("TC_CHECK_CACHE", str(tmp_path / "cache"))
    assert _problems(repo) == expected  # cold: every file checked by a worker
    assert (tmp_path / "cache").exists()
    assert _problems(repo) == expected  # warm: every result from the cache
    target.unlink()  # the problem's file is gone: so are its problems
    assert not any(p.endswith(":not-in-list") for p in _problems(repo))


def test_results_kept_on_other_days_are_what_a_fresh_check_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Day after day (back, forward, over a new year), with dates in the past, today and the future, years too."""
    repo = make_repo(tmp_path / "repo", with_valid=False)
    shutil.copytree(REPO / "technologies", repo / "technologies", dirs_exist_ok=True)
    for source in sorted((DATA / "invalid").glob("*.yaml")):  # every problem the checker knows
        folder = re.search(rb"^# folder: (\S+)", source.read_bytes(), re.MULTILINE)
        target = repo / "technologies" / (folder.group(1).decode() if folder else "rmutt")
        target.mkdir(exist_ok=True)
        shutil.copy(source, target / (source.stem.replace("_", "-").lower() + ".yaml"))
    village = next((repo / "technologies").rglob("*-village.yaml"))
    text = village.read_text(encoding="utf-8")
    for name, year in (("next-year", TODAY.year + 1), ("too-early", 1990), ("this-year", TODAY.year)):
        (village.parent / f"{name}-village.yaml").write_text(
            re.sub(r"^year_started: \d+$", f"year_started: {year}", text, flags=re.MULTILINE).replace(
                f"id: {village.stem}", f"id: {name}-village"
            ),
            encoding="utf-8",
        )

    # Stale from TODAY + 31 on: the day its review is more than two years old.
    reviewed = (TODAY + dt.timedelta(days=30)).replace(year=TODAY.year - 2)
    durian = (REPO / "technologies/buu/phluang-durian-village.yaml").read_text(encoding="utf-8")  # a valid entry
    (repo / "technologies/buu/ageing-village.yaml").write_text(
        re.sub(r"^date_reviewed: \S+$", f"date_reviewed: {reviewed}", durian, flags=re.MULTILINE).replace(
            "id: phluang-durian-village", "id: ageing-village"
        ),
        encoding="utf-8",
    )
    stale_on = []

    def found(day: dt.date) -> list[str]:  # messages too: some name the day or the year
        _, _, problems = check_database(repo, today=day, use_cache=True)
        return [f"{p.path}:{p.line}:{p.column}:{p.code}: {p.message_en} / {p.message_th}" for p in problems]

    days = [0, 1, -1, 30, 31, 61, 400, 1, -400]  # from TODAY; 30/31 straddle the future date in the corpus
    cache = tmp_path / "cache"
    for offset in days:
        day = TODAY + dt.timedelta(days=offset)
        monkeypatch.setenv("TC_CHECK_CACHE", "0")
        fresh = found(day)
        monkeypatch.setenv("TC_CHECK_CACHE", str(cache))
        assert found(day) == fresh, day
        if any("ageing-village.yaml" in p and ":review-stale:" in p for p in fresh):
            stale_on.append(offset)
    assert sorted(set(stale_on)) == [31, 61, 400]
    assert all(any(code in p for p in fresh) for code in (":year-in-future:", ":number-range:", ":date-in-future:"))


def test_a_file_saved_again_while_it_is_checked_keeps_key_and_result_together(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result kept under a key is the result of the bytes that key was made from, never of a later save."""
    repo = make_repo(tmp_path / "repo")
    target = sorted((repo / "technologies").rglob("*.yaml"))[0]
    clean = target.read_text(encoding="utf-8")
    broken = clean.replace("category: ", "category: no-such-", 1)
    real_read = checkcache.CheckCache.read

    def read_then_save_again(self: checkcache.CheckCache, file: load.EntryFile) -> tuple[bytes | None, bytes | None]:
        found = real_read(self, file)
        if file.path == target:
            target.write_text(broken, encoding="utf-8")  # the editor saves while the check runs
        return found

    monkeypatch.setattr(checkcache.CheckCache, "read", read_then_save_again)
    assert not any(p.endswith(":not-in-list") for p in _problems(repo))  # what was read: the clean text
    monkeypatch.setattr(checkcache.CheckCache, "read", real_read)
    assert any(p.endswith(":not-in-list") for p in _problems(repo))  # the new save, checked next time
    target.write_text(clean, encoding="utf-8")  # undone: the kept result of the clean text is right
    assert not any(p.endswith(":not-in-list") for p in _problems(repo))
