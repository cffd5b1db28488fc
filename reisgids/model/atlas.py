"""The atlas: deals, projects, partners, instruments and areas."""

from __future__ import annotations

from typing import Annotated

from reisgids.model.base import Entry, Model
from reisgids.model.fields import (
    Bool,
    Date,
    DealRef,
    Email,
    InstrumentRef,
    OneOf,
    PartnerRef,
    ProjectRef,
    Summary,
    Text,
    Title,
    Url,
    VocabOf,
    Year,
    doc,
)


class DealPartner(Model):
    partner: PartnerRef = doc("De organisatie.", "The organisation.")
    role: Annotated[Text, OneOf("deal.role")] = doc(
        "De rol van deze partner in de deal.",
        "This partner's role in the deal.")
    contributions: list[Annotated[Text, OneOf("contribution")]] = doc(
        "Wat deze partner inbrengt.",
        "What this partner contributes.",
        default=[])
    note: Text | None = doc(
        "Een korte toelichting op de bijdrage.",
        "A short note on the contribution.",
        default=None)


class Resident(Model):
    name: Text = doc("De naam van de persoon.", "The person's name.")
    from_: PartnerRef = doc(
        "De organisatie waar deze persoon vandaan komt.",
        "The organisation this person comes from.",
        alias="from")
    at: PartnerRef = doc(
        "De organisatie waar deze persoon meewerkt.",
        "The organisation where this person works along.")
    since: Date | None = doc("Sinds wanneer.", "Since when.", default=None)


class Risk(Model):
    risk: Text = doc("Het risico.", "The risk.")
    mitigation: Text | None = doc(
        "Hoe jullie het risico kleiner maken.",
        "How you reduce the risk.",
        default=None)


class ReviewAgreements(Model):
    frequency: Text | None = doc(
        "Hoe vaak jullie schouwen.",
        "How often you review.",
        default=None)
    peers: Text | None = doc(
        "Wie er als collega van buiten meekijkt.",
        "Which peers from outside take part.",
        default=None)
    setting: Text | None = doc(
        "Waar en in welke vorm de schouw plaatsvindt.",
        "Where and in what form the review takes place.",
        default=None)


class Milestone(Model):
    date: Date = doc("De datum van de mijlpaal.", "The date of the milestone.")
    title: Title = doc("Wat er dan klaar moet zijn.", "What should be done by then.")
    done: Bool = doc(
        "true als de mijlpaal gehaald is.",
        "true when the milestone has been reached.",
        default=False)


class Deal(Entry):
    summary: Summary = doc(
        "Waar de deal over gaat, in één of twee zinnen (hoogstens 300 tekens).",
        "What the deal is about, in one or two sentences (at most 300 characters).")
    goal: Text = doc(
        "Het gezamenlijke doel: wat moet er voor de wijk of de bewoners beter worden?",
        "The shared goal: what should improve for the neighbourhood or residents?")
    phase: Annotated[Text, OneOf("deal.phase")] = doc(
        "De fase waarin de deal nu is.",
        "The phase the deal is in now.")
    partners: list[DealPartner] = doc(
        "De partners en hun rol; vanaf de fase planning zijn er minstens twee.",
        "The partners and their role; from the planning phase on there are at least two.",
        default=[])
    residents: list[Resident] = doc(
        "Partners in residence: mensen die vanuit hun eigen organisatie meewerken bij een andere "
        "partner.",
        "Partners in residence: people who work at another partner on behalf of their own "
        "organisation.",
        default=[])
    feasibility: Text | None = doc(
        "Waarom de deal haalbaar is.",
        "Why the deal is feasible.",
        default=None)
    risks: list[Risk] = doc(
        "Wat er mis kan gaan, en wat jullie daaraan doen.",
        "What could go wrong, and what you do about it.",
        default=[])
    expected_results: list[Text] = doc(
        "De resultaten die jullie verwachten, één per regel.",
        "The results you expect, one per line.",
        default=[])
    scalability: Text | None = doc(
        "Of en hoe de aanpak ook elders of groter kan.",
        "Whether and how the approach can work elsewhere or at a larger scale.",
        default=None)
    finance: list[Annotated[Text, OneOf("finance")]] = doc(
        "Hoe de deal betaald wordt.",
        "How the deal is paid for.",
        default=[])
    review_agreements: ReviewAgreements | None = doc(
        "De afspraken over de schouw van deze deal.",
        "The agreements about reviewing this deal.",
        default=None)
    start: Date | None = doc(
        "De startdatum van de deal.",
        "The start date of the deal.",
        default=None)
    end: Date | None = doc(
        "De geplande einddatum; niet vóór de start.",
        "The planned end date; not before the start.",
        default=None)
    milestones: list[Milestone] = doc(
        "De mijlpalen van de deal.",
        "The milestones of the deal.",
        default=[])
    projects: list[ProjectRef] = doc(
        "De projecten die bij deze deal horen.",
        "The projects that belong to this deal.",
        default=[])
    instruments: list[InstrumentRef] = doc(
        "De regelingen of budgetten die de deal gebruikt.",
        "The schemes or budgets the deal uses.",
        default=[])


class Contact(Model):
    email: Email | None = doc(
        "Het e-mailadres; liefst een functioneel adres.",
        "The e-mail address; preferably a shared address.",
        default=None)
    phone: Text | None = doc("Het telefoonnummer.", "The phone number.", default=None)


class Figure(Model):
    label: Text = doc("Wat er geteld is.", "What was counted.")
    value: Text = doc("Het getal of de waarde.", "The number or value.")
    year: Year | None = doc(
        "Het jaar waar het cijfer over gaat.",
        "The year the figure is about.",
        default=None)


class Project(Entry):
    summary: Summary = doc(
        "Waar het project over gaat, in één of twee zinnen (hoogstens 300 tekens).",
        "What the project is about, in one or two sentences (at most 300 characters).")
    status: Annotated[Text, OneOf("project.status")] = doc(
        "Hoe het project er nu voor staat.",
        "Where the project stands now.")
    form: Annotated[Text, VocabOf("forms")] | None = doc(
        "De organisatievorm, uit de lijst van de site.",
        "The form of organisation, from the site's list.",
        default=None)
    lead: PartnerRef | None = doc(
        "De organisatie die het project trekt.",
        "The organisation that leads the project.",
        default=None)
    partners: list[PartnerRef] = doc(
        "De organisaties die meedoen.",
        "The organisations that take part.",
        default=[])
    started: Text | None = doc(
        "Wanneer het begon: een jaar of een datum.",
        "When it started: a year or a date.",
        default=None)
    ended: Text | None = doc(
        "Wanneer het stopte: een jaar of een datum.",
        "When it ended: a year or a date.",
        default=None)
    city: Text | None = doc("De gemeente of plaats.", "The municipality or town.", default=None)
    website: Url | None = doc(
        "De eigen website van het project.",
        "The project's own website.",
        default=None)
    contact: Contact | None = doc(
        "Hoe je het project bereikt.",
        "How to reach the project.",
        default=None)
    instruments: list[InstrumentRef] = doc(
        "De regelingen of budgetten die het project gebruikt.",
        "The schemes or budgets the project uses.",
        default=[])
    funding: Text | None = doc(
        "Hoe het project betaald wordt.",
        "How the project is paid for.",
        default=None)
    figures: list[Figure] = doc(
        "De belangrijkste cijfers van het project.",
        "The project's key figures.",
        default=[])
    deals: list[DealRef] = doc(
        "De deals waar dit project bij hoort.",
        "The deals this project belongs to.",
        default=[])


class ContactPoint(Model):
    role: Text = doc("Waarvoor je hier terechtkunt.", "What to contact them for.")
    team: Text | None = doc("Het team of de afdeling.", "The team or department.", default=None)
    name: Text | None = doc(
        "De naam van de contactpersoon.",
        "The contact person's name.",
        default=None)
    email: Email | None = doc("Het e-mailadres.", "The e-mail address.", default=None)
    phone: Text | None = doc("Het telefoonnummer.", "The phone number.", default=None)


class Partner(Entry):
    type: Annotated[Text, VocabOf("partner_types")] = doc(
        "Het soort organisatie, uit de lijst van de site.",
        "The type of organisation, from the site's list.")
    website: Url | None = doc(
        "De website van de organisatie.",
        "The organisation's website.",
        default=None)
    email: Email | None = doc(
        "Het algemene e-mailadres.",
        "The general e-mail address.",
        default=None)
    phone: Text | None = doc(
        "Het algemene telefoonnummer.",
        "The general phone number.",
        default=None)
    address: Text | None = doc("Het bezoekadres.", "The visiting address.", default=None)
    parent: PartnerRef | None = doc(
        "De organisatie waar deze organisatie onder valt.",
        "The organisation this one is part of.",
        default=None)
    contacts: list[ContactPoint] = doc(
        "Aanspreekpunten: bij wie je terechtkunt, liefst met een functioneel adres.",
        "Contact points: who to turn to, preferably with a shared address.",
        default=[])
    reviewed: Date | None = doc(
        "Wanneer de gegevens van deze partner voor het laatst zijn nagekeken.",
        "When this partner's details were last checked.",
        default=None)


class Instrument(Entry):
    type: Annotated[Text, OneOf("instrument.type")] = doc(
        "Het soort instrument.",
        "The type of instrument.")
    status: Annotated[Text, OneOf("instrument.status")] = doc(
        "Of je er nu gebruik van kunt maken.",
        "Whether it can be used now.")
    owner: PartnerRef | None = doc(
        "De organisatie die het instrument beheert.",
        "The organisation that runs the instrument.",
        default=None)
    url: Url | None = doc(
        "Waar je meer leest of aanvraagt.",
        "Where to read more or to apply.",
        default=None)
    for_whom: Text | None = doc("Voor wie het bedoeld is.", "Who it is meant for.", default=None)
    amount: Text | None = doc(
        "Hoeveel geld ermee gemoeid is, in woorden of cijfers.",
        "How much money is involved, in words or figures.",
        default=None)
    deadlines: list[Date] = doc(
        "De uiterste aanvraagdata.",
        "The application deadlines.",
        default=[])
    reviewed: Date | None = doc(
        "Wanneer de gegevens van dit instrument voor het laatst zijn nagekeken.",
        "When this instrument's details were last checked.",
        default=None)


class Area(Entry):
    city: Text | None = doc("De gemeente.", "The municipality.", default=None)
    code: Text | None = doc(
        "De wijk- of buurtcode van het CBS.",
        "The neighbourhood code of Statistics Netherlands (CBS).",
        default=None)
