"""pool.in_background: a task in a forked process, its result (or its exception) here."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reisgids.pool import in_background


def test_the_task_runs_in_another_process_and_its_result_comes_back() -> None:
    parent = os.getpid()
    data = {"a": b"x" * 100_000}
    result = in_background(lambda: (os.getpid(), dict(data)), jobs=2)
    child, copied = result()
    assert child != parent and copied == data


def test_with_one_job_the_task_runs_here_when_asked() -> None:
    ran: list[int] = []
    result = in_background(lambda: ran.append(os.getpid()) or len(ran), jobs=1)
    assert ran == []
    assert result() == 1 and ran == [os.getpid()]


def test_a_failing_task_raises_here_as_without_the_pool() -> None:
    def fails() -> None:
        raise KeyError("x")

    result = in_background(fails, jobs=2)
    with pytest.raises(KeyError):
        result()


def test_a_process_that_dies_is_replaced_by_running_the_task_here() -> None:
    parent = os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return 42

    assert in_background(dies_in_a_child, jobs=2)() == 42


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_background_process_ends_once_its_result_is_in(tmp_path: Path) -> None:
    """Not when the result is asked for: a child that lives on keeps the pages the parent
    writes to (copy on write)."""
    noted = tmp_path / "pid"
    result = in_background(lambda: noted.write_text(str(os.getpid())) and 42, jobs=2)
    for _ in range(400):  # up to 20 s on a busy machine
        if noted.is_file() and noted.read_text() and _ended(int(noted.read_text())):
            break
        time.sleep(0.05)
    assert noted.is_file() and _ended(int(noted.read_text())), "the child should end by itself"
    assert result() == 42
