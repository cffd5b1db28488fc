"""Frozen editions as values: take the snapshot of an adopted edition from today's files,
and list where today's files differ from a stored snapshot.

Pure functions over model objects. A snapshot keeps, per agenda item the edition (or the
edition it was compared with) holds, the history up to the end of the period: enough to
draw the statuses and the diff exactly as they were adopted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from reisgids.compass.editions import holds
from reisgids.model.compass import AgendaItem, CompassEdition, HistoryEntry
from reisgids.model.snapshot import EditionSnapshot, PreviousEdition, SnapshotItem

FieldPath = tuple[str | int, ...]


def body_digest(body: str) -> str:
    """The edition's Markdown text as a sha256, with line ends and outer blanks normalised
    (an editor's tool that rewrites CRLF does not change what readers see)."""
    text = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cutoff(edition: CompassEdition) -> date:
    """The last day an adopted edition saw: the end of its period, or the day it was
    adopted when that came first (what happened after adoption was never in it)."""
    end = edition.period.end
    return min(end, edition.adopted.date) if edition.adopted is not None else end


def covered(history: list[HistoryEntry], edition: CompassEdition) -> list[HistoryEntry]:
    """The entries an adopted edition saw (dated on or before its cutoff). Without their
    documents: linking the decision document of a move later (it is often published weeks
    after) does not change what the edition says."""
    last = cutoff(edition)
    return [h.model_copy(update={"documents": []}) if h.documents else h
            for h in history if h.date <= last]


def take_snapshot(slug: str, edition: CompassEdition, body: str,
                  previous: tuple[str, CompassEdition] | None,
                  items: Mapping[str, AgendaItem]) -> EditionSnapshot:
    """The snapshot of an adopted edition as today's files give it."""
    if edition.adopted is None:
        raise ValueError("only an adopted edition has a snapshot")
    kept = []
    for item_slug in sorted(items):
        item = items[item_slug]
        seen = covered(item.history, edition)
        if seen and (holds(edition, item) or (previous is not None
                                             and holds(previous[1], item))):
            kept.append(SnapshotItem(slug=item_slug, title=item.title, summary=item.summary,
                                     themes=list(item.themes),
                                     history=seen))
    return EditionSnapshot(
        edition=slug, title=edition.title, summary=edition.summary, period=edition.period,
        adopted=edition.adopted, priorities=list(edition.priorities),
        co_created_with=list(edition.co_created_with),
        body_sha256=body_digest(body),
        previous=(PreviousEdition(edition=previous[0], period=previous[1].period)
                  if previous else None),
        items=kept)


@dataclass(frozen=True)
class Difference:
    """One place where today's files would change an adopted edition."""

    item: str  # the agenda item's slug; '' for the edition's own file
    path: FieldPath  # the field in that file ('history', 2), ('priorities', 0), ('body',)
    kind: str  # changed | added | removed


EDITION_FIELDS: tuple[str, ...] = ("title", "summary", "period", "adopted", "co_created_with")


def _first_change(stored: list[HistoryEntry], live: list[HistoryEntry]) -> Difference | None:
    for index, (was, now) in enumerate(zip(stored, live, strict=False)):
        if was != now:
            return Difference("", ("history", index), "changed")
    if len(live) > len(stored):
        return Difference("", ("history", len(stored)), "added")
    if len(stored) > len(live):
        return Difference("", ("history", max(len(live) - 1, 0)), "removed")
    return None


def differences(stored: EditionSnapshot, live: EditionSnapshot) -> list[Difference]:
    """Where `live` (taken from today's files) differs from `stored`; at most one per
    agenda item (its first changed history entry), edition fields each once."""
    found: list[Difference] = []
    for name in EDITION_FIELDS:
        if getattr(stored, name) != getattr(live, name):
            found.append(Difference("", (name,), "changed"))
    if stored.priorities != live.priorities:
        index = next((i for i, (was, now) in enumerate(zip(stored.priorities,
                                                            live.priorities, strict=False))
                      if was != now), min(len(stored.priorities), len(live.priorities)))
        path: FieldPath = ("priorities", index) if index < len(live.priorities) else (
            "priorities",)
        found.append(Difference("", path, "changed"))
    if stored.body_sha256 != live.body_sha256:
        found.append(Difference("", ("body",), "changed"))
    if stored.previous != live.previous:
        found.append(Difference("", ("previous",), "changed"))
    before = {i.slug: i for i in stored.items}
    after = {i.slug: i for i in live.items}
    for slug in sorted(set(before) | set(after)):
        if slug not in after:
            found.append(Difference(slug, ("history",), "removed"))
        elif slug not in before:
            found.append(Difference(slug, ("history", 0), "added"))
        else:
            change = _first_change(before[slug].history, after[slug].history)
            if change is not None:
                found.append(Difference(slug, change.path, change.kind))
    return found
