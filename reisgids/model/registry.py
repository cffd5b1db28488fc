"""Which model each kind uses."""

from __future__ import annotations

from reisgids.model.atlas import Area, Deal, Instrument, Partner, Project
from reisgids.model.base import Entry
from reisgids.model.compass import AgendaItem, CompassEdition
from reisgids.model.learning import Lesson, Review
from reisgids.model.publication import Event, Listing, News, Page, Story

MODELS: dict[str, type[Entry]] = {
    "deal": Deal, "project": Project, "partner": Partner, "instrument": Instrument,
    "review": Review, "lesson": Lesson, "agenda-item": AgendaItem,
    "compass-edition": CompassEdition, "news": News, "story": Story, "event": Event,
    "listing": Listing, "area": Area, "page": Page,
}
