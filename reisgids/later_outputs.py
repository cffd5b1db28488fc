"""serve: the outputs besides pages, made after the reload (reisgids/preview.py, `Later`).

Feeds, open data, sitemap, calendars, PDFs and redirects are each made from inputs that
`render.outputs.Rest.makers` names. `KeptOutputs` is `Rest.files`' `reuse` in serve: an
output whose inputs have the same fingerprint as when it was last written into the folder
(the key kept in each file's record, as a build keeps it: `Incremental.carry_made`) is left
as it is, so a body edit makes again only the feeds and the open data's JSON. `write_rest`
then writes what changed and records the keys for the next save.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from reisgids.cache import BuildCache, content_hash
from reisgids.fingerprint import Fingerprinter
from reisgids.out_files import made_key, made_with, prune, same_file, write_new
from reisgids.write import Stage


class KeptOutputs:
    """render.outputs.Reuse over the records of serve's output folder, as they are now."""

    def __init__(self, cache: BuildCache, out: Path, theme: str,
                 fingerprint: Fingerprinter) -> None:
        self.out, self.theme, self.fingerprint = out, theme, fingerprint
        self.records = cache.previous(out)
        self.carried: set[str] = set()
        self.keys: dict[str, str] = {}  # path -> key of what made it

    def _key(self, name: str, inputs: tuple[object, ...]) -> str | None:
        return made_key(self.fingerprint, self.theme, name, inputs)

    def carry_made(self, name: str, inputs: tuple[object, ...]) -> Collection[str] | None:
        key = self._key(name, inputs)
        if key is None:
            return None
        paths = made_with(self.out, self.records, key)
        if paths is None:
            return None
        self.carried.update(paths)
        self.keys.update(dict.fromkeys(paths, key))
        return paths

    def made(self, name: str, inputs: tuple[object, ...], paths: Collection[str]) -> None:
        key = self._key(name, inputs)
        if key is not None:
            self.keys.update(dict.fromkeys(paths, key))


def write_rest(cache: BuildCache, out: Path, files: Mapping[str, bytes],
               kept: KeptOutputs | None = None) -> bool:
    """serve, after the reload (under serve's lock): bring the outputs besides pages in
    `out` up to date, and the cache's record of them. `kept`: what was carried (left as it
    is; its bytes are not given) and the key of each output. True when an HTML file
    changed (a redirect page), so the search index lags."""
    folder = str(out.resolve())
    records = cache.previous(out)
    carried = kept.carried if kept is not None else set()
    keys = kept.keys if kept is not None else {}
    changed = False
    for rel in sorted(files):
        if rel in carried:
            continue
        digest = content_hash(files[rel])
        record = records.get(rel)
        key = keys.get(rel, "")
        if record is None or record[0] != digest or not same_file(out / rel, record):
            write_new(Stage(out).target(rel), files[rel])
            changed = changed or rel.endswith(".html")
            st = (out / rel).stat()
            records[rel] = [digest, st.st_size, st.st_mtime_ns, st.st_ino, key]
        else:
            records[rel] = [*record[:4], key]
    for rel in sorted(cache.rest_paths.get(folder, set()) - set(files)):
        (out / rel).unlink(missing_ok=True)
        prune(out, (out / rel).parent)
        records.pop(rel, None)
        changed = changed or rel.endswith(".html")
    cache.rest_paths[folder] = set(files)
    return changed
