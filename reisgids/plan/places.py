"""Everything in one wijk, everything on one theme: gathered across kinds; area maps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.atlas import Area
from reisgids.model.compass import CompassEdition
from reisgids.model.kind import Kind
from reisgids.plan.kind_cards import KIND_ORDER
from reisgids.plan.maps import MAX_MARKERS, MapView, Outlined, area_map
from reisgids.plan.views import RefView, card_view, ref_view, theme_url


@dataclass(frozen=True)
class Gathered:
    kind: str
    refs: tuple[RefView, ...]


def gather(graph: ContentGraph, keys: Iterable[Key]) -> tuple[Gathered, ...]:
    """Cards grouped by kind in KIND_ORDER, each group sorted by title."""
    grouped: dict[str, list[RefView]] = {}
    for key in keys:
        grouped.setdefault(key[0], []).append(card_view(graph, key))
    return tuple(Gathered(kind, tuple(sorted(grouped[kind],
                                             key=lambda r: (r.title.casefold(), r.slug))))
                 for kind in KIND_ORDER if kind in grouped)


def area_of(graph: ContentGraph, slug: str) -> Area:
    data = graph.entries[(Kind.AREA, slug)].data_as(Area)
    return data


def outlined(graph: ContentGraph, slugs: Iterable[str]) -> list[Outlined]:
    found = []
    for slug in sorted(slugs):
        outline = graph.outlines.get(slug)
        if outline is None or (Kind.AREA, slug) not in graph.entries:
            continue
        found.append(Outlined(slug, graph.entries[(Kind.AREA, slug)].data.title,
                              ref_view(graph, (Kind.AREA, slug)).url, outline.geometry,
                              bool(outline.schematic)))
    return found


def neighbours(graph: ContentGraph, slug: str) -> list[str]:
    """Published areas of the same city (the area itself included)."""
    city = area_of(graph, slug).city
    return [e.slug for e in graph.of_kind(Kind.AREA)
            if e.slug == slug or (city and area_of(graph, e.slug).city == city)]


def on_the_map(graph: ContentGraph, slug: str) -> tuple[RefView, ...]:
    """The partners and projects of an area, in the order of their numbered dots."""
    found = [card_view(graph, e.key) for e in graph.in_area(slug)
             if e.kind in ("partner", "project")]
    return tuple(sorted(found, key=lambda r: (r.kind != Kind.PARTNER, r.title.casefold(),
                                              r.slug))[:MAX_MARKERS])


def map_of_area(graph: ContentGraph, slug: str) -> MapView | None:
    if slug not in graph.outlines:
        return None
    return area_map(outlined(graph, neighbours(graph, slug)), current=slug,
                    markers=len(on_the_map(graph, slug)))


@dataclass(frozen=True)
class AreaView:
    city: str
    code: str
    map: MapView | None
    gathered: tuple[Gathered, ...]
    total: int
    mapped: tuple[RefView, ...] = ()  # numbered on the map, in order


def area_view(graph: ContentGraph, slug: str) -> AreaView:
    data = area_of(graph, slug)
    keys = [e.key for e in graph.in_area(slug)]
    return AreaView(data.city or "", data.code or "", map_of_area(graph, slug),
                    gather(graph, keys), len(keys), on_the_map(graph, slug))


@dataclass(frozen=True)
class CityGroup:
    city: str  # '' for areas without a city
    areas: tuple[RefView, ...]
    map: MapView | None


def city_groups(graph: ContentGraph) -> tuple[CityGroup, ...]:
    cities: dict[str, list[str]] = {}
    for entry in graph.of_kind(Kind.AREA):
        cities.setdefault(area_of(graph, entry.slug).city or "", []).append(entry.slug)
    groups = []
    for city in sorted(cities, key=lambda c: (c == "", c.casefold())):
        slugs = cities[city]
        refs = sorted((card_view(graph, (Kind.AREA, s)) for s in slugs),
                      key=lambda r: (r.title.casefold(), r.slug))
        groups.append(CityGroup(city, tuple(refs), area_map(outlined(graph, slugs))))
    return tuple(groups)


@dataclass(frozen=True)
class ThemeSummary:
    id: str
    label: str
    url: str
    count: int


def theme_summaries(graph: ContentGraph) -> tuple[ThemeSummary, ...]:
    counts: dict[str, int] = {}
    for key in sorted(graph.published):
        for theme in set(graph.entries[key].data.themes):
            counts[theme] = counts.get(theme, 0) + 1
    vocab = graph.config.vocabulary("themes")
    return tuple(ThemeSummary(t, label, theme_url(graph, t), counts.get(t, 0))
                 for t, label in vocab.items())


@dataclass(frozen=True)
class ThemePriority:
    edition: RefView
    text: str


@dataclass(frozen=True)
class ThemeView:
    id: str
    label: str
    gathered: tuple[Gathered, ...]
    priorities: tuple[ThemePriority, ...]
    total: int


def theme_view(graph: ContentGraph, theme: str) -> ThemeView:
    keys = [e.key for e in graph.with_theme(theme)]
    priorities = []
    for entry in graph.of_kind(Kind.COMPASS_EDITION):
        data = entry.data_as(CompassEdition)
        priorities += [ThemePriority(ref_view(graph, entry.key), p.text)
                       for p in data.priorities if p.theme == theme]
    return ThemeView(theme, graph.config.vocabulary("themes").get(theme, theme),
                     gather(graph, keys), tuple(priorities), len(keys))
