"""Everything the site outputs, HTML pages and other files, as {path: bytes}.

The planned pages and the 404 page go through the theme; feeds, calendars, the sitemap,
robots.txt and the open data are made here from the same graph. A path that two outputs
claim is an error, as between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, cast

import jinja2

from reisgids.errors import Diagnostic, Text
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import output_path, url_collision
from reisgids.markdown import RenderedBody
from reisgids.model.kind import Kind
from reisgids.output_budget import OutputBudget
from reisgids.plan.page import Page
from reisgids.plan.site_plan import SitePlan
from reisgids.render.calendar import calendar_files
from reisgids.render.compass_feeds import compass_follow_files
from reisgids.render.feeds import feed_files
from reisgids.render.opendata import open_data_csv_files, open_data_json_file
from reisgids.render.redirects import redirect_files
from reisgids.render.site import Files, PageReuse, PageSink, render_pages
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


class Reuse(Protocol):
    """The build cache's side of `Rest.files`: an output whose inputs are the same as when
    the previous build made it is carried from there instead of made again."""

    def carry_made(self, name: str, inputs: tuple[object, ...]) -> Collection[str] | None:
        """The paths `name` made last time from the same inputs, now carried; or None."""

    def made(self, name: str, inputs: tuple[object, ...], paths: Collection[str]) -> None:
        """`name` made `paths` from `inputs` (remembered for the next build)."""


@dataclass(frozen=True)
class GraphWithoutBodies:
    """Everything of the graph but the entries' Markdown: what an output that shows no body
    (neither the text nor its HTML) can depend on. One object per build, so that the
    build cache's fingerprinter hashes it once for every output that names it."""

    config: object
    now: object
    published: tuple[Key, ...]
    urls: Mapping[Key, str]
    links: tuple[object, ...]
    entries: tuple[tuple[object, ...], ...]
    outlines: Mapping[str, object]
    snapshots: Mapping[str, object]

    @classmethod
    def of(cls, graph: ContentGraph) -> GraphWithoutBodies:
        entries = tuple((key, e.kind, e.slug, e.rel, e.data, e.body_first_line)
                        for key, e in sorted(graph.entries.items()))
        return cls(graph.config, graph.now, tuple(sorted(graph.published)), graph.urls,
                   graph.links, entries, graph.outlines, graph.snapshots)


OPEN_DATA_JSON = "open-data-json"  # the name of the output that holds every body's Markdown
Maker = tuple[str, Text, Callable[[], tuple[object, ...]], Callable[[], Mapping[str, bytes]]]


class Cancelled(Exception):
    """serve: a newer save came in while the outputs besides pages were being made; they
    will be made for the newer state (`Rest.files(cancelled=...)`)."""


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
    # serve: the open data's JSON text of each entry record, kept between saves
    pieces: dict[str, str] | None = field(compare=False)

    def makers(self, html: Mapping[Key, str], plain: GraphWithoutBodies) -> list[Maker]:
        """(name, what, inputs, make) of each output besides the redirects. `inputs` lists
        everything `make` reads (the theme's strings and reisgids itself aside, which the
        cache's key covers): same inputs, same bytes. Only the open data's JSON holds the
        Markdown, and only the feeds and PDFs its HTML: an edited body remakes just those."""
        graph, translate = self.graph, self.translate
        bodies = tuple(sorted(html.items()))
        markdown = tuple((k, e.body) for k, e in sorted(graph.entries.items()))
        # an edition's PDF shows its own body: it is handed those bodies only
        editions = {k: v for k, v in html.items() if k[0] == Kind.COMPASS_EDITION}
        # the sitemap reads an entry page's url and file, a generated page's context too
        listed = tuple((p.url, p.source, None if p.source else p.context) for p in self.pages)
        return [
            ("feeds", Text("de feeds", "the feeds"), lambda: (plain, bodies),
             lambda: feed_files(graph, html)),
            ("compass-feeds", Text("de kompasfeeds", "the compass feeds"), lambda: (plain,),
             lambda: compass_follow_files(graph)),
            ("calendar", Text("de agenda (.ics)", "the calendar (.ics)"), lambda: (plain,),
             lambda: calendar_files(graph)),
            ("sitemap", Text("de sitemap", "the sitemap"), lambda: (plain, listed),
             lambda: sitemap_files(graph, self.pages)),
            (OPEN_DATA_JSON, Text("de open data", "the open data"),
             lambda: (plain, markdown), lambda: open_data_json_file(graph, self.pieces)),
            ("open-data-csv", Text("de open data", "the open data"), lambda: (plain,),
             lambda: open_data_csv_files(graph)),
            ("edition-pdfs", Text("de PDF van een kompaseditie", "the PDF of a compass edition"),
             lambda: (plain, tuple(sorted(editions.items()))),
             lambda: _edition_pdfs(graph, editions, translate))]

    def files(self, pages: Mapping[str, bytes], reuse: Reuse | None = None,
              cancelled: Callable[[], bool] = lambda: False
              ) -> tuple[Files, list[Diagnostic]]:
        """The other outputs, given the page files (which they never replace). `reuse`:
        the build cache; a carried output's bytes are left empty, as a carried page's.
        `cancelled` (serve) is asked before each output: when it says so, `Cancelled` is
        raised and nothing is made further."""
        html = {key: body.html for key, body in self.bodies.items()}
        files = dict(pages)
        problems: list[Diagnostic] = []
        plain = GraphWithoutBodies.of(self.graph)
        for name, what, inputs, make in self.makers(html, plain):
            if cancelled():
                raise Cancelled(name)
            problems += merge(files, _made(name, inputs, make, reuse), what, self.owners)
        if cancelled():
            raise Cancelled("redirects")
        redirects, more = self.redirects(files, plain, reuse)
        files.update(redirects)  # after every other output: an alias never replaces a page
        return {p: b for p, b in files.items() if p not in pages}, problems + more

    def redirects(self, files: Files, plain: GraphWithoutBodies, reuse: Reuse | None
                  ) -> tuple[Mapping[str, bytes], list[Diagnostic]]:
        """The redirect pages of old addresses; they depend on which paths are taken."""
        found: list[Diagnostic] = []

        def make() -> Files:
            made, problems = redirect_files(self.graph, files, self.translate)
            found.extend(problems)
            return made

        made = _made("redirects", lambda: (plain, tuple(sorted(files))),
                     make, reuse, keep=lambda: not found)
        return made, found


def _edition_pdfs(graph: ContentGraph, bodies: Mapping[Key, str],
                  translate: Callable[[str], str]) -> dict[str, bytes]:
    # imported when a PDF is made: ReportLab is a tenth of a second of every start-up, and
    # a rebuild whose editions did not change carries their PDFs
    from reisgids.render.edition_pdf import edition_pdfs
    return edition_pdfs(graph, bodies, translate)


def _made(name: str, inputs: Callable[[], tuple[object, ...]],
          make: Callable[[], Mapping[str, bytes]], reuse: Reuse | None,
          keep: Callable[[], bool] = lambda: True) -> Mapping[str, bytes]:
    """`make()`, or what the cache carries for the same inputs. `keep`: whether what was
    made may be carried next time (not when making it found a problem: the problem would
    not be reported again)."""
    if reuse is None:
        return make()
    key = inputs()
    carried = reuse.carry_made(name, key)
    if carried is not None:
        return dict.fromkeys(carried, b"")
    more = make()
    if keep():
        reuse.made(name, key, list(more))
    return more


def render_site_pages(graph: ContentGraph, plan: SitePlan, bodies: Mapping[Key, RenderedBody],
                      env: jinja2.Environment, theme: Theme, *, jobs: int = 1,
                      reuse: PageReuse | None = None, budget: OutputBudget | None = None,
                      meanwhile: Callable[[Rest, Files], object] | None = None,
                      sink: PageSink | None = None
                      ) -> tuple[Files, list[Diagnostic], Rest]:
    """The planned pages and the 404 page; `Rest` makes everything else. `reuse`: see
    render.site.PageReuse (a carried page's bytes are left empty here); `budget`, `sink` and
    `meanwhile` (given the Rest too): see render.site.render_pages."""
    translate = cast(Callable[[str], str], env.globals["t"])  # theme.environment sets it
    pages, every = plan.pages, plan.every
    owners = {output_path(p.url): p.source for p in every if p.source}
    rest = Rest(graph, bodies, translate, pages, owners, None)
    files, problems = render_pages(graph, env, every, jobs=jobs, reuse=reuse,
                                   root=theme.root, budget=budget,
                                   meanwhile=(lambda paths: meanwhile(rest, paths))
                                   if meanwhile is not None else None, sink=sink)
    return files, problems, rest


def render_site(graph: ContentGraph, plan: SitePlan, bodies: Mapping[Key, RenderedBody],
                env: jinja2.Environment, theme: Theme, *, jobs: int = 1,
                reuse: PageReuse | None = None, budget: OutputBudget | None = None
                ) -> tuple[Files, list[Diagnostic]]:
    """Every output at once (a build; serve makes `Rest` after the reload)."""
    files, problems, rest = render_site_pages(graph, plan, bodies, env, theme, jobs=jobs,
                                              reuse=reuse, budget=budget)
    if any(p.code == "output-too-large" for p in problems):
        return files, problems
    more, more_problems = rest.files(files)
    files.update(more)
    return files, problems + more_problems
