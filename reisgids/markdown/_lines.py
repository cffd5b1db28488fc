"""Where a finding was written: Python-Markdown keeps no line numbers, so findings are placed
by looking up what they name in the source, with code masked out."""

from __future__ import annotations

import bisect
import re

from markdown.preprocessors import Preprocessor

# --- lines --------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_DESTINATION = re.compile(r"\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()]|\([^\s()]*\))+))")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^<>\n]*)>|(\S+))", re.MULTILINE)
_START_TAG = re.compile(r"<[^<>]*>")


class Lines:
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


def _fences(lines: list[str]) -> tuple[list[tuple[int, int]], list[int]]:
    """Fenced code blocks as (opening, closing) line indexes, and the openings that never
    close (plain text to Python-Markdown), found in one pass."""
    closers: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        stripped = line.rstrip(" ")
        if stripped[:3] in ("```", "~~~") and stripped == stripped[0] * len(stripped):
            closers.setdefault(stripped, []).append(number)
    blocks: list[tuple[int, int]] = []
    unclosed: list[int] = []
    number = 0
    while number < len(lines):
        opened = _FENCE_OPEN.match(lines[number])
        if opened:
            candidates = closers.get(opened.group(1), [])
            at = bisect.bisect_right(candidates, number)
            if at < len(candidates):
                blocks.append((number, candidates[at]))
                number = candidates[at] + 1
                continue
            unclosed.append(number)
        number += 1
    return blocks, unclosed


def _mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping every offset."""
    lines = text.split("\n")
    blocks, _ = _fences(lines)
    masked = [False] * len(lines)
    for opening, closing in blocks:
        for number in range(opening + 1, closing):
            masked[number] = True
    return "\n".join(" " * len(line) if hide else
                     _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
                     for line, hide in zip(lines, masked, strict=True))


class DefuseFences(Preprocessor):
    """Python-Markdown searches to the end of the text for the close of every fence that
    never closes; with many of those (never in real content) the search is escaped."""

    def run(self, lines: list[str]) -> list[str]:
        _, unclosed = _fences(lines)
        if len(unclosed) > 16:
            for number in unclosed:
                lines[number] = "\\" + lines[number]
        return lines


