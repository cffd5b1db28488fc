"""Every entry's Markdown body as safe HTML, with its links checked and rewritten.

Runs in the check phase too: a broken link is a content error like any other.
"""

from __future__ import annotations

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph, Key
from reisgids.render.markdown import LinkTarget, RenderedBody, heading_ids, render_markdown
from reisgids.source.kinds import FOLDERS


def page_url(graph: ContentGraph, path: str) -> str:
    """A site path ('/deals/x/') as an href under base_url's path."""
    return graph.config.base_path.rstrip("/") + path


def render_bodies(graph: ContentGraph, static_files: frozenset[str]
                  ) -> tuple[dict[Key, RenderedBody], list[Diagnostic]]:
    anchors = {key: frozenset(heading_ids(entry.body)) for key, entry in graph.entries.items()}
    by_path: dict[str, LinkTarget] = {}
    for key, entry in graph.entries.items():
        by_path[entry.rel] = LinkTarget(page_url(graph, graph.urls[key]), anchors[key],
                                        key in graph.published, entry.data.title)
    for rel in static_files:
        by_path[rel] = LinkTarget(page_url(graph, "/" + rel), frozenset(), True, rel)

    def resolve(path: str) -> LinkTarget | None:
        return by_path.get(path)

    bodies: dict[Key, RenderedBody] = {}
    problems: list[Diagnostic] = []
    for key in sorted(graph.entries):
        entry = graph.entries[key]
        rendered = render_markdown(entry.body, path=entry.rel, first_line=entry.body_first_line,
                                   resolve=resolve)
        bodies[key] = rendered
        problems.extend(rendered.diagnostics)
    return bodies, problems


__all__ = ["FOLDERS", "page_url", "render_bodies"]
