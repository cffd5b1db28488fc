"""A planned page: its URL, template, title, context and the meta data of its <head>.

A page's `context` is a frozen dataclass (plan/contexts.py has one per template or family of
templates); rendering hands its fields to the template by name, beside the names every
template receives (site, page, url, canonical, home, t, images). docs/theme.md lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.plan.views import Translate

Crumb = tuple[str, str]  # (label, href); the last one is the page itself


@dataclass(frozen=True)
class Context:
    """What one template receives besides the shared names: subclasses in plan/contexts.py.
    The base has no fields: the search page's template needs nothing else."""


@dataclass(frozen=True)
class Page:
    url: str  # site path, '/deals/x/'
    template: str  # 'deal.html'
    title: str  # for <title> and <h1>
    context: Context = field(default_factory=Context)  # the names only this template gets
    description: str = ""  # for <meta name="description">
    breadcrumbs: tuple[Crumb, ...] = ()  # (label, href) from home to this page
    indexed: bool = False  # an entry page: the search index takes its main content
    source: str = ""  # the file it comes from, for collision messages
    og_type: str = "website"  # Open Graph type: website, article
    json_ld: str = ""  # a ready <script type="application/ld+json"> payload, or ''
    prev_url: str = ""  # rel=prev / rel=next of a paginated list (hrefs)
    next_url: str = ""
    image: str = ""  # an absolute URL for og:image, or ''
    feeds: tuple[tuple[str, str], ...] = ()  # (title, href) of Atom feeds about this page


def trail(graph: ContentGraph, translate: Translate, *steps: tuple[str, str]
          ) -> tuple[Crumb, ...]:
    """Breadcrumbs from home through (label, site path) steps; paths become hrefs."""
    crumbs: list[Crumb] = [(translate("nav.home"), page_url(graph, "/"))]
    crumbs += [(label, page_url(graph, path)) for label, path in steps]
    return tuple(crumbs)
