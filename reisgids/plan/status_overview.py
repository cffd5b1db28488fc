"""An edition's status overview: how many agenda items stand at each status, per theme, as a
table and as an SVG drawn at build time (a grid of labelled counts, no script, no colour
alone: every cell carries its number)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reisgids.compass.editions import STATUS_ORDER, ItemStatus

NO_THEME = ""  # the row of items without a theme
CELL_W = 124
ROW_H = 36
HEAD_H = 44
CHAR_W = 7.4  # average width of a 13 px character, for the label column
MAX_LABEL_W = 300


@dataclass(frozen=True)
class OverviewCell:
    x: float  # centre
    y: float
    count: int
    status: str
    radius: float  # 0 for an empty cell


@dataclass(frozen=True)
class OverviewRow:
    theme: str  # id, '' for items without a theme, '*' for the totals
    label: str
    y: float  # baseline of its label
    cells: tuple[OverviewCell, ...]
    total: int


@dataclass(frozen=True)
class OverviewColumn:
    status: str
    label: str
    x: float  # centre
    total: int


@dataclass(frozen=True)
class StatusOverview:
    columns: tuple[OverviewColumn, ...]
    rows: tuple[OverviewRow, ...]  # themes, then (when there are several) the totals
    total: int
    width: int
    height: int
    label_w: float


def status_overview(statuses: Sequence[ItemStatus],
                    themes_of: Mapping[str, Sequence[str]], theme_labels: Mapping[str, str],
                    status_labels: Mapping[str, str], no_theme: str, total_label: str
                    ) -> StatusOverview:
    """Counts per (theme, status) of the items an edition holds; an item with two themes
    counts in both rows, once in the totals."""
    used = [s for s in STATUS_ORDER if any(str(i.entry.status) == s for i in statuses)]
    counts: dict[tuple[str, str], int] = {}
    for item in statuses:
        for theme in themes_of.get(item.slug, ()) or (NO_THEME,):
            key = (theme, str(item.entry.status))
            counts[key] = counts.get(key, 0) + 1
    themes = sorted({t for t, _ in counts},
                    key=lambda t: (t == NO_THEME, theme_labels.get(t, t).casefold(), t))
    labels = {t: (theme_labels.get(t, t) if t != NO_THEME else no_theme) for t in themes}
    longest = max([len(v) for v in labels.values()] + [len(total_label)], default=10)
    label_w = min(MAX_LABEL_W, round(longest * CHAR_W) + 24)
    columns = tuple(OverviewColumn(s, status_labels.get(s, s), label_w + CELL_W * (i + .5),
                                   sum(1 for it in statuses if str(it.entry.status) == s))
                    for i, s in enumerate(used))
    biggest = max(counts.values(), default=1)

    def cells(row_counts: Mapping[str, int], y: float) -> tuple[OverviewCell, ...]:
        return tuple(OverviewCell(c.x, y, row_counts.get(c.status, 0), c.status,
                                  (6 + 10 * min(1.0, row_counts[c.status] / max(biggest, 1)))
                                  if row_counts.get(c.status) else 0.0) for c in columns)

    rows = []
    for index, theme in enumerate(themes):
        y = HEAD_H + ROW_H * (index + .5)
        row_counts = {s: counts.get((theme, s), 0) for s in used}
        rows.append(OverviewRow(theme, labels[theme], y, cells(row_counts, y),
                                sum(row_counts.values())))
    if len(themes) > 1:
        y = HEAD_H + ROW_H * (len(themes) + .5)
        totals = {c.status: c.total for c in columns}
        rows.append(OverviewRow("*", total_label, y, cells(totals, y), len(statuses)))
    width = int(label_w + CELL_W * max(len(columns), 1))
    height = int(HEAD_H + ROW_H * max(len(rows), 1) + 8)
    return StatusOverview(columns, tuple(rows), len(statuses), width, height, label_w)
