"""Atom feeds to follow one agenda item, one theme or one wijk in the compass: one entry per
status move of the agenda items concerned, newest first, deterministic like every feed.

A theme or wijk gets a feed only when some published agenda item has it; every published
agenda item has its own. The page each feed follows announces it in <head>.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.compass import AgendaItem
from reisgids.model.kind import Kind
from reisgids.render.bodies import page_url
from reisgids.render.feeds import (
    Feed,
    atom_xml,
    newest,
    newest_content_date,
    published_agenda_items,
    status_entries,
)
from reisgids.render.machine import absolute

Translate = Callable[[str], str]
ITEM_FEED = "/feeds/kompas/agenda/{slug}.xml"
THEME_FEED = "/feeds/kompas/thema/{slug}.xml"
AREA_FEED = "/feeds/kompas/wijk/{slug}.xml"

TITLES = {
    "nl": {"item": "Kompas: {name}", "theme": "Kompas: agendapunten over {name}",
           "area": "Kompas: agendapunten in {name}"},
    "en": {"item": "Compass: {name}", "theme": "Compass: agenda items on {name}",
           "area": "Compass: agenda items in {name}"},
}


def _items(graph: ContentGraph) -> dict[str, AgendaItem]:
    return graph.memo("compass-feeds:items", lambda: published_agenda_items(graph))


def followed_themes(graph: ContentGraph) -> list[str]:
    """Themes some published agenda item has, sorted."""
    return sorted({t for item in _items(graph).values() for t in item.themes})


def followed_areas(graph: ContentGraph) -> list[str]:
    """Published areas some published agenda item lies in, sorted."""
    return sorted({a for item in _items(graph).values() for a in item.areas
                   if (Kind.AREA, a) in graph.published})


def _feed(graph: ContentGraph, url: str, kind: str, name: str, alternate: str,
          items: Mapping[str, AgendaItem]) -> Feed:
    language = str(graph.config.language)
    title = TITLES["en" if language == "en" else "nl"][kind].format(name=name)
    return Feed(id=absolute(graph, url), title=f"{graph.config.title} · {title}",
                alternate=absolute(graph, alternate), language=language,
                author=graph.config.title, entries=newest(status_entries(graph, items)),
                fallback_updated=newest_content_date(graph))


def compass_follow_files(graph: ContentGraph) -> dict[str, bytes]:
    """{output path: bytes} of the feed of every agenda item, theme and wijk followed."""
    items = _items(graph)
    themes = graph.config.vocabulary("themes")
    files: dict[str, bytes] = {}
    for slug, item in sorted(items.items()):
        url = ITEM_FEED.format(slug=slug)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "item", item.title, graph.urls[(Kind.AGENDA_ITEM, slug)], {slug: item}))
    for theme in followed_themes(graph):
        url = THEME_FEED.format(slug=theme)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "theme", themes.get(theme, theme), f"/themas/{theme}/",
            {s: i for s, i in items.items() if theme in i.themes}))
    for area in followed_areas(graph):
        url = AREA_FEED.format(slug=area)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "area", graph.entries[(Kind.AREA, area)].data.title,
            graph.urls[(Kind.AREA, area)], {s: i for s, i in items.items() if area in i.areas}))
    return files


def entry_feeds(graph: ContentGraph, translate: Translate, key: Key
                ) -> tuple[tuple[str, str], ...]:
    """(title, href) of the compass feed an entry page announces: its own for an agenda
    item, its wijk's for an area some agenda item lies in."""
    kind, slug = key
    if kind == Kind.AGENDA_ITEM and key in graph.published:
        return ((translate("feed.agenda-item"), page_url(graph, ITEM_FEED.format(slug=slug))),)
    if kind == Kind.AREA and slug in followed_areas(graph):
        return ((translate("feed.area"), page_url(graph, AREA_FEED.format(slug=slug))),)
    return ()


def theme_feeds(graph: ContentGraph, translate: Translate, theme: str
                ) -> tuple[tuple[str, str], ...]:
    if theme in followed_themes(graph):
        return ((translate("feed.theme"), page_url(graph, THEME_FEED.format(slug=theme))),)
    return ()
