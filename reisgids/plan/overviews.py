"""The overview page of every kind, with its static filter and pagination pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import overview_url
from reisgids.graph.urls import CALENDAR_URL, COMPASS_URL, LESSONS_URL, NEWS_URL, page_url
from reisgids.model.kind import Kind
from reisgids.model.vocab import VOCABS
from reisgids.plan.compass_views import (
    compass_view,
    current_lines,
    lines_with_status,
    status_filter_values,
    status_groups,
)
from reisgids.plan.contexts import (
    AgendaItemsContext,
    AreasContext,
    CompassContext,
    DealsContext,
    EventsContext,
    FeedLink,
    ListContext,
    MarketplaceContext,
    ThemeContext,
    ThemesContext,
)
from reisgids.plan.deals import PHASES, phase_sections
from reisgids.plan.feed_links import theme_feeds
from reisgids.plan.labels import vocab_label
from reisgids.plan.learning import LESSON_FILTERS, lesson_keys, review_keys
from reisgids.plan.lists import Facet, Pager, count_values, paginated
from reisgids.plan.page import Page, trail
from reisgids.plan.places import city_groups, theme_summaries, theme_view
from reisgids.plan.publications import newest_first, split_events, split_listings
from reisgids.plan.views import LinkView, RefView, Translate, card_view


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
            base: str | None = None, title: str | None = None,
            feed: FeedLink | None = None) -> list[Page]:
    """A kind's list (paginated), plus a paginated page per facet value that occurs; a
    `feed` is announced in <head> and shown as a link on every one of them."""
    base = base or overview_url(graph.config, kind)
    title = title or translate(f"kinds.{kind}")
    data = {k: graph.entries[k].data for k in keys}

    def listed(heading: str, shown: tuple[Facet, ...], chosen: str, count: int
               ) -> Callable[[tuple[RefView, ...], Pager], ListContext]:
        return lambda items, pager: ListContext(
            kind=kind, intro=f"intro.{kind}", all_url=page_url(graph, base), facets=shown,
            filtered=bool(chosen), chosen=chosen, items=items, pager=pager, heading=heading,
            count=count, feed=feed)

    pages = paginated(graph, translate, base=base, title=title, template=template,
                      items=[card_view(graph, k) for k in keys],
                      crumbs=trail(graph, translate, (title, base)),
                      context=listed(title, facets(graph, translate, base, specs, data), "",
                                     len(keys)),
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
                context=listed(sub, facets(graph, translate, base, specs, data,
                                           (spec.segment, value)), label, len(chosen)),
                description=sub)
    return [replace(p, feeds=(feed,)) for p in pages] if feed else pages


def feed_link(graph: ContentGraph, translate: Translate, kind: str, url: str) -> FeedLink:
    return FeedLink(translate(f"feed.{kind}"), page_url(graph, url))


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
                  context=DealsContext(phase_sections(graph), phase_links(""),
                                       page_url(graph, base), filtered=False),
                  description=translate("intro.deal"),
                  breadcrumbs=trail(graph, translate, (title, base)))]
    for phase in PHASES:
        if phase not in counts:
            continue
        path = f"{base}fase/{phase}/"
        sub = f"{title}: {vocab_label(graph, 'deal.phase', phase)}"
        pages.append(Page(url=path, template="deals.html", title=sub,
                          context=DealsContext(phase_sections(graph, phase),
                                               phase_links(phase), page_url(graph, base),
                                               filtered=True),
                          description=sub,
                          breadcrumbs=trail(graph, translate, (title, base), (sub, path))))
    return pages


def lesson_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    specs = [FacetSpec(f.segment, f.heading, f.values(graph), f.of, f.vocab)
             for f in LESSON_FILTERS]
    specs.append(FacetSpec("successen", "lessons.filter.success", [""],
                           lambda d: [""] if d.success else [], ""))
    keys = lesson_keys(graph)
    return faceted(graph, translate, kind="lesson", keys=keys, specs=specs,
                   template="lessons.html", feed=feed_link(graph, translate, "lesson",
                                                           LESSONS_URL))


def compass_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    base = overview_url(graph.config, Kind.COMPASS_EDITION)
    title = translate("kinds.compass-edition")
    agenda = overview_url(graph.config, Kind.AGENDA_ITEM)
    agenda_title = translate("kinds.agenda-item")
    pages = [
        Page(url=base, template="compass.html", title=title,
             context=CompassContext(compass_view(graph), FeedLink(
                 translate("feed.compass"), page_url(graph, COMPASS_URL))),
             description=translate("intro.compass"),
             breadcrumbs=trail(graph, translate, (title, base)),
             feeds=((translate("feed.compass"), page_url(graph, COMPASS_URL)),)),
        Page(url=agenda, template="agenda-items.html", title=agenda_title,
             context=AgendaItemsContext(
                 status_groups(graph, current_lines(graph), keep_empty=False), filtered=False),
             description=translate("intro.agenda-item"),
             breadcrumbs=trail(graph, translate, (title, base), (agenda_title, agenda))),
    ]
    for status in status_filter_values(graph):
        path = f"{base}status/{status}/"
        sub = f"{agenda_title}: {vocab_label(graph, 'agenda.status', status)}"
        pages.append(Page(
            url=path, template="agenda-items.html", title=sub,
            context=AgendaItemsContext(status_groups(graph, lines_with_status(graph, status),
                                                     keep_empty=False), filtered=True),
            description=sub,
            breadcrumbs=trail(graph, translate, (title, base), (agenda_title, agenda),
                              (sub, path))))
    return pages


def publication_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    pages: list[Page] = []
    for kind in ("news", "story", "review"):
        keys = review_keys(graph) if kind == Kind.REVIEW else newest_first(graph, kind)
        pages += faceted(graph, translate, kind=kind, keys=keys, specs=[],
                         feed=feed_link(graph, translate, kind, NEWS_URL) if kind == Kind.NEWS
                         else None)
    events = overview_url(graph.config, Kind.EVENT)
    upcoming, past = split_events(graph)
    title = translate("kinds.event")
    pages.append(Page(url=events, template="events.html", title=title,
                      context=EventsContext(
                          upcoming=tuple(card_view(graph, k) for k in upcoming),
                          past=tuple(card_view(graph, k) for k in past),
                          calendar_url=page_url(graph, CALENDAR_URL)),
                      description=translate("intro.event"),
                      breadcrumbs=trail(graph, translate, (title, events))))
    market = overview_url(graph.config, Kind.LISTING)
    archive = f"{market}archief/"
    current, archived = split_listings(graph)
    title = translate("kinds.listing")
    sub = translate("market.archive")
    pages.append(Page(url=market, template="marketplace.html", title=title,
                      context=MarketplaceContext(
                          tuple(card_view(graph, k) for k in current), archive=False,
                          other_url=page_url(graph, archive), other_count=len(archived)),
                      description=translate("intro.listing"),
                      breadcrumbs=trail(graph, translate, (title, market))))
    pages.append(Page(url=archive, template="marketplace.html", title=sub,
                      context=MarketplaceContext(
                          tuple(card_view(graph, k) for k in archived), archive=True,
                          other_url=page_url(graph, market), other_count=len(current)),
                      description=translate("intro.archive"),
                      breadcrumbs=trail(graph, translate, (title, market), (sub, archive))))
    return pages


def place_pages(graph: ContentGraph, translate: Translate) -> list[Page]:
    areas = overview_url(graph.config, Kind.AREA)
    title = translate("kinds.area")
    pages = [Page(url=areas, template="areas.html", title=title,
                  context=AreasContext(city_groups(graph)), description=translate("intro.area"),
                  breadcrumbs=trail(graph, translate, (title, areas)))]
    themes_title = translate("nav.themes")
    pages.append(Page(url="/themas/", template="themes.html", title=themes_title,
                      context=ThemesContext(theme_summaries(graph)),
                      description=translate("intro.themes"),
                      breadcrumbs=trail(graph, translate, (themes_title, "/themas/"))))
    for summary in theme_summaries(graph):
        path = f"/themas/{summary.id}/"
        pages.append(Page(url=path, template="theme.html", title=summary.label,
                          context=ThemeContext(theme_view(graph, summary.id)),
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
