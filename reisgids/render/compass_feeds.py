"""Atom feeds to follow one agenda item, one theme or one wijk in the compass: one entry per
status move of the agenda items concerned, newest first, deterministic like every feed.

A theme or wijk gets a feed only when some published agenda item has it; every published
agenda item has its own. The page each feed follows announces it in <head>.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from reisgids.errors import Text
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import AREA_FEED, ITEM_FEED, THEME_FEED
from reisgids.model.compass import AgendaItem
from reisgids.model.kind import Kind
from reisgids.plan.compass_views import agenda_items
from reisgids.plan.feed_links import followed_areas, followed_themes
from reisgids.render.feeds import (
    Feed,
    atom_xml,
    newest,
    newest_content_date,
    status_entries,
)
from reisgids.render.machine import absolute

Translate = Callable[[str], str]

TITLES = {"item": Text("Kompas: {name}", "Compass: {name}"),
          "theme": Text("Kompas: agendapunten over {name}", "Compass: agenda items on {name}"),
          "area": Text("Kompas: agendapunten in {name}", "Compass: agenda items in {name}")}


def _feed(graph: ContentGraph, url: str, kind: str, name: str, alternate: str,
          items: Mapping[str, AgendaItem], fallback: date) -> Feed:
    language = str(graph.config.language)
    title = TITLES[kind].get(language).format(name=name)
    return Feed(id=absolute(graph, url), title=f"{graph.config.title} · {title}",
                alternate=absolute(graph, alternate), language=language,
                author=graph.config.title, entries=newest(status_entries(graph, items)),
                fallback_updated=fallback)


def compass_follow_files(graph: ContentGraph) -> dict[str, bytes]:
    """{output path: bytes} of the feed of every agenda item, theme and wijk followed."""
    items = agenda_items(graph)
    themes = graph.config.vocabulary("themes")
    files: dict[str, bytes] = {}
    fallback = newest_content_date(graph)  # once: it reads every entry, hundreds of feeds ask
    for slug, item in sorted(items.items()):
        url = ITEM_FEED.format(slug=slug)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "item", item.title, graph.urls[(Kind.AGENDA_ITEM, slug)], {slug: item},
            fallback))
    for theme in followed_themes(graph):
        url = THEME_FEED.format(slug=theme)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "theme", themes.get(theme, theme), f"/themas/{theme}/",
            {s: i for s, i in items.items() if theme in i.themes},
            fallback))
    for area in followed_areas(graph):
        url = AREA_FEED.format(slug=area)
        files[url.lstrip("/")] = atom_xml(_feed(
            graph, url, "area", graph.entries[(Kind.AREA, area)].data.title,
            graph.urls[(Kind.AREA, area)], {s: i for s, i in items.items() if area in i.areas},
            fallback))
    return files
