"""Every entry's Markdown body as safe HTML, with its links checked and rewritten.

Runs in the check phase too: a broken link is a content error like any other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Protocol

from reisgids.errors import Diagnostic
from reisgids.graph.content import ContentGraph, Key
from reisgids.model.document import ContentEntry
from reisgids.pool import parallel_map
from reisgids.render.markdown import LinkTarget, RenderedBody, heading_ids, render_markdown

Resolve = Callable[[str], LinkTarget | None]


class BodyMemo(Protocol):
    """Rendered bodies kept from earlier builds (reisgids/cache.py)."""

    headings: dict[str, list[str]]

    def body(self, key: str, resolve: Resolve) -> RenderedBody | None: ...

    def store_body(self, key: str, body: RenderedBody,
                   resolved: dict[str, LinkTarget | None]) -> None: ...


def body_key(rel: str, first_line: int, body: str) -> str:
    return hashlib.blake2b(f"{rel}\x00{first_line}\x00{body}".encode("utf-8", "surrogatepass"),
                           digest_size=20).hexdigest()


def _heading_ids(body: str, memo: BodyMemo | None) -> frozenset[str]:
    if memo is None:
        return frozenset(heading_ids(body))
    key = body_key("", 0, body)
    if key not in memo.headings:
        memo.headings[key] = list(heading_ids(body))
    return frozenset(memo.headings[key])

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
                  unreadable: Mapping[str, str] | None = None, *, jobs: int = 1,
                  memo: BodyMemo | None = None
                  ) -> tuple[dict[Key, RenderedBody], list[Diagnostic]]:
    """`unreadable`: path -> URL of files that exist but failed to load (their own errors
    say why); links to them are not reported as broken. `jobs`: processes to render in;
    `memo`: bodies rendered before, reused when their text and link targets are the same."""
    anchors = {key: _heading_ids(graph.entries[key].body, memo)
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
    todo: list[Key] = []
    for key in sorted(graph.entries):
        entry = graph.entries[key]
        kept = memo.body(body_key(entry.rel, entry.body_first_line, entry.body), by_path.get) \
            if memo is not None else None
        if kept is not None:
            bodies[key] = kept
        else:
            todo.append(key)

    def render(key: Key) -> tuple[RenderedBody, dict[str, LinkTarget | None]]:
        entry = graph.entries[key]
        resolved: dict[str, LinkTarget | None] = {}

        def resolve(path: str) -> LinkTarget | None:  # records what the body looked up
            resolved[path] = target = by_path.get(path)
            return target

        return render_markdown(entry.body, path=entry.rel, first_line=entry.body_first_line,
                               resolve=resolve), resolved

    for key, (rendered, resolved) in zip(todo, parallel_map(render, todo, jobs), strict=True):
        bodies[key] = rendered
        if memo is not None:
            entry = graph.entries[key]
            memo.store_body(body_key(entry.rel, entry.body_first_line, entry.body), rendered,
                            resolved)
    problems = [d for key in sorted(bodies) for d in bodies[key].diagnostics]
    return dict(sorted(bodies.items())), problems
