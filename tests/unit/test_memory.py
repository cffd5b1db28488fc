"""memory.release(): the build gives freed memory back before Pagefind runs beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reisgids import memory


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def fragmented_heap() -> tuple[list[bytes], list[bytes]]:
    """80 MB of blocks in glibc's heap, each followed by a small block that stays: freeing
    the large ones leaves holes that free() alone never gives back (the heap's top is
    in use), the way a build's page bytes lie between what it keeps."""
    large, small = [], []
    for i in range(10_000):
        large.append(bytes(8000) + i.to_bytes(4, "little"))
        small.append(bytes(600) + i.to_bytes(4, "little"))
    return large, small


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc: Linux")
def test_freed_memory_between_kept_blocks_goes_back_to_the_system() -> None:
    large, small = fragmented_heap()
    before = rss_kib()
    del large
    memory.release()
    assert rss_kib() < before - 40_000, "of the 80 MB freed, most is given back"
    assert len(small) == 10_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc: Linux")
def test_without_the_trim_those_holes_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """The case above is one free() alone does not handle (else it would prove nothing)."""
    monkeypatch.setattr(memory, "_trim", lambda: None)
    large, small = fragmented_heap()
    before = rss_kib()
    del large
    memory.release()
    assert rss_kib() > before - 20_000
    assert len(small) == 10_000


def test_release_never_fails_without_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_trim", lambda: None)
    memory.release()
