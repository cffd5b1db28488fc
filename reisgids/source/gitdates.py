"""Dates from git: the day of the last commit that touched each content file.

One `git log` for the whole content folder (not one call per file); file names come back
NUL-separated and are never passed to git as arguments, so no name can act as an option.
Without git, outside a repository, in a shallow clone or on any git failure the answer is
simply empty: the build falls back to the dates written in the front matter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from reisgids.model.document import ContentEntry

TIMEOUT = 120  # seconds; a history too large to read in that time gives no dates


def _git(root: Path, *args: str) -> bytes | None:
    """git's stdout, or None when git is missing or fails (not a repository, ...)."""
    git = shutil.which("git")
    if git is None:
        return None
    command = [git, "-c", "core.quotepath=off", "-c", "core.fsmonitor=false", *args]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, timeout=TIMEOUT,
                                check=False, stdin=subprocess.DEVNULL,
                                env={**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"})
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _git_log(root: Path) -> bytes | None:
    # A shallow clone (CI's default) cuts the history off: every file would get the date
    # of the oldest commit it has, which is wrong, so it gives no dates at all.
    if _git(root, "rev-parse", "--is-shallow-repository") != b"false\n":
        return None
    return _git(root, "log", "--relative", "--no-renames", "--no-ext-diff", "--name-only",
                "--format=%x1e%cs", "-z", "--", "content")


def parse_log(output: bytes) -> dict[str, date]:
    """`git log --format=%x1e%cs --name-only -z` (newest first) -> path: last change."""
    found: dict[str, date] = {}
    for record in output.split(b"\x1e"):
        head, _, names = record.partition(b"\n")
        try:
            day = date.fromisoformat(head.strip(b"\0").decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            continue
        for raw in names.split(b"\0"):
            name = raw.strip(b"\n").decode("utf-8", "surrogateescape")
            if name and name not in found:
                found[name] = day
    return found


def last_commit_dates(root: Path) -> dict[str, date]:
    """Site-relative POSIX path of each committed content file -> the day of its last
    commit; {} when git cannot say."""
    output = _git_log(root)
    return parse_log(output) if output else {}


def with_git_dates(entries: list[ContentEntry], dates: dict[str, date]) -> list[ContentEntry]:
    """Entries without `updated` get the day of their file's last commit; a date written
    in the front matter always wins."""
    return [replace(e, data=e.data.model_copy(update={"updated": dates[e.rel]}))
            if e.data.updated is None and e.rel in dates else e for e in entries]
