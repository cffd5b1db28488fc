"""Render the planned pages through the theme into {output path: bytes}."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import output_path, page_url
from reisgids.plan.pages import Page
from reisgids.plan.views import site_context
from reisgids.pool import parallel_map
from reisgids.render.template_errors import TEMPLATE_ERRORS, is_template_fault, template_problem

Files = dict[str, bytes]


Carry = Callable[[str, Page, dict[str, object]], bool]
"""(output path, page, site context) -> True when the previous build's file for this page
can be carried over unchanged (the build cache knows); its bytes are then left empty."""


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page], *,
                 jobs: int = 1, carry: Carry | None = None, root: Path | None = None
                 ) -> tuple[Files, list[Diagnostic]]:
    """`root`: the site, whose own templates' errors become diagnostics at their line."""
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
            html = template.render(
                site=site, page=page, url=page_url(graph, page.url),
                canonical=graph.config.base_url.rstrip("/") + page.url,
                home=page_url(graph, "/"), **page.context)
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
