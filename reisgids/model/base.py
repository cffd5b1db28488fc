"""What every kind shares: strict, frozen models and the common fields."""

from __future__ import annotations

import types
import typing
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Discriminator, Tag, model_validator
from pydantic_core import PydanticCustomError

from reisgids.model.fields import (
    AreaRef,
    Bool,
    Date,
    SitePath,
    StaticPath,
    Summary,
    Text,
    Theme,
    Title,
    Url,
    Year,
    check_slug,
)
from reisgids.model.kind import Kind


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(a) for a in typing.get_args(annotation) if a is not type(None))
    return origin is list


class Model(BaseModel):
    """Unknown fields are errors; a single value where a list is expected is a one-item
    list (unless it holds commas); an empty value (`field:`) counts as not written."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _editor_shapes(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        shaped: dict[str, Any] = {}
        by_alias = {(f.alias or name): f for name, f in cls.model_fields.items()}
        for key, value in data.items():
            if value is None:
                continue
            field = by_alias.get(key)
            if field is not None and _is_list(field.annotation) and not isinstance(value, list):
                # 'themes: zorg, wonen' is one text, not two items: left as text, it fails
                # as "expected a list" and the message shows how a list is written
                value = value if isinstance(value, str) and "," in value else [value]
            shaped[key] = value
        return shaped


class LinkItem(Model):
    title: Title
    url: Url


class KindRef(Model):
    """`{deal: tienernetwerk}`: a reference that may point at several kinds."""

    allowed: ClassVar[frozenset[str]] = frozenset()
    kind: str
    slug: str

    @model_validator(mode="before")
    @classmethod
    def _from_mapping(cls, data: Any) -> Any:
        if isinstance(data, dict) and set(data) != {"kind", "slug"}:
            if len(data) != 1:
                raise PydanticCustomError("reisgids_kindref", "expected one kind",
                                          {"value": ", ".join(map(str, data))})
            ((kind, slug),) = data.items()
            if cls.allowed and kind not in cls.allowed:
                raise PydanticCustomError("reisgids_kindref_kind", "unknown kind",
                                          {"value": str(kind),
                                           "allowed": ", ".join(sorted(cls.allowed))})
            if not isinstance(slug, str):
                raise PydanticCustomError("reisgids_text", "expected text", {})
            return {"kind": kind, "slug": check_slug(slug.strip())}
        if not isinstance(data, dict):
            raise PydanticCustomError("reisgids_kindref", "expected one kind",
                                      {"value": str(data)})
        return data


ALL_KINDS = frozenset(kind.value for kind in Kind)


class AnyRef(KindRef):
    allowed: ClassVar[frozenset[str]] = ALL_KINDS


class SourceRef(KindRef):
    allowed: ClassVar[frozenset[str]] = frozenset(
        k.value for k in (Kind.REVIEW, Kind.DEAL, Kind.PROJECT))


class DocumentSource(Model):
    document: Text
    url: Url | None = None
    year: Year | None = None


def _source_tag(value: Any) -> str:
    # a mapping with any document field is a document (so a missing title is named as such);
    # tags appear in error locations, bracketed so that they never look like a field name
    if isinstance(value, DocumentSource):  # serializing (model_dump) a validated source
        return "<document>"
    document = isinstance(value, dict) and not {"document", "url", "year"}.isdisjoint(value)
    return "<document>" if document else "<ref>"


LessonSource = typing.Annotated[
    typing.Annotated[SourceRef, Tag("<ref>")]
    | typing.Annotated[DocumentSource, Tag("<document>")],
    Discriminator(_source_tag),
]


class Entry(Model):
    """The fields every kind has."""

    title: Title
    summary: Summary | None = None
    themes: list[Theme] = []
    areas: list[AreaRef] = []
    tags: list[Text] = []
    date: Date | None = None
    updated: Date | None = None
    draft: Bool = False
    publish_date: Date | None = None
    expiry_date: Date | None = None
    image: StaticPath | None = None
    image_alt: Text | None = None
    links: list[LinkItem] = []
    aliases: list[SitePath] = []  # old URLs that redirect here (renamed slugs)
