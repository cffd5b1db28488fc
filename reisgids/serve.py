"""`reisgids serve`: build, serve on 127.0.0.1, rebuild once per burst of saves.

The only user of livereload. From it we take the browser side: its websocket handler, its
livereload.js and `reload_waiters()`. Its `Server` class does not fit: it cannot report the
port it got for `--port 0`; its inline loader script is blocked by the theme's
Content-Security-Policy (`script-src 'self'`); and its watcher polls every 800 ms and tells
the browser to reload on the raw file change, not after our rebuild (per file event is
what MkDocs dropped livereload over). Overriding `Server.get_web_handlers` would fix only
the HTML. So the tornado application is assembled here:

- every HTML response gets `<script src="/livereload.js">` (same origin, so the CSP allows
  it) and, after a failed build, a banner with the diagnostics, escaped; the files on disk
  are never touched, and the last good build stays visible under the banner;
- the site is served under the path of its `base_url` (`/gids/`), so the output is the
  same as `reisgids build` writes and internal links work as published;
- the watched files are scanned every 50 ms (less often when a scan of a large site costs
  more than a fifth of that); a `Debouncer` turns a burst of changes (20 saves, a `git
  checkout`) into one rebuild once it has been quiet for 100 ms.

Builds run on the server's own thread: a request during a build waits and then gets the
new site, never a half-swapped folder. What follows the reload in the background (feeds,
open data, ..., Pagefind: reisgids/preview.py) starts once the editor paused and stops as
soon as a scan finds a new save.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import re
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import PeriodicCallback
from tornado.netutil import bind_sockets

from reisgids.build import resolve_now
from reisgids.config import CONFIG_FILE
from reisgids.debounce import Debouncer
from reisgids.editor.serving import handlers as editor_handlers
from reisgids.errors import Diagnostic, Report
from reisgids.excerpt import SourceLines, render
from reisgids.pool import available_cpus
from reisgids.preview import Preview
from reisgids.serve_guard import GuardedApplication
from reisgids.serve_page import (
    BANNER_CSS,
    BANNER_CSS_URL,
    banner_html,
    decorate,
    say,
    standalone_page,
)
from reisgids.serve_watch import Snapshot, changed_paths, looks_changed, take_listing
from reisgids.source.listing import Listing

HOST = "127.0.0.1"  # never 0.0.0.0: a preview with drafts is not for the network
POLL_MS = 50
# Save-to-browser is watch interval + quiet period + rebuild; an editor's save is one write
# (or a write and a rename within a millisecond), so 100 ms of quiet still makes one rebuild
# of a burst (tests/integration/test_serve.py saves ten times, 20 ms apart).
QUIET_SECONDS = 0.1
SCAN_SHARE = 5  # a scan may use at most 1/5 of the time between scans
RECENT = 16  # files saved last, looked at between the scans of a large site
# The background work (feeds, open data, ..., Pagefind) starts once the editor paused: this
# long after the reload, and at least twice as long as the rebuild took (10,000 entries:
# ~5 s). An editor saving again meanwhile gets the CPUs for their rebuild alone.
LATER_QUIET = 1.0
LATER_SHARE = 2
MAX_WAIT_SECONDS = 5.0

SERVE_DIR = ".reisgids-serve"  # where serve builds unless --out says otherwise


def _echo(text: str, *, err: bool = False) -> None:
    """Print and flush at once: an editor (or a test) reads the terminal while we run."""
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


# --- the live site --------------------------------------------------------------------------

@dataclass
class LiveSite:
    """What the server knows: where the site is, and how the last build went."""

    root: Path
    out: Path
    now: date | None
    drafts: bool
    port: int = 0
    language: str = "nl"
    base_path: str = "/"
    failure: Report | None = None
    internal: str | None = None
    debouncer: Debouncer = field(default_factory=lambda: Debouncer(
        QUIET_SECONDS, max_wait=MAX_WAIT_SECONDS))
    snapshot: Snapshot = field(default_factory=dict)
    listing: Listing | None = None  # the latest scan: the rebuild reads it, not the folders
    recent: list[str] = field(default_factory=list)  # the files saved last, newest first
    elapsed: float = 0.0  # seconds the last good build took
    cpu: float = 0.0  # CPU seconds of this thread in it (steadier on a busy machine)
    editor: bool = False  # --editor: /admin/ against this site (reisgids.editor.serving)
    # incremental: the loaded files and rendered pages stay in memory between builds
    preview: Preview | None = None
    later_problems: list[Diagnostic] = field(default_factory=list)  # shown so far
    sources: SourceLines | None = None  # the lines the last build's diagnostics point at
    next_scan: float = 0.0  # monotonic time of the next scan (large sites scan less often)
    later_at: float | None = None  # monotonic time the background work may start

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}{self.base_path}"

    @property
    def failed(self) -> bool:
        return self.failure is not None or self.internal is not None

    def say(self, nl: str, en: str) -> str:
        return say(self.language, nl, en)

    def build(self) -> bool:
        """Load and build into `out`; print what happened. False when it failed."""
        started, cpu_started = time.monotonic(), time.thread_time()
        try:
            # the first build may fork workers; later ones run while the background thread
            # lives, and forking a process with threads can deadlock its children
            jobs = available_cpus() if self.preview is None else 1
            if self.preview is None:
                self.preview = Preview(self.root, self.out, freeze=True)
            site, report = self.preview.rebuild(resolve_now(self.now), drafts=self.drafts,
                                                jobs=jobs, listing=self.listing)
            if site is not None:
                self.language = site.config.language
                self.base_path = site.config.base_path
        except Exception as exc:  # a bug in reisgids, not in the content: keep serving
            _echo(self.say("interne fout in reisgids (geen fout in de inhoud); meld dit "
                           "aan de ontwikkelaars met de details hieronder:",
                           "internal error in reisgids (not in the content); please "
                           "report it with the details below:"), err=True)
            _echo("".join(traceback.format_exc(limit=-3)), err=True)
            self.failure, self.internal = Report(), f"{type(exc).__name__}: {exc}"
            return False
        self.internal = None
        sources = self.sources = SourceLines(self.root)  # as read now: the banner shows them
        for diagnostic in report.sorted():
            _echo(render(diagnostic, self.language, sources), err=True)
        if report.items:
            _echo(report.summary(self.language), err=True)
        if site is None or report.has_errors:
            self.failure = report
            _echo(self.say("bouwen mislukt; de browser toont de fouten boven de laatste "
                           "versie die wel lukte",
                           "build failed; the browser shows the errors above the last "
                           "build that worked"), err=True)
            return False
        self.failure = None
        self.elapsed = time.monotonic() - started
        self.cpu = time.thread_time() - cpu_started
        return True

    def rebuild(self, paths: Iterable[str]) -> None:
        names = sorted(paths)
        shown = ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")
        _echo(self.say(f"gewijzigd: {shown}", f"changed: {shown}"))
        url = self.url
        if self.build():
            _echo(self.say(f"herbouwd in {self.elapsed:.2f} s ({self.cpu:.2f} s CPU)",
                           f"rebuilt in {self.elapsed:.2f} s ({self.cpu:.2f} s CPU)"))
        if self.url != url:  # base_url changed in reisgids.yml
            _echo(self.say(f"serveert nu {self.url}", f"now serving {self.url}"))
        # after a failure too: the open pages show the banner
        _Reload.reload_waiters("*")
        # after a failure too: the collector's turn comes (index_if_stale does nothing then)
        self.later_at = time.monotonic() + max(LATER_QUIET, LATER_SHARE * self.elapsed)

    def index_if_stale(self) -> None:
        """Feeds, open data, ... and Pagefind after the page is visible and the editor
        paused (`later_at`), in the background (reisgids/preview.py)."""
        if self.preview is not None and not self.failed:
            self.preview.after(self.language)

    def later_failed(self) -> None:
        """What the background work found (two outputs for one path) fails the build as a
        full build would: shown in the terminal and in the browser."""
        found = self.preview.later.problems if self.preview is not None else []
        if found is self.later_problems:
            return
        self.later_problems = found
        if not any(d.is_error for d in found):
            return
        report = Report()
        report.extend(found)
        sources = self.sources = SourceLines(self.root)
        for diagnostic in report.sorted():
            _echo(render(diagnostic, self.language, sources), err=True)
        _echo(report.summary(self.language), err=True)
        self.failure = report
        _Reload.reload_waiters("*")

    def tick(self) -> None:
        """Every POLL_MS: notice changes, and rebuild once a burst has gone quiet."""
        self.later_failed()
        started = time.monotonic()
        if self.later_at is not None and started >= self.later_at \
                and not self.debouncer.pending:
            self.later_at = None
            if self.preview is not None:  # the editor paused: no save waits for this
                self.preview.collect()
            self.index_if_stale()
        if started < self.next_scan and (
                self.debouncer.pending or self.listing is None
                or not looks_changed(self.root, self.listing, (CONFIG_FILE, *self.recent))):
            # a large site: the burst is only quiet once a later scan says so; until the
            # next scan, a few stats (folders, the files saved last) tell whether to scan now
            return
        self.listing = take_listing(self.root, self.out, self.listing)
        self.next_scan = started + (time.monotonic() - started) * SCAN_SHARE
        self.notice(self.listing.stamps)
        if self.debouncer.pending:  # a save waits: look again as soon as it can be quiet
            self.next_scan = min(self.next_scan, started + QUIET_SECONDS)
        paths = self.debouncer.take()
        if paths is not None:
            self.rebuild(paths)

    def notice(self, current: Snapshot) -> None:
        changes = changed_paths(self.snapshot, current)
        if changes:
            self.snapshot = current
            saved = sorted(p for p in changes if p in current)
            self.recent = [*saved, *(p for p in self.recent if p not in changes)][:RECENT]
            self.later_at = None  # the next reload sets it again
            if self.preview is not None:  # what it makes is for the state before this
                self.preview.later.give_way()
            self.debouncer.notify(changes)

    def banner(self) -> bytes | None:
        if not self.failed:
            return None
        return banner_html(self.failure or Report(), self.language,
                           has_previous=(self.out / "index.html").is_file(),
                           internal=self.internal, sources=self.sources)

    def decorate(self, page: bytes) -> bytes:
        banner = self.banner()
        head = f'<script src="/livereload.js?port={self.port}"></script>'
        if banner is not None:
            head = f'<link rel="stylesheet" href="{BANNER_CSS_URL}">' + head
        return decorate(page, head.encode("ascii"), banner)


class _Reload(LiveReloadHandler):  # type: ignore[misc]  # livereload has no type hints
    """livereload's websocket; its watcher is never started (rebuilds are ours)."""

    watcher = SimpleNamespace(filepath=None)
    live_css = False


class _BannerCss(web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/css; charset=UTF-8")
        self.set_header("Cache-Control", "no-cache")
        self.finish(BANNER_CSS)


def _application(live: LiveSite) -> web.Application:
    class SiteHandler(web.StaticFileHandler):
        """The built site under its base path; HTML gets the reload script and the banner."""

        def parse_url_path(self, url_path: str) -> str:
            full = "/" + url_path
            if not full.startswith(live.base_path):
                raise web.HTTPError(404)
            return super().parse_url_path(full[len(live.base_path):])

        async def get(self, path: str, include_body: bool = True) -> None:
            if self.request.path in ("/", live.base_path.rstrip("/")) \
                    and self.request.path != live.base_path:
                self.redirect(live.base_path)
                return
            if not live.out.is_dir():
                raise web.HTTPError(404)
            self.path = self.parse_url_path(path)
            absolute = self.validate_absolute_path(
                self.root, self.get_absolute_path(self.root, self.path))
            if absolute is None:  # redirected to the folder with a slash
                return
            if not absolute.endswith(".html"):
                await super().get(path, include_body)
                return
            self.send_page(Path(absolute).read_bytes(), 200)

        def send_page(self, page: bytes, status: int) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(live.decorate(page))

        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-cache")

        # Every build rewrites the files; tornado's ETag cache is keyed by path and would
        # answer 304 with the old CSS. A local preview can afford to send everything again.
        def compute_etag(self) -> str | None:
            return None

        def should_return_304(self) -> bool:
            return False

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            if status_code != 404:
                super().write_error(status_code, **kwargs)
                return
            self.clear()
            not_found = live.out / "404.html"
            if not_found.is_file():
                page = not_found.read_bytes()
            else:
                page = standalone_page(live.language, live.say(
                    "Pagina niet gevonden", "Page not found"))
            self.send_page(page, 404)

    editor = editor_handlers(live.root, lambda: live.port, live.base_path) if live.editor else []
    return GuardedApplication(
        lambda: live.port,
        [*editor, (r"/livereload", _Reload), (r"/livereload\.js", LiveReloadJSHandler),
         (re.escape(BANNER_CSS_URL), _BannerCss),
         (r"/(.*)", SiteHandler, {"path": str(live.out), "default_filename": "index.html"})],
        log_function=_log_request)


def _log_request(handler: web.RequestHandler) -> None:
    """Only server errors reach the terminal; the build output is what editors read."""
    if handler.get_status() >= 500:
        _echo(f"{handler.get_status()} {handler.request.method} {handler.request.uri}",
              err=True)


async def _serve_forever(live: LiveSite, sockets: list[socket.socket],
                         ready: Callable[[], None]) -> None:
    server = HTTPServer(_application(live))
    server.add_sockets(sockets)
    ticker = PeriodicCallback(live.tick, POLL_MS)
    ticker.start()
    # only now, with asyncio's own Ctrl-C handler in place: a Ctrl-C right after the
    # address is shown then always stops serve cleanly, however loaded the machine is
    ready()
    try:
        await asyncio.Event().wait()
    finally:
        ticker.stop()
        server.stop()


def _bind(port: int) -> list[socket.socket]:
    try:
        return bind_sockets(port, address=HOST, family=socket.AF_INET)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = (f"poort {port} is al in gebruik; kies een andere met --port "
                       "(--port 0 kiest een vrije)")
        else:
            message = f"kan niet luisteren op {HOST}:{port}: {exc.strerror}"
        _echo(message, err=True)
        sys.exit(2)


def serve(site: Path, *, port: int, now: date | None, drafts: bool,
          out: Path | None, editor: bool = False) -> None:
    """Build `site`, serve it on 127.0.0.1:`port` (0: a free port), rebuild on changes.

    Returns when the editor presses Ctrl-C."""
    # a shell starts background jobs (`reisgids serve &`, make, CI) with SIGINT ignored, and
    # an ignored signal stays ignored across exec: without this, Ctrl-C would never stop serve
    signal.signal(signal.SIGINT, signal.default_int_handler)
    root = site.resolve()
    # its own folder, never output/: a `serve --drafts` must not leave drafts where
    # `reisgids build` publishes from
    target = out if out is not None else root / SERVE_DIR
    live = LiveSite(root=root, out=target.resolve(),
                    now=now, drafts=drafts, editor=editor)
    # livereload logs tracebacks for sockets that went away; nothing an editor can act on
    logging.getLogger("livereload").addHandler(logging.NullHandler())
    logging.getLogger("livereload").propagate = False
    sockets = _bind(port)
    live.port = sockets[0].getsockname()[1]
    try:
        # before building: edits made meanwhile count
        live.listing = take_listing(live.root, live.out)
        live.snapshot = live.listing.stamps
        if live.build():
            pages = sum(1 for _ in live.out.rglob("*.html"))
            _echo(live.say(f"{pages} pagina's gebouwd in {live.out}",
                           f"built {pages} pages in {live.out}"))

        def ready() -> None:
            _echo(live.say(f"serveert {live.url} (Ctrl-C stopt)",
                           f"serving {live.url} (Ctrl-C stops)"))
            if editor:
                _echo(live.say(f"redactie: {live.url}admin/", f"editor: {live.url}admin/"))

        asyncio.run(_serve_forever(live, sockets, ready))
    except KeyboardInterrupt:
        _echo(live.say("gestopt", "stopped"))
    finally:
        for sock in sockets:
            sock.close()
