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
`_INLINE_CAP` are parsed for inline Markdown in pieces; the closing `]` and closing
backticks are found once per text instead of once per attempt (same results, see the
tests); a link destination is looked for within `_LINK_SCAN` characters; footnote
references stop at the next `[`; many unclosed fences are escaped; indentation is cut back
at `_MAX_INDENT` columns; raw HTML nested deeper than `_DEPTH_CAP` is cut back. Real
content never meets these limits. A 5 MB body of prose takes 10 to 20 seconds, nearly all
of it Python-Markdown's own work; heading_ids costs a full conversion as well.
"""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from collections import deque
from dataclasses import dataclass, field

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
    BacktickInlineProcessor,
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
from markdown.util import ETX, STX, AtomicString, code_escape

from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.markdown._lines import (
    _DefuseFences,
    _Lines,
)
from reisgids.markdown._links import (
    _Action,
    _Finding,
    _Links,
    _ResolverFailed,
    _short,
)
from reisgids.markdown._policy import (
    _CHUNK,
    _CLEANER,
    _DEPTH_CAP,
    _HEADINGS,
    _INLINE_CAP,
    _LINK_SCAN,
    SAFE_RAW_TAGS,
    LinkResolver,
    LinkTarget,
    RenderedBody,
    _Slugger,
    github_slug,
)
from reisgids.markdown._rawhtml import (
    _filter_raw_html,
    _limit_depth,
    _Removed,
    cut_dropped_content,
)
from reisgids.markdown._site_links import SiteUrls

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
    inline_raw: dict[int, str] = field(default_factory=dict)  # stash index -> tag as written

    def clear(self) -> None:
        """Back to a fresh state: the same object is shared by one instance's processors."""
        self.__dict__.update(_State().__dict__)


class _MarkStash(Preprocessor):
    def __init__(self, md: markdown.Markdown, state: _State, which: str) -> None:
        super().__init__(md)
        self.state, self.which = state, which

    def run(self, lines: list[str]) -> list[str]:
        setattr(self.state, self.which, len(self.md.htmlStash.rawHtmlBlocks))
        return lines


class _BeforeInline(Treeprocessor):
    """Marks where inline raw HTML starts in the stash, and cuts very long texts into
    pieces that inline parsing handles one by one: each piece becomes the text of a
    wrapper element, unwrapped again by _Finish. (Pieces as tails would be slower still:
    Python-Markdown inserts the elements parsed from a tail one list search at a time.)"""

    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        self.state.before_inline = len(self.md.htmlStash.rawHtmlBlocks)
        for element in list(root.iter()):
            text = element.text
            if text and len(text) > _INLINE_CAP and not isinstance(text, AtomicString):
                element.text = None
                for index, piece in enumerate(_pieces(text, _INLINE_CAP)):
                    wrapper = etree.Element(_CHUNK)
                    wrapper.text = piece
                    element.insert(index, wrapper)


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
            if index >= state.before_inline and isinstance(raw, str):
                state.inline_raw[index] = raw
            cleaned, removed, opened = _filter_raw_html(raw if isinstance(raw, str) else "")
            stash[index] = cleaned
            state.removed.extend(removed)
            state.raw_opened += opened
        state.filtered = len(stash)
        return cut_dropped_content(text, state.inline_raw, self.md.htmlStash.get_placeholder)


class _Brackets:
    """Matching `]` for each `[` of one text, found once instead of once per attempt
    (Python-Markdown rescans to the end of the paragraph for every unmatched `[`)."""

    _BRACKET = re.compile(r"[\[\]]")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._text: str | None = None
        self._close: dict[int, int] = {}

    def text(self, data: str, index: int) -> tuple[str, int, bool]:
        close = self._find(data, index)
        if close < 0:
            return "", len(data), False
        return data[index:close], close + 1, True

    def _find(self, data: str, index: int) -> int:
        opened = index > 0 and data[index - 1] == "["
        if opened and data is self._text:
            return self._close.get(index - 1, -1)
        depth = 1
        for seen, match in enumerate(self._BRACKET.finditer(data, index)):
            depth += 1 if match.group() == "[" else -1
            if depth == 0:
                return match.start()
            if seen > 64 and opened:
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


class _CodeSpans:
    """Python-Markdown's search for the backticks that close a code span, with the runs of
    backticks of a text listed once: the original walks to the end of the paragraph, in
    Python, for every run that does not close."""

    _RUN = re.compile(r"`+")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._text: str | None = None
        self._starts: list[int] = []
        self._by_length: dict[int, list[int]] = {}
        self._longest: list[tuple[int, int]] = []  # per run: (length, start) of the first
        # longest run from there on

    def find(self, start: int, text: str) -> tuple[int, int | None]:
        opening = self._RUN.match(text, start)
        ticks = len(opening.group()) if opening else 0
        start += ticks
        if text is not self._text:  # most spans close within a few runs: look there first
            longest, where = 0, 0
            for seen, run in enumerate(self._RUN.finditer(text, start)):
                length = len(run.group())
                if length == ticks:
                    return start, run.start()
                if length > longest:
                    longest, where = length, run.start()
                if seen == 32:
                    break
            else:
                if 0 < longest < ticks:
                    return start - (ticks - longest), where
                return start + ticks, None
            self._index(text)
        same = self._by_length.get(ticks, [])
        at = bisect.bisect_left(same, start)
        if at < len(same):
            return start, same[at]
        first = bisect.bisect_left(self._starts, start)
        if first < len(self._starts):
            longest, where = self._longest[first]
            if 0 < longest < ticks:
                return start - (ticks - longest), where
        return start + ticks, None

    def _index(self, text: str) -> None:
        if text is self._text:
            return
        runs = [(match.start(), len(match.group())) for match in self._RUN.finditer(text)]
        self._text, self._starts, self._by_length = text, [start for start, _ in runs], {}
        for start, length in runs:
            self._by_length.setdefault(length, []).append(start)
        longest: list[tuple[int, int]] = [(0, 0)] * len(runs)
        best = (0, 0)
        for index in range(len(runs) - 1, -1, -1):
            start, length = runs[index]
            if length >= best[0]:
                best = (length, start)
            longest[index] = best
        self._longest = longest


class _Backticks(BacktickInlineProcessor):
    """Python-Markdown's code spans (handleMatch as there), found with _CodeSpans."""

    spans: _CodeSpans

    def handleMatch(self, m: re.Match[str], data: str  # type: ignore[override]
                    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        if m.group(1):
            return m.group(1).replace("\\\\", self.ESCAPED_BSLASH), m.start(0), m.end(0)
        begin = m.start(0)
        start, end = self.spans.find(begin, data)
        if end is None:
            return None, begin, start
        element = etree.Element(self.tag)
        element.text = AtomicString(code_escape(data[start:end].strip()))
        return element, begin, end + (start - begin)


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


class _Finish(Treeprocessor):
    """After toc gave headings their ids, and after Markdown unescaped the text: collect
    the ids, unwrap the pieces of long texts, and (when rendering) shift the headings and
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
            return _Action.UNWRAP
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
    def __init__(self, state: _State, slugger: _Slugger) -> None:
        super().__init__()
        self.state, self.slugger = state, slugger
        self.finish: _Finish | None = None
        self.caches: list[_Brackets | _CodeSpans] = []

    def reset(self) -> None:
        """Called by Markdown.reset() before every body: nothing carries over."""
        self.state.clear()
        self.slugger.clear()
        for cache in self.caches:
            cache.clear()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)  # so Markdown.reset() calls our reset()
        state = self.state
        md.preprocessors.register(_DefuseFences(md), "reisgids-defuse-fences", 26)
        md.preprocessors.register(_MarkStash(md, state, "after_fences"), "reisgids-fences", 22)
        md.preprocessors.register(_MarkStash(md, state, "after_blocks"), "reisgids-blocks", 19)
        md.treeprocessors.register(_BeforeInline(md, state), "reisgids-before-inline", 21)
        self.finish = _Finish(md, state, None)
        md.treeprocessors.register(self.finish, "reisgids-finish", -1)
        md.postprocessors.register(_FilterStash(md, state), "reisgids-raw-html", 35)
        backticks = _Backticks(BACKTICK_RE)
        backticks.spans = _CodeSpans()
        md.inlinePatterns.register(backticks, "backtick", 190)
        brackets = _Brackets()
        self.caches = [backticks.spans, brackets]
        for processor, name, priority in (
                (_Reference(REFERENCE_RE, md), "reference", 170),
                (_Link(LINK_RE, md), "link", 160),
                (_Image(IMAGE_LINK_RE, md), "image_link", 150),
                (_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140),
                (_ShortReference(REFERENCE_RE, md), "short_reference", 130),
                (_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)):
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
        self.state = _State()
        slugger = _Slugger()
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

    def convert(self, text: str, links: _Links | None) -> tuple[str, _State]:
        self.md.reset()
        assert self.extension.finish is not None
        self.extension.finish.links = links
        converted = self.md.convert(text)
        state = _State()
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


def _convert(text: str, links: _Links | None) -> tuple[str, _State]:
    global _converter
    if _converter is None:
        _converter = _Converter()
    try:
        return _converter.convert(text, links)
    except BaseException:
        _converter = None  # a conversion that failed halfway may leave state behind
        raise


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
    links = _Links(path, resolve, site)
    try:
        converted, state = _convert(text, links)
    except _ResolverFailed as failed:
        raise failed.original from None
    except Exception:  # RecursionError on absurd nesting, or a parser bug
        return RenderedBody(_plain(text), (), (error(
            "markdown-failed", Location(path, first_line), Text(
                nl="de tekst kon niet als Markdown verwerkt worden, dus de site wordt niet "
                   "gebouwd",
                en="the text could not be processed as Markdown, so the site is not built"),
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


__all__ = ["SAFE_RAW_TAGS", "LinkResolver", "LinkTarget", "RenderedBody", "github_slug",
           "heading_ids", "render_markdown"]
