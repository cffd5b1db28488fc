"""What reisgids reads from the entry pages for the search index (reisgids/search.py): the
values a page is sorted by (for `pagefind/volgorde.json`, every index) and, for an index
split into parts, the words of the whole site.

Why the words: Pagefind answers a word it does not know with the pages of the longest word
it does know that the query starts with ("eenzaamheid" unknown -> every page with "een").
One bundle knows every word of the site, but a part knows only its own pages' words, so a
part without the query's word would add pages that have nothing to do with it. Every part
therefore also indexes one hidden page holding every word of the site once
(`words_page()`); the search page drops that page from the results (parts.json names it).
It has no facets and no date, so it is never counted in a facet or listed by date.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable
from html.parser import HTMLParser

from reisgids.html_elements import (
    BODY_MARK,
    IGNORE_MARK,
    element_end,
    marked_element,
    marked_tag,
)

WORDS_URL = "/_reisgids-woorden/"  # the hidden page in every part; no page of a site
SKIPPED = re.compile(rb"<(script|style|template)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(rb"</?([a-zA-Z][a-zA-Z0-9]*)?[^<>]*>")
INLINE = {b"a", b"abbr", b"b", b"bdi", b"bdo", b"cite", b"code", b"data", b"dfn", b"em", b"i",
          b"kbd", b"mark", b"q", b"s", b"samp", b"small", b"span", b"strong", b"sub", b"sup",
          b"time", b"u", b"var", b"wbr"}
PUNCTUATION = string.punctuation + "‘’“”„«»‹›…–—·•"


# --- the values Pagefind sorts by, read from the pages ---------------------------------------

SORT_TAG = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-sort=[^<>]*>")
SORT_MARK = b"data-pagefind-sort="


class _Tag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.attrs:
            for name, value in attrs:  # the first of a repeated name, as browsers read it
                self.attrs.setdefault(name, value or "")


# a tag whose attributes are all `name="value"`, as the theme writes them: read without a parser
PLAIN_TAG = re.compile(r'<[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*="[^"<>]*")*\s*/?>')
PLAIN_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"<>]*)"')


def _attributes(tag: str) -> dict[str, str]:
    """A start tag's attributes: names in lower case, the first of a repeated name,
    character references resolved (HTMLParser's reading, which the plain form skips)."""
    if PLAIN_TAG.fullmatch(tag):
        found: dict[str, str] = {}
        for name, value in PLAIN_ATTRIBUTE.findall(tag):
            found.setdefault(name.lower(), html.unescape(value))
        return found
    parser = _Tag()
    parser.feed(tag)
    return parser.attrs


def sort_values(page: bytes) -> dict[str, str]:
    """{sort name: value} of a page's `data-pagefind-sort` elements, in the two forms that
    carry the value in the tag (`name[attribute]`, `name:value`)."""
    found: dict[str, str] = {}
    for tag in _sort_tags(page):
        attrs = _attributes(tag.decode("utf-8", "replace"))
        for spec in attrs.get("data-pagefind-sort", "").split(","):
            name, bracket, rest = spec.strip().partition("[")
            if bracket and rest.endswith("]") and rest[:-1] in attrs:
                found[name.strip()] = attrs[rest[:-1]]
            elif ":" in spec:
                key, _, value = spec.partition(":")
                found[key.strip()] = value.strip()
    return found


def _sort_tags(page: bytes) -> list[bytes]:
    """The tags that carry `data-pagefind-sort=`: found by the mark, then matched around it
    (a search for the tag pattern itself tries every `<` of the page: 4x slower)."""
    tags = []
    at = page.find(SORT_MARK)
    while at != -1:
        start = page.rfind(b"<", 0, at)
        match = SORT_TAG.match(page, start) if start != -1 else None
        if match and match.end() > at:
            tags.append(match.group())
        following = match.end() if match and match.end() > at else at + len(SORT_MARK)
        at = page.find(SORT_MARK, following)
    return tags


def page_url(rel: str) -> str:
    """The URL Pagefind gives a page of the indexed folder."""
    url = "/" + rel
    return url[:-len("index.html")] if url.endswith("/index.html") else url




def page_words(page: bytes) -> set[str]:
    """The words of a page as Pagefind reads them: its text split at white space and at
    every tag but inline ones (`zorg<em>zaam</em>` is one word), in lower case and without
    the punctuation around them (Pagefind drops both; keeping them would make "4." and "4"
    two words, and the list change with every full stop). Only the text Pagefind indexes:
    the `data-pagefind-body` element when the page has one (the whole page when unsure),
    without the elements it is told to pass over (`data-pagefind-ignore`: e-mail
    addresses, tables of contents)."""
    body = marked_element(page, BODY_MARK)
    if body is not None:
        page = page[body[0]:body[1]]
    # split at the tags (with their names) and joined again with a gap where one was not
    # inline: a callback per tag cost 2 of the 3 CPU s of reading 10,000 pages' words
    pieces = TAG.split(SKIPPED.sub(b" ", _without_ignored(page)))
    gaps = [b"" if (name or b"").lower() in INLINE else b" " for name in pieces[1::2]]
    joined = bytearray(pieces[0])
    for gap, piece in zip(gaps, pieces[2::2], strict=True):
        joined += gap
        joined += piece
    plain = html.unescape(joined.decode("utf-8", "replace")).lower()
    # each word once before it is stripped (lower case first: punctuation has no case)
    found = {word.strip(PUNCTUATION) for word in set(plain.split())}
    found.discard("")
    return found


def _without_ignored(page: bytes) -> bytes:
    """`page` with every element marked `data-pagefind-ignore` (any value) left out. When
    unsure where one ends - it does not close, holds an element of its own name (an HTML
    parser might close them otherwise) or the mark is not an attribute of a tag
    (html_elements.marked_tag, as for the body element) - it is kept: more words than
    Pagefind reads only make the words page longer, fewer would be wrong."""
    kept: list[bytes] = []
    done = 0
    at = page.find(IGNORE_MARK)
    while at != -1:
        opened = marked_tag(page, at, IGNORE_MARK)
        end = element_end(page, opened.group(1), opened.start()) \
            if opened is not None and opened.start() >= done else None
        if end is not None and opened is not None and re.search(
                rb"<" + re.escape(opened.group(1)) + rb"[\s/>]", page[opened.end():end],
                re.IGNORECASE):
            end = None
        if opened is None or end is None:
            at = page.find(IGNORE_MARK, at + len(IGNORE_MARK))
            continue
        kept.append(page[done:opened.start()])
        done = end
        at = page.find(IGNORE_MARK, done)
    return b" ".join([*kept, page[done:]]) if kept else page


def words_page(words: Iterable[str], language: str) -> bytes:
    """The hidden page of a part: every word once, in a searchable body."""
    body = "\n".join(html.escape(word) for word in sorted(words))
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
            f"<title>-</title></head><body><main data-pagefind-body>\n{body}\n</main>"
            "</body></html>\n").encode()
