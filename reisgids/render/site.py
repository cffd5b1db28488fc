"""Render the planned pages through the theme into {output path: bytes}."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path

import jinja2

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.plan.page import Context, Page
from reisgids.plan.views import site_context
from reisgids.pool import parallel_map
from reisgids.render.template_errors import TEMPLATE_ERRORS, is_template_fault, template_problem

Files = dict[str, bytes]


def template_names(context: Context) -> dict[str, object]:
    """A context's fields by name, as the template sees them (one level deep: the views
    themselves are handed over as they are, not copied)."""
    return {spec.name: getattr(context, spec.name) for spec in fields(context)}


def output_path(url: str) -> str:
    """'/deals/x/' -> 'deals/x/index.html'; '/404.html' -> '404.html'."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path


Carry = Callable[[str, Page, object], bool]
"""(output path, page, site view) -> True when the previous build's file for this page
can be carried over unchanged (the build cache knows); its bytes are then left empty."""


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page], *,
                 jobs: int = 1, carry: Carry | None = None, root: Path | None = None
                 ) -> tuple[Files, list[Diagnostic]]:
    """`root`: the site, whose own templates' errors become diagnostics at their line."""
    files: Files = {}
    todo: list[Page] = []
    owners: dict[str, Page] = {}
    problems: list[Diagnostic] = []
    site = site_context(graph)
    for page in pages:
        path = output_path(page.url)
        if path in owners:
            first = owners[path]
            names = ", ".join(sorted({first.source or first.template,
                                      page.source or page.template}))
            problems.append(error("url-collision", Location(page.source or "reisgids.yml"), Text(
                f"twee pagina's voor de URL {page.url}: {names}",
                f"two pages for the URL {page.url}: {names}"),
                hint=Text("hernoem het bestand", "rename the file")))
            continue
        owners[path] = page
        files[path] = b""  # placeholder: keeps the order of the paths
        if carry is None or not carry(path, page, site):
            todo.append(page)

    def render(page: Page) -> bytes | Diagnostic:
        # a template's mistake becomes a diagnostic here, in the worker: its traceback,
        # which holds the template's line, does not cross the process boundary
        try:
            template = env.get_template(page.template)
            html = template.render(
                site=site, page=page, url=page_url(graph, page.url),
                canonical=graph.config.base_url.rstrip("/") + page.url,
                home=page_url(graph, "/"), **template_names(page.context))
        except TEMPLATE_ERRORS as exc:
            if not is_template_fault(exc, root):
                raise
            return template_problem(exc, root, page.template)
        return html.encode("utf-8")

    for page, html in zip(todo, parallel_map(render, todo, jobs), strict=True):
        if isinstance(html, Diagnostic):
            problems.append(html)
            del files[output_path(page.url)]
            continue
        files[output_path(page.url)] = html
    return files, problems
