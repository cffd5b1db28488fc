"""Profile one reisgids build of a generated corpus and print where the time goes.

    .venv/bin/python bench/profile_build.py                  # 1,000 entries, no search
    .venv/bin/python bench/profile_build.py --entries 10000 --top 40
    .venv/bin/python bench/profile_build.py --profiler pyinstrument   # if installed
    .venv/bin/python bench/profile_build.py --search          # include the Pagefind index

Generates the corpus of bench/site_corpus.py in a temporary folder, then runs
load_site() + build() once in this process under cProfile (or pyinstrument: the default
when it is importable; --profiler chooses) and prints the top functions by cumulative time
and by own time, with the wall time of each stage. The cProfile data is also saved to
bench/results/profile-<entries>.prof (open with snakeviz or pstats). Imports are done
before profiling, so the profile shows a build, not Python's start-up.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from site_corpus import NOW, make_corpus, write_reisgids  # noqa: E402

from reisgids.build import build, load_site  # noqa: E402

RESULTS = BENCH / "results"


def build_once(root: Path, out: Path, search: bool) -> dict[str, float]:
    started = time.perf_counter()
    site, report = load_site(root, now=NOW)
    loaded = time.perf_counter()
    if site is None or report.has_errors:
        raise SystemExit("load_site failed:\n" + "\n".join(
            d.format("en") for d in report.sorted()[:20]))
    report = build(site, out, search=search)
    if report.has_errors:
        raise SystemExit("build failed:\n" + "\n".join(
            d.format("en") for d in report.sorted()[:20]))
    return {"load_site": loaded - started, "build": time.perf_counter() - loaded}


def print_stats(profile: cProfile.Profile, sort: str, top: int) -> None:
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    text = stream.getvalue()
    # pstats starts with a summary line and a blank; keep from the column headings on
    start = text.find("   ncalls")
    print(text[start:] if start >= 0 else text)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--search", action="store_true", help="also build the search index")
    parser.add_argument("--profiler", choices=("auto", "cprofile", "pyinstrument"),
                        default="auto")
    parser.add_argument("--warm", action="store_true",
                        help="build once unprofiled first, then profile a second build")
    args = parser.parse_args()
    profiler = args.profiler
    if profiler == "auto":
        profiler = ("pyinstrument" if importlib.util.find_spec("pyinstrument") is not None
                    else "cprofile")

    work = Path(tempfile.mkdtemp(prefix="reisgids-profile-"))
    try:
        root, out = work / "site", work / "out"
        write_reisgids(make_corpus(args.entries, args.seed), root)
        if args.warm:
            build_once(root, out, args.search)
        print(f"# reisgids build of {args.entries:,} entries (seed {args.seed}, "
              f"search {'on' if args.search else 'off'}, "
              f"{'second build in this process' if args.warm else 'first build'}), "
              f"profiled with {profiler}")
        if profiler == "pyinstrument":
            from pyinstrument import Profiler  # type: ignore[import-not-found,unused-ignore]

            sampler = Profiler()
            sampler.start()
            stages = build_once(root, out, args.search)
            sampler.stop()
            print(sampler.output_text(unicode=True, color=False))
        else:
            profile = cProfile.Profile()
            profile.enable()
            stages = build_once(root, out, args.search)
            profile.disable()
            print(f"\n## top {args.top} by cumulative time\n")
            print_stats(profile, "cumulative", args.top)
            print(f"## top {args.top} by own time (tottime)\n")
            print_stats(profile, "tottime", args.top)
            RESULTS.mkdir(parents=True, exist_ok=True)
            saved = RESULTS / f"profile-{args.entries}.prof"
            profile.dump_stats(saved)
            print(f"cProfile data: {saved}")
        pages = sum(1 for _ in out.rglob("*.html"))
        print("stages (wall, profiler overhead included): " + ", ".join(
            f"{k} {v:.2f} s" for k, v in stages.items()) + f"; {pages:,} HTML pages")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
