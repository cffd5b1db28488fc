"""Open the site's build cache under the namespace of this reisgids, its libraries and its
themes: the first thing every build does, before it knows whether anything changed.

Kept apart from incremental.py so that a build whose inputs are all unchanged
(unchanged.py) imports neither Markdown, Jinja, pydantic nor the planner: it only needs the
cache, the hash of its inputs and the listing of its output.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from reisgids import BUILTIN_THEMES, __version__
from reisgids.cache import BuildCache, load, theme_namespace

LIBRARIES = ("markdown", "pymdown-extensions", "nh3", "jinja2", "markupsafe", "pagefind")


def _versions() -> list[str]:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return found


def _theme_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in (root / "themes", BUILTIN_THEMES):
        if folder.is_dir():
            files += [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return files


def open_cache(root: Path, *, read: bool = True) -> BuildCache:
    """The site's cache, or an empty one when it is missing, foreign or out of date.
    `read=False`: only its outputs file (cache.load); BuildCache.load_read() takes the rest."""
    namespace = theme_namespace(__version__, _theme_files(root), _versions())
    return load(root, namespace, read=read)
