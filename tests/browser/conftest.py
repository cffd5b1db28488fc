"""Browser tests: Playwright driving Debian's chromium against the built example guide.

Never `playwright install` (it downloads): the browser is /usr/bin/chromium
(`apt-get install -y chromium`). The example guide (`example_site`, built once with search)
is served by a ThreadingHTTPServer on 127.0.0.1 with a free port; `base_url` points at it,
so tests can `page.goto("/zoeken/")`; `serve_folder(path)` serves any other built folder.
Mark browser tests with `pytest.mark.browser`.

`console_errors` collects console errors and uncaught page errors; a test that uses it
asserts the list is empty at the end.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, REPO  # tests/conftest.py
from playwright.sync_api import Browser, ConsoleMessage, Error, Page

from reisgids.build import Site, load_site
from reisgids.graph.routes import overview_url

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--no-sandbox"]


def in_ci() -> bool:
    """CI=true (GitHub Actions, GitLab CI, ...): missing test tools fail instead of skipping."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        message = "Debian chromium is not installed (apt-get install -y chromium)"
        if in_ci():  # a browser test that silently skips in CI is a defect
            pytest.fail(f"CI is set: {message}", pytrace=False)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM),
            "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS]}


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site; no log line per request."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".svg": "image/svg+xml",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A folder over HTTP on 127.0.0.1 (a free port) while the block runs: its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """serve_folder(path) -> base URL; every server stops at the end of the session."""
    with contextlib.ExitStack() as stack:
        yield lambda folder: stack.enter_context(serving(folder))


@pytest.fixture(scope="session")
def site_server(example_site: Path) -> Iterator[str]:
    """The built example guide over HTTP on 127.0.0.1; stops at the end of the session."""
    with serving(example_site) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_server: str) -> str:
    return site_server


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions of the page, as text."""
    found: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.append(f"console: {message.text} ({message.location.get('url', '')})")

    def on_error(error: Error) -> None:
        found.append(f"pageerror: {error.message}")

    page.on("console", on_console)
    page.on("pageerror", on_error)
    return found


# --- Page types and reused tabs (QA: test_a11y, test_screenshots, test_navigation) --------
#
# Every kind of page the example guide has, named before the site is built (so tests can be
# parametrized by name) and resolved to a URL once it is. Detail pages take the first
# published entry of their kind (by slug), except the area: the first one with an SVG map.

VIEWPORTS: dict[str, dict[str, int]] = {"phone": {"width": 390, "height": 844},
                                        "desktop": {"width": 1280, "height": 900}}
KINDS = ("deal", "project", "partner", "instrument", "review", "lesson", "compass-edition",
         "agenda-item", "news", "story", "event", "listing", "area", "page")
PAGE_TYPES: tuple[str, ...] = (
    "home",
    *(f"overview-{kind}" for kind in KINDS if kind != "page"), "overview-theme",
    *(f"detail-{kind}" for kind in KINDS),
    "theme", "deals-by-phase", "lessons-by-level", "compass-by-status", "partners-by-type",
    "page-2", "marketplace-archive", "search", "not-found", "accessibility-statement",
    "open-data", "glossary",
)
# filter pages: page type -> (kind whose overview holds them, folder of the facet)
FILTERS = {"deals-by-phase": ("deal", "fase"), "lessons-by-level": ("lesson", "niveau"),
           "compass-by-status": ("compass-edition", "status"),
           "partners-by-type": ("partner", "type")}


def output_file(site: Path, url: str) -> Path:
    """The file the static server sends for `url` (a path below the site root)."""
    path = site / url.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def first_folder(site: Path, url: str) -> str:
    """`url` + the first sub-folder (by name) of that folder in the built site."""
    folders = sorted(p.name for p in output_file(site, url).parent.iterdir() if p.is_dir())
    assert folders, f"no pages below {url} in the built guide"
    return f"{url}{folders[0]}/"


@pytest.fixture(scope="session")
def example_guide() -> Site:
    """The example guide's content graph, as `example_site` was built from it."""
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None, [d.format() for d in report.sorted()]
    return site


@pytest.fixture(scope="session")
def page_type_urls(example_site: Path, example_guide: Site) -> dict[str, str]:
    """Page type name -> URL in the built example guide; every URL is a file there."""
    graph, config = example_guide.graph, example_guide.config
    urls: dict[str, str] = {"home": "/", "overview-theme": "/themas/", "search": "/zoeken/",
                            "not-found": "/404.html",
                            "accessibility-statement": "/toegankelijkheid/",
                            "open-data": "/data/", "glossary": "/begrippen/"}
    for kind in KINDS:
        entries = graph.of_kind(kind)
        if kind == "area":
            entries = [e for e in entries if e.slug in graph.outlines]
        assert entries, f"the example guide has no published {kind}"
        urls[f"detail-{kind}"] = graph.urls[entries[0].key]
        if kind != "page":
            urls[f"overview-{kind}"] = overview_url(config, kind)
    urls["theme"] = first_folder(example_site, "/themas/")
    for name, (kind, facet) in FILTERS.items():
        urls[name] = first_folder(example_site, f"{overview_url(config, kind)}{facet}/")
    urls["page-2"] = f"{overview_url(config, 'partner')}pagina/2/"
    urls["marketplace-archive"] = f"{overview_url(config, 'listing')}archief/"
    assert sorted(urls) == sorted(PAGE_TYPES)
    missing = {name: url for name, url in urls.items()
               if not output_file(example_site, url).is_file()}
    assert not missing, f"page types without a page in the built guide: {missing}"
    return urls


class Tab:
    """One browser page, reused from test to test, that records every request it makes and
    every console error or uncaught exception since the last `open`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error.message}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def open(self, url: str) -> int:
        """Go to `url` (relative to base_url), wait until it has loaded; the HTTP status."""
        self.requests.clear()
        self.errors.clear()
        response = self.page.goto(url, wait_until="load")
        assert response is not None, url
        return response.status


@pytest.fixture(scope="session")
def tabs(browser: Browser, base_url: str) -> Iterator[dict[str, Tab]]:
    """{"phone": Tab, "desktop": Tab}: one context per viewport for the whole session, so
    sweeping dozens of pages does not pay for a new context each time."""
    contexts = [browser.new_context(viewport=size, base_url=base_url)
                for size in VIEWPORTS.values()]
    try:
        yield {name: Tab(context.new_page()) for name, context in zip(VIEWPORTS, contexts,
                                                                      strict=True)}
    finally:
        for context in contexts:
            context.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes `page_type` runs once per page type; `viewport_name`, once per
    viewport (phone and desktop)."""
    if "page_type" in metafunc.fixturenames:
        metafunc.parametrize("page_type", PAGE_TYPES)
    if "viewport_name" in metafunc.fixturenames:
        metafunc.parametrize("viewport_name", list(VIEWPORTS))
