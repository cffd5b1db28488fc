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
    snapshots: dict[str, Any] = field(default_factory=dict)  # edition -> StoredSnapshot
    # indexes keyed by entry, built once: templates never search the graph (Hugo's O(n²))
    _backlinks: dict[Key, list[Link]] = field(init=False, repr=False, compare=False)
    _forward: dict[Key, list[Link]] = field(init=False, repr=False, compare=False)
    _by_kind: dict[str, list[ContentEntry]] = field(init=False, repr=False, compare=False)
    _by_theme: dict[str, list[ContentEntry]] = field(init=False, repr=False, compare=False)
    _by_area: dict[str, list[ContentEntry]] = field(init=False, repr=False, compare=False)
    _data: dict[str, dict[str, Any]] = field(init=False, repr=False, compare=False)
    _citing: dict[tuple[str, str], dict[Key, tuple[Key, ...]]] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        backlinks: dict[Key, list[Link]] = {}
        forward: dict[Key, list[Link]] = {}
        for link in self.links:
            backlinks.setdefault(link.target, []).append(link)
            forward.setdefault(link.source, []).append(link)
        by_kind: dict[str, list[ContentEntry]] = {}
        by_theme: dict[str, list[ContentEntry]] = {}
        by_area: dict[str, list[ContentEntry]] = {}
        ordered = sorted(self.entries.items())  # once: serve makes a graph per save
        for key, entry in ordered:
            by_kind.setdefault(key[0], []).append(entry)
            if key not in self.published:
                continue
            for theme in dict.fromkeys(entry.data.themes):
                by_theme.setdefault(theme, []).append(entry)
            for area in dict.fromkeys(entry.data.areas):
                if key != ("area", area):
                    by_area.setdefault(area, []).append(entry)
        data: dict[str, dict[str, Any]] = {}
        for key, entry in ordered:
            if key in self.published:
                data.setdefault(key[0], {})[key[1]] = entry.data
        citing: dict[tuple[str, str], dict[Key, set[Key]]] = {}
        for link in self.links:
            if link.source in self.published:
                citing.setdefault((link.source[0], link.field), {}).setdefault(
                    link.target, set()).add(link.source)
        for name, value in (("_backlinks", backlinks), ("_forward", forward),
                            ("_by_kind", by_kind), ("_by_theme", by_theme),
                            ("_by_area", by_area), ("_data", data),
                            ("_citing", {pair: {target: tuple(sorted(sources))
                                                for target, sources in found.items()}
                                         for pair, found in citing.items()})):
            object.__setattr__(self, name, value)

    def of_kind(self, kind: str, *, published: bool = True) -> list[ContentEntry]:
        """Entries of one kind, sorted by slug."""
        every = self._by_kind.get(kind, [])
        return [e for e in every if e.key in self.published] if published else list(every)

    def published_data(self, kind: str) -> dict[str, Any]:
        """slug -> the validated data of every published entry of one kind, sorted by slug;
        one dict shared by every caller (copy it before changing it)."""
        return self._data.get(kind, {})

    def citing(self, kind: str, field: str) -> dict[Key, tuple[Key, ...]]:
        """target -> the published entries of `kind` whose `field` names it, sorted (which
        lessons cite a deal in `sources`, ...)."""
        return self._citing.get((kind, field), {})

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
        """Published entries on one theme, sorted by key."""
        yield from self._by_theme.get(theme, [])

    def in_area(self, area: str) -> Iterator[ContentEntry]:
        """Published entries in one area (not the area itself), sorted by key."""
        yield from self._by_area.get(area, [])
