"""One job: a Markdown body -> safe HTML, its heading ids, and diagnostics.

Editors write what a git host's editor accepts (tables, fenced code, task lists,
strikethrough, autolinks, footnotes) and link to other content files relatively, so their
links also work in the git host's preview. Here those links are checked and rewritten to
page URLs, heading ids are made the way the git host makes them, and raw HTML is kept only
from a short safe list. Nothing unsafe reaches the output, whatever the input: raw HTML is
filtered where Markdown stashes it, link targets are judged on the parsed tree, and the
whole page goes through nh3 (Ammonia) once more at the end.

Line numbers: Python-Markdown keeps none, so a finding carries the text it was written as
(a link destination, a start tag) and is placed by looking that text up in the source with
code blocks and code spans blanked out; the n-th use of a destination in the page is the
n-th time it is written.

Speed: Python-Markdown's inline parsing is quadratic in the length of one paragraph, and
worse for runs of unmatched `[`. Texts longer than `_INLINE_CAP` are therefore parsed in
pieces, bracket matching is done once per text, and link destinations are looked for within
`_LINK_SCAN` characters; real content never comes near these limits.
"""

from __future__ import annotations

import bisect
import difflib
import html
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX, AtomicString

from reisgids.errors import Diagnostic, Location, Text, error, warning


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
_RAW_ATTRIBUTES = {"abbr": frozenset({"title"}), "details": frozenset({"open"})}
# Removed together with what they hold: their content is code, or not text at all.
_DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript",
                           "template", "textarea", "select", "svg", "math", "noembed",
                           "noframes", "xmp", "title", "head"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

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
_REMOTE_OR_SCHEME = re.compile(r"^\s*(?://|[a-zA-Z][a-zA-Z0-9+.\-]*:)")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Images come from this site only: no scheme, no other host."""
    if attribute == "src" and _REMOTE_OR_SCHEME.match(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS, clean_content_tags=_DROP_CONTENT - _TAGS, attributes=_ATTRIBUTES,
    attribute_filter=_attribute_filter, tag_attribute_values=_INPUT_VALUES,
    url_schemes=set(_SAFE_SCHEMES), link_rel=None, strip_comments=True)

_INLINE_CAP = 8192  # longest text parsed for inline Markdown in one piece
_LINK_SCAN = 4096  # farthest a link destination is looked for after `](`
_DEPTH_CAP = 32  # deepest nesting of raw HTML elements kept
_CHUNK = "reisgids-chunk"  # marks where a long text was cut; removed before serialising

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


class _Slugger:
    """Python-Markdown's toc calls this for each heading in order; repeats get `-1`, `-2`
    exactly as the git host numbers them (never toc's own `_1`). A heading without letters
    or digits, which the git host cannot link to either, is called `section`."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, value: str, separator: str) -> str:
        base = github_slug(value) or "section"
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug


# --- raw HTML -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Removed:
    needle: str  # the start tag as written, to find its line
    tag: str
    attribute: str = ""  # set when only this attribute went
    same_tag: bool = False  # another attribute of the start tag removed just before


class _RawHtmlFilter(HTMLParser):
    """Keeps the safe raw tags with their allowed attributes and the text; drops the rest
    and says what it dropped. Works on a whole block or on a single stashed tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.removed: list[_Removed] = []
        self.opened = 0  # non-void start tags kept
        self._skip: str | None = None
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *,
               self_closing: bool) -> None:
        written = self.get_starttag_text() or f"<{tag}>"
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth += 1
            return
        if tag not in SAFE_RAW_TAGS:
            self.removed.append(_Removed(written, tag))
            if tag in _DROP_CONTENT and not self_closing and tag not in _VOID:
                self._skip, self._skip_depth = tag, 1
            return
        allowed = _RAW_ATTRIBUTES.get(tag, frozenset())
        parts = [f"<{tag}"]
        reported = False
        for name, value in attrs:
            if name not in allowed:
                self.removed.append(_Removed(written, tag, name, same_tag=reported))
                reported = True
            elif value is None:
                parts.append(f" {name}")
            else:
                parts.append(f' {name}="{html.escape(value)}"')
        self.out.append("".join(parts) + ">")
        if tag not in _VOID:
            if self_closing:
                self.out.append(f"</{tag}>")
            else:
                self.opened += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip = None
            return
        if tag in SAFE_RAW_TAGS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        pass  # an editor's note to other editors: dropped without a word

    def handle_decl(self, decl: str) -> None:
        self.removed.append(_Removed(f"<!{decl}>", "!" + decl.split(" ", 1)[0].lower()))

    def unknown_decl(self, data: str) -> None:
        self.removed.append(_Removed(f"<![{data}]>", "![" + data[:5]))

    def handle_pi(self, data: str) -> None:
        self.removed.append(_Removed(f"<?{data}>", "?"))


def _filter_raw_html(raw: str) -> tuple[str, list[_Removed], int]:
    parser = _RawHtmlFilter()
    try:
        parser.feed(raw)
        parser.close()
    except Exception:  # html.parser gives up on a few malformed declarations
        first = raw.strip().split("\n", 1)[0]
        return "", [_Removed(first, first[:20])], 0
    return "".join(parser.out), parser.removed, parser.opened


_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")


def _limit_depth(text: str, cap: int) -> str:
    """Drop start tags nested deeper than `cap` (and their end tags). html5ever, inside nh3,
    is quadratic in nesting depth; only stray raw tags can nest this deep."""
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    position = 0
    for match in _TAG_TOKEN.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            continue
        drop = False
        if not closing:
            if len(stack) >= cap:
                dropped[name] = dropped.get(name, 0) + 1
                drop = True
            else:
                stack.append(name)
        elif dropped.get(name):
            dropped[name] -= 1
            drop = True
        elif name in stack:
            while stack.pop() != name:
                pass
        if drop:
            out.append(text[position:match.start()])
            position = match.end()
    out.append(text[position:])
    return "".join(out)


# --- Markdown processors ------------------------------------------------------------------


@dataclass
class _State:
    """One conversion's bookkeeping. Python-Markdown keeps raw HTML aside in its stash:
    [0, after_fences) fenced code it rendered itself; [after_fences, after_blocks) raw HTML
    blocks; [after_blocks, before_inline) task-list boxes; from before_inline on, inline
    raw HTML and entities. Only the editor's raw HTML is filtered."""

    after_fences: int = 0
    after_blocks: int = 0
    before_inline: int = 0
    filtered: int = 0
    raw_opened: int = 0
    removed: list[_Removed] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)


class _MarkStash(Preprocessor):
    def __init__(self, md: markdown.Markdown, state: _State, which: str) -> None:
        super().__init__(md)
        self.state, self.which = state, which

    def run(self, lines: list[str]) -> list[str]:
        setattr(self.state, self.which, len(self.md.htmlStash.rawHtmlBlocks))
        return lines


class _BeforeInline(Treeprocessor):
    """Marks where inline raw HTML starts in the stash, and cuts very long texts into
    pieces that inline parsing handles one by one (empty marker elements carry them)."""

    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        self.state.before_inline = len(self.md.htmlStash.rawHtmlBlocks)
        for element in list(root.iter()):
            text = element.text
            if text and len(text) > _INLINE_CAP and not isinstance(text, AtomicString):
                first, *rest = _pieces(text, _INLINE_CAP)
                element.text = first
                for index, piece in enumerate(rest):
                    marker = etree.Element(_CHUNK)
                    marker.tail = piece
                    element.insert(index, marker)


def _pieces(text: str, cap: int) -> list[str]:
    """Cut after a newline or space where possible, never inside a stash placeholder."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > cap:
        end = start + cap
        cut = max(text.rfind("\n", start + cap // 2, end), text.rfind(" ", start + cap // 2, end))
        cut = end if cut < 0 else cut + 1
        opened = text.rfind(STX, start, cut)
        if opened > start and text.find(ETX, opened, cut) < 0:
            cut = opened
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class _FilterStash(Postprocessor):
    """Filters the editor's raw HTML before it goes back into the page (RawHtml-
    Postprocessor has priority 30). toc runs postprocessors for every heading, so each
    stash entry is filtered once, when first seen."""

    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        state = self.state
        for index in range(state.filtered, len(stash)):
            trusted = (index < state.after_fences
                       or state.after_blocks <= index < state.before_inline)
            if trusted:
                continue
            raw = stash[index]
            cleaned, removed, opened = _filter_raw_html(raw if isinstance(raw, str) else "")
            stash[index] = cleaned
            state.removed.extend(removed)
            state.raw_opened += opened
        state.filtered = len(stash)
        return text


class _Brackets:
    """Matching `]` for each `[` of one text, found once instead of once per attempt
    (Python-Markdown rescans to the end of the paragraph for every unmatched `[`)."""

    _BRACKET = re.compile(r"[\[\]]")

    def __init__(self) -> None:
        self._text: str | None = None
        self._close: dict[int, int] = {}

    def text(self, data: str, index: int) -> tuple[str, int, bool]:
        close = self._find(data, index)
        if close < 0:
            return "", len(data), False
        return data[index:close], close + 1, True

    def _find(self, data: str, index: int) -> int:
        depth = 1
        for seen, match in enumerate(self._BRACKET.finditer(data, index)):
            depth += 1 if match.group() == "[" else -1
            if depth == 0:
                return match.start()
            if seen > 64 and index > 0 and data[index - 1] == "[":
                return self._matched(data).get(index - 1, -1)
        return -1

    def _matched(self, data: str) -> dict[int, int]:
        if data is not self._text:
            close: dict[int, int] = {}
            stack: list[int] = []
            for match in self._BRACKET.finditer(data):
                if match.group() == "[":
                    stack.append(match.start())
                elif stack:
                    close[stack.pop()] = match.start()
            self._text, self._close = data, close
        return self._close


def _bounded_link(processor: LinkInlineProcessor, data: str, index: int
                  ) -> tuple[str, str | None, int, bool]:
    if data.find(")", index, index + _LINK_SCAN) < 0:
        return "", None, index, False
    return LinkInlineProcessor.getLink(processor, data[:index + _LINK_SCAN], index)


class _Link(LinkInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        return _bounded_link(self, data, index)


class _Image(ImageInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        return _bounded_link(self, data, index)


class _Reference(ReferenceInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class _ShortReference(ShortReferenceInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class _ImageReference(ImageReferenceInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class _ShortImageReference(ShortImageReferenceInlineProcessor):
    brackets: _Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class _Action(Enum):
    KEEP = "keep"
    UNWRAP = "unwrap"  # the element goes, its text and children stay
    REMOVE = "remove"  # the element and what it holds go, its tail stays


class _Finish(Treeprocessor):
    """After toc gave headings their ids, and after Markdown unescaped the text: collect
    the ids, drop the markers of cut texts, and (when rendering) shift the headings and
    check and rewrite links and images."""

    def __init__(self, md: markdown.Markdown, state: _State, links: _Links | None) -> None:
        super().__init__(md)
        self.state, self.links = state, links

    def run(self, root: etree.Element) -> None:
        headings = [element for element in root.iter() if element.tag in _HEADINGS]
        self.state.heading_ids = [h.get("id") or "" for h in headings if h.get("id")]
        if self.links is not None:
            _shift(headings)
            self.links.prepare(root, self.state.heading_ids)
        stack = [root]
        while stack:
            parent = stack.pop()
            if any(child.tag in ("a", "img", _CHUNK) for child in parent):
                self._rebuild(parent)
            stack.extend(parent)

    def _decide(self, element: etree.Element) -> _Action:
        if element.tag == _CHUNK:
            return _Action.REMOVE
        if self.links is None:
            return _Action.KEEP
        if element.tag == "a":
            return self.links.visit_link(element)
        if element.tag == "img":
            return self.links.visit_image(element)
        return _Action.KEEP

    def _rebuild(self, parent: etree.Element) -> None:
        """One pass over the children: keep, unwrap (text and children stay in place) or
        remove (only the tail stays), joining the loose text once."""
        queue: deque[etree.Element | str] = deque(parent)
        kept: list[etree.Element] = []
        texts: list[str] = [parent.text or ""]

        def settle() -> None:
            joined = "".join(texts)
            if kept:
                kept[-1].tail = joined or None
            else:
                parent.text = joined or None

        while queue:
            item = queue.popleft()
            if isinstance(item, str):
                texts.append(item)
                continue
            action = self._decide(item)
            if action is _Action.KEEP:
                settle()
                kept.append(item)
                texts = [item.tail or ""]
            elif action is _Action.REMOVE:
                texts.append(item.tail or "")
            else:
                texts.append(item.text or "")
                queue.extendleft(reversed([*item, item.tail or ""]))
        settle()
        parent[:] = kept


def _shift(headings: list[etree.Element]) -> None:
    """The body's highest heading becomes h2 (the template owns the h1); never beyond h6."""
    if not headings:
        return
    top = min(int(h.tag[1]) for h in headings)
    for heading in headings:
        heading.tag = f"h{min(6, int(heading.tag[1]) - top + 2)}"


class _Reisgids(Extension):
    def __init__(self, state: _State, links: _Links | None) -> None:
        super().__init__()
        self.state, self.links = state, links

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        state = self.state
        md.preprocessors.register(_MarkStash(md, state, "after_fences"), "reisgids-fences", 22)
        md.preprocessors.register(_MarkStash(md, state, "after_blocks"), "reisgids-blocks", 19)
        md.treeprocessors.register(_BeforeInline(md, state), "reisgids-before-inline", 21)
        md.treeprocessors.register(_Finish(md, state, self.links), "reisgids-finish", -1)
        md.postprocessors.register(_FilterStash(md, state), "reisgids-raw-html", 35)
        brackets = _Brackets()
        for processor, name, priority in (
                (_Reference(REFERENCE_RE, md), "reference", 170),
                (_Link(LINK_RE, md), "link", 160),
                (_Image(IMAGE_LINK_RE, md), "image_link", 150),
                (_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140),
                (_ShortReference(REFERENCE_RE, md), "short_reference", 130),
                (_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)):
            processor.brackets = brackets
            md.inlinePatterns.register(processor, name, priority)


def _markdown(state: _State, links: _Links | None) -> markdown.Markdown:
    """A fresh instance per body: nothing carries over from one body to the next."""
    return markdown.Markdown(
        extensions=["tables", "fenced_code", "footnotes", "sane_lists",
                    TocExtension(marker="", slugify=_Slugger()),
                    "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.magiclink",
                    _Reisgids(state, links)],
        extension_configs={
            "tables": {"use_align_attribute": True},
            "footnotes": {"BACKLINK_TITLE": "Terug naar voetnoot %d in de tekst"},
            "pymdownx.tasklist": {"custom_checkbox": False, "clickable_checkbox": False},
            "pymdownx.tilde": {"subscript": False},
            "pymdownx.magiclink": {"repo_url_shorthand": False, "social_url_shorthand": False,
                                   "repo_url_shortener": False,
                                   "social_url_shortener": False},
        },
        output_format="html")


# --- links and images ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Finding:
    code: str
    is_error: bool
    message: Text
    hint: Text | None
    needle: str  # as written in the source: a link destination or a start tag
    nth: int  # 0 for the first use of that needle in the page


class _ResolverFailed(Exception):
    """The caller's resolver raised: its bug, re-raised as is outside Markdown."""

    def __init__(self, original: Exception) -> None:
        super().__init__(repr(original))
        self.original = original


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_HINT_RELATIVE = Text(
    nl="controleer de bestandsnaam; links gaan relatief vanaf dit bestand, bijvoorbeeld "
       "../partners/naam.md",
    en="check the file name; links are relative to this file, for example "
       "../partners/name.md")
_HINT_STATIC = Text(
    nl="zet het bestand in static/ en verwijs ernaar als /static/...",
    en="put the file in static/ and refer to it as /static/...")
_HINT_UNSAFE = Text(
    nl="toegestaan zijn links met http, https, mailto of tel, en links naar bestanden van "
       "de site",
    en="allowed are http, https, mailto and tel links, and links to files of the site")


def _decoded(url: str) -> str:
    """A URL as the browser reads it (Python-Markdown hides the '&' of obfuscated e-mail
    links behind a placeholder)."""
    return html.unescape(url.replace(AMP_SUBSTITUTE, "&"))


def _scheme(url: str) -> str | None:
    """The scheme a browser would see: control characters and whitespace, which browsers
    skip, do not hide `jav&#x09;ascript:`."""
    found = _SCHEME.match(_INVISIBLE.sub("", url))
    return found.group(1).lower() if found else None


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class _Links:
    """Checks and rewrites the links and images of one page."""

    def __init__(self, path: str, resolve: LinkResolver) -> None:
        self.path = path
        self.folder = posixpath.dirname(path)
        self._resolve = resolve
        self.findings: list[_Finding] = []
        self._ids: frozenset[str] = frozenset()
        self._headings: list[str] = []
        self._nth: dict[int, int] = {}

    def prepare(self, root: etree.Element, headings: list[str]) -> None:
        """Number each destination's uses in document order, and collect the page's ids."""
        counts: dict[str, int] = {}
        ids: set[str] = set()
        for element in root.iter():
            key = element.get("href") if element.tag == "a" else (
                element.get("src") if element.tag == "img" else None)
            if key is not None:
                self._nth[id(element)] = counts.get(key, 0)
                counts[key] = counts.get(key, 0) + 1
            if element.get("id"):
                ids.add(element.get("id") or "")
        self._ids, self._headings = frozenset(ids), headings

    def resolve(self, path: str) -> LinkTarget | None:
        try:
            return self._resolve(path)
        except Exception as exc:
            raise _ResolverFailed(exc) from exc

    def _report(self, element: etree.Element, needle: str, code: str, message: Text,
                hint: Text | None, *, is_error: bool = True) -> None:
        self.findings.append(_Finding(code, is_error, message, hint, needle,
                                      self._nth.get(id(element), 0)))

    def visit_link(self, element: etree.Element) -> _Action:
        written = element.get("href")
        if written is None:
            return _Action.KEEP
        url = _decoded(written).strip()
        scheme = _scheme(url)
        if scheme is not None:
            if scheme in _SAFE_SCHEMES:
                return _Action.KEEP
            self._unsafe(element, written, scheme)
            return _Action.UNWRAP
        if not url or url.startswith("//"):
            return _Action.KEEP  # an empty link, or another host
        if url.startswith("#"):
            self._check_own_anchor(element, written, url[1:])
            return _Action.KEEP
        where, query, fragment = _split(url)
        if url.startswith("/") and not (where.startswith("/static/") or where.endswith(".md")):
            return _Action.KEEP  # another page of the site, written as its URL
        wanted = self._site_path(where)
        if wanted is None:
            return _Action.KEEP  # only a query
        target = self._target(element, written, wanted)
        if target is None:
            return _Action.KEEP
        if not target.published:
            self._report(element, written, "link-unpublished", Text(
                nl=f"link naar '{_short(written)}' wijst naar '{target.title}', dat in deze "
                   "build niet gepubliceerd is; de link wordt gewone tekst",
                en=f"link to '{_short(written)}' points to '{target.title}', which is not "
                   "published in this build; the link becomes plain text"), Text(
                nl="publiceer die pagina (concept, publicatie- of verloopdatum) of haal de "
                   "link weg",
                en="publish that page (draft, publish or expiry date) or remove the link"),
                is_error=False)
            return _Action.UNWRAP
        if fragment and wanted.endswith(".md") and not _has_anchor(target.anchors, fragment):
            self._report(element, written, "link-anchor", Text(
                nl=f"link naar '{_short(written)}': '{target.title}' heeft geen kop met "
                   f"anker '#{fragment}'",
                en=f"link to '{_short(written)}': '{target.title}' has no heading with "
                   f"anchor '#{fragment}'"), _anchor_hint(fragment, sorted(target.anchors),
                                                         own_page=False))
        element.set("href", target.url + (f"?{query}" if query else "")
                    + (f"#{fragment}" if fragment else ""))
        return _Action.KEEP

    def visit_image(self, element: etree.Element) -> _Action:
        written = element.get("src") or ""
        url = _decoded(written).strip()
        scheme = _scheme(url)
        if scheme in ("http", "https") or url.startswith("//"):
            self._report(element, written, "image-remote", Text(
                nl=f"afbeelding '{_short(written)}' van een andere website is weggehaald: de "
                   "site doet geen verzoeken aan derden",
                en=f"image '{_short(written)}' from another website was removed: the site "
                   "makes no third-party requests"), _HINT_STATIC, is_error=False)
            return _Action.REMOVE
        if scheme is not None:
            self._unsafe(element, written, scheme)
            return _Action.REMOVE
        if not (element.get("alt") or "").strip():
            self._report(element, written, "image-alt", Text(
                nl=f"afbeelding '{_short(written)}' heeft geen alt-tekst",
                en=f"image '{_short(written)}' has no alt text"), Text(
                nl="beschrijf tussen de blokhaken wat er te zien is: ![wat er te zien is](...)",
                en="describe between the brackets what it shows: ![what it shows](...)"))
        where, query, _ = _split(url)
        wanted = self._site_path(where) if where else None
        if wanted is None or not (wanted.startswith("static/") or wanted.startswith("../")):
            self._report(element, written, "image-src", Text(
                nl=f"afbeelding '{_short(written)}' is geen bestand in static/",
                en=f"image '{_short(written)}' is not a file in static/"), _HINT_STATIC)
            return _Action.KEEP
        target = self._target(element, written, wanted)
        if target is None:
            return _Action.KEEP
        if not target.published:
            self._report(element, written, "link-unpublished", Text(
                nl=f"afbeelding '{_short(written)}' is niet gepubliceerd en is weggehaald",
                en=f"image '{_short(written)}' is not published and was removed"), None,
                is_error=False)
            return _Action.REMOVE
        element.set("src", target.url + (f"?{query}" if query else ""))
        return _Action.KEEP

    def _unsafe(self, element: etree.Element, written: str, scheme: str) -> None:
        self._report(element, written, "url-unsafe", Text(
            nl=f"link naar '{_short(written)}' is weggehaald: {scheme}:-adressen zijn niet "
               "toegestaan",
            en=f"link to '{_short(written)}' was removed: {scheme}: addresses are not "
               "allowed"), _HINT_UNSAFE, is_error=False)

    def _check_own_anchor(self, element: etree.Element, written: str, anchor: str) -> None:
        if anchor and not _has_anchor(self._ids, anchor):
            self._report(element, written, "link-anchor", Text(
                nl=f"link naar '#{_short(anchor)}': deze pagina heeft geen kop met dat anker",
                en=f"link to '#{_short(anchor)}': this page has no heading with that anchor"),
                _anchor_hint(anchor, self._headings, own_page=True))

    def _site_path(self, where: str) -> str | None:
        """The site-relative path a link names: `/static/x` and `/content/x.md` from the
        site root, anything else relative to this file. None for an empty path."""
        path = unquote(where)
        if not path:
            return None
        if path.startswith("/"):
            return posixpath.normpath(path).lstrip("/") or "."
        return posixpath.normpath(posixpath.join(self.folder, path))

    def _target(self, element: etree.Element, written: str, wanted: str) -> LinkTarget | None:
        outside = wanted == ".." or wanted.startswith("../") or wanted == "."
        target = None if outside else self.resolve(wanted)
        if target is not None:
            return target
        shown = _short(written)
        if outside:
            message = Text(nl=f"link naar '{shown}' wijst buiten de site ({wanted})",
                           en=f"link to '{shown}' points outside the site ({wanted})")
        else:
            message = Text(
                nl=f"link naar '{shown}' wijst naar een bestand dat niet bestaat ({wanted})",
                en=f"link to '{shown}' points to a file that does not exist ({wanted})")
        self._report(element, written, "link-broken", message, self._broken_hint(written, wanted))
        return None

    def _broken_hint(self, written: str, wanted: str) -> Text:
        """Try what the editor probably meant: the `.md` left off, or a path written from
        the site root or from content/ instead of from this file."""
        where, _, fragment = _decoded(written).partition("#")
        plain = posixpath.normpath(unquote(where.split("?")[0]).lstrip("/"))
        candidates = [wanted + ".md", wanted.rstrip("/") + ".md"]
        if not plain.startswith(".."):
            candidates += [plain, "content/" + plain, plain + ".md", "content/" + plain + ".md"]
        for candidate in dict.fromkeys(candidates):
            if candidate != wanted and self.resolve(candidate) is not None:
                if candidate.startswith("static/"):
                    better = "/" + candidate
                else:
                    better = posixpath.relpath(candidate, self.folder or ".")
                better += f"#{fragment}" if fragment else ""
                return Text(nl=f"bedoelde je '{better}'?", en=f"did you mean '{better}'?")
        return _HINT_STATIC if wanted.startswith("static/") else _HINT_RELATIVE


def _split(url: str) -> tuple[str, str, str]:
    rest, _, fragment = url.partition("#")
    where, _, query = rest.partition("?")
    return where, query, fragment


def _has_anchor(anchors: frozenset[str], anchor: str) -> bool:
    return anchor in anchors or unquote(anchor) in anchors


def _anchor_hint(anchor: str, anchors: list[str], *, own_page: bool) -> Text:
    close = difflib.get_close_matches(unquote(anchor), anchors, n=3, cutoff=0.6)
    if close:
        shown = ", ".join(f"'#{c}'" for c in close)
        return Text(nl=f"bedoelde je {shown}?", en=f"did you mean {shown}?")
    if not anchors:
        return Text(nl=f"{'deze' if own_page else 'die'} pagina heeft geen koppen",
                    en=f"{'this' if own_page else 'that'} page has no headings")
    listed = ", ".join(f"#{a}" for a in anchors[:8]) + (", ..." if len(anchors) > 8 else "")
    return Text(nl=f"ankers op {'deze' if own_page else 'die'} pagina: {listed} (koppen in "
                   "kleine letters, spaties worden streepjes)",
                en=f"anchors on {'this' if own_page else 'that'} page: {listed} (headings in "
                   "lowercase, spaces become hyphens)")


# --- lines --------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_DESTINATION = re.compile(r"\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()]|\([^\s()]*\))+))")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^<>\n]*)>|(\S+))", re.MULTILINE)
_START_TAG = re.compile(r"<[^<>]*>")


class _Lines:
    """Finds the line a link destination or a start tag was written on, looking past
    fenced code and code spans. Built only when there is something to place."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._masked = _mask_code(self.text)
        self._index: dict[str, dict[str, list[int]]] = {}
        self._budget = 64  # plain searches for needles the indexes do not have

    def line(self, needle: str, nth: int, kind: str) -> int:
        positions = self._indexed(kind).get(needle) or self._search(needle)
        if not positions:
            return 1
        return bisect.bisect_right(self._starts, positions[min(nth, len(positions) - 1)])

    def _indexed(self, kind: str) -> dict[str, list[int]]:
        if kind not in self._index:
            found: dict[str, list[int]] = {}
            patterns = (_START_TAG,) if kind == "tag" else (_DESTINATION, _REFERENCE)
            for pattern in patterns:
                for match in pattern.finditer(self._masked):
                    key = match.group(0) if kind == "tag" else (match.group(1)
                                                                or match.group(2) or "")
                    found.setdefault(key, []).append(match.start())
            for positions in found.values():
                positions.sort()
            self._index[kind] = found
        return self._index[kind]

    def _search(self, needle: str) -> list[int]:
        if self._budget <= 0 or not needle:
            return []
        self._budget -= 1
        for haystack in (self._masked, self.text):
            found = haystack.find(needle)
            if found >= 0:
                return [found]
        return []


def _mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping every offset. A fence counts
    only when it closes, as in Python-Markdown."""
    lines = text.split("\n")
    closers: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        stripped = line.rstrip(" ")
        if stripped[:3] in ("```", "~~~") and stripped == stripped[0] * len(stripped):
            closers.setdefault(stripped, []).append(number)
    out: list[str] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        opened = _FENCE_OPEN.match(line)
        if opened:
            fence = opened.group(1)
            candidates = closers.get(fence, [])
            at = bisect.bisect_right(candidates, number)
            if at < len(candidates):
                close = candidates[at]
                out.append(line)
                out.extend(" " * len(code) for code in lines[number + 1:close])
                out.append(lines[close])
                number = close + 1
                continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
        number += 1
    return "\n".join(out)


# --- the two entry points -----------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_DATA_URI = re.compile(r"(\]\(\s*<?)(data:[^\s)>,]{0,80},?)[^\s)>]{120,}")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")


def _prepare(body: str) -> str:
    """Text Python-Markdown and nh3 both accept, with long `data:` URLs (pasted images,
    which are refused anyway) shortened so that they do not drown the page."""
    text = _SURROGATE.sub("\ufffd", body).replace("\x00", "\ufffd")
    return _LONG_DATA_URI.sub(r"\1\2…", text)


def _convert(text: str, links: _Links | None) -> tuple[str, _State]:
    state = _State()
    converted = _markdown(state, links).convert(text)
    return converted, state


def heading_ids(body: str) -> tuple[str, ...]:
    """The ids render_markdown gives this body's headings, in order; needed before other
    pages are rendered, to check their `x.md#anchor` links. Same pipeline, so they agree."""
    try:
        _, state = _convert(_prepare(body), None)
    except Exception:
        return ()
    return tuple(state.heading_ids)


def render_markdown(body: str, *, path: str, first_line: int,
                    resolve: LinkResolver) -> RenderedBody:
    """Markdown body -> safe HTML, heading ids and diagnostics (at file lines: body line 1
    is line `first_line` of `path`). Pure; never raises for any text. Exceptions raised by
    `resolve` itself are passed on."""
    text = _prepare(body)
    links = _Links(path, resolve)
    try:
        converted, state = _convert(text, links)
    except _ResolverFailed as failed:
        raise failed.original from None
    except Exception:  # RecursionError on absurd nesting, or a parser bug
        return RenderedBody(_plain(text), (), (error(
            "markdown-failed", Location(path, first_line), Text(
                nl="de tekst kon niet als Markdown verwerkt worden; hij wordt als platte "
                   "tekst getoond",
                en="the text could not be processed as Markdown; it is shown as plain text"),
            field="body", hint=Text(nl="maak diep geneste lijsten of citaten minder diep",
                                    en="make deeply nested lists or quotes shallower")),))
    if state.raw_opened > _DEPTH_CAP:
        converted = _limit_depth(converted, _DEPTH_CAP)
    safe = _EMPTY_PARAGRAPH.sub("", _CLEANER.clean(converted))
    findings = links.findings
    if state.removed:
        findings = findings + _raw_findings(state.removed)
    lines = _Lines(text) if findings else None
    diagnostics: list[Diagnostic] = []
    for finding in findings:
        assert lines is not None
        kind = "tag" if finding.code == "html-removed" else "destination"
        line = first_line + lines.line(finding.needle, finding.nth, kind) - 1
        make = error if finding.is_error else warning
        diagnostics.append(make(finding.code, Location(path, line), finding.message,
                                field="body", hint=finding.hint))
    diagnostics.sort(key=Diagnostic.sort_key)
    return RenderedBody(safe, tuple(state.heading_ids), tuple(diagnostics))


_HINT_HTML = Text(
    nl="toegestaan is alleen " + ", ".join(f"<{t}>" for t in sorted(SAFE_RAW_TAGS))
       + " (op <abbr> alleen title, op <details> alleen open); schrijf de rest in Markdown, "
         "of zet code tussen backticks (`) om hem als tekst te tonen",
    en="only " + ", ".join(f"<{t}>" for t in sorted(SAFE_RAW_TAGS))
       + " are allowed (title on <abbr>, open on <details>); write the rest in Markdown, or "
         "put code between backticks (`) to show it as text")


def _raw_findings(removed: list[_Removed]) -> list[_Finding]:
    counts: dict[str, int] = {}
    findings: list[_Finding] = []
    for item in removed:
        if item.attribute:
            message = Text(
                nl=f"attribuut '{item.attribute}' van <{item.tag}> is weggehaald",
                en=f"attribute '{item.attribute}' of <{item.tag}> was removed")
        else:
            message = Text(nl=f"HTML {_short(item.needle)} is weggehaald",
                           en=f"HTML {_short(item.needle)} was removed")
        if not item.same_tag:
            counts[item.needle] = counts.get(item.needle, -1) + 1
        findings.append(_Finding("html-removed", False, message, _HINT_HTML, item.needle,
                                 counts.get(item.needle, 0)))
    return findings


def _plain(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p).strip()}</p>\n" for p in paragraphs)
