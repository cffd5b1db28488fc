"""The overview page of every kind, with its static filter and pagination pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import overview_url
from reisgids.model.kind import Kind
from reisgids.model.vocab import VOCABS
from reisgids.render.bodies import page_url
from reisgids.render.calendar import CALENDAR_URL
from reisgids.render.compass_feeds import theme_feeds
from reisgids.render.compass_views import (
    compass_view,
    current_lines,
    lines_with_status,
    status_filter_values,
    status_groups,
)
from reisgids.render.deals import PHASES, phase_sections
from reisgids.render.feeds import COMPASS_URL, LESSONS_URL, NEWS_URL
from reisgids.render.learning import LESSON_FILTERS, lesson_keys, review_keys
from reisgids.render.lists import Facet, count_values, paginated
from reisgids.render.places import city_groups, theme_summaries, theme_view
from reisgids.render.plan import Page, trail
from reisgids.render.publications import newest_first, split_events, split_listings
from reisgids.render.views import LinkView, Translate, card_view, vocab_label


@dataclass(frozen=True)
class FacetSpec:
    """A filter of a list: URL segment, i18n heading, value order, values of one entry."""

    segment: str
    heading: str
    values: Sequence[str]
    of: Callable[[Any], list[str]]
    vocab: str  # for labels


def facet_path(base: str, spec: FacetSpec, value: str) -> str:
    return f"{base}{spec.segment}/{value}/" if value else f"{base}{spec.segment}/"


def facets(graph: ContentGraph, translate: Translate, base: str, specs: Sequence[FacetSpec],
           data: dict[Key, Any], current: tuple[str, str] = ("", "")) -> tuple[Facet, ...]:
    found = []
    for spec in specs:
        counts = count_values(spec.of(d) for d in data.values())
        links = tuple(LinkView(vocab_label(graph, spec.vocab, v) if spec.vocab
                               else translate(f"{spec.heading}.label"),
                               page_url(graph, facet_path(base, spec, v)),
                               current == (spec.segment, v), counts[v])
                      for v in spec.values if counts.get(v))
        if links:
            found.append(Facet(spec.heading, links))
    return tuple(found)


def faceted(graph: ContentGraph, translate: Translate, *, kind: str, keys: list[Key],
            specs: Sequence[FacetSpec], template: str = "list.html",
            base: str | None = None, title: str | None = None) -> list[Page]:
    """A kind's list (paginated), plus a paginated page per facet value that occurs."""
    base = base or overview_url(graph.config, kind)
    title = title or translate(f"kinds.{kind}")
    data = {k: graph.entries[k].data for k in keys}
    common = {"kind": kind, "intro": f"intro.{kind}", "all_url": page_url(graph, base)}
    pages = paginated(graph, translate, base=base, title=title, template=template,
                      items=[card_view(graph, k) for k in keys],
                      crumbs=trail(graph, translate, (title, base)),
                      context={**common, "facets": facets(graph, translate, base, specs, data),
                               "filtered": False, "chosen": ""},
                      description=translate(f"intro.{kind}"))
    for spec in specs:
        counts = count_values(spec.of(d) for d in data.values())
        for value in spec.values:
            if not counts.get(value):
                continue
            path = facet_path(base, spec, value)
            label = vocab_label(graph, spec.vocab, value) if spec.vocab else translate(
                f"{spec.heading}.label")
            sub = f"{title}: {label}"
            chosen = [k for k in keys if value in spec.of(data[k])]
            pages += paginated(
                graph, translate, base=path, title=sub, template=template,
                items=[card_view(graph, k) for k in chosen],
                crumbs=trail(graph, translate, (title, base), (sub, path)),
                context={**common, "facets": facets(graph, translate, base, specs, data,
                                                    (spec.segment, value)),
                         "filtered": True, "chosen": label},
                description=sub)
    return pages


def with_feed(graph: ContentGraph, translate: Translate, pages: list[Page], kind: str,
              url: str) -> list[Page]:
    """Pages that announce an Atom feed (in <head> and as a visible link)."""
    feed = (translate(f"feed.{kind}"), page_url(graph, url))
    return [replace(p, feeds=(feed,), context={**p.context, "feed": feed}) for p in pages]


def by_title(graph: ContentGraph, kind: str) -> list[Key]:
    return sorted((e.key for e in graph.of_kind(kind)),
                  key=lambda k: (graph.entries[k].data.title.casefold(), k))


def atlas_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    partner_types = list(graph.config.vocabulary("partner_types"))
    return [
        *faceted(graph, translate, kind="project", keys=by_title(graph, "project"), specs=[
            FacetSpec("status", "facet.status", list(VOCABS["project.status"]),
                      lambda d: [str(d.status)], "project.status")]),
        *faceted(graph, translate, kind="partner", keys=by_title(graph, "partner"), specs=[
            FacetSpec("type", "facet.partner_type", partner_types, lambda d: [str(d.type)],
                      "partner_types")]),
        *faceted(graph, translate, kind="instrument", keys=by_title(graph, "instrument"),
                 specs=[FacetSpec("type", "facet.instrument_type",
                                  list(VOCABS["instrument.type"]), lambda d: [str(d.type)],
                                  "instrument.type")]),
    ]


def deal_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    base = overview_url(graph.config, Kind.DEAL)
    title = translate("kinds.deal")
    counts = {s.phase: len(s.deals) for s in phase_sections(graph)}

    def phase_links(current: str) -> tuple[LinkView, ...]:
        return tuple(LinkView(vocab_label(graph, "deal.phase", p),
                              page_url(graph, f"{base}fase/{p}/"), p == current, counts[p])
                     for p in PHASES if p in counts)

    pages = [Page(url=base, template="deals.html", title=title,
                  context={"sections": phase_sections(graph), "phases": phase_links(""),
                           "all_url": page_url(graph, base), "filtered": False},
                  description=translate("intro.deal"),
                  breadcrumbs=trail(graph, translate, (title, base)))]
    for phase in PHASES:
        if phase not in counts:
            continue
        path = f"{base}fase/{phase}/"
        sub = f"{title}: {vocab_label(graph, 'deal.phase', phase)}"
        pages.append(Page(url=path, template="deals.html", title=sub,
                          context={"sections": phase_sections(graph, phase),
                                   "phases": phase_links(phase),
                                   "all_url": page_url(graph, base), "filtered": True},
                          description=sub,
                          breadcrumbs=trail(graph, translate, (title, base), (sub, path))))
    return pages


def lesson_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    specs = [FacetSpec(f.segment, f.heading, f.values(graph), f.of, f.vocab)
             for f in LESSON_FILTERS]
    specs.append(FacetSpec("successen", "lessons.filter.success", [""],
                           lambda d: [""] if d.success else [], ""))
    keys = lesson_keys(graph)
    return with_feed(graph, translate, faceted(graph, translate, kind="lesson", keys=keys,
                                               specs=specs, template="lessons.html"),
                     "lesson", LESSONS_URL)


def compass_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    base = overview_url(graph.config, Kind.COMPASS_EDITION)
    title = translate("kinds.compass-edition")
    agenda = overview_url(graph.config, Kind.AGENDA_ITEM)
    agenda_title = translate("kinds.agenda-item")
    pages = [
        Page(url=base, template="compass.html", title=title,
             context={"compass": compass_view(graph),
                      "feed": (translate("feed.compass"), page_url(graph, COMPASS_URL))},
             description=translate("intro.compass"),
             breadcrumbs=trail(graph, translate, (title, base)),
             feeds=((translate("feed.compass"), page_url(graph, COMPASS_URL)),)),
        Page(url=agenda, template="agenda-items.html", title=agenda_title,
             context={"groups": status_groups(graph, current_lines(graph), keep_empty=False),
                      "filtered": False},
             description=translate("intro.agenda-item"),
             breadcrumbs=trail(graph, translate, (title, base), (agenda_title, agenda))),
    ]
    for status in status_filter_values(graph):
        path = f"{base}status/{status}/"
        sub = f"{agenda_title}: {vocab_label(graph, 'agenda.status', status)}"
        pages.append(Page(
            url=path, template="agenda-items.html", title=sub,
            context={"groups": status_groups(graph, lines_with_status(graph, status),
                                             keep_empty=False), "filtered": True},
            description=sub,
            breadcrumbs=trail(graph, translate, (title, base), (agenda_title, agenda),
                              (sub, path))))
    return pages


def publication_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    pages: list[Page] = []
    for kind in ("news", "story", "review"):
        keys = review_keys(graph) if kind == Kind.REVIEW else newest_first(graph, kind)
        found = faceted(graph, translate, kind=kind, keys=keys, specs=[])
        pages += with_feed(graph, translate, found, kind, NEWS_URL) if kind == Kind.NEWS else found
    events = overview_url(graph.config, Kind.EVENT)
    upcoming, past = split_events(graph)
    title = translate("kinds.event")
    pages.append(Page(url=events, template="events.html", title=title,
                      context={"upcoming": [card_view(graph, k) for k in upcoming],
                               "past": [card_view(graph, k) for k in past],
                               "calendar_url": page_url(graph, CALENDAR_URL)},
                      description=translate("intro.event"),
                      breadcrumbs=trail(graph, translate, (title, events))))
    market = overview_url(graph.config, Kind.LISTING)
    archive = f"{market}archief/"
    current, archived = split_listings(graph)
    title = translate("kinds.listing")
    sub = translate("market.archive")
    pages.append(Page(url=market, template="marketplace.html", title=title,
                      context={"items": [card_view(graph, k) for k in current],
                               "archive": False, "other_url": page_url(graph, archive),
                               "other_count": len(archived)},
                      description=translate("intro.listing"),
                      breadcrumbs=trail(graph, translate, (title, market))))
    pages.append(Page(url=archive, template="marketplace.html", title=sub,
                      context={"items": [card_view(graph, k) for k in archived],
                               "archive": True, "other_url": page_url(graph, market),
                               "other_count": len(current)},
                      description=translate("intro.archive"),
                      breadcrumbs=trail(graph, translate, (title, market), (sub, archive))))
    return pages


def place_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    areas = overview_url(graph.config, Kind.AREA)
    title = translate("kinds.area")
    pages = [Page(url=areas, template="areas.html", title=title,
                  context={"cities": city_groups(graph)}, description=translate("intro.area"),
                  breadcrumbs=trail(graph, translate, (title, areas)))]
    themes_title = translate("nav.themes")
    pages.append(Page(url="/themas/", template="themes.html", title=themes_title,
                      context={"themes": theme_summaries(graph)},
                      description=translate("intro.themes"),
                      breadcrumbs=trail(graph, translate, (themes_title, "/themas/"))))
    for summary in theme_summaries(graph):
        path = f"/themas/{summary.id}/"
        pages.append(Page(url=path, template="theme.html", title=summary.label,
                          context={"theme": theme_view(graph, summary.id)},
                          description=translate("theme.description").format(
                              theme=summary.label),
                          breadcrumbs=trail(graph, translate, (themes_title, "/themas/"),
                                            (summary.label, path)),
                          feeds=theme_feeds(graph, translate, summary.id)))
    return pages


def list_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    return [*deal_pages(graph, translate), *atlas_pages(graph, translate),
            *lesson_pages(graph, translate), *compass_pages(graph, translate),
            *publication_pages(graph, translate), *place_pages(graph, translate)]
