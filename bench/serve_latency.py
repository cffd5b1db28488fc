"""Save-to-browser latency of `reisgids serve`: how long after a save the new page is served.

    .venv/bin/python bench/serve_latency.py                   # the example guide
    .venv/bin/python bench/serve_latency.py --entries 10000   # a generated guide as well
    .venv/bin/python bench/serve_latency.py --edits 7

Starts `reisgids serve --port 0` on a copy of the guide, waits for the first build, then
several times appends a sentence with a unique word to one entry's body and polls that
page over HTTP (every 10 ms) until the word is there. Prints per guide the median and the
spread of the save-to-visible time, the rebuild time serve itself reports (wall, and CPU
of its building thread), and the load average of the machine at the end (on a shared
machine the figures move with it). The time
includes serve's watch interval (50 ms) and its debounce (quiet for 100 ms before a rebuild
starts, so a burst of saves makes one rebuild); feeds, open data, sitemap, PDFs and the
search index follow in the background. It prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from site_corpus import make_corpus, write_reisgids  # noqa: E402

NOW = "2026-11-22"


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("reisgids.yml", "content", "data", "static", "themes"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


class Server:
    def __init__(self, site: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reisgids", "serve", str(site), "--port", "0", "--now", NOW],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.url = ""
        self.rebuilds: list[float] = []
        self.cpu: list[float] = []  # of serve's building thread: steadier than wall time
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            found = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", line)
            if found and not self.url:
                self.url = found.group(1)
                self.ready.set()
            rebuilt = re.search(r"(?:herbouwd in|rebuilt in) ([\d.]+) s \(([\d.]+) s CPU\)",
                                line)
            if rebuilt:
                self.rebuilds.append(float(rebuilt.group(1)))
                self.cpu.append(float(rebuilt.group(2)))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except OSError:
        return b""


def measure(site: Path, entry: Path, page: str, edits: int
            ) -> tuple[list[float], list[float], list[float]]:
    server = Server(site)
    try:
        if not server.ready.wait(3600):
            raise SystemExit("serve did not start")
        latencies = []
        for number in range(edits):
            word = f"meetwoord{number}x{int(time.time())}"
            time.sleep(1.5)  # let the previous build's background work settle, as between saves
            started = time.perf_counter()
            with entry.open("a", encoding="utf-8") as handle:
                handle.write(f"\n\nEen nieuwe zin met {word}.\n")
            while word.encode() not in fetch(server.url.rstrip("/") + page):
                if time.perf_counter() - started > 600:
                    raise SystemExit("the edit never showed")
                time.sleep(0.01)
            latencies.append(time.perf_counter() - started)
        time.sleep(0.3)
        return latencies, server.rebuilds, server.cpu
    finally:
        server.stop()


def report(name: str, latencies: list[float], rebuilds: list[float], cpu: list[float]) -> None:
    rebuilt = f"{statistics.median(rebuilds):.2f} s" if rebuilds else "—"
    rebuilt += f" ({statistics.median(cpu):.2f} s CPU)" if cpu else ""
    print(f"| {name} | {len(latencies)} | {statistics.median(latencies):.2f} s | "
          f"{min(latencies):.2f}–{max(latencies):.2f} s | "
          f"{rebuilt} | {os.getloadavg()[0]:.1f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, default=0,
                        help="also a generated guide of this many entries (e.g. 10000)")
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    print("| guide | edits | median save-to-visible | range | median rebuild (serve) | load |")
    print("|---|--:|--:|--:|--:|--:|", flush=True)
    with tempfile.TemporaryDirectory(prefix="reisgids-latency-") as folder:
        site = copy_example(Path(folder) / "example")
        entry = site / "content/deals/samen-eten-in-de-wijk.md"
        if not entry.exists():
            entry = sorted((site / "content/deals").glob("*.md"))[0]
        report("example guide", *measure(site, entry, f"/deals/{entry.stem}/", args.edits))
        if args.entries:
            generated = Path(folder) / "generated"
            write_reisgids(make_corpus(args.entries), generated)
            entry = sorted((generated / "content/deals").glob("*.md"))[0]
            report(f"generated, {args.entries:,} entries",
                   *measure(generated, entry, f"/deals/{entry.stem}/", args.edits))


if __name__ == "__main__":
    main()
