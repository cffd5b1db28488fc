"""Every entry's Markdown body as safe HTML, with its links checked and rewritten.

Runs in the check phase too: a broken link is a content error like any other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph, Key
from reisgids.model.document import ContentEntry
from reisgids.render.markdown import LinkTarget, RenderedBody, heading_ids, render_markdown

# `name.md#` anywhere in a body: a link that may point at a heading of another page
ANCHORED_FILE = re.compile(r"([A-Za-z0-9_%.-]+)\.md#")


def page_url(graph: ContentGraph, path: str) -> str:
    """A site path ('/deals/x/') as an href under base_url's path."""
    return graph.config.base_path.rstrip("/") + path


def anchor_targets(entries: dict[Key, ContentEntry]) -> set[Key]:
    """The entries some body may link to with an #anchor. Liberal by design (any file name
    before `.md#`, in any folder): only these need their heading ids before rendering, so
    most bodies are converted once instead of twice."""
    names = {m.group(1) for entry in entries.values() if ".md#" in entry.body
             for m in ANCHORED_FILE.finditer(entry.body)}
    return {key for key in entries if key[1] in names}


def render_bodies(graph: ContentGraph, static_files: frozenset[str],
                  unreadable: Mapping[str, str] | None = None
                  ) -> tuple[dict[Key, RenderedBody], list[Diagnostic]]:
    """`unreadable`: path -> URL of files that exist but failed to load (their own errors
    say why); links to them are not reported as broken."""
    anchors = {key: frozenset(heading_ids(graph.entries[key].body))
               for key in sorted(anchor_targets(graph.entries))}
    by_path: dict[str, LinkTarget] = {}
    for key, entry in graph.entries.items():
        by_path[entry.rel] = LinkTarget(page_url(graph, graph.urls[key]),
                                        anchors.get(key, frozenset()),
                                        key in graph.published, entry.data.title)
    for rel, url in (unreadable or {}).items():
        by_path[rel] = LinkTarget(page_url(graph, url), frozenset(), True, rel)
    for rel in static_files:
        by_path[rel] = LinkTarget(page_url(graph, "/" + rel), frozenset(), True, rel)

    bodies: dict[Key, RenderedBody] = {}
    problems: list[Diagnostic] = []
    for key in sorted(graph.entries):
        entry = graph.entries[key]
        rendered = render_markdown(entry.body, path=entry.rel, first_line=entry.body_first_line,
                                   resolve=by_path.get)
        bodies[key] = rendered
        problems.extend(rendered.diagnostics)
    return bodies, problems
