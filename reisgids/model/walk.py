"""Find the marked fields (references, site vocabularies) inside a validated model."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from reisgids.model.base import KindRef
from reisgids.model.fields import RefTo, VocabOf

FieldPath = tuple[str | int, ...]
Marker = RefTo | VocabOf


@dataclass(frozen=True)
class Found:
    path: FieldPath  # as written in YAML (aliases, list indexes)
    marker: Marker
    value: str


def _marker(annotation: Any) -> Marker | None:
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, RefTo | VocabOf):
                return meta
        return _marker(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _marker(arg)
            if found is not None:
                return found
    return None


def walk(model: BaseModel, path: FieldPath = ()) -> Iterator[Found]:
    """Every reference and vocabulary value in `model`, in field order."""
    if isinstance(model, KindRef):
        yield Found(path, RefTo(model.kind), model.slug)
        return
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        # pydantic moves a required field's Annotated metadata into FieldInfo.metadata
        marker = _marker(info.annotation) or next(
            (m for m in info.metadata if isinstance(m, RefTo | VocabOf)), None)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = (*path, key) if index is None else (*path, key, index)
            if isinstance(item, BaseModel):
                yield from walk(item, where)
            elif marker is not None and isinstance(item, str):
                yield Found(where, marker, item)
