"""A validated content entry together with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from reisgids.model.base import Entry

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class ContentEntry:
    kind: str
    slug: str
    rel: str  # site-relative source path, e.g. content/deals/x.md
    data: Entry
    body: str
    body_first_line: int
    lines: dict[FieldPath, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)

    def line_of(self, *path: str | int) -> int:
        """The file line of a field (or of its nearest written ancestor); 1 if unwritten."""
        for cut in range(len(path), 0, -1):
            found = self.lines.get(path[:cut])
            if found is not None:
                return found
        return 1
