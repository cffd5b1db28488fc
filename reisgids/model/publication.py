"""News, stories, events, the marketplace and free pages."""

from __future__ import annotations

from typing import Annotated

from reisgids.model.base import AnyRef, Entry
from reisgids.model.fields import Bool, Date, Email, Moment, OneOf, PartnerRef, Text, Url, doc


class News(Entry):
    date: Date = doc("De datum van het bericht.", "The date of the news item.")
    related: list[AnyRef] = doc(
        "Andere pagina's van deze site waar dit over gaat, als {soort: naam}.",
        "Other pages of this site this is about, as {kind: name}.",
        default=[])


class Story(Entry):
    date: Date = doc("De datum van het verhaal.", "The date of the story.")
    medium: Annotated[Text, OneOf("story.medium")] = doc(
        "De vorm van het verhaal.",
        "The form of the story.")
    author: Text | None = doc("Wie het verhaal maakte.", "Who made the story.", default=None)
    media_url: Url | None = doc(
        "Het adres van de video of podcast.",
        "The address of the video or podcast.",
        default=None)
    related: list[AnyRef] = doc(
        "Andere pagina's van deze site waar dit over gaat, als {soort: naam}.",
        "Other pages of this site this is about, as {kind: name}.",
        default=[])


class Event(Entry):
    start: Moment = doc(
        "Wanneer het begint: een datum (hele dag) of datum en tijd.",
        "When it starts: a date (whole day) or a date and time.")
    end: Moment | None = doc(
        "Wanneer het eindigt, net zo geschreven als de start; niet vóór de start.",
        "When it ends, written like the start; not before the start.",
        default=None)
    type: Annotated[Text, OneOf("event.type")] = doc("Het soort evenement.", "The type of event.")
    location: Text | None = doc("Waar het is.", "Where it is.", default=None)
    online: Bool = doc(
        "true als je online kunt meedoen.",
        "true when you can join online.",
        default=False)
    organisers: list[PartnerRef] = doc(
        "De organisaties die het organiseren.",
        "The organisations that organise it.",
        default=[])
    registration: Url | None = doc("Waar je je aanmeldt.", "Where to register.", default=None)


class Listing(Entry):
    type: Annotated[Text, OneOf("listing.type")] = doc(
        "Of dit een vraag of een aanbod is.",
        "Whether this is a request or an offer.")
    category: Annotated[Text, OneOf("listing.category")] = doc(
        "Waar de vraag of het aanbod over gaat.",
        "What the request or offer is about.")
    by: PartnerRef = doc(
        "De organisatie die vraagt of aanbiedt.",
        "The organisation that asks or offers.")
    contact: Email | None = doc(
        "Het e-mailadres voor reacties.",
        "The e-mail address for replies.",
        default=None)
    valid_until: Date | None = doc(
        "Tot wanneer het geldt; daarna gaat het naar het archief.",
        "Until when it is valid; after that it moves to the archive.",
        default=None)


class Page(Entry):
    pass
