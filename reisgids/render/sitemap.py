"""/sitemap.xml (sitemaps.org 0.9) of every published HTML page, and /robots.txt.

Drafts never appear, not even in a --drafts build (they are never indexed). Every URL has
a <lastmod>: an entry page's own newest date; a generated page (a list, the home page) the
newest date of the entries it shows; else the build's date ("now", the same for one
commit on one day), never the clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


@dataclass(frozen=True, order=True)
class SitemapUrl:
    loc: str  # absolute
    lastmod: date | None = None


def sitemap_urls(graph: ContentGraph, pages: Iterable[Page]) -> list[SitemapUrl]:
    """One URL per planned page, sorted; pages of draft entries and the 404 page left out."""
    by_source: dict[str, Key] = {e.rel: k for k, e in graph.entries.items()}
    found: dict[str, SitemapUrl] = {}
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
            lastmod = max((d for k in set(shown_keys(page.context, graph))
                           if (d := last_changed(graph.entries[k].data)) is not None),
                          default=None)
        loc = absolute(graph, page.url)
        found[loc] = SitemapUrl(loc, lastmod or graph.now)
    return sorted(found.values())


def shown_keys(value: Any, graph: ContentGraph, depth: int = 0) -> Iterator[Key]:
    """The entries a generated page shows: every view object in its context that names a
    kind and slug of the graph (cards, links, sections), found by walking the context."""
    if depth > 8 or isinstance(value, str | bytes | int | float | bool | date | None):
        return
    if isinstance(value, Mapping):
        for item in value.values():
            yield from shown_keys(item, graph, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from shown_keys(item, graph, depth + 1)
    elif is_dataclass(value) and not isinstance(value, type):
        kind, slug = getattr(value, "kind", None), getattr(value, "slug", None)
        if isinstance(kind, str) and isinstance(slug, str) and (kind, slug) in graph.entries:
            yield (kind, slug)
        for f in fields(value):
            yield from shown_keys(getattr(value, f.name), graph, depth + 1)


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
