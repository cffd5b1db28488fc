"""The atlas pages of partners, projects and instruments: who does what, with whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.atlas import Deal, Instrument, Partner, Project
from reisgids.model.base import Entry
from reisgids.model.kind import Kind
from reisgids.plan.dates import iso
from reisgids.plan.labels import fdate, vocab_label
from reisgids.plan.lessons_index import lessons_citing, lessons_of
from reisgids.plan.views import RefView, card_view, ref_view


@dataclass(frozen=True)
class ContactView:
    role: str
    team: str
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class PartnerDeal:
    deal: RefView  # a card (meta: phase)
    role: str  # label; '' when only a resident
    contributions: tuple[str, ...]
    residents: tuple[str, ...]  # 'Naam (van X, bij Y)'


@dataclass(frozen=True)
class PartnerView:
    type: str
    parent: RefView | None
    children: tuple[RefView, ...]
    website: str
    email: str
    phone: str
    address: str
    contacts: tuple[ContactView, ...]
    reviewed: str
    reviewed_iso: str
    stale: bool  # reviewed longer ago than the site's freshness window
    deals: tuple[PartnerDeal, ...]
    projects: tuple[tuple[RefView, str], ...]  # (project, 'lead' or 'partner' label key)
    reviews: tuple[RefView, ...]
    lessons: tuple[RefView, ...]


M = TypeVar("M", bound=Entry)


def _data(graph: ContentGraph, key: Key, model: type[M]) -> M:
    return graph.entries[key].data_as(model)


def partner_deals(graph: ContentGraph, slug: str) -> tuple[PartnerDeal, ...]:
    keys = sorted({lk.source for lk in graph.backlinks((Kind.PARTNER, slug))
                   if lk.source[0] == "deal"})
    found = []
    for key in keys:
        deal = _data(graph, key, Deal)
        role = ""
        contributions: tuple[str, ...] = ()
        for p in deal.partners:
            if p.partner == slug:
                role = vocab_label(graph, "deal.role", p.role)
                contributions = tuple(vocab_label(graph, "contribution", c)
                                      for c in p.contributions)
                break
        residents = []
        for r in deal.residents:
            if slug in (r.from_, r.at):
                residents.append(r.name)
        found.append(PartnerDeal(card_view(graph, key), role, contributions, tuple(residents)))
    return tuple(sorted(found, key=lambda d: (d.deal.title.casefold(), d.deal.slug)))


def partner_projects(graph: ContentGraph, slug: str) -> tuple[tuple[RefView, str], ...]:
    found: dict[Key, str] = {}
    for link in graph.backlinks((Kind.PARTNER, slug)):
        if link.source[0] != "project":
            continue
        project = _data(graph, link.source, Project)
        found[link.source] = "partner.lead" if project.lead == slug else "partner.member"
    views = [(card_view(graph, k), role) for k, role in found.items()]
    return tuple(sorted(views, key=lambda v: (v[0].title.casefold(), v[0].slug)))


def partner_reviews(graph: ContentGraph, slug: str) -> list[Key]:
    return sorted({lk.source for lk in graph.backlinks((Kind.PARTNER, slug))
                   if lk.source[0] == "review"})


def partner_view(graph: ContentGraph, slug: str) -> PartnerView:
    data = _data(graph, (Kind.PARTNER, slug), Partner)
    deals = partner_deals(graph, slug)
    projects = partner_projects(graph, slug)
    reviews = partner_reviews(graph, slug)
    sources: list[Key] = [(Kind.DEAL, d.deal.slug) for d in deals]
    sources += [(Kind.PROJECT, p.slug) for p, _ in projects]
    lessons = lessons_of(lessons_citing(graph), [*sources, *reviews])
    window = graph.config.freshness.partner if graph.config.freshness else None
    stale = bool(window is not None and data.reviewed is not None
                 and graph.now - data.reviewed > timedelta(days=window))
    children = sorted((ref_view(graph, lk.source) for lk in graph.backlinks((Kind.PARTNER, slug))
                       if lk.source[0] == "partner" and lk.field == "parent"),
                      key=lambda r: (r.title.casefold(), r.slug))
    return PartnerView(
        type=vocab_label(graph, "partner_types", data.type),
        parent=ref_view(graph, (Kind.PARTNER, data.parent)) if data.parent else None,
        children=tuple(children), website=data.website or "", email=data.email or "",
        phone=data.phone or "", address=data.address or "",
        contacts=tuple(ContactView(c.role, c.team or "", c.name or "", c.email or "",
                                   c.phone or "") for c in data.contacts),
        reviewed=fdate(graph, data.reviewed), reviewed_iso=iso(data.reviewed)
        if data.reviewed else "", stale=stale, deals=deals, projects=projects,
        reviews=tuple(card_view(graph, k) for k in reviews),
        lessons=tuple(sorted((card_view(graph, k) for k in lessons),
                             key=lambda r: (r.title.casefold(), r.slug))))


@dataclass(frozen=True)
class FigureView:
    label: str
    value: str
    year: str


@dataclass(frozen=True)
class ProjectView:
    status: str
    form: str
    lead: RefView | None
    partners: tuple[RefView, ...]
    started: str
    ended: str
    city: str
    website: str
    email: str
    phone: str
    instruments: tuple[RefView, ...]
    funding: str
    figures: tuple[FigureView, ...]
    deals: tuple[RefView, ...]
    lessons: tuple[RefView, ...]


def project_view(graph: ContentGraph, slug: str) -> ProjectView:
    data = _data(graph, (Kind.PROJECT, slug), Project)
    deals: set[Key] = {(Kind.DEAL, d) for d in data.deals}
    deals |= {lk.source for lk in graph.backlinks((Kind.PROJECT, slug)) if lk.source[0] == "deal"}
    lessons = lessons_of(lessons_citing(graph), [(Kind.PROJECT, slug)])
    return ProjectView(
        status=vocab_label(graph, "project.status", data.status),
        form=vocab_label(graph, "forms", data.form) if data.form else "",
        lead=ref_view(graph, (Kind.PARTNER, data.lead)) if data.lead else None,
        partners=tuple(ref_view(graph, (Kind.PARTNER, p)) for p in data.partners),
        started=data.started or "", ended=data.ended or "", city=data.city or "",
        website=data.website or "",
        email=data.contact.email or "" if data.contact else "",
        phone=data.contact.phone or "" if data.contact else "",
        instruments=tuple(ref_view(graph, (Kind.INSTRUMENT, i)) for i in data.instruments),
        funding=data.funding or "",
        figures=tuple(FigureView(f.label, f.value, str(f.year) if f.year else "")
                      for f in data.figures),
        deals=tuple(card_view(graph, k) for k in sorted(deals)),
        lessons=tuple(sorted((card_view(graph, k) for k in lessons),
                             key=lambda r: (r.title.casefold(), r.slug))))


@dataclass(frozen=True)
class DeadlineView:
    date_text: str
    date_iso: str
    past: bool


@dataclass(frozen=True)
class InstrumentView:
    type: str
    status: str
    owner: RefView | None
    url: str
    for_whom: str
    amount: str
    deadlines: tuple[DeadlineView, ...]
    reviewed: str
    reviewed_iso: str


def instrument_view(graph: ContentGraph, slug: str) -> InstrumentView:
    data = _data(graph, (Kind.INSTRUMENT, slug), Instrument)
    return InstrumentView(
        type=vocab_label(graph, "instrument.type", data.type),
        status=vocab_label(graph, "instrument.status", data.status),
        owner=ref_view(graph, (Kind.PARTNER, data.owner)) if data.owner else None,
        url=data.url or "", for_whom=data.for_whom or "", amount=data.amount or "",
        deadlines=tuple(DeadlineView(fdate(graph, d), iso(d), d < graph.now)
                        for d in sorted(data.deadlines)),
        reviewed=fdate(graph, data.reviewed),
        reviewed_iso=iso(data.reviewed) if data.reviewed else "")
