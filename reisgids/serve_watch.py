"""What `reisgids serve` watches: a snapshot of the site's files, and what changed between
two snapshots. Polling, not file events: it works the same on every system and in every
container, and a scan of a thousand files takes a few milliseconds."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reisgids.config import CONFIG_FILE
from reisgids.source.listing import Listing, Stamp, stamp_of

WATCHED_DIRS = ("content", "static", "data", "themes")

Snapshot = dict[str, Stamp]


def _ignored(name: str) -> bool:
    """Hidden files and editor leftovers (.x.swp, x~, vim's 4913) start no rebuild."""
    return name.startswith(".") or name.endswith("~") or name == "4913"


def take_listing(root: Path, out: Path | None = None,
                 previous: Listing | None = None) -> Listing:
    """Every watched folder's items, and the (mtime, size, inode) of every watched file
    keyed by its site-relative POSIX path (`stamps`: what serve compares between scans).

    The inode catches files replaced whole (git checkout, editors that write a temp file
    and rename it) even when mtime and size happen to match. `root` and `out` are absolute;
    `out` is skipped when it lies inside a watched folder. Links are stamped themselves and
    never entered (reisgids does not follow them; source/links.py names them). Runs every
    POLL_MS, so it uses os.scandir and plain strings; the listing is handed to the rebuild
    (source/listing.py), so that discover and the link check do not list again;
    `previous`: the last listing, whose content files discover keeps."""
    listing = Listing(sources=previous.sources if previous is not None else {})
    found = listing.stamps
    skip = str(out) if out is not None else None

    def walk(folder: str, rel: str) -> None:
        try:
            # before listing: a change made while it is listed shows as a newer mtime
            listing.folder_times[folder] = os.stat(folder).st_mtime_ns
            with os.scandir(folder) as items:
                entries = list(items)
        except OSError:  # not there (yet), or gone meanwhile
            return
        listing.folders[folder] = entries
        for entry in entries:
            name = entry.name
            if _ignored(name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.path != skip:
                        walk(entry.path, rel + name + "/")
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[rel + name] = stamp_of(st)

    try:
        listing.folder_times[str(root)] = os.stat(root).st_mtime_ns  # a watched folder came
        st = (root / CONFIG_FILE).stat()
        found[CONFIG_FILE] = stamp_of(st)
    except OSError:
        pass
    for name in WATCHED_DIRS:
        walk(os.path.join(root, name), name + "/")
    return listing


def looks_changed(root: Path, listing: Listing, recent: Iterable[str]) -> bool:
    """A cheap look between two scans of a large site: has a listed folder's mtime changed
    (a file came, went or was renamed over, as editors save), or the stamp of a file saved
    recently (`recent`, site-relative: an editor saves the same file again)? A few dozen
    stats instead of one per file; what it cannot see (another file written in place) the
    next scan finds, as before."""
    for folder, mtime in listing.folder_times.items():
        try:
            if os.stat(folder).st_mtime_ns != mtime:
                return True
        except OSError:
            return True
    for rel in recent:
        try:
            st = os.lstat(os.path.join(root, rel))
        except OSError:
            if rel in listing.stamps:
                return True
            continue
        if listing.stamps.get(rel) != stamp_of(st):
            return True
    return False


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Added, removed and modified paths."""
    if before == after:  # most scans: compared in C, no set of 10,000 paths
        return set()
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
