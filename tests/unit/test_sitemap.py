"""reisgids.render.sitemap: /sitemap.xml of every published HTML page, and /robots.txt."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from outputs_support import basic_site, graph_of

from reisgids.graph.content import ContentGraph
from reisgids.plan.views import card_view
from reisgids.render.sitemap import (
    SITEMAP_NS,
    SitemapUrl,
    robots_txt,
    shown_keys,
    sitemap_files,
    sitemap_urls,
    sitemap_xml,
)

SiteFactory = Callable[[dict[str, str]], Path]
NS = {"s": SITEMAP_NS}
BASE = "https://example.org/gids"


@dataclass(frozen=True)
class FakePage:
    url: str
    source: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)


def planned(graph: ContentGraph) -> list[FakePage]:
    """What plan_pages gives, in the parts the sitemap reads: entry pages with their
    source, and a few generated pages."""
    pages = [FakePage(graph.urls[k], graph.entries[k].rel) for k in sorted(graph.published)]
    news = [card_view(graph, k) for k in sorted(graph.published) if k[0] == "news"]
    return [FakePage("/"), FakePage("/nieuws/", context={"items": news}),
            FakePage("/zoeken/"), *pages, FakePage("/404.html")]


@dataclass(frozen=True)
class View:
    kind: str
    slug: str
    inner: tuple[Any, ...] = ()


def test_a_shared_view_gives_the_keys_of_the_depth_it_is_met_at(
        make_site: SiteFactory) -> None:
    """A view object shared by two pages is remembered per depth: below the walk's depth
    limit its inner views are not counted, above it they are, as without the memo."""
    graph = graph_of(basic_site(make_site))
    keys = sorted(graph.published)
    inner = View(*keys[0])
    shared = View(*keys[1], inner=(inner,))
    deep: Any = shared
    for _ in range(7):  # the shared view met at depth 8, its inner view at 10: cut
        deep = [deep]
    shallow = {"items": [shared]}
    memo: dict[Any, Any] = {}
    assert shown_keys(deep, graph, memo) == shown_keys(deep, graph) == {keys[1]}
    assert shown_keys(shallow, graph, memo) == shown_keys(shallow, graph) == {keys[0], keys[1]}
    assert shown_keys(deep, graph, memo) == {keys[1]}
    assert shown_keys({"x": View("no-such-kind", "x")}, graph) == set()


def locs(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    return [u.findtext("s:loc", namespaces=NS) or "" for u in root.findall("s:url", NS)]


def test_every_published_page_sorted_without_404(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    urls = sitemap_urls(graph, planned(graph))
    found = [u.loc for u in urls]
    assert found == sorted(found)
    assert f"{BASE}/" in found and f"{BASE}/zoeken/" in found
    assert f"{BASE}/404.html" not in found
    assert len(found) == len(graph.published) + 3
    assert f"{BASE}/deals/samen-eten/" in found


def test_lastmod_from_content_dates(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    urls = {u.loc: u.lastmod for u in sitemap_urls(graph, planned(graph))}
    assert urls[f"{BASE}/nieuws/maaltijd-gestart/"] == date(2026, 1, 16)
    assert urls[f"{BASE}/kompas/agenda/meerjarige-coordinatie/"] == date(2026, 11, 1)
    # a list page: the newest date of what it shows; a page that shows no entry: "now"
    newest_news = max(d for loc, d in urls.items() if loc.startswith(f"{BASE}/nieuws/")
                      and loc != f"{BASE}/nieuws/")
    assert urls[f"{BASE}/nieuws/"] == newest_news
    assert urls[f"{BASE}/zoeken/"] == graph.now
    assert all(d is not None for d in urls.values())
    data = sitemap_xml(sitemap_urls(graph, planned(graph)))
    root = ET.fromstring(data)
    news = next(u for u in root.findall("s:url", NS)
                if u.findtext("s:loc", namespaces=NS) == f"{BASE}/nieuws/maaltijd-gestart/")
    assert news.findtext("s:lastmod", namespaces=NS) == "2026-01-16"


def test_drafts_never_appear_even_in_a_drafts_build(make_site: SiteFactory) -> None:
    draft = "---\ntitle: Concept\ndate: 2026-05-01\ndraft: true\n---\n"
    graph = graph_of(basic_site(make_site, {"content/news/concept.md": draft}), drafts=True)
    assert ("news", "concept") in graph.published
    found = [u.loc for u in sitemap_urls(graph, planned(graph))]
    assert f"{BASE}/nieuws/concept/" not in found


def test_xml_is_well_formed_and_escaped() -> None:
    data = sitemap_xml([SitemapUrl("https://example.org/a?b=1&c=2", date(2026, 1, 2)),
                        SitemapUrl("https://example.org/z/")])
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    assert b"&amp;c=2" in data
    assert locs(data) == ["https://example.org/a?b=1&c=2", "https://example.org/z/"]


def test_robots_points_at_the_sitemap(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    assert robots_txt(graph).decode() == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/gids/sitemap.xml\n")
    files = sitemap_files(graph, planned(graph))
    assert sorted(files) == ["robots.txt", "sitemap.xml"]
    # same input and same "now", same bytes
    assert files == sitemap_files(graph_of(basic_site(make_site, {})), planned(graph))


@pytest.mark.skipif(importlib.util.find_spec("reisgids.markdown") is None,
                    reason="the Markdown renderer is not there yet")
def test_sitemap_of_a_built_site_matches_its_pages(make_site: SiteFactory,
                                                   tmp_path: Path) -> None:
    from conftest import NOW, run_cli

    root = basic_site(make_site, {})
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    listed = locs((out / "sitemap.xml").read_bytes())
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    expected = sorted(f"{BASE}/" + (p.removesuffix("index.html")) for p in pages
                      if p != "404.html" and not p.startswith("admin/"))  # the web editor
    assert listed == expected
    assert (out / "robots.txt").is_file()
    assert (out / "404.html").is_file()
