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
            for name in _field_names(kind):
                parts.append(name)
                self._feed(getattr(value, name), parts, depth + 1)
        digest = _digest(parts)
        self._seen[id(value)] = (value, digest)  # holding it keeps the id from being reused
        return digest

    def _feed(self, value: Any, parts: list[str], depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise Unstable("nested too deep")
        kind = type(value)
        if kind is str:
            parts.append("s")
            parts.append(value)
        elif value is None or kind is bool or kind is int or kind is float:
            parts.append(repr(value))
        elif kind is tuple or kind is list:
            parts.append(f"[{len(value)}")
            for item in value:
                self._feed(item, parts, depth + 1)
        elif kind is dict:
            parts.append(f"{{{len(value)}")  # insertion order: templates iterate in it
            for key, item in value.items():
                self._feed(key, parts, depth + 1)
                self._feed(item, parts, depth + 1)
        elif isinstance(value, BaseModel) or (
                dataclasses.is_dataclass(value) and not isinstance(value, type)):
            parts.append(self._object(value, depth))
        elif isinstance(value, str):  # markupsafe.Markup: escaped differently from str
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
