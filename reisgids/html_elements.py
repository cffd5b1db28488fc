"""Elements found in a page's bytes without parsing it: the theme writes its tags plainly,
and a parser costs more than the search index's reading of every page can spend
(search_root.py, search_pages.py)."""

from __future__ import annotations

import re

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
