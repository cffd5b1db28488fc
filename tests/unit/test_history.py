"""reisgids.compass.history: the agenda-item state machine of the content model, move by move."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reisgids.compass.history import ENDED, check_history, has_ended, state, status_at
from reisgids.model.compass import HistoryEntry

# One entry per state, carrying everything its status requires.
FULL: dict[str, dict[str, Any]] = {
    "inventoried": {"status": "inventoried"},
    "on-agenda": {"status": "on-agenda", "forum": "directie"},
    "decided:adopted": {"status": "decided", "decision": "adopted", "note": "Ja."},
    "decided:postponed": {"status": "decided", "decision": "postponed", "note": "Later."},
    "decided:rejected": {"status": "decided", "decision": "rejected", "note": "Nee."},
    "fed-back": {"status": "fed-back", "feedback": "Aan de wijk."},
    "monitoring": {"status": "monitoring", "indicator": "Aantal", "next_check": "2030-01-01"},
    "anchored": {"status": "anchored", "note": "In de regels."},
    "withdrawn": {"status": "withdrawn", "note": "Niet meer nodig."},
}

# How to reach each state (the content model's table).
PATHS: dict[str, list[str]] = {
    "inventoried": ["inventoried"],
    "on-agenda": ["inventoried", "on-agenda"],
    "decided:adopted": ["inventoried", "on-agenda", "decided:adopted"],
    "decided:postponed": ["inventoried", "on-agenda", "decided:postponed"],
    "decided:rejected": ["inventoried", "on-agenda", "decided:rejected"],
    "fed-back": ["inventoried", "on-agenda", "decided:adopted", "fed-back"],
    "monitoring": ["inventoried", "on-agenda", "decided:adopted", "fed-back", "monitoring"],
    "anchored": ["inventoried", "on-agenda", "decided:adopted", "fed-back", "monitoring",
                 "anchored"],
    "withdrawn": ["inventoried", "withdrawn"],
    "fed-back:rejected": ["inventoried", "on-agenda", "decided:rejected", "fed-back"],
}

# Written from the content model, independently of the code under test.
ALLOWED: dict[str, set[str]] = {
    "inventoried": {"on-agenda", "withdrawn"},
    "on-agenda": {"on-agenda", "decided:adopted", "decided:postponed", "decided:rejected",
                  "withdrawn"},
    "decided:adopted": {"fed-back", "withdrawn"},
    "decided:postponed": {"on-agenda", "withdrawn"},
    "decided:rejected": {"fed-back", "withdrawn"},
    "fed-back": {"monitoring", "withdrawn"},
    "monitoring": {"monitoring", "anchored", "withdrawn"},
    "anchored": set(),
    "withdrawn": set(),
    "fed-back:rejected": set(),
}
END_STATES = {"anchored", "withdrawn", "fed-back:rejected"}
LABEL = {"inventoried": "Geïnventariseerd", "on-agenda": "Geagendeerd", "decided": "Besloten",
         "fed-back": "Teruggekoppeld", "monitoring": "Gemonitord", "anchored": "Geborgd",
         "withdrawn": "Ingetrokken"}


def entries(*names: str, dates: list[str] | None = None) -> list[HistoryEntry]:
    found = []
    for index, name in enumerate(names):
        day = dates[index] if dates else f"2026-{index + 1:02d}-01"
        found.append(HistoryEntry.model_validate({"date": day, **FULL[name]}))
    return found


def codes(history: list[HistoryEntry]) -> list[tuple[int, str, str]]:
    return [(p.index, p.code, p.field) for p in check_history(history)]


def test_the_table_covers_every_state() -> None:
    assert set(ALLOWED) == set(PATHS)
    assert ENDED == END_STATES


@pytest.mark.parametrize("start", sorted(PATHS))
def test_paths_to_each_state_are_clean(start: str) -> None:
    assert codes(entries(*PATHS[start])) == []


@pytest.mark.parametrize("target", sorted(FULL))
@pytest.mark.parametrize("start", sorted(PATHS))
def test_every_move(start: str, target: str) -> None:
    path = PATHS[start]
    found = check_history(entries(*path, target))
    if target in ALLOWED[start]:
        assert found == []
        return
    assert len(found) == 1, [p.message.nl for p in found]
    problem = found[0]
    assert (problem.index, problem.field) == (len(path), "status")
    target_status = target.split(":")[0]
    if start in END_STATES:
        assert problem.code == "agenda-ended"
    else:
        assert problem.code == "agenda-move"
        # names both statuses, with their Dutch labels
        start_status = start.split(":")[0]
        assert f"van {start_status} ({LABEL[start_status]})" in problem.message.nl
        assert f"naar {target_status} ({LABEL[target_status]})" in problem.message.nl
        assert start_status in problem.message.en and target_status in problem.message.en
        assert problem.hint is not None and "withdrawn" in problem.hint.nl
    assert target_status in problem.message.nl


def test_postponed_goes_back_on_the_agenda_and_round_again() -> None:
    history = entries("inventoried", "on-agenda", "decided:postponed", "on-agenda",
                      "on-agenda", "decided:adopted", "fed-back", "monitoring", "monitoring",
                      "anchored")
    assert codes(history) == []


def test_fed_back_after_rejection_ends_the_item() -> None:
    history = entries(*PATHS["fed-back:rejected"])
    assert has_ended(history)
    assert codes(entries(*PATHS["fed-back:rejected"], "withdrawn")) == [(4, "agenda-ended",
                                                                         "status")]


def test_fed_back_after_adoption_does_not_end() -> None:
    assert not has_ended(entries(*PATHS["fed-back"]))


@pytest.mark.parametrize("first", sorted(set(FULL) - {"inventoried"}))
def test_the_first_entry_is_inventoried(first: str) -> None:
    found = check_history(entries(first))
    assert [(p.index, p.code, p.field) for p in found] == [(0, "agenda-first", "status")]
    assert "inventoried" in found[0].message.nl


def test_inventoried_only_at_the_start() -> None:
    assert codes(entries("inventoried", "inventoried")) == [(1, "agenda-move", "status")]


def test_empty_history_has_no_problems_here() -> None:
    assert check_history([]) == []  # the schema requires at least one entry


@pytest.mark.parametrize(("status", "needed"), [
    ("on-agenda", ("forum",)),
    ("decided", ("decision", "note")),
    ("fed-back", ("feedback",)),
    ("monitoring", ("indicator", "next_check")),
    ("anchored", ("note",)),
    ("withdrawn", ("note",)),
])
def test_each_status_requires_its_evidence(status: str, needed: tuple[str, ...]) -> None:
    bare = HistoryEntry.model_validate({"date": "2026-12-01", "status": status})
    history = [*entries("inventoried", "on-agenda"), bare]
    found = [p for p in check_history(history) if p.code == "agenda-requires"]
    assert [(p.index, p.field) for p in found] == [(2, field) for field in needed]
    for problem, field in zip(found, needed, strict=True):
        assert f"'{field}'" in problem.message.nl and f"'{field}'" in problem.message.en
        assert problem.hint is not None and f"{field}: ..." in problem.hint.nl


def test_inventoried_requires_nothing() -> None:
    bare = HistoryEntry.model_validate({"date": "2026-01-01", "status": "inventoried"})
    assert check_history([bare]) == []


def test_an_entry_may_carry_any_field() -> None:
    extra = HistoryEntry.model_validate({
        "date": "2026-01-01", "status": "inventoried", "note": "n", "forum": "f",
        "decision": "adopted", "feedback": "fb", "indicator": "i", "next_check": "2027-01-01"})
    assert check_history([extra]) == []


def test_dates_never_go_back() -> None:
    history = entries("inventoried", "on-agenda", "on-agenda",
                      dates=["2026-03-01", "2026-02-28", "2026-03-02"])
    found = check_history(history)
    assert [(p.index, p.code, p.field) for p in found] == [(1, "agenda-date-back", "date")]
    assert "2026-02-28" in found[0].message.nl and "2026-03-01" in found[0].message.nl


def test_equal_dates_are_fine() -> None:
    history = entries("inventoried", "on-agenda", "decided:adopted",
                      dates=["2026-03-01", "2026-03-01", "2026-03-01"])
    assert codes(history) == []


def test_date_back_is_judged_against_the_latest_date_so_far() -> None:
    history = entries("inventoried", "on-agenda", "on-agenda", "on-agenda",
                      dates=["2026-01-01", "2026-05-01", "2026-03-01", "2026-04-01"])
    assert codes(history) == [(2, "agenda-date-back", "date"), (3, "agenda-date-back", "date")]


def test_several_problems_in_one_history_are_all_reported() -> None:
    bare_decided = HistoryEntry.model_validate({"date": "2026-03-01", "status": "decided"})
    history = [*entries("on-agenda", dates=["2026-04-01"]), bare_decided,
               *entries("anchored", dates=["2026-05-01"])]
    assert codes(history) == [
        (0, "agenda-first", "status"),
        (1, "agenda-requires", "decision"),
        (1, "agenda-requires", "note"),
        (1, "agenda-date-back", "date"),
        (2, "agenda-move", "status"),
    ]


def test_state_splits_decided_and_fed_back() -> None:
    one = entries("decided:adopted")[0]
    assert state(one, "on-agenda") == "decided:adopted"
    fed = entries("fed-back")[0]
    assert state(fed, "decided:rejected") == "fed-back:rejected"
    assert state(fed, "decided:adopted") == "fed-back"


def test_status_at() -> None:
    history = entries("inventoried", "on-agenda", "decided:adopted",
                      dates=["2026-01-10", "2026-02-10", "2026-03-10"])
    assert status_at(history, date(2026, 1, 9)) is None
    at_day = status_at(history, date(2026, 1, 10))
    assert at_day is not None and at_day.status == "inventoried"
    between = status_at(history, date(2026, 2, 28))
    assert between is not None and between.status == "on-agenda"
    later = status_at(history, date(2030, 1, 1))
    assert later is not None and later.status == "decided"


def test_status_at_takes_the_last_entry_of_a_day() -> None:
    history = entries("inventoried", "on-agenda", dates=["2026-01-10", "2026-01-10"])
    found = status_at(history, date(2026, 1, 10))
    assert found is not None and found.status == "on-agenda"


def test_has_ended_before_a_date() -> None:
    history = entries("inventoried", "withdrawn", dates=["2026-01-01", "2026-06-01"])
    assert has_ended(history)
    assert not has_ended(history, before=date(2026, 6, 1))  # ended on, not before
    assert has_ended(history, before=date(2026, 6, 2))
    assert not has_ended(entries(*PATHS["monitoring"]))
    assert has_ended(entries(*PATHS["anchored"]))
