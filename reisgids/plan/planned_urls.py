"""The site paths a build will write besides entry pages and static files, known without
rendering a template: overviews and their filter and pagination pages, feeds, calendars,
open data, the sitemap. Body links written as URLs of the site are checked against them."""

from __future__ import annotations

from collections.abc import Sequence

from reisgids.graph.aliases import alias_urls
from reisgids.graph.content import ContentGraph
from reisgids.graph.routes import GLOSSARY_URL
from reisgids.graph.urls import (
    CALENDAR_URL,
    COMPASS_URL,
    DATA_PAGE_URL,
    JSON_URL,
    LESSONS_URL,
    NEWS_URL,
    NOT_FOUND_URL,
    ROBOTS_URL,
    SITEMAP_URL,
    csv_url,
    event_ics_url,
)
from reisgids.model.kind import Kind
from reisgids.plan.overviews import list_pages
from reisgids.plan.page import Page
from reisgids.source.kinds import KINDS

FIXED_PAGES = frozenset({"/", "/zoeken/", "/a-z/", NOT_FOUND_URL, DATA_PAGE_URL, GLOSSARY_URL})
FIXED_FILES = frozenset({NEWS_URL, LESSONS_URL, COMPASS_URL, CALENDAR_URL, JSON_URL, SITEMAP_URL,
                         ROBOTS_URL})


def _label(key: str) -> str:
    return key  # titles do not matter here, only where each page goes


def machine_urls(graph: ContentGraph) -> frozenset[str]:
    """The generated files that are not pages: feeds, calendars, open data, the sitemap."""
    urls = set(FIXED_FILES)
    urls |= {csv_url(kind) for kind in KINDS}
    urls |= {event_ics_url(graph, entry.key) for entry in graph.of_kind(Kind.EVENT)}
    return frozenset(urls)


def planned_urls(graph: ContentGraph, lists: Sequence[Page] | None = None) -> frozenset[str]:
    """`lists`: the pages besides entry pages when already planned (`pages.site_pages`), else
    the overviews are planned here."""
    urls = set(FIXED_PAGES) | machine_urls(graph)
    urls |= {page.url for page in (list_pages(graph, _label) if lists is None else lists)}
    urls |= set(alias_urls(graph))  # old addresses redirect: a link to one still works
    return frozenset(urls)
