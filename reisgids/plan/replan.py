"""serve: plan again only the pages whose inputs changed since the previous plan.

An entry page's plan is a function of the graph's fields (config, now, entries, published,
urls, links, outlines, snapshots), the rendered bodies and the theme's strings, nothing else;
the other pages (home, overviews with their filter and pagination pages, A-Z, glossary, data
page) are the same function without the bodies: no list reads a body. While it is planned, a
page or a group of list pages sees a `RecordingGraph` (plan/recording.py), which records what
it reads.

The next plan compares the new graph with the previous one: when anything read as a whole
can have changed (another config, date, theme, set of entries or of published ones, URLs,
outlines or snapshots) every page is planned; otherwise the changed entries are found by
identity, then by value (for the lists, their data only: a body edit changes no list), the
links that came or went name the entries whose backlinks changed, and a page is planned
again only when it read one of those keys or groups. Every other page keeps its previous
`Page` object (so its fingerprint can be kept too).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.link import Walks
from reisgids.markdown import RenderedBody
from reisgids.plan.page import Page
from reisgids.plan.recording import Reads, Touched, recording


@dataclass(frozen=True)
class PlannedEntries:
    """The previous plan of the entry pages, and what each read."""

    graph: ContentGraph
    bodies: Mapping[Key, RenderedBody]
    strings: str  # the theme's strings, as compared
    pages: dict[Key, tuple[Page, Reads]]
    planned: int  # how many of them were planned (the others kept), for tests and bench


@dataclass(frozen=True)
class PlannedGroups:
    """The previous plan of the pages besides entry pages, per group, and what each read."""

    graph: ContentGraph
    strings: str
    groups: dict[str, tuple[tuple[Page, ...], Reads]]
    planned: int  # how many groups were planned (the others kept)


def _whole_same(before: ContentGraph, before_strings: str, graph: ContentGraph,
                strings: str) -> bool:
    """Nothing a page may have read as a whole differs."""
    return (before_strings == strings and before.now == graph.now
            and before.config == graph.config and before.published == graph.published
            and before.entries.keys() == graph.entries.keys() and before.urls == graph.urls
            and before.outlines == graph.outlines and before.snapshots == graph.snapshots)


class Changed(Touched):
    """The entries that changed since the previous plan, and their groups."""

    def touches(self, reads: Reads) -> bool:
        if reads.everything:  # every change is in `keys` (a link that went names its source)
            return bool(self.keys)
        return (not self.keys.isdisjoint(reads.keys)
                or not self.kinds.isdisjoint(reads.kinds)
                or not self.themes.isdisjoint(reads.themes)
                or not self.areas.isdisjoint(reads.areas)
                or not self.backlinks.isdisjoint(reads.backlinks))


def changed(before: ContentGraph, graph: ContentGraph,
            bodies: tuple[Mapping[Key, RenderedBody], Mapping[Key, RenderedBody]] | None = None
            ) -> Changed:
    """What differs between the previous graph and this one (same keys, URLs, config).
    With `bodies` (previous, now) an entry whose body differs is changed too; without, only
    entries whose data or file differs (what the lists can read)."""
    found = Changed()
    for key, entry in graph.entries.items():
        was = before.entries[key]
        if was is not entry and (was != entry if bodies is not None
                                 else (was.data != entry.data or was.rel != entry.rel)):
            found.keys.add(key)
            for data in (was.data, entry.data):
                found.themes.update(data.themes)
                found.areas.update(data.areas)
        if bodies is not None and bodies[0].get(key) != bodies[1].get(key):
            found.keys.add(key)
    if before.links != graph.links:
        for link in set(before.links) ^ set(graph.links):
            found.keys.add(link.source)
            found.backlinks.add(link.target)
    found.kinds = {key[0] for key in found.keys}
    return found


def plan_entries(graph: ContentGraph, bodies: Mapping[Key, RenderedBody], strings: str,
                 plan_one: Callable[[ContentGraph, Mapping[Key, RenderedBody], Key], Page],
                 old: PlannedEntries | None) -> tuple[list[Page], PlannedEntries]:
    """Every published entry's page, in key order: planned again when its inputs may have
    changed (or there is no previous plan to go by), else the previous Page."""
    redo: Changed | None = None
    if old is not None and _whole_same(old.graph, old.strings, graph, strings):
        redo = changed(old.graph, graph, (old.bodies, bodies))
    seen, seen_bodies = recording(graph, bodies)
    pages: list[Page] = []
    kept: dict[Key, tuple[Page, Reads]] = {}
    planned = 0
    for key in sorted(graph.published):
        previous = old.pages.get(key) if old is not None and redo is not None else None
        if previous is not None and redo is not None and not redo.touches(previous[1]):
            kept[key] = previous
            pages.append(previous[0])
            continue
        seen.start()
        planned += 1
        page = plan_one(seen, seen_bodies, key)
        kept[key] = (page, seen.reads())
        pages.append(page)
    return pages, PlannedEntries(graph, bodies, strings, kept, planned)


Group = tuple[str, Callable[[ContentGraph], Sequence[Page]]]


def plan_groups(graph: ContentGraph, strings: str, groups: Sequence[Group],
                old: PlannedGroups | None) -> tuple[list[Page], PlannedGroups]:
    """The pages of every group, in order: a group is planned again when what it read may
    have changed (or there is no previous plan), else its previous Page objects are kept."""
    redo: Changed | None = None
    if old is not None and _whole_same(old.graph, old.strings, graph, strings):
        redo = changed(old.graph, graph)
    seen, _bodies = recording(graph, {})
    pages: list[Page] = []
    kept: dict[str, tuple[tuple[Page, ...], Reads]] = {}
    planned = 0
    for name, plan in groups:
        previous = old.groups.get(name) if old is not None and redo is not None else None
        if previous is None or redo is None or redo.touches(previous[1]):
            seen.start()
            planned += 1
            previous = (tuple(plan(seen)), seen.reads())
        kept[name] = previous
        pages += previous[0]
    return pages, PlannedGroups(graph, strings, kept, planned)


class KeptPlan:
    """serve: the previous plan, kept between saves, and what linking found in each entry.
    `theme` is set by the caller to a key of the theme's strings before each plan."""

    def __init__(self) -> None:
        self.entries: PlannedEntries | None = None
        self.groups: PlannedGroups | None = None
        self.walks = Walks()
        self.theme = ""
