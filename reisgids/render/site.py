"""Render the planned pages through the theme into {output path: bytes}."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import fields
from pathlib import Path
from typing import NamedTuple, Protocol

import jinja2

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import output_path, page_url
from reisgids.output_budget import OutputBudget
from reisgids.plan.page import Context, Page
from reisgids.plan.views import site_context
from reisgids.pool import parallel_iter
from reisgids.render.template_budget import render_bounded
from reisgids.render.template_errors import TEMPLATE_ERRORS, is_template_fault, template_problem

Files = dict[str, bytes]


def template_names(context: Context) -> dict[str, object]:
    """A context's fields by name, as the template sees them (one level deep: the views
    themselves are handed over as they are, not copied)."""
    return {spec.name: getattr(context, spec.name) for spec in fields(context)}


class PageReuse(Protocol):
    """The build cache's say on each page (incremental.Incremental). `decide`: (carried,
    key): whether the previous build's file for the page at this output path can be
    carried over unchanged (its bytes are then left empty), and the page's fingerprint (None
    when it has none). It may run in a pool's worker, so it changes nothing that the build
    keeps; `note` records what was decided, in this process."""

    def decide(self, path: str, page: Page, site: object) -> tuple[bool, str | None]: ...

    def note(self, path: str, page: Page, carried: bool, key: str | None) -> None: ...


class Staged(NamedTuple):
    """A page the process that rendered it wrote into the staging folder (PageSink)."""

    size: int
    digest: str  # cache.content_hash of its bytes
    linked: bool  # the same bytes as the previous output's file: hard-linked from there


Result = bytes | Staged | Diagnostic | None  # None: carried over, not rendered


class PageSink(Protocol):
    """Where a rendered page goes before its bytes would cross the pipe (the staging folder,
    reisgids/stage_pages.py). `write` runs in the process that rendered the page and gives
    back the bytes it did not write (they would not fit the output budget);
    render_pages notes in `staged`, in this process, the pages it wrote."""

    staged: dict[str, Staged]

    def write(self, rel: str, data: bytes) -> Staged | bytes: ...


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page], *,
                 jobs: int = 1, reuse: PageReuse | None = None, root: Path | None = None,
                 budget: OutputBudget | None = None,
                 meanwhile: Callable[[Files], object] | None = None,
                 sink: PageSink | None = None) -> tuple[Files, list[Diagnostic]]:
    """`reuse`: the build cache, which may carry pages over instead (with a sink and a
    pool its fingerprints are taken in the workers: a build with nothing to compare yet,
    or one edited file, would otherwise take every page's here first, on one core while the
    workers wait); `root`: the site, whose own templates' errors become diagnostics at their line;
    `budget`: rendering stops when the pages outgrow it (output_budget.py); `meanwhile`:
    called with every page's path (its bytes empty) while the pool renders them, so that
    this process works instead of waiting (pool.parallel_iter). It is not called when no
    page is left for the pool to render, or when rendering stopped before it started.
    `sink`: each rendered page is written there by the process that rendered it; its bytes
    are then left empty in the files returned (as a carried page's)."""
    files: Files = {}
    todo: list[Page] = []
    problems: list[Diagnostic] = []
    site = site_context(graph)
    in_workers = reuse is not None and sink is not None and jobs > 1
    for page in pages:
        path = output_path(page.url)  # one page per path: plan_site made sure
        files[path] = b""  # placeholder: keeps the order of the paths
        if reuse is None or in_workers:
            todo.append(page)
            continue
        carried, key = reuse.decide(path, page, site)
        reuse.note(path, page, carried, key)
        if not carried:
            todo.append(page)

    def render(page: Page) -> tuple[Result, str | None]:
        """The page's bytes (or where they went, or its template's problem), and with
        `in_workers` its key; (None, key) when it is carried over."""
        key = None
        if in_workers:
            assert reuse is not None
            carried, key = reuse.decide(output_path(page.url), page, site)
            if carried:
                return None, key
        return made(page), key

    def made(page: Page) -> bytes | Staged | Diagnostic:
        # a template's mistake becomes a diagnostic here, in the worker: its traceback,
        # which holds the template's line, does not cross the process boundary
        try:
            template = env.get_template(page.template)
            html = render_bounded(template, dict(
                site=site, page=page, url=page_url(graph, page.url),
                canonical=graph.config.base_url.rstrip("/") + page.url,
                home=page_url(graph, "/"), **template_names(page.context)))
        except TEMPLATE_ERRORS as exc:
            if not is_template_fault(exc, root):
                raise
            return template_problem(exc, root, page.template)
        data = html.encode("utf-8")
        return data if sink is None else sink.write(output_path(page.url), data)

    paths = dict.fromkeys(files, b"")
    started = (lambda: meanwhile(paths)) if meanwhile is not None else None
    with closing(_first_of_each_template_here(render, todo, jobs, started)) as results:
        _collect(todo, results, files, problems, budget, sink,
                 reuse if in_workers else None)
    return files, problems


def _first_of_each_template_here(render: Callable[[Page], tuple[Result, str | None]],
                                 todo: Sequence[Page], jobs: int,
                                 meanwhile: Callable[[], object] | None
                                 ) -> Generator[tuple[Result, str | None], None, None]:
    """Every result in `todo`'s order; the first page of each template is rendered here,
    before the pool forks, so that the workers inherit every template compiled (in the
    Jinja environment's cache) instead of each compiling them all again (a page carried
    over compiles nothing)."""
    first: dict[str, int] = {}
    for index, page in enumerate(todo):
        first.setdefault(page.template, index)
    here = {index: render(todo[index]) for index in sorted(first.values())}
    rest = [page for index, page in enumerate(todo) if index not in here]
    with closing(parallel_iter(render, rest, jobs, meanwhile)) as results:
        for index in range(len(todo)):
            yield here[index] if index in here else next(results)


def _collect(todo: Sequence[Page], results: Iterator[tuple[Result, str | None]],
             files: Files, problems: list[Diagnostic], budget: OutputBudget | None,
             sink: PageSink | None, reuse: PageReuse | None) -> None:
    """`reuse`: decided with the results, noted here."""
    for page, (html, key) in zip(todo, results, strict=False):
        path = output_path(page.url)
        if reuse is not None:
            reuse.note(path, page, html is None, key)
        if html is None:  # carried over: not counted, as a page decided here is not
            continue
        if isinstance(html, Diagnostic):
            problems.append(html)
            del files[path]
            continue
        if isinstance(html, Staged):  # in the stage already: its bytes stay empty here
            assert sink is not None
            sink.staged[path] = html
            size = html.size
        else:  # not written: counted (and written later) as without a sink
            files[path] = html
            size = len(html)
        # in the pages' order, as without a sink: a page the sink could not fit makes
        # this count go over too (it counted a part of the bytes counted here)
        over = budget.take(path, size, page.source or f"templates/{page.template}") \
            if budget is not None else None
        if over is not None:
            problems.append(over)
            break  # the pages not yet rendered are never made
