"""Render the planned pages through the theme into {output path: bytes}."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import fields
from pathlib import Path

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


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page], *,
                 jobs: int = 1, carry: Carry | None = None, root: Path | None = None,
                 budget: OutputBudget | None = None,
                 meanwhile: Callable[[Files], object] | None = None
                 ) -> tuple[Files, list[Diagnostic]]:
    """`root`: the site, whose own templates' errors become diagnostics at their line;
    `budget`: rendering stops when the pages outgrow it (output_budget.py); `meanwhile`:
    called with every page's path (its bytes empty) while the pool renders them, so that
    this process works instead of waiting (pool.parallel_iter). It is not called when no
    page is left for the pool to render, or when rendering stopped before it started."""
    files: Files = {}
    todo: list[Page] = []
    problems: list[Diagnostic] = []
    site = site_context(graph)
    for page in pages:
        path = output_path(page.url)  # one page per path: plan_site made sure
        files[path] = b""  # placeholder: keeps the order of the paths
        if carry is None or not carry(path, page, site):
            todo.append(page)

    def render(page: Page) -> bytes | Diagnostic:
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
        return html.encode("utf-8")

    paths = dict.fromkeys(files, b"")
    started = (lambda: meanwhile(paths)) if meanwhile is not None else None
    with closing(_first_of_each_template_here(render, todo, jobs, started)) as results:
        _collect(todo, results, files, problems, budget)
    return files, problems


def _first_of_each_template_here(render: Callable[[Page], bytes | Diagnostic],
                                 todo: Sequence[Page], jobs: int,
                                 meanwhile: Callable[[], object] | None
                                 ) -> Generator[bytes | Diagnostic, None, None]:
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


def _collect(todo: Sequence[Page], results: Iterator[bytes | Diagnostic], files: Files,
             problems: list[Diagnostic], budget: OutputBudget | None) -> None:
    for page, html in zip(todo, results, strict=False):
        if isinstance(html, Diagnostic):
            problems.append(html)
            del files[output_path(page.url)]
            continue
        files[output_path(page.url)] = html
        over = budget.take(output_path(page.url), len(html), page.source or
                           f"templates/{page.template}") if budget is not None else None
        if over is not None:
            problems.append(over)
            break  # the pages not yet rendered are never made
