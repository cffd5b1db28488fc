"""Inline processors that do in one pass what stock Python-Markdown rescans per attempt:
matching brackets and backtick runs are found once per text, link destinations are looked
for within LINK_SCAN characters. Same results as the stock processors (see the tests)."""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import (
    BacktickInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markdown.util import AtomicString, code_escape

from reisgids.markdown._policy import (
    LINK_SCAN,
)


class Brackets:
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


class CodeSpans:
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


class Backticks(BacktickInlineProcessor):
    """Python-Markdown's code spans (handleMatch as there), found with CodeSpans."""

    spans: CodeSpans

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
    if data.find(")", index, index + LINK_SCAN) < 0:
        return "", None, index, False
    return LinkInlineProcessor.getLink(processor, data[:index + LINK_SCAN], index)


class LinkPattern(LinkInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        return _bounded_link(self, data, index)


class ImagePattern(ImageInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        return _bounded_link(self, data, index)


class ReferencePattern(ReferenceInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class ShortReferencePattern(ShortReferenceInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class ImageReferencePattern(ImageReferenceInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)


class ShortImageReferencePattern(ShortImageReferenceInlineProcessor):
    brackets: Brackets

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        return self.brackets.text(data, index)
