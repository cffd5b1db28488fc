"""The page of one compass edition: statuses at the end of the period, what changed since the
previous edition, the status overview, priorities, the citation, the PDF link. Adopted
editions with a snapshot render from it (see edition_source)."""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.compass.editions import EditionDiff, ordered_editions
from reisgids.errors import Text
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.model.compass import CompassEdition, HistoryEntry
from reisgids.model.kind import Kind
from reisgids.model.vocab import VOCABS
from reisgids.plan.compass_views import (
    EditionCard,
    ItemLine,
    StatusGroup,
    editions,
    status_groups,
)
from reisgids.plan.dates import iso
from reisgids.plan.edition_source import EditionSource, edition_ref, edition_source, item_ref
from reisgids.plan.labels import fdate, vocab_label
from reisgids.plan.status_overview import StatusOverview, status_overview
from reisgids.plan.views import RefView, TermView, card_view, ref_view, term_views

NO_THEME = Text("Zonder thema", "No theme")
ALL_THEMES = Text("Alle thema's", "All themes")


def pdf_path(graph: ContentGraph, slug: str) -> str:
    """The site path of an edition's PDF, beside its page ('/kompas/2025/reiskompas-2025.pdf')."""
    return graph.urls[(Kind.COMPASS_EDITION, slug)] + f"reiskompas-{slug}.pdf"


@dataclass(frozen=True)
class MoveLine:
    ref: RefView
    before: str  # status label (with the decision, for decided)
    after: str
    date_text: str  # of the entry that gives the new status
    ended: bool
    via: tuple[str, ...] = ()  # labels of the statuses passed on the way


@dataclass(frozen=True)
class DiffView:
    previous: RefView
    new: tuple[ItemLine, ...]
    moves: tuple[MoveLine, ...]
    dropped: tuple[RefView, ...]
    empty: bool


@dataclass(frozen=True)
class PriorityView:
    theme: TermView
    text: str


@dataclass(frozen=True)
class EditionView:
    card: EditionCard
    groups: tuple[StatusGroup, ...]  # only statuses that occur
    total: int
    diff: DiffView | None  # None for the first edition
    priorities: tuple[PriorityView, ...]
    co_created_with: tuple[RefView, ...]
    previous: RefView | None
    next: RefView | None
    citation: str  # plain text
    frozen: bool  # rendered from the adopted snapshot
    overview: StatusOverview
    pdf_url: str


def status_text(graph: ContentGraph, entry: HistoryEntry, *, forum: bool = False) -> str:
    """'Besloten (aangenomen)'; with `forum`, 'Geagendeerd (college)'."""
    text = vocab_label(graph, "agenda.status", entry.status)
    if entry.decision:
        text += f" ({vocab_label(graph, 'decision', entry.decision).lower()})"
    elif forum and entry.forum:
        text += f" ({entry.forum})"
    return text


def _via(graph: ContentGraph, before: str, steps: tuple[HistoryEntry, ...]) -> tuple[str, ...]:
    """The statuses passed between two editions, each once, without repeating the one the
    item came from (a second monitoring check is not a step of its own)."""
    found: list[str] = []
    last = before
    for step in steps:
        text = status_text(graph, step)
        if text != last:
            found.append(text)
        last = text
    return tuple(found)


def line_of(graph: ContentGraph, source: EditionSource, slug: str, entry: HistoryEntry
            ) -> ItemLine:
    return ItemLine(item_ref(graph, source, slug), str(entry.status),
                    vocab_label(graph, "agenda.status", entry.status), fdate(graph, entry.date),
                    iso(entry.date), entry.forum or "",
                    vocab_label(graph, "decision", entry.decision) if entry.decision else "")


def diff_view(graph: ContentGraph, source: EditionSource, diff: EditionDiff) -> DiffView:
    moves = []
    for m in diff.moves:
        same = m.before.status == m.after.status and m.before.decision == m.after.decision
        before, after = status_text(graph, m.before, forum=same), status_text(
            graph, m.after, forum=same)
        via = _via(graph, before, m.steps[:-1])
        while via and via[-1] == after:
            via = via[:-1]
        moves.append(MoveLine(item_ref(graph, source, m.slug), before, after,
                              fdate(graph, m.after.date), m.ended, via))
    return DiffView(
        edition_ref(graph, diff.previous),
        tuple(line_of(graph, source, s.slug, s.entry) for s in diff.new), tuple(moves),
        tuple(item_ref(graph, source, s) for s in diff.dropped), diff.is_empty)


def overview_of(graph: ContentGraph, source: EditionSource) -> StatusOverview:
    language = str(graph.config.language)
    no_theme, total = NO_THEME.get(language), ALL_THEMES.get(language)
    return status_overview(
        source.statuses, source.themes, graph.config.vocabulary("themes"),
        {s: vocab_label(graph, "agenda.status", s) for s in VOCABS["agenda.status"]},
        no_theme, total)


def edition_card_of(graph: ContentGraph, slug: str, source: EditionSource) -> EditionCard:
    period = source.period
    # a frozen edition adopted before its period ended shows the state of its adoption day
    seen = min(period.end, source.adopted.date) if source.frozen and source.adopted else (
        period.end)
    return EditionCard(
        card_view(graph, (Kind.COMPASS_EDITION, slug)),
        f"{fdate(graph, period.start)} – {fdate(graph, period.end)}", fdate(graph, seen),
        fdate(graph, source.adopted.date) if source.adopted else "",
        source.adopted.forum if source.adopted else "", source.adopted is None)


def edition_view(graph: ContentGraph, slug: str, canonical: str) -> EditionView:
    source = edition_source(graph, slug)
    data = graph.entries[(Kind.COMPASS_EDITION, slug)].data_as(CompassEdition)
    lines = [line_of(graph, source, s.slug, s.entry) for s in source.statuses]
    found = dict(editions(graph))  # a copy: the memoised index is shared
    found.setdefault(slug, data)
    order = ordered_editions(found)
    index = order.index(slug)
    before = order[index - 1] if index > 0 else None
    after = order[index + 1] if index + 1 < len(order) else None
    card = edition_card_of(graph, slug, source)
    citation = (f"{source.title}{' (concept)' if source.adopted is None else ''}. "
                f"{graph.config.title}, {card.period}. {canonical}")
    return EditionView(
        card, status_groups(graph, lines, keep_empty=False), len(lines),
        diff_view(graph, source, source.diff) if source.diff else None,
        tuple(PriorityView(term_views(graph, [p.theme])[0], p.text) for p in source.priorities),
        tuple(sorted((ref_view(graph, (Kind.PARTNER, p)) for p in source.co_created_with
                      if (Kind.PARTNER, p) in graph.entries),
                     key=lambda r: (r.title.casefold(), r.slug))),
        ref_view(graph, (Kind.COMPASS_EDITION, before)) if before else None,
        ref_view(graph, (Kind.COMPASS_EDITION, after)) if after else None, citation,
        source.frozen, overview_of(graph, source),
        page_url(graph, pdf_path(graph, slug)))
