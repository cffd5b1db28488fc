"""Field types that read YAML as editors write it: every scalar arrives as text.

Each parser raises a PydanticCustomError whose type starts with ``reisgids_`` so that
validation can turn it into a message in the site's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, Field, GetCoreSchemaHandler, StringConstraints
from pydantic.fields import FieldInfo
from pydantic_core import CoreSchema, PydanticCustomError, PydanticUndefined, core_schema

from reisgids.model.kind import Kind
from reisgids.model.vocab import VOCABS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Years a guide can mean. Python's dates end at 1-1-1 and 31-12-9999: a time zone shift or
# "the day after" (calendars, feeds) would step outside and fail while rendering.
MIN_YEAR, MAX_YEAR = 1000, 9998
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\Z")
DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?\Z")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*\Z", re.IGNORECASE)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+\Z")
# an old URL of this site (`aliases:`): lower-case folders ending in '/' or a .html file,
# so that it is also a safe output path (no '..', no '//', no query, no case clash)
SITE_PATH_RE = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9._-]*(?:/|\.html))\Z")
SITE_PATH_MAX = 200


Help = tuple[str, str]  # (Dutch, English)
HELP_EN = "x-help-en"  # where doc() keeps the English line, beside the Dutch description


def doc(nl: str, en: str, *, default: Any = PydanticUndefined, **field: Any) -> Any:
    """A field with its help: one line of plain explanation in Dutch and English.

    ``goal: Text = doc("Het gezamenlijke doel ...", "The shared goal ...")``. The lines say
    what the field is for; whether it is required, which values a fixed list allows and how
    to write a date are added by whoever shows the text (`reisgids new`, the JSON Schema,
    the reference, the web editor), read from the model through reisgids.model.describe.
    `default` and the other keywords are pydantic's ``Field``'s."""
    return Field(default, description=nl, json_schema_extra={HELP_EN: en}, **field)


def help_of(info: FieldInfo) -> Help | None:
    """The (Dutch, English) help of a field made with doc(); None for a field without."""
    extra = info.json_schema_extra
    english = extra.get(HELP_EN) if isinstance(extra, dict) else None
    if info.description is None or not isinstance(english, str):
        return None
    return info.description, english


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    raise PydanticCustomError("reisgids_text", "expected text", {})


def parse_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = _text_of(value) if isinstance(value, str) else ""
    match = DATE_RE.match(text)
    if match and MIN_YEAR <= int(match[1]) <= MAX_YEAR:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise PydanticCustomError("reisgids_date", "not a date", {"value": str(value)})


def _offset(text: str | None) -> timezone | ZoneInfo:
    if text is None:
        return AMSTERDAM
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_moment(value: Any) -> date | datetime:
    """A date (a whole day) or a date-time; without an offset, Europe/Amsterdam."""
    if isinstance(value, date):
        return value
    text = _text_of(value) if isinstance(value, str) else ""
    if DATE_RE.match(text):
        return parse_date(text)
    match = DATETIME_RE.match(text)
    if match and MIN_YEAR <= int(match[1]) <= MAX_YEAR:
        try:
            return datetime(int(match[1]), int(match[2]), int(match[3]), int(match[4]),
                            int(match[5]), int(match[6] or 0), tzinfo=_offset(match[7]))
        except ValueError:
            pass
    raise PydanticCustomError("reisgids_moment", "not a date-time", {"value": str(value)})


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip() in {"true", "false"}:
        return value.strip() == "true"
    raise PydanticCustomError("reisgids_bool", "not a boolean", {"value": str(value)})


def parse_year(value: Any) -> int:
    text = value.strip() if isinstance(value, str) else str(value)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    raise PydanticCustomError("reisgids_year", "not a year", {"value": text})


def check_url(value: str) -> str:
    if URL_RE.match(value):
        return value
    raise PydanticCustomError("reisgids_url", "not a url", {"value": value})


def check_email(value: str) -> str:
    if EMAIL_RE.match(value):
        return value
    raise PydanticCustomError("reisgids_email", "not an e-mail address", {"value": value})


def check_slug(value: str) -> str:
    if SLUG_RE.match(value):
        return value
    raise PydanticCustomError("reisgids_slug", "not a slug", {"value": value})


def check_static_path(value: str) -> str:
    """Images live under static/ and are written /static/...; nothing may leave the site."""
    parts = value.split("/")
    if not value.startswith("/static/") or ".." in parts or "\\" in value:
        raise PydanticCustomError("reisgids_static_path", "not a static path", {"value": value})
    return value


def check_site_path(value: str) -> str:
    if len(value) <= SITE_PATH_MAX and SITE_PATH_RE.match(value) and ".." not in value:
        return value
    raise PydanticCustomError("reisgids_site_path", "not a path of this site", {"value": value})


def check_url_or_static(value: str) -> str:
    """A link to a document: a web address, or a file under static/ written /static/..."""
    return check_static_path(value) if value.startswith("/") else check_url(value)


@dataclass(frozen=True)
class RefTo:
    """Marks a text field as holding the slug of an entry of `kind`."""

    kind: str

    def __post_init__(self) -> None:
        # a Kind member in, a plain str kept: graph keys and outputs carry plain text
        object.__setattr__(self, "kind", str(self.kind))


@dataclass(frozen=True)
class VocabOf:
    """Marks a text field whose ids come from the site's vocabulary `name` (reisgids.yml)."""

    name: str


@dataclass(frozen=True)
class OneOf:
    """Restricts a text field to the ids of the fixed vocabulary `vocab` (model/vocab.py):
    ``phase: Annotated[Text, OneOf("deal.phase")]``. It checks the stripped text."""

    vocab: str

    def __post_init__(self) -> None:
        if self.vocab not in VOCABS:  # a typo in a model fails at import, not in a build
            raise KeyError(f"no vocabulary {self.vocab!r}")

    def check(self, value: str) -> str:
        if value in VOCABS[self.vocab]:
            return value
        raise PydanticCustomError("reisgids_enum", "unknown value",
                                  {"vocab": self.vocab, "value": value})

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))


Text = Annotated[str, BeforeValidator(_text_of)]
# StringConstraints first: it then applies to the stripped text as string_too_long
Summary = Annotated[str, StringConstraints(max_length=300), BeforeValidator(_text_of)]
# A title is a heading, a link text and a feed entry: bounded, like the summary
Title = Annotated[str, StringConstraints(max_length=150), BeforeValidator(_text_of)]
Date = Annotated[date, BeforeValidator(parse_date)]
Moment = Annotated[date | datetime, BeforeValidator(parse_moment)]
Bool = Annotated[bool, BeforeValidator(parse_bool)]
Year = Annotated[int, BeforeValidator(parse_year)]
Url = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_url)]
Email = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_email)]
StaticPath = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_static_path)]
SitePath = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_site_path)]
Slug = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_slug)]
UrlOrStatic = Annotated[str, BeforeValidator(_text_of), AfterValidator(check_url_or_static)]

# A reference: the slug of an entry of one kind (graph/link.py resolves it).
AreaRef = Annotated[Slug, RefTo(Kind.AREA)]
DealRef = Annotated[Slug, RefTo(Kind.DEAL)]
InstrumentRef = Annotated[Slug, RefTo(Kind.INSTRUMENT)]
LessonRef = Annotated[Slug, RefTo(Kind.LESSON)]
PartnerRef = Annotated[Slug, RefTo(Kind.PARTNER)]
ProjectRef = Annotated[Slug, RefTo(Kind.PROJECT)]
# A site vocabulary's id (reisgids.yml `vocabularies:`), checked against the site's list
Theme = Annotated[Text, VocabOf("themes")]
