"""Quadrant 4, the compass: agenda items followed until they end, and editions."""

from __future__ import annotations

from typing import Annotated

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
    doc,
)


class DecisionDocument(Model):
    """A document that records a move: a raadsbesluit, a collegebrief, minutes."""

    title: Text = doc(
        "De titel van het document, zoals 'Raadsbesluit 12 maart 2026'.",
        "The title of the document, such as 'Council decision 12 March 2026'.")
    # https://... or /static/...
    url: UrlOrStatic = doc(
        "Waar het document staat: https://... of /static/....",
        "Where the document is: https://... or /static/....")


class HistoryEntry(Model):
    date: Date = doc(
        "De datum van deze stap; nooit eerder dan de vorige.",
        "The date of this step; never before the previous one.")
    status: Annotated[Text, OneOf("agenda.status")] = doc(
        "De status vanaf deze datum.",
        "The status from this date on.")
    note: Text | None = doc(
        "Een toelichting; nodig bij besloten, geborgd en ingetrokken.",
        "A note; needed for decided, anchored and withdrawn.",
        default=None)
    forum: Text | None = doc(
        "Waar het geagendeerd is, zoals directie, college of gemeenteraad; nodig bij geagendeerd.",
        "Where it is on the agenda, such as the board, the executive or the council; needed for "
        "on-agenda.",
        default=None)
    decision: Annotated[Text, OneOf("decision")] | None = doc(
        "Het besluit; nodig bij besloten.",
        "The decision; needed for decided.",
        default=None)
    feedback: Text | None = doc(
        "Wat er aan wie is teruggekoppeld; nodig bij teruggekoppeld.",
        "What was reported back, to whom; needed for fed-back.",
        default=None)
    indicator: Text | None = doc(
        "Waaraan je ziet of de verandering werkt; nodig bij gemonitord.",
        "How you can tell whether the change works; needed for monitoring.",
        default=None)
    next_check: Date | None = doc(
        "Wanneer er weer gekeken wordt; nodig bij gemonitord.",
        "When it will be checked again; needed for monitoring.",
        default=None)
    documents: list[DecisionDocument] = doc(
        "De stukken van deze stap, zoals een raadsbesluit of collegebrief: een titel en een adres "
        "(https://...) of een bestand in static/ (/static/...).",
        "The documents of this step, such as a council decision or a letter from the executive: a "
        "title and an address (https://...) or a file in static/ (/static/...).",
        default=[])


class AgendaItem(Entry):
    summary: Summary = doc(
        "Het voorstel in één of twee zinnen (hoogstens 300 tekens).",
        "The proposal in one or two sentences (at most 300 characters).")
    lessons: list[LessonRef] = doc(
        "De lessen waar dit voorstel uit voortkomt.",
        "The lessons this proposal comes from.",
        min_length=1)
    change: Annotated[Text, OneOf("agenda.change")] = doc(
        "Wat er structureel moet veranderen.",
        "What should change structurally.")
    proposal: Text = doc(
        "Het voorstel: wat moet er anders, en door wie?",
        "The proposal: what should change, and by whom?")
    owner: PartnerRef | None = doc(
        "De organisatie die het voorstel trekt.",
        "The organisation that takes the proposal forward.",
        default=None)
    history: list[HistoryEntry] = doc(
        "Het verloop, oudste eerst; de laatste regel is de huidige status.",
        "What happened, oldest first; the last entry is the current status.",
        min_length=1)


class Period(Model):
    start: Date = doc("De eerste dag van de periode.", "The first day of the period.")
    end: Date = doc("De laatste dag van de periode.", "The last day of the period.")


class Adoption(Model):
    date: Date = doc("De datum van vaststelling.", "The date of adoption.")
    forum: Text = doc("Wie de editie heeft vastgesteld.", "Who adopted the edition.")


class Priority(Model):
    theme: Theme = doc(
        "Het thema, uit de themalijst van de site.",
        "The theme, from the site's list of themes.")
    text: Text = doc(
        "Wat er binnen dit thema voorrang krijgt.",
        "What gets priority within this theme.")


class CompassEdition(Entry):
    period: Period = doc(
        "De periode van deze editie, begin en einde meegerekend.",
        "The period of this edition, start and end included.")
    adopted: Adoption | None = doc(
        "Wanneer en door wie de editie is vastgesteld; zonder dit heet de editie een concept.",
        "When and by whom the edition was adopted; without it the edition is a draft.",
        default=None)
    co_created_with: list[PartnerRef] = doc(
        "De organisaties die aan deze editie meeschreven.",
        "The organisations that helped write this edition.",
        default=[])
    priorities: list[Priority] = doc(
        "De prioriteiten voor de volgende ronde deals.",
        "The priorities for the next round of deals.",
        default=[])
