"""Elements found in a page's bytes without parsing it: the theme writes its tags plainly,
and a parser costs more than the search index's reading of every page can spend
(search_root.py, search_pages.py)."""

from __future__ import annotations

import re

# Pagefind's marks, which both the words of a page (search_pages.py) and the check whether
# Pagefind may read a page's body alone (search_root.py) look for
BODY_MARK = b"data-pagefind-body"
IGNORE_MARK = b"data-pagefind-ignore"

OPEN_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)\s[^<>]*")


def element_end(page: bytes, name: bytes, start: int) -> int | None:
    """Where the element opened at `start` ends (after its closing tag's `>`), counting
    nested elements of the same name; None when it does not close."""
    tags = re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])", re.IGNORECASE)
    depth = 0
    for tag in tags.finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = page.find(b">", tag.end())
            return None if close < 0 else close + 1
    return None


_AFTER_NAME = (b"", b" ", b"\t", b"\n", b"\r", b"=", b"/", b">")


def marked_tag(page: bytes, at: int, mark: bytes) -> re.Match[bytes] | None:
    """The start tag that carries the attribute `mark` found at `at` (its name is
    group 1); None when the mark there is not such an attribute (only named in the text)."""
    start = page.rfind(b"<", 0, at)
    opened = OPEN_TAG.match(page, start) if start >= 0 else None
    after = page[at + len(mark):at + len(mark) + 1]
    if opened is None or opened.end() < at or not page[at - 1:at].isspace() \
            or after not in _AFTER_NAME:
        return None
    return opened


def marked_element(page: bytes, mark: bytes) -> tuple[int, int] | None:
    """(start, end) of the one element whose start tag carries the attribute `mark`; None
    when the mark is not there exactly once, is not an attribute of a tag (only named in
    the text), or the element does not close."""
    at = page.find(mark)
    if at < 0 or page.find(mark, at + 1) >= 0:
        return None
    opened = marked_tag(page, at, mark)
    end = element_end(page, opened.group(1), opened.start()) if opened is not None else None
    return None if opened is None or end is None else (opened.start(), end)
