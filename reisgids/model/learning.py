"""Quadrant 3: the schouw (review) and the lessons it draws."""

from __future__ import annotations

from typing import Annotated

from reisgids.model.base import Entry, LessonSource, Model
from reisgids.model.fields import Bool, Date, DealRef, OneOf, PartnerRef, Summary, Text, doc


class Peer(Model):
    name: Text = doc("De naam van de collega.", "The peer's name.")
    partner: PartnerRef | None = doc(
        "De organisatie van de collega.",
        "The peer's organisation.",
        default=None)


class Yardstick(Model):
    partner: PartnerRef = doc("De partner.", "The partner.")
    criteria: list[Text] = doc(
        "Waaraan deze partner succes afmeet, één per regel.",
        "What this partner measures success by, one per line.",
        default=[])


class Review(Entry):
    deal: DealRef = doc("De deal die geschouwd is.", "The deal that was reviewed.")
    date: Date = doc("De dag van de schouw.", "The day of the review.")
    steps: list[Annotated[Text, OneOf("review.steps")]] = doc(
        "De stappen van de schouw die al gezet zijn.",
        "The steps of the review that have been taken.",
        default=[])
    participants: list[PartnerRef] = doc(
        "De organisaties die meededen.",
        "The organisations that took part.",
        default=[])
    peers: list[Peer] = doc(
        "De collega's van buiten die meekeken.",
        "The peers from outside who took part.",
        default=[])
    experience_experts: Text | None = doc(
        "Welke ervaringsdeskundigen meededen, en hoe.",
        "Which experts by experience took part, and how.",
        default=None)
    yardstick: list[Yardstick] = doc(
        "De meetlat: waaraan elke partner de deal afmeet.",
        "The yardstick: what each partner measures the deal by.",
        default=[])
    next_review: Date | None = doc(
        "De datum van de volgende schouw.",
        "The date of the next review.",
        default=None)


class Lesson(Entry):
    summary: Summary = doc(
        "De les in één of twee zinnen (hoogstens 300 tekens).",
        "The lesson in one or two sentences (at most 300 characters).")
    date: Date = doc("Wanneer de les is getrokken.", "When the lesson was drawn.")
    success: Bool = doc(
        "true als dit een succes is in plaats van een les.",
        "true when this is a success rather than a lesson.",
        default=False)
    sources: list[LessonSource] = doc(
        "Waar de les vandaan komt: een schouw, deal, project of document.",
        "Where the lesson comes from: a review, deal, project or document.",
        min_length=1)
    level: Annotated[Text, OneOf("lesson.level")] = doc(
        "Op welk niveau de les speelt.",
        "The level the lesson is about.")
    type: Annotated[Text, OneOf("lesson.type")] = doc(
        "Waar de les over gaat.",
        "What the lesson is about.")
    effect: Annotated[Text, OneOf("lesson.effect")] | None = doc(
        "Of de les over de werkwijze gaat of over het resultaat.",
        "Whether the lesson is about the way of working or about the result.",
        default=None)
    change: Annotated[Text, OneOf("change")] = doc(
        "Welke structurele verandering de les vraagt; none als er niets hoeft te veranderen.",
        "Which structural change the lesson calls for; none when nothing needs to change.",
        default="none")
    implication: Text | None = doc(
        "Wat de les betekent voor de volgende keer.",
        "What the lesson means for next time.",
        default=None)
