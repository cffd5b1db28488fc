"""Progress shows on a terminal only, after a few seconds, never in CI or with --quiet."""

from __future__ import annotations

import io
import os
import pty

import pytest

from reisgids import progress
from reisgids.progress import Progress, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_only_a_terminal_outside_ci_without_quiet_wants_progress(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert wanted(False, Terminal())
    assert not wanted(True, Terminal())
    assert not wanted(False, io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not wanted(False, Terminal())


def test_a_real_pty_counts_as_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as stream:
            assert wanted(False, stream)
    finally:
        os.close(leader)
        os.close(follower)


def test_stages_show_after_the_delay_and_are_cleared_at_the_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = Terminal()
    shown = Progress(True, out)
    shown.stage("bestanden lezen (10)", "reading files (10)")
    assert out.getvalue() == ""  # a quick build prints nothing extra
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    shown.stage("pagina's maken", "making pages")
    assert "pagina's maken" in out.getvalue()
    shown.language = "en"
    shown.stage("schrijven", "writing")
    assert out.getvalue().endswith("writing")
    shown.done()
    assert out.getvalue().endswith("\r\x1b[K")


def test_disabled_progress_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    out = Terminal()
    quiet = Progress(False, out)
    quiet.stage("a", "a")
    quiet.done()
    assert out.getvalue() == ""


def test_going_on_after_another_process_clears_its_line_and_shows_at_once() -> None:
    out = Terminal()
    shown = Progress(True, out)
    shown.go_on("en")  # the other process left "[ 12.0 s] schrijven ..." on the line
    assert out.getvalue() == "\r\x1b[K"
    shown.stage("zoekindex maken", "making the search index")  # no delay: it was showing
    assert out.getvalue().endswith("making the search index")
    quiet = Terminal()
    Progress(False, quiet).go_on("nl")
    assert quiet.getvalue() == ""
