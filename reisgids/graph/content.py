"""The content graph as a value: entries, URLs, links both ways, taxonomies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reisgids.config import SiteConfig
from reisgids.model.document import ContentEntry

Key = tuple[str, str]


@dataclass(frozen=True)
class Link:
    source: Key
    field: str  # top-level field of the source ("partners", "sources", ...)
    target: Key


@dataclass(frozen=True)
class ContentGraph:
    config: SiteConfig
    now: date
    entries: dict[Key, ContentEntry]
    published: frozenset[Key]
    urls: dict[Key, str]
    links: tuple[Link, ...]
    outlines: dict[str, Any] = field(default_factory=dict)  # area slug -> Outline
    # indexes keyed by entry, built once: templates never search the graph (Hugo's O(n²))
    _backlinks: dict[Key, list[Link]] = field(init=False, repr=False, compare=False)
    _forward: dict[Key, list[Link]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        backlinks: dict[Key, list[Link]] = {}
        forward: dict[Key, list[Link]] = {}
        for link in self.links:
            backlinks.setdefault(link.target, []).append(link)
            forward.setdefault(link.source, []).append(link)
        object.__setattr__(self, "_backlinks", backlinks)
        object.__setattr__(self, "_forward", forward)

    def of_kind(self, kind: str, *, published: bool = True) -> list[ContentEntry]:
        """Entries of one kind, sorted by slug."""
        return [e for k, e in sorted(self.entries.items())
                if k[0] == kind and (not published or k in self.published)]

    def get(self, key: Key) -> ContentEntry | None:
        return self.entries.get(key)

    def is_published(self, key: Key) -> bool:
        return key in self.published

    def backlinks(self, key: Key) -> list[Link]:
        """Links into `key` from published entries, sorted by source."""
        found: list[Link] = self._backlinks.get(key, [])
        return sorted((lk for lk in found if lk.source in self.published),
                      key=lambda lk: (lk.source, lk.field))

    def forward(self, key: Key) -> list[Link]:
        found: list[Link] = self._forward.get(key, [])
        return found

    def with_theme(self, theme: str) -> Iterator[ContentEntry]:
        for key in sorted(self.published):
            entry = self.entries[key]
            if theme in entry.data.themes:
                yield entry

    def in_area(self, area: str) -> Iterator[ContentEntry]:
        for key in sorted(self.published):
            entry = self.entries[key]
            if area in entry.data.areas and key != ("area", area):
                yield entry
