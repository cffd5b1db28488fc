"""Warm in-process rebuild: load_site + build twice (or more) in one Python process.

    python bench/warm_rebuild.py SITE OUT --edit content/lessons/x.md --repeat 3

The first call pays for imports, template compilation and cold caches; every later call is
timed after appending one paragraph to the --edit file, as an editor's save would. Prints
one JSON object: {"first": {...}, "runs": [{"load": s, "build": s, "total": s, "cpu": s}]}
(wall-clock seconds; cpu is this process's CPU time). No search index
(search=False), as with `reisgids build --no-search`. run.py calls this in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_corpus import NOW, append_edit

from reisgids.build import build, load_site


def one_build(root: Path, out: Path, now: date) -> dict[str, float]:
    started, cpu = time.perf_counter(), time.process_time()
    site, report = load_site(root, now=now)
    loaded = time.perf_counter()
    if site is None or report.has_errors:
        raise SystemExit("load_site failed:\n" + "\n".join(
            d.format("en") for d in report.sorted()[:20]))
    report = build(site, out, search=False)
    built = time.perf_counter()
    if report.has_errors:
        raise SystemExit("build failed:\n" + "\n".join(
            d.format("en") for d in report.sorted()[:20]))
    return {"load": loaded - started, "build": built - loaded, "total": built - started,
            "cpu": time.process_time() - cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--edit", type=Path, required=True, help="file to append to")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--now", type=date.fromisoformat, default=NOW)
    args = parser.parse_args()
    first = one_build(args.site, args.out, args.now)
    runs = []
    for n in range(args.repeat):
        append_edit(args.edit, 1000 + n)
        runs.append(one_build(args.site, args.out, args.now))
    print(json.dumps({"first": first, "runs": runs}))


if __name__ == "__main__":
    main()
