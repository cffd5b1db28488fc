"""Render the planned pages through the theme into {output path: bytes}."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.content import ContentGraph
from reisgids.render.bodies import page_url
from reisgids.render.pages import Page
from reisgids.render.template_errors import TEMPLATE_ERRORS, is_template_fault, template_problem
from reisgids.render.views import site_context

Files = dict[str, bytes]


def output_path(url: str) -> str:
    """'/deals/x/' -> 'deals/x/index.html'; '/404.html' -> '404.html'."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path


def render_pages(graph: ContentGraph, env: jinja2.Environment, pages: Sequence[Page],
                 root: Path | None = None) -> tuple[Files, list[Diagnostic]]:
    """`root`: the site, whose own templates' errors become diagnostics at their line."""
    files: Files = {}
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
        try:
            template = env.get_template(page.template)
            html = template.render(
                site=site, page=page, url=page_url(graph, page.url),
                canonical=graph.config.base_url.rstrip("/") + page.url,
                home=page_url(graph, "/"), **page.context)
        except TEMPLATE_ERRORS as exc:
            if not is_template_fault(exc, root):
                raise
            problems.append(template_problem(exc, root, page.template))
            continue
        files[path] = html.encode("utf-8")
    return files, problems
