"""Quadrant 3: the schouw (review) and the lessons it draws."""

from __future__ import annotations

from pydantic import Field

from reisgids.model.base import Entry, LessonSource, Model
from reisgids.model.fields import Bool, Date, Enum, Ref, Summary, Text


class Peer(Model):
    name: Text
    partner: Ref("partner") | None = None  # type: ignore[valid-type]


class Yardstick(Model):
    partner: Ref("partner")  # type: ignore[valid-type]
    criteria: list[Text] = []


class Review(Entry):
    deal: Ref("deal")  # type: ignore[valid-type]
    date: Date
    steps: list[Enum("review.steps")] = []  # type: ignore[valid-type]
    participants: list[Ref("partner")] = []  # type: ignore[valid-type]
    peers: list[Peer] = []
    experience_experts: Text | None = None
    yardstick: list[Yardstick] = []
    next_review: Date | None = None


class Lesson(Entry):
    summary: Summary
    date: Date
    success: Bool = False
    sources: list[LessonSource] = Field(min_length=1)
    level: Enum("lesson.level")  # type: ignore[valid-type]
    type: Enum("lesson.type")  # type: ignore[valid-type]
    effect: Enum("lesson.effect") | None = None  # type: ignore[valid-type]
    change: Enum("change") = "none"  # type: ignore[valid-type]
    implication: Text | None = None
