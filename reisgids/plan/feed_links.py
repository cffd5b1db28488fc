"""Which compass feeds exist and which page announces which: planning knows the links, the
feed files themselves are written by render/compass_feeds.py.

A theme or wijk gets a feed only when some published agenda item has it; every published
agenda item has its own.
"""

from __future__ import annotations

from collections.abc import Callable

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import AREA_FEED, ITEM_FEED, THEME_FEED, page_url
from reisgids.model.compass import AgendaItem
from reisgids.plan.compass_views import agenda_items

Translate = Callable[[str], str]


def _items(graph: ContentGraph) -> dict[str, AgendaItem]:
    return agenda_items(graph)


def followed_themes(graph: ContentGraph) -> list[str]:
    """Themes some published agenda item has, sorted."""
    return sorted({t for item in _items(graph).values() for t in item.themes})


def followed_areas(graph: ContentGraph) -> list[str]:
    """Published areas some published agenda item lies in, sorted."""
    return sorted({a for item in _items(graph).values() for a in item.areas
                   if ("area", a) in graph.published})


def entry_feeds(graph: ContentGraph, translate: Translate, key: Key
                ) -> tuple[tuple[str, str], ...]:
    """(title, href) of the compass feed an entry page announces: its own for an agenda
    item, its wijk's for an area some agenda item lies in."""
    kind, slug = key
    if kind == "agenda-item" and key in graph.published:
        return ((translate("feed.agenda-item"), page_url(graph, ITEM_FEED.format(slug=slug))),)
    if kind == "area" and slug in followed_areas(graph):
        return ((translate("feed.area"), page_url(graph, AREA_FEED.format(slug=slug))),)
    return ()


def theme_feeds(graph: ContentGraph, translate: Translate, theme: str
                ) -> tuple[tuple[str, str], ...]:
    if theme in followed_themes(graph):
        return ((translate("feed.theme"), page_url(graph, THEME_FEED.format(slug=theme))),)
    return ()
