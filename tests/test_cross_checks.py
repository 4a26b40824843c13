"""Checks that need more than one file, or a file system trick, so they cannot live in the invalid corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.database.validate import check_database

from .conftest import DATA, TODAY

VALID = DATA / "valid" / "technologies" / "rmutt"


def _codes(repo: Path) -> set[tuple[str, str, int]]:
    _, _, problems = check_database(repo, today=TODAY)
    return {(p.code, p.path, p.line) for p in problems if p.is_error}


def test_duplicate_id_in_another_folder(repo: Path) -> None:
    target = repo / "technologies" / "kku" / "solar-dryer-sample.yaml"
    target.parent.mkdir()
    target.write_text(
        (VALID / "solar-dryer-sample.yaml")
        .read_text(encoding="utf-8")
        .replace("institution: rmutt", "institution: kku"),
        encoding="utf-8",
    )
    shutil.copytree(VALID / "solar-dryer-sample", repo / "technologies" / "kku" / "solar-dryer-sample")
    codes = _codes(repo)
    assert ("duplicate-id", "technologies/rmutt/solar-dryer-sample.yaml", 2) in codes


def test_case_collision_on_usb_drives(repo: Path) -> None:
    text = (VALID / "indigo-sample.yaml").read_text(encoding="utf-8")
    (repo / "technologies" / "rmutt" / "Indigo-Sample.yaml").write_text(text, encoding="utf-8")
    codes = _codes(repo)
    assert ("case-collision", "technologies/rmutt/indigo-sample.yaml", 1) in codes
    assert ("id-mismatch", "technologies/rmutt/Indigo-Sample.yaml", 2) in codes


def test_symlinked_entry_and_image_are_refused(repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    os.symlink(secret, repo / "technologies" / "rmutt" / "secret.yaml")
    image = repo / "technologies" / "rmutt" / "solar-dryer-sample" / "dryer.png"
    outside = tmp_path / "outside.png"
    image.rename(outside)
    os.symlink(outside, image)
    codes = _codes(repo)
    assert ("file-symlink", "technologies/rmutt/secret.yaml", 1) in codes
    assert any(c == "image-path" and p.endswith("solar-dryer-sample.yaml") for c, p, _ in codes)


def test_misplaced_and_misnamed_files(repo: Path) -> None:
    text = (VALID / "indigo-sample.yaml").read_text(encoding="utf-8")
    (repo / "technologies" / "loose.yaml").write_text(text, encoding="utf-8")
    (repo / "technologies" / "rmutt" / "indigo-sample.yml").write_text(text, encoding="utf-8")
    codes = _codes(repo)
    assert ("misplaced-file", "technologies/loose.yaml", 1) in codes
    assert ("file-extension", "technologies/rmutt/indigo-sample.yml", 1) in codes


def test_file_too_large(repo: Path) -> None:
    text = (VALID / "indigo-sample.yaml").read_text(encoding="utf-8")
    big = text.replace("id: indigo-sample", "id: big") + "# " + "x" * 300_000 + "\n"
    (repo / "technologies" / "rmutt" / "big.yaml").write_text(big, encoding="utf-8")
    assert ("file-too-large", "technologies/rmutt/big.yaml", 1) in _codes(repo)


def test_every_problem_at_once(repo: Path) -> None:
    """`check` reports every problem in every file, not just the first."""
    for name in ("a", "b", "c"):
        (repo / "technologies" / "rmutt" / f"{name}.yaml").write_text(f"id: {name}\nkind: gadget\n", encoding="utf-8")
    codes = _codes(repo)
    for name in ("a", "b", "c"):
        path = f"technologies/rmutt/{name}.yaml"
        assert ("not-in-list", path, 2) in codes
        assert ("missing-field", path, 1) in codes
