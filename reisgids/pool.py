"""`--jobs N`: the two CPU-heavy stages (Markdown bodies, page templates) in a process pool.

Workers are forked after the parent has everything they need (the graph, the link table,
the Jinja environment): nothing is pickled on the way in, only results come back, and each
worker keeps its own reused Markdown instance. Results are put back in input order, so the
output is byte-identical to `--jobs 1` (tested).

A pool costs a fork per worker and pickling every result; below MIN_ITEMS items it does not
pay for itself on two cores (measured in bench/README.md), and the work runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200  # fewer bodies or pages than this: in-process (see the module docstring)

# set in the parent just before forking; workers see them as they were then
_task: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()


def available_cpus() -> int:
    """The CPUs this process may use (its affinity mask), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _run_chunk(span: tuple[int, int]) -> list[Any]:
    assert _task is not None
    return [_task(item) for item in _items[span[0]:span[1]]]


def _can_fork() -> bool:
    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def parallel_map(task: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """[task(item) for item in items], spread over `jobs` forked workers when it pays.

    `task` may use anything the parent holds when this is called (fork copies it)."""
    return list(parallel_iter(task, items, jobs))


def parallel_iter(task: Callable[[T], R], items: Sequence[T], jobs: int,
                  meanwhile: Callable[[], object] | None = None
                  ) -> Generator[R, None, None]:
    """parallel_map, yielding results in order as they come; a caller that stops early
    (the output budget, output_budget.py) cancels the work not yet started. `meanwhile`:
    called once, when the generator starts, after the work went to the workers: this
    process does it while they work, instead of waiting for them (in-process: first)."""
    if jobs <= 1 or len(items) < MIN_ITEMS or not _can_fork():
        if meanwhile is not None:
            meanwhile()
        yield from (task(item) for item in items)
        return
    global _task, _items
    _task, _items = task, items
    # spans of indexes, not items: only results are pickled. Few enough spans to keep the
    # overhead low, enough that a slow one does not leave a worker idle at the end.
    size = max(1, len(items) // (jobs * 8))
    chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        parts = executor.map(_run_chunk, chunks)  # every chunk handed out now
        if meanwhile is not None:
            meanwhile()
        for part in parts:
            yield from part
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _task, _items = None, ()


_background: Callable[[], Any] | None = None  # set in the parent just before forking


def _run_background() -> Any:
    assert _background is not None
    return _background()


def _fork(task: Callable[[], Any]) -> tuple[ProcessPoolExecutor, Future[Any]]:
    """A forked process of its own that runs task(), and its future."""
    global _background
    _background = task
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    try:
        return executor, executor.submit(_run_background)  # forks now: the child has `task`
    finally:
        _background = None


def in_background(task: Callable[[], R], jobs: int) -> Callable[[], R]:
    """Start task() in a forked process while the caller goes on; the function returned
    waits for its result. With jobs <= 1 (or no fork) task() runs when that is called. Should
    the process fail, task() runs again in this one, so that any exception is raised here
    as it would have been without the pool."""
    if jobs <= 1 or not _can_fork():
        return task
    executor, future = _fork(task)
    # the child ends as soon as its result is in, not when it is asked for: a forked child
    # that lives on keeps the pages this process writes to (copy on write), and while the
    # build goes on that grew to hundreds of MiB at 10,000 entries (docs/speed.md)
    future.add_done_callback(lambda _: executor.shutdown(wait=False))

    def result() -> R:
        try:
            return cast(R, future.result())
        except Exception:
            return task()
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    return result


def in_child(task: Callable[[], R], meanwhile: Callable[[], object] | None = None) -> R:
    """task() in a forked process, which ends before this returns; its result or exception
    comes back pickled. For work whose memory should be gone afterwards (cli.py: a big
    site's build, before its search index is made). `meanwhile`: called here while the
    child works (without fork: after task()). Raises RuntimeError when the process died
    (killed, out of memory) without an answer."""
    if not _can_fork():
        done = task()
        if meanwhile is not None:
            meanwhile()
        return done
    executor, future = _fork(task)
    try:
        if meanwhile is not None:
            meanwhile()
        return cast(R, future.result())
    except BrokenProcessPool as exc:
        raise RuntimeError(f"the forked process ended without an answer: {exc}") from exc
    finally:
        executor.shutdown(wait=True)
