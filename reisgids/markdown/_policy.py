"""What the Markdown renderer lets through, and the types it shares: link targets, rendered
bodies, the allowed tags and schemes, and git-host heading ids."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import nh3

from reisgids.errors import Diagnostic
from reisgids.model.vocab import VOCABS
from reisgids.source.kinds import KINDS


@dataclass(frozen=True)
class LinkTarget:
    url: str  # href to write (already final, e.g. "/partners/humanitas/")
    anchors: frozenset[str]  # heading ids of the target page (empty for static files)
    published: bool  # False: the target exists but is a draft, expired or not yet out
    title: str


LinkResolver = Callable[[str], LinkTarget | None]
"""Called with a site-root-relative POSIX path ("content/partners/humanitas.md",
"static/img/logo.png"); None when no such file or entry exists."""


@dataclass(frozen=True)
class RenderedBody:
    html: str
    heading_ids: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]



# --- policy -------------------------------------------------------------------------------

# Raw HTML an editor may write, and the only attributes it may carry.
SAFE_RAW_TAGS = frozenset({"details", "summary", "abbr", "sub", "sup", "kbd", "mark", "small",
                           "br", "figure", "figcaption"})
RAW_ATTRIBUTES = {"abbr": frozenset({"title"}), "details": frozenset({"open"})}
# Removed together with what they hold: their content is code, or not text at all.
DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript",
                           "template", "textarea", "select", "svg", "math", "noembed",
                           "noframes", "xmp", "title", "head"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# The final pass: what Markdown and its extensions produce, plus the safe raw list.
_TAGS = SAFE_RAW_TAGS | {
    "p", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "div",
    "input"}
_ATTRIBUTES = {
    "a": {"href", "title", "class"},  # class: footnote-ref, footnote-backref
    "img": {"src", "alt", "title"},
    **{tag: {"id"} for tag in ("h2", "h3", "h4", "h5", "h6")},
    "sup": {"id"},  # footnote references
    "li": {"id", "class"},  # footnotes; task-list-item
    "ul": {"class"},  # task-list
    "ol": {"start"},
    "div": {"class"},  # footnote
    "code": {"class"},  # language-...
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "abbr": {"title"},
    "details": {"open"},
}
_INPUT_VALUES = {"input": {"type": {"checkbox"}, "checked": {""}, "disabled": {""}}}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def probe_url(url: str) -> str:
    """A URL as a browser reads it to pick scheme and host: control characters and
    whitespace skipped (`jav&#x09;ascript:`), a backslash taken as a slash (`/\\host`)."""
    return _INVISIBLE.sub("", url).replace("\\", "/")


def scheme_of(url: str) -> str | None:
    found = _SCHEME.match(probe_url(url))
    return found.group(1).lower() if found else None


def _elsewhere(url: str) -> bool:
    """Another host (`//host/x`, `/\\host/x`) or any scheme: not a file of this site."""
    return probe_url(url).startswith("//") or scheme_of(url) is not None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Last line for images: they come from this site only."""
    return None if attribute == "src" and _elsewhere(value) else value


CLEANER = nh3.Cleaner(
    tags=_TAGS, clean_content_tags=DROP_CONTENT - _TAGS, attributes=_ATTRIBUTES,
    attribute_filter=_attribute_filter, tag_attribute_values=_INPUT_VALUES,
    url_schemes=set(SAFE_SCHEMES), link_rel=None, strip_comments=True)

INLINE_CAP = 8192  # longest text parsed for inline Markdown in one piece
LINK_SCAN = 4096  # farthest a link destination is looked for after `](`
DEPTH_CAP = 256  # deepest nesting kept once raw HTML could nest deeper (stray open tags)
CHUNK = "reisgids-piece"  # holds one piece of a long text; unwrapped before serialising


# --- heading ids --------------------------------------------------------------------------


def github_slug(text: str) -> str:
    """A heading id as git hosts make it: lowercase; letters (diacritics kept), digits,
    hyphens and underscores stay; other characters go; each space becomes a hyphen."""
    kept: list[str] = []
    for char in text.strip().lower():
        if char == " ":
            kept.append("-")
        elif char in "-_" or _is_word(char):
            kept.append(char)
    return "".join(kept)


def _is_word(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("Nd", "Nl", "Pc")


# Ids the default theme gives elements of every page (`<main id="inhoud">`, the search
# form, section headings) and the patterns of the ids it numbers or names after a vocabulary
# (`stap-1`, `fase-execution`, `in-deal`). A heading must not take one: every id of a page is
# unique, and the skip link must reach <main>. tests/unit/test_markdown.py keeps this list
# in step with the templates.
THEME_IDS = frozenset({
    # the data page, the citizens' home, the glossary, the edition overview, the search page
    "data-all", "data-csv", "data-feeds", "data-licence", "find-areas", "find-help",
    "find-themes", "glossary-lists", "glossary-terms", "overview-caption", "overview-desc",
    "overview-title", "search-output",
    "areas-h", "atlas-h", "current-h", "cycle-h", "edition-h", "editions-h", "events-h",
    "goal-h", "inhoud", "items-h", "links-h", "menu-groups", "news-h",
    "notfound-sections-title", "partners-caption", "past-h", "path-h", "prio-h", "proposal-h",
    "q-header", "q-home", "q-notfound", "search", "search-browse-title", "search-chosen",
    "search-clear", "search-controls", "search-facets", "search-form", "search-more",
    "search-q", "search-results", "search-sort", "search-status", "search-strings",
    "themes-h", "upcoming-h", "verbonden"})
THEME_ID_PATTERN = re.compile(
    r"[a-z0-9-]+-h|kaart(?:-.*)?|(?:stap|nav|city)-\d+|letter-(?:[a-z]|overig)"
    r"|(?:fase|status|in)-.+")
# `fase-<phase>`, `status-<status>`, `in-<kind>`: only these values are the theme's
_VOCAB_IDS = frozenset({value for vocab in VOCABS.values() for value in vocab} | set(KINDS))


def theme_reserves(slug: str) -> bool:
    if slug in THEME_IDS:
        return True
    if not THEME_ID_PATTERN.fullmatch(slug):
        return False
    head, _, rest = slug.partition("-")
    if head in ("fase", "status", "in"):
        return rest in _VOCAB_IDS
    return True


class Slugger:
    """Python-Markdown's toc calls this for each heading in order; repeats get `-1`, `-2`
    exactly as the git host numbers them (never toc's own `_1`). A heading without letters
    or digits, which the git host cannot link to either, is called `section`. An id the
    theme uses (THEME_IDS) counts as taken: `## Inhoud` becomes `inhoud-1`."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def clear(self) -> None:
        self._seen = {}

    def __call__(self, value: str, separator: str) -> str:
        base = github_slug(value) or "section"
        slug = base
        if theme_reserves(base):
            self._seen.setdefault(base, 0)
        while slug in self._seen or (slug != base and theme_reserves(slug)):
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
            if theme_reserves(slug):  # `stap-1`, `nav-2`: every number is the theme's
                slug += "-kop"
        self._seen[slug] = 0
        return slug


