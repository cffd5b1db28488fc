"""Quadrant 4, the compass: agenda items followed until they end, and editions."""

from __future__ import annotations

from pydantic import Field

from reisgids.model.base import Entry, Model
from reisgids.model.fields import Date, Enum, Ref, SiteVocab, Summary, Text, UrlOrStatic


class DecisionDocument(Model):
    """A document that records a move: a raadsbesluit, a collegebrief, minutes."""

    title: Text
    url: UrlOrStatic  # https://... or /static/...


class HistoryEntry(Model):
    date: Date
    status: Enum("agenda.status")  # type: ignore[valid-type]
    note: Text | None = None
    forum: Text | None = None
    decision: Enum("decision") | None = None  # type: ignore[valid-type]
    feedback: Text | None = None
    indicator: Text | None = None
    next_check: Date | None = None
    documents: list[DecisionDocument] = []


class AgendaItem(Entry):
    summary: Summary
    lessons: list[Ref("lesson")] = Field(min_length=1)  # type: ignore[valid-type]
    change: Enum("agenda.change")  # type: ignore[valid-type]
    proposal: Text
    owner: Ref("partner") | None = None  # type: ignore[valid-type]
    history: list[HistoryEntry] = Field(min_length=1)


class Period(Model):
    start: Date
    end: Date


class Adoption(Model):
    date: Date
    forum: Text


class Priority(Model):
    theme: SiteVocab("themes")  # type: ignore[valid-type]
    text: Text


class CompassEdition(Entry):
    period: Period
    adopted: Adoption | None = None
    co_created_with: list[Ref("partner")] = []  # type: ignore[valid-type]
    priorities: list[Priority] = []
