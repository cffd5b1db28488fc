"""Rebuilds that do no needless work: the build cache put to use in one build.

`open_cache()` loads the site's cache (reisgids/cache.py). During `build()`, an
`Incremental` decides which pages need rendering (their fingerprint changed) and stages
the output: every file whose bytes are the same as in the previous output is hard-linked
from there (copied where links cannot be made) instead of written, and Pagefind is skipped
when no HTML file changed (the previous `pagefind/` folder is carried over). After the swap
it records what the output now holds and saves the cache.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from reisgids import __version__
from reisgids.cache import BuildCache, content_hash, load, theme_namespace
from reisgids.config import SiteConfig
from reisgids.editor.admin import admin_files
from reisgids.errors import Diagnostic
from reisgids.fingerprint import Fingerprinter, Unstable
from reisgids.model.document import ContentEntry
from reisgids.outfolder import MARKER, MARKER_TEXT
from reisgids.render.plan import Page
from reisgids.render.theme import BUILTIN_THEMES, Theme, environment
from reisgids.search import INDEX_DIR, index_site
from reisgids.source.discover import SourceFile
from reisgids.validate import read_entry
from reisgids.write import Stage

LIBRARIES = ("markdown", "pymdown-extensions", "nh3", "jinja2", "markupsafe", "pagefind")


def _versions() -> list[str]:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return found


def _theme_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in (root / "themes", BUILTIN_THEMES):
        if folder.is_dir():
            files += [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return files


def open_cache(root: Path) -> BuildCache:
    """The site's cache, or an empty one when it is missing, foreign or out of date."""
    namespace = theme_namespace(__version__, _theme_files(root), _versions())
    return load(root, namespace)


def _same_file(path: Path, record: list[Any]) -> bool:
    """The file is still the one the record describes (size, mtime, inode)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return [st.st_size, st.st_mtime_ns, st.st_ino] == record[1:4]


def static_sources(static: Sequence[tuple[Path, str]]) -> dict[str, Path]:
    """Output path -> source file of the static folders, as write.copy_tree copies them
    (later folders override earlier ones; links and hidden files are left out)."""
    found: dict[str, Path] = {}
    for source, prefix in static:
        if not source.is_dir():
            continue
        for path in sorted(source.rglob("*")):
            if path.is_symlink() or not path.is_file() or path.name.startswith("."):
                continue
            found[f"{prefix}/{path.relative_to(source).as_posix()}"] = path
    return found


def _write_new(target: Path, data: bytes) -> None:
    """A new file beside the target, then renamed over it: never written through a link
    into the previous output, never seen half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _carry_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: a copy
        shutil.copyfile(source, target)


class Incremental:
    """One build's use of the cache, for the output folder `out`."""

    def __init__(self, cache: BuildCache, root: Path, out: Path) -> None:
        self.cache, self.root, self.out = cache, root, out
        self.previous = cache.previous(out)
        self.carried: set[str] = set()  # pages not rendered: taken from the previous output
        self.page_keys: dict[str, str] = {}
        self.hashes: dict[str, str] = {}
        self.linked = self.written = 0
        self.search_skipped = False
        self._fingerprint = Fingerprinter()
        self._site: tuple[object, str] | None = None
        self._theme = ""

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

    def admin_files(self, config: SiteConfig) -> dict[str, bytes]:
        """The editor's admin/ files, made again only when reisgids.yml says something else
        (dumping Decap's YAML config took a quarter of a serve rebuild)."""
        key = config.model_dump_json()
        kept = self.cache.derived.get("admin")
        if kept is not None and kept[0] == key:
            return dict(kept[1])
        files = admin_files(config)
        self.cache.derived["admin"] = (key, files)
        return dict(files)

    def carry(self, path: str, page: Page, site: Mapping[str, object]) -> bool:
        try:
            if self._site is None or self._site[0] is not site:
                self._site = (site, self._fingerprint(self._theme, site))
            key = self._fingerprint(self._site[1], page)
        except Unstable:
            return False
        self.page_keys[path] = key
        record = self.previous.get(path)
        if record is not None and record[4] == key and _same_file(self.out / path, record):
            self.carried.add(path)
            self.hashes[path] = record[0]
            return True
        self.cache.rendered_pages += 1
        return False

    def stage(self, stage: Path, files: Mapping[str, bytes], *, search: bool,
              language: str, defer_search: bool = False) -> list[Diagnostic]:
        """Put `files` into `stage`, linking what did not change; index when needed.

        `defer_search` (serve): carry the previous index even when pages changed, and leave
        `cache.index_stale` set for an IndexLater to bring it up to date."""
        changed_html = False
        for rel in sorted(files):
            target = Stage(stage).target(rel)  # proven inside the stage
            record = self.previous.get(rel)
            if rel in self.carried:
                _carry_file(self.out / rel, target)
                self.linked += 1
                continue
            digest = self.hashes[rel] = content_hash(files[rel])
            if record is not None and record[0] == digest and _same_file(self.out / rel, record):
                _carry_file(self.out / rel, target)
                self.linked += 1
                continue
            changed_html = changed_html or rel.endswith(".html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
            self.written += 1
        old_html = {p for p in self.previous if p.endswith(".html")}
        new_html = {p for p in files if p.endswith(".html")}
        if not search:
            return []
        previous_index = self.out / INDEX_DIR
        current = not changed_html and old_html == new_html and bool(self.previous.get(INDEX_DIR))
        self.cache.index_stale = not current
        if (current or defer_search) and (previous_index / "pagefind-entry.json").is_file():
            for source in sorted(previous_index.rglob("*")):
                if source.is_file() and not source.is_symlink():
                    _carry_file(source, stage / INDEX_DIR / source.relative_to(previous_index))
            self.search_skipped = True
            return []
        self.cache.index_stale = False
        return index_site(stage, language)

    def update_in_place(self, files: Mapping[str, bytes], static: Sequence[tuple[Path, str]],
                        *, search: bool, language: str, defer_search: bool) -> list[Diagnostic]:
        """serve: bring `out` up to date by writing only the files that changed and
        removing those that went. No staging folder: serve answers requests on the thread
        that builds, so no request sees a half-updated folder."""
        out = self.out
        out.mkdir(parents=True, exist_ok=True)
        wanted: set[str] = {MARKER}  # reisgids' mark on its own output, as a full build has it
        if not (out / MARKER).is_file():
            _write_new(out / MARKER, MARKER_TEXT)
        changed_html = False
        for rel in sorted(files):
            wanted.add(rel)
            if rel in self.carried:
                continue
            digest = self.hashes[rel] = content_hash(files[rel])
            record = self.previous.get(rel)
            if record is not None and record[0] == digest and _same_file(out / rel, record):
                continue
            _write_new(Stage(out).target(rel), files[rel])
            self.written += 1
            changed_html = changed_html or rel.endswith(".html")
        for rel, source in sorted(static_sources(static).items()):
            wanted.add(rel)
            data = source.read_bytes()
            target = out / rel
            if target.is_symlink() or not target.is_file() or target.read_bytes() != data:
                _write_new(target, data)
        for path in sorted(out.rglob("*"), reverse=True):  # children before their folder
            rel = path.relative_to(out).as_posix()
            if rel.split("/")[0] == INDEX_DIR or rel in wanted:
                continue
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            else:
                path.unlink()
                changed_html = changed_html or rel.endswith(".html")
        old_html = {p for p in self.previous if p.endswith(".html")}
        new_html = {p for p in files if p.endswith(".html")}
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
            try:
                st = (self.out / rel).stat()
            except OSError:
                continue
            records[rel] = [digest, st.st_size, st.st_mtime_ns, st.st_ino,
                            self.page_keys.get(rel, "")]
        if indexed and not self.cache.index_stale:
            records[INDEX_DIR] = ["", 0, 0, 0, ""]  # the bundle matches these pages
        unchanged = self.cache.unchanged_since_load(self.out, records)
        self.cache.remember(self.out, records)
        if self.cache.autosave and not unchanged:  # a no-change build writes nothing at all
            self.cache.save(self.root)


# --- serve: the loaded site stays in memory -------------------------------------------------

class EntryMemo:
    """read_entry() for `serve`: a file whose size, mtime and inode did not change since it
    was last read is not read, parsed or validated again."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], tuple[tuple[int, int, int], Any]] = {}
        self.reads = 0

    def __call__(self, source: SourceFile) -> tuple[ContentEntry | None, list[Diagnostic]]:
        try:
            st = source.path.stat()
            stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
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


class IndexLater:
    """serve: Pagefind runs in the background after the changed page is already visible.

    It indexes a snapshot of the output (hard links to its HTML), then swaps the new
    `pagefind/` folder in. `lock` is held by serve around every build, so a swap never
    meets a build halfway; a request made while indexing runs once more afterwards."""

    def __init__(self, lock: threading.Lock, cache: BuildCache) -> None:
        self.lock, self.cache = lock, cache
        self._wanted: tuple[Path, str] | None = None
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None
        self.problems: list[Diagnostic] = []
        self.runs = 0

    def request(self, out: Path, language: str) -> None:
        with self._guard:
            self._wanted = (out, language)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="reisgids-pagefind",
                                                daemon=True)
                self._thread.start()

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
            self.problems = self._index(*wanted)
            self.runs += 1

    def _index(self, out: Path, language: str) -> list[Diagnostic]:
        snapshot = out.parent / f".{out.name}.index"
        shutil.rmtree(snapshot, ignore_errors=True)
        with self.lock:  # a consistent set of pages
            records = self.cache.previous(out)
            for page in sorted(out.rglob("*.html")):
                rel = page.relative_to(out)
                if rel.parts[0] != INDEX_DIR:
                    _carry_file(page, snapshot / rel)
        try:
            problems = index_site(snapshot, language)
            bundle = snapshot / INDEX_DIR
            with self.lock:
                if bundle.is_dir() and out.is_dir():
                    old = out.parent / f".{out.name}.index-old"
                    shutil.rmtree(old, ignore_errors=True)
                    if (out / INDEX_DIR).exists():
                        os.replace(out / INDEX_DIR, old)
                    os.replace(bundle, out / INDEX_DIR)
                    shutil.rmtree(old, ignore_errors=True)
                if self.cache.previous(out) is records:  # no build since: index is current
                    records[INDEX_DIR] = ["", 0, 0, 0, ""]
                    self.cache.index_stale = False
            return problems
        finally:
            shutil.rmtree(snapshot, ignore_errors=True)
