"""Python-Markdown keeps raw HTML aside in its stash: these processors mark where each
sort of stash entry starts and filter only the editor's raw HTML (see _convert.py)."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from reisgids.markdown._policy import (
    CHUNK,
    INLINE_CAP,
)
from reisgids.markdown._rawhtml import (
    Removed,
    cut_dropped_content,
    filter_raw_html,
)


@dataclass
class State:
    """One conversion's bookkeeping. Python-Markdown keeps raw HTML aside in its stash:
    [0, after_fences) fenced code it rendered itself; [after_fences, after_blocks) raw HTML
    blocks; [after_blocks, before_inline) task-list boxes; from before_inline on, inline
    raw HTML and entities. Only the editor's raw HTML is filtered."""

    after_fences: int = 0
    after_blocks: int = 0
    before_inline: int = 0
    filtered: int = 0
    raw_opened: int = 0
    removed: list[Removed] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)
    inline_raw: dict[int, str] = field(default_factory=dict)  # stash index -> tag as written

    def clear(self) -> None:
        """Back to a fresh state: the same object is shared by one instance's processors."""
        self.__dict__.update(State().__dict__)


class MarkStash(Preprocessor):
    def __init__(self, md: markdown.Markdown, state: State, which: str) -> None:
        super().__init__(md)
        self.state, self.which = state, which

    def run(self, lines: list[str]) -> list[str]:
        setattr(self.state, self.which, len(self.md.htmlStash.rawHtmlBlocks))
        return lines


class BeforeInline(Treeprocessor):
    """Marks where inline raw HTML starts in the stash, and cuts very long texts into
    pieces that inline parsing handles one by one: each piece becomes the text of a
    wrapper element, unwrapped again by _Finish. (Pieces as tails would be slower still:
    Python-Markdown inserts the elements parsed from a tail one list search at a time.)"""

    def __init__(self, md: markdown.Markdown, state: State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        self.state.before_inline = len(self.md.htmlStash.rawHtmlBlocks)
        for element in list(root.iter()):
            text = element.text
            if text and len(text) > INLINE_CAP and not isinstance(text, AtomicString):
                element.text = None
                for index, piece in enumerate(cut_pieces(text, INLINE_CAP)):
                    wrapper = etree.Element(CHUNK)
                    wrapper.text = piece
                    element.insert(index, wrapper)


def cut_pieces(text: str, cap: int) -> list[str]:
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


class FilterStash(Postprocessor):
    """Filters the editor's raw HTML before it goes back into the page (RawHtml-
    Postprocessor has priority 30). toc runs postprocessors for every heading, so each
    stash entry is filtered once, when first seen."""

    def __init__(self, md: markdown.Markdown, state: State) -> None:
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
            cleaned, removed, opened = filter_raw_html(raw if isinstance(raw, str) else "")
            stash[index] = cleaned
            state.removed.extend(removed)
            state.raw_opened += opened
        state.filtered = len(stash)
        return cut_dropped_content(text, state.inline_raw, self.md.htmlStash.get_placeholder)
