"""Compass editions as values: which agenda items an edition holds, their status at the end
of its period, what changed since the previous edition, and status moves as dated events.

Pure functions over model objects; agenda items and editions come in as {slug: model}.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reisgids.compass.history import ENDED, has_ended, state, status_at
from reisgids.model.compass import CompassEdition, HistoryEntry, Period

# The state machine's order, for grouping and listing.
STATUS_ORDER: tuple[str, ...] = ("inventoried", "on-agenda", "decided", "fed-back",
                                 "monitoring", "anchored", "withdrawn")


class HasHistory(Protocol):
    """An agenda item, live (AgendaItem) or as an adopted edition froze it (SnapshotItem)."""

    @property
    def history(self) -> Sequence[HistoryEntry]: ...


class HasPeriod(Protocol):
    """An edition, live (CompassEdition) or frozen (EditionSnapshot, PreviousEdition)."""

    @property
    def period(self) -> Period: ...


@dataclass(frozen=True)
class ItemStatus:
    """One agenda item in an edition: its entry in force at the end of the period."""

    slug: str
    entry: HistoryEntry
    ended: bool  # reached an end state on or before the day judged


@dataclass(frozen=True)
class Move:
    """An item present in both editions whose status changed between them."""

    slug: str
    before: HistoryEntry
    after: HistoryEntry
    ended: bool  # the move ended the item (anchored, withdrawn, fed back after rejection)
    steps: tuple[HistoryEntry, ...] = ()  # every entry after `before` up to `after`


@dataclass(frozen=True)
class EditionDiff:
    previous: str  # slug of the previous edition
    new: tuple[ItemStatus, ...]  # items not in the previous edition
    moves: tuple[Move, ...]  # items whose status moved (endings included, flagged)
    dropped: tuple[str, ...]  # items of the previous edition no longer held (ended before)

    @property
    def endings(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.ended)

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.moves or self.dropped)


@dataclass(frozen=True)
class StatusEvent:
    """One dated step of one agenda item, with the status it came from (None at first)."""

    slug: str
    index: int  # position in the item's history
    entry: HistoryEntry
    previous: str | None


def ended_by(history: Sequence[HistoryEntry], day: date) -> bool:
    """Whether the item reached an end state on or before `day`."""
    current: str | None = None
    for entry in history:
        if entry.date > day:
            break
        current = state(entry, current)
    return current in ENDED


def holds(edition: HasPeriod, item: HasHistory) -> bool:
    """An edition holds an item with an entry on or before period.end that had not ended
    before period.start."""
    period = edition.period
    if status_at(item.history, period.end) is None:
        return False
    return not has_ended(item.history, before=period.start)


def edition_items(edition: HasPeriod, items: Mapping[str, HasHistory]) -> list[ItemStatus]:
    """The items an edition holds with their status at period.end, in status order, then
    by slug."""
    found: list[ItemStatus] = []
    for slug in sorted(items):
        item = items[slug]
        if not holds(edition, item):
            continue
        entry = status_at(item.history, edition.period.end)
        assert entry is not None  # holds() checked it
        found.append(ItemStatus(slug, entry, ended_by(item.history, edition.period.end)))
    return sorted(found, key=lambda s: (STATUS_ORDER.index(str(s.entry.status)), s.slug))


def ordered_editions(editions: Mapping[str, CompassEdition]) -> list[str]:
    """Edition slugs oldest first: by period start, then end, then slug."""
    return sorted(editions, key=lambda s: (editions[s].period.start, editions[s].period.end, s))


def previous_edition(editions: Mapping[str, CompassEdition], slug: str) -> str | None:
    order = ordered_editions(editions)
    index = order.index(slug)
    return order[index - 1] if index > 0 else None


def next_edition(editions: Mapping[str, CompassEdition], slug: str) -> str | None:
    order = ordered_editions(editions)
    index = order.index(slug)
    return order[index + 1] if index + 1 < len(order) else None


def current_edition(editions: Mapping[str, CompassEdition], today: date) -> str | None:
    """The latest edition whose period includes `today`, else the latest one."""
    order = ordered_editions(editions)
    running = [s for s in order
               if editions[s].period.start <= today <= editions[s].period.end]
    if running:
        return running[-1]
    return order[-1] if order else None


def edition_diff(edition: HasPeriod, previous_slug: str, previous: HasPeriod,
                 items: Mapping[str, HasHistory],
                 previous_held: Sequence[ItemStatus] | None = None) -> EditionDiff:
    """What changed between the end of the previous edition's period and the end of this
    one's: new items, status moves (endings flagged), items no longer held.

    `previous_held`: what the previous edition held, when it is frozen (its snapshot), so
    that a concept compares with the edition as adopted."""
    now_held = {s.slug: s for s in edition_items(edition, items)}
    before_held = {s.slug: s for s in (previous_held if previous_held is not None
                                       else edition_items(previous, items))}
    new = tuple(now_held[s] for s in sorted(now_held) if s not in before_held)
    moves: list[Move] = []
    for slug in sorted(set(now_held) & set(before_held)):
        before, after = before_held[slug].entry, now_held[slug].entry
        if is_real_move(before, after):
            moves.append(Move(slug, before, after,
                              now_held[slug].ended and not before_held[slug].ended,
                              steps_between(items[slug].history, before, after)))
    dropped = tuple(s for s in sorted(before_held) if s not in now_held)
    ordered = sorted(moves, key=lambda m: (STATUS_ORDER.index(str(m.after.status)), m.slug))
    return EditionDiff(previous_slug, new, tuple(ordered), dropped)


def is_real_move(before: HistoryEntry, after: HistoryEntry) -> bool:
    """Whether a reader sees a change: another status or decision, or (on the agenda) another
    forum. A second monitoring check is progress on the timeline, not a move in the diff."""
    if (before.status, before.decision) != (after.status, after.decision):
        return True
    return str(after.status) == "on-agenda" and before.forum != after.forum


def _position(history: Sequence[HistoryEntry], entry: HistoryEntry) -> int | None:
    """Where `entry` is in `history`: the same object, else an equal entry (a frozen copy;
    documents added later do not count)."""
    for index, found in enumerate(history):
        if found is entry:
            return index
    plain = entry.model_dump(exclude={"documents"})
    for index, found in enumerate(history):
        if found.model_dump(exclude={"documents"}) == plain:
            return index
    return None


def steps_between(history: Sequence[HistoryEntry], before: HistoryEntry, after: HistoryEntry
                  ) -> tuple[HistoryEntry, ...]:
    """The entries after `before` up to and including `after`; just `after` when `before`
    is not in this history (any more)."""
    start, end = _position(history, before), _position(history, after)
    if start is None or end is None or end <= start:
        return (after,)
    return tuple(history[start + 1:end + 1])


def status_events(items: Mapping[str, HasHistory]) -> list[StatusEvent]:
    """Every history entry of every item as a dated event, newest first (for feeds);
    ties by slug, then position."""
    events: list[StatusEvent] = []
    for slug in sorted(items):
        previous: str | None = None
        for index, entry in enumerate(items[slug].history):
            events.append(StatusEvent(slug, index, entry, previous))
            previous = str(entry.status)
    return sorted(events, key=lambda e: (e.entry.date, e.slug, e.index), reverse=True)


def status_moves(items: Mapping[str, HasHistory]) -> list[StatusEvent]:
    """Status events that changed an item's status or forum (not the first entry)."""
    return [e for e in status_events(items) if e.previous is not None]


def group_by_status(statuses: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(slug, status) pairs grouped in the state machine's order; empty groups kept."""
    groups: dict[str, list[str]] = {s: [] for s in STATUS_ORDER}
    for slug, status in statuses:
        groups.setdefault(status, []).append(slug)
    return [(status, sorted(groups[status])) for status in groups]
