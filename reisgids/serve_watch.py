"""What `reisgids serve` watches: a snapshot of the site's files, and what changed between
two snapshots. Polling, not file events: it works the same on every system and in every
container, and a scan of a thousand files takes a few milliseconds."""

from __future__ import annotations

import os
from pathlib import Path

from reisgids.config import CONFIG_FILE

WATCHED_DIRS = ("content", "static", "data", "themes")

Snapshot = dict[str, tuple[int, int, int]]


def _ignored(name: str) -> bool:
    """Hidden files and editor leftovers (.x.swp, x~, vim's 4913) start no rebuild."""
    return name.startswith(".") or name.endswith("~") or name == "4913"


def scan(root: Path, out: Path | None = None) -> Snapshot:
    """(mtime, size, inode) of every watched file, keyed by its site-relative POSIX path.

    The inode catches files replaced whole (git checkout, editors that write a temp file
    and rename it) even when mtime and size happen to match. `root` and `out` are absolute;
    `out` is skipped when it lies inside a watched folder. Runs every POLL_MS, so it uses
    os.scandir and plain strings (a few ms for a site of a thousand files)."""
    found: Snapshot = {}
    skip = str(out) if out is not None else None
    prefix = len(str(root)) + 1

    def walk(folder: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:  # not there (yet), or gone meanwhile
            return
        for entry in entries:
            if _ignored(entry.name):
                continue
            try:
                if entry.is_dir():
                    if entry.path != skip:
                        walk(entry.path)
                    continue
                st = entry.stat()
            except OSError:
                continue
            found[entry.path[prefix:].replace(os.sep, "/")] = (
                st.st_mtime_ns, st.st_size, st.st_ino)

    try:
        st = (root / CONFIG_FILE).stat()
        found[CONFIG_FILE] = (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        pass
    for name in WATCHED_DIRS:
        walk(os.path.join(root, name))
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Added, removed and modified paths."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
