"""Rebuilds that do no needless work: the build cache put to use in one build.

`cache_open.open_cache()` loads the site's cache (reisgids/cache.py). During `build()`, an
`Incremental` decides which pages need rendering (their fingerprint changed) and stages
the output: every file whose bytes are the same as in the previous output is hard-linked
from there (copied where links cannot be made) instead of written, and Pagefind is skipped
when no HTML file changed (the previous `pagefind/` folder is carried over). After the swap
it records what the output now holds and saves the cache.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from reisgids.cache import BuildCache, content_hash, theme_namespace
from reisgids.config import SiteConfig
from reisgids.editor.admin import admin_files
from reisgids.errors import Diagnostic
from reisgids.fingerprint import Fingerprinter, Unstable
from reisgids.graph.urls import JSON_URL
from reisgids.out_files import (
    carry_file,
    link_or_copy,
    made_key,
    made_with,
    prune,
    same_file,
    stamp,
    static_sources,
    sweep,
    write_new,
)
from reisgids.outfolder import MARKER, MARKER_TEXT
from reisgids.plan.page import Page
from reisgids.render.opendata import earlier_pieces
from reisgids.render.outputs import OPEN_DATA_JSON, Rest
from reisgids.render.site import Staged
from reisgids.render.theme import Theme, environment
from reisgids.search import INDEX_DIR, index_site
from reisgids.write import Stage


@dataclass(frozen=True)
class Pending:
    """serve: the outputs besides pages that a build left to be made after the changed page
    is visible (reisgids/preview.py makes them, later_outputs.write_rest writes them)."""

    out: Path
    rest: Rest
    pages: dict[str, bytes]  # the page paths (they are never replaced; bytes left out)
    generation: int
    theme: str  # the theme's key, part of each output's key (Incremental._made_key)


# carried paths, content hashes and cache keys of files (Incremental.notes)
Notes = tuple[frozenset[str], dict[str, str], dict[str, str]]


@dataclass(frozen=True)
class Unfinished:
    """What index() and finish() need of a build that staged its output in another process
    (cli.py: a big site is indexed by a process that does not hold the site)."""

    hashes: dict[str, str]
    page_keys: dict[str, str]
    pages_as_indexed: bool
    open_data: list[str] | None  # the open data's record digests, when it was made


class Incremental:
    """One build's use of the cache, for the output folder `out`."""

    def __init__(self, cache: BuildCache, root: Path, out: Path) -> None:
        self.cache, self.root, self.out = cache, root, out
        self._out_text = str(out)  # carry(): a plain string path per page, 11,000 per save
        self.previous = cache.previous(out)
        cache.generation += 1
        cache.pending = None  # an older build's later work is out of date now
        self.deferred = False  # the outputs besides pages are made later (serve)
        self.carried: set[str] = set()  # pages not rendered: taken from the previous output
        self.page_keys: dict[str, str] = {}
        self.hashes: dict[str, str] = {}
        self.linked = self.written = 0
        self.search_skipped = False
        self._pages_as_indexed = False  # stage(): no page differs from the indexed output
        self._fingerprint = Fingerprinter()
        self._site: tuple[object, str] | None = None
        self._theme = ""
        # serve: per page path, the planned Page and its fingerprint; a page whose plan was
        # kept (plan/replan.py: the same object) under the same site view keeps its key
        self._memo_name = "page-keys:" + str(out.resolve())
        kept = cache.derived.get(self._memo_name)
        self._old_keys: tuple[str, dict[str, tuple[Page, str]]] = kept or ("", {})
        self._new_keys: dict[str, tuple[Page, str]] = {}
        self._made_keys: dict[str, tuple[object, str | None]] = {}
        # serve (update_in_place): files found as their record says and not written since;
        # finish() keeps those records instead of a stat per file
        self._as_recorded: set[str] = set()
        # a build: the open data's JSON per entry record, filled from the previous file
        # when the open data is made again (carry_made)
        self._pieces: dict[str, str] | None = None

    def unfinished(self) -> Unfinished:
        """After stage(): what Incremental.resume() needs in the process that goes on."""
        return Unfinished(self.hashes, self.page_keys, self._pages_as_indexed,
                          self.cache.open_data.get(str(self.out.resolve())))

    @classmethod
    def resume(cls, cache: BuildCache, root: Path, out: Path,
               unfinished: Unfinished) -> Incremental:
        """The Incremental of a build whose stage() ran in another process, for index() and
        finish(); `cache` holds the outputs as they were before that build."""
        run = cls(cache, root, out)
        run.hashes, run.page_keys = unfinished.hashes, unfinished.page_keys
        run._pages_as_indexed = unfinished.pages_as_indexed
        if unfinished.open_data is not None:
            cache.open_data[str(out.resolve())] = unfinished.open_data
        return run

    def notes(self) -> Notes:
        """What this run knows of carried and made files, to compare against (notes_since)."""
        return frozenset(self.carried), dict(self.hashes), dict(self.page_keys)

    def notes_since(self, mark: Notes) -> Notes:
        """What was noted after `mark`: a forked process (build.admin_ahead) hands it back."""
        _, hashes, keys = mark
        return (frozenset(self.carried - mark[0]),
                {k: v for k, v in self.hashes.items() if hashes.get(k) != v},
                {k: v for k, v in self.page_keys.items() if keys.get(k) != v})

    def take_notes(self, notes: Notes) -> None:
        """Note what notes_since() gave, here (taking the same notes twice changes nothing)."""
        self.carried |= notes[0]
        self.hashes.update(notes[1])
        self.page_keys.update(notes[2])

    def environment(self, theme: Theme) -> jinja2.Environment:
        """The theme's Jinja environment, kept while the theme's files stay the same (serve
        would otherwise compile every template again on every save)."""
        folders = [d.parent for d in theme.template_dirs] + list(theme.static_dirs)
        files = [p for d in folders for p in d.rglob("*") if p.is_file() and not p.is_symlink()]
        self._theme = theme_namespace(json.dumps(theme.strings, sort_keys=True), files)
        kept = self.cache.jinja
        if kept is not None and kept[0] == self._theme:
            return kept[1]
        env = environment(theme)
        self.cache.jinja = (self._theme, env)
        return env

    def outputs(self, rest: Rest, pages: Mapping[str, bytes], *, defer: bool
                ) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """The outputs besides pages, now; or, with `defer` (serve) and a previous output in
        place, none yet: `cache.pending` says what preview.Later makes after the reload."""
        folder = str(self.out.resolve())
        if defer and folder in self.cache.rest_paths and self.previous:
            self.deferred = True
            self.cache.pending = Pending(self.out, rest, dict.fromkeys(pages, b""),
                                         self.cache.generation, self._theme)
            return {}, []
        if rest.pieces is None:  # a build (serve keeps its own between saves)
            self._pieces = {}
            rest = dataclasses.replace(rest, pieces=self._pieces)
        more, problems = rest.files(pages, reuse=self)
        self.cache.rest_paths[folder] = set(more)
        if self._pieces is not None and more.get(JSON_URL.lstrip("/")):  # made, not carried
            self.cache.open_data[folder] = list(self._pieces)
        self._pieces = None  # 40 MB at 10,000 entries: gone before Pagefind runs
        return more, problems

    def _earlier_pieces(self) -> dict[str, str]:
        """The JSON of each entry record in the previous open data file, by the record's
        digest, when that file is still the one written (a 1,000-entry file is 4 MB: its
        indented JSON, written in Python, was most of a rebuild's outputs)."""
        rel = JSON_URL.lstrip("/")
        record = self.previous.get(rel)
        digests = self.cache.open_data.get(str(self.out.resolve()))
        if record is None or not digests or not same_file(self.out / rel, record):
            return {}
        try:
            text = (self.out / rel).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        return earlier_pieces(text, digests)

    def _made_key(self, name: str, inputs: tuple[object, ...]) -> str | None:
        known = self._made_keys.get(name)
        if known is not None and known[0] is inputs:
            return known[1]
        key = made_key(self._fingerprint, self._theme, name, inputs)
        self._made_keys[name] = (inputs, key)
        return key

    def carry_made(self, name: str, inputs: tuple[object, ...]) -> list[str] | None:
        """render.outputs.Reuse: the files `name` made in the previous build into this
        folder from the same inputs (its key is kept in each file's record), carried over
        when every one of them is still as it was written. When it returns None the caller
        makes the output: the open data is then handed the previous file's pieces."""
        key = self._made_key(name, inputs)
        paths = made_with(self.out, self.previous, key) if key is not None else None
        if key is None or paths is None:
            if name == OPEN_DATA_JSON and self._pieces is not None:
                self._pieces.update(self._earlier_pieces())
            return None
        for rel in paths:
            self.carried.add(rel)
            self.hashes[rel] = self.previous[rel][0]
            self.page_keys[rel] = key
        return paths

    def made(self, name: str, inputs: tuple[object, ...], paths: Collection[str]) -> None:
        key = self._made_key(name, inputs)
        if key is not None:
            self.page_keys.update(dict.fromkeys(paths, key))

    def admin_files(self, config: SiteConfig) -> dict[str, bytes]:
        """The editor's admin/ files, made again only when reisgids.yml says something else
        (dumping Decap's YAML config took a quarter of a serve rebuild)."""
        key = config.model_dump_json()
        kept = self.cache.derived.get("admin")
        if kept is not None and kept[0] == key:
            return dict(kept[1])
        inputs = (key,)  # a build: carried from the previous output when the config is the same
        carried = self.carry_made("admin", inputs)
        if carried is not None:
            return dict.fromkeys(carried, b"")
        files = admin_files(config)
        self.made("admin", inputs, list(files))
        self.cache.derived["admin"] = (key, files)
        return dict(files)

    def decide(self, path: str, page: Page, site: object) -> tuple[bool, str | None]:
        """render.site.PageReuse: whether the previous output's file for `path` can be carried
        over, and the page's key. May run in a pool's worker: it keeps nothing but the
        fingerprints' memo (the site view's key is taken before the pool forks, by the first
        page of each template)."""
        try:
            if self._site is None or self._site[0] is not site:
                self._site = (site, self._fingerprint(self._theme, site))
                self.cache.derived[self._memo_name] = (self._site[1], self._new_keys)
            known = self._old_keys[1].get(path) if self._old_keys[0] == self._site[1] else None
            key = known[1] if known is not None and known[0] is page \
                else self._fingerprint(self._site[1], page)
        except Unstable:
            return False, None
        record = self.previous.get(path)
        return (record is not None and record[4] == key
                and same_file(os.path.join(self._out_text, path), record)), key

    def note(self, path: str, page: Page, carried: bool, key: str | None) -> None:
        """render.site.PageReuse: what decide() said, noted in this process."""
        if key is not None:
            self._new_keys[path] = (page, key)
            self.page_keys[path] = key
        if carried:
            self.carried.add(path)
            self.hashes[path] = self.previous[path][0]
        else:
            self.cache.rendered_pages += 1

    def link_same(self, target: Path, rel: str, digest: str) -> bool:
        """Hard-link `target` to the previous output's `rel` when that file holds the bytes
        of `digest` (stage(); the pool's workers, stage_pages.StagePages)."""
        record = self.previous.get(rel)
        if record is not None and record[0] == digest and same_file(self.out / rel, record):
            link_or_copy(self.out / rel, target)
            return True
        return False

    def stage(self, stage: Path, files: Mapping[str, bytes],
              staged: Mapping[str, Staged] | None = None) -> None:
        """Put `files` into `stage`, linking what did not change. index() comes after: the
        build lets go of the files' bytes in between (memory.py). `staged`: the pages the
        pool's workers wrote there already (stage_pages.py), only noted here."""
        changed_html = False
        staged = staged or {}
        for rel, page in staged.items():
            self.hashes[rel] = page.digest
            if page.linked:
                self.linked += 1
            else:
                self.written += 1
                changed_html = changed_html or rel.endswith(".html")
        into = Stage(stage)
        made: set[Path] = set()  # folders made: one mkdir each, not one per file
        for rel in sorted(files):
            if rel in staged:
                continue
            target = into.target(rel)  # proven inside the stage
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if rel in self.carried:
                link_or_copy(self.out / rel, target)
                self.linked += 1
                continue
            digest = self.hashes[rel] = content_hash(files[rel])
            if self.link_same(target, rel, digest):
                self.linked += 1
                continue
            changed_html = changed_html or rel.endswith(".html")
            target.write_bytes(files[rel])
            self.written += 1
        old_html = {p for p in self.previous if p.endswith(".html")}
        new_html = {p for p in files if p.endswith(".html")}
        self._pages_as_indexed = not changed_html and old_html == new_html \
            and bool(self.previous.get(INDEX_DIR))
        # every key is made by now: the digests' memo (~14 MiB at 10,000 entries) goes
        # before Pagefind runs beside this process
        self._fingerprint = Fingerprinter()

    def index(self, stage: Path, *, language: str, defer_search: bool = False
              ) -> list[Diagnostic]:
        """After stage(): the search index of `stage`, carried from the previous output when
        no page changed, else made.

        `defer_search` (serve): carry the previous index even when pages changed, and leave
        `cache.index_stale` set for an IndexLater to bring it up to date."""
        previous_index = self.out / INDEX_DIR
        current = self._pages_as_indexed
        self.cache.index_stale = not current
        if (current or defer_search) and (previous_index / "pagefind-entry.json").is_file():
            for source in sorted(previous_index.rglob("*")):
                if source.is_file() and not source.is_symlink():
                    carry_file(source, stage / INDEX_DIR / source.relative_to(previous_index))
            self.search_skipped = True
            return []
        self.cache.index_stale = False
        return index_site(stage, language, previous=previous_index)

    def update_in_place(self, files: Mapping[str, bytes], static: Sequence[tuple[Path, str]],
                        *, search: bool, language: str, defer_search: bool) -> list[Diagnostic]:
        """serve: bring `out` up to date by writing only the files that changed and
        removing those that went. No staging folder: serve answers requests on the thread
        that builds, so no request sees a half-updated folder."""
        out = self.out
        out.mkdir(parents=True, exist_ok=True)
        wanted: set[str] = {MARKER}  # reisgids' mark on its own output, as a full build has it
        # the outputs besides pages stay until preview.Later replaces them
        kept = self.cache.rest_paths.get(str(out.resolve()), set()) if self.deferred else set()
        wanted |= kept
        if not (out / MARKER).is_file():
            write_new(out / MARKER, MARKER_TEXT)
        changed_html = False
        for rel in sorted(files):
            wanted.add(rel)
            if rel in self.carried:  # checked against its record by carry()/carry_made()
                self._as_recorded.add(rel)
                continue
            digest = self.hashes[rel] = content_hash(files[rel])
            record = self.previous.get(rel)
            if record is not None and record[0] == digest and same_file(out / rel, record):
                self._as_recorded.add(rel)
                continue
            write_new(Stage(out).target(rel), files[rel])
            self.written += 1
            changed_html = changed_html or rel.endswith(".html")
        # static files: read again only when the source or the copy is not the one seen
        folder = "static:" + str(out.resolve())
        seen: dict[str, tuple[list[int], list[int]]] = (
            self.cache.derived[folder][1] if folder in self.cache.derived else {})
        copied: dict[str, tuple[list[int], list[int]]] = {}
        for rel, source in sorted(static_sources(static).items()):
            wanted.add(rel)
            target = out / rel
            before = seen.get(rel)
            if before is not None and stamp(source) == before[0] \
                    and stamp(target) == before[1] and not target.is_symlink():
                copied[rel] = before
                continue
            data = source.read_bytes()
            if target.is_symlink() or not target.is_file() or target.read_bytes() != data:
                write_new(target, data)
            copied[rel] = (stamp(source), stamp(target))
        if folder in self.cache.derived:  # this session wrote the folder: only its own files go
            gone = (set(self.previous) | set(seen)) - wanted - {INDEX_DIR}
            for rel in sorted(gone):
                (out / rel).unlink(missing_ok=True)
                changed_html = changed_html or rel.endswith(".html")
                prune(out, (out / rel).parent)
        else:  # the first build into it: whatever else lies there goes
            changed_html = sweep(out, wanted) or changed_html
        self.cache.derived[folder] = ("", copied)
        old_html = {p for p in self.previous if p.endswith(".html")}
        new_html = {p for p in (*files, *kept) if p.endswith(".html")}
        current = not changed_html and old_html == new_html and bool(self.previous.get(INDEX_DIR))
        self.cache.index_stale = False
        if not search:
            shutil.rmtree(out / INDEX_DIR, ignore_errors=True)
            return []
        if (current or defer_search) and (out / INDEX_DIR / "pagefind-entry.json").is_file():
            self.cache.index_stale = not current
            return []
        return index_site(out, language)

    def finish(self, *, indexed: bool) -> None:
        """After the swap: what `out` holds now, for the next build; save the cache."""
        records: dict[str, list[Any]] = {}
        for rel, digest in self.hashes.items():
            old = self.previous.get(rel) if rel in self._as_recorded else None
            if old is not None and old[0] == digest:  # serve: checked moments ago
                records[rel] = [*old[:4], self.page_keys.get(rel, "")]
                continue
            try:
                st = (self.out / rel).stat()
            except OSError:
                continue
            records[rel] = [digest, st.st_size, st.st_mtime_ns, st.st_ino,
                            self.page_keys.get(rel, "")]
        if self.deferred:  # kept as they were until preview.Later replaces them
            for rel in self.cache.rest_paths.get(str(self.out.resolve()), set()):
                if rel in self.previous:
                    records[rel] = self.previous[rel]
        if indexed and not self.cache.index_stale:
            records[INDEX_DIR] = ["", 0, 0, 0, ""]  # the bundle matches these pages
        unchanged = self.cache.unchanged_since_load(self.out, records)
        self.cache.remember(self.out, records)
        self.cache.dirty = self.cache.dirty or not unchanged
        if self.cache.autosave and not unchanged:  # a no-change build writes nothing at all
            self.cache.save(self.root)
