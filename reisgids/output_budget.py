"""Total output is bounded: what a build writes stays proportional to what the site holds.

A pull request can make output multiply without any single page being large: a filter page
per theme x area x kind, each listing every entry, or a site template that repeats itself on
every page. Each page already has a render budget (render/template_budget.py); this is the
budget of the whole build, checked before anything is written into the staging folder (and
while pages come back from rendering, so that memory stays bounded too):

    limit    = min(CEILING, FLOOR + FACTOR x input bytes)
    per file = max(FILE_FLOOR, FILE_FACTOR x input bytes)   (data files grow with the input)

"Input" is every file reisgids reads: reisgids.yml, content/, data/, static/ and themes/.
The example guide (0.6 MB of input) writes about 7 MB besides Pagefind and the web editor
(12 bytes per input byte), far below the limit.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from reisgids.errors import Diagnostic, Location, Text, error

MiB = 1024 * 1024
FLOOR = 256 * MiB  # a small site may still have a theme with large assets
FACTOR = 200  # output bytes per input byte (the example guide: about 12)
CEILING = 32 * 1024 * MiB
FILE_FLOOR = 64 * MiB
FILE_FACTOR = 4
INPUTS = ("content", "data", "static", "themes")


def input_bytes(root: Path) -> int:
    """The bytes of every file the site gives reisgids (links are not followed)."""
    total = 0
    config = root / "reisgids.yml"
    if config.is_file() and not config.is_symlink():
        total += config.stat().st_size
    for name in INPUTS:
        folder = root / name
        if folder.is_dir() and not folder.is_symlink():
            total += _tree_bytes(str(folder))
    return total


def _tree_bytes(folder: str) -> int:
    """os.scandir: one lstat per file (serve counts the input on every save)."""
    total = 0
    try:
        items = list(os.scandir(folder))
    except OSError:
        return 0
    for item in items:
        try:
            if item.is_dir(follow_symlinks=False):
                total += _tree_bytes(item.path)
            elif item.is_file(follow_symlinks=False):
                total += item.stat(follow_symlinks=False).st_size
        except OSError:
            continue
    return total


def _mb(size: int) -> str:
    if size < MiB:
        return f"{-(-size // 1024)} KB"
    return f"{size / MiB:.0f} MB" if size >= 10 * MiB else f"{size / MiB:.1f} MB"


@dataclass
class OutputBudget:
    """Counts bytes against the limit; `take` says when they no longer fit."""

    input: int
    limit: int
    per_file: int
    used: int = 0

    @classmethod
    def for_input(cls, size: int) -> OutputBudget:
        return cls(size, min(CEILING, FLOOR + FACTOR * size),
                   max(FILE_FLOOR, FILE_FACTOR * size))

    @classmethod
    def for_site(cls, root: Path) -> OutputBudget:
        return cls.for_input(input_bytes(root))

    def take(self, path: str, size: int, source: str | None) -> Diagnostic | None:
        """Count `size` bytes for output `path` (made from `source`); a diagnostic when the
        file or the whole output goes over its limit."""
        self.used += size
        where = Location(source or "reisgids.yml")
        if size > self.per_file:
            return error("output-too-large", where, Text(
                f"/{path} wordt {_mb(size)}; één bestand mag hooguit {_mb(self.per_file)} "
                f"zijn bij {_mb(self.input)} invoer",
                f"/{path} would be {_mb(size)}; one file may be at most {_mb(self.per_file)} "
                f"for {_mb(self.input)} of input"), hint=_HINT)
        if self.used > self.limit:
            return error("output-too-large", where, Text(
                f"de uitvoer wordt groter dan {_mb(self.limit)} bij {_mb(self.input)} invoer "
                f"(de grens werd bereikt bij /{path})",
                f"the output grows beyond {_mb(self.limit)} for {_mb(self.input)} of input "
                f"(the limit was reached at /{path})"), hint=_HINT)
        return None

    def check(self, files: Mapping[str, bytes], static: Iterable[tuple[Path, str]],
              owners: Mapping[str, str], sizes: Mapping[str, int] | None = None
              ) -> list[Diagnostic]:
        """The whole output before it is written: `files`, the static trees copied beside
        them. One diagnostic at most, naming the folder that holds the most bytes. `sizes`:
        of the files among `files` that were written already (their bytes left empty)."""
        self.used = 0
        folders: Counter[str] = Counter()
        known = sizes or {}
        for rel, size in [*_tree_sizes(static),
                          *((p, known.get(p, len(files[p]))) for p in sorted(files))]:
            folders[rel.split("/", 1)[0] if "/" in rel else "/"] += size
            problem = self.take(rel, size, owners.get(rel))
            if problem is not None:
                top, most = folders.most_common(1)[0]
                return [replace(problem, message=Text(
                    f"{problem.message.nl}; het meeste in {top}/ ({_mb(most)})",
                    f"{problem.message.en}; most in {top}/ ({_mb(most)})"))]
        return []


_HINT = Text("minder filterpagina's of een sjabloon dat niet op elke pagina alles herhaalt; "
             "zie 'Security' in de README",
             "fewer filter pages, or a template that does not repeat everything on every "
             "page; see 'Security' in the README")


def _tree_sizes(static: Iterable[tuple[Path, str]]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for source, prefix in static:
        if not source.is_dir() or source.is_symlink():
            continue
        for current, _dirs, names in os.walk(source):
            for name in names:
                path = Path(current) / name
                if not path.is_symlink() and path.is_file():
                    found.append((f"{prefix}/{path.relative_to(source).as_posix()}",
                                  path.stat().st_size))
    return sorted(found)
