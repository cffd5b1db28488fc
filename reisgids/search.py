"""Pagefind over the staged folder, so the index always matches the HTML.

`build()` calls `index_site()` on the staged output before the swap. Pagefind (PyPI
`pagefind[bin]`: the binary ships inside the wheel, nothing downloads) reads every HTML file
and indexes only the pages that carry `data-pagefind-body` — the entry pages. The language
of the site picks the stemmer (`nl`: Dutch), facets come from `data-pagefind-filter` and the
date sort from `data-pagefind-sort` (both written by the theme's `search-meta.html`).

How Pagefind is run, and why not through its asyncio Python API (`pagefind.index`): that
API runs the binary in service mode and, on leaving its context, asks it to write the
files and then terminates it at once. The binary writes through tokio's file API, which
hands the bytes to background threads and answers before they reach the disk; under load
the kill lands first and `pagefind-entry.json` (or another file) is left empty — seen
here in about 1 of 12 builds with six builds running side by side. So the same binary
(found by the package's own `pagefind.service.get_executable()`, which also honours
`PAGEFIND_BINARY_PATH`) runs as a plain command, which finishes its writes before it
exits. It runs with a clean environment (no `PAGEFIND_*` settings) in an empty working
folder (no stray `pagefind.yml`), so only the options given here apply.

Three things Pagefind does not do on its own, done here:

- **Only entry pages.** A site without a single entry page has no `data-pagefind-body`
  anywhere, and then Pagefind would index every page whole (navigation and all); its
  command refuses to write an index without pages. Such a site gets no bundle; the search
  page then says search is unavailable and offers the overviews.
- **The same bytes for the same input.** Pagefind 1.5 writes its filter indexes and its
  `pf_meta` from hash maps, so the order of the filters, and of the values inside one
  filter, changes from run to run (upstream issue #638: the fragments are stable since
  1.3, the filter and meta indexes are not). `canonicalize()` decodes those CBOR files,
  sorts them, encodes them again and renames them by Pagefind's own naming rule (language,
  `_`, the start of the SHA-1 of the CBOR), then points `pagefind-entry.json` at the new
  meta file. Nothing else in the bundle is touched.
- **A complete bundle or none.** Every file the meta index names must be there and
  readable; otherwise the bundle is removed and the build reports an error.

Whatever goes wrong becomes a diagnostic, never a traceback.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from reisgids.errors import Diagnostic, Location, Text, error, warning

INDEX_DIR = "pagefind"  # the bundle, at the root of the site: /pagefind/pagefind.js
BODY_MARK = b"data-pagefind-body"
TIMEOUT_SECONDS = 900
PREFIX = b"pagefind_dcd"  # every Pagefind index file: gzip(PREFIX + CBOR or JSON)


def index_site(stage: Path, language: str) -> list[Diagnostic]:
    """Index the entry pages of the staged site into `stage/pagefind/`.

    Returns diagnostics (in both UI languages) instead of raising; on failure no half-made
    bundle is left behind."""
    where = Location(f"{INDEX_DIR}/")
    if not stage.is_dir():
        return [error("search-index", where, Text(
            f"de zoekindex kan niet worden gemaakt: {stage} is geen map",
            f"cannot make the search index: {stage} is not a folder"))]
    out = stage / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)  # Pagefind keeps hashed files that exist already
    pages = entry_pages(stage)
    expected = len(pages)
    if expected == 0:
        return []  # nothing to search; see the module docstring
    try:
        with tempfile.TemporaryDirectory(prefix=".reisgids-index-", dir=stage.parent) as only:
            # Pagefind reads only the pages it indexes (hard links: no copying), not every
            # overview and filter page as well
            for page in pages:
                target = Path(only) / page.relative_to(stage)
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(page, target)
                except OSError:
                    shutil.copyfile(page, target)
            run_pagefind(Path(only), out, language)
        indexed = canonicalize(out)
    except Exception as exc:  # the binary, the OS or a damaged bundle: all are reported
        shutil.rmtree(out, ignore_errors=True)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return [error("search-index", where, Text(
            f"Pagefind kon de zoekindex niet maken: {reason}",
            f"Pagefind could not make the search index: {reason}"),
            hint=Text("bouw zonder zoekfunctie met --no-search, of meld dit als fout",
                      "build without search using --no-search, or report this as a bug"))]
    if indexed != expected:
        return [warning("search-pages", where, Text(
            f"{expected} pagina's hebben zoekbare inhoud, maar de zoekindex bevat er {indexed}",
            f"{expected} pages have searchable content, but the search index holds {indexed}"))]
    return []


def entry_pages(stage: Path) -> list[Path]:
    """The HTML pages Pagefind will index: those with a `data-pagefind-body` element."""
    return [path for path in sorted(stage.rglob("*.html"))
            if path.is_file() and not path.is_symlink()
            and path.relative_to(stage).parts[0] != INDEX_DIR
            and BODY_MARK in path.read_bytes()]


def count_entry_pages(stage: Path) -> int:
    return len(entry_pages(stage))


def run_pagefind(stage: Path, out: Path, language: str) -> None:
    """Run the Pagefind binary of the `pagefind[bin]` wheel over `stage` into `out`."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise RuntimeError("the Pagefind program is missing (pip install 'pagefind[bin]')")
    command = [str(binary), "--site", str(stage.resolve()), "--output-path",
               str(out.resolve()), "--force-language", language, "--silent"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="reisgids-pagefind-") as cwd:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                                timeout=TIMEOUT_SECONDS, check=False)
    if result.returncode != 0:
        lines = (result.stderr + result.stdout).strip().splitlines()
        raise RuntimeError(" ".join(lines[-3:]) or f"exit status {result.returncode}")


# --- deterministic bytes ------------------------------------------------------------------

def canonicalize(bundle: Path) -> int:
    """Sort the filter and meta indexes of every language in the bundle and rename them by
    their content; returns the number of indexed pages."""
    entry_file = bundle / "pagefind-entry.json"
    entry_text = entry_file.read_text(encoding="utf-8")
    entry = json.loads(entry_text)
    pages = 0
    for language in sorted(entry["languages"]):
        info = entry["languages"][language]
        old = str(info["hash"])
        new = canonical_meta(bundle, old)
        if new != old:
            entry_text = entry_text.replace(f'"{old}"', f'"{new}"')
        pages += int(info["page_count"])
    entry_file.write_text(entry_text, encoding="utf-8")
    return pages


def canonical_meta(bundle: Path, meta_hash: str) -> str:
    """Rewrite `pagefind.<meta_hash>.pf_meta` and its filter files; returns the new hash."""
    language = meta_hash.rsplit("_", 1)[0]
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_index_file(meta_file)
    # MetaIndex: [version, pages, index_chunks, filters [[name, hash]], sorts, meta_fields]
    check_complete(bundle, meta)
    filters = []
    taken: set[str] = set()
    for name, old in meta[3]:
        filters.append([name, canonical_filter(bundle, language, old, taken)])
    meta[3] = sorted(filters, key=lambda f: f[0])
    body = cbor_encode(meta)
    new_hash = f"{language}_{pagefind_hash(body)[:len(language) + 8]}"
    meta_file.unlink()
    write_index_file(bundle / f"pagefind.{new_hash}.pf_meta", body)
    return new_hash


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
