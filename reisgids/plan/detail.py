"""The kind-specific view of an entry page (`detail` in its template)."""

from __future__ import annotations

from collections.abc import Callable

from reisgids.graph.content import ContentGraph, Key
from reisgids.plan.atlas import (
    InstrumentView,
    PartnerView,
    ProjectView,
    instrument_view,
    partner_view,
    project_view,
)
from reisgids.plan.compass_views import AgendaItemView, agenda_item_view
from reisgids.plan.deals import DealView, deal_view
from reisgids.plan.edition_views import EditionView, edition_view
from reisgids.plan.learning import LessonView, ReviewView, lesson_view, review_view
from reisgids.plan.places import AreaView, area_view
from reisgids.plan.publications import (
    ArticleView,
    EventView,
    ListingView,
    article_view,
    event_view,
    listing_view,
)

Detail = (DealView | ProjectView | PartnerView | InstrumentView | ReviewView | LessonView
          | AgendaItemView | EditionView | ArticleView | EventView | ListingView | AreaView)

Builder = Callable[[ContentGraph, Key, str], Detail]

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


# The type of `detail` in each kind's template (docs/theme.md lists its fields).
DETAIL_VIEWS: dict[str, type] = {
    "deal": DealView, "project": ProjectView, "partner": PartnerView,
    "instrument": InstrumentView, "review": ReviewView, "lesson": LessonView,
    "agenda-item": AgendaItemView, "compass-edition": EditionView, "news": ArticleView,
    "story": ArticleView, "event": EventView, "listing": ListingView, "area": AreaView,
}


def detail_of(graph: ContentGraph, key: Key, canonical: str) -> Detail | None:
    """The detail view of an entry page, or None for kinds without one (free pages)."""
    builder = BUILDERS.get(key[0])
    return builder(graph, key, canonical) if builder else None
