"""The files of a Pagefind bundle, read and rewritten: deterministic bytes, smaller word-index
chunks, the date order across parts, facet totals.

Pagefind writes its index files as gzip(`pagefind_dcd` + CBOR). reisgids rewrites each
bundle once, right after Pagefind made it (`canonicalize()`, called by reisgids/search.py):

- **The same bytes for the same input.** Pagefind 1.5 writes its filter indexes and its
  `pf_meta` from hash maps, so the order of the filters, and of the values inside one
  filter, changes from run to run (upstream issue #638). They are decoded, sorted, encoded
  again and renamed by Pagefind's own naming rule (language, `_`, the start of the SHA-1 of
  the CBOR).
- **Smaller word-index chunks** (`cut_words()`). A query loads, per word, the one chunk
  whose range holds the word as typed; Pagefind cuts chunks at a fixed 20,000 word
  positions (25 KB gzipped), anywhere in the alphabet. The words are cut again into chunks
  of about `CHUNK_BYTES`, only between words that differ within their first
  `SHARED_PREFIX` letters, and every chunk's range runs up to the next one's start. So a
  query word of four letters or more loads the chunk with its stem and every longer word
  that starts with it (Pagefind's search finds those too: "mantelzorg" also finds
  "mantelzorgers"), which Pagefind's own cuts could leave in a chunk not loaded.
- **No sort lists in the meta index.** Every page's place in the date order made the meta
  index, loaded before any query, 10 KB larger per part at 10,000 entries. The lists are
  dropped; `sort_orders()` gives the site-wide order of the pages, which reisgids/search.py
  writes to a file the search page loads only when a reader sorts.

`facet_totals()`: how many pages each facet value has, summed over the bundles, so the
search page can show the facets before it loads any filter index.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

PREFIX = b"pagefind_dcd"  # every Pagefind index file: gzip(PREFIX + CBOR or JSON)
ENTRY = "pagefind-entry.json"


# --- deterministic bytes ------------------------------------------------------------------

def canonicalize(bundle: Path) -> int:
    """Rewrite the bundle as reisgids publishes it (see the module docstring): sorted filter
    and meta indexes, re-cut word-index chunks, no sort lists; returns the indexed pages."""
    def canonical(language: str, meta: Any) -> None:
        # MetaIndex: [version, pages, index_chunks [[from, to, hash]], filters [[name,
        # hash]], sorts [[name, [page, ...]]]]
        check_complete(bundle, meta)
        taken: set[str] = set()
        filters = [[name, canonical_filter(bundle, language, old, taken)]
                   for name, old in meta[3]]
        meta[3] = sorted(filters, key=lambda f: f[0])
        meta[2] = recut_chunks(bundle, language, meta[2])
        meta[4] = []

    return rewrite_metas(bundle, canonical)


def rewrite_metas(bundle: Path, change: Callable[[str, Any], None]) -> int:
    """Apply `change(language prefix, meta)` to every meta index of the bundle, write each
    under its new content hash and point `pagefind-entry.json` at it; returns the pages.

    Files are replaced, never written into: a bundle carried over from the previous output
    shares its files with it by hard link."""
    entry_file = bundle / ENTRY
    entry_text = entry_file.read_text(encoding="utf-8")
    entry = json.loads(entry_text)
    pages = 0
    for language in sorted(entry["languages"]):
        info = entry["languages"][language]
        old = str(info["hash"])
        prefix = old.rsplit("_", 1)[0]
        meta_file = bundle / f"pagefind.{old}.pf_meta"
        meta = read_index_file(meta_file)
        change(prefix, meta)
        body = cbor_encode(meta)
        new = f"{prefix}_{pagefind_hash(body)[:len(prefix) + 8]}"
        meta_file.unlink()
        write_index_file(bundle / f"pagefind.{new}.pf_meta", body)
        if new != old:
            entry_text = entry_text.replace(f'"{old}"', f'"{new}"')
        pages += int(info["page_count"])
    replace_file(entry_file, entry_text.encode("utf-8"))
    return pages


def replace_file(path: Path, data: bytes) -> None:
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def check_complete(bundle: Path, meta: Any) -> None:
    """Every fragment and word-index chunk the meta index names is there and not empty."""
    wanted = [bundle / "fragment" / f"{page[0]}.pf_fragment" for page in meta[1]]
    wanted += [bundle / "index" / f"{chunk[2]}.pf_index" for chunk in meta[2]]
    wanted += [bundle / "pagefind.js", bundle / "pagefind-worker.js"]
    missing = [p.relative_to(bundle).as_posix() for p in wanted
               if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise ValueError(f"{len(missing)} files of the search bundle are missing or empty, "
                         f"e.g. {missing[0]}")


def canonical_filter(bundle: Path, language: str, old: str, taken: set[str]) -> str:
    """Sort one filter's values; the file is renamed after its new content."""
    path = bundle / "filter" / f"{old}.pf_filter"
    name, values = read_index_file(path)  # FilterIndex: [name, [[value, [page, ...]], ...]]
    body = cbor_encode([name, sorted(values, key=lambda v: v[0])])
    new = unique_name(language, body, taken)
    path.unlink()
    write_index_file(bundle / "filter" / f"{new}.pf_filter", body)
    return new


def unique_name(language: str, body: bytes, taken: set[str]) -> str:
    """Pagefind's name of an index file: language, `_`, the start of the SHA-1 of the CBOR,
    made longer while it collides with a name in `taken` (to which it is added)."""
    full = f"{language}_{pagefind_hash(body)}"
    length = len(language) + 8
    while full[:length] in taken and length < len(full):
        length += 1
    taken.add(full[:length])
    return full[:length]


# --- the word index, cut again -------------------------------------------------------------

CHUNK_BYTES = 16_000  # CBOR bytes per re-cut chunk, about (~6 KB gzipped; docs/speed.md)
SHARED_PREFIX = 4  # words that share their first four letters stay in one chunk
LAST = "\U0010ffff"  # above every character: the end of the last range


Word = tuple[str, bytes]  # a word and its entry's CBOR, as Pagefind wrote it


def recut_chunks(bundle: Path, language: str, chunks: Sequence[Any]) -> list[list[str]]:
    """Replace the word-index chunk files named in `chunks` ([[from, to, hash]]) by the
    chunks of `cut_words()`; returns their [from, to, hash] for the meta index."""
    words: list[Word] = []
    for _, _, name in chunks:
        words += word_entries(bundle / "index" / f"{name}.pf_index")
    for _, _, name in chunks:
        (bundle / "index" / f"{name}.pf_index").unlink()  # replaced, never written into
    words.sort(key=lambda word: word[0])
    cut = cut_words(words, CHUNK_BYTES)
    taken: set[str] = set()
    listed = []
    for (low, high), chunk in zip(word_ranges([(c[0][0], c[-1][0]) for c in cut]), cut,
                                  strict=True):
        # WordIndex: [[entry, ...]], each entry as it was: nothing decoded, nothing changed
        body = _cbor_head(4, 1) + _cbor_head(4, len(chunk)) + b"".join(e for _, e in chunk)
        name = unique_name(language, body, taken)
        # level 6: 0.7 % larger than 9 on these, at less than half the CPU
        write_index_file(bundle / "index" / f"{name}.pf_index", body, level=6)
        listed.append([low, high, name])
    return listed


def cut_words(words: Sequence[Word], size: int = CHUNK_BYTES) -> list[list[Word]]:
    """The sorted words in chunks of about `size` CBOR bytes (a larger one where one group
    of words is larger), cut only between groups (`_groups`)."""
    chunks: list[list[Word]] = []
    current: list[Word] = []
    filled = 0
    for group in _groups(words):
        grouped = sum(len(entry) for _, entry in group)
        if current and filled + grouped > size:
            chunks.append(current)
            current, filled = [], 0
        current += group
        filled += grouped
    if current:
        chunks.append(current)
    return chunks


def _groups(words: Sequence[Word]) -> Iterator[list[Word]]:
    """Runs of neighbours that share their first `SHARED_PREFIX` letters: never cut."""
    group: list[Word] = []
    for word in words:
        if group and shared_prefix(group[-1][0], word[0]) < SHARED_PREFIX:
            yield group
            group = []
        group.append(word)
    if group:
        yield group


# A word entry's pages, matched in C: decoding every location in Python cost as much CPU as
# Pagefind's whole run. A page is [page, [location, ...]] or, since Pagefind 1.5, [page,
# [location, ...], [meta location, ...]]; locations are signed integers.
_INT = (rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\x00-\xff]|[\x19\x39][\x00-\xff]{2}"
        rb"|[\x1a\x3a][\x00-\xff]{4})")
_INTS = rb"(?:[\x80-\x97]|\x98[\x00-\xff]|\x99[\x00-\xff]{2}|\x9a[\x00-\xff]{4})" + _INT + rb"*"
_PAGE = rb"(?:\x82" + _INT + _INTS + rb"|\x83" + _INT + _INTS + _INTS + rb")"
PAGES = re.compile(rb"(?:" + _PAGE + rb")*")


def word_entries(path: Path) -> list[Word]:
    """The word entries of a word-index chunk file, each with its own bytes. Pagefind 1.5
    writes [[[word, [page, ...], [[variant, [page, ...]], ...]], ...]] (the variants: the
    word with its diacritics); a file of another shape is read by the general decoder."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(PREFIX):
        raise ValueError(f"{path.name} is not a Pagefind index file")
    try:
        return _scan_entries(raw, len(PREFIX))
    except (ValueError, IndexError, UnicodeDecodeError):
        index, _ = cbor_decode(raw, len(PREFIX))
        return [(str(entry[0]), cbor_encode(entry)) for entry in index[0]]


def _scan_entries(data: bytes, pos: int) -> list[Word]:
    if data[pos] != 0x81:
        raise ValueError("not a word index")
    count, pos = _head(data, pos + 1, 4)
    words = []
    for _ in range(count):
        start = pos
        fields, pos = _head(data, pos, 4)
        if fields not in (2, 3):
            raise ValueError("not a word entry")
        length, pos = _head(data, pos, 3)
        word = data[pos:pos + length].decode("utf-8")
        pos = _pages(data, pos + length)
        if fields == 3:
            variants, pos = _head(data, pos, 4)
            for _ in range(variants):
                if data[pos] != 0x82:
                    raise ValueError("not a variant")
                length, pos = _head(data, pos + 1, 3)
                pos = _pages(data, pos + length)
        words.append((word, data[start:pos]))
    if pos != len(data):
        raise ValueError("trailing bytes after the word index")
    return words


def _pages(data: bytes, pos: int) -> int:
    """The position after the list of pages at `pos`. The match cannot run into what
    follows (a word or a variant starts with a text, never an integer), and a page of
    another shape stops it early, where the next head read then fails."""
    _, pos = _head(data, pos, 4)
    found = PAGES.match(data, pos)
    return found.end() if found else pos


def _head(data: bytes, pos: int, major: int) -> tuple[int, int]:
    """The argument of the CBOR head of `major` type at `pos`, and the position after it."""
    head = data[pos]
    if head >> 5 != major or head & 0x1F > 26:
        raise ValueError("unexpected CBOR head")
    info = head & 0x1F
    if info < 24:
        return info, pos + 1
    size = 1 << (info - 24)
    return int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def word_ranges(chunks: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(from, to) of each chunk, given its (first, last) word: together they leave no gap,
    so Pagefind's lookup (`from <= word <= to`, the word as typed) always finds exactly one
    chunk. A chunk starts at the shortest start of its first word that tells it apart from
    the last word before it, and ends just below the next chunk's start."""
    if not chunks:
        return []  # a bundle without words (its pages have no text)
    starts = [""] + [first[:shared_prefix(previous, first) + 1]
                     for (_, previous), (first, _) in itertools.pairwise(chunks)]
    ranges = []
    for number, start in enumerate(starts):
        if number + 1 < len(starts):
            following = starts[number + 1]
            below = ord(following[-1]) - 1
            below = 0xD7FF if 0xD800 <= below <= 0xDFFF else below  # no surrogates in UTF-8
            ranges.append((start, following[:-1] + chr(below) + LAST))
        else:
            ranges.append((start, LAST))
    return ranges


def shared_prefix(a: str, b: str) -> int:
    """How many first characters `a` and `b` have in common."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common


# --- several bundles, one search ---------------------------------------------------------

NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)")  # what Pagefind sorts as numbers


def metas(bundle: Path) -> list[tuple[str, Any]]:
    """(language prefix, meta index) of every language in the bundle, read only."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    found = []
    for language in sorted(entry["languages"]):
        meta_hash = str(entry["languages"][language]["hash"])
        meta = read_index_file(bundle / f"pagefind.{meta_hash}.pf_meta")
        found.append((meta_hash.rsplit("_", 1)[0], meta))
    return found


def page_urls(bundle: Path, meta: Any) -> list[str]:
    """The URL of each page of a meta index, by page number (from its fragment)."""
    urls = []
    for page in meta[1]:
        raw = gzip.decompress((bundle / "fragment" / f"{page[0]}.pf_fragment").read_bytes())
        urls.append(str(json.loads(raw[len(PREFIX):])["url"]))
    return urls


def sort_orders(bundles: Sequence[Path],
                values: Mapping[str, Mapping[str, str]]) -> dict[str, list[str]]:
    """Sort name -> the ids (fragment hashes, Pagefind's result ids) of every page of the
    bundles that has a value for it, ascending, as Pagefind compares the values: all numbers
    as numbers, else as strings; equal values by URL. `values`: URL -> {sort name: value},
    as the pages carry them (`data-pagefind-sort`)."""
    ids: dict[str, str] = {}
    for bundle in bundles:
        for _, meta in metas(bundle):
            for page, url in zip(meta[1], page_urls(bundle, meta), strict=True):
                ids[url] = str(page[0])
    names = sorted({name for url in ids for name in values.get(url, {})})
    return {name: [ids[url] for url in _ordered(name, list(ids), values)] for name in names}


def _ordered(name: str, urls: list[str], values: Mapping[str, Mapping[str, str]]) -> list[str]:
    found = [(values[url][name], url) for url in urls if name in values.get(url, {})]
    if all(NUMBER.fullmatch(value) for value, _ in found):
        found.sort(key=lambda f: (float(f[0]), f[1]))
    else:
        found.sort()
    return [url for _, url in found]


def facet_totals(bundles: Sequence[Path]) -> dict[str, dict[str, int]]:
    """Facet -> {value: pages}, summed over the bundles (all languages)."""
    totals: dict[str, dict[str, int]] = {}
    for bundle in bundles:
        for _, meta in metas(bundle):
            for name, filter_hash in meta[3]:
                _, values = read_index_file(bundle / "filter" / f"{filter_hash}.pf_filter")
                counts = totals.setdefault(name, {})
                for value, pages in values:
                    counts[value] = counts.get(value, 0) + len(pages)
    return {name: dict(sorted(counts.items())) for name, counts in sorted(totals.items())}


def pagefind_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1 as hex, each byte without zero padding (`{:x?}`)."""
    return "".join(format(b, "x") for b in hashlib.sha1(data).digest())


def read_index_file(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(PREFIX):
        raise ValueError(f"{path.name} is not a Pagefind index file")
    value, end = cbor_decode(raw, len(PREFIX))
    if end != len(raw):
        raise ValueError(f"{path.name} has trailing bytes")
    return value


def write_index_file(path: Path, body: bytes, level: int = 9) -> None:
    path.write_bytes(gzip.compress(PREFIX + body, compresslevel=level, mtime=0))


# --- the CBOR Pagefind writes (minicbor: definite lengths, shortest heads) -----------------

def cbor_decode(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """One CBOR item from `data` at `pos`: (value, position after it)."""
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR head {head:#x}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major == 2:
        return bytes(data[pos:pos + arg]), pos + arg
    if major == 3:
        return data[pos:pos + arg].decode("utf-8"), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(arg):
            key, pos = cbor_decode(data, pos)
            mapping[key], pos = cbor_decode(data, pos)
        return mapping, pos
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], pos
    raise ValueError(f"unsupported CBOR head {head:#x}")


def _cbor_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def cbor_encode(value: Any) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(
            cbor_encode(k) + cbor_encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")
