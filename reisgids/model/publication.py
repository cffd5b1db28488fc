"""News, stories, events, the marketplace and free pages."""

from __future__ import annotations

from reisgids.model.base import AnyRef, Entry
from reisgids.model.fields import Bool, Date, Email, Enum, Moment, Ref, Text, Url


class News(Entry):
    date: Date
    related: list[AnyRef] = []


class Story(Entry):
    date: Date
    medium: Enum("story.medium")  # type: ignore[valid-type]
    author: Text | None = None
    media_url: Url | None = None
    related: list[AnyRef] = []


class Event(Entry):
    start: Moment
    end: Moment | None = None
    type: Enum("event.type")  # type: ignore[valid-type]
    location: Text | None = None
    online: Bool = False
    organisers: list[Ref("partner")] = []  # type: ignore[valid-type]
    registration: Url | None = None


class Listing(Entry):
    type: Enum("listing.type")  # type: ignore[valid-type]
    category: Enum("listing.category")  # type: ignore[valid-type]
    by: Ref("partner")  # type: ignore[valid-type]
    contact: Email | None = None
    valid_until: Date | None = None


class Page(Entry):
    pass
