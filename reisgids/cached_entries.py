"""Content files read from the build cache: a file whose name and bytes are the same as
when an earlier build read it is not split, parsed or checked again.

What is kept per file (`cache.BuildCache.entries`, keyed by a hash of its kind, slug, path
and bytes): the YAML as plain data (dicts, lists, strings, None: JSON keeps them exactly),
the lines of its fields, whether its body was cut for its size, and every diagnostic reading
it gave. The body is split from the bytes again (cheap; the YAML is what costs). A kept file's
entry is made by validating that same plain data with the kind's model again, the step
that made it the first time (`validate.entry_of`); its diagnostics are the ones stored,
since they were a function of the same name and bytes. Files that could not be read are
always read again; a record that does not have the shape written here is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from reisgids.cache import BuildCache, content_hash, diagnostic_from_json, diagnostic_json
from reisgids.errors import Diagnostic
from reisgids.model.document import ContentEntry
from reisgids.pool import parallel_iter
from reisgids.source.discover import SourceFile
from reisgids.source.frontmatter import SplitProblem, decode, split
from reisgids.validate import Parsed, entry_from_bytes, entry_of, read_entry

Read = tuple[ContentEntry | None, list[Diagnostic]]


def _key(source: SourceFile, raw: bytes) -> str:
    name = f"{source.kind}\x00{source.slug}\x00{source.rel}\x00"
    return content_hash(name.encode("utf-8", "surrogateescape") + raw)


def _split(raw: bytes) -> tuple[str, int]:
    """(body, its first line) of a file that was read before (so it splits)."""
    parts = split(decode(raw))
    return parts.body, parts.body_first_line


def _record(raw: bytes, parsed: Parsed | None, problems: list[Diagnostic]) -> dict[str, Any]:
    kept = None if parsed is None else {
        "data": parsed.data, "lines": [[list(path), line] for path, line in parsed.lines.items()],
        "body_cut": parsed.body == "" and parsed.body != _split(raw)[0]}
    return {"parsed": kept, "diagnostics": [diagnostic_json(d) for d in problems]}


def _from_record(source: SourceFile, raw: bytes, record: dict[str, Any]) -> Read | None:
    try:
        problems = [diagnostic_from_json(d) for d in record["diagnostics"]]
        kept = record["parsed"]
        if kept is None:
            return None, problems
        lines = {tuple(path): line for path, line in kept["lines"]}
        if not isinstance(kept["data"], dict) or not isinstance(kept["body_cut"], bool) \
                or not all(isinstance(v, int) for v in lines.values()):
            return None
        body, first = _split(raw)
        parsed = Parsed(kept["data"], lines, "" if kept["body_cut"] else body, first)
        return entry_of(source, parsed), problems
    except (KeyError, TypeError, ValueError, ValidationError, SplitProblem):
        return None


def _fresh(item: tuple[SourceFile, bytes]) -> tuple[Read, dict[str, Any]]:
    """Read one file the cache lacks: what it gives, and the record to keep of it."""
    source, raw = item
    entry, problems, parsed = entry_from_bytes(source, raw)
    return (entry, problems), _record(raw, parsed, problems)


def read_cached(cache: BuildCache, sources: Sequence[SourceFile], jobs: int = 1,
                meanwhile: Callable[[], object] | None = None) -> list[Read]:
    """Each of `sources` read, from `cache` where it holds the same name and bytes; the
    others are read in `jobs` processes (pool.py) and kept in `cache`. `meanwhile`: see
    pool.parallel_iter (called once either way)."""
    found: list[Read | None] = []
    missing: list[tuple[int, SourceFile, bytes, str]] = []
    for index, source in enumerate(sources):
        try:
            raw = source.path.read_bytes()
        except OSError:
            found.append(read_entry(source))  # says why, as a build without cache does
            continue
        key = _key(source, raw)
        record = cache.entries.get(key)
        kept = None if record is None else _from_record(source, raw, record)
        if kept is not None:
            cache.used_entries.add(key)
        else:
            missing.append((index, source, raw, key))
        found.append(kept)
    fresh = list(parallel_iter(_fresh, [(source, raw) for _, source, raw, _ in missing],
                               jobs, meanwhile))
    for (index, _, _, key), (read, record) in zip(missing, fresh, strict=True):
        cache.entries[key] = record
        cache.used_entries.add(key)
        cache.stored_entries += 1
        found[index] = read
    return [read for read in found if read is not None]


def cached_reader(cache: BuildCache) -> Callable[[SourceFile], Read]:
    """A `build.Reader` that serves files from `cache` and keeps the ones it reads."""
    return lambda source: read_cached(cache, [source])[0]
