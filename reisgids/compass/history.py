"""The agenda-item state machine: allowed moves, required evidence, dates that never go back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reisgids.errors import Text
from reisgids.model.compass import HistoryEntry
from reisgids.model.vocab import label

REQUIRES: dict[str, tuple[str, ...]] = {
    "inventoried": (),
    "on-agenda": ("forum",),
    "decided": ("decision", "note"),
    "fed-back": ("feedback",),
    "monitoring": ("indicator", "next_check"),
    "anchored": ("note",),
    "withdrawn": ("note",),
}


@dataclass(frozen=True)
class HistoryProblem:
    index: int  # which history entry
    field: str  # the field of that entry, or "" for the entry as a whole
    code: str
    message: Text
    hint: Text | None = None


def state(entry: HistoryEntry, previous: str | None) -> str:
    """The state an entry leaves the item in; `decided` splits by decision, `fed-back` by
    what it reports on."""
    if entry.status == "decided":
        return f"decided:{entry.decision}"
    if entry.status == "fed-back" and previous == "decided:rejected":
        return "fed-back:rejected"
    return str(entry.status)


MOVES: dict[str, frozenset[str]] = {
    "inventoried": frozenset({"on-agenda"}),
    "on-agenda": frozenset({"on-agenda", "decided"}),
    "decided:adopted": frozenset({"fed-back"}),
    "decided:postponed": frozenset({"on-agenda"}),
    "decided:rejected": frozenset({"fed-back"}),
    "decided:None": frozenset({"fed-back", "on-agenda"}),
    "fed-back": frozenset({"monitoring"}),
    "monitoring": frozenset({"monitoring", "anchored"}),
}
ENDED = frozenset({"anchored", "withdrawn", "fed-back:rejected"})


def _name(status: str) -> str:
    return f"{status} ({label('agenda.status', status)})"


def check_history(history: Sequence[HistoryEntry]) -> list[HistoryProblem]:
    problems: list[HistoryProblem] = []
    current: str | None = None
    last_date: date | None = None
    for index, entry in enumerate(history):
        status = str(entry.status)
        for needed in REQUIRES.get(status, ()):
            if getattr(entry, needed) is None:
                problems.append(HistoryProblem(
                    index, needed, "agenda-requires",
                    Text(f"status {_name(status)} vereist '{needed}'",
                         f"status {status} requires '{needed}'"),
                    Text(f"voeg '{needed}: ...' toe aan deze stap",
                         f"add '{needed}: ...' to this entry")))
        if last_date is not None and entry.date < last_date:
            problems.append(HistoryProblem(
                index, "date", "agenda-date-back",
                Text(f"de datum {entry.date} ligt vóór de vorige stap ({last_date})",
                     f"the date {entry.date} is before the previous entry ({last_date})"),
                Text("zet de stappen op volgorde van datum; data gaan nooit terug",
                     "order the entries by date; dates never go back")))
        if current is None:
            if status != "inventoried":
                problems.append(HistoryProblem(
                    index, "status", "agenda-first",
                    Text(f"de eerste stap moet inventoried (Geïnventariseerd) zijn, niet "
                         f"{_name(status)}",
                         f"the first entry must be inventoried, not {status}"),
                    Text("begin de geschiedenis met 'status: inventoried'",
                         "start the history with 'status: inventoried'")))
        elif current in ENDED:
            problems.append(HistoryProblem(
                index, "status", "agenda-ended",
                Text(f"na {_name(current.split(':')[0])} is het agendapunt afgesloten; "
                     f"{_name(status)} kan niet meer",
                     f"after {current.split(':')[0]} the item has ended; {status} is not "
                     "possible"),
                Text("begin een nieuw agendapunt voor een nieuw voorstel",
                     "start a new agenda item for a new proposal")))
        elif status != "withdrawn" and status not in MOVES.get(current, frozenset()):
            allowed = sorted(MOVES.get(current, frozenset()) | {"withdrawn"})
            problems.append(HistoryProblem(
                index, "status", "agenda-move",
                Text(f"van {_name(current.split(':')[0])} naar {_name(status)} mag niet",
                     f"moving from {current.split(':')[0]} to {status} is not allowed"),
                Text(f"toegestaan na deze stap: {', '.join(allowed)}",
                     f"allowed after this entry: {', '.join(allowed)}")))
        current = state(entry, current)
        last_date = entry.date if last_date is None or entry.date > last_date else last_date
    return problems


def status_at(history: Sequence[HistoryEntry], day: date) -> HistoryEntry | None:
    """The entry in force on `day` (the last one dated on or before it)."""
    found: HistoryEntry | None = None
    for entry in history:
        if entry.date <= day:
            found = entry
    return found


def has_ended(history: Sequence[HistoryEntry], before: date | None = None) -> bool:
    """Whether the item reached an end state (before `before`, when given)."""
    current: str | None = None
    for entry in history:
        if before is not None and entry.date >= before:
            break
        current = state(entry, current)
    return current in ENDED
