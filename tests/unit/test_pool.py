"""pool.in_background: a task in a forked process, its result (or its exception) here."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reisgids import pool
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


def test_meanwhile_runs_here_once_while_the_workers_already_have_the_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent's own work (the outputs besides pages) overlaps the pool's: a worker
    finishes an item while `meanwhile` still runs, so the work went out before it."""
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)
    seen: list[tuple[int, bool]] = []

    def task(item: int) -> int:
        (tmp_path / str(item)).write_text("done")
        return item * 2

    def meanwhile() -> None:
        for _ in range(400):  # up to 20 s on a busy machine
            if any(tmp_path.iterdir()):
                break
            time.sleep(0.05)
        seen.append((os.getpid(), any(tmp_path.iterdir())))

    results = list(pool.parallel_iter(task, range(20), 2, meanwhile))
    assert results == [item * 2 for item in range(20)]
    assert seen == [(os.getpid(), True)]


def test_meanwhile_in_process_runs_first_and_once() -> None:
    order: list[object] = []
    results = list(pool.parallel_iter(lambda item: order.append(item) or item, [1, 2, 3], 1,
                                      lambda: order.append("meanwhile")))
    assert results == [1, 2, 3] and order == ["meanwhile", 1, 2, 3]


def test_in_child_runs_elsewhere_and_the_process_is_gone_when_it_returns() -> None:
    import multiprocessing

    here = os.getpid()
    assert pool.in_child(lambda: (os.getpid(), [1, 2])) != (here, [1, 2])
    assert pool.in_child(lambda: [1, 2]) == [1, 2]
    assert multiprocessing.active_children() == []


def test_in_child_raises_here_what_the_task_raised() -> None:
    def fails() -> None:
        raise ValueError("kapot")

    with pytest.raises(ValueError, match="kapot"):
        pool.in_child(fails)

    def stops() -> None:
        raise SystemExit(1)

    with pytest.raises(SystemExit):
        pool.in_child(stops)


def test_in_child_says_so_when_the_process_died() -> None:
    with pytest.raises(RuntimeError, match="without an answer"):
        pool.in_child(lambda: os._exit(9))


def test_in_child_runs_meanwhile_here_while_the_child_works(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def child() -> bool:
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)  # waits for this process's meanwhile
        return started.exists()

    assert pool.in_child(child, meanwhile=started.touch) is True
