"""Quadrants 1 and 2: the deals overview ("centrale aanmeldplek") and one deal's page."""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.model.atlas import Deal
from reisgids.model.kind import Kind
from reisgids.model.vocab import VOCABS
from reisgids.plan.dates import iso
from reisgids.plan.labels import fdate, vocab_label
from reisgids.plan.lessons_index import lessons_citing, lessons_of, reviews_of_deal
from reisgids.plan.views import RefView, card_view, ref_view

# The phases a deal goes through, in order; 'stopped' leaves the track.
PHASE_TRACK = ("partners", "idea", "test", "planning", "kick-off", "execution", "review",
               "completed")
PHASES = (*PHASE_TRACK, "stopped")
CONTRIBUTIONS = tuple(VOCABS["contribution"])


def phase_url(graph: ContentGraph, phase: str) -> str:
    return page_url(graph, f"/deals/fase/{phase}/")


def deal_of(graph: ContentGraph, slug: str) -> Deal:
    data = graph.entries[(Kind.DEAL, slug)].data_as(Deal)
    return data


@dataclass(frozen=True)
class PartnerRow:
    partner: RefView
    role: str  # label
    cells: tuple[bool, ...]  # one per column of the contribution table
    contributions: tuple[str, ...]  # labels, for lists
    note: str


@dataclass(frozen=True)
class ResidentView:
    name: str
    from_: RefView
    at: RefView
    since: str
    since_iso: str


@dataclass(frozen=True)
class MilestoneView:
    date_text: str
    date_iso: str
    title: str
    done: bool
    overdue: bool  # not done and its date has passed


@dataclass(frozen=True)
class PhaseStep:
    label: str
    state: str  # 'done', 'current' or 'todo'


@dataclass(frozen=True)
class DealSummary:
    """What the overview shows of one deal."""

    ref: RefView
    phase: str
    phase_label: str
    partners: tuple[PartnerRow, ...]
    residents: tuple[ResidentView, ...]
    next_milestone: MilestoneView | None
    reviews: int
    lessons: int


@dataclass(frozen=True)
class DealView:
    phase: str
    phase_label: str
    phase_url: str
    track: tuple[PhaseStep, ...]
    stopped: bool
    goal: str
    columns: tuple[str, ...]  # contribution labels that occur, in vocabulary order
    rows: tuple[PartnerRow, ...]
    residents: tuple[ResidentView, ...]
    milestones: tuple[MilestoneView, ...]
    reviews: tuple[RefView, ...]
    lessons: tuple[RefView, ...]
    projects: tuple[RefView, ...]
    instruments: tuple[RefView, ...]
    finance: tuple[str, ...]
    start: str
    end: str
    feasibility: str
    risks: tuple[tuple[str, str], ...]  # (risk, mitigation)
    expected_results: tuple[str, ...]
    scalability: str
    agreements: tuple[tuple[str, str], ...]  # (i18n key, text) of review_agreements


def partner_rows(graph: ContentGraph, deal: Deal, columns: tuple[str, ...]
                 ) -> tuple[PartnerRow, ...]:
    return tuple(PartnerRow(
        ref_view(graph, (Kind.PARTNER, p.partner)), vocab_label(graph, "deal.role", p.role),
        tuple(c in p.contributions for c in columns),
        tuple(vocab_label(graph, "contribution", c) for c in CONTRIBUTIONS
              if c in p.contributions), p.note or "")
        for p in deal.partners)


def residents(graph: ContentGraph, deal: Deal) -> tuple[ResidentView, ...]:
    return tuple(ResidentView(r.name, ref_view(graph, (Kind.PARTNER, r.from_)),
                              ref_view(graph, (Kind.PARTNER, r.at)), fdate(graph, r.since),
                              iso(r.since) if r.since else "")
                 for r in deal.residents)


def milestones(graph: ContentGraph, deal: Deal) -> tuple[MilestoneView, ...]:
    ordered = sorted(deal.milestones, key=lambda m: m.date)
    return tuple(MilestoneView(fdate(graph, m.date), iso(m.date), m.title, m.done,
                               not m.done and m.date < graph.now) for m in ordered)


def phase_track(phase: str, graph: ContentGraph) -> tuple[PhaseStep, ...]:
    at = PHASE_TRACK.index(phase) if phase in PHASE_TRACK else -1
    return tuple(PhaseStep(vocab_label(graph, "deal.phase", p),
                           "done" if i < at or phase == "completed" else
                           "current" if i == at else "todo")
                 for i, p in enumerate(PHASE_TRACK))


def deal_summary(graph: ContentGraph, slug: str,
                 index: dict[tuple[str, str], tuple[tuple[str, str], ...]]) -> DealSummary:
    deal = deal_of(graph, slug)
    reviews = reviews_of_deal(graph, slug)
    upcoming = [m for m in milestones(graph, deal) if not m.done]
    return DealSummary(
        card_view(graph, (Kind.DEAL, slug)), str(deal.phase),
        vocab_label(graph, "deal.phase", deal.phase), partner_rows(graph, deal, ()),
        residents(graph, deal), upcoming[0] if upcoming else None, len(reviews),
        len(lessons_of(index, [(Kind.DEAL, slug), *reviews])))


def deal_view(graph: ContentGraph, slug: str) -> DealView:
    deal = deal_of(graph, slug)
    used = {c for p in deal.partners for c in p.contributions}
    columns = tuple(c for c in CONTRIBUTIONS if c in used)
    reviews = reviews_of_deal(graph, slug)
    index = lessons_citing(graph)
    lessons = lessons_of(index, [(Kind.DEAL, slug), *reviews])
    agreements = deal.review_agreements
    return DealView(
        phase=str(deal.phase), phase_label=vocab_label(graph, "deal.phase", deal.phase),
        phase_url=phase_url(graph, str(deal.phase)), track=phase_track(str(deal.phase), graph),
        stopped=deal.phase == "stopped", goal=deal.goal,
        columns=tuple(vocab_label(graph, "contribution", c) for c in columns),
        rows=partner_rows(graph, deal, columns), residents=residents(graph, deal),
        milestones=milestones(graph, deal),
        reviews=tuple(card_view(graph, k) for k in reversed(reviews)),
        lessons=tuple(sorted((card_view(graph, k) for k in lessons),
                             key=lambda r: (r.title.casefold(), r.slug))),
        projects=tuple(ref_view(graph, (Kind.PROJECT, p)) for p in deal.projects),
        instruments=tuple(ref_view(graph, (Kind.INSTRUMENT, i)) for i in deal.instruments),
        finance=tuple(vocab_label(graph, "finance", f) for f in deal.finance),
        start=fdate(graph, deal.start), end=fdate(graph, deal.end),
        feasibility=deal.feasibility or "",
        risks=tuple((r.risk, r.mitigation or "") for r in deal.risks),
        expected_results=tuple(deal.expected_results), scalability=deal.scalability or "",
        agreements=tuple((f"deal.agreements.{name}", text) for name, text in (
            ("frequency", agreements.frequency if agreements else None),
            ("peers", agreements.peers if agreements else None),
            ("setting", agreements.setting if agreements else None)) if text),
    )


@dataclass(frozen=True)
class PhaseSection:
    phase: str
    label: str
    url: str
    deals: tuple[DealSummary, ...]


def phase_sections(graph: ContentGraph, phase: str = "") -> tuple[PhaseSection, ...]:
    """Published deals grouped by phase in track order (only phases that occur)."""
    index = lessons_citing(graph)
    summaries = [deal_summary(graph, e.slug, index) for e in graph.of_kind(Kind.DEAL)]
    return tuple(
        PhaseSection(p, vocab_label(graph, "deal.phase", p), phase_url(graph, p),
                     tuple(sorted((s for s in summaries if s.phase == p),
                                  key=lambda s: (s.ref.title.casefold(), s.ref.slug))))
        for p in PHASES
        if (not phase or p == phase) and any(s.phase == p for s in summaries))


def phase_counts(graph: ContentGraph) -> list[tuple[str, int]]:
    """(phase, number of published deals) for the phases that occur, in track order."""
    counts: dict[str, int] = {}
    for entry in graph.of_kind(Kind.DEAL):
        phase = str(deal_of(graph, entry.slug).phase)
        counts[phase] = counts.get(phase, 0) + 1
    return [(p, counts[p]) for p in PHASES if p in counts]


def active_residents(graph: ContentGraph) -> list[tuple[str, ResidentView]]:
    """Partners in residence of deals in execution: (deal slug, resident)."""
    found = []
    for entry in graph.of_kind(Kind.DEAL):
        deal = deal_of(graph, entry.slug)
        if deal.phase == "execution":
            found += [(entry.slug, r) for r in residents(graph, deal)]
    return found
