"""Raw HTML an editor wrote: kept only from the safe list, piece by piece, with what was
removed recorded for the warnings."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from reisgids.markdown._policy import (
    DROP_CONTENT,
    RAW_ATTRIBUTES,
    SAFE_RAW_TAGS,
    VOID,
)

# --- raw HTML -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Removed:
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
        self.removed: list[Removed] = []
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
            self.removed.append(Removed(written, tag))
            if tag in DROP_CONTENT and not self_closing and tag not in VOID:
                self._skip, self._skip_depth = tag, 1
            return
        allowed = RAW_ATTRIBUTES.get(tag, frozenset())
        parts = [f"<{tag}"]
        reported = False
        for name, value in attrs:
            if name not in allowed:
                self.removed.append(Removed(written, tag, name, same_tag=reported))
                reported = True
            elif value is None:
                parts.append(f" {name}")
            else:
                parts.append(f' {name}="{html.escape(value)}"')
        self.out.append("".join(parts) + ">")
        if tag not in VOID:
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
        if tag in SAFE_RAW_TAGS and tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        pass  # an editor's note to other editors: dropped without a word

    def handle_decl(self, decl: str) -> None:
        self.removed.append(Removed(f"<!{decl}>", "!" + decl.split(" ", 1)[0].lower()))

    def unknown_decl(self, data: str) -> None:
        self.removed.append(Removed(f"<![{data}]>", "![" + data[:5]))

    def handle_pi(self, data: str) -> None:
        self.removed.append(Removed(f"<?{data}>", "?"))


def filter_raw_html(raw: str) -> tuple[str, list[Removed], int]:
    parser = _RawHtmlFilter()
    try:
        parser.feed(raw)
        parser.close()
    except Exception:  # html.parser gives up on a few malformed declarations
        first = raw.strip().split("\n", 1)[0]
        return "", [Removed(first, first[:20])], 0
    return "".join(parser.out), parser.removed, parser.opened


_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
_OPEN_TAG = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*(?<!/)>\s*\Z")
_CLOSE_TAG = re.compile(r"\s*</([a-zA-Z][a-zA-Z0-9-]*)\s*>\s*\Z")


def cut_dropped_content(text: str, raws: dict[int, str],
                        placeholder: Callable[[int], str]) -> str:
    """Inline raw HTML is stashed one tag at a time, so `<b><script>x()</script></b>` leaves
    `x()` as ordinary text between two stashed tags. Remove the text between a stashed
    `<script>` (or another tag whose content is code) and its stashed end tag, when only text
    lies between them (`raws`: stash index -> the tag as written)."""
    for index in sorted(raws):
        opened = _OPEN_TAG.match(raws[index])
        if not opened or opened.group(1).lower() not in DROP_CONTENT:
            continue
        name = opened.group(1).lower()
        closing = next((i for i in sorted(raws) if i > index and (m := _CLOSE_TAG.match(
            raws[i])) and m.group(1).lower() == name), None)
        if closing is None:
            continue
        start_mark, end_mark = placeholder(index), placeholder(closing)
        start = text.find(start_mark)
        end = text.find(end_mark, start + 1) if start >= 0 else -1
        if start >= 0 and end >= 0 and "<" not in text[start + len(start_mark):end]:
            text = text[:start + len(start_mark)] + text[end:]
    return text


def limit_depth(text: str, cap: int) -> str:
    """Drop start tags nested deeper than `cap` (and their end tags). html5ever, inside nh3,
    is quadratic in nesting depth; only stray raw tags can nest this deep (Markdown's own
    nesting stops near 200 levels)."""
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    position = 0
    for match in _TAG_TOKEN.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID:
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


