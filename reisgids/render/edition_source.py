"""Where an edition page gets its facts: an adopted edition with a snapshot from the snapshot
(frozen, as adopted), any other edition from today's files (live)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reisgids.compass.editions import (
    EditionDiff,
    HasHistory,
    ItemStatus,
    edition_diff,
    edition_items,
    ordered_editions,
)
from reisgids.graph.content import ContentGraph
from reisgids.model.compass import Adoption, CompassEdition, Period, Priority
from reisgids.model.kind import Kind
from reisgids.render.bodies import page_url
from reisgids.render.compass_views import agenda_items, editions
from reisgids.render.views import RefView


@dataclass(frozen=True)
class EditionSource:
    slug: str
    title: str
    period: Period
    adopted: Adoption | None
    priorities: tuple[Priority, ...]
    co_created_with: tuple[str, ...]  # partner slugs
    statuses: tuple[ItemStatus, ...]  # items held, with their status at period.end
    diff: EditionDiff | None  # None for the first edition
    titles: Mapping[str, str]  # agenda item slug -> title (as frozen, or today's)
    themes: Mapping[str, tuple[str, ...]]  # agenda item slug -> themes
    frozen: bool


def item_ref(graph: ContentGraph, source: EditionSource, slug: str) -> RefView:
    """A link to an agenda item under the title the edition knows; no link when the item
    is gone or unpublished."""
    key = (Kind.AGENDA_ITEM, slug)
    url = page_url(graph, graph.urls[key]) if key in graph.published else ""
    return RefView("agenda-item", slug, source.titles.get(slug, slug), url)


def edition_ref(graph: ContentGraph, slug: str) -> RefView:
    key = (Kind.COMPASS_EDITION, slug)
    entry = graph.entries.get(key)
    url = page_url(graph, graph.urls[key]) if key in graph.published else ""
    return RefView("compass-edition", slug, entry.data.title if entry else slug, url)


def edition_source(graph: ContentGraph, slug: str) -> EditionSource:
    def make() -> EditionSource:
        data = graph.entries[(Kind.COMPASS_EDITION, slug)].data_as(CompassEdition)
        stored = graph.snapshots.get(slug) if data.adopted is not None else None
        if stored is not None:
            snap = stored.data
            frozen: dict[str, HasHistory] = {i.slug: i for i in snap.items}
            diff = (edition_diff(snap, snap.previous.edition, snap.previous, frozen)
                    if snap.previous else None)
            return EditionSource(
                slug, snap.title, snap.period, snap.adopted, tuple(snap.priorities),
                tuple(snap.co_created_with),
                tuple(edition_items(snap, frozen)), diff, {i.slug: i.title for i in snap.items},
                {i.slug: tuple(i.themes) for i in snap.items}, True)
        found = dict(editions(graph))  # a copy: the memoised index is shared
        found.setdefault(slug, data)
        items = agenda_items(graph)
        order = ordered_editions(found)
        index = order.index(slug)
        before = order[index - 1] if index > 0 else None
        titles = {s: i.title for s, i in items.items()}
        diff = None
        if before is not None:
            # compare with the previous edition as adopted, when it is frozen
            previous = edition_source(graph, before) if found[before].adopted else None
            held = previous.statuses if previous is not None and previous.frozen else None
            if previous is not None and previous.frozen:
                titles = {**previous.titles, **titles}
            diff = edition_diff(data, before, found[before], items, held)
        return EditionSource(
            slug, data.title, data.period, data.adopted, tuple(data.priorities),
            tuple(data.co_created_with), tuple(edition_items(data, items)), diff, titles,
            {s: tuple(i.themes) for s, i in items.items()}, False)

    return graph.memo(f"edition-source:{slug}", make)
