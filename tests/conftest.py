"""Shared fixtures: small sites written on the fly, and the example guide built once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-22"  # the example guide is judged against this date in tests

MINIMAL_CONFIG = """\
title: Testgids
base_url: https://example.org/gids/
language: nl
vocabularies:
  themes: {eenzaamheid: Eenzaamheid, informele-zorg: Informele zorg}
  forms: {wijkonderneming: Wijkonderneming}
  partner_types: {gemeente: Gemeente, initiatief: Initiatief}
"""

SiteFactory = Callable[[dict[str, str]], Path]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`: its path and bytes (two outputs compared byte for byte)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root`: its inode and mtime (unchanged: not one file rewritten)."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def basic_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/sites/basic, built with a cache key of its own and without
    SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "keys"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    target = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "basic", target,
                    ignore=shutil.ignore_patterns(".reisgids-cache"))
    return target


@pytest.fixture
def make_site(tmp_path: Path) -> SiteFactory:
    """make_site({"content/deals/x.md": "---\\n...", ...}) -> site root.

    reisgids.yml gets MINIMAL_CONFIG unless the mapping gives its own."""

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        (root / "content").mkdir(exist_ok=True)
        if "reisgids.yml" not in files:
            (root / "reisgids.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command as an editor would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "reisgids", *args], cwd=cwd or REPO,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example guide (content/ of this repository) built once, with search."""
    out = tmp_path_factory.mktemp("example") / "output"
    result = run_cli("build", str(REPO), "--out", str(out), "--now", NOW)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def copy_of_example(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """A fresh, writable copy of the example site's sources (for tests that edit)."""

    def copy() -> Path:
        root = tmp_path_factory.mktemp("example-src")
        for name in ("reisgids.yml", "content", "data", "static", "themes"):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name)
            elif source.is_file():
                shutil.copy(source, root / name)
        return root

    return copy
