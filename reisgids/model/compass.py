"""Quadrant 4, the compass: agenda items followed until they end, and editions."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from reisgids.model.base import Entry, Model
from reisgids.model.fields import (
    Date,
    LessonRef,
    OneOf,
    PartnerRef,
    Summary,
    Text,
    Theme,
    UrlOrStatic,
)


class DecisionDocument(Model):
    """A document that records a move: a raadsbesluit, a collegebrief, minutes."""

    title: Text
    url: UrlOrStatic  # https://... or /static/...


class HistoryEntry(Model):
    date: Date
    status: Annotated[Text, OneOf("agenda.status")]
    note: Text | None = None
    forum: Text | None = None
    decision: Annotated[Text, OneOf("decision")] | None = None
    feedback: Text | None = None
    indicator: Text | None = None
    next_check: Date | None = None
    documents: list[DecisionDocument] = []


class AgendaItem(Entry):
    summary: Summary
    lessons: list[LessonRef] = Field(min_length=1)
    change: Annotated[Text, OneOf("agenda.change")]
    proposal: Text
    owner: PartnerRef | None = None
    history: list[HistoryEntry] = Field(min_length=1)


class Period(Model):
    start: Date
    end: Date


class Adoption(Model):
    date: Date
    forum: Text


class Priority(Model):
    theme: Theme
    text: Text


class CompassEdition(Entry):
    period: Period
    adopted: Adoption | None = None
    co_created_with: list[PartnerRef] = []
    priorities: list[Priority] = []
