"""The debouncer behind `reisgids serve`: driven by a fake clock, nothing sleeps."""

from __future__ import annotations

import pytest

from reisgids.debounce import Debouncer


class FakeClock:
    """Counts whole milliseconds from 0, so boundaries compare exactly (no float drift)."""

    def __init__(self) -> None:
        self.ms = 0

    def __call__(self) -> float:
        return self.ms / 1000

    def advance(self, seconds: float) -> None:
        self.ms += round(seconds * 1000)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_nothing_pending_means_nothing_due(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    assert not debouncer.pending
    clock.advance(10)
    assert not debouncer.due()
    assert debouncer.take() is None


def test_one_event_is_due_after_the_quiet_period(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    debouncer.notify(["content/deals/a.md"])
    assert debouncer.pending
    clock.advance(0.29)
    assert debouncer.take() is None
    clock.advance(0.01)
    assert debouncer.take() == frozenset({"content/deals/a.md"})
    assert not debouncer.pending
    assert debouncer.take() is None


def test_twenty_saves_within_200_ms_give_one_rebuild(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    takes = []
    for i in range(20):
        debouncer.notify([f"content/deals/d{i % 3}.md"])
        clock.advance(0.01)
        if (paths := debouncer.take()) is not None:
            takes.append(paths)
    for _ in range(100):  # the editor goes quiet; the server keeps ticking
        clock.advance(0.05)
        if (paths := debouncer.take()) is not None:
            takes.append(paths)
    assert takes == [frozenset({"content/deals/d0.md", "content/deals/d1.md",
                                "content/deals/d2.md"})]


def test_a_checkout_of_100_files_gives_one_rebuild_with_every_path(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    rebuilds = 0
    for i in range(100):
        debouncer.notify([f"content/news/n{i}.md"])
        clock.advance(0.002)
        rebuilds += debouncer.take() is not None
    clock.advance(0.3)
    paths = debouncer.take()
    assert rebuilds == 0
    assert paths is not None and len(paths) == 100


def test_each_event_restarts_the_quiet_period(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    for _ in range(10):  # an event every 250 ms: never quiet for 300 ms
        debouncer.notify()
        clock.advance(0.25)
        assert not debouncer.due()
    clock.advance(0.04)
    assert not debouncer.due()
    clock.advance(0.02)
    assert debouncer.due()


def test_two_bursts_apart_give_two_rebuilds(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    debouncer.notify(["a"])
    clock.advance(0.4)
    assert debouncer.take() == frozenset({"a"})
    clock.advance(5)
    debouncer.notify(["b"])
    clock.advance(0.4)
    assert debouncer.take() == frozenset({"b"})


def test_max_wait_bounds_an_endless_stream(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, max_wait=2.0, clock=clock)
    due_at = None
    for step in range(100):  # an event every 100 ms, forever
        debouncer.notify(["content/log.md"])
        if debouncer.take() is not None:
            due_at = step
            break
        clock.advance(0.1)
    assert due_at == 20  # 2.0 s after the first event


def test_without_max_wait_an_endless_stream_waits(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    for _ in range(100):
        debouncer.notify()
        clock.advance(0.1)
        assert debouncer.take() is None


def test_an_event_without_paths_still_counts(clock: FakeClock) -> None:
    debouncer = Debouncer(0.3, clock=clock)
    debouncer.notify()
    clock.advance(0.3)
    assert debouncer.take() == frozenset()


def test_zero_quiet_is_due_at_once(clock: FakeClock) -> None:
    debouncer = Debouncer(0, clock=clock)
    debouncer.notify(["x"])
    assert debouncer.take() == frozenset({"x"})


@pytest.mark.parametrize(("quiet", "max_wait"), [(-1.0, None), (0.5, 0.1)])
def test_nonsense_settings_are_refused(quiet: float, max_wait: float | None) -> None:
    with pytest.raises(ValueError):
        Debouncer(quiet, max_wait=max_wait)
