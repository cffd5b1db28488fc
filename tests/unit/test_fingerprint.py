"""The fingerprint of a planned view: equal values give equal digests, values a template
shows differently give different ones, and what cannot be described is not cached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from markupsafe import Markup

from reisgids.fingerprint import Fingerprinter, Unstable, fingerprint
from reisgids.model.kind import Kind


@dataclass(frozen=True)
class Card:
    title: str
    meta: tuple[str, ...] = ()
    when: date | None = None


def test_digests_are_those_of_the_earlier_fingerprinter() -> None:
    """Pinned: caches written before the per-type dispatch (cli start-up work) stay valid,
    and a change of the scheme is a decision, not an accident."""
    view = {"cards": (Card("Eten", ("Uitvoering", "2 partners"), date(2026, 10, 2)),
                      Card("Kamer")),
            "count": 3, "ratio": 0.5, "flag": True, "none": None, "html": Markup("<b>x</b>"),
            "kind": Kind.DEAL, "list": ["a", ["b", ("c",)]], "tags": frozenset({"x", "y"})}
    assert fingerprint(view) == "e221712238c8830b9d680ac255468da4f32b34fa"


@pytest.mark.parametrize(("one", "other"), [
    ("1", 1), (1, True), (1, 1.0), ("<b>", Markup("<b>")), ("deal", Kind.DEAL),
    (("a", "b"), ("ab",)), (Card("a"), Card("a", ("b",))), ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
    (date(2026, 1, 2), "2026-01-02"), (None, "None")])
def test_values_shown_differently_have_different_digests(one: object, other: object) -> None:
    assert fingerprint(one) != fingerprint(other)


def test_equal_values_have_equal_digests_shared_or_not() -> None:
    shared = Card("Eten", ("Uitvoering",))
    twice = Fingerprinter()
    assert twice((shared, shared)) == fingerprint((Card("Eten", ("Uitvoering",)),
                                                   Card("Eten", ("Uitvoering",))))
    assert twice(shared) == fingerprint(Card("Eten", ("Uitvoering",)))


def test_what_cannot_be_described_is_unstable() -> None:
    with pytest.raises(Unstable):
        fingerprint((Card("a"), object()))
    deep: object = "leaf"
    for _ in range(70):
        deep = (deep,)
    with pytest.raises(Unstable):
        fingerprint(deep)
