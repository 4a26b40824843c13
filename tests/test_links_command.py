"""`python -m generator links` against a local web server: broken, moved, hanging and healthy addresses.

Every address in a throw-away copy of the small database points at a server on 127.0.0.1, so the
test never touches the network: /ok answers 200, /moved redirects to /ok, /gone is 404, /hang never
answers, /no-head refuses HEAD but answers GET, /slow/N answers after a pause (to see the per-host limit).
"""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.database.weblinks import collect_links, find_urls
from generator.linkcheck import USER_AGENT, check_external_links

from .conftest import REPO, make_repo


@dataclass
class Seen:
    """What the server saw."""

    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    most_in_flight: int = 0
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, user agent


def _handler(seen: Seen) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _answer(self) -> None:
            with seen.lock:
                seen.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
                seen.in_flight += 1
                seen.most_in_flight = max(seen.most_in_flight, seen.in_flight)
            self._counted = True
            try:
                self._route()
            finally:
                self._done()

        def _done(self) -> None:
            # A request stops counting before its answer is sent: once the client has the answer it may start
            # the next request, and counting until after the write would see both at once.
            if getattr(self, "_counted", False):
                self._counted = False
                with seen.lock:
                    seen.in_flight -= 1

        def _route(self) -> None:
            path = self.path
            if path == "/hang":
                seen.stop.wait(30)  # never answers within the client's timeout
                return
            if path.startswith("/slow/"):
                seen.stop.wait(0.3)
            if path == "/moved":
                self._send(301, {"Location": "/ok"})
            elif path == "/gone":
                self._send(404)
            elif path == "/no-head" and self.command == "HEAD":
                self._send(405)
            elif path in ("/ok", "/no-head") or path.startswith("/slow/"):
                self._send(200, body=b"<!doctype html><title>ok</title>")
            else:
                self._send(404)

        def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
            self._done()
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        do_GET = do_HEAD = _answer

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(seen))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        seen.stop.set()
        httpd.shutdown()
        httpd.server_close()


def _database(tmp_path: Path, base: str) -> Path:
    """The small valid database with every address pointing at the local server."""
    root = make_repo(tmp_path / "repo")
    institutions = root / "site_config" / "institutions.yaml"
    text = institutions.read_text(encoding="utf-8")
    institutions.write_text(re.sub(r"https://www\.[a-z]+\.ac\.th", f"{base}/ok", text), encoding="utf-8")
    entry = root / "technologies" / "rmutt" / "solar-dryer-sample.yaml"
    text = entry.read_text(encoding="utf-8")
    text = text.replace("  email: dryer@rmutt.ac.th\n", f"  email: dryer@rmutt.ac.th\n  website: {base}/gone\n")
    text = text.replace(
        "    - ใช้พลังงานแสงอาทิตย์ ไม่มีค่าไฟ\n",
        f"    - ใช้พลังงานแสงอาทิตย์ ไม่มีค่าไฟ ([คู่มือ]({base}/moved)) ดู {base}/hang.\n    - ผู้ผลิต: <{base}/no-head>\n",
    )
    entry.write_text(text, encoding="utf-8")
    return root


def _where(root: Path, rel: str, url: str) -> str:
    """`file:line:col` of the place `url` is written (each test address is written once), found by reading the file."""
    text = (root / rel).read_text(encoding="utf-8")
    at = text.index(url)
    line = text.count("\n", 0, at) + 1
    return f"{rel}:{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def test_addresses_are_collected_with_their_places(tmp_path: Path) -> None:
    base = "http://127.0.0.1:9"
    root = _database(tmp_path, base)
    links = collect_links(root)
    assert all(link.url.startswith(base + "/") for link in links), "the test database must stay on this machine"
    entry = "technologies/rmutt/solar-dryer-sample.yaml"
    mine = [(link.field, link.url) for link in links if link.path == entry]
    assert mine == [
        ("description.th", f"{base}/moved"),
        ("description.th", f"{base}/hang"),
        ("description.th", f"{base}/no-head"),
        ("contact.website", f"{base}/gone"),
    ]
    gone = next(link for link in links if link.url.endswith("/gone"))
    assert f"{gone.path}:{gone.line}:{gone.column}" == _where(root, entry, f"{base}/gone")
    institutions = [link for link in links if link.path == "site_config/institutions.yaml"]
    assert len(institutions) == 15 and institutions[3].field == "institutions[3].contact.website"


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("see https://a.example/x.", ["https://a.example/x"]),
        ("[guide](https://a.example/y) and <https://b.example/z>", ["https://a.example/y", "https://b.example/z"]),
        ("https://en.wikipedia.org/wiki/Banana_(fruit)), then", ["https://en.wikipedia.org/wiki/Banana_(fruit)"]),
        ("no address: https:// or ftp://x.example", []),
    ],
)
def test_addresses_in_text(text: str, urls: list[str]) -> None:
    assert [url for _, url in find_urls(text)] == urls


def _links(root: Path, timeout: str) -> subprocess.CompletedProcess[str]:
    """`python -m generator links` on `root`, as a maintainer runs it."""
    command = [sys.executable, "-m", "generator", "--root", str(root), "links", "--timeout", timeout]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def test_links_command_reports_broken_moved_and_hanging_addresses(tmp_path: Path, server: tuple[str, Seen]) -> None:
    base, seen = server
    root = _database(tmp_path, base)
    assert all(link.url.startswith(base + "/") for link in collect_links(root))
    proc = _links(root, "1")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    entry = "technologies/rmutt/solar-dryer-sample.yaml"
    lines = proc.stdout.splitlines()
    gone = f"{_where(root, entry, base + '/gone')}: warning[link-broken] contact.website: {base}/gone → 404 Not Found."
    assert any(line.startswith(gone) for line in lines), proc.stdout
    assert f"ลิงก์ {base}/gone ใช้ไม่ได้ (404 Not Found)" in proc.stdout
    hang = f"{_where(root, entry, base + '/hang')}: warning[link-unreachable] description.th: {base}/hang → no answer"
    assert any(line.startswith(hang) for line in lines), proc.stdout
    assert "timed out after 1 s" in proc.stdout
    moved = f"{_where(root, entry, base + '/moved')}: warning[link-redirect] description.th: {base}/moved → 301 → "
    moved += f"{base}/ok."
    assert any(line.startswith(moved) for line in lines), proc.stdout
    assert f"ลิงก์ {base}/moved ย้ายไปที่ {base}/ok (301)" in proc.stdout
    # Healthy addresses are not reported; /no-head answered GET after refusing HEAD.
    reported = set(re.findall(r"warning\[link-[a-z]+\] [\w.\[\]]+: (\S+) →", proc.stdout))
    assert reported == {f"{base}/gone", f"{base}/hang", f"{base}/moved"}
    assert ("GET", "/no-head") in {(m, p) for m, p, _ in seen.requests}
    assert {ua for _, _, ua in seen.requests} == {USER_AGENT}
    # Each address is asked once (HEAD) however often it is written: 15 institutions share /ok.
    heads = [p for m, p, _ in seen.requests if m == "HEAD"]
    assert heads.count("/ok") == 2  # once as itself, once at the end of /moved
    assert "5 addresses in 19 places: 2 place(s) with a broken or unreachable link" in proc.stderr


def test_each_host_gets_at_most_per_host_requests_at_once(tmp_path: Path, server: tuple[str, Seen]) -> None:
    base, seen = server
    root = make_repo(tmp_path / "repo")
    institutions = root / "site_config" / "institutions.yaml"
    text = institutions.read_text(encoding="utf-8")
    count = iter(range(100))
    institutions.write_text(
        re.sub(r"https://www\.[a-z]+\.ac\.th", lambda _: f"{base}/slow/{next(count)}", text), encoding="utf-8"
    )
    _, results, problems = check_external_links(root, timeout=5, workers=8, per_host=2)
    assert len(results) == 15 and all(r.ok for r in results.values()) and problems == []
    assert seen.most_in_flight == 2  # in parallel, but never more than two at once on one host
    check_external_links(root, timeout=5, workers=8, per_host=3)
    assert seen.most_in_flight == 3


def test_no_network_is_said_once_instead_of_blaming_every_link(tmp_path: Path) -> None:
    """With no host name resolving (no network or DNS), every address used to be reported as unreachable."""
    root = _database(tmp_path, "https://clinic.invalid")  # .invalid never resolves (RFC 2606)
    result = _links(root, "2")
    assert result.returncode == 2
    assert "this machine seems to have no network" in result.stderr and "ไม่ได้ต่ออินเทอร์เน็ต" in result.stderr
    assert "link-unreachable" not in result.stdout + result.stderr
