"""The offending source line under a diagnostic, with a caret under the spot, as Hugo and
rustc print it. Plain text: readable without colour, in a CI log and in a terminal.

    content/pages/over.md:3:17: fout [yaml-colon] summary: ...
        3 | summary: Let op: dubbele punt
          |                 ^
"""

from __future__ import annotations

import re
from pathlib import Path

from reisgids.errors import Diagnostic

MAX_SHOWN = 160  # characters of a long line shown around the spot
MAX_READ = 4 * 1024 * 1024  # a larger file gets no excerpt (its diagnostic says why)
# 'key: value' or '- key: value' or '- value': where the value starts
_QUOTED = re.compile(r"'([^'\n]{2,})'")
_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+|\s*-\s+)(?=\S)")


class SourceLines:
    """Lines of site files, read once each, only inside the site root."""

    def __init__(self, root: Path | None) -> None:
        self.root = root.resolve() if root is not None else None
        self._files: dict[str, list[str] | None] = {}

    def line(self, rel: str, number: int) -> str | None:
        if self.root is None or number < 1:
            return None
        if rel not in self._files:
            self._files[rel] = self._read(rel)
        lines = self._files[rel]
        if lines is None or number > len(lines):
            return None
        return lines[number - 1]

    def _read(self, rel: str) -> list[str] | None:
        assert self.root is not None
        path = (self.root / rel).resolve()
        if self.root not in path.parents or not path.is_file():
            return None  # a folder, a missing file, or a link out of the site
        try:
            if path.stat().st_size > MAX_READ:
                return None
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return None
        return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _visible(char: str) -> str:
    """One character per character, so the caret stays under its spot; a tab shows as an
    arrow (it may be the very slip), other control characters as a replacement mark."""
    if char == "\t":
        return "→"
    if ord(char) < 32 or ord(char) == 127 or 0x80 <= ord(char) < 0xA0:
        return "\ufffd"
    return char


def spot(diagnostic: Diagnostic, text: str) -> int:
    """The 1-based column to point at: the diagnostic's own column when it has one, else the
    value of the field on that line, else the first character that is not a space."""
    if diagnostic.location.col > 1:
        return min(diagnostic.location.col, len(text) + 1)
    for quoted in _QUOTED.findall(diagnostic.message.nl):  # the link or value it names
        at = text.find(quoted.rstrip("…"))
        if at >= 0:
            return at + 1
    if diagnostic.field and diagnostic.field != "body":
        match = _VALUE.match(text)
        if match:
            return match.end() + 1
    return len(text) - len(text.lstrip(" ")) + 1 if text.strip() else 1


def excerpt(diagnostic: Diagnostic, sources: SourceLines) -> tuple[int, list[str]] | None:
    """The column pointed at and the two lines (source line, caret line) under a diagnostic,
    or None when it has no line to show. The terminal (render) and serve's browser banner
    (escaped there) both show these."""
    text = sources.line(diagnostic.location.path, diagnostic.location.line)
    if text is None or text.strip() == "---":  # about the whole file: no line to show
        return None
    col = spot(diagnostic, text)
    start = max(0, col - 1 - MAX_SHOWN // 2)
    shown = "".join(_visible(c) for c in text[start:start + MAX_SHOWN])
    prefix = "…" if start else ""
    suffix = "…" if len(text) > start + MAX_SHOWN else ""
    number = str(diagnostic.location.line)
    gutter = " " * len(number)
    caret = " " * (len(prefix) + col - 1 - start) + "^"
    return col, [f"  {number} | {prefix}{shown}{suffix}".rstrip(), f"  {gutter} | {caret}"]


def render(diagnostic: Diagnostic, language: str, sources: SourceLines) -> str:
    """The diagnostic's line, then its source line with a caret, when the line is known."""
    shown = excerpt(diagnostic, sources)
    if shown is None:
        return diagnostic.format(language)
    col, lines = shown
    return "\n".join([diagnostic.format(language, col=col), *lines])
