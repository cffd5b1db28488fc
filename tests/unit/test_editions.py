"""reisgids.compass.editions: which items an edition holds, their status at period.end, the
diff with the previous edition, and status moves as events."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reisgids.compass.editions import (
    STATUS_ORDER,
    current_edition,
    edition_diff,
    edition_items,
    ended_by,
    group_by_status,
    holds,
    next_edition,
    ordered_editions,
    previous_edition,
    status_events,
    status_moves,
)
from reisgids.model.compass import AgendaItem, CompassEdition

STEP: dict[str, dict[str, Any]] = {
    "inventoried": {"status": "inventoried"},
    "on-agenda": {"status": "on-agenda", "forum": "college"},
    "adopted": {"status": "decided", "decision": "adopted", "note": "Ja."},
    "postponed": {"status": "decided", "decision": "postponed", "note": "Later."},
    "rejected": {"status": "decided", "decision": "rejected", "note": "Nee."},
    "fed-back": {"status": "fed-back", "feedback": "Aan de partners."},
    "monitoring": {"status": "monitoring", "indicator": "Aantal", "next_check": "2027-06-01"},
    "anchored": {"status": "anchored", "note": "In de regels."},
    "withdrawn": {"status": "withdrawn", "note": "Niet meer nodig."},
}


def item(*steps: tuple[str, str]) -> AgendaItem:
    """item(("2025-03-01", "inventoried"), ("2025-05-01", "on-agenda"), ...)"""
    return AgendaItem.model_validate({
        "title": "Voorstel", "summary": "Kort.", "lessons": ["les"], "change": "policy",
        "proposal": "Doe het.",
        "history": [{"date": day, **STEP[name]} for day, name in steps]})


def edition(start: str, end: str, adopted: bool = True) -> CompassEdition:
    data: dict[str, Any] = {"title": f"Kompas {start[:4]}",
                            "period": {"start": start, "end": end}}
    if adopted:
        data["adopted"] = {"date": end, "forum": "gemeenteraad"}
    return CompassEdition.model_validate(data)


E2025 = edition("2025-01-01", "2025-12-31")
E2026 = edition("2026-01-01", "2026-12-31", adopted=False)

ITEMS = {
    # runs through both editions, moving in 2026 via several statuses
    "percelen": item(("2025-02-01", "inventoried"), ("2025-04-01", "on-agenda"),
                     ("2025-10-01", "postponed"), ("2026-02-01", "on-agenda"),
                     ("2026-05-01", "adopted"), ("2026-09-08", "fed-back")),
    # ends in 2026: in both editions, flagged as an ending
    "verantwoording": item(("2025-01-10", "inventoried"), ("2025-03-01", "on-agenda"),
                           ("2025-06-01", "adopted"), ("2025-08-01", "fed-back"),
                           ("2025-11-01", "monitoring"), ("2026-03-17", "anchored")),
    # ended in 2025: in 2025 only, dropped from 2026
    "huurnorm": item(("2025-01-05", "inventoried"), ("2025-02-01", "on-agenda"),
                     ("2025-04-01", "rejected"), ("2025-05-13", "fed-back")),
    # new in 2026
    "gezicht": item(("2026-10-20", "inventoried"), ("2026-11-10", "on-agenda")),
    # unchanged between the editions
    "budget": item(("2025-05-01", "inventoried"), ("2025-06-01", "on-agenda")),
    # only after both periods
    "later": item(("2027-02-01", "inventoried")),
}


def slugs(found: list[Any]) -> list[str]:
    return sorted(s.slug for s in found)


def test_an_edition_holds_items_with_an_entry_by_its_end_not_ended_before_its_start() -> None:
    assert slugs(edition_items(E2025, ITEMS)) == ["budget", "huurnorm", "percelen",
                                                  "verantwoording"]
    assert slugs(edition_items(E2026, ITEMS)) == ["budget", "gezicht", "percelen",
                                                  "verantwoording"]


def test_an_item_that_ends_on_the_first_day_of_the_period_is_still_held() -> None:
    ends_on_start = item(("2025-01-01", "inventoried"), ("2026-01-01", "withdrawn"))
    ended_before = item(("2025-01-01", "inventoried"), ("2025-12-31", "withdrawn"))
    assert holds(E2026, ends_on_start)
    assert not holds(E2026, ended_before)


def test_an_item_first_entered_on_the_last_day_is_held_and_one_day_later_is_not() -> None:
    assert holds(E2025, item(("2025-12-31", "inventoried")))
    assert not holds(E2025, item(("2026-01-01", "inventoried")))


def test_status_is_the_entry_in_force_at_period_end_in_state_machine_order() -> None:
    found = edition_items(E2026, ITEMS)
    assert [(s.slug, s.entry.status) for s in found] == [
        ("budget", "on-agenda"), ("gezicht", "on-agenda"), ("percelen", "fed-back"),
        ("verantwoording", "anchored")]
    assert [s.ended for s in found] == [False, False, False, True]
    in_2025 = {s.slug: s for s in edition_items(E2025, ITEMS)}
    assert in_2025["percelen"].entry.decision == "postponed"
    assert in_2025["huurnorm"].ended


def test_diff_lists_new_items_moves_endings_and_dropped_items() -> None:
    diff = edition_diff(E2026, "2025", E2025, ITEMS)
    assert diff.previous == "2025"
    assert [s.slug for s in diff.new] == ["gezicht"]
    assert [(m.slug, m.before.status, m.after.status, m.ended) for m in diff.moves] == [
        ("percelen", "decided", "fed-back", False),
        ("verantwoording", "monitoring", "anchored", True)]
    assert [m.slug for m in diff.endings] == ["verantwoording"]
    assert diff.dropped == ("huurnorm",)
    assert not diff.is_empty


def test_a_move_knows_the_statuses_passed_on_the_way() -> None:
    diff = edition_diff(E2026, "2025", E2025, ITEMS)
    percelen = next(m for m in diff.moves if m.slug == "percelen")
    assert [(e.status, e.decision) for e in percelen.steps] == [
        ("on-agenda", None), ("decided", "adopted"), ("fed-back", None)]
    assert percelen.steps[-1] is percelen.after


def test_another_check_in_monitoring_is_no_move() -> None:
    """The diff lists only real changes: no 'Gemonitord -> Gemonitord'."""
    items = {"x": item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                       ("2025-03-01", "adopted"), ("2025-04-01", "fed-back"),
                       ("2025-05-01", "monitoring"), ("2026-05-01", "monitoring"))}
    diff = edition_diff(E2026, "2025", E2025, items)
    assert diff.moves == () and diff.is_empty


def test_another_forum_on_the_agenda_is_a_move_and_a_new_decision_too() -> None:
    forum = AgendaItem.model_validate({
        "title": "Voorstel", "summary": "Kort.", "lessons": ["les"], "change": "policy",
        "proposal": "Doe het.",
        "history": [{"date": "2025-01-01", "status": "inventoried"},
                    {"date": "2025-02-01", "status": "on-agenda", "forum": "directie"},
                    {"date": "2026-02-01", "status": "on-agenda", "forum": "gemeenteraad"}]})
    same_forum = AgendaItem.model_validate({
        "title": "Voorstel", "summary": "Kort.", "lessons": ["les"], "change": "policy",
        "proposal": "Doe het.",
        "history": [{"date": "2025-01-01", "status": "inventoried"},
                    {"date": "2025-02-01", "status": "on-agenda", "forum": "college"},
                    {"date": "2026-02-01", "status": "on-agenda", "forum": "college"}]})
    diff = edition_diff(E2026, "2025", E2025, {"forum": forum, "same": same_forum})
    assert [m.slug for m in diff.moves] == ["forum"]
    postponed_then_adopted = item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                                  ("2025-03-01", "postponed"), ("2026-01-10", "on-agenda"),
                                  ("2026-03-01", "adopted"))
    moves = edition_diff(E2026, "2025", E2025, {"x": postponed_then_adopted}).moves
    assert [(m.before.decision, m.after.decision) for m in moves] == [("postponed", "adopted")]


def test_a_diff_without_changes_is_empty() -> None:
    items = {"budget": ITEMS["budget"]}
    assert edition_diff(E2026, "2025", E2025, items).is_empty


def test_editions_are_ordered_by_period_and_the_current_one_includes_today() -> None:
    editions = {"2026": E2026, "2025": E2025}
    assert ordered_editions(editions) == ["2025", "2026"]
    assert previous_edition(editions, "2026") == "2025"
    assert previous_edition(editions, "2025") is None
    assert next_edition(editions, "2025") == "2026"
    assert next_edition(editions, "2026") is None
    assert current_edition(editions, date(2025, 12, 31)) == "2025"
    assert current_edition(editions, date(2026, 11, 22)) == "2026"
    assert current_edition(editions, date(2030, 1, 1)) == "2026"  # else the latest
    assert current_edition({}, date(2026, 1, 1)) is None


def test_overlapping_periods_prefer_the_latest_that_includes_today() -> None:
    editions = {"2026": E2026, "2026-2": edition("2026-07-01", "2027-06-30")}
    assert current_edition(editions, date(2026, 8, 1)) == "2026-2"
    assert current_edition(editions, date(2026, 3, 1)) == "2026"


def test_ended_by_counts_entries_on_the_day() -> None:
    anchored = ITEMS["verantwoording"]
    assert not ended_by(anchored.history, date(2026, 3, 16))
    assert ended_by(anchored.history, date(2026, 3, 17))
    assert ended_by(ITEMS["huurnorm"].history, date(2025, 5, 13))  # fed back after rejection


def test_status_events_are_newest_first_and_moves_skip_the_first_entry() -> None:
    events = status_events({"gezicht": ITEMS["gezicht"], "budget": ITEMS["budget"]})
    assert [(e.slug, str(e.entry.date), e.previous) for e in events] == [
        ("gezicht", "2026-11-10", "inventoried"), ("gezicht", "2026-10-20", None),
        ("budget", "2025-06-01", "inventoried"), ("budget", "2025-05-01", None)]
    moves = status_moves({"gezicht": ITEMS["gezicht"]})
    assert [(e.index, e.entry.status) for e in moves] == [(1, "on-agenda")]


def test_group_by_status_keeps_the_state_machine_order_and_empty_groups() -> None:
    groups = group_by_status([("b", "anchored"), ("a", "anchored"), ("c", "inventoried")])
    assert [g[0] for g in groups] == list(STATUS_ORDER)
    assert dict(groups)["anchored"] == ["a", "b"]
    assert dict(groups)["on-agenda"] == []


@pytest.mark.parametrize("slug", sorted(ITEMS))
def test_edition_contents_are_deterministic(slug: str) -> None:
    assert edition_items(E2026, {slug: ITEMS[slug]}) == edition_items(E2026, {slug: ITEMS[slug]})
