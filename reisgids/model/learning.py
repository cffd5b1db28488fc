"""Quadrant 3: the schouw (review) and the lessons it draws."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from reisgids.model.base import Entry, LessonSource, Model
from reisgids.model.fields import Bool, Date, DealRef, OneOf, PartnerRef, Summary, Text


class Peer(Model):
    name: Text
    partner: PartnerRef | None = None


class Yardstick(Model):
    partner: PartnerRef
    criteria: list[Text] = []


class Review(Entry):
    deal: DealRef
    date: Date
    steps: list[Annotated[Text, OneOf("review.steps")]] = []
    participants: list[PartnerRef] = []
    peers: list[Peer] = []
    experience_experts: Text | None = None
    yardstick: list[Yardstick] = []
    next_review: Date | None = None


class Lesson(Entry):
    summary: Summary
    date: Date
    success: Bool = False
    sources: list[LessonSource] = Field(min_length=1)
    level: Annotated[Text, OneOf("lesson.level")]
    type: Annotated[Text, OneOf("lesson.type")]
    effect: Annotated[Text, OneOf("lesson.effect")] | None = None
    change: Annotated[Text, OneOf("change")] = "none"
    implication: Text | None = None
