"""With a pool, whether a page is carried over is decided in the workers (render.site,
PageReuse): the parent only notes what they found. The keys they took must reach the
cache, or the next build would render every page again; the bytes must be those of a
build without cache and without a pool."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from reisgids import pool
from reisgids.build import build, load_site
from reisgids.cache import BuildCache
from reisgids.cache_open import open_cache
from reisgids.incremental import Incremental

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"
NOW = date(2026, 11, 22)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def build_into(root: Path, out: Path, cache: BuildCache | None, jobs: int) -> int:
    """The pages this build rendered (the rest were carried over)."""
    site, report = load_site(root, now=NOW, jobs=jobs, cache=cache)
    assert site is not None and not report.has_errors, report.items
    before = cache.rendered_pages if cache is not None else 0
    assert not build(site, out, search=False, jobs=jobs, cache=cache).has_errors
    return (cache.rendered_pages if cache is not None else 0) - before


def test_the_workers_decide_and_their_keys_carry_the_next_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "keys"))
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)  # the basic site is below the threshold
    root, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(BASIC, root, ignore=shutil.ignore_patterns(".reisgids-cache"))
    deciders = tmp_path / "deciders"
    decide = Incremental.decide

    def noting_the_process(self: Incremental, path: str, page: object,
                           site: object) -> tuple[bool, str | None]:
        with deciders.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return decide(self, path, page, site)  # type: ignore[arg-type]

    monkeypatch.setattr(Incremental, "decide", noting_the_process)
    cache = open_cache(root)
    pages = build_into(root, out, cache, jobs=2)
    assert pages > 20
    assert {int(pid) for pid in deciders.read_text().split()} - {os.getpid()}, \
        "no page was decided in a worker"
    edited = root / "content/news/maaltijd-gestart.md"
    edited.write_text(edited.read_text(encoding="utf-8")
                      + "\nNieuwe alinea: de keuken blijft open.\n", encoding="utf-8")
    rendered = build_into(root, out, cache, jobs=2)
    # the news page, and the few that show its body; not every page, as without the keys
    assert 1 <= rendered <= 5, rendered
    assert "keuken blijft open" in (out / "nieuws/maaltijd-gestart/index.html").read_text(
        encoding="utf-8")
    build_into(root, tmp_path / "plain", None, jobs=1)
    assert tree(out) == tree(tmp_path / "plain")
