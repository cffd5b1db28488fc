"""News, stories, events, the marketplace and free pages."""

from __future__ import annotations

from typing import Annotated

from reisgids.model.base import AnyRef, Entry
from reisgids.model.fields import Bool, Date, Email, Moment, OneOf, PartnerRef, Text, Url


class News(Entry):
    date: Date
    related: list[AnyRef] = []


class Story(Entry):
    date: Date
    medium: Annotated[Text, OneOf("story.medium")]
    author: Text | None = None
    media_url: Url | None = None
    related: list[AnyRef] = []


class Event(Entry):
    start: Moment
    end: Moment | None = None
    type: Annotated[Text, OneOf("event.type")]
    location: Text | None = None
    online: Bool = False
    organisers: list[PartnerRef] = []
    registration: Url | None = None


class Listing(Entry):
    type: Annotated[Text, OneOf("listing.type")]
    category: Annotated[Text, OneOf("listing.category")]
    by: PartnerRef
    contact: Email | None = None
    valid_until: Date | None = None


class Page(Entry):
    pass
