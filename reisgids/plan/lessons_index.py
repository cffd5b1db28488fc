"""Which lessons cite what: one index over the graph's links, built once by the graph."""

from __future__ import annotations

from collections.abc import Iterable

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.kind import Kind


def lessons_citing(graph: ContentGraph) -> dict[Key, tuple[Key, ...]]:
    """source entry (review, deal, project) -> published lessons whose `sources` name it."""
    return graph.citing("lesson", "sources")


def lessons_of(index: dict[Key, tuple[Key, ...]], sources: Iterable[Key]) -> list[Key]:
    """Lessons citing any of `sources`, each once, sorted by key."""
    return sorted({lesson for source in sources for lesson in index.get(source, ())})


def reviews_of_deal(graph: ContentGraph, deal: str) -> list[Key]:
    """Published reviews of one deal, oldest first."""
    keys = [link.source for link in graph.backlinks((Kind.DEAL, deal))
            if link.source[0] == "review" and link.field == "deal"]
    return sorted(set(keys), key=lambda k: (graph.entries[k].data.date or graph.now, k))
