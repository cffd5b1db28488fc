"""The plan stage: every page of the site and where it goes, checked for URL collisions.

It needs no Jinja, so `check` runs it as well as `build`: two generated pages that want one
URL, or a page at the URL of a generated file (a feed, the calendar, the open data), are
reported before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import NOT_FOUND_URL, output_path, url_collision
from reisgids.markdown import RenderedBody
from reisgids.plan.contexts import NotFoundContext
from reisgids.plan.notfound import not_found_view
from reisgids.plan.page import Page, trail
from reisgids.plan.pages import plan_pages
from reisgids.plan.planned_urls import machine_urls
from reisgids.plan.replan import KeptPlan

Translate = Callable[[str], str]


def translator(strings: Mapping[str, str]) -> Translate:
    """The theme's t(): its string for a key, else the key itself."""

    def translate(key: str) -> str:
        return strings.get(key, key)

    return translate


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[Page, ...]  # the planned pages, one per URL; the sitemap lists them
    not_found: Page  # /404.html: rendered, never listed

    @property
    def every(self) -> tuple[Page, ...]:
        return (*self.pages, self.not_found)


def not_found_page(graph: ContentGraph, translate: Translate) -> Page:
    view = not_found_view(graph, translate)
    return Page(url=NOT_FOUND_URL, template="404.html", title=view.title,
                context=NotFoundContext(view), description=view.lead,
                breadcrumbs=trail(graph, translate, (view.title, NOT_FOUND_URL)))


def plan_site(graph: ContentGraph, bodies: Mapping[Key, RenderedBody], translate: Translate,
              kept: KeptPlan | None = None, lists: Sequence[Page] | None = None
              ) -> tuple[SitePlan, list[Diagnostic]]:
    """Every page; of two pages for one output path the first stays, the second is an
    error, as is a page where a generated file goes. `kept` (serve): the previous plan of
    the entry pages, planned again only where their inputs changed (plan/replan.py); `lists`:
    see plan_pages."""
    problems: list[Diagnostic] = []
    owners: dict[str, Page] = {}
    files = {output_path(url): url for url in machine_urls(graph)}
    planned: list[Page] = []
    for page in plan_pages(graph, bodies, translate, kept, lists):
        path = output_path(page.url)
        first = owners.get(path)
        if first is not None or path in files:
            names = [first.source or first.template] if first is not None else [files[path]]
            problems.append(url_collision(page.url, [*names, page.source or page.template],
                                          at=page.source or "reisgids.yml"))
            continue
        owners[path] = page
        planned.append(page)
    return SitePlan(tuple(planned), not_found_page(graph, translate)), problems
