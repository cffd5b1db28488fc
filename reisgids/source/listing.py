"""The site's folders as listed once, so that a save is not read three times.

`reisgids serve` lists every watched folder to see which files changed (serve_watch.py).
Discover and the symbolic-link check (source/discover.py, source/links.py) then read the
same listing instead of listing the folders again: at 10,000 entries each walk cost 0.1 s
per save. The items are the `os.DirEntry` objects of that one `os.scandir`, so what they
say (link, folder, file) is what a fresh listing at that moment says; a folder the scan did
not enter (hidden ones, the output folder) is listed when asked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reisgids.source.discover import SourceFile

Stamp = tuple[int, int, int]  # (mtime_ns, size, inode) of a file, not following links


@dataclass
class Listing:
    """What one scan found: each folder's items (by the folder's absolute path, as
    `os.path.join` spells it) and each watched file's stamp (by site-relative POSIX path)."""

    folders: dict[str, list[os.DirEntry[str]]] = field(default_factory=dict)
    stamps: dict[str, Stamp] = field(default_factory=dict)
    # each listed folder's mtime, taken before it was listed (serve_watch.looks_changed)
    folder_times: dict[str, int] = field(default_factory=dict)
    # the content files discover found last, by absolute path, handed from scan to scan:
    # a file found again is the same SourceFile (no Path per file per save)
    sources: dict[str, SourceFile] = field(default_factory=dict)


def list_folder(folder: str, listing: Listing | None = None) -> list[os.DirEntry[str]]:
    """The items of `folder`, from `listing` when it holds them, else listed now (OSError
    when the folder cannot be listed, as `os.scandir` raises it)."""
    if listing is not None:
        found = listing.folders.get(folder)
        if found is not None:
            return found
    with os.scandir(folder) as items:
        return list(items)


def file_stamp(path: str, rel: str, listing: Listing | None = None) -> Stamp:
    """The stamp of the file at `path` (site-relative `rel`): from `listing` when it holds
    it, else from an lstat now (OSError when it is not there)."""
    if listing is not None:
        found = listing.stamps.get(rel)
        if found is not None:
            return found
    return stamp_of(os.lstat(path))


def stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_mtime_ns, st.st_size, st.st_ino)
