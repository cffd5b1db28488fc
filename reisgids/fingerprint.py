"""A stable hash of everything a page shows: its planned view, made of dataclasses, pydantic
models, tuples, dicts and plain values.

Two views with the same fingerprint render to the same bytes with the same theme, so the
build cache may carry the page over instead of rendering it again. Anything this cannot
describe exactly (an unknown object) raises `Unstable`; such a page is simply rendered.
Sets are hashed in sorted order: their iteration order changes between processes.

Views share many objects (the same reference shown on a hundred pages), so a
`Fingerprinter` remembers the digest of each dataclass and model instance it has seen, by
identity. That is only sound while those objects live: use one per build, and keep the
pages alive while it is used. serve hands a build's fingerprinter to the next one
(`previous`): digests of objects still in use (entries whose files did not change) are
taken over, the others are let go.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

_MAX_DEPTH = 60
_FIELDS: dict[type, tuple[str, ...]] = {}  # dataclasses.fields() is slow: once per class


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(spec.name for spec in dataclasses.fields(kind)
                                      if spec.compare or spec.repr)
    return names


class Unstable(Exception):
    """The value holds something whose bytes we cannot describe: do not cache."""


def _digest(parts: list[str]) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"),
                           digest_size=20).hexdigest()


# How _feed treats a value, by its exact type (looked up once per type: a build feeds
# ~350,000 values at 1,000 entries, most of them str, None, tuples and views)
_STR, _REPR, _SEQ, _DICT, _OBJECT, _OTHER = range(6)
_HOW: dict[type, int] = {str: _STR, type(None): _REPR, bool: _REPR, int: _REPR, float: _REPR,
                         tuple: _SEQ, list: _SEQ, dict: _DICT}


def _how(kind: type) -> int:
    how = _HOW.get(kind)
    if how is None:
        how = _HOW[kind] = _OBJECT if issubclass(kind, BaseModel) \
            or dataclasses.is_dataclass(kind) else _OTHER
    return how


class Fingerprinter:
    def __init__(self, previous: Fingerprinter | None = None) -> None:
        self._seen: dict[int, tuple[object, str]] = {}  # id -> (the object, its digest)
        # only objects met again are taken over, so memory stays one build's worth; sound
        # because what is fingerprinted is frozen (models, dataclasses, tuples of them)
        self._before = previous._seen if previous is not None else {}

    def __call__(self, *values: Any) -> str:
        parts: list[str] = []
        for value in values:
            self._feed(value, parts, 0)
        return _digest(parts)

    def _object(self, value: Any, depth: int) -> str:
        """A dataclass or model instance: its digest, remembered."""
        known = self._seen.get(id(value)) or self._before.get(id(value))
        if known is not None and known[0] is value:
            self._seen[id(value)] = known
            return known[1]
        parts: list[str] = []
        kind = type(value)
        if isinstance(value, BaseModel):
            parts.append(f"model:{kind.__module__}.{kind.__qualname__}")
            self._feed(dict(value.__dict__), parts, depth + 1)
            self._feed(value.__pydantic_extra__ or {}, parts, depth + 1)
        else:
            parts.append(f"dc:{kind.__module__}.{kind.__qualname__}")
            feed, append = self._feed, parts.append
            for name in _field_names(kind):
                append(name)
                item = getattr(value, name)
                if type(item) is str:  # most fields: no call for them
                    append("s")
                    append(item)
                else:
                    feed(item, parts, depth + 1)
        digest = _digest(parts)
        self._seen[id(value)] = (value, digest)  # holding it keeps the id from being reused
        return digest

    def _feed(self, value: Any, parts: list[str], depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise Unstable("nested too deep")
        kind = type(value)
        how = _HOW.get(kind)
        if how is None:
            how = _how(kind)
        if how == _STR:
            parts.append("s")
            parts.append(value)
        elif how == _REPR:
            parts.append(repr(value))
        elif how == _SEQ:
            parts.append(f"[{len(value)}")
            for item in value:
                if type(item) is str:
                    parts.append("s")
                    parts.append(item)
                else:
                    self._feed(item, parts, depth + 1)
        elif how == _DICT:
            parts.append(f"{{{len(value)}")  # insertion order: templates iterate in it
            for key, item in value.items():
                self._feed(key, parts, depth + 1)
                self._feed(item, parts, depth + 1)
        elif how == _OBJECT:
            parts.append(self._object(value, depth))
        else:
            self._feed_other(value, parts, depth)

    def _feed_other(self, value: Any, parts: list[str], depth: int) -> None:
        kind = type(value)
        if isinstance(value, str):  # markupsafe.Markup: escaped differently from str
            parts.append(f"{kind.__name__}:")
            parts.append(value)
        elif isinstance(value, Enum):
            parts.append(f"enum:{kind.__qualname__}:{value.value!r}")
        elif isinstance(value, datetime | date):
            parts.append(f"{kind.__name__}:{value.isoformat()}")
        elif isinstance(value, bytes):
            parts.append(f"bytes:{value.hex()}")
        elif isinstance(value, tuple | list):
            parts.append(f"{kind.__qualname__}:{len(value)}")
            for item in value:
                self._feed(item, parts, depth + 1)
        elif isinstance(value, set | frozenset):
            parts.append(f"set:{len(value)}")
            parts.extend(sorted(self(item) for item in value))
        else:
            raise Unstable(f"cannot fingerprint {kind.__qualname__}")


def fingerprint(*values: Any) -> str:
    """One-off use (no memory between calls)."""
    return Fingerprinter()(*values)
