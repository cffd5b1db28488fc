"""/sitemap.xml (sitemaps.org 0.9) of every published HTML page, and /robots.txt.

Drafts never appear, not even in a --drafts build (they are never indexed); <lastmod>
comes from the entry's own dates, never from the build's clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reisgids.graph.content import ContentGraph, Key
from reisgids.render.machine import absolute, last_changed, sub, xml_bytes

SITEMAP_URL = "/sitemap.xml"
ROBOTS_URL = "/robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_LISTED = frozenset({"/404.html"})


class Page(Protocol):
    """What the sitemap needs of a planned page (render.plan.Page has it)."""

    @property
    def url(self) -> str: ...  # site path

    @property
    def source(self) -> str: ...  # the entry's file, '' for generated pages


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
        loc = absolute(graph, page.url)
        found[loc] = SitemapUrl(loc, lastmod)
    return sorted(found.values())


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
