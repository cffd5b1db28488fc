"""Views of quadrant 4's compass: the overview, agenda items with their timeline, editions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, cast

from reisgids.compass.editions import STATUS_ORDER, current_edition, edition_items
from reisgids.compass.history import status_at
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.model.base import Entry
from reisgids.model.compass import AgendaItem, CompassEdition, HistoryEntry
from reisgids.model.kind import Kind
from reisgids.plan.dates import iso
from reisgids.plan.labels import fdate, vocab_label
from reisgids.plan.views import RefView, card_view, ref_view

END_STATES = frozenset({"anchored", "withdrawn"})


M = TypeVar("M", bound=Entry)


def published_data(graph: ContentGraph, kind: str, model: type[M]) -> dict[str, M]:
    """slug -> the validated data of every published entry of one kind: the graph's index,
    built once, shared by every page (callers copy before changing it)."""
    return cast(dict[str, M], graph.published_data(kind))  # validated as `model` per kind


def agenda_items(graph: ContentGraph) -> dict[str, AgendaItem]:
    return published_data(graph, Kind.AGENDA_ITEM, AgendaItem)


def editions(graph: ContentGraph) -> dict[str, CompassEdition]:
    return published_data(graph, Kind.COMPASS_EDITION, CompassEdition)


def status_now(graph: ContentGraph, item: AgendaItem) -> HistoryEntry | None:
    """The entry in force on graph.now (entries dated later do not count yet)."""
    return status_at(item.history, graph.now)


def status_url(graph: ContentGraph, status: str) -> str:
    return page_url(graph, f"/kompas/status/{status}/")


@dataclass(frozen=True)
class DocumentLink:
    """A decision document of a history entry: a web address or a file under static/."""

    title: str
    href: str
    is_file: bool  # in static/: served by this site


def document_links(graph: ContentGraph, entry: HistoryEntry) -> tuple[DocumentLink, ...]:
    return tuple(DocumentLink(d.title, page_url(graph, d.url) if d.url.startswith("/")
                              else d.url, d.url.startswith("/")) for d in entry.documents)


@dataclass(frozen=True)
class HistoryStep:
    """One entry of an agenda item's timeline, every field ready to show."""

    date_text: str
    date_iso: str
    status: str
    status_label: str
    forum: str
    decision: str  # label, '' without a decision
    note: str
    feedback: str
    indicator: str
    next_check: str
    current: bool
    documents: tuple[DocumentLink, ...] = ()


def history_steps(graph: ContentGraph, item: AgendaItem) -> tuple[HistoryStep, ...]:
    now = status_now(graph, item)
    return tuple(HistoryStep(
        fdate(graph, h.date), iso(h.date), str(h.status),
        vocab_label(graph, "agenda.status", h.status), h.forum or "",
        vocab_label(graph, "decision", h.decision) if h.decision else "", h.note or "",
        h.feedback or "", h.indicator or "", fdate(graph, h.next_check), h is now,
        document_links(graph, h))
        for h in item.history)


@dataclass(frozen=True)
class ItemLine:
    """An agenda item in a list: its card and the entry that gives its status."""

    ref: RefView
    status: str
    status_label: str
    since: str  # date text of that entry
    since_iso: str
    forum: str
    decision: str


def item_line(graph: ContentGraph, slug: str, entry: HistoryEntry) -> ItemLine:
    return ItemLine(card_view(graph, (Kind.AGENDA_ITEM, slug)), str(entry.status),
                    vocab_label(graph, "agenda.status", entry.status), fdate(graph, entry.date),
                    iso(entry.date), entry.forum or "",
                    vocab_label(graph, "decision", entry.decision) if entry.decision else "")


@dataclass(frozen=True)
class StatusGroup:
    status: str
    label: str
    url: str  # the filter page of this status
    items: tuple[ItemLine, ...]


def status_groups(graph: ContentGraph, lines: list[ItemLine], keep_empty: bool = True
                  ) -> tuple[StatusGroup, ...]:
    return tuple(
        StatusGroup(status, vocab_label(graph, "agenda.status", status),
                    status_url(graph, status),
                    tuple(sorted((ln for ln in lines if ln.status == status),
                                 key=lambda ln: (ln.ref.title.casefold(), ln.ref.slug))))
        for status in STATUS_ORDER
        if keep_empty or any(ln.status == status for ln in lines))


def current_lines(graph: ContentGraph) -> list[ItemLine]:
    lines = []
    for slug, item in sorted(agenda_items(graph).items()):
        entry = status_now(graph, item)
        if entry is not None:
            lines.append(item_line(graph, slug, entry))
    return lines


@dataclass(frozen=True)
class EditionCard:
    ref: RefView
    period: str
    end: str  # date text of period.end
    adopted: str  # 'vastgesteld op 3 februari 2026 door de gemeenteraad' parts, '' = concept
    adopted_forum: str
    is_concept: bool


def edition_card(graph: ContentGraph, slug: str, edition: CompassEdition) -> EditionCard:
    return EditionCard(
        card_view(graph, (Kind.COMPASS_EDITION, slug)),
        f"{fdate(graph, edition.period.start)} – {fdate(graph, edition.period.end)}",
        fdate(graph, edition.period.end),
        fdate(graph, edition.adopted.date) if edition.adopted else "",
        edition.adopted.forum if edition.adopted else "", edition.adopted is None)


@dataclass(frozen=True)
class PathStep:
    """One step on the path from lesson to anchored change, with how many items are there."""

    key: str  # i18n key of its explanation
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class CompassView:
    current: EditionCard | None
    editions: tuple[EditionCard, ...]  # newest first
    groups: tuple[StatusGroup, ...]
    path: tuple[PathStep, ...]
    total: int


def lesson_path(graph: ContentGraph, lines: list[ItemLine]) -> tuple[PathStep, ...]:
    lessons = [e for e in graph.of_kind(Kind.LESSON) if getattr(e.data, "change", "none") != "none"]
    steps = [PathStep("compass.path.lesson", "", len(lessons),
                      page_url(graph, "/lessen/"))]
    for status in STATUS_ORDER:
        steps.append(PathStep(f"compass.path.{status}",
                              vocab_label(graph, "agenda.status", status),
                              sum(1 for ln in lines if ln.status == status),
                              status_url(graph, status)))
    return tuple(steps)


def compass_view(graph: ContentGraph) -> CompassView:
    found = editions(graph)
    current = current_edition(found, graph.now)
    lines = current_lines(graph)
    cards = tuple(edition_card(graph, s, found[s])
                  for s in sorted(found, key=lambda s: (found[s].period.start,
                                                        found[s].period.end, s), reverse=True))
    return CompassView(
        edition_card(graph, current, found[current]) if current else None, cards,
        status_groups(graph, lines), lesson_path(graph, lines), len(lines))


@dataclass(frozen=True)
class HeldIn:
    """An edition that holds an agenda item, and the item's status there."""

    edition: RefView
    status_label: str


@dataclass(frozen=True)
class AgendaItemView:
    change: str
    proposal: str
    owner: RefView | None
    status: str
    status_label: str
    lessons: tuple[RefView, ...]
    steps: tuple[HistoryStep, ...]
    held_in: tuple[HeldIn, ...]
    status_url: str


def agenda_item_view(graph: ContentGraph, slug: str) -> AgendaItemView:
    item = agenda_items(graph).get(slug)
    if item is None:  # not published: still a valid view of its data
        data = graph.entries[(Kind.AGENDA_ITEM, slug)].data_as(AgendaItem)
        item = data
    entry = status_now(graph, item) or item.history[0]
    found = editions(graph)
    held = []
    for edition_slug in sorted(found, key=lambda s: (found[s].period.start, s)):
        stored = graph.snapshots.get(edition_slug) if found[edition_slug].adopted else None
        # a frozen edition says what it held when adopted, not what today's history gives
        statuses = (edition_items(stored.data, {i.slug: i for i in stored.data.items
                                                if i.slug == slug})
                    if stored is not None else edition_items(found[edition_slug], {slug: item}))
        for status in statuses:
            held.append(HeldIn(ref_view(graph, (Kind.COMPASS_EDITION, edition_slug)),
                               vocab_label(graph, "agenda.status", status.entry.status)))
    return AgendaItemView(
        change=vocab_label(graph, "change", item.change), proposal=item.proposal,
        owner=ref_view(graph, (Kind.PARTNER, item.owner)) if item.owner else None,
        status=str(entry.status), status_label=vocab_label(graph, "agenda.status", entry.status),
        lessons=tuple(sorted((card_view(graph, (Kind.LESSON, s)) for s in item.lessons),
                             key=lambda r: (r.title.casefold(), r.slug))),
        steps=history_steps(graph, item), held_in=tuple(held),
        status_url=status_url(graph, str(entry.status)))


def status_filter_values(graph: ContentGraph) -> list[str]:
    """The statuses some published agenda item has now (for /kompas/status/<status>/)."""
    used = {ln.status for ln in current_lines(graph)}
    return [s for s in STATUS_ORDER if s in used]


def lines_with_status(graph: ContentGraph, status: str) -> list[ItemLine]:
    return [ln for ln in current_lines(graph) if ln.status == status]

