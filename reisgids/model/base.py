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
    Help,
    SitePath,
    StaticPath,
    Summary,
    Text,
    Theme,
    Title,
    Url,
    Year,
    check_slug,
    doc,
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
    title: Title = doc("De tekst van de link.", "The text of the link.")
    url: Url = doc("Het webadres.", "The web address.")


class KindRef(Model):
    """`{deal: tienernetwerk}`: a reference that may point at several kinds."""

    allowed: ClassVar[frozenset[str]] = frozenset()
    kind_help: ClassVar[dict[str, Help]] = {}  # per kind, where the kinds are few enough
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


# the help of each kind a lesson's source may name (`{review: slug}`)
SOURCE_HELP: dict[str, Help] = {
    Kind.REVIEW.value: ("Een schouw.", "A review."),
    Kind.DEAL.value: ("Een deal.", "A deal."),
    Kind.PROJECT.value: ("Een project.", "A project."),
}


class SourceRef(KindRef):
    allowed: ClassVar[frozenset[str]] = frozenset(SOURCE_HELP)
    kind_help: ClassVar[dict[str, Help]] = SOURCE_HELP


class DocumentSource(Model):
    document: Text = doc(
        "De titel van een document, zoals een rapport.",
        "The title of a document, such as a report.")
    url: Url | None = doc(
        "Waar het document te vinden is.",
        "Where to find the document.",
        default=None)
    year: Year | None = doc(
        "Het jaar van het document.",
        "The year of the document.",
        default=None)


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

    title: Title = doc("De naam zoals bezoekers hem zien.", "The name as visitors see it.")
    summary: Summary | None = doc(
        "Een korte samenvatting in één of twee zinnen (hoogstens 300 tekens), voor kaarten, "
        "zoekresultaten en zoekmachines.",
        "A short summary in one or two sentences (at most 300 characters), for cards, search "
        "results and search engines.",
        default=None)
    themes: list[Theme] = doc(
        "De thema's waar dit over gaat, uit de themalijst van de site.",
        "The themes this is about, from the site's list of themes.",
        default=[])
    areas: list[AreaRef] = doc(
        "De wijken waar dit speelt.",
        "The neighbourhoods where this takes place.",
        default=[])
    tags: list[Text] = doc("Vrije trefwoorden.", "Free keywords.", default=[])
    date: Date | None = doc(
        "De datum waarop dit verscheen of gebeurde.",
        "The date this appeared or happened.",
        default=None)
    updated: Date | None = doc(
        "De datum van de laatste inhoudelijke wijziging.",
        "The date of the last change to the content.",
        default=None)
    draft: Bool = doc(
        "Zet op true zolang het nog niet af is: dan komt het niet op de site.",
        "Set to true while it is not finished: then it stays off the site.",
        default=False)
    publish_date: Date | None = doc(
        "Pas vanaf deze datum zichtbaar op de site.",
        "Visible on the site only from this date.",
        default=None)
    expiry_date: Date | None = doc(
        "Na deze datum niet meer zichtbaar op de site.",
        "No longer visible on the site after this date.",
        default=None)
    image: StaticPath | None = doc(
        "Een afbeelding uit de map static/.",
        "An image from the static/ folder.",
        default=None)
    image_alt: Text | None = doc(
        "Wat er op de afbeelding staat, voor wie hem niet kan zien; nodig bij een afbeelding.",
        "What the image shows, for people who cannot see it; needed with an image.",
        default=None)
    links: list[LinkItem] = doc(
        "Links naar meer informatie elders.",
        "Links to more information elsewhere.",
        default=[])
    # old URLs that redirect here (renamed slugs)
    aliases: list[SitePath] = doc(
        "Oude adressen van deze pagina (na een nieuwe bestandsnaam), zoals /deals/oude-naam/: die "
        "sturen bezoekers hierheen.",
        "Old addresses of this page (after a rename), such as /deals/old-name/: they send "
        "visitors here.",
        default=[])
