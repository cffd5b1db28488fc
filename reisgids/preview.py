"""serve's loaded site: what stays in memory between saves, and the work done after a reload.

A `Preview` is one `reisgids serve` session (also driven by the equivalence tests): the
build cache, the files read so far (`EntryMemo`) and a `Later` worker. Each `rebuild()`
reads only the files that changed, renders only the pages whose fingerprint changed and
writes only the files whose bytes changed (reisgids/incremental.py). What no page needs to
be visible — feeds, open data, sitemap, PDFs, redirects of old addresses — and the Pagefind
index are made afterwards by `Later`, in the background, so the browser can reload first.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil
import threading
from datetime import date
from pathlib import Path
from typing import Any

from reisgids.build import Site, build, load_site
from reisgids.cache import BuildCache
from reisgids.cache_open import open_cache
from reisgids.errors import Diagnostic, Report
from reisgids.fingerprint import Fingerprinter
from reisgids.incremental import Pending
from reisgids.index_process import IndexProcess
from reisgids.later_outputs import KeptOutputs, write_rest
from reisgids.model.document import ContentEntry
from reisgids.out_files import carry_file
from reisgids.plan.replan import KeptPlan
from reisgids.render.outputs import Cancelled
from reisgids.search import INDEX_DIR
from reisgids.source.discover import SourceFile
from reisgids.source.listing import Listing, file_stamp
from reisgids.validate import read_entry


class EntryMemo:
    """read_entry() for `serve`: a file whose size, mtime and inode did not change since it
    was last read is not read, parsed or validated again. The stamps come from serve's
    scan (`listing`) when it has one: no stat per file."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], tuple[tuple[int, int, int], Any]] = {}
        self.reads = 0
        self.listing: Listing | None = None

    def __call__(self, source: SourceFile) -> tuple[ContentEntry | None, list[Diagnostic]]:
        try:
            stamp = file_stamp(str(source.path), source.rel, self.listing)
        except OSError:
            return read_entry(source)
        key = (source.rel, source.kind, source.slug)
        known = self._known.get(key)
        if known is not None and known[0] == stamp:
            entry, problems = known[1]
            return entry, list(problems)
        self.reads += 1
        result = read_entry(source)
        self._known[key] = (stamp, (result[0], tuple(result[1])))
        return result


class Later:
    """serve: after the changed page is visible, in the background, the outputs besides
    pages (`cache.pending`) and then Pagefind when the index lags behind the pages.

    Both give way to a newer save (`give_way()`, as soon as serve notices one): their work
    is for a state that is already gone, and it would share the interpreter and the two
    cores with the rebuild the editor waits for. The outputs stop before the next one is
    made (`Rest.files(cancelled=...)`), Pagefind is ended (reisgids/index_process.py);
    the next reload asks for both again, for the newest state. Only outputs whose inputs
    changed are made (`KeptOutputs`); the open data's JSON keeps each entry's text.

    Pagefind indexes a snapshot of the output (hard links to its HTML), then the new
    `pagefind/` folder is swapped in. `lock` is held by serve around every build, so no
    write or swap meets a build halfway; one thread does the work, one run at a time."""

    def __init__(self, lock: threading.Lock, cache: BuildCache) -> None:
        self.lock, self.cache = lock, cache
        self._wanted: tuple[Path, str] | None = None
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._index: IndexProcess | None = None
        self._fingerprint = Fingerprinter()  # handed on: entries that stay keep their digest
        self._pieces: dict[str, str] = {}  # the open data's JSON per entry record
        self.problems: list[Diagnostic] = []  # of the outputs besides pages (collisions)
        self.index_problems: list[Diagnostic] = []
        self.runs = 0
        self.cancelled = 0  # runs that gave way to a newer save (tests, bench)

    def request(self, out: Path, language: str) -> None:
        with self._guard:
            self._wanted = (out, language)
            self._stop.clear()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="reisgids-later",
                                                daemon=True)
                self._thread.start()

    def give_way(self) -> None:
        """A newer save is coming: stop what is being made for the older state."""
        with self._guard:
            self._stop.set()
            index = self._index
        if index is not None:
            index.stop()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _work(self) -> None:
        while True:
            with self._guard:
                wanted, self._wanted = self._wanted, None
                if wanted is None:
                    return
            out, language = wanted
            pending = self.cache.pending
            if isinstance(pending, Pending) and pending.out == out:
                self._rest(pending)
            if self.cache.index_stale and self.cache.pending is None \
                    and not self._stop.is_set():
                found = self._index_now(out, language)
                if found is not None:
                    self.index_problems = found
            self.runs += 1

    def _rest(self, pending: Pending) -> None:
        def cancelled() -> bool:
            return self._stop.is_set() or self.cache.generation != pending.generation

        fingerprint = Fingerprinter(self._fingerprint)
        kept = KeptOutputs(self.cache, pending.out, pending.theme, fingerprint)
        rest = dataclasses.replace(pending.rest, pieces=self._pieces)
        try:  # outside the lock: the slow part
            files, problems = rest.files(pending.pages, reuse=kept, cancelled=cancelled)
        except Cancelled:
            self.cancelled += 1
            return
        with self.lock:
            if self.cache.generation != pending.generation:
                return  # a newer build left its own
            self._fingerprint = fingerprint
            if write_rest(self.cache, pending.out, files, kept):
                self.cache.index_stale = True
            self.cache.pending = None
            self.problems = problems

    def _index_now(self, out: Path, language: str) -> list[Diagnostic] | None:
        """Pagefind over a snapshot of the pages; None when a newer save stopped it."""
        work = out.parent / f".{out.name}.index"
        snapshot = work / "site"
        shutil.rmtree(work, ignore_errors=True)
        try:
            with self.lock:  # a consistent set of pages
                records = self.cache.previous(out)
                for number, page in enumerate(sorted(out.rglob("*.html"))):
                    if number % 256 == 0 and self._stop.is_set():
                        return None  # 11,000 links take a while; the rebuild waits for them
                    rel = page.relative_to(out)
                    if rel.parts[0] != INDEX_DIR:
                        carry_file(page, snapshot / rel)
            with self._guard:
                if self._stop.is_set():
                    return None
                index = self._index = IndexProcess(snapshot, language, out / INDEX_DIR)
            problems = index.result()
            with self._guard:
                self._index = None
            if problems is None:
                self.cancelled += 1
                return None
            bundle = snapshot / INDEX_DIR
            with self.lock:
                if bundle.is_dir() and out.is_dir():
                    old = out.parent / f".{out.name}.index-old"
                    shutil.rmtree(old, ignore_errors=True)
                    if (out / INDEX_DIR).exists():
                        os.replace(out / INDEX_DIR, old)
                    os.replace(bundle, out / INDEX_DIR)
                    shutil.rmtree(old, ignore_errors=True)
                if self.cache.previous(out) is records and self.cache.pending is None:
                    records[INDEX_DIR] = ["", 0, 0, 0, ""]  # no build since: index current
                    self.cache.index_stale = False
            return problems
        finally:
            shutil.rmtree(work, ignore_errors=True)


class Preview:
    """One serve session of the site at `root`, built into `out`."""

    def __init__(self, root: Path, out: Path, *, freeze: bool = False) -> None:
        self.root, self.out = root, out
        self.freeze = freeze  # serve: see rebuild()
        self.cache: BuildCache = open_cache(root)
        self.entries = EntryMemo()
        self.lock = threading.Lock()
        self.later = Later(self.lock, self.cache)
        self.builds = 0
        self.plan = KeptPlan()  # the entry pages' plan: only pages whose inputs changed

    def rebuild(self, now: date, *, drafts: bool = False, search: bool = True,
                jobs: int = 1, listing: Listing | None = None) -> tuple[Site | None, Report]:
        """Load what changed and bring `out` up to date, except what `Later` does next
        (start it with `after()` once the browser has been told to reload). `listing`:
        serve's latest scan of the folders (serve_watch.take_listing), read instead of
        listing them again."""
        self.later.give_way()  # serve told it already, when it noticed the change
        if self.freeze and self.builds > 0:
            # after the first build (frozen, below) the cyclic collector still ran 3-4 full
            # collections per save at 10,000 entries (0.3-0.5 s CPU), and a collection of
            # what the save made after it (0.1 s), before the browser had the page. A save
            # leaves about 30 objects of cyclic garbage (measured), so the collector waits
            # until the editor paused: serve calls collect() then.
            gc.disable()
        return self._rebuild(now, drafts=drafts, search=search, jobs=jobs, listing=listing)

    def collect(self) -> None:
        """serve, once the editor paused: the cyclic garbage of the saves since the last
        pause, and the collector back on (rebuild() turns it off)."""
        if self.freeze and not gc.isenabled():
            gc.collect()
            gc.enable()

    def _rebuild(self, now: date, *, drafts: bool, search: bool, jobs: int,
                 listing: Listing | None) -> tuple[Site | None, Report]:
        self.entries.listing = listing
        site, report = load_site(self.root, now=now, drafts=drafts, jobs=jobs,
                                 cache=self.cache, read=self.entries, kept=self.plan,
                                 listing=listing)
        if site is not None and not report.has_errors:
            with self.lock:
                report.extend(build(site, self.out, search=search, jobs=jobs, cache=self.cache,
                                    defer_search=True, in_place=True,
                                    defer_rest=True).items)
            self.cache.autosave = False  # saved once; a save per edit would cost time
            self.builds += 1
            if self.freeze and self.builds == 1:
                # the first build leaves millions of objects that stay (parsed entries, kept
                # plan, cache); each full collection of Python's cyclic GC walked them all,
                # 0.7-0.9 s CPU at 10,000 entries, in most saves. Frozen, they are skipped
                # (reference counting still frees them); at most the cyclic garbage among
                # them is kept, once.
                gc.collect()
                gc.freeze()
        return site, report

    def after(self, language: str) -> None:
        """The outputs besides pages and the search index, in the background."""
        if self.cache.pending is not None or self.cache.index_stale:
            self.later.request(self.out, language)
