"""Whose folder is the output? Only ours may be replaced; one build at a time per folder.

`reisgids build --out DIR` replaces DIR whole. A typo (`--out ~`, `--out .git`, a folder of
someone's files) would otherwise delete what was there, so a folder is only replaced when
it does not exist, is empty, or carries reisgids' marker from an earlier build.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".reisgids-output"
MARKER_TEXT = (b"Deze map is gemaakt door reisgids en wordt bij elke build in zijn geheel "
               b"vervangen.\nThis folder was made by reisgids and is replaced whole by every "
               b"build.\n")
# Outputs of reisgids before the marker existed: these three files at the top.
LEGACY = ("index.html", "404.html", "sitemap.xml")


class OutputRefused(Exception):
    """The output folder is not ours to replace; the message names it (in Dutch)."""


def refusal(out: Path) -> str | None:
    """Why `out` may not be replaced, or None when it may."""
    target = out.absolute()
    if target.is_symlink():
        return (f"de uitvoermap {out} is een symbolische link; geef de echte map op "
                f"({os.path.realpath(target)})")
    if not target.exists():
        return None
    if not target.is_dir():
        return f"{out} is een bestand, geen map"
    resolved = target.resolve()
    if resolved == Path.home().resolve() or resolved == Path(resolved.anchor):
        return f"{out} is je thuismap of de hoofdmap; kies een aparte uitvoermap"
    if (target / ".git").exists() or target.name == ".git":
        return f"{out} is (of bevat) een git-repository (.git); die vervangt reisgids niet"
    names = {p.name for p in target.iterdir()}
    if not names or MARKER in names or all(name in names for name in LEGACY):
        return None
    return (f"{out} bevat al bestanden die reisgids niet heeft gemaakt (geen {MARKER}); "
            "kies een lege of nieuwe map, of maak deze map eerst zelf leeg")


def check_output(out: Path) -> None:
    """Raise OutputRefused when `out` is not ours to replace."""
    reason = refusal(out)
    if reason is not None:
        raise OutputRefused(reason)


def lock_path(out: Path) -> Path:
    return out.absolute().parent / f".{out.name}.lock"


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the lock of `out` (waits while another build holds it).

    The lock file is removed on release; a waiter that then holds the lock of a removed
    file tries again, so two builds never both think they hold it."""
    path = lock_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                sys.stderr.write(f"wacht: een andere build schrijft naar {out}\n")
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)
