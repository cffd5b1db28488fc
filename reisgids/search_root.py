"""Whether Pagefind may read only a page's body element (reisgids/search.py).

Pagefind indexes the text inside `data-pagefind-body`, but it parses the whole page: it takes
filters, meta data and sort values (`data-pagefind-*` attributes) from anywhere on it, and
its automatic title and image from the first `<h1>` and `<img>` (the title from `<title>`
when there is no `<h1>`). Given
`--root-selector [data-pagefind-body]` it reads only that element: about a tenth less CPU
at 1,000 entry pages, the same bundle (docs/speed.md, "One edited entry") — as long as
nothing it would take lies outside. So a part of the index is read that way only when every
page of it has one body element holding all of those (`reads_alone`): the built-in theme's
entry pages do; a site's template that puts a filter beside the article does not, nor does
the hidden words page of a split index (no `<h1>`), and such a part is read whole, as before.
"""

from __future__ import annotations

import re

from reisgids.html_elements import BODY_MARK, marked_element

ROOT_SELECTOR = "[data-pagefind-body]"
ATTRIBUTE = b"data-pagefind-"  # filters, meta data, sort values, ...
_TITLE_OR_IMAGE = re.compile(rb"<(?:[hH]1|[iI][mM][gG])[\s>/]")  # Pagefind's automatic ones
_TITLE = re.compile(rb"<[hH]1[\s>]")


def _takes_nothing(part: bytes) -> bool:
    return ATTRIBUTE not in part and _TITLE_OR_IMAGE.search(part) is None


def reads_alone(page: bytes) -> bool:
    """True when Pagefind reading only the page's `data-pagefind-body` element finds all it
    finds reading the whole page: the mark appears once, as an attribute of a tag; no
    Pagefind attribute, `<h1>` or `<img>` lies outside that element, and an `<h1>` inside it
    (without one Pagefind titles the page by its `<title>`, in the head). When unsure, False
    (the page is read whole)."""
    found = marked_element(page, BODY_MARK)
    if found is None:
        return False  # Pagefind then reads every page whole, or we cannot tell
    start, end = found
    return (_takes_nothing(page[:start]) and _takes_nothing(page[end:])
            and _TITLE.search(page, start, end) is not None)  # else its title is <title>
