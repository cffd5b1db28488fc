"""What planning one page reads from the graph and the bodies, recorded (plan/replan.py).

While a page is planned it sees a `RecordingGraph`: every read of one entry (its data, URL,
body, forward links) records the entry's key; a read of a whole group records the group (a
kind's entries, the entries on a theme or in an area, the links into one entry); reading
anything as a whole (iterating every entry, URL, link or published key) records `everything`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reisgids.graph.content import ContentGraph, Key, Link
from reisgids.markdown import RenderedBody
from reisgids.model.document import ContentEntry


@dataclass
class Touched:
    """Entries and groups of entries: what a page read, or what changed."""

    keys: set[Key] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    backlinks: set[Key] = field(default_factory=set)  # the links into these entries


@dataclass
class Reads(Touched):
    """What planning one page read from the graph and the bodies."""

    everything: bool = False


class _Now:
    """The Reads being recorded; shared by the recording containers of one graph."""

    def __init__(self) -> None:
        self.reads = Reads()


class _KeyedDict(dict[Key, Any]):
    """A dict whose lookups record their key (in `reads.keys`, or with `citing` in
    `reads.backlinks`) and whose whole reads record `everything` (or with `citing` the kind
    of the citing entries)."""

    def __init__(self, data: Mapping[Key, Any], now: _Now, citing: str = "") -> None:
        super().__init__(data)
        self._now, self._citing = now, citing

    def _one(self, key: Key) -> None:
        if self._citing:  # which entries of a kind cite `key`: the links into it
            self._now.reads.backlinks.add(key)
        else:
            self._now.reads.keys.add(key)

    def _whole(self) -> None:
        if self._citing:
            self._now.reads.kinds.add(self._citing)
        else:
            self._now.reads.everything = True

    def __getitem__(self, key: Key) -> Any:
        self._one(key)
        return super().__getitem__(key)

    def get(self, key: Key, default: Any = None) -> Any:
        self._one(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, tuple):
            self._one(key)
        else:
            self._whole()
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Key]:
        self._whole()
        return super().__iter__()

    def __len__(self) -> int:
        self._whole()
        return super().__len__()

    def keys(self) -> Any:
        self._whole()
        return super().keys()

    def values(self) -> Any:
        self._whole()
        return super().values()

    def items(self) -> Any:
        self._whole()
        return super().items()


class _WholeSet(frozenset[Key]):
    """The published keys: membership is fixed while the plan is kept (the set is compared
    whole); iterating or counting it records `everything`."""

    _now: _Now

    def __iter__(self) -> Iterator[Key]:
        self._now.reads.everything = True
        return super().__iter__()

    def __len__(self) -> int:
        self._now.reads.everything = True
        return super().__len__()

    def _whole(self) -> frozenset[Key]:  # set operations read every key, bypassing __iter__
        self._now.reads.everything = True
        return frozenset(super().__iter__())

    def __and__(self, other: Any) -> Any:
        return self._whole() & other

    def __or__(self, other: Any) -> Any:
        return self._whole() | other

    def __sub__(self, other: Any) -> Any:
        return self._whole() - other

    def __xor__(self, other: Any) -> Any:
        return self._whole() ^ other

    def __rsub__(self, other: Any) -> Any:
        return other - self._whole()

    __rand__, __ror__, __rxor__ = __and__, __or__, __xor__

    def isdisjoint(self, other: Any) -> bool:
        return self._whole().isdisjoint(other)

    def issubset(self, other: Any) -> bool:
        return self._whole().issubset(other)

    def issuperset(self, other: Any) -> bool:
        return self._whole().issuperset(other)


class _WholeTuple(tuple[Link, ...]):
    _now: _Now

    def __iter__(self) -> Iterator[Link]:
        self._now.reads.everything = True
        return super().__iter__()

    def __len__(self) -> int:
        self._now.reads.everything = True
        return super().__len__()

    def __getitem__(self, index: Any) -> Any:
        self._now.reads.everything = True
        return super().__getitem__(index)


class RecordingGraph(ContentGraph):
    """The same graph (its indexes are shared, not built again), recording what is read."""

    _now: _Now

    def __init__(self) -> None:  # made only by `recording()`
        raise TypeError("use recording()")

    def of_kind(self, kind: str, *, published: bool = True) -> list[ContentEntry]:
        self._now.reads.kinds.add(kind)
        return super().of_kind(kind, published=published)

    def published_data(self, kind: str) -> dict[str, Any]:
        self._now.reads.kinds.add(kind)
        return super().published_data(kind)

    def citing(self, kind: str, field: str) -> dict[Key, tuple[Key, ...]]:
        # a lookup depends on the links into the entry looked up, a whole read on the kind
        return _KeyedDict(super().citing(kind, field), self._now, citing=kind)

    def get(self, key: Key) -> ContentEntry | None:
        self._now.reads.keys.add(key)
        return super().get(key)

    def backlinks(self, key: Key) -> list[Link]:
        self._now.reads.backlinks.add(key)
        return super().backlinks(key)

    def forward(self, key: Key) -> list[Link]:
        self._now.reads.keys.add(key)  # an entry's links follow from its own data
        return super().forward(key)

    def with_theme(self, theme: str) -> Iterator[ContentEntry]:
        self._now.reads.themes.add(theme)
        return super().with_theme(theme)

    def in_area(self, area: str) -> Iterator[ContentEntry]:
        self._now.reads.areas.add(area)
        return super().in_area(area)

    def start(self) -> None:
        self._now.reads = Reads()

    def reads(self) -> Reads:
        return self._now.reads


def recording(graph: ContentGraph, bodies: Mapping[Key, RenderedBody]
              ) -> tuple[RecordingGraph, Mapping[Key, RenderedBody]]:
    """`graph` and `bodies` as seen by a page whose reads are recorded (`start()` before
    each page, `reads()` after it)."""
    now = _Now()
    seen: RecordingGraph = object.__new__(RecordingGraph)
    fields = dict(graph.__dict__)
    published = _WholeSet(graph.published)
    object.__setattr__(published, "_now", now)
    links = _WholeTuple(graph.links)
    object.__setattr__(links, "_now", now)
    fields.update(entries=_KeyedDict(graph.entries, now), urls=_KeyedDict(graph.urls, now),
                  published=published, links=links, _now=now)
    for name, value in fields.items():
        object.__setattr__(seen, name, value)
    return seen, _KeyedDict(bodies, now)
