"""reisgids.compass.snapshot: taking an adopted edition's snapshot, and where today's files
differ from it."""

from __future__ import annotations

from datetime import date

import pytest
from test_editions import E2025, E2026, item

from reisgids.compass.snapshot import body_digest, differences, take_snapshot

ITEMS = {
    "budget": item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                   ("2025-03-01", "adopted"), ("2026-02-01", "fed-back")),
    "later": item(("2026-03-01", "inventoried")),
}


def test_a_snapshot_keeps_the_history_up_to_the_end_of_the_period() -> None:
    snap = take_snapshot("2025", E2025, "Tekst.", None, ITEMS)
    assert [i.slug for i in snap.items] == ["budget"]
    assert [str(h.status) for h in snap.items[0].history] == [
        "inventoried", "on-agenda", "decided"]
    assert snap.previous is None and snap.body_sha256 == body_digest("Tekst.\n")


def test_a_concept_has_no_snapshot() -> None:
    with pytest.raises(ValueError):
        take_snapshot("2026", E2026, "", None, ITEMS)


def test_later_steps_change_nothing_but_covered_ones_do() -> None:
    stored = take_snapshot("2025", E2025, "Tekst.", None, ITEMS)
    later = dict(ITEMS, budget=item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                                    ("2025-03-01", "adopted"), ("2026-02-01", "fed-back"),
                                    ("2026-06-01", "monitoring")))
    assert differences(stored, take_snapshot("2025", E2025, "Tekst.", None, later)) == []
    moved = dict(ITEMS, budget=item(("2025-01-01", "inventoried"), ("2025-02-02", "on-agenda"),
                                    ("2025-03-01", "adopted")))
    found = differences(stored, take_snapshot("2025", E2025, "Tekst.", None, moved))
    assert [(d.item, d.path, d.kind) for d in found] == [("budget", ("history", 1), "changed")]
    added = dict(ITEMS, budget=item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                                    ("2025-03-01", "adopted"), ("2025-12-01", "fed-back")))
    found = differences(stored, take_snapshot("2025", E2025, "Tekst.", None, added))
    assert [(d.item, d.path, d.kind) for d in found] == [("budget", ("history", 3), "added")]
    gone = {"later": ITEMS["later"]}
    found = differences(stored, take_snapshot("2025", E2025, "Tekst.", None, gone))
    assert [(d.item, d.path, d.kind) for d in found] == [("budget", ("history",), "removed")]


def test_the_edition_text_counts_but_not_its_line_ends() -> None:
    stored = take_snapshot("2025", E2025, "Tekst.\n\nMeer.", None, ITEMS)
    same = take_snapshot("2025", E2025, "Tekst.  \r\n\r\nMeer.\n", None, ITEMS)
    other = take_snapshot("2025", E2025, "Tekst.\n\nAnders.", None, ITEMS)
    assert differences(stored, same) == []
    assert [d.path for d in differences(stored, other)] == [("body",)]


def test_what_happened_after_an_early_adoption_was_never_in_the_edition() -> None:
    early = E2025.model_copy(update={"adopted": E2025.adopted.model_copy(  # type: ignore[union-attr]
        update={"date": date(2025, 10, 1)})})
    stored = take_snapshot("2025", early, "", None, ITEMS)
    after = dict(ITEMS, new=item(("2025-11-01", "inventoried")),
                 budget=item(("2025-01-01", "inventoried"), ("2025-02-01", "on-agenda"),
                             ("2025-03-01", "adopted"), ("2025-11-15", "fed-back")))
    assert differences(stored, take_snapshot("2025", early, "", None, after)) == []
