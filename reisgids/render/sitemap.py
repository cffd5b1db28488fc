"""/sitemap.xml (sitemaps.org 0.9) of every published HTML page, and /robots.txt.

Drafts never appear, not even in a --drafts build (they are never indexed). Every URL has
a <lastmod>: an entry page's own newest date; a generated page (a list, the home page) the
newest date of the entries it shows; else the build's date ("now", the same for one
commit on one day), never the clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any, Protocol

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import ROBOTS_URL, SITEMAP_URL
from reisgids.render.machine import absolute, last_changed, sub, xml_bytes

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_LISTED = frozenset({"/404.html"})


class Page(Protocol):
    """What the sitemap needs of a planned page (render.plan.Page has it)."""

    @property
    def url(self) -> str: ...  # site path

    @property
    def source(self) -> str: ...  # the entry's file, '' for generated pages

    @property
    def context(self) -> object: ...  # what the page shows (plan.contexts)


# (id of a view object, depth) -> (the object, the keys under it): see _walk()
Memo = dict[tuple[int, int], tuple[object, frozenset[Key]]]


@dataclass(frozen=True, order=True)
class SitemapUrl:
    loc: str  # absolute
    lastmod: date | None = None


def sitemap_urls(graph: ContentGraph, pages: Iterable[Page]) -> list[SitemapUrl]:
    """One URL per planned page, sorted; pages of draft entries and the 404 page left out."""
    by_source: dict[str, Key] = {e.rel: k for k, e in graph.entries.items()}
    found: dict[str, SitemapUrl] = {}
    memo: Memo = {}
    newest: dict[Key, date | None] = {}  # an entry is shown on many generated pages

    def changed(key: Key) -> date | None:
        if key not in newest:
            newest[key] = last_changed(graph.entries[key].data)
        return newest[key]

    for page in pages:
        if page.url in NOT_LISTED:
            continue
        key = by_source.get(page.source) if page.source else None
        lastmod = None
        if key is not None:
            data = graph.entries[key].data
            if data.draft:
                continue
            lastmod = last_changed(data)
        else:
            lastmod = max((d for k in shown_keys(page.context, graph, memo)
                           if (d := changed(k)) is not None), default=None)
        loc = absolute(graph, page.url)
        found[loc] = SitemapUrl(loc, lastmod or graph.now)
    return sorted(found.values())


def shown_keys(value: Any, graph: ContentGraph, memo: Memo | None = None) -> set[Key]:
    """The entries a generated page shows: every view object in its context that names a
    kind and slug of the graph (cards, links, sections), found by walking the context."""
    found: set[Key] = set()
    _walk(value, graph, 0, {} if memo is None else memo, found)
    return found


def _walk(value: Any, graph: ContentGraph, depth: int, memo: Memo, found: set[Key]) -> None:
    """Add to `found` the keys under `value`. A view object (a card, a link) is shared by
    many pages and walked once per depth: what it holds below the depth limit depends on
    the depth it is met at, so (object, depth) is what is remembered (the memo keeps the
    object, so its id cannot be taken by another)."""
    if depth > 8:
        return
    shape = _shape(type(value))
    if shape is _LEAF:
        return
    if shape is _MAPPING:
        for item in value.values():
            if type(item) not in _LEAVES:
                _walk(item, graph, depth + 1, memo, found)
    elif shape is _ITEMS:
        for item in value:
            if type(item) not in _LEAVES:
                _walk(item, graph, depth + 1, memo, found)
    elif shape:  # a dataclass: its field names
        known = memo.get((id(value), depth))
        if known is None:
            own: set[Key] = set()
            kind, slug = getattr(value, "kind", None), getattr(value, "slug", None)
            if isinstance(kind, str) and isinstance(slug, str) and (kind, slug) in graph.entries:
                own.add((kind, slug))
            for name in shape:
                item = getattr(value, name)
                if type(item) not in _LEAVES:  # most fields are text: no call for them
                    _walk(item, graph, depth + 1, memo, own)
            known = memo[(id(value), depth)] = (value, frozenset(own))
        found |= known[1]


_LEAVES = frozenset({str, int, float, bool, type(None)})
_LEAF: tuple[str, ...] = ()
_MAPPING: tuple[str, ...] = ("<mapping>",)
_ITEMS: tuple[str, ...] = ("<items>",)
_SHAPES: dict[type, tuple[str, ...]] = {}


def _shape(cls: type) -> tuple[str, ...]:
    """How _walk() goes into a value of this type, decided once per type: not at all, by
    its values, by its items, or by its dataclass fields (their names)."""
    known = _SHAPES.get(cls)
    if known is None:
        if issubclass(cls, str | bytes | int | float | bool | date | type(None)):
            known = _LEAF
        elif issubclass(cls, Mapping):
            known = _MAPPING
        elif issubclass(cls, list | tuple | set | frozenset):
            known = _ITEMS
        elif is_dataclass(cls):
            known = tuple(f.name for f in fields(cls)) or _LEAF
        else:
            known = _LEAF
        _SHAPES[cls] = known
    return known


def sitemap_xml(urls: Sequence[SitemapUrl]) -> bytes:
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for url in urls:
        node = sub(root, "url")
        sub(node, "loc", url.loc)
        if url.lastmod is not None:
            sub(node, "lastmod", url.lastmod.isoformat())
    return xml_bytes(root)


def robots_txt(graph: ContentGraph) -> bytes:
    return (f"User-agent: *\nAllow: /\n\nSitemap: {absolute(graph, SITEMAP_URL)}\n"
            ).encode()


def sitemap_files(graph: ContentGraph, pages: Iterable[Page]) -> dict[str, bytes]:
    return {SITEMAP_URL.lstrip("/"): sitemap_xml(sitemap_urls(graph, pages)),
            ROBOTS_URL.lstrip("/"): robots_txt(graph)}
