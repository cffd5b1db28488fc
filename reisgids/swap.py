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


def swap_in(stage: Path, out: Path) -> None:
    """Make `stage` the new `out`; the old output is removed afterwards."""
    if not out.exists():
        os.rename(stage, out)
        return
    if exchange(stage, out):
        shutil.rmtree(stage)  # now holds the previous output
        return
    old = stage.with_name(stage.name + ".old")
    os.rename(out, old)
    os.rename(stage, out)
    shutil.rmtree(old)
