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

What Pagefind does not do on its own, done here:

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
  meta file (reisgids/pagefind_files.py). It also cuts the word index into smaller chunks
  than Pagefind's, so a first query loads less.
- **A complete bundle or none.** Every file the meta index names must be there and
  readable; otherwise the bundle is removed and the build reports an error.

- **Bounded memory.** Pagefind holds every page it indexes in memory several times over
  (about 170 KiB per entry page; 1.7 GiB at 10,000). So the entry pages are split into parts
  of at most about `PART_SIZE` pages, each indexed by its own Pagefind run into its own
  bundle: the first at `pagefind/`, the others at `pagefind/deel-2/`, ... A page's part is
  fixed by a hash of its path (not by its place in a list), so adding, editing or removing
  an entry changes one part, and a part whose pages are all byte-for-byte the same as last
  time is carried over from the previous output (hard links) instead of indexed again.
  `pagefind/parts.json` lists the bundles, what each indexed (a digest) and the facet
  totals; the search page loads the first bundle and merges the others (`mergeIndex`: one
  WebAssembly for all). Each part's Pagefind run reads a folder of hard links to that part's
  pages only, also when there is one part: reading the staged site itself saved the folder's
  mkdirs and rmdirs but made Pagefind parse every other page, no gain measured
  (docs/speed.md). When every page of a part holds all Pagefind takes inside its
  `data-pagefind-body` element, Pagefind reads only that element (`--root-selector`,
  reisgids/search_root.py): a tenth less CPU, the same bundle. And `reisgids build` makes a
  big site's index after the process that built the site has ended, so that reisgids holds
  little beside Pagefind (cli.py, `index_apart`).

- **The date order apart.** The sort lists are dropped from the meta indexes (loaded
  before any query; see reisgids/pagefind_files.py) and the site-wide order of the pages,
  by the values of their `data-pagefind-sort`, is written to `pagefind/volgorde.json`
  (`{"datum": [page id, ...]}`, oldest first). The search page loads it only when a reader
  sorts, and orders the results itself; with several parts this is also the one order
  that runs across them (Pagefind orders merged results by score).

Whatever goes wrong becomes a diagnostic, never a traceback.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from reisgids import __version__
from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.html_elements import BODY_MARK
from reisgids.pagefind_files import (
    ENTRY,
    PREFIX,
    canonicalize,
    cbor_decode,
    cbor_encode,
    facet_totals,
    metas,
    page_urls,
    pagefind_hash,
    read_index_file,
    sort_orders,
)
from reisgids.search_pages import WORDS_URL, page_url, page_words, sort_values, words_page
from reisgids.search_root import ROOT_SELECTOR, reads_alone

__all__ = [
    "PREFIX",
    "canonicalize",
    "cbor_decode",
    "cbor_encode",
    "entry_pages",
    "index_site",
    "pagefind_hash",
    "read_index_file",
    "run_pagefind",
]

INDEX_DIR = "pagefind"  # the bundle, at the root of the site: /pagefind/pagefind.js
PARTS_FILE = "parts.json"  # in INDEX_DIR: the bundles, their digests, the facet totals
ORDER_FILE = "volgorde.json"  # in INDEX_DIR: sort name -> page ids, loaded when sorting
PART_FOLDER = "deel-"  # the second and later bundles: pagefind/deel-2/, ...
PART_SIZE = 3500  # entry pages per Pagefind run, about: ~590 MiB (docs/speed.md)
TIMEOUT_SECONDS = 900
FORMAT = "reisgids-search-parts-2"  # what a part's digest promises; change with the layout
SECONDARY_KEEP = (ENTRY, ".pf_meta")  # a merged bundle needs no code of its own


def index_site(stage: Path, language: str, previous: Path | None = None,
               part_size: int | None = None) -> list[Diagnostic]:
    """Index the entry pages of the staged site into `stage/pagefind/`.

    `previous`: the bundle of the output being replaced; its parts whose pages did not
    change are carried over instead of indexed again (a bundle already at `stage/pagefind/`
    serves as the previous one when none is given). Returns diagnostics (in both UI
    languages) instead of raising; on failure no half-made bundle is left behind."""
    where = Location(f"{INDEX_DIR}/")
    if not stage.is_dir():
        return [error("search-index", where, Text(
            f"de zoekindex kan niet worden gemaakt: {stage} is geen map",
            f"cannot make the search index: {stage} is not a folder"))]
    out = stage / INDEX_DIR
    try:
        with tempfile.TemporaryDirectory(prefix=".reisgids-index-", dir=stage.parent) as work:
            if out.exists() or out.is_symlink():  # in place (serve): the old one is previous
                if previous is None and out.is_dir() and not out.is_symlink():
                    previous = Path(work) / "previous"
                    os.replace(out, previous)
                else:
                    _remove(out)
            sorts: dict[str, dict[str, str]] = {}
            alone: set[str] = set()
            pages = _entry_files(stage, sorts, alone)
            if not pages:
                return []  # nothing to search; see the module docstring
            indexed = _index_parts(stage, pages, sorts, language, previous, Path(work),
                                   part_size or PART_SIZE, alone)
    except Exception as exc:  # the binary, the OS or a damaged bundle: all are reported
        _remove(out)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return [error("search-index", where, Text(
            f"Pagefind kon de zoekindex niet maken: {reason}",
            f"Pagefind could not make the search index: {reason}"),
            hint=Text("bouw zonder zoekfunctie met --no-search, of meld dit als fout",
                      "build without search using --no-search, or report this as a bug"))]
    expected = len(pages)
    if indexed != expected:
        return [warning("search-pages", where, Text(
            f"{expected} pagina's hebben zoekbare inhoud, maar de zoekindex bevat er {indexed}",
            f"{expected} pages have searchable content, but the search index holds {indexed}"))]
    return []


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def entry_pages(stage: Path) -> list[Path]:
    """The HTML pages Pagefind will index: those with a `data-pagefind-body` element."""
    return [stage / rel for rel in _entry_files(stage)]


def _entry_files(stage: Path, sorts: dict[str, dict[str, str]] | None = None,
                 alone: set[str] | None = None) -> dict[str, str]:
    """path -> SHA-256 of its bytes, of every page to index; the bytes themselves are not
    kept (150 MB at 10,000 entries). While the bytes are at hand: `sorts`, if given, gets
    URL -> sort values; `alone`, if given, receives the pages Pagefind may read by their
    body element alone (search_root.py)."""
    found = {}
    for path in sorted(stage.rglob("*.html")):
        rel = path.relative_to(stage)
        if path.is_file() and not path.is_symlink() and rel.parts[0] != INDEX_DIR:
            data = path.read_bytes()
            if BODY_MARK in data:
                found[rel.as_posix()] = hashlib.sha256(data).hexdigest()
                if sorts is not None:
                    sorts[page_url(rel.as_posix())] = sort_values(data)
                if alone is not None and reads_alone(data):
                    alone.add(rel.as_posix())
    return found


def count_entry_pages(stage: Path) -> int:
    return len(_entry_files(stage))


# --- parts --------------------------------------------------------------------------------

def assign_parts(rels: Sequence[str], part_size: int) -> list[list[str]]:
    """Split the pages into ceil(n / part_size) parts by a hash of each path: a page stays
    in its part while the number of parts stays the same. Empty parts are left out."""
    count = max(1, math.ceil(len(rels) / max(1, part_size)))
    parts: list[list[str]] = [[] for _ in range(count)]
    for rel in sorted(rels):
        parts[int(hashlib.sha256(rel.encode("utf-8")).hexdigest()[:12], 16) % count].append(rel)
    return [part for part in parts if part]


def part_digest(pages: Mapping[str, str], part: Sequence[str], language: str,
                count: int, first: bool, words: bytes) -> str:
    """What a part's bundle is made from: its pages' paths and bytes, and what else shapes
    the bundle (Pagefind's and reisgids' versions, the language, the number of parts,
    whether it is the first bundle, which alone keeps Pagefind's code; the site's words)."""
    try:
        pagefind_version = importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        pagefind_version = "?"
    digest = hashlib.sha256(json.dumps(
        [FORMAT, __version__, pagefind_version, language, count, first]).encode("utf-8"))
    digest.update(hashlib.sha256(words).digest())
    for rel in sorted(part):
        digest.update(f"\n{rel}\n{pages[rel]}".encode())
    return digest.hexdigest()


def folder_of(number: int) -> str:
    return "" if number == 0 else f"{PART_FOLDER}{number + 1}/"


def _previous_parts(previous: Path | None) -> dict[str, tuple[Path, str]]:
    """digest -> (bundle folder, id of its words page) of the previous output's parts."""
    if previous is None:
        return {}
    try:
        listed = json.loads((previous / PARTS_FILE).read_text(encoding="utf-8"))
        found = {}
        for item in listed["bundles"]:
            folder = previous / str(item["path"])
            inside = folder.resolve().is_relative_to(previous.resolve())
            if inside and (folder / ENTRY).is_file() and not folder.is_symlink():
                found[str(item["pages"])] = (folder, str(item.get("words", "")))
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no list, or not one we wrote: index every part


def _index_parts(stage: Path, pages: Mapping[str, str], sorts: Mapping[str, Mapping[str, str]],
                 language: str, previous: Path | None, work: Path, part_size: int,
                 alone: set[str]) -> int:
    """Index (or carry over) every part into `stage/pagefind/`; returns the indexed pages.
    `sorts`: URL -> the page's sort values; `alone`: the pages Pagefind may read by their
    body element alone (search_root.py)."""
    parts = assign_parts(list(pages), part_size)
    words = b""
    if len(parts) > 1:  # see reisgids/search_pages.py
        vocabulary: set[str] = set()
        for rel in pages:
            vocabulary |= page_words((stage / rel).read_bytes())
        words = words_page(vocabulary, language)
    carried = _previous_parts(previous)
    out = stage / INDEX_DIR
    listed: list[dict[str, str]] = []
    made_parts: list[tuple[Path, Future[str] | str]] = []
    # Pagefind runs one part at a time (memory, docs/speed.md); the Python work after each
    # run (removing its folder of links, rewriting the bundle) goes on in a thread while
    # the next run goes on, instead of leaving a CPU idle in between
    with ThreadPoolExecutor(max_workers=1) as after:
        for number, part in enumerate(parts):
            digest = part_digest(pages, part, language, len(parts), number == 0, words)
            made = work / f"part-{number + 1}"
            source, carried_id = carried.get(digest, (None, ""))
            if source is not None and _carry(source, made):
                made_parts.append((made, carried_id))
            else:
                shutil.rmtree(made, ignore_errors=True)
                only = _run_part(stage, part, made, language, words,
                                 alone=alone.issuperset(part)
                                 and (not words or reads_alone(words)),
                                 whole=len(parts) == 1)
                made_parts.append((made, after.submit(_after_run, only, made, bool(words),
                                                      secondary=number > 0)))
            item = {"path": folder_of(number), "pages": digest}
            listed.append(item)
        bundles: list[Path] = []
        indexed = 0
        for number, ((made, running), item) in enumerate(zip(made_parts, listed, strict=True)):
            words_id = running.result() if isinstance(running, Future) else running
            indexed += _page_count(made) - (1 if words else 0)
            target = out / folder_of(number)
            _move_into(made, target)
            bundles.append(target)
            if words:
                item["words"] = words_id
    _write_json(out / ORDER_FILE, sort_orders(bundles, sorts))
    _write_json(out / PARTS_FILE, {"bundles": listed, "facets": facet_totals(bundles)})
    return indexed


def _write_json(path: Path, value: object) -> None:
    path.unlink(missing_ok=True)  # carried files are hard links: replaced, not written into
    path.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True,
                               separators=(",", ":")) + "\n", encoding="utf-8")


def _run_part(stage: Path, part: Sequence[str], made: Path, language: str, words: bytes, *,
              alone: bool = False, whole: bool = False) -> Path | None:
    """Index one part into `made`; returns the folder of links Pagefind read, which
    _after_run() removes. `alone`: every page of the part, the words page too, may be read
    by its body element alone (search_root.py); `whole`: the part is every page to index
    (and so has no words page)."""
    if alone and whole:
        # the only part: Pagefind reads the stage itself, and only the body element, which
        # the other pages lack, so it takes exactly these pages (the same bundle, without
        # a folder of a link per page made and removed: ~0.2 s at 1,000 pages)
        run_pagefind(stage, made, language, root_selector=ROOT_SELECTOR)
        return None
    only = Path(tempfile.mkdtemp(prefix=".reisgids-part-", dir=made.parent))
    try:
        # Pagefind reads only the pages of this part (hard links: no copying)
        for rel in part:
            target = only / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(stage / rel, target)
            except OSError:
                shutil.copyfile(stage / rel, target)
        if words:
            hidden = only / WORDS_URL.strip("/") / "index.html"
            hidden.parent.mkdir(parents=True, exist_ok=True)
            hidden.write_bytes(words)
        run_pagefind(only, made, language, root_selector=ROOT_SELECTOR if alone else None)
    except BaseException:
        shutil.rmtree(only, ignore_errors=True)
        raise
    return only


def _after_run(only: Path | None, made: Path, words: bool, *, secondary: bool) -> str:
    """The bundle of one Pagefind run as reisgids publishes it; returns the id (fragment)
    of its words page, if any."""
    if only is not None:
        shutil.rmtree(only, ignore_errors=True)
    canonicalize(made)
    if secondary:  # merged into the first: only its index files are read
        for path in made.iterdir():
            if path.is_file() and not path.name.endswith(SECONDARY_KEEP):
                path.unlink()
    if not words:
        return ""
    for _, meta in metas(made):
        for page, url in zip(meta[1], page_urls(made, meta), strict=True):
            if url == WORDS_URL:
                return str(page[0])
    raise ValueError("the words page of a search part is missing")


def _carry(source: Path, made: Path) -> bool:
    """Hard-link a previous part's bundle (without the parts nested in the first) to
    `made`; False when that fails half-way (the part is then indexed again)."""
    try:
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if rel.parts[0].startswith(PART_FOLDER) or rel.as_posix() in (PARTS_FILE, ORDER_FILE):
                continue
            if path.is_file() and not path.is_symlink():
                target = made / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, target)
                except OSError:
                    shutil.copyfile(path, target)
        return (made / ENTRY).is_file()
    except OSError:
        return False


def _move_into(made: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        os.replace(made, target)
        return
    for path in made.iterdir():  # the first part: its folder already holds the others
        os.replace(path, target / path.name)


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    return sum(int(info["page_count"]) for info in entry["languages"].values())


def run_pagefind(stage: Path, out: Path, language: str, root_selector: str | None = None
                 ) -> None:
    """Run the Pagefind binary of the `pagefind[bin]` wheel over `stage` into `out`;
    `root_selector`: the one element of each page it reads (search_root.py)."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise RuntimeError("the Pagefind program is missing (pip install 'pagefind[bin]')")
    command = [str(binary), "--site", str(stage.resolve()), "--output-path",
               str(out.resolve()), "--force-language", language, "--silent",
               *(["--root-selector", root_selector] if root_selector else [])]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="reisgids-pagefind-") as cwd:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                                timeout=TIMEOUT_SECONDS, check=False)
    if result.returncode != 0:
        lines = (result.stderr + result.stdout).strip().splitlines()
        raise RuntimeError(" ".join(lines[-3:]) or f"exit status {result.returncode}")


