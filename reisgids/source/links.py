"""Symbolic links in a site are never followed: each one is an error naming it and its target.

Git stores links, so one pull request can add `static/logo.png -> /home/ci/.ssh/id_rsa` or
`content -> /etc`: followed, the build would publish files from outside the site. Every
reader skips links; this module names them, so that a skipped file is never silent.
"""

from __future__ import annotations

import os
from pathlib import Path

from reisgids.errors import Diagnostic, Location, Text, error, shown
from reisgids.source.listing import Listing, list_folder

# What a site is made of; links anywhere inside these are reported.
SITE_PARTS = ("reisgids.yml", "content", "static", "data", "themes")


def link_error(root: Path, link: Path) -> Diagnostic:
    rel = link.relative_to(root).as_posix()
    try:
        target = shown(os.readlink(link))
    except OSError:
        target = "?"
    return error("path-symlink", Location(rel), Text(
        f"'{shown(rel)}' is een symbolische link (naar '{target}'); reisgids volgt geen links",
        f"'{shown(rel)}' is a symbolic link (to '{target}'); reisgids does not follow links"),
        hint=Text("vervang de link door een echt bestand of een echte map in de site",
                  "replace the link with a real file or folder inside the site"))


def find_links(root: Path, listing: Listing | None = None) -> list[Diagnostic]:
    """Every symbolic link among the site's parts, sorted, without following any.
    `listing` (serve): the folders as its scan listed them (source/listing.py)."""
    problems: list[Diagnostic] = []
    for name in SITE_PARTS:
        part = root / name
        if part.is_symlink():
            problems.append(link_error(root, part))
            continue
        if part.is_dir():
            _links_below(root, str(part), problems, listing)
    return sorted(problems, key=lambda d: d.location.path)


def _links_below(root: Path, folder: str, problems: list[Diagnostic],
                 listing: Listing | None) -> None:
    """os.scandir tells a link by the name's entry (no stat per file: serve runs this on
    every save, from its own scan's listing); a link to a folder is reported, never
    entered."""
    try:
        items = list_folder(folder, listing)
    except OSError:  # unreadable, or gone meanwhile: nothing to report in it
        return
    for item in items:
        if item.is_symlink():
            problems.append(link_error(root, Path(item.path)))
        elif item.is_dir(follow_symlinks=False):
            _links_below(root, item.path, problems, listing)


def is_link_free(root: Path, path: Path) -> bool:
    """True when no part of `path` below `root` is a symbolic link (the file may not exist)."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return False
    return True
