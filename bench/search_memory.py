"""Peak memory of a build with search, split into reisgids and its Pagefind child.

    .venv/bin/python bench/search_memory.py                      # 10,000 entries
    .venv/bin/python bench/search_memory.py --entries 1000
    .venv/bin/python bench/search_memory.py --site /tmp/guide    # an existing guide
    .venv/bin/python bench/search_memory.py --keep               # keep the output folder

Makes the synthetic guide (bench/site_corpus.py, fixed seed) unless `--site` is given, then
runs one cold `reisgids build` with search in a fresh process and prints:

- the whole build: wall and CPU seconds, and the peak resident set of the largest single
  process in its tree (GNU `time -v`, wait4 semantics);
- reisgids itself: the peak of the main Python process (getrusage(RUSAGE_SELF) at exit;
  its worker processes, if any, are counted in the whole-build figure only);
- Pagefind: the binary is started through a small wrapper (`PAGEFIND_BINARY_PATH`, which
  reisgids.search honours) that runs it under GNU `time -v`, so its own peak and CPU
  seconds are read separately (one run per part of the index: the largest peak, the CPU
  summed);
- the process tree: reisgids' peak plus the largest Pagefind run, an upper bound of what
  the two hold at once (Pagefind runs one part at a time, reisgids waits);
- the sampled tree (bench/tree_memory.py): every 50 ms, the sum of RSS and of PSS over
  all the build's processes (pool workers, the second process, Pagefind), and which
  processes held the PSS peak, and the peak of each stage (Pagefind, a pool, reisgids
  alone): what the machine really had to give at once;
- the index: bytes and files of `pagefind/`, per folder (fragments, word index, filters).

It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import GNU_TIME, run_measured  # noqa: E402
from site_corpus import NOW, make_corpus, write_reisgids  # noqa: E402
from tree_memory import TreeSampler  # noqa: E402

# Runs the reisgids command line in this process and writes its own peak RSS at exit.
SELF_WRAPPER = """
import atexit, json, resource, sys
report = sys.argv.pop(1)
@atexit.register
def _peak():
    with open(report, "w") as handle:
        json.dump({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, handle)
from reisgids.cli import main
sys.argv[0] = "reisgids"
main()
"""


def pagefind_wrapper(folder: Path, usage: Path) -> Path:
    """A script that runs the real Pagefind binary under GNU time, writing to `usage`."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SystemExit("the Pagefind program is missing (pip install 'pagefind[bin]')")
    script = folder / "pagefind-measured"
    script.write_text(f'#!/bin/sh\nexec "{GNU_TIME}" -v -a -o "{usage}" "{binary}" "$@"\n',
                      encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def gnu_time(text: str) -> tuple[float, int, int]:
    """(CPU seconds summed, largest peak RSS KiB, runs) from GNU `time -v` reports, one per
    Pagefind run (reisgids runs Pagefind once per part of the index)."""
    cpu, peak, runs = 0.0, 0, 0
    for report in text.split("Command being timed:")[1:]:
        found = dict(re.findall(r"^\s*(.+?): (\S+)$", report, re.MULTILINE))
        cpu += float(found["User time (seconds)"]) + float(found["System time (seconds)"])
        peak = max(peak, int(found["Maximum resident set size (kbytes)"]))
        runs += 1
    return cpu, peak, runs


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="an existing guide instead of the corpus")
    parser.add_argument("--jobs", type=int, help="passed to reisgids build --jobs")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if not GNU_TIME.exists():
        raise SystemExit("needs GNU time (apt-get install time)")
    work = Path(tempfile.mkdtemp(prefix="reisgids-search-memory-"))
    try:
        site = args.site
        if site is None:
            site = work / "guide"
            print(f"corpus: {args.entries} entries -> {site}", file=sys.stderr)
            write_reisgids(make_corpus(args.entries), site)
        out = work / "out"
        pf_usage, self_usage = work / "pagefind.usage", work / "self.json"
        env = dict(os.environ, PAGEFIND_BINARY_PATH=str(pagefind_wrapper(work, pf_usage)))
        shutil.rmtree(site / ".reisgids-cache", ignore_errors=True)  # a cold build
        argv = [sys.executable, "-c", SELF_WRAPPER, str(self_usage), "build", str(site),
                "--now", NOW.isoformat(), "--out", str(out)]
        if args.jobs:
            argv += ["--jobs", str(args.jobs)]
        print("building with search ...", file=sys.stderr)
        with TreeSampler() as tree:
            run = run_measured(argv, cwd=work, timeout=3600, env=env)
        if not run.ok:
            print(run.output[-3000:], file=sys.stderr)
            raise SystemExit(f"the build failed (exit {run.code})")
        own = json.loads(self_usage.read_text(encoding="utf-8"))["maxrss_kib"]
        pf_cpu, pf_rss, pf_runs = gnu_time(pf_usage.read_text(encoding="utf-8"))
        bundle = out / "pagefind"
        total, count = folder_size(bundle)
        pages = sum(1 for _ in out.rglob("*.html"))
        print(f"site: {site} ({pages:,} HTML pages)")
        print(f"whole build:   wall {run.wall:.1f} s, CPU {run.cpu or 0:.1f} s, "
              f"peak RSS (largest process) {mib(run.rss_kib or 0)}")
        print(f"reisgids:      peak RSS of the main process {mib(own)}")
        print(f"Pagefind:      {pf_runs} runs (parts), CPU {pf_cpu:.1f} s in all, "
              f"peak RSS of the largest run {mib(pf_rss)}")
        print(f"process tree:  at most {mib(own + pf_rss)} at once (reisgids' peak + the "
              "largest Pagefind run; they run one after another)")
        print(f"sampled tree:  {tree.report()}")
        print(f"index:         {total / 2**20:,.1f} MiB in {count:,} files")
        for part in sorted(p for p in bundle.iterdir() if p.is_dir()):
            size, files = folder_size(part)
            print(f"  {part.name + '/':<12} {size / 2**20:8,.1f} MiB in {files:,} files")
        loose = sum(p.stat().st_size for p in bundle.iterdir() if p.is_file())
        print(f"  {'(top level)':<12} {loose / 2**20:8,.1f} MiB")
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
