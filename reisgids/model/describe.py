"""The shape of every field, read from the models: for `reisgids new`, the JSON Schema
and the generated reference."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from annotated_types import MaxLen, MinLen
from pydantic import AfterValidator, BaseModel, BeforeValidator, StringConstraints

from reisgids.model.base import KindRef
from reisgids.model.fields import (
    Help,
    OneOf,
    RefTo,
    VocabOf,
    check_email,
    check_static_path,
    check_url,
    check_url_or_static,
    help_of,
    parse_bool,
    parse_date,
    parse_moment,
    parse_year,
)
from reisgids.model.kinds import MODELS

# The leaves a field can have.
TEXT, DATE, MOMENT, BOOL, YEAR, URL, EMAIL, PATH = (
    "text", "date", "moment", "bool", "year", "url", "email", "path")
LINK = "link"  # a web address or a /static/ path (a decision document)
ENUM, VOCAB, REF, KINDREF, MODEL, CHOICE = ("enum", "vocab", "ref", "kindref", "model", "choice")


@dataclass(frozen=True)
class Shape:
    """What one value of a field looks like."""

    leaf: str
    name: str = ""  # ENUM: the vocab in VOCABS; VOCAB: the site vocabulary; REF: the kind
    kinds: tuple[str, ...] = ()  # KINDREF: the kinds it may point at
    model: type[BaseModel] | None = None  # MODEL; KINDREF: the KindRef class
    options: tuple[Shape, ...] = ()  # CHOICE: one of these
    max_length: int | None = None  # TEXT


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model, as an editor writes it."""

    attr: str  # the Python attribute
    key: str  # the YAML key (``from`` for ``from_``)
    required: bool
    many: bool  # a list
    min_items: int
    shape: Shape
    default: Any
    help: Help | None = None  # (Dutch, English), from doc() on the model's field


_BEFORE = {parse_date: DATE, parse_moment: MOMENT, parse_bool: BOOL, parse_year: YEAR}
_AFTER = {check_url: URL, check_email: EMAIL, check_static_path: PATH,
          check_url_or_static: LINK}


def _leaf(metadata: list[Any]) -> Shape | None:
    for meta in metadata:
        if isinstance(meta, RefTo):
            return Shape(REF, name=meta.kind)
        if isinstance(meta, VocabOf):
            return Shape(VOCAB, name=meta.name)
        if isinstance(meta, OneOf):
            return Shape(ENUM, name=meta.vocab)
    max_length: int | None = None
    for meta in metadata:
        if isinstance(meta, BeforeValidator):
            if meta.func in _BEFORE:
                return Shape(_BEFORE[meta.func])
        elif isinstance(meta, AfterValidator) and meta.func in _AFTER:
            return Shape(_AFTER[meta.func])
        elif isinstance(meta, StringConstraints | MaxLen) and meta.max_length is not None:
            max_length = meta.max_length
    if max_length is not None:
        return Shape(TEXT, max_length=max_length)
    return None


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    while typing.get_origin(annotation) is typing.Annotated:
        metadata = [*metadata, *annotation.__metadata__]
        annotation = typing.get_args(annotation)[0]
    return annotation, metadata


def analyse(annotation: Any, metadata: list[Any] | None = None) -> tuple[bool, int, Shape]:
    """(is a list, its minimum length, the shape of one value) of an annotation."""
    annotation, found = _unwrap(annotation, list(metadata or []))
    leaf = _leaf(found)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return analyse(args[0], found)
        if leaf is not None:  # date | datetime, read by parse_moment
            return False, 0, leaf
        return False, 0, Shape(CHOICE, options=tuple(analyse(a)[2] for a in args))
    if origin is list:
        min_items = max((m.min_length for m in found if isinstance(m, MinLen)), default=0)
        _, _, inner = analyse(typing.get_args(annotation)[0])
        return True, min_items, inner
    if isinstance(annotation, type) and issubclass(annotation, KindRef):
        return False, 0, Shape(KINDREF, kinds=tuple(sorted(annotation.allowed)),
                               model=annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, 0, Shape(MODEL, model=annotation)
    if leaf is not None:
        return False, 0, leaf
    if annotation is str:
        return False, 0, Shape(TEXT)
    raise TypeError(f"reisgids.schema: cannot describe {annotation!r}")


def describe(model: type[BaseModel]) -> list[FieldSpec]:
    """Every field of `model` in declaration order."""
    specs = []
    for attr, info in model.model_fields.items():
        many, min_items, shape = analyse(info.annotation, list(info.metadata))
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        specs.append(FieldSpec(attr, info.alias or attr, info.is_required(), many, min_items,
                               shape, default, help_of(info)))
    return specs


def sub_fields(shape: Shape) -> list[tuple[str, list[FieldSpec]]]:
    """The nested fields of a shape, per alternative: ('', fields) for a model;
    one entry per model option of a choice; a KINDREF gives one key per kind."""
    if shape.leaf == MODEL and shape.model is not None:
        return [("", describe(shape.model))]
    if shape.leaf == CHOICE:
        return [group for option in shape.options for group in sub_fields(option)]
    if shape.leaf == KINDREF:
        helps = shape.model.kind_help if shape.model is not None and issubclass(
            shape.model, KindRef) else {}
        return [("", [FieldSpec(k, k, False, False, 0, Shape(REF, name=k), None, helps.get(k))
                      for k in shape.kinds])]
    return []


def field_paths(kind: str) -> list[str]:
    """Every dotted field path of a kind (``partners``, ``partners.role``), in model order.
    ``{kind: slug}`` references open up only where the kinds are few (lesson sources)."""
    paths: list[str] = []

    def visit(fields: list[FieldSpec], prefix: str) -> None:
        for spec in fields:
            path = f"{prefix}{spec.key}"
            if path not in paths:
                paths.append(path)
            if spec.shape.leaf == KINDREF and len(spec.shape.kinds) > 3:
                continue
            for _, nested in sub_fields(spec.shape):
                visit(nested, f"{path}.")

    visit(describe(MODELS[kind]), "")
    return paths


def help_for(kind: str, path: str) -> Help:
    """The explanation of field `path` (``partners.role``) of `kind`, from the model's field
    (its doc()); KeyError when there is no such field or it has no help."""
    fields = describe(MODELS[kind])
    found: FieldSpec | None = None
    for key in path.split("."):
        found = next((spec for spec in fields if spec.key == key), None)
        if found is None:
            break
        fields = [spec for _, group in sub_fields(found.shape) for spec in group]
    if found is None or found.help is None:
        raise KeyError(f"no help for {kind}.{path}")
    return found.help
