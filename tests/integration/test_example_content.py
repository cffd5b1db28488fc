"""The example guide is complete (issue 5): counts per kind, every status and phase, and
it passes `reisgids check --strict`."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from reisgids.build import load_site
from reisgids.model.atlas import Deal
from reisgids.model.compass import AgendaItem, CompassEdition
from reisgids.model.learning import Review
from reisgids.model.publication import Listing
from reisgids.model.vocab import VOCABS
from tests.conftest import NOW, REPO, run_cli

MINIMUM = {
    "project": 25, "partner": 30, "area": 12, "instrument": 10, "deal": 5, "review": 3,
    "lesson": 40, "agenda-item": 6, "compass-edition": 2, "news": 5, "story": 3, "event": 4,
    "listing": 5, "page": 3,
}


@pytest.fixture(scope="module")
def guide():  # type: ignore[no-untyped-def]
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None, [d.format() for d in report.sorted()]
    return site


def test_check_strict_passes_on_the_example_guide() -> None:
    result = run_cli("check", str(REPO), "--strict", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "geen fouten of waarschuwingen gevonden" in result.stdout
    assert result.stderr == ""


def test_counts_per_kind(guide) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(kind for kind, _ in guide.graph.entries)
    for kind, least in MINIMUM.items():
        assert counts[kind] >= least, f"{kind}: {counts[kind]} < {least}"


def test_required_pages_exist(guide) -> None:  # type: ignore[no-untyped-def]
    for slug in ("over", "toegankelijkheid", "colofon"):
        assert ("page", slug) in guide.graph.entries


def test_every_deal_phase_occurs(guide) -> None:  # type: ignore[no-untyped-def]
    deals = [e.data for e in guide.graph.of_kind("deal")]
    assert all(isinstance(d, Deal) for d in deals)
    phases = {d.phase for d in deals if isinstance(d, Deal)}
    assert phases == set(VOCABS["deal.phase"])


def test_a_deal_in_execution_has_a_resident_and_a_completed_deal_has_a_review(guide) -> None:  # type: ignore[no-untyped-def]
    deals = {e.slug: e.data for e in guide.graph.of_kind("deal")}
    assert any(isinstance(d, Deal) and d.phase == "execution" and d.residents
               for d in deals.values())
    reviewed = {e.data.deal for e in guide.graph.of_kind("review")
                if isinstance(e.data, Review)}
    assert any(isinstance(d, Deal) and d.phase == "completed" and slug in reviewed
               for slug, d in deals.items())


def test_every_agenda_status_and_decision_occurs(guide) -> None:  # type: ignore[no-untyped-def]
    items = [e.data for e in guide.graph.of_kind("agenda-item")]
    statuses = {h.status for i in items if isinstance(i, AgendaItem) for h in i.history}
    assert statuses == set(VOCABS["agenda.status"])
    decisions = {h.decision for i in items if isinstance(i, AgendaItem) for h in i.history
                 if h.decision}
    assert decisions == set(VOCABS["decision"])
    finals = {i.history[-1].status for i in items if isinstance(i, AgendaItem)}
    assert {"anchored", "withdrawn"} <= finals


def test_one_item_rejected_and_fed_back_one_postponed_and_back(guide) -> None:  # type: ignore[no-untyped-def]
    paths = [[(h.status, h.decision) for h in i.data.history]
             for i in guide.graph.of_kind("agenda-item") if isinstance(i.data, AgendaItem)]
    assert any(p[-2:] == [("decided", "rejected"), ("fed-back", None)] for p in paths)
    assert any(("decided", "postponed") in p
               and p[p.index(("decided", "postponed")) + 1][0] == "on-agenda" for p in paths)


def test_editions_have_priorities_and_one_listing_has_expired(guide) -> None:  # type: ignore[no-untyped-def]
    editions = [e.data for e in guide.graph.of_kind("compass-edition")]
    assert all(isinstance(e, CompassEdition) and e.priorities for e in editions)
    listings = [e.data for e in guide.graph.of_kind("listing") if isinstance(e.data, Listing)]
    expired = [x for x in listings if x.valid_until and x.valid_until < guide.graph.now]
    assert len(expired) >= 1
    assert all(x.valid_until for x in listings)


def test_illustrations_say_they_are_examples(guide) -> None:  # type: ignore[no-untyped-def]
    for kind in ("deal", "review", "agenda-item", "compass-edition"):
        for entry in guide.graph.of_kind(kind):
            assert "voorbeeld" in entry.body.lower(), entry.rel


def test_area_outlines_cover_feijenoord(guide) -> None:  # type: ignore[no-untyped-def]
    feijenoord = {"feijenoord", "afrikaanderwijk", "bloemhof", "hillesluis", "katendrecht",
                  "kop-van-zuid-entrepot", "noordereiland", "vreewijk"}
    assert feijenoord <= set(guide.graph.outlines)
