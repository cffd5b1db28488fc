"""A validated content entry together with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from reisgids.model.base import Entry

FieldPath = tuple[str | int, ...]
M = TypeVar("M", bound=Entry)


@dataclass(frozen=True)
class ContentEntry:
    kind: str
    slug: str
    rel: str  # site-relative source path, e.g. content/deals/x.md
    data: Entry
    body: str
    body_first_line: int
    lines: dict[FieldPath, int] = field(default_factory=dict, compare=False, repr=False)

    def data_as(self, model: type[M]) -> M:
        """The data typed as its kind's model, for code that knows the kind: a mismatch is
        a bug in reisgids (the registry gives each kind one model), never an editor's."""
        if not isinstance(self.data, model):
            raise TypeError(f"{self.rel}: {type(self.data).__name__} is not {model.__name__}")
        return self.data

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
