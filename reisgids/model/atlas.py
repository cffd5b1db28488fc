"""The atlas: deals, projects, partners, instruments and areas."""

from __future__ import annotations

from pydantic import Field

from reisgids.model.base import Entry, Model
from reisgids.model.fields import (
    Bool,
    Date,
    Email,
    Enum,
    Ref,
    SiteVocab,
    Summary,
    Text,
    Title,
    Url,
    Year,
)


class DealPartner(Model):
    partner: Ref("partner")  # type: ignore[valid-type]
    role: Enum("deal.role")  # type: ignore[valid-type]
    contributions: list[Enum("contribution")] = []  # type: ignore[valid-type]
    note: Text | None = None


class Resident(Model):
    name: Text
    from_: Ref("partner") = Field(alias="from")  # type: ignore[valid-type]
    at: Ref("partner")  # type: ignore[valid-type]
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
    phase: Enum("deal.phase")  # type: ignore[valid-type]
    partners: list[DealPartner] = []
    residents: list[Resident] = []
    feasibility: Text | None = None
    risks: list[Risk] = []
    expected_results: list[Text] = []
    scalability: Text | None = None
    finance: list[Enum("finance")] = []  # type: ignore[valid-type]
    review_agreements: ReviewAgreements | None = None
    start: Date | None = None
    end: Date | None = None
    milestones: list[Milestone] = []
    projects: list[Ref("project")] = []  # type: ignore[valid-type]
    instruments: list[Ref("instrument")] = []  # type: ignore[valid-type]


class Contact(Model):
    email: Email | None = None
    phone: Text | None = None


class Figure(Model):
    label: Text
    value: Text
    year: Year | None = None


class Project(Entry):
    summary: Summary
    status: Enum("project.status")  # type: ignore[valid-type]
    form: SiteVocab("forms") | None = None  # type: ignore[valid-type]
    lead: Ref("partner") | None = None  # type: ignore[valid-type]
    partners: list[Ref("partner")] = []  # type: ignore[valid-type]
    started: Text | None = None
    ended: Text | None = None
    city: Text | None = None
    website: Url | None = None
    contact: Contact | None = None
    instruments: list[Ref("instrument")] = []  # type: ignore[valid-type]
    funding: Text | None = None
    figures: list[Figure] = []
    deals: list[Ref("deal")] = []  # type: ignore[valid-type]


class ContactPoint(Model):
    role: Text
    team: Text | None = None
    name: Text | None = None
    email: Email | None = None
    phone: Text | None = None


class Partner(Entry):
    type: SiteVocab("partner_types")  # type: ignore[valid-type]
    website: Url | None = None
    email: Email | None = None
    phone: Text | None = None
    address: Text | None = None
    parent: Ref("partner") | None = None  # type: ignore[valid-type]
    contacts: list[ContactPoint] = []
    reviewed: Date | None = None


class Instrument(Entry):
    type: Enum("instrument.type")  # type: ignore[valid-type]
    status: Enum("instrument.status")  # type: ignore[valid-type]
    owner: Ref("partner") | None = None  # type: ignore[valid-type]
    url: Url | None = None
    for_whom: Text | None = None
    amount: Text | None = None
    deadlines: list[Date] = []
    reviewed: Date | None = None


class Area(Entry):
    city: Text | None = None
    code: Text | None = None
