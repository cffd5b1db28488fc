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


Carry = Callable[[str, Page, object], bool]
"""(output path, page, site view) -> True when the previous build's file for this page
can be carried over unchanged (the build cache knows); its bytes are then left empty."""


class Staged(NamedTuple):
    """A page the process that rendered it wrote into the staging folder (PageSink)."""

    size: int
    digest: str  # cache.content_hash of its bytes
    linked: bool  # the same bytes as the previous output's file: hard-linked from there


class PageSink(Protocol):
    """Where a rendered page goes before its bytes would cross the pipe (the staging folder,
    reisgids/stage_pages.py). `write` runs in the process that rendered the page and gives
    back the bytes it did not write (they would not fit the output budget);
    render_pages notes in `staged`, in this process, the pages it wrote."""

    staged: dict[str, Staged]

    def write(self, rel: str, data: bytes) -> Staged | bytes: ...


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page], *,
                 jobs: int = 1, carry: Carry | None = None, root: Path | None = None,
                 budget: OutputBudget | None = None,
                 meanwhile: Callable[[Files], object] | None = None,
                 sink: PageSink | None = None) -> tuple[Files, list[Diagnostic]]:
    """`root`: the site, whose own templates' errors become diagnostics at their line;
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
    for page in pages:
        path = output_path(page.url)  # one page per path: plan_site made sure
        files[path] = b""  # placeholder: keeps the order of the paths
        if carry is None or not carry(path, page, site):
            todo.append(page)

    def render(page: Page) -> bytes | Staged | Diagnostic:
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
        _collect(todo, results, files, problems, budget, sink)
    return files, problems


def _first_of_each_template_here(render: Callable[[Page], bytes | Staged | Diagnostic],
                                 todo: Sequence[Page], jobs: int,
                                 meanwhile: Callable[[], object] | None
                                 ) -> Generator[bytes | Staged | Diagnostic, None, None]:
    """Every result in `todo`'s order; the first page of each template is rendered here,
    before the pool forks, so that the workers inherit every template compiled (in the
    Jinja environment's cache) instead of each compiling them all again."""
    first: dict[str, int] = {}
    for index, page in enumerate(todo):
        first.setdefault(page.template, index)
    here = {index: render(todo[index]) for index in sorted(first.values())}
    rest = [page for index, page in enumerate(todo) if index not in here]
    with closing(parallel_iter(render, rest, jobs, meanwhile)) as results:
        for index in range(len(todo)):
            yield here[index] if index in here else next(results)


def _collect(todo: Sequence[Page], results: Iterator[bytes | Staged | Diagnostic],
             files: Files, problems: list[Diagnostic], budget: OutputBudget | None,
             sink: PageSink | None) -> None:
    for page, html in zip(todo, results, strict=False):
        path = output_path(page.url)
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
