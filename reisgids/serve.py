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
new site, never a half-swapped folder.
"""

from __future__ import annotations

import asyncio
import errno
import html
import logging
import os
import re
import signal
import socket
import sys
import time
import traceback
from collections.abc import Iterable
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
from reisgids.excerpt import SourceLines, excerpt, render
from reisgids.pool import available_cpus
from reisgids.preview import Preview
from reisgids.serve_guard import GuardedApplication

HOST = "127.0.0.1"  # never 0.0.0.0: a preview with drafts is not for the network
WATCHED_DIRS = ("content", "static", "data", "themes")
POLL_MS = 50
# Save-to-browser is watch interval + quiet period + rebuild; an editor's save is one write
# (or a write and a rename within a millisecond), so 100 ms of quiet still makes one rebuild
# of a burst (tests/integration/test_serve.py saves ten times, 20 ms apart).
QUIET_SECONDS = 0.1
SCAN_SHARE = 5  # a scan may use at most 1/5 of the time between scans
MAX_WAIT_SECONDS = 5.0
BANNER_CSS_URL = "/__reisgids__/serve.css"

HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)

Snapshot = dict[str, tuple[int, int, int]]

SERVE_DIR = ".reisgids-serve"  # where serve builds unless --out says otherwise


def _echo(text: str, *, err: bool = False) -> None:
    """Print and flush at once: an editor (or a test) reads the terminal while we run."""
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


# --- watching -------------------------------------------------------------------------------

def _ignored(name: str) -> bool:
    """Hidden files and editor leftovers (.x.swp, x~, vim's 4913) start no rebuild."""
    return name.startswith(".") or name.endswith("~") or name == "4913"


def scan(root: Path, out: Path | None = None) -> Snapshot:
    """(mtime, size, inode) of every watched file, keyed by its site-relative POSIX path.

    The inode catches files replaced whole (git checkout, editors that write a temp file
    and rename it) even when mtime and size happen to match. `root` and `out` are absolute;
    `out` is skipped when it lies inside a watched folder. Runs every POLL_MS, so it uses
    os.scandir and plain strings (a few ms for a site of a thousand files)."""
    found: Snapshot = {}
    skip = str(out) if out is not None else None
    prefix = len(str(root)) + 1

    def walk(folder: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:  # not there (yet), or gone meanwhile
            return
        for entry in entries:
            if _ignored(entry.name):
                continue
            try:
                if entry.is_dir():
                    if entry.path != skip:
                        walk(entry.path)
                    continue
                st = entry.stat()
            except OSError:
                continue
            found[entry.path[prefix:].replace(os.sep, "/")] = (
                st.st_mtime_ns, st.st_size, st.st_ino)

    try:
        st = (root / CONFIG_FILE).stat()
        found[CONFIG_FILE] = (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        pass
    for name in WATCHED_DIRS:
        walk(os.path.join(root, name))
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Added, removed and modified paths."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


# --- the error banner -----------------------------------------------------------------------

def _say(language: str, nl: str, en: str) -> str:
    return en if language == "en" else nl


def banner_html(report: Report, language: str, *, has_previous: bool,
                internal: str | None = None, sources: SourceLines | None = None) -> bytes:
    """The banner shown over every page after a failed build; all text escaped. With
    `sources`, each diagnostic shows its source line with a caret, as the terminal does."""
    esc = html.escape
    lines = [f'<div id="reisgids-serve-fouten" role="alert" lang="{esc(language)}">',
             "<p><strong>" + esc(_say(language, "Bouwen mislukt.", "Build failed.")) + "</strong> "
             + esc(_say(language, "Je ziet de laatste versie die wel lukte."
                        if has_previous else "Er is nog geen versie die wel lukte.",
                        "You are looking at the last build that worked."
                        if has_previous else "No build has worked yet."))
             + " " + esc(_say(language, "Deze melding verdwijnt na de volgende geslaagde build.",
                              "This notice goes away after the next build that works."))
             + "</p>"]
    if internal is not None:
        lines.append("<p>" + esc(_say(
            language, "Interne fout in reisgids (geen fout in de inhoud); zie de terminal: ",
            "Internal error in reisgids (not in the content); see the terminal: "))
            + f"<code>{esc(internal)}</code></p>")
    items = report.sorted()
    if items:
        lines.append("<ul>")
        for d in items:
            severity = _say(language, "fout" if d.is_error else "waarschuwing",
                            "error" if d.is_error else "warning")
            shown = excerpt(d, sources) if sources is not None else None
            where = str(d.location) + (f":{shown[0]}" if shown is not None else "")
            parts = [f'<code class="plek">{esc(where)}</code>',
                     f'<span class="{esc(d.severity.value)}">{esc(severity)}</span>',
                     f'<code class="code">[{esc(d.code)}]</code>']
            if d.field:
                parts.append(f'<code class="veld">{esc(d.field)}</code>:')
            parts.append(f'<span class="bericht">{esc(d.message.get(language))}</span>')
            if d.hint is not None:
                parts.append(f'<span class="hint">— {esc(d.hint.get(language))}</span>')
            if shown is not None:  # <pre> keeps the caret under its spot
                parts.append('<pre class="bron">' + esc("\n".join(shown[1])) + "</pre>")
            lines.append("<li>" + " ".join(parts) + "</li>")
        lines.append("</ul>")
        lines.append(f"<p>{esc(report.summary(language))}</p>")
    lines.append("</div>")
    return "\n".join(lines).encode("utf-8")


BANNER_CSS = """\
#reisgids-serve-fouten { position: relative; z-index: 2147483647; margin: 0;
  padding: 1rem 1.25rem; max-height: 60vh; overflow: auto; background: #fff4f4;
  color: #1a1a1a; border-bottom: 4px solid #b00020; font: 1rem/1.5 system-ui, sans-serif; }
#reisgids-serve-fouten p { margin: 0 0 .5rem; }
#reisgids-serve-fouten ul { margin: 0 0 .5rem; padding-left: 1.25rem; }
#reisgids-serve-fouten li { margin: .25rem 0; }
#reisgids-serve-fouten code { font: .95em/1.4 ui-monospace, monospace; }
#reisgids-serve-fouten .error { color: #b00020; font-weight: bold; }
#reisgids-serve-fouten .warning { color: #7a4d00; font-weight: bold; }
#reisgids-serve-fouten .hint { color: #333; }
#reisgids-serve-fouten pre.bron { margin: .25rem 0 0; padding: .25rem .5rem; overflow-x: auto;
  background: #fff; border-left: 3px solid #b00020; font: .9em/1.3 ui-monospace, monospace; }
"""


def decorate(page: bytes, head: bytes, banner: bytes | None) -> bytes:
    """`head` before </head>, `banner` right after <body ...>; the page is otherwise as built."""
    end = HEAD_END.search(page)
    if end is not None:
        page = page[:end.start()] + head + page[end.start():]
        after_head = end.start() + len(head)
    else:
        page = head + page
        after_head = len(head)
    if banner is not None:
        body = BODY_START.search(page, after_head)
        at = body.end() if body is not None else after_head
        page = page[:at] + banner + page[at:]
    return page


def standalone_page(language: str, title: str) -> bytes:
    """For a request with no built page behind it (nothing built yet, or not found)."""
    esc = html.escape
    return (f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body>\n<main><h1>{esc(title)}</h1></main>\n"
            "</body>\n</html>\n").encode()


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
    elapsed: float = 0.0  # seconds the last good build took
    cpu: float = 0.0  # CPU seconds of this thread in it (steadier on a busy machine)
    editor: bool = False  # --editor: /admin/ against this site (reisgids.editor.serving)
    # incremental: the loaded files and rendered pages stay in memory between builds
    preview: Preview | None = None
    later_problems: list[Diagnostic] = field(default_factory=list)  # shown so far
    sources: SourceLines | None = None  # the lines the last build's diagnostics point at
    next_scan: float = 0.0  # monotonic time of the next scan (large sites scan less often)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}{self.base_path}"

    @property
    def failed(self) -> bool:
        return self.failure is not None or self.internal is not None

    def say(self, nl: str, en: str) -> str:
        return _say(self.language, nl, en)

    def build(self) -> bool:
        """Load and build into `out`; print what happened. False when it failed."""
        started, cpu_started = time.monotonic(), time.thread_time()
        try:
            # the first build may fork workers; later ones run while the background thread
            # lives, and forking a process with threads can deadlock its children
            jobs = available_cpus() if self.preview is None else 1
            if self.preview is None:
                self.preview = Preview(self.root, self.out)
            site, report = self.preview.rebuild(resolve_now(self.now), drafts=self.drafts,
                                                jobs=jobs)
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
        self.index_if_stale()

    def index_if_stale(self) -> None:
        """Feeds, open data, ... and Pagefind after the page is visible, in the background
        (reisgids/preview.py)."""
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
        if started < self.next_scan:
            return  # a large site: the burst is only quiet once a later scan says so
        current = scan(self.root, self.out)
        self.next_scan = started + (time.monotonic() - started) * SCAN_SHARE
        self.notice(current)
        paths = self.debouncer.take()
        if paths is not None:
            self.rebuild(paths)

    def notice(self, current: Snapshot) -> None:
        changes = changed_paths(self.snapshot, current)
        if changes:
            self.snapshot = current
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


async def _serve_forever(live: LiveSite, sockets: list[socket.socket]) -> None:
    server = HTTPServer(_application(live))
    server.add_sockets(sockets)
    ticker = PeriodicCallback(live.tick, POLL_MS)
    ticker.start()
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
        live.snapshot = scan(live.root, live.out)  # before building: edits made meanwhile count
        if live.build():
            pages = sum(1 for _ in live.out.rglob("*.html"))
            _echo(live.say(f"{pages} pagina's gebouwd in {live.out}",
                           f"built {pages} pages in {live.out}"))
        _echo(live.say(f"serveert {live.url} (Ctrl-C stopt)",
                       f"serving {live.url} (Ctrl-C stops)"))
        if editor:
            _echo(live.say(f"redactie: {live.url}admin/", f"editor: {live.url}admin/"))
        asyncio.run(_serve_forever(live, sockets))
    except KeyboardInterrupt:
        _echo(live.say("gestopt", "stopped"))
    finally:
        for sock in sockets:
            sock.close()
