"""The build cache: work done once is not done again, in `build` and in `serve`.

What it keeps, keyed by content hashes:

- rendered bodies, with every link target each body resolved: a body is reused only when
  its text is the same and every path it looked up resolves to the same target now (so a
  renamed, retitled or unpublished target renders it again);
- heading ids of bodies other bodies link into with `#anchor`;
- per output folder, every file it holds: its hash, its file identity (size, mtime, inode)
  and, for pages, the fingerprint of everything the page showed (reisgids/fingerprint.py).
  A page whose fingerprint is unchanged is not rendered again and is carried over from the
  previous output by hard link, as is every other file whose bytes did not change.

Where, and why it can be trusted: `.reisgids-cache/` in the site folder (git-ignored, safe
to delete): `cache.json` holds what was read and rendered (bodies, entries, heading ids),
`outputs.json` the output folders' records and last builds, so that a build with nothing to
do, and the process that indexes a big site (cli.py), read and write only the latter. A site
folder is untrusted — a pull request could commit a cache holding HTML that nh3 never saw —
so the cache is plain JSON (never pickle: loading runs no code) and carries an HMAC-SHA256
made with a key of this machine, kept outside the site
(`$XDG_CACHE_HOME/reisgids/cache-key`, mode 0600). A cache with a wrong MAC (corrupt,
edited, from another machine), from another reisgids version or another theme is ignored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reisgids.errors import Diagnostic, Location, Severity, Text

if TYPE_CHECKING:  # a build that finds its inputs unchanged loads no Markdown and no Jinja
    import jinja2

    from reisgids.markdown import LinkTarget, RenderedBody, Seen, SiteUrls

CACHE_DIR = ".reisgids-cache"
CACHE_FILE = "cache.json"  # what was read and rendered: bodies, entries, heading ids
OUTPUTS_FILE = "outputs.json"  # what each output folder holds, and its last build
FORMAT = 5  # 2: bodies record their lookups among the site URLs; 3: whole builds; 4: entries;
# 5: the outputs in a file of their own (the no-change check and the process that indexes a
# big site read only that one: cli.py)
KEEP_OUTPUTS = 3  # output folders remembered (build's output/, serve's, --out elsewhere)

Resolved = dict[str, "LinkTarget | None"]


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def machine_key() -> bytes | None:
    """This machine's cache key, made once; None when it cannot be kept (no cache then)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "reisgids" / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"cache-key.{os.getpid()}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        os.replace(temporary, path)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


# --- values <-> JSON ------------------------------------------------------------------------

def diagnostic_json(d: Diagnostic) -> list[Any]:
    hint = [d.hint.nl, d.hint.en] if d.hint is not None else None
    return [d.location.path, d.location.line, d.location.col, d.code, d.severity.value,
            d.message.nl, d.message.en, d.field, hint]


def diagnostic_from_json(raw: list[Any]) -> Diagnostic:
    path, line, col, code, severity, nl, en, field, hint = raw
    return Diagnostic(Location(path, line, col), code, Severity(severity), Text(nl, en),
                      field, Text(*hint) if hint is not None else None)


# --- the cache ------------------------------------------------------------------------------

class BuildCache:
    """In memory during a build (and for the life of `serve`); loaded from and saved to
    the site's cache folder by `load()` / `save()`."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self.bodies: dict[str, dict[str, Any]] = {}
        # parsed and validated content files, by a hash of their name and bytes
        self.entries: dict[str, dict[str, Any]] = {}
        self.used_entries: set[str] = set()
        self.stored_entries = 0
        self.headings: dict[str, list[str]] = {}
        self.outputs: dict[str, dict[str, list[Any]]] = {}  # out folder -> path -> record
        # out folder -> the digests of the open data's entry records, in the file's order:
        # a build takes the unchanged ones' JSON from that file (render/opendata.py)
        self.open_data: dict[str, list[str]] = {}
        self.used_bodies: set[str] = set()
        self.rendered_bodies = 0  # counts, for tests and progress
        self.rendered_pages = 0
        self.index_stale = False  # serve: the search index lags behind the pages
        self.autosave = True  # serve saves once, after its first build
        self.jinja: tuple[str, jinja2.Environment] | None = None  # (theme key, environment)
        self.loaded_headings = -1  # how many heading lists came from disk (-1: none)
        # serve: outputs made from few inputs, kept in memory by a key of those inputs
        self.derived: dict[str, tuple[str, Any]] = {}
        # serve: per output folder, the paths of the outputs besides pages (feeds, open
        # data, ...), which it makes after the changed page is visible; and that work
        self.rest_paths: dict[str, set[str]] = {}
        self.pending: Any = None  # incremental.Pending, for preview.Later
        self.generation = 0  # builds so far: later work of an older build is dropped
        # per output folder, the last successful build's inputs and diagnostics (unchanged.py)
        self.builds: dict[str, dict[str, Any]] = {}
        self.dirty = False  # something changed that the next save() should keep
        # whether this process holds the bodies, entries and heading ids (load_read()): one
        # that does not (cli.py's indexing process) saves only the outputs file
        self.holds_read = True

    # bodies
    def body(self, key: str, resolve: Any, site: SiteUrls | None) -> RenderedBody | None:
        from reisgids.markdown import RenderedBody, still_same, target_json

        record = self.bodies.get(key)
        if record is None:
            return None
        for path, target in record["links"].items():
            if target_json(resolve(path)) != target:
                return None
        seen = record.get("site") or {}
        if seen and (site is None or not still_same(site, seen)):
            return None
        self.used_bodies.add(key)
        return RenderedBody(record["html"], tuple(record["ids"]),
                            tuple(diagnostic_from_json(d) for d in record["diagnostics"]))

    def store_body(self, key: str, body: RenderedBody, resolved: Resolved,
                   seen: Seen) -> None:
        """`seen`: the body's lookups among the site's URLs; one that asked for the nearest
        URL depends on all of them and is not kept."""
        from reisgids.markdown import target_json

        self.rendered_bodies += 1
        if seen.get("anything"):
            self.bodies.pop(key, None)
            return
        self.used_bodies.add(key)
        self.bodies[key] = {"html": body.html, "ids": list(body.heading_ids),
                            "diagnostics": [diagnostic_json(d) for d in body.diagnostics],
                            "links": {p: target_json(t) for p, t in sorted(resolved.items())},
                            "site": dict(sorted(seen.items()))}

    # outputs
    def previous(self, out: Path) -> dict[str, list[Any]]:
        return self.outputs.get(str(out.resolve()), {})

    def remember(self, out: Path, records: dict[str, list[Any]]) -> None:
        folder = str(out.resolve())
        self.outputs.pop(folder, None)
        self.outputs[folder] = records  # most recent last
        while len(self.outputs) > KEEP_OUTPUTS:
            self.outputs.pop(next(iter(self.outputs)))

    def unchanged_since_load(self, out: Path, records: dict[str, list[Any]]) -> bool:
        """Nothing new to save: no body rendered, no heading ids added, same output."""
        return (self.rendered_bodies == 0 and len(self.headings) == self.loaded_headings
                and self.stored_entries == 0 and self.previous(out) == records)

    # disk
    def payload(self) -> bytes:
        """The bodies, entries and heading ids: CACHE_FILE."""
        bodies = {k: v for k, v in self.bodies.items() if k in self.used_bodies}
        entries = {k: v for k, v in self.entries.items() if k in self.used_entries}
        return _dumps({"format": FORMAT, "namespace": self.namespace, "bodies": bodies,
                       "entries": entries, "headings": self.headings})

    def outputs_payload(self) -> bytes:
        """The output folders' records and last builds: OUTPUTS_FILE."""
        return _dumps({"format": FORMAT, "namespace": self.namespace, "outputs": self.outputs,
                       "open_data": {k: v for k, v in self.open_data.items()
                                     if k in self.outputs},
                       "builds": self.builds})

    def save(self, root: Path, *, outputs: bool = True) -> None:
        """Both files; only the outputs file in a process that does not hold what was read
        (holds_read); `outputs=False`: only what was read (another process records the
        outputs: cli.py)."""
        key = machine_key()
        folder = _folder(root)
        if key is None or folder is None:
            return
        try:
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists() and not ignore.is_symlink():  # never written through
                ignore.write_text("# reisgids' build cache: safe to delete\n*\n")
            if self.holds_read:
                _write_signed(folder / CACHE_FILE, key, self.payload())
            if outputs:
                _write_signed(folder / OUTPUTS_FILE, key, self.outputs_payload())
        except OSError:
            pass  # a cache that cannot be written only costs time

    def load_read(self, root: Path) -> None:
        """Take the bodies, entries and heading ids from the site's cache folder (after
        load(..., read=False)); nothing when they are missing, foreign or out of date."""
        self.holds_read = True
        data = _read_signed(root, CACHE_FILE, self.namespace)
        if data is None:
            return
        try:
            bodies, headings, entries = data["bodies"], data["headings"], data["entries"]
        except KeyError:
            return
        if isinstance(bodies, dict) and isinstance(headings, dict) and isinstance(entries, dict):
            self.bodies, self.headings, self.entries = bodies, headings, entries
            self.loaded_headings = len(self.headings)


def _dumps(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")


def _folder(root: Path) -> Path | None:
    """The site's cache folder; None when the site holds a link by that name (a pull request
    could point it anywhere: nothing is read or written through it)."""
    folder = root / CACHE_DIR
    return None if folder.is_symlink() else folder


def _write_signed(path: Path, key: bytes, payload: bytes) -> None:
    mac = hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.unlink(missing_ok=True)  # a link of that name is removed, not written through
    temporary.write_bytes(mac + b"\n" + payload)
    os.replace(temporary, path)


def _read_signed(root: Path, name: str, namespace: str) -> dict[str, Any] | None:
    """The JSON object in the cache file `name` when this machine signed it, in this format
    and namespace."""
    key, folder = machine_key(), _folder(root)
    if key is None or folder is None or (path := folder / name).is_symlink():
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    mac, _, payload = raw.partition(b"\n")
    expected = hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(mac, expected):
        return None  # corrupt, edited, or made on another machine: never trusted
    try:
        data = json.loads(payload.decode("utf-8", "surrogatepass"))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT \
            or data.get("namespace") != namespace:
        return None
    return data


def load(root: Path, namespace: str, *, read: bool = True) -> BuildCache:
    """The site's cache when it is ours and current; otherwise an empty one. `read=False`:
    only the outputs file (what a no-change build compares); load_read() takes the rest."""
    cache = BuildCache(namespace)
    data = _read_signed(root, OUTPUTS_FILE, namespace)
    if data is not None:
        try:
            outputs, builds = data["outputs"], data["builds"]
            if isinstance(outputs, dict) and isinstance(builds, dict):
                cache.outputs, cache.builds = outputs, builds
                kept = data.get("open_data")
                if isinstance(kept, dict):
                    cache.open_data = kept
        except KeyError:
            pass
    if read:
        cache.load_read(root)
    else:
        cache.holds_read = False
    return cache


def theme_namespace(version: str, files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """The version of the cache: reisgids' version, the libraries that shape the HTML, and
    the bytes of every theme file (templates, strings, assets)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (version, *extra):
        digest.update(part.encode() + b"\x00")
    for path in sorted(files):
        try:
            digest.update(str(path).encode() + b"\x00" + path.read_bytes() + b"\x00")
        except OSError:
            digest.update(str(path).encode() + b"\x00missing\x00")
    return digest.hexdigest()
