"""`reisgids serve` in a subprocess, as an editor runs it: build, edit, break, fix, stop.

Every wait is bounded polling; the server process is always killed at the end.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import NOW, REPO, SiteFactory

from reisgids.errors import Location, Text, error, warning
from reisgids.errors import Report as ErrorReport
from reisgids.excerpt import SourceLines, excerpt
from reisgids.serve import banner_html, decorate

WAIT = 20.0  # the longest any change may take to show up
START_WAIT = 120.0  # the first build, cold
URL_RE = re.compile(r"http://127\.0\.0\.1:(\d+)(/\S*)")
BANNER = 'id="reisgids-serve-fouten"'

PAGE = """\
---
title: {title}
summary: Wat deze gids is en voor wie.
updated: 2026-11-01
---
Een pagina over de gids.
"""

NEWS = """\
---
title: Eerste bericht
summary: Het eerste nieuwsbericht van de testgids.
date: 2026-10-01
---
Nieuws uit de wijk.
"""

BROKEN = """\
---
title: Over de gids
summary: Wat: deze gids is
updated: 2026-11-01
---
Een pagina over de gids.
"""


class Served:
    """A running `reisgids serve` and everything it printed so far."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.url = ""
        self.port = 0

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        with self._lock:
            return "\n".join(self.lines)

    def count(self, word: str) -> int:
        with self._lock:
            return sum(1 for line in self.lines if word in line)

    def finish_reading(self) -> None:
        """After the process ended: wait until its last lines are read."""
        self._reader.join(timeout=10)

    def wait_for_url(self) -> None:
        deadline = time.monotonic() + START_WAIT
        while time.monotonic() < deadline:
            match = URL_RE.search(self.output)
            if match:
                self.port, self.url = int(match.group(1)), match.group(0)
                return
            if self.proc.poll() is not None:
                self.finish_reading()
                pytest.fail(f"serve stopped ({self.proc.returncode}):\n{self.output}")
            time.sleep(0.05)
        pytest.fail(f"serve printed no URL within {START_WAIT} s:\n{self.output}")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_until(served: Served, url: str, check: Callable[[str], bool], what: str) -> str:
    """Poll `url` until `check(html)` holds; fail after WAIT seconds with the last answer."""
    deadline = time.monotonic() + WAIT
    body = ""
    while time.monotonic() < deadline:
        _, body = fetch(url)
        if check(body):
            return body
        assert served.proc.poll() is None, f"serve stopped:\n{served.output}"
        time.sleep(0.1)
    pytest.fail(f"not within {WAIT} s: {what}\nlast page:\n{body[:3000]}\n"
                f"serve printed:\n{served.output}")


def wait_for_count(served: Served, word: str, count: int) -> None:
    deadline = time.monotonic() + WAIT
    while served.count(word) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"expected {count} lines with {word!r}:\n{served.output}")
        time.sleep(0.05)


@pytest.fixture
def small_site(make_site: SiteFactory) -> Path:
    return make_site({"content/pages/over.md": PAGE.format(title="Over ons"),
                      "content/news/eerste-bericht.md": NEWS})


@pytest.fixture
def serve_site(tmp_path: Path) -> Iterator[Callable[[Path], Served]]:
    """Start `python -m reisgids serve SITE --port 0`; killed at the end whatever happens."""
    started: list[Served] = []

    def start(root: Path) -> Served:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "reisgids", "serve", str(root), "--port", "0",
             "--now", NOW, "--out", str(tmp_path / "served")],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            encoding="utf-8", env=env)
        served = Served(proc)
        started.append(served)
        served.wait_for_url()
        return served

    try:
        yield start
    finally:
        for served in started:
            if served.proc.poll() is None:
                served.proc.kill()
            served.proc.wait(timeout=30)


def test_edit_break_and_fix_show_in_the_browser(small_site: Path,
                                                serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(small_site)
    assert served.url.startswith("http://127.0.0.1:")
    assert served.url.endswith("/gids/"), "served under the path of base_url"
    page_url = served.url + "over/"

    status, body = fetch(page_url)
    assert status == 200, body
    assert "Over ons" in body
    assert f'<script src="/livereload.js?port={served.port}"></script></head>' in body
    assert BANNER not in body
    status, _ = fetch(f"http://127.0.0.1:{served.port}/livereload.js")
    assert status == 200

    # edit: the new title appears without a restart
    over = small_site / "content" / "pages" / "over.md"
    over.write_text(PAGE.format(title="Over de gids"), encoding="utf-8")
    wait_until(served, page_url, lambda html: "Over de gids" in html, "the edited title")

    # break: the banner names file and line; the last good page stays under it
    over.write_text(BROKEN, encoding="utf-8")
    body = wait_until(served, page_url, lambda html: BANNER in html, "the error banner")
    banner = body[body.index(BANNER):body.index("</div>", body.index(BANNER))]
    assert '<code class="plek">content/pages/over.md:3:13</code>' in banner, banner
    assert "[yaml-colon]" in banner
    # the source line with the caret under the spot, as the terminal shows it
    assert ('<pre class="bron">  3 | summary: Wat: deze gids is\n'
            '    |             ^</pre>') in banner, banner
    assert "Over de gids" in body, "the previous build is still served"
    assert '<link rel="stylesheet" href="/__reisgids__/serve.css">' in body
    # the terminal says it too (its pipe may be read a moment after the page is served)
    wait_for_count(served, "content/pages/over.md:3:13: fout [yaml-colon]", 1)
    assert "Traceback" not in served.output
    # every page gets the banner, the not-found page too
    _, other = fetch(served.url)
    assert BANNER in other
    status, missing = fetch(served.url + "bestaat-niet/")
    assert status == 404 and BANNER in missing
    status, css = fetch(f"http://127.0.0.1:{served.port}/__reisgids__/serve.css")
    assert status == 200 and "#reisgids-serve-fouten" in css

    # fix: the banner goes, the fixed content shows
    over.write_text(PAGE.format(title="Weer heel"), encoding="utf-8")
    body = wait_until(served, page_url, lambda html: "Weer heel" in html, "the fixed title")
    assert BANNER not in body
    assert served.proc.poll() is None, "serve kept running"


def test_a_burst_of_ten_saves_gives_one_rebuild(small_site: Path,
                                                serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(small_site)
    page_url = served.url + "over/"
    over = small_site / "content" / "pages" / "over.md"
    before = served.count("herbouwd")

    for i in range(10):
        over.write_text(PAGE.format(title=f"Versie {i}"), encoding="utf-8")
        time.sleep(0.02)  # 10 saves in 200 ms, well inside one quiet period
    wait_until(served, page_url, lambda html: "Versie 9" in html, "the last save of the burst")
    wait_for_count(served, "herbouwd", before + 1)
    assert served.count("herbouwd") == before + 1, served.output

    # one more save: one more rebuild, so the burst left nothing behind
    over.write_text(PAGE.format(title="Na de burst"), encoding="utf-8")
    wait_until(served, page_url, lambda html: "Na de burst" in html, "the save after the burst")
    wait_for_count(served, "herbouwd", before + 2)
    assert served.count("herbouwd") == before + 2, served.output


def test_static_files_are_watched_and_served_as_they_are(
        small_site: Path, serve_site: Callable[[Path], Served]) -> None:
    css = small_site / "static" / "extra.css"
    css.parent.mkdir()
    css.write_text("a { color: red; }\n", encoding="utf-8")
    served = serve_site(small_site)
    url = served.url + "static/extra.css"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"a { color: red; }\n", "not touched: no script, no banner"
        assert response.headers["ETag"] is None, "no ETag that could outlive a rebuild"
        last_modified = response.headers["Last-Modified"]

    css.write_text("a { color: blue; }\n", encoding="utf-8")
    wait_until(served, url, lambda text: "blue" in text, "the edited stylesheet")
    request = urllib.request.Request(url, headers={"If-Modified-Since": last_modified})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def _listening_addresses(port: int) -> list[str]:
    """Local addresses of LISTEN sockets on `port`, from /proc/net/tcp{,6} (Linux)."""
    found = []
    for name in ("tcp", "tcp6"):
        table = Path("/proc/net") / name
        if not table.is_file():
            continue
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, _, hexport = local.partition(":")
            if state == "0A" and int(hexport, 16) == port:
                found.append(address)
    return found


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1; UDP connect sends nothing
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_listens_on_127_0_0_1_only(small_site: Path,
                                   serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(small_site)
    if Path("/proc/net/tcp").is_file():
        # 0100007F is 127.0.0.1 in /proc's byte order; 00000000 would be 0.0.0.0
        assert _listening_addresses(served.port) == ["0100007F"]
    other = _non_loopback_address()
    if other is None:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with pytest.raises(OSError), socket.create_connection((other, served.port), timeout=5):
        pass


def test_the_browser_is_told_to_reload_after_a_rebuild(
        small_site: Path, serve_site: Callable[[Path], Served]) -> None:
    from tornado.websocket import websocket_connect

    served = serve_site(small_site)
    over = small_site / "content" / "pages" / "over.md"

    async def conversation() -> list[dict[str, object]]:
        ws = await websocket_connect(f"ws://127.0.0.1:{served.port}/livereload")
        try:
            await ws.write_message(json.dumps(
                {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
            hello = await asyncio.wait_for(ws.read_message(), WAIT)
            await ws.write_message(json.dumps({"command": "info", "url": served.url}))
            await asyncio.sleep(0.2)  # the server registers us before the save below
            over.write_text(PAGE.format(title="Herladen"), encoding="utf-8")
            reload = await asyncio.wait_for(ws.read_message(), WAIT)
            return [json.loads(str(m)) for m in (hello, reload)]
        finally:
            ws.close()

    # a thread of its own: Playwright's sync API may hold an event loop in this one
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        hello, reload = pool.submit(asyncio.run, conversation()).result(timeout=4 * WAIT)
    assert hello["command"] == "hello"
    assert reload["command"] == "reload"
    _, body = fetch(served.url + "over/")
    assert "Herladen" in body, "the reload comes after the rebuild"


def test_ctrl_c_stops_cleanly(small_site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(small_site)
    served.proc.send_signal(signal.SIGINT)
    try:
        code = served.proc.wait(timeout=WAIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"serve ignored Ctrl-C:\n{served.output}")
    served.finish_reading()
    assert code == 0, served.output
    assert "Traceback" not in served.output
    assert "gestopt" in served.output


def test_ctrl_c_stops_serve_started_as_a_background_job(small_site: Path,
                                                       tmp_path: Path) -> None:
    """A shell starts `reisgids serve &` (and make, and CI runners) with SIGINT ignored; the
    ignored disposition survives exec, so serve must restore the default handler itself."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "reisgids", "serve", str(small_site), "--port", "0",
         "--now", NOW, "--out", str(tmp_path / "served-bg")],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        encoding="utf-8", env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    served = Served(proc)
    try:
        served.wait_for_url()
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"serve started with SIGINT ignored ignored Ctrl-C:\n{served.output}")
        served.finish_reading()
        assert code == 0, served.output
        assert "gestopt" in served.output
        assert "Traceback" not in served.output
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_a_site_that_never_built_shows_the_banner(make_site: SiteFactory,
                                                  serve_site: Callable[[Path], Served]) -> None:
    root = make_site({"content/pages/over.md": BROKEN})
    served = serve_site(root)
    assert served.proc.poll() is None, "a content error does not stop serve"
    status, body = fetch(served.url + "over/")
    assert status == 404 and BANNER in body
    assert "content/pages/over.md" in body
    assert "Traceback" not in served.output

    (root / "content" / "pages" / "over.md").write_text(PAGE.format(title="Eindelijk"),
                                                        encoding="utf-8")
    body = wait_until(served, served.url + "over/", lambda html: "Eindelijk" in html,
                      "the first good build")
    assert BANNER not in body


def test_the_banner_escapes_what_content_says() -> None:
    report = ErrorReport()
    report.add(error("yaml-syntax", Location("content/news/<b>x</b>.md", 3),
                     Text("<script>alert(1)</script>", "<script>alert(1)</script>"),
                     field='title"><img src=x onerror=alert(1)>',
                     hint=Text("gebruik & niet <", "use & not <")))
    report.add(warning("stale", Location("content/partners/p.md", 1), Text("oud", "old")))
    banner = banner_html(report, "nl", has_previous=True).decode()
    assert "<script>" not in banner and "<img" not in banner and "<b>" not in banner
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in banner
    assert "content/news/&lt;b&gt;x&lt;/b&gt;.md:3" in banner
    assert "gebruik &amp; niet &lt;" in banner
    assert "1 fout, 1 waarschuwing in 2 bestanden" in banner


def test_the_banner_shows_the_source_line_with_a_caret_escaped(tmp_path: Path) -> None:
    page = tmp_path / "content" / "pages" / "p.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: <script>x</script>: & zo\n---\n", encoding="utf-8")
    report = ErrorReport()
    report.add(error("yaml-colon", Location("content/pages/p.md", 2, 25), Text("dubbele punt",
                                                                             "colon")))
    report.add(error("gone", Location("content/pages/weg.md", 4), Text("weg", "gone")))
    banner = banner_html(report, "nl", has_previous=True,
                         sources=SourceLines(tmp_path)).decode()
    assert "<script>" not in banner
    assert ('<code class="plek">content/pages/p.md:2:25</code>' in banner)
    assert ('<pre class="bron">  2 | title: &lt;script&gt;x&lt;/script&gt;: &amp; zo\n'
            '    |                         ^</pre>') in banner, banner
    # a file that cannot be read: its place as before, no excerpt
    assert '<code class="plek">content/pages/weg.md:4</code>' in banner
    assert banner.count('<pre class="bron">') == 1
    # the same lines as the terminal's excerpt, not a second rendering of them
    colon = next(d for d in report.items if d.code == "yaml-colon")
    shown = excerpt(colon, SourceLines(tmp_path))
    assert shown is not None and shown[1][1].endswith("^")


def test_decorate_puts_script_in_head_and_banner_first_in_body() -> None:
    page = b'<!DOCTYPE html><html><head><title>t</title></head>\n<body class="x"><h1>t</h1>'
    out = decorate(page, b"<script src=/livereload.js></script>", b"<div>B</div>")
    assert out == (b"<!DOCTYPE html><html><head><title>t</title><script src=/livereload.js>"
                   b'</script></head>\n<body class="x"><div>B</div><h1>t</h1>')
    assert decorate(b"<p>bare</p>", b"<s>", None) == b"<s><p>bare</p>"
