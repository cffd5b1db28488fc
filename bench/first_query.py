"""Bytes a reader downloads for a first search: from opening /zoeken/ to the first results.

    .venv/bin/python bench/first_query.py OUT                      # a built site (with search)
    .venv/bin/python bench/first_query.py OUT --build .            # build the example guide first
    .venv/bin/python bench/first_query.py OUT --query mantelzorg --query eenzaamheid

Serves OUT on 127.0.0.1 (a free port; the server stops when the script ends), opens the
search page in Debian's headless chromium (/usr/bin/chromium, through Playwright, with an
empty cache), waits until the search script is ready, types the query, waits for the
result cards and sums the sizes of every response requested from opening the page until the
first result card was on screen (headers + body as sent, Playwright's `request.sizes()`;
the moment is taken in the page by a MutationObserver the bench adds). What the page asks
for after that — the filter indexes for the facet counts — is printed apart, as "after".
`--gzip` sends text files gzipped, as most web hosts do; without it every file goes as
stored. Each query gets a fresh browser context, so nothing is cached between them.
Prints the total and a breakdown: the page and its assets, Pagefind's code (pagefind.js,
the worker, the WebAssembly), the meta and filter indexes, the word index chunks and the
fragments.

It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NOW = "2026-12-01"


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Gzipping(Quiet):
    """Text files gzipped, as a typical web host sends them (Pagefind's own index files
    are gzipped already and go as they are)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wanted and path.suffix in COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(folder: Path, compress: bool) -> Iterator[str]:
    handler = Gzipping if compress else Quiet
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def part_of(url: str) -> str:
    """Which share of the download a URL is."""
    path = url.split("?", 1)[0]
    if "/pagefind/" not in path:
        return "page and assets"
    name = path.rsplit("/", 1)[-1]
    if "/fragment/" in path:
        return "fragments"
    if "/index/" in path:
        return "word index"
    if "/filter/" in path or name.endswith(".pf_meta") or name == "pagefind-entry.json":
        return "meta and filters"
    return "pagefind code"


SHOWN = """new MutationObserver((changes, observer) => {
  if (document.querySelector('.search-card')) {
    window.__firstCard = Date.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});"""


def first_query(base: str, query: str) -> tuple[int, dict[str, tuple[int, int]], int]:
    """(total bytes, {part: (bytes, requests)}, result cards shown) for one fresh visit;
    the requests made after the first card was shown are counted under "after"."""
    from playwright.sync_api import Request, sync_playwright

    finished: list[Request] = []
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = browser.new_context(base_url=base)
            page = context.new_page()
            page.add_init_script(SHOWN)
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto("/zoeken/")
            page.wait_for_function(  # the script has loaded Pagefind and said its prompt
                "() => Number(document.getElementById('search').dataset.searches || 0) >= 1",
                timeout=120_000)
            before = int(page.get_attribute("#search", "data-searches") or 0)
            page.fill("#search-q", query)
            page.wait_for_function(
                "n => Number(document.getElementById('search').dataset.searches || 0) > n",
                arg=before, timeout=120_000)
            cards = page.locator(".search-card").count()
            shown = float(page.evaluate("window.__firstCard"))
            page.wait_for_timeout(500)  # let late requests finish, to report them apart
            parts: dict[str, tuple[int, int]] = {}
            total = 0
            for request in finished:
                sizes = request.sizes()
                size = sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)
                after = request.timing["startTime"] > shown
                name = "after: " + part_of(request.url) if after else part_of(request.url)
                total += 0 if after else size
                got, count = parts.get(name, (0, 0))
                parts[name] = (got + size, count + 1)
            context.close()
        finally:
            browser.close()
    return total, parts, cards


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="a built site (the folder with zoeken/)")
    parser.add_argument("--build", type=Path, metavar="GUIDE",
                        help=f"build this guide into OUT first (with search, --now {NOW})")
    parser.add_argument("--query", action="append",
                        help="Dutch query to type (repeatable; default: eenzaamheid, mantelzorg)")
    parser.add_argument("--gzip", action="store_true",
                        help="send HTML, CSS, JS and JSON gzipped, as a web host would")
    args = parser.parse_args()
    if args.build:
        exe = Path(sys.executable).parent / "reisgids"
        subprocess.run([str(exe), "build", str(args.build), "--out", str(args.out),
                        "--now", NOW, "--quiet"], check=True)
    if not (args.out / "zoeken" / "index.html").is_file():
        raise SystemExit(f"{args.out} has no search page (zoeken/index.html)")
    with serving(args.out, args.gzip) as base:
        for query in args.query or ["eenzaamheid", "mantelzorg"]:
            total, parts, cards = first_query(base, query)
            how = "gzip" if args.gzip else "as stored"
            before = sum(n for name, (_, n) in parts.items() if not name.startswith("after"))
            print(f"{args.out} ({how}): '{query}': {total / 1000:,.1f} KB in "
                  f"{before} responses until the first result, {cards} result cards shown")
            for name in sorted(parts, key=lambda p: -parts[p][0]):
                size, count = parts[name]
                print(f"  {name:<17} {size / 1000:8,.1f} KB  ({count} responses)")


if __name__ == "__main__":
    main()
