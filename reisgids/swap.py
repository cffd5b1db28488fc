"""Swap two folders in one step, so that the output is never missing or half there.

Linux has renameat2(RENAME_EXCHANGE) (since 3.15; most file systems): the staged folder
and the output trade places atomically. Elsewhere (or on a file system without it) the
fallback renames the output aside and the stage into place: two renames, a very short
moment without output, but never a half-written one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path
from typing import Any

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _renameat2() -> Any:
    """libc's renameat2, or None."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                     ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def exchange(a: Path, b: Path) -> bool:
    """Atomically trade the names of two existing paths; False when the system cannot."""
    func = _renameat2()
    if func is None:
        return False
    if func(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def swap_in(stage: Path, out: Path, keep: Path | None = None) -> None:
    """Make `stage` the new `out`; the old output is removed afterwards, or, with `keep`,
    emptied of its files and left at `keep` for the next build to stage in (write.py)."""
    if not out.exists():
        os.rename(stage, out)
        return
    if exchange(stage, out):
        _retire(stage, keep)  # now holds the previous output
        return
    old = stage.with_name(stage.name + ".old")
    os.rename(out, old)
    os.rename(stage, out)
    _retire(old, keep)


def _retire(folder: Path, keep: Path | None) -> None:
    """Remove the previous output; with `keep`, only its files: its folders go to `keep`.
    (Making a folder is the dearest step of staging on some file systems, and the next
    build needs most of the same ones.)"""
    if keep is None:
        shutil.rmtree(folder)
        return
    try:
        empty_of_files(folder)
        shutil.rmtree(keep, ignore_errors=True)
        os.rename(folder, keep)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def empty_of_files(folder: Path) -> None:
    """Unlink everything in `folder` but its folders (links to folders are unlinked too,
    never followed). Raises OSError when something cannot be removed."""
    for current, dirs, files in os.walk(folder):  # never follows links
        for name in files:
            os.unlink(os.path.join(current, name))
        for name in list(dirs):
            path = os.path.join(current, name)
            if os.path.islink(path):
                os.unlink(path)
                dirs.remove(name)
