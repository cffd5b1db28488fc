"""The home page: the four-quadrant cycle with live counts, what is new and what is next."""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.compass.editions import STATUS_ORDER, current_edition
from reisgids.graph.content import ContentGraph
from reisgids.graph.routes import GLOSSARY_URL, overview_url
from reisgids.graph.urls import page_url
from reisgids.model.kind import Kind
from reisgids.model.learning import Lesson
from reisgids.plan.compass_views import (
    EditionCard,
    current_lines,
    edition_card,
    editions,
    status_url,
)
from reisgids.plan.deals import active_residents, phase_counts, phase_url
from reisgids.plan.labels import vocab_label
from reisgids.plan.publications import newest_first, split_events
from reisgids.plan.views import LinkView, RefView, Translate, card_view, theme_url

LATEST_NEWS = 3
UPCOMING_EVENTS = 3


@dataclass(frozen=True)
class Quadrant:
    number: int
    key: str  # i18n stem: 'home.q1' -> .title, .intervention, .text
    url: str  # where the quadrant lives
    total: int  # the headline number
    total_key: str  # i18n key of what the number counts
    counts: tuple[LinkView, ...]  # a breakdown, each linking to its list


@dataclass(frozen=True)
class HomeView:
    quadrants: tuple[Quadrant, ...]
    news: tuple[RefView, ...]
    events: tuple[RefView, ...]
    edition: EditionCard | None
    atlas: tuple[LinkView, ...]  # counts of projects, partners, instruments, areas
    news_url: str
    events_url: str
    search_url: str
    themes_url: str
    # what a citizen comes for, shown first: wijken, themes, who helps with what
    areas: tuple[LinkView, ...] = ()
    themes: tuple[LinkView, ...] = ()
    helpers: tuple[LinkView, ...] = ()
    glossary_url: str = ""
    terms: tuple[str, ...] = ()  # per quadrant: the glossary anchor of its jargon


def overview(graph: ContentGraph, kind: str) -> str:
    return page_url(graph, overview_url(graph.config, kind))


def home_counts(graph: ContentGraph) -> dict[str, int]:
    """The numbers of the cycle, for the page and for tests."""
    lessons = [e.data for e in graph.of_kind(Kind.LESSON)]
    lines = current_lines(graph)
    counts = {
        "deals": len(graph.of_kind(Kind.DEAL)),
        "residents": len(active_residents(graph)),
        "reviews": len(graph.of_kind(Kind.REVIEW)),
        "lessons": len(lessons),
        "successes": sum(1 for x in lessons if isinstance(x, Lesson) and x.success),
        "agenda": len(lines),
    }
    for phase, count in phase_counts(graph):
        counts[f"phase:{phase}"] = count
    for status in STATUS_ORDER:
        counts[f"status:{status}"] = sum(1 for ln in lines if ln.status == status)
    return counts


def home_view(graph: ContentGraph, translate: Translate) -> HomeView:
    counts = home_counts(graph)
    phases = tuple(LinkView(vocab_label(graph, "deal.phase", p), phase_url(graph, p), False, n)
                   for p, n in phase_counts(graph))
    residents = tuple(LinkView(translate("home.resident").format(name=r.name, at=r.at.title),
                               card_view(graph, (Kind.DEAL, d)).url)
                      for d, r in active_residents(graph))
    statuses = tuple(LinkView(vocab_label(graph, "agenda.status", s), status_url(graph, s),
                              False, counts[f"status:{s}"])
                     for s in STATUS_ORDER if counts[f"status:{s}"])
    quadrants = (
        Quadrant(1, "home.q1", overview(graph, "deal"), counts["deals"], "home.count.deals",
                 phases),
        Quadrant(2, "home.q2", phase_url(graph, "execution") if counts.get("phase:execution")
                 else overview(graph, "deal"), counts["residents"],
                 "home.count.residents", residents),
        Quadrant(3, "home.q3", overview(graph, "review"), counts["reviews"],
                 "home.count.reviews",
                 (LinkView(translate("home.count.lessons"), overview(graph, "lesson"), False,
                           counts["lessons"]),
                  LinkView(translate("home.count.successes"),
                           page_url(graph, "/lessen/successen/"), False,
                           counts["successes"]))),
        Quadrant(4, "home.q4", overview(graph, "compass-edition"), counts["agenda"],
                 "home.count.agenda", statuses),
    )
    upcoming, _ = split_events(graph)
    found = editions(graph)
    current = current_edition(found, graph.now)
    atlas = tuple(LinkView(translate(f"kinds.{kind}"), overview(graph, kind), False,
                           len(graph.of_kind(kind)))
                  for kind in ("project", "partner", "instrument", "area"))
    return HomeView(
        quadrants=quadrants,
        news=tuple(card_view(graph, k) for k in newest_first(graph, "news")[:LATEST_NEWS]),
        events=tuple(card_view(graph, k) for k in upcoming[:UPCOMING_EVENTS]),
        edition=edition_card(graph, current, found[current]) if current else None,
        atlas=atlas, news_url=overview(graph, "news"), events_url=overview(graph, "event"),
        search_url=page_url(graph, "/zoeken/"), themes_url=page_url(graph, "/themas/"),
        areas=tuple(LinkView(e.data.title, page_url(graph, graph.urls[e.key]))
                    for e in sorted(graph.of_kind(Kind.AREA), key=lambda e: e.data.title)),
        themes=tuple(LinkView(name, theme_url(graph, theme)) for theme, name in
                     graph.config.vocabulary("themes").items()),
        helpers=tuple(LinkView(translate(key), overview(graph, kind), False,
                               len(graph.of_kind(kind)))
                      for key, kind in (("home.find_partners", "partner"),
                                        ("home.find_market", "listing"),
                                        ("home.find_instruments", "instrument"))),
        glossary_url=page_url(graph, GLOSSARY_URL),
        terms=("deal", "partner-in-residence", "schouw", "kompas"))
