"""Text for the PDF of an edition: rendered body HTML as plain blocks, and strings made safe
for ReportLab's paragraph markup and for the embedded font."""

from __future__ import annotations

import unicodedata
from collections.abc import Container
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

BLOCKS = {"p": "p", "li": "li", "h2": "h2", "h3": "h3", "h4": "h3", "blockquote": "p",
          "dt": "h3", "dd": "p", "td": "p", "th": "p"}


@dataclass(frozen=True)
class Block:
    kind: str  # p | li | h2 | h3
    text: str  # plain text


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._flush()
            self.stack.append(tag)
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text and self.stack:
            self.blocks.append(Block(BLOCKS[self.stack[-1]], text))
        self.parts = []


def body_blocks(html: str) -> list[Block]:
    """The headings, paragraphs and list items of a rendered body, as plain text."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def printable(text: str, glyphs: Container[int], *, markup: bool = True) -> str:
    """`text` with every character one the font has (others fall back to their
    compatibility form, else '?'; '→' becomes '->'), escaped for ReportLab's paragraph
    markup unless `markup` is False (text drawn directly on the canvas)."""
    out: list[str] = []
    for char in text:
        if ord(char) in glyphs or char in "\n\t ":
            out.append(char)
            continue
        if char == "\u2192":
            out.append("->")
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", char)
                        if ord(c) in glyphs and not unicodedata.combining(c))
        out.append(plain or "?")
    plain_text = "".join(out)
    return escape(plain_text, quote=False) if markup else plain_text
