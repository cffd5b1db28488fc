"""Redirect pages for `aliases:`: the old URL of a renamed entry keeps working.

A static host cannot answer 301, so each old URL gets a small HTML page: a meta refresh to
the new address, a canonical link to it (search engines move their index there), noindex,
and a plain link for anyone whose browser does not follow the refresh. Which aliases are
allowed is decided in reisgids.graph.aliases; a path another output already has is an error
at the entry's file, never an overwrite.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.aliases import alias_urls
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import output_path, page_url
from reisgids.plan.meta import absolute
from reisgids.render.site import Files

CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{icon}" type="image/svg+xml">
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>{moved} <a href="{href}">{title}</a></p>
</body>
</html>
"""


def redirect_page(graph: ContentGraph, target: str, title: str, moved: str) -> bytes:
    return TEMPLATE.format(
        lang=escape(graph.config.language), title=escape(title),
        canonical=escape(absolute(graph, target)), href=escape(page_url(graph, target)),
        moved=escape(moved), csp=escape(CSP), icon=escape(page_url(graph, "/assets/favicon.svg"))
    ).encode("utf-8")


def redirect_files(graph: ContentGraph, files: Files, translate: Callable[[str], str]
                   ) -> tuple[Files, list[Diagnostic]]:
    """{output path: redirect page} for every alias whose path no other output has."""
    made: Files = {}
    problems: list[Diagnostic] = []
    for alias, key in sorted(alias_urls(graph).items()):
        path = output_path(alias)
        entry = graph.entries[key]
        if path in files or path in made:
            index = entry.data.aliases.index(alias)
            problems.append(error("alias-collision", Location(
                entry.rel, entry.line_of("aliases", index)), Text(
                f"het oude adres {alias} is al een pagina van de site",
                f"the old address {alias} is already a page of the site"),
                field=f"aliases[{index}]",
                hint=Text("haal dit adres uit 'aliases'", "remove this address from 'aliases'")))
            continue
        made[path] = redirect_page(graph, graph.urls[key], entry.data.title,
                                   translate("redirect.moved"))
    return made, problems
