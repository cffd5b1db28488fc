"""What the search index learns about an entry beyond its text: facets, a date to sort by.

The theme's `search-meta.html` writes these as `data-pagefind-filter`, `-sort` and `-meta`
attributes on empty, hidden elements inside the entry's `<article data-pagefind-body>`.
Facet names are fixed ids (the search page knows them); values are labels in the site's
language, as readers see them on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.plan.kind_cards import CARD

# The facets the search page offers, in the order it shows them.
FACETS = ("soort", "thema", "wijk", "fase", "status", "niveau")
NO_DATE = "0000-00-00"  # sorts last when newest comes first; never shown


@dataclass(frozen=True)
class SearchMeta:
    """Typed-field facets (`fase`, `status`, `niveau`) and the date of an entry.

    `soort`, `thema` and `wijk` come from the EntryView itself (kind label, themes,
    areas); `filters` holds the facets that need the content model's vocabularies."""

    filters: tuple[tuple[str, str], ...] = ()  # (facet, label)
    date: str = ""  # 'YYYY-MM-DD' the entry is dated by, '' if it has none
    sort_date: str = NO_DATE  # the same, or NO_DATE so that every entry can be sorted


def day_of(moment: Any) -> date | None:
    if isinstance(moment, datetime):
        return moment.date()
    return moment if isinstance(moment, date) else None


def entry_day(kind: str, data: Any) -> date | None:
    """The date an entry is sorted by: its `date`; else its kind's own date (a deal's or
    event's start, an edition's period start, an agenda item's latest status change);
    else `updated`."""
    candidates = (getattr(data, "date", None), CARD[kind].day(data),
                  getattr(data, "updated", None))
    for moment in candidates:
        day = day_of(moment)
        if day is not None:
            return day
    return None


def search_meta(graph: ContentGraph, key: Key) -> SearchMeta:
    data = graph.entries[key].data
    day = entry_day(key[0], data)
    stamp = day.isoformat() if day is not None else ""
    return SearchMeta(filters=CARD[key[0]].facets(data, str(graph.config.language)),
                      date=stamp, sort_date=stamp or NO_DATE)
