"""While editing, `mkdocs serve` shows a changed entry on reload."""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.site.serve import LocalServer

from .conftest import REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and needle in body:
            return True
        time.sleep(0.3)
    return False


def _log_says(log: Path, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while needle not in log.read_text("utf-8"):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _start_generator_serve(tmp_path: Path) -> tuple[Path, int, Path, subprocess.Popen[str]]:
    """`python -m generator serve` on a copy of the sample data: (data folder, port, log file, process)."""
    data = tmp_path / "data"
    for name in ("site_config", "technologies", "content"):
        shutil.copytree(REPO / name, data / name)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stream:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "--root",
                str(data),
                "serve",
                "--out",
                str(tmp_path / "out"),
                "--port",
                str(port),
            ],
            cwd=REPO,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHAINLP_OFFLINE": "1"},
            stdout=stream,
            stderr=subprocess.STDOUT,
            text=True,
        )
    return data, port, log, proc


def test_mkdocs_serve_rebuilds_when_an_entry_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in ("site_config", "technologies"):
        shutil.copytree(REPO / name, data / name)
    port = _free_port()
    env = {**os.environ, "TC_DATA_ROOT": str(data), "NO_MKDOCS_2_WARNING": "1", "TC_SITE_DIR": str(tmp_path / "s")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/entries/community-rice-mill.html"
        assert _wait_for(url, "<h1", 60), "mkdocs serve did not come up"
        entry = data / "technologies" / "nu" / "community-rice-mill.yaml"
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("title:\n  th: ", "title:\n  th: ฉบับแก้ไข ", 1), encoding="utf-8")
        assert _wait_for(url, "ฉบับแก้ไข", 30), "the change did not show up"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_generator_serve_updates_a_changed_entry_at_once_then_rebuilds(tmp_path: Path) -> None:
    data, port, log, proc = _start_generator_serve(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/en/entries/community-rice-mill.html"
        sheet = f"http://127.0.0.1:{port}/th/sheets/community-rice-mill.html"
        listing = f"http://127.0.0.1:{port}/th/institutions/nu.html"
        assert _wait_for(url, "<h1", 120), "serve did not come up:\n" + log.read_text("utf-8")
        entry = data / "technologies" / "nu" / "community-rice-mill.yaml"
        text = entry.read_text(encoding="utf-8")
        text = text.replace("title:\n  th: ", "title:\n  th: ฉบับแก้ไข ", 1).replace("  en: ", "  en: Revised ", 1)
        entry.write_text(text, encoding="utf-8")
        assert _wait_for(url, "Revised", 20), "the entry page did not change:\n" + log.read_text("utf-8")
        assert _wait_for(sheet, "ฉบับแก้ไข", 5)
        # said once the pages are written: under load the test can read them before the line is printed
        assert _log_says(log, "updated community-rice-mill in", 10), log.read_text("utf-8")
        # the full rebuild follows: the institution's listing shows the new title too
        assert _wait_for(listing, "ฉบับแก้ไข", 120), log.read_text("utf-8")
        # a change that breaks the entry is not applied quickly; the full build reports it and keeps the site
        entry.write_text(text.replace("date_added: ", "date_added: 2999-", 1), encoding="utf-8")
        assert _log_says(log, "build stopped", 120), log.read_text("utf-8")
        assert "Revised" in (_get(url) or "")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_generator_serve_applies_a_change_saved_during_its_first_build(tmp_path: Path) -> None:
    """A file saved while the first build runs (after its check read the files) is picked up once serving starts."""
    data, port, log, proc = _start_generator_serve(tmp_path)
    try:
        deadline = time.monotonic() + 60
        while "warning[" not in log.read_text("utf-8") and time.monotonic() < deadline:
            time.sleep(0.05)  # the build's check has printed its warnings: every file has been read
        assert "serving http" not in log.read_text("utf-8"), "the first build ended before the edit could be made"
        entry = data / "technologies" / "nu" / "community-rice-mill.yaml"
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("  en: ", "  en: Saved-while-building ", 1), encoding="utf-8")
        url = f"http://127.0.0.1:{port}/en/entries/community-rice-mill.html"
        assert _wait_for(url, "Saved-while-building", 120), log.read_text("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_busy_port_or_a_foreign_out_folder_is_said_at_once(tmp_path: Path) -> None:
    """Both used to end in a traceback-style internal error, the port one only after a whole first build."""

    def serve(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "generator", "serve", *args]
        return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--out", str(tmp_path / "out"), "--port", str(port))
    assert result.returncode == 2, result.stderr
    assert f"cannot serve on port {port}" in result.stderr and "--port" in result.stderr
    assert not (tmp_path / "out").exists()  # nothing was built
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_bytes(b"keep")
    refused = serve("--out", str(tmp_path / "mine"), "--port", str(_free_port()))
    assert refused.returncode == 2 and "holds files that a build does not make (thesis.docx)" in refused.stderr
    assert (tmp_path / "mine" / "thesis.docx").read_bytes() == b"keep"


def test_the_preview_server_is_quiet_about_dropped_connections(capsys: pytest.CaptureFixture[str]) -> None:
    """A page left while it loads used to print a BrokenPipeError traceback in the terminal running `serve`."""
    server = LocalServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real fault")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert "ValueError: a real fault" in capsys.readouterr().err
    finally:
        server.server_close()
