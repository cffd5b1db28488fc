"""Give memory back to the system before a big child process starts.

A build holds every output file's bytes until they are in the staging folder; after that
Pagefind runs beside reisgids, and at 10,000 entries the two together went over 1 GiB
(docs/speed.md). Dropping the bytes frees them for Python, not for the system: glibc keeps
freed memory in its arenas. `malloc_trim(0)` returns the free pages of every arena.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None (another C library, or none found)."""
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # musl has no malloc_trim
        return None
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda pad: int(trim(pad))


def release() -> None:
    """Collect cyclic garbage, then hand free heap pages back to the system (glibc)."""
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
