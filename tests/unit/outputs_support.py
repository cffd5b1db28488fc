"""Helpers for the tests of the non-page outputs (feeds, calendar, sitemap, open data):
a content graph read from a site folder without rendering Markdown, and the basic site."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from reisgids.build import read_site
from reisgids.graph.content import ContentGraph

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"
NOW = date(2026, 11, 22)


def basic_site(make_site: Callable[[dict[str, str]], Path],
               changes: Mapping[str, str | None] | None = None) -> Path:
    """A copy of the basic site with `changes` ({path: text}, None removes the file)."""
    files: dict[str, str] = {}
    for path in sorted(BASIC.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".yml", ".geojson"):
            files[path.relative_to(BASIC).as_posix()] = path.read_text(encoding="utf-8")
    for rel, text in (changes or {}).items():
        if text is None:
            files.pop(rel, None)
        else:
            files[rel] = text
    root = make_site(files)
    if (BASIC / "static").is_dir():
        shutil.copytree(BASIC / "static", root / "static", dirs_exist_ok=True)
    return root


def graph_of(root: Path, now: date = NOW, *, drafts: bool = False) -> ContentGraph:
    """The linked content graph of a site (build.read_site: no Markdown rendered); fails on
    any error in it."""
    linked, report = read_site(root, now=now, drafts=drafts)
    errors = [p.format() for p in report.items if p.is_error]
    assert linked is not None and not errors, errors
    return linked.graph
