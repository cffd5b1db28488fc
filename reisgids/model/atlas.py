"""The atlas: deals, projects, partners, instruments and areas."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

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
)


class DealPartner(Model):
    partner: PartnerRef
    role: Annotated[Text, OneOf("deal.role")]
    contributions: list[Annotated[Text, OneOf("contribution")]] = []
    note: Text | None = None


class Resident(Model):
    name: Text
    from_: PartnerRef = Field(alias="from")
    at: PartnerRef
    since: Date | None = None


class Risk(Model):
    risk: Text
    mitigation: Text | None = None


class ReviewAgreements(Model):
    frequency: Text | None = None
    peers: Text | None = None
    setting: Text | None = None


class Milestone(Model):
    date: Date
    title: Title
    done: Bool = False


class Deal(Entry):
    summary: Summary
    goal: Text
    phase: Annotated[Text, OneOf("deal.phase")]
    partners: list[DealPartner] = []
    residents: list[Resident] = []
    feasibility: Text | None = None
    risks: list[Risk] = []
    expected_results: list[Text] = []
    scalability: Text | None = None
    finance: list[Annotated[Text, OneOf("finance")]] = []
    review_agreements: ReviewAgreements | None = None
    start: Date | None = None
    end: Date | None = None
    milestones: list[Milestone] = []
    projects: list[ProjectRef] = []
    instruments: list[InstrumentRef] = []


class Contact(Model):
    email: Email | None = None
    phone: Text | None = None


class Figure(Model):
    label: Text
    value: Text
    year: Year | None = None


class Project(Entry):
    summary: Summary
    status: Annotated[Text, OneOf("project.status")]
    form: Annotated[Text, VocabOf("forms")] | None = None
    lead: PartnerRef | None = None
    partners: list[PartnerRef] = []
    started: Text | None = None
    ended: Text | None = None
    city: Text | None = None
    website: Url | None = None
    contact: Contact | None = None
    instruments: list[InstrumentRef] = []
    funding: Text | None = None
    figures: list[Figure] = []
    deals: list[DealRef] = []


class ContactPoint(Model):
    role: Text
    team: Text | None = None
    name: Text | None = None
    email: Email | None = None
    phone: Text | None = None


class Partner(Entry):
    type: Annotated[Text, VocabOf("partner_types")]
    website: Url | None = None
    email: Email | None = None
    phone: Text | None = None
    address: Text | None = None
    parent: PartnerRef | None = None
    contacts: list[ContactPoint] = []
    reviewed: Date | None = None


class Instrument(Entry):
    type: Annotated[Text, OneOf("instrument.type")]
    status: Annotated[Text, OneOf("instrument.status")]
    owner: PartnerRef | None = None
    url: Url | None = None
    for_whom: Text | None = None
    amount: Text | None = None
    deadlines: list[Date] = []
    reviewed: Date | None = None


class Area(Entry):
    city: Text | None = None
    code: Text | None = None
