"""Every entry's Markdown body as safe HTML, with its links checked and rewritten.

Runs in the check phase too: a broken link is a content error like any other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Protocol

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import page_url
from reisgids.markdown._convert import heading_ids, ready_converter, render_markdown
from reisgids.markdown._policy import LinkTarget, RenderedBody
from reisgids.markdown._site_links import SiteUrls, host_of
from reisgids.markdown._site_lookups import RecordingSite, Seen
from reisgids.model.document import ContentEntry
from reisgids.pool import parallel_map

Resolve = Callable[[str], LinkTarget | None]


class BodyMemo(Protocol):
    """Rendered bodies kept from earlier builds (reisgids/cache.py)."""

    headings: dict[str, list[str]]

    def body(self, key: str, resolve: Resolve, site: SiteUrls | None) -> RenderedBody | None:
        ...

    def store_body(self, key: str, body: RenderedBody,
                   resolved: dict[str, LinkTarget | None], seen: Seen) -> None: ...


def body_key(rel: str, first_line: int, body: str, salt: str = "") -> str:
    """`salt`: anything else the rendering depends on as a whole (the site's host)."""
    text = f"{rel}\x00{first_line}\x00{salt}\x00{body}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _heading_ids(body: str, memo: BodyMemo | None) -> frozenset[str]:
    if memo is None:
        return frozenset(heading_ids(body))
    key = body_key("", 0, body)
    if key not in memo.headings:
        memo.headings[key] = list(heading_ids(body))
    return frozenset(memo.headings[key])


# `name.md#` or `/name/#` anywhere in a body: a link that may point at a heading of another
# page
ANCHORED_FILE = re.compile(r"([A-Za-z0-9_%.-]+)(?:\.md|/)#")


def anchor_targets(entries: dict[Key, ContentEntry]) -> set[Key]:
    """The entries some body may link to with an #anchor. Liberal by design (any file name
    before `.md#`, in any folder): only these need their heading ids before rendering, so
    most bodies are converted once instead of twice."""
    names = {m.group(1) for entry in entries.values()
             if ".md#" in entry.body or "/#" in entry.body
             for m in ANCHORED_FILE.finditer(entry.body)}
    return {key for key in entries if key[1] in names}


def render_bodies(graph: ContentGraph, static_files: frozenset[str],
                  unreadable: Mapping[str, str] | None = None,
                  other_urls: frozenset[str] | None = None, *, jobs: int = 1,
                  memo: BodyMemo | None = None
                  ) -> tuple[dict[Key, RenderedBody], list[Diagnostic]]:
    """`unreadable`: path -> URL of files that exist but failed to load (their own errors
    say why); links to them are not reported as broken. `other_urls`: the site paths the
    build writes besides entries and static files (overviews, feeds); when given, links
    written as URLs of the site are checked against them too. `jobs`: processes to render
    in; `memo`: bodies rendered before, reused when their text and link targets are the
    same."""
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

    site = None if other_urls is None else site_urls(graph, by_path, anchors, other_urls,
                                                     unreadable or {})
    # links to site URLs (`/deals/x/`): each lookup is recorded (_site_lookups.py)
    salt = f"{site.host}\x00{site.base_path}" if site is not None else ""
    bodies: dict[Key, RenderedBody] = {}
    todo: list[Key] = []
    for key in sorted(graph.entries):
        entry = graph.entries[key]
        kept = memo.body(body_key(entry.rel, entry.body_first_line, entry.body, salt),
                         by_path.get, site) if memo is not None else None
        if kept is not None:
            bodies[key] = kept
        else:
            todo.append(key)

    def render(key: Key) -> tuple[RenderedBody, dict[str, LinkTarget | None], Seen]:
        entry = graph.entries[key]
        resolved: dict[str, LinkTarget | None] = {}

        def resolve(path: str) -> LinkTarget | None:  # records what the body looked up
            resolved[path] = target = by_path.get(path)
            return target

        recording = RecordingSite.around(site) if site is not None else None
        return render_markdown(entry.body, path=entry.rel, first_line=entry.body_first_line,
                               resolve=resolve, site=recording), resolved, \
            recording.seen if recording is not None else {}

    if todo:
        ready_converter()  # in the parent: the pool's workers inherit it
    done = parallel_map(render, todo, jobs)
    for key, (rendered, resolved, seen) in zip(todo, done, strict=True):
        bodies[key] = rendered
        if memo is not None:
            entry = graph.entries[key]
            memo.store_body(body_key(entry.rel, entry.body_first_line, entry.body, salt),
                            rendered, resolved, seen)
    bodies = dict(sorted(bodies.items()))
    problems = [d for body in bodies.values() for d in body.diagnostics]
    if site is not None:
        problems.extend(check_link_fields(graph, site))
    return bodies, problems


def site_urls(graph: ContentGraph, by_path: Mapping[str, LinkTarget],
              anchors: Mapping[Key, frozenset[str]], other_urls: frozenset[str],
              unreadable: Mapping[str, str]) -> SiteUrls:
    """Every site path the build writes, and what each shows."""
    pages: dict[str, LinkTarget] = {}
    for url in sorted(other_urls):
        pages[url] = LinkTarget(page_url(graph, url), frozenset(), True, url)
    for rel, target in by_path.items():
        if rel.startswith("static/"):
            pages["/" + rel] = target
    for url in unreadable.values():
        pages[url] = LinkTarget(page_url(graph, url), frozenset(), True, url)
    known: dict[str, frozenset[str]] = {}
    for key, entry in graph.entries.items():
        pages[graph.urls[key]] = by_path[entry.rel]
        if key in anchors:
            known[graph.urls[key]] = anchors[key]
    return SiteUrls(host_of(graph.config.base_url), graph.config.base_path, pages, known)


def check_link_fields(graph: ContentGraph, site: SiteUrls) -> list[Diagnostic]:
    """`links:` items that point into the site (copied from the browser) must exist."""
    found: list[Diagnostic] = []
    for key in sorted(graph.published):
        entry = graph.entries[key]
        for index, item in enumerate(getattr(entry.data, "links", None) or ()):
            own = site.own_path(item.url)
            if own is None or site.find(site.site_path(own)) is not None:
                continue
            near = site.nearest(site.site_path(own))
            shown = "https://" + site.host + site.base_path.rstrip("/") + (near or "")
            found.append(error("link-broken", Location(
                entry.rel, entry.line_of("links", index, "url")), Text(
                f"'{item.url}' wijst naar een pagina die de site niet heeft",
                f"'{item.url}' points to a page the site does not have"),
                field=f"links[{index}].url",
                hint=Text(f"bedoelde je '{shown}'?", f"did you mean '{shown}'?") if near else
                Text("open de pagina in de browser en kopieer het adres opnieuw",
                     "open the page in the browser and copy its address again")))
    return found
