"""The Markdown stage: an entry's body -> safe HTML, its heading ids and diagnostics.

This file is the package's whole public API; the modules behind it are private (`_name.py`)
and import each other's names only inside this package. Planning and rendering use
`RenderedBody` and the values `render_bodies` returns, never Python-Markdown itself.

    _convert.py      render_markdown, heading_ids: one body, the extension and its processors
    _stash.py        raw HTML bookkeeping in Python-Markdown's stash
    _inline.py       one-pass inline processors (brackets, code spans, links)
    _lines.py        line numbers and defused fences
    _links.py        links and images: resolved, rewritten to page URLs, checked
    _rawhtml.py      the safe list for raw HTML, nesting depth
    _policy.py       limits, the sanitiser, LinkTarget and RenderedBody, heading slugs
    _site_links.py   links written as the site's own URLs
    _site_lookups.py what a body asked about the site (for the build cache)
    _bodies.py       render_bodies: every body of the graph, in processes, with the cache
"""

from reisgids.markdown._bodies import BodyMemo, anchor_targets, body_key, render_bodies
from reisgids.markdown._convert import heading_ids, render_markdown
from reisgids.markdown._policy import (
    SAFE_RAW_TAGS,
    THEME_IDS,
    LinkResolver,
    LinkTarget,
    RenderedBody,
    github_slug,
    theme_reserves,
)
from reisgids.markdown._site_links import SiteUrls, host_of
from reisgids.markdown._site_lookups import Seen, still_same, target_json

__all__ = [
    "SAFE_RAW_TAGS",
    "THEME_IDS",
    "BodyMemo",
    "LinkResolver",
    "LinkTarget",
    "RenderedBody",
    "Seen",
    "SiteUrls",
    "anchor_targets",
    "body_key",
    "github_slug",
    "heading_ids",
    "host_of",
    "render_bodies",
    "render_markdown",
    "still_same",
    "target_json",
    "theme_reserves",
]
