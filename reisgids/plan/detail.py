"""The kind-specific view of an entry page (`detail` in its template)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.plan.atlas import instrument_view, partner_view, project_view
from reisgids.plan.compass_views import agenda_item_view
from reisgids.plan.deals import deal_view
from reisgids.plan.edition_views import edition_view
from reisgids.plan.learning import lesson_view, review_view
from reisgids.plan.places import area_view
from reisgids.plan.publications import article_view, event_view, listing_view

Builder = Callable[[ContentGraph, Key, str], Any]

BUILDERS: dict[str, Builder] = {
    "deal": lambda g, k, _: deal_view(g, k[1]),
    "project": lambda g, k, _: project_view(g, k[1]),
    "partner": lambda g, k, _: partner_view(g, k[1]),
    "instrument": lambda g, k, _: instrument_view(g, k[1]),
    "review": lambda g, k, _: review_view(g, k[1]),
    "lesson": lambda g, k, _: lesson_view(g, k[1]),
    "agenda-item": lambda g, k, _: agenda_item_view(g, k[1]),
    "compass-edition": lambda g, k, canonical: edition_view(g, k[1], canonical),
    "news": lambda g, k, _: article_view(g, k),
    "story": lambda g, k, _: article_view(g, k),
    "event": lambda g, k, _: event_view(g, k[1]),
    "listing": lambda g, k, _: listing_view(g, k[1]),
    "area": lambda g, k, _: area_view(g, k[1]),
}


def detail_of(graph: ContentGraph, key: Key, canonical: str) -> Any:
    """The detail view of an entry page, or None for kinds without one (free pages)."""
    builder = BUILDERS.get(key[0])
    return builder(graph, key, canonical) if builder else None
