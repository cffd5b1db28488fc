"""The files of an output folder, as the build cache uses them: is a file still the one
recorded, carry it by hard link, write a file without writing through a link, and sweep
what a build did not make."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reisgids.fingerprint import Fingerprinter, Unstable
from reisgids.search import INDEX_DIR


def same_file(path: str | Path, record: list[Any]) -> bool:
    """The file is still the one the record describes (size, mtime, inode). A plain
    string path saves building a Path (serve checks 11,000 pages per save)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return [st.st_size, st.st_mtime_ns, st.st_ino] == record[1:4]


def made_key(fingerprint: Fingerprinter, theme: str, name: str,
             inputs: tuple[object, ...]) -> str | None:
    """The key kept in the records of the files output `name` made from `inputs` (the
    build and serve's later work both carry by it); None when the inputs cannot be
    fingerprinted."""
    try:
        return f"made:{name}:{fingerprint(theme, name, *inputs)}"
    except Unstable:
        return None


def made_with(out: Path, records: dict[str, list[Any]], key: str) -> list[str] | None:
    """The files of `out` whose record names `key` (what made them), when there are some
    and every one is still as written; else None (the output is made again)."""
    paths = [rel for rel, record in records.items() if record[4] == key]
    if not paths or not all(same_file(out / rel, records[rel]) for rel in paths):
        return None
    return paths


def stamp(path: Path) -> list[int]:
    try:
        st = path.stat()
    except OSError:
        return []
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def prune(out: Path, folder: Path) -> None:
    """Remove `folder` and its parents up to `out` while they are empty."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone)
            return
        folder = folder.parent


def sweep(out: Path, wanted: set[str]) -> bool:
    """Remove everything in `out` but `wanted` and the search index; True when an HTML
    file went."""
    went_html = False
    for path in sorted(out.rglob("*"), reverse=True):  # children before their folder
        rel = path.relative_to(out).as_posix()
        if rel.split("/")[0] == INDEX_DIR or rel in wanted:
            continue
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        else:
            path.unlink()
            went_html = went_html or rel.endswith(".html")
    return went_html


def static_sources(static: Sequence[tuple[Path, str]]) -> dict[str, Path]:
    """Output path -> source file of the static folders, as write.copy_tree copies them
    (later folders override earlier ones; links and hidden files are left out)."""
    found: dict[str, Path] = {}
    for source, prefix in static:
        if not source.is_dir():
            continue
        for path in sorted(source.rglob("*")):
            if path.is_symlink() or not path.is_file() or path.name.startswith("."):
                continue
            found[f"{prefix}/{path.relative_to(source).as_posix()}"] = path
    return found


def write_new(target: Path, data: bytes) -> None:
    """A new file beside the target, then renamed over it: never written through a link
    into the previous output, never seen half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def carry_file(source: Path, target: Path) -> None:
    """A hard link (a copy where links cannot be made), its folder made first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    link_or_copy(source, target)


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: a copy
        shutil.copyfile(source, target)
