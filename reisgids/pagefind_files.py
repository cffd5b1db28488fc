"""The files of a Pagefind bundle, read and rewritten: deterministic bytes, date order across
parts, facet totals.

Pagefind writes its index files as gzip(`pagefind_dcd` + CBOR). reisgids rewrites three
things in them (reisgids/search.py says when):

- `canonicalize()`: Pagefind 1.5 writes its filter indexes and its `pf_meta` from hash
  maps, so the order of the filters, and of the values inside one filter, changes from run
  to run (upstream issue #638). They are decoded, sorted, encoded again and renamed by
  Pagefind's own naming rule (language, `_`, the start of the SHA-1 of the CBOR).
- `rank_sorts()`: a search page that merges several bundles (`mergeIndex`) orders the
  merged results by score, and with a sort (date) a result's score is its position in its
  own bundle's sort list, which says nothing across bundles. Each bundle's sort list is
  written out to the length of the whole site, every page at its rank among all pages and
  the other places filled with a page number the bundle does not have (Pagefind keeps only
  results found in the list, so the filler is never a result). Positions then compare
  across bundles, and the merged order is the site-wide date order.
- `facet_totals()`: how many pages each facet value has, summed over the bundles, so the
  search page can show the facets before it loads any filter index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

PREFIX = b"pagefind_dcd"  # every Pagefind index file: gzip(PREFIX + CBOR or JSON)
ENTRY = "pagefind-entry.json"


# --- deterministic bytes ------------------------------------------------------------------

def canonicalize(bundle: Path) -> int:
    """Sort the filter and meta indexes of every language in the bundle and rename them by
    their content; returns the number of indexed pages."""
    def canonical(language: str, meta: Any) -> None:
        # MetaIndex: [version, pages, index_chunks, filters [[name, hash]], sorts, ...]
        check_complete(bundle, meta)
        taken: set[str] = set()
        filters = [[name, canonical_filter(bundle, language, old, taken)]
                   for name, old in meta[3]]
        meta[3] = sorted(filters, key=lambda f: f[0])

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
    full = f"{language}_{pagefind_hash(body)}"
    length = len(language) + 8
    while full[:length] in taken and length < len(full):  # Pagefind's collision rule
        length += 1
    new = full[:length]
    taken.add(new)
    path.unlink()
    write_index_file(bundle / "filter" / f"{new}.pf_filter", body)
    return new


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


def rank_sorts(bundles: Sequence[Path], values: Mapping[str, Mapping[str, str]]) -> None:
    """Make the sort lists of `bundles` compare across them (see the module docstring).
    `values`: URL -> {sort name: value}, as the pages carry them (`data-pagefind-sort`)."""
    members: dict[str, list[tuple[int, list[str]]]] = {}
    for number, bundle in enumerate(bundles):
        for language, meta in metas(bundle):
            urls = page_urls(bundle, meta)
            for name, order in meta[4]:  # every sorted page must have a value we know
                if any(name not in values.get(urls[i], {}) for i in order if i < len(urls)):
                    raise ValueError(f"no value for the sort '{name}' on a page of {bundle}")
            members.setdefault(language, []).append((number, urls))
    for language, parts in members.items():
        names = sorted({name for _, urls in parts for url in urls for name in values.get(url, {})})
        ranks = {name: _ranks(name, [url for _, urls in parts for url in urls], values)
                 for name in names}

        for number, urls in parts:
            rewrite_metas_of(bundles[number], language, _ranked(names, ranks, urls))


def _ranked(names: list[str], ranks: Mapping[str, Mapping[str, int]],
            urls: list[str]) -> Callable[[str, Any], None]:
    """The change to one bundle's meta index: its sort lists at site-wide positions."""
    def change(prefix: str, meta: Any) -> None:
        sorts = []
        for name in names:
            order = [len(urls)] * len(ranks[name])  # filler: no page of this bundle
            for index, url in enumerate(urls):
                if url in ranks[name]:
                    order[ranks[name][url]] = index
            sorts.append([name, order])
        meta[4] = sorts

    return change


def _ranks(name: str, urls: list[str], values: Mapping[str, Mapping[str, str]]) -> dict[str, int]:
    found = [(values[url][name], url) for url in urls if name in values.get(url, {})]
    if all(NUMBER.fullmatch(value) for value, _ in found):
        found.sort(key=lambda f: (float(f[0]), f[1]))
    else:
        found.sort()
    return {url: rank for rank, (_, url) in enumerate(found)}


def rewrite_metas_of(bundle: Path, language: str, change: Callable[[str, Any], None]) -> None:
    rewrite_metas(bundle, lambda prefix, meta: change(prefix, meta) if prefix == language
                  else None)


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


def write_index_file(path: Path, body: bytes) -> None:
    path.write_bytes(gzip.compress(PREFIX + body, compresslevel=9, mtime=0))


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
