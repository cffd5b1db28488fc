"""serve's background work (reisgids/preview.py, `Later`) waits until the editor paused and
gives way as soon as a scan finds a new save."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, cast

import pytest

from reisgids import serve
from reisgids.serve import LiveSite


class StubLater:
    def __init__(self) -> None:
        self.gave_way = 0
        self.problems: list[object] = []  # what the background work found: nothing

    def give_way(self) -> None:
        self.gave_way += 1


class StubPreview:
    def __init__(self) -> None:
        self.later = StubLater()
        self.started: list[str] = []
        self.collected = 0

    def collect(self) -> None:
        self.collected += 1

    def after(self, language: str) -> None:
        self.started.append(language)


def live_site(tmp_path: Path) -> tuple[LiveSite, StubPreview]:
    (tmp_path / "content").mkdir()
    live = LiveSite(root=tmp_path, out=tmp_path / "out", now=None, drafts=False)
    stub = StubPreview()
    live.preview = cast(Any, stub)
    return live, stub


def test_background_work_starts_once_its_time_has_come_and_no_save_waits(
        tmp_path: Path) -> None:
    live, stub = live_site(tmp_path)
    live.later_at = time.monotonic() + 3600  # not yet
    live.tick()
    assert stub.started == []
    live.later_at = time.monotonic() - 1
    live.debouncer.notify(["content/a.md"])  # a save waits for its rebuild: not now either
    live.tick()
    assert stub.started == []
    live.debouncer = type(live.debouncer)(0.1)
    live.tick()
    assert stub.started == ["nl"] and live.later_at is None
    assert stub.collected == 1  # the editor paused: the collector runs now, not in a save
    live.tick()
    assert stub.started == ["nl"]  # once per reload
    assert stub.collected == 1


def test_a_new_save_stops_the_background_work_and_its_start(tmp_path: Path) -> None:
    live, stub = live_site(tmp_path)
    live.later_at = time.monotonic() + 3600
    (tmp_path / "content" / "a.md").write_text("x", encoding="utf-8")
    live.tick()  # the scan finds the new file
    assert stub.later.gave_way == 1
    assert live.later_at is None  # the next reload sets it again


def test_a_large_site_scans_again_soon_while_a_save_waits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scan of 10,000 files spaces the scans out (five times its cost); once a save is
    seen, the next scan comes when the burst can be quiet, not a whole interval later."""
    live, _stub = live_site(tmp_path)
    monkeypatch.setattr(serve, "SCAN_SHARE", 10**8)  # as if a scan were very costly
    before = time.monotonic()
    live.tick()
    assert live.next_scan > before + 60  # nothing changed: the next scan is far off
    live.next_scan = 0.0
    (tmp_path / "content" / "a.md").write_text("x", encoding="utf-8")
    before = time.monotonic()
    live.tick()
    assert live.debouncer.pending
    assert live.next_scan <= before + serve.QUIET_SECONDS + 1


def test_between_the_scans_of_a_large_site_a_few_stats_notice_a_save(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between two scans: a file that came (its folder's mtime) and another save of a file
    saved before (serve's recent files) are noticed at once; an in-place write to any other
    file waits for the next scan, as before."""
    live, _stub = live_site(tmp_path)
    monkeypatch.setattr(serve, "SCAN_SHARE", 10**8)  # as if a scan were very costly
    deals = tmp_path / "content" / "deals"
    deals.mkdir()
    other = deals / "b.md"
    other.write_text("b", encoding="utf-8")
    live.tick()  # the first scan (everything is new to it); the next one is far off
    live.recent.clear()

    def not_waiting() -> None:
        live.debouncer = type(live.debouncer)(3600)
        live.next_scan = time.monotonic() + 3600

    not_waiting()
    saved = deals / "a.md"
    saved.write_text("x", encoding="utf-8")
    live.tick()
    assert live.debouncer.pending
    assert live.recent == ["content/deals/a.md"]
    not_waiting()
    other.write_text("bb", encoding="utf-8")  # in place: its folder's mtime stays
    live.tick()
    assert not live.debouncer.pending
    saved.write_text("xy", encoding="utf-8")
    live.tick()
    assert live.debouncer.pending
    assert live.recent == ["content/deals/a.md", "content/deals/b.md"]
