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


def _fields(model: type[BaseModel]) -> list[tuple[str, str, Marker | None]]:
    """Per field of a model class: its name, its key as written and its marker. A property
    of the class, so found once per class (serve walks every entry on every save)."""
    known = _FIELDS.get(model)
    if known is None:
        known = _FIELDS[model] = [
            # pydantic moves a required field's Annotated metadata into FieldInfo.metadata
            (name, info.alias or name, _marker(info.annotation) or next(
                (m for m in info.metadata if isinstance(m, RefTo | VocabOf)), None))
            for name, info in model.model_fields.items()]
    return known


_FIELDS: dict[type[BaseModel], list[tuple[str, str, Marker | None]]] = {}


def walk(model: BaseModel, path: FieldPath = ()) -> Iterator[Found]:
    """Every reference and vocabulary value in `model`, in field order."""
    if isinstance(model, KindRef):
        yield Found(path, RefTo(model.kind), model.slug)
        return
    for name, key, marker in _fields(type(model)):
        value = getattr(model, name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = (*path, key) if index is None else (*path, key, index)
            if isinstance(item, BaseModel):
                yield from walk(item, where)
            elif marker is not None and isinstance(item, str):
                yield Found(where, marker, item)
