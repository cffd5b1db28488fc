"""read_site: the stages load, validate and graph, importable without the later stages, and
its `meanwhile` called once however the files are read (the CLI imports the later stages
then, while other processes read)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reisgids import pool
from reisgids.cache import BuildCache
from reisgids.read_site import read_site
from reisgids.validate import read_entry

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"
NOW = date(2026, 11, 22)
LATER = ("jinja2", "markdown", "reisgids.render", "reisgids.plan", "reisgids.markdown",
         "reisgids.build", "reisgids.search", "reisgids.incremental")


def test_reading_imports_none_of_the_later_stages() -> None:
    code = ("import sys, reisgids.cli, reisgids.read_site, reisgids.cache_open, "
            "reisgids.unchanged\n"
            f"print(sorted(m for m in {LATER!r} if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, timeout=60).stdout.strip()
    assert shown == "[]"


@pytest.mark.parametrize("how", ["pool", "one process", "cache", "own reader"])
def test_meanwhile_is_called_once_however_the_files_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr(pool, "MIN_ITEMS", 1 if how in ("pool", "cache") else 10_000)
    root = tmp_path / "site"
    shutil.copytree(BASIC, root, ignore=shutil.ignore_patterns(".reisgids-cache"))
    calls: list[int] = []
    cache = BuildCache("ns") if how == "cache" else None
    linked, report = read_site(
        root, now=NOW, jobs=2, cache=cache, meanwhile=lambda: calls.append(1),
        read=(lambda source: read_entry(source)) if how == "own reader" else read_entry)
    assert linked is not None and not report.has_errors
    assert len(linked.graph.entries) > 10
    assert calls == [1]


@pytest.mark.parametrize("command", ["build", "check"])
def test_the_cli_starts_reading_before_it_imports_the_later_stages(
        tmp_path: Path, command: str) -> None:
    # the later stages (0.2 s of imports) are imported while the files are read, so a
    # command that imported them before reading would lose that overlap
    root = tmp_path / "site"
    shutil.copytree(BASIC, root, ignore=shutil.ignore_patterns(".reisgids-cache"))
    code = (
        "import sys, reisgids.read_site as read\n"
        "seen = []\n"
        "original = read.read_site\n"
        "def spy(*args, **kwargs):\n"
        f"    seen.append(sorted(m for m in {LATER!r} if m in sys.modules))\n"
        "    return original(*args, **kwargs)\n"
        "read.read_site = spy\n"
        "from reisgids.cli import cli\n"
        "try:\n"
        f"    cli([{command!r}, sys.argv[1], '--now', '2026-11-22', *sys.argv[2:]])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code, file=sys.stderr)\n"
        "print('seen', seen, file=sys.stderr)\n")
    extra = ["--out", str(tmp_path / "out"), "--no-search", "-q"] if command == "build" else []
    result = subprocess.run([sys.executable, "-c", code, str(root), *extra],
                            capture_output=True, text=True, timeout=120)
    assert "exit 0" in result.stderr, result.stderr
    assert "seen [[]]" in result.stderr, result.stderr
