"""The planning spec of every kind: what its own page is, in one line per kind.

A PlanSpec joins the two halves of how reisgids plans a kind: its CardSpec (how its entries
show up elsewhere: card facts, backlink headings, search facets; plan/kind_cards.py, which
the view modules below use, so it cannot live here) and its page: the template, the
`detail` view and the function that makes it, the backlinks the page shows in its own
sections, and its JSON-LD. Folders, models, names and URL patterns are the kind's
KindSpec in reisgids.model.kinds; this is everything planning adds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.kind import Kind
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
from reisgids.plan.kind_cards import CARD, CardSpec
from reisgids.plan.learning import LessonView, ReviewView, lesson_view, review_view
from reisgids.plan.meta import event, news_article, organisation
from reisgids.plan.places import AreaView, area_view
from reisgids.plan.publications import (
    ArticleView,
    EventView,
    ListingView,
    article_view,
    event_view,
    listing_view,
)
from reisgids.plan.schema_org import (
    agenda_item,
    article,
    listing,
    place,
    project,
    report,
    service,
    web_page,
)

# The type of `detail` in an entry's template (docs/theme.md lists the fields of each).
Detail = (DealView | ProjectView | PartnerView | InstrumentView | ReviewView | LessonView
          | AgendaItemView | EditionView | ArticleView | EventView | ListingView | AreaView)

# (graph, key, the page's absolute URL) -> the detail view; only an edition needs the URL
Builder = Callable[[ContentGraph, Key, str], Detail]
Maker = Callable[[ContentGraph, Key], dict[str, Any]]  # schema.org JSON-LD, before escaping
Shown = frozenset[tuple[str, str]]  # (source kind, field); field '*' for all of a kind


@dataclass(frozen=True)
class PlanSpec:
    kind: Kind
    template: str  # in the theme's templates/
    detail_view: type | None  # the type `detail_of` returns; None: no `detail` (free pages)
    detail: Builder | None
    json_ld: Maker
    # backlinks the page shows in its own sections, so not again under "Verbonden met"
    shown: Shown = frozenset()

    @property
    def card(self) -> CardSpec:
        return CARD[self.kind]


def _slug(view: Callable[[ContentGraph, str], Detail]) -> Builder:
    return lambda graph, key, _canonical: view(graph, key[1])


# In the order of kind_cards.KIND_ORDER (a test keeps them in step), for the reader.
PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(Kind.DEAL, "deal.html", DealView, _slug(deal_view), project,
             frozenset({("review", "deal"), ("lesson", "sources")})),
    PlanSpec(Kind.PROJECT, "project.html", ProjectView, _slug(project_view), project,
             frozenset({("lesson", "sources"), ("deal", "projects")})),
    PlanSpec(Kind.PARTNER, "partner.html", PartnerView, _slug(partner_view), organisation,
             frozenset({("deal", "partners"), ("deal", "residents"), ("project", "lead"),
                        ("project", "partners"), ("review", "*"), ("partner", "parent")})),
    PlanSpec(Kind.INSTRUMENT, "instrument.html", InstrumentView, _slug(instrument_view),
             service),
    PlanSpec(Kind.REVIEW, "review.html", ReviewView, _slug(review_view), report,
             frozenset({("lesson", "sources")})),
    PlanSpec(Kind.LESSON, "lesson.html", LessonView, _slug(lesson_view), article,
             frozenset({("agenda-item", "lessons")})),
    PlanSpec(Kind.AGENDA_ITEM, "agenda-item.html", AgendaItemView, _slug(agenda_item_view),
             agenda_item),
    PlanSpec(Kind.COMPASS_EDITION, "compass-edition.html", EditionView,
             lambda graph, key, canonical: edition_view(graph, key[1], canonical), report),
    PlanSpec(Kind.NEWS, "news.html", ArticleView,
             lambda graph, key, _canonical: article_view(graph, key), news_article),
    PlanSpec(Kind.STORY, "story.html", ArticleView,
             lambda graph, key, _canonical: article_view(graph, key), article),
    PlanSpec(Kind.EVENT, "event.html", EventView, _slug(event_view), event),
    PlanSpec(Kind.LISTING, "listing.html", ListingView, _slug(listing_view), listing),
    PlanSpec(Kind.AREA, "area.html", AreaView, _slug(area_view), place),
    PlanSpec(Kind.PAGE, "page.html", None, None, web_page),
)

PLAN: dict[str, PlanSpec] = {spec.kind: spec for spec in PLANS}


def plan_spec(kind: str) -> PlanSpec:
    """The planning spec of a kind id (a Kind member or its text); KeyError otherwise."""
    return PLAN[kind]


def detail_of(graph: ContentGraph, key: Key, canonical: str) -> Detail | None:
    """The detail view of an entry page, or None for kinds without one (free pages)."""
    builder = PLAN[key[0]].detail
    return builder(graph, key, canonical) if builder else None
