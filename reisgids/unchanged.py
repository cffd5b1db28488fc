"""A `reisgids build` whose inputs are all the same as last time does nothing at all.

The output is a function of the site's files (reisgids.yml, content/, static/, data/,
themes/), the build's options and reisgids itself (the cache's namespace: its version, the
libraries that shape the HTML, the built-in theme). So when a hash of all of those equals
the one recorded after the last successful build into the same folder, and that folder
still holds exactly the files recorded then, the build has nothing to do: no file is read
beyond hashing, nothing is parsed, planned, rendered or written, and the diagnostics of that
build are shown again as they were.

Not used with git dates (the history is an input too), nor without a cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from reisgids.cache import BuildCache, diagnostic_from_json, diagnostic_json
from reisgids.errors import Report
from reisgids.source.links import SITE_PARTS


def inputs_key(root: Path, *, now: date, drafts: bool, base_url: str | None, search: bool,
               git_dates: bool) -> str | None:
    """A hash of every input of a build, or None when one cannot be hashed (a link, an
    unreadable file) or git dates are asked for."""
    config = root / "reisgids.yml"
    try:
        if git_dates or b"git_dates" in config.read_bytes():
            return None
    except OSError:
        return None
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((now.isoformat(), drafts, base_url, search)).encode())
    for name in SITE_PARTS:
        part = root / name
        if part.is_symlink():
            return None
        paths = [part] if part.is_file() else sorted(p for p in part.rglob("*")) \
            if part.is_dir() else []
        for path in paths:
            if path.is_symlink():
                return None
            if path.is_dir():
                continue
            try:
                data = path.read_bytes()
            except OSError:
                return None
            rel = path.relative_to(root).as_posix()
            digest.update(f"{rel}\x00{len(data)}\x00".encode("utf-8", "surrogateescape"))
            digest.update(data)
    return digest.hexdigest()


def _files(out: Path) -> dict[str, list[int]]:
    """(size, mtime, inode) of every file in `out`, search bundle included; a link is
    recorded as itself, never followed. One scandir per folder and the relative path built
    as it goes (os.walk and os.path.relpath per file took twice as long: 0.027 s -> 0.016
    at 1,000 entries, in every build with a cache)."""
    found: dict[str, list[int]] = {}
    folders = [("", os.fspath(out))]
    while folders:
        prefix, folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    rel = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((rel + "/", entry.path))
                        continue
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    found[rel] = [st.st_size, st.st_mtime_ns, st.st_ino]
        except OSError:
            continue
    return found


def pages_in(files: Iterable[str]) -> int:
    """How many HTML pages a listing of the output (`_files`) holds, for the CLI's last line:
    counted from the walk made here, so the output is not walked again for it."""
    return sum(1 for rel in files if rel.endswith(".html"))


def replay(cache: BuildCache, out: Path, key: str | None
           ) -> tuple[Report, Report, str, int] | None:
    """(load report, build report, language, pages) of the last build into `out` when it
    had the same inputs and `out` is as it left it; otherwise None (build as usual)."""
    if key is None:
        return None
    kept: dict[str, Any] | None = cache.builds.get(str(out.resolve()))
    if kept is None or kept.get("key") != key:
        return None  # other inputs
    files = _files(out)
    if kept.get("files") != files:
        return None  # the folder was touched since
    loaded, built = Report(), Report()
    try:
        loaded.extend(diagnostic_from_json(d) for d in kept["load"])
        built.extend(diagnostic_from_json(d) for d in kept["build"])
        return loaded, built, str(kept["language"]), pages_in(files)
    except (KeyError, TypeError, ValueError):
        return None


def remember(cache: BuildCache, root: Path, out: Path, key: str | None, loaded: Report,
             built: Report, language: str) -> int | None:
    """After a successful build: its inputs and diagnostics, for `replay`. The number of
    pages in `out` when it was walked for that (with a `key`), else None."""
    folder = str(out.resolve())
    if key is None:
        if cache.builds.pop(folder, None) is not None or cache.dirty:
            cache.save(root)
        return None
    files = _files(out)
    record = {"key": key, "language": language, "files": files,
              "load": [diagnostic_json(d) for d in loaded.sorted()],
              "build": [diagnostic_json(d) for d in built.sorted()]}
    if cache.builds.get(folder) != record or cache.dirty:
        cache.builds[folder] = record
        cache.save(root)
    return pages_in(files)
