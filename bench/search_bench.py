"""Search benchmark: index time, index size and what one query costs a browser.

    python bench/search_bench.py                   # the example guide and a 10k corpus
    python bench/search_bench.py --entries 2000    # a smaller generated corpus
    python bench/search_bench.py --skip-corpus

For each site: build without search (render + write), then time `index_site()` on the
output, measure the `pagefind/` folder, and serve the site on 127.0.0.1 to run one query on
/zoeken/ in headless Debian chromium while recording every response under /pagefind/
(pagefind.js, the worker, the WebAssembly, the meta index, filter files, word-index chunks
and result fragments). When chromium is not available, the per-query bytes are estimated
from the files instead (and the report says so). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from corpus import generate  # noqa: E402

from reisgids.build import build, load_site  # noqa: E402
from reisgids.search import INDEX_DIR, index_site  # noqa: E402

NOW = date(2026, 11, 22)
CHROMIUM = Path("/usr/bin/chromium")


class Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}

    def log_message(self, format: str, *args: Any) -> None:
        pass


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def category(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if "/fragment/" in path:
        return "fragments"
    if "/index/" in path:
        return "word index chunks"
    if "/filter/" in path:
        return "filter indexes"
    if name.endswith(".pf_meta"):
        return "meta index"
    if name.startswith("wasm."):
        return "wasm"
    return name  # pagefind.js, pagefind-worker.js, pagefind-entry.json


def folder_sizes(bundle: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in bundle.rglob("*"):
        if path.is_file():
            sizes[category("/" + path.relative_to(bundle).as_posix())] += path.stat().st_size
    return dict(sizes)


def measure_query(out: Path, query: str) -> tuple[dict[str, int], dict[str, int], int, str]:
    """(bytes per category, files per category, results shown, status line) for one query
    typed into /zoeken/ in headless chromium."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sizes: dict[str, int] = defaultdict(int)
    files: dict[str, int] = defaultdict(int)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--no-sandbox"])
            page = browser.new_page()

            def record(response: Any) -> None:
                path = urlparse(response.url).path
                if f"/{INDEX_DIR}/" in path:
                    try:
                        size = len(response.body())
                    except Exception:  # e.g. a redirect has no body
                        return
                    sizes[category(path)] += size
                    files[category(path)] += 1

            page.on("response", record)
            base = f"http://127.0.0.1:{server.server_address[1]}"
            page.goto(f"{base}/zoeken/?q={quote(query)}")
            page.wait_for_function(
                "() => Number(document.getElementById('search').dataset.searches || 0) >= 1",
                timeout=60_000)
            page.wait_for_load_state("networkidle")
            shown = page.locator(".search-card").count()
            status = (page.text_content("#search-status") or "").strip()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return dict(sizes), dict(files), shown, status


def estimate_query(bundle: Path, results: int = 20) -> dict[str, int]:
    """Without a browser: what the search page loads for one query, from the files."""
    sizes = folder_sizes(bundle)
    fragments = sorted(p.stat().st_size for p in (bundle / "fragment").glob("*"))
    chunks = sorted(p.stat().st_size for p in (bundle / "index").glob("*"))
    return {
        "pagefind.js": sizes.get("pagefind.js", 0),
        "pagefind-worker.js": sizes.get("pagefind-worker.js", 0),
        "pagefind-entry.json": sizes.get("pagefind-entry.json", 0),
        "wasm": max((p.stat().st_size for p in bundle.glob("wasm.*")), default=0),
        "meta index": sizes.get("meta index", 0),
        "filter indexes": sizes.get("filter indexes", 0),
        "word index chunks": chunks[len(chunks) // 2] if chunks else 0,  # one median chunk
        "fragments": round(sum(fragments) / len(fragments) * min(results, len(fragments)))
        if fragments else 0,
    }


def bench(name: str, root: Path, query: str) -> None:
    print(f"\n== {name}: {root}")
    started = time.perf_counter()
    site, report = load_site(root, now=NOW)
    if site is None or report.has_errors:
        print("   cannot load:", *[d.format() for d in report.sorted() if d.is_error][:5],
              sep="\n   ")
        return
    loaded = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reisgids-bench-") as tmp:
        out = Path(tmp) / "output"
        result = build(site, out, search=False)
        if result.has_errors:
            print("   build failed:", *[d.format() for d in result.sorted()][:5], sep="\n   ")
            return
        built = time.perf_counter()
        problems = index_site(out, site.config.language)
        indexed = time.perf_counter()
        for problem in problems:
            print("  ", problem.format())
        entries = len(site.graph.published)
        pages = sum(1 for _ in out.rglob("*.html"))
        print(f"   {entries} published entries, {pages} HTML pages")
        print(f"   load {loaded - started:.2f} s, render+write {built - loaded:.2f} s, "
              f"index (Pagefind + canonical bytes) {indexed - built:.2f} s")
        bundle = out / INDEX_DIR
        sizes = folder_sizes(bundle)
        total = sum(sizes.values())
        index_only = sum(v for k, v in sizes.items() if k in (
            "fragments", "word index chunks", "filter indexes", "meta index"))
        count = sum(1 for p in bundle.rglob("*") if p.is_file())
        print(f"   index size: {kib(total)} in {count} files "
              f"(index data {kib(index_only)}; the rest is Pagefind's JS, UI bundles and wasm)")
        for key in sorted(sizes, key=lambda k: -sizes[k]):
            print(f"     {key:<28} {kib(sizes[key]):>14}")
        if CHROMIUM.exists():
            try:
                loads, files, shown, status = measure_query(out, query)
            except Exception as exc:  # the browser is optional for a benchmark
                print(f"   browser measurement failed ({exc}); estimating instead")
            else:
                print(f"   one query in chromium, /zoeken/?q={query}: {status!r}, "
                      f"{shown} cards shown")
                print(f"   bytes loaded from /{INDEX_DIR}/: {kib(sum(loads.values()))} "
                      f"in {sum(files.values())} requests")
                for key in sorted(loads, key=lambda k: -loads[k]):
                    print(f"     {key:<28} {kib(loads[key]):>14}  ({files[key]} files)")
                return
        estimate = estimate_query(bundle)
        print(f"   one query, estimated from the files (no browser): "
              f"{kib(sum(estimate.values()))}")
        for key, value in estimate.items():
            print(f"     {key:<28} {kib(value):>14}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000, help="size of the corpus")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--query", default="eenzaamheid", help="query for the example guide")
    parser.add_argument("--corpus-query", default="samenwerking",
                        help="query for the generated corpus")
    args = parser.parse_args()
    bench("example guide", REPO, args.query)
    if args.skip_corpus:
        return
    with tempfile.TemporaryDirectory(prefix="reisgids-corpus-") as tmp:
        root = Path(tmp) / "site"
        started = time.perf_counter()
        counts = generate(root, args.entries)
        print(f"\n(generated {sum(counts.values())} entries in "
              f"{time.perf_counter() - started:.1f} s)")
        bench(f"generated corpus of {sum(counts.values())} entries", root, args.corpus_query)


if __name__ == "__main__":
    main()
