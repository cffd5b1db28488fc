"""Everything the site outputs, HTML pages and other files, as {path: bytes}.

The planned pages and the 404 page go through the theme; feeds, calendars, the sitemap,
robots.txt and the open data are made here from the same graph. A path that two outputs
claim is an error, as between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import jinja2

from reisgids.errors import Diagnostic, Text
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import output_path, url_collision
from reisgids.markdown import RenderedBody
from reisgids.output_budget import OutputBudget
from reisgids.plan.page import Page
from reisgids.plan.site_plan import SitePlan
from reisgids.render.calendar import calendar_files
from reisgids.render.compass_feeds import compass_follow_files
from reisgids.render.edition_pdf import edition_pdfs
from reisgids.render.feeds import feed_files
from reisgids.render.opendata import open_data_files
from reisgids.render.redirects import redirect_files
from reisgids.render.site import Carry, Files, render_pages
from reisgids.render.sitemap import sitemap_files
from reisgids.render.theme import Theme


def merge(files: Files, more: Mapping[str, bytes], what: Text,
          owners: Mapping[str, str]) -> list[Diagnostic]:
    """Add `more` (made by `what`) to `files`; a path already there stays and is reported
    at the file of the page that has it (`owners`: output path -> source file)."""
    problems: list[Diagnostic] = []
    for path in sorted(more):
        if path in files:
            source = owners.get(path) or "reisgids.yml"
            problems.append(url_collision("/" + path, (source, what), at=source))
            continue
        files[path] = more[path]
    return problems


@dataclass(frozen=True)
class Rest:
    """What the site outputs besides its planned pages: feeds, calendars, sitemap, open data,
    PDFs, and (after all of them) the redirects of old addresses. render_site() makes them
    at once; serve makes them after the changed page is visible (reisgids/preview.py)."""

    graph: ContentGraph
    bodies: Mapping[Key, RenderedBody]
    translate: Callable[[str], str]
    pages: Sequence[Page]
    owners: dict[str, str]

    def files(self, pages: Mapping[str, bytes]) -> tuple[Files, list[Diagnostic]]:
        """The other outputs, given the page files (which they never replace)."""
        graph, html = self.graph, {key: body.html for key, body in self.bodies.items()}
        files = dict(pages)
        problems: list[Diagnostic] = []
        for what, more in (
                (Text("de feeds", "the feeds"), feed_files(graph, html)),
                (Text("de kompasfeeds", "the compass feeds"), compass_follow_files(graph)),
                (Text("de agenda (.ics)", "the calendar (.ics)"), calendar_files(graph)),
                (Text("de sitemap", "the sitemap"), sitemap_files(graph, self.pages)),
                (Text("de open data", "the open data"), open_data_files(graph)),
                (Text("de PDF van een kompaseditie", "the PDF of a compass edition"),
                 edition_pdfs(graph, html, self.translate))):
            problems += merge(files, more, what, self.owners)
        redirects, more_problems = redirect_files(graph, files, self.translate)
        files.update(redirects)  # after every other output: an alias never replaces a page
        return {p: b for p, b in files.items() if p not in pages}, problems + more_problems


def render_site_pages(graph: ContentGraph, plan: SitePlan, bodies: Mapping[Key, RenderedBody],
                      env: jinja2.Environment, theme: Theme, *, jobs: int = 1,
                      carry: Carry | None = None, budget: OutputBudget | None = None
                      ) -> tuple[Files, list[Diagnostic], Rest]:
    """The planned pages and the 404 page; `Rest` makes everything else. `carry`: see
    render.site.Carry (a carried page's bytes are left empty here); `budget`: see
    render.site.render_pages."""
    translate = cast(Callable[[str], str], env.globals["t"])  # theme.environment sets it
    pages, every = plan.pages, plan.every
    files, problems = render_pages(graph, env, every, jobs=jobs, carry=carry,
                                   root=theme.root, budget=budget)
    owners = {output_path(p.url): p.source for p in every if p.source}
    return files, problems, Rest(graph, bodies, translate, pages, owners)


def render_site(graph: ContentGraph, plan: SitePlan, bodies: Mapping[Key, RenderedBody],
                env: jinja2.Environment, theme: Theme, *, jobs: int = 1,
                carry: Carry | None = None, budget: OutputBudget | None = None
                ) -> tuple[Files, list[Diagnostic]]:
    """Every output at once (a build; serve makes `Rest` after the reload)."""
    files, problems, rest = render_site_pages(graph, plan, bodies, env, theme, jobs=jobs,
                                              carry=carry, budget=budget)
    if any(p.code == "output-too-large" for p in problems):
        return files, problems
    more, more_problems = rest.files(files)
    files.update(more)
    return files, problems + more_problems
