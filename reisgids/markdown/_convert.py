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

Speed: stock Python-Markdown is quadratic or worse on some inputs no editor writes but a
paste can (a paragraph of thousands of `[`, backticks or `*`, many unclosed fences, lists
nested hundreds deep), and nh3 is quadratic in nesting depth. So: texts longer than
`INLINE_CAP` are parsed for inline Markdown in pieces; the closing `]` and closing
backticks are found once per text instead of once per attempt (same results, see the
tests); a link destination is looked for within `LINK_SCAN` characters; footnote
references stop at the next `[`; many unclosed fences are escaped; indentation is cut back
at `_MAX_INDENT` columns; raw HTML nested deeper than `DEPTH_CAP` is cut back. Real
content never meets these limits. A 5 MB body of prose takes 10 to 20 seconds, nearly all
of it Python-Markdown's own work; heading_ids costs a full conversion as well.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import deque

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteInlineProcessor
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import (
    BACKTICK_RE,
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
)
from markdown.treeprocessors import Treeprocessor

from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.markdown._inline import (
    Backticks,
    Brackets,
    CodeSpans,
    ImagePattern,
    ImageReferencePattern,
    LinkPattern,
    ReferencePattern,
    ShortImageReferencePattern,
    ShortReferencePattern,
)
from reisgids.markdown._lines import (
    DefuseFences,
    Lines,
)
from reisgids.markdown._links import (
    Action,
    Finding,
    Links,
    ResolverFailed,
    shortened,
)
from reisgids.markdown._marks import mark_inline
from reisgids.markdown._policy import (
    CHUNK,
    CLEANER,
    DEPTH_CAP,
    HEADINGS,
    SAFE_RAW_TAGS,
    LinkResolver,
    RenderedBody,
    Slugger,
)
from reisgids.markdown._rawhtml import (
    Removed,
    limit_depth,
)
from reisgids.markdown._site_links import SiteUrls
from reisgids.markdown._stash import BeforeInline, FilterStash, MarkStash, State


class _Finish(Treeprocessor):
    """After toc gave headings their ids, and after Markdown unescaped the text: collect
    the ids, unwrap the pieces of long texts, and (when rendering) shift the headings and
    check and rewrite links and images."""

    def __init__(self, md: markdown.Markdown, state: State, links: Links | None) -> None:
        super().__init__(md)
        self.state, self.links = state, links

    def run(self, root: etree.Element) -> None:
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        self.state.heading_ids = [h.get("id") or "" for h in headings if h.get("id")]
        if self.links is not None:
            _shift(headings)
            self.links.prepare(root, self.state.heading_ids)
        stack = [root]
        while stack:
            parent = stack.pop()
            if any(child.tag in ("a", "img", CHUNK) for child in parent):
                self._rebuild(parent)
            stack.extend(parent)

    def _decide(self, element: etree.Element) -> Action:
        if element.tag == CHUNK:
            return Action.UNWRAP
        if self.links is None:
            return Action.KEEP
        if element.tag == "a":
            return self.links.visit_link(element)
        if element.tag == "img":
            return self.links.visit_image(element)
        return Action.KEEP

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
            if action is Action.KEEP:
                settle()
                kept.append(item)
                texts = [item.tail or ""]
            elif action is Action.REMOVE:
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
    def __init__(self, state: State, slugger: Slugger) -> None:
        super().__init__()
        self.state, self.slugger = state, slugger
        self.finish: _Finish | None = None
        self.caches: list[Brackets | CodeSpans] = []

    def reset(self) -> None:
        """Called by Markdown.reset() before every body: nothing carries over."""
        self.state.clear()
        self.slugger.clear()
        for cache in self.caches:
            cache.clear()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)  # so Markdown.reset() calls our reset()
        state = self.state
        md.preprocessors.register(DefuseFences(md), "reisgids-defuse-fences", 26)
        md.preprocessors.register(MarkStash(md, state, "after_fences"), "reisgids-fences", 22)
        md.preprocessors.register(MarkStash(md, state, "after_blocks"), "reisgids-blocks", 19)
        md.treeprocessors.register(BeforeInline(md, state), "reisgids-before-inline", 21)
        self.finish = _Finish(md, state, None)
        md.treeprocessors.register(self.finish, "reisgids-finish", -1)
        md.postprocessors.register(FilterStash(md, state), "reisgids-raw-html", 35)
        backticks = Backticks(BACKTICK_RE)
        backticks.spans = CodeSpans()
        md.inlinePatterns.register(backticks, "backtick", 190)
        brackets = Brackets()
        self.caches = [backticks.spans, brackets]
        for processor, name, priority in (
                (ReferencePattern(REFERENCE_RE, md), "reference", 170),
                (LinkPattern(LINK_RE, md), "link", 160),
                (ImagePattern(IMAGE_LINK_RE, md), "image_link", 150),
                (ImageReferencePattern(IMAGE_REFERENCE_RE, md), "image_reference", 140),
                (ShortReferencePattern(REFERENCE_RE, md), "short_reference", 130),
                (ShortImageReferencePattern(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)):
            processor.brackets = brackets
            md.inlinePatterns.register(processor, name, priority)
        footnote = md.inlinePatterns["footnote"]
        if isinstance(footnote, FootnoteInlineProcessor):
            # as Python-Markdown's, but a reference stops at the next `[`: no rescanning to
            # the end of the paragraph for every `[^` that does not close
            md.inlinePatterns.register(
                FootnoteInlineProcessor(r"\[\^([^\[\]]*)\]", footnote.footnotes),
                "footnote", 175)


class _Converter:
    """One Markdown instance, reused for every body of this process (building it costs a
    third of a conversion). `Markdown.reset()` and `_Reisgids.reset()` clear every piece of
    state between bodies, so the result is the same as with a fresh instance (tested)."""

    def __init__(self) -> None:
        self.state = State()
        slugger = Slugger()
        self.extension = _Reisgids(self.state, slugger)
        self.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "footnotes", "sane_lists",
                        TocExtension(marker="", slugify=slugger),
                        "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.magiclink",
                        self.extension],
            extension_configs={
                "tables": {"use_align_attribute": True},
                "footnotes": {"BACKLINK_TITLE": "Terug naar voetnoot %d in de tekst"},
                "pymdownx.tasklist": {"custom_checkbox": False,
                                      "clickable_checkbox": False},
                "pymdownx.tilde": {"subscript": False},
                "pymdownx.magiclink": {"repo_url_shorthand": False,
                                       "social_url_shorthand": False,
                                       "repo_url_shortener": False,
                                       "social_url_shortener": False},
            },
            output_format="html")
        mark_inline(self.md)  # patterns tried only where their mark is (_marks.py)

    def convert(self, text: str, links: Links | None) -> tuple[str, State]:
        self.md.reset()
        assert self.extension.finish is not None
        self.extension.finish.links = links
        converted = self.md.convert(text)
        state = State()
        state.__dict__.update(self.state.__dict__)  # a copy: the next body clears ours
        return converted, state


_converter: _Converter | None = None  # one per process (and so one per pool worker)


# --- the two entry points -----------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_DATA_URI = re.compile(r"(\]\(\s*<?)(data:[^\s)>,]{0,80},?)[^\s)>]{120,}")
_MAX_INDENT = 400
_DEEP_INDENT = re.compile(r"^[ \t]{100,}", re.MULTILINE)
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")


def _prepare(body: str) -> str:
    """Text Python-Markdown and nh3 both accept; long `data:` URLs (pasted images, refused
    anyway) shortened so they do not drown the page; indentation beyond _MAX_INDENT columns
    (lists nested a hundred deep) cut back, as Python-Markdown recurses once per level."""
    text = _SURROGATE.sub("\ufffd", body).replace("\x00", "\ufffd")
    text = _DEEP_INDENT.sub(_clamp_indent, text)
    return _LONG_DATA_URI.sub(r"\1\2…", text)


def _clamp_indent(match: re.Match[str]) -> str:
    indent = match.group(0)
    return indent if len(indent.expandtabs(4)) <= _MAX_INDENT else " " * _MAX_INDENT


def _convert(text: str, links: Links | None) -> tuple[str, State]:
    global _converter
    if _converter is None:
        _converter = _Converter()
    try:
        return _converter.convert(text, links)
    except BaseException:
        _converter = None  # a conversion that failed halfway may leave state behind
        raise


def ready_converter() -> None:
    """Build this process's Markdown instance now: called before a pool forks, so that
    every worker inherits it instead of each importing and compiling the extensions."""
    global _converter
    if _converter is None:
        _converter = _Converter()


def heading_ids(body: str) -> tuple[str, ...]:
    """The ids render_markdown gives this body's headings, in order; needed before other
    pages are rendered, to check their `x.md#anchor` links. Same pipeline, so they agree."""
    try:
        _, state = _convert(_prepare(body), None)
    except Exception:
        return ()
    return tuple(state.heading_ids)


def render_markdown(body: str, *, path: str, first_line: int,
                    resolve: LinkResolver, site: SiteUrls | None = None) -> RenderedBody:
    """Markdown body -> safe HTML, heading ids and diagnostics (at file lines: body line 1
    is line `first_line` of `path`). Pure; never raises for any text. Exceptions raised by
    `resolve` itself are passed on."""
    text = _prepare(body)
    links = Links(path, resolve, site)
    try:
        converted, state = _convert(text, links)
    except ResolverFailed as failed:
        raise failed.original from None
    except Exception:  # RecursionError on absurd nesting, or a parser bug
        return RenderedBody(_plain(text), (), (error(
            "markdown-failed", Location(path, first_line), Text(
                nl="de tekst kon niet als Markdown verwerkt worden, dus de site wordt niet "
                   "gebouwd",
                en="the text could not be processed as Markdown, so the site is not built"),
            field="body", hint=Text(nl="maak diep geneste lijsten of citaten minder diep",
                                    en="make deeply nested lists or quotes shallower")),))
    if state.raw_opened > DEPTH_CAP:
        converted = limit_depth(converted, DEPTH_CAP)
    safe = _EMPTY_PARAGRAPH.sub("", CLEANER.clean(converted))
    findings = links.findings
    if state.removed:
        findings = findings + _raw_findings(state.removed)
    lines = Lines(text) if findings else None
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


def _raw_findings(removed: list[Removed]) -> list[Finding]:
    counts: dict[str, int] = {}
    findings: list[Finding] = []
    for item in removed:
        if item.attribute:
            message = Text(
                nl=f"attribuut '{item.attribute}' van <{item.tag}> is weggehaald",
                en=f"attribute '{item.attribute}' of <{item.tag}> was removed")
        else:
            message = Text(nl=f"HTML {shortened(item.needle)} is weggehaald",
                           en=f"HTML {shortened(item.needle)} was removed")
        if not item.same_tag:
            counts[item.needle] = counts.get(item.needle, -1) + 1
        findings.append(Finding("html-removed", False, message, _HINT_HTML, item.needle,
                                 counts.get(item.needle, 0)))
    return findings


def _plain(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p).strip()}</p>\n" for p in paragraphs)
