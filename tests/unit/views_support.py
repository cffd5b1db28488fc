"""Helpers for the tests of the page views: a small site with one or more of every kind,
read into a content graph without rendering Markdown, and a way to plan its pages."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reisgids.build import read_site
from reisgids.graph.content import ContentGraph
from reisgids.render.theme import find_theme

NOW = date(2026, 11, 22)
REPO = Path(__file__).resolve().parent.parent.parent
SiteFactory = Callable[[dict[str, str]], Path]


def md(front: str, body: str = "Tekst.") -> str:
    return f"---\n{front.strip()}\n---\n{body}\n"


def square(x: float, y: float, size: float = 0.01) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


OUTLINES = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": "noord", "properties": {"schematic": True},
     "geometry": {"type": "Polygon", "coordinates": square(4.50, 51.91)}},
    {"type": "Feature", "id": "zuid", "properties": {"schematic": True},
     "geometry": {"type": "Polygon", "coordinates": square(4.50, 51.90)}},
]}, indent=1)

FILES: dict[str, str] = {
    "data/areas.geojson": OUTLINES,
    "content/areas/noord.md": md("title: Noord\ncity: Teststad\nsummary: De noordkant."),
    "content/areas/zuid.md": md("title: Zuid\ncity: Teststad"),
    "content/areas/elders.md": md("title: Elders\ncity: Anderstad"),
    "content/partners/gemeente.md": md("""
title: Gemeente Teststad
type: gemeente
reviewed: 2026-10-01
email: info@teststad.example
contacts:
  - role: Wijkregisseur
    team: Team Noord
    email: noord@teststad.example
"""),
    "content/partners/buurt.md": md("""
title: Buurtkracht
type: initiatief
parent: gemeente
reviewed: 2025-01-01
phone: 0201234567
"""),
    "content/partners/zorg.md": md("title: Zorg & Co </script>\ntype: initiatief\n"
                                   "reviewed: 2026-10-01\nemail: zorg@zorg.example"),
    "content/deals/eten.md": md("""
title: Samen eten
summary: Samen eten in Noord.
goal: Minder eenzaamheid.
phase: execution
themes: [eenzaamheid]
areas: [noord]
partners:
  - partner: gemeente
    role: funder
    contributions: [money]
  - partner: buurt
    role: initiator
    contributions: [people, space]
    note: Trekker.
residents:
  - name: Anna
    from: gemeente
    at: buurt
    since: 2026-02-01
milestones:
  - date: 2026-12-01
    title: Tweede tafel
  - date: 2026-03-01
    title: Eerste tafel
    done: true
  - date: 2026-06-01
    title: Evaluatie
projects: [kamer]
instruments: [budget]
"""),
    "content/deals/plan.md": md("""
title: Plan voor later
summary: Nog in planning.
goal: Iets goeds.
phase: planning
partners:
  - partner: gemeente
    role: facilitator
  - partner: zorg
    role: partner
residents:
  - name: Bob
    from: zorg
    at: gemeente
"""),
    "content/deals/zoek.md": md("title: Zoekt partners\nsummary: Wie doet mee?\n"
                                "goal: Starten.\nphase: partners"),
    "content/projects/kamer.md": md("""
title: Buurtkamer
summary: Een huiskamer in de wijk.
status: running
lead: buurt
partners: [gemeente]
areas: [noord]
themes: [eenzaamheid]
"""),
    "content/instruments/budget.md": md("""
title: Wijkbudget
type: budget
status: open
owner: gemeente
reviewed: 2026-10-01
deadlines: [2026-01-15, 2027-01-15]
"""),
    "content/reviews/schouw-eten.md": md("""
title: Schouw Samen eten
deal: eten
date: 2026-10-01
steps: [open, yardstick]
participants: [gemeente, buurt]
peers:
  - name: Piet
    partner: zorg
yardstick:
  - partner: buurt
    criteria: [Gasten komen terug.]
"""),
    "content/lessons/vaste-kern.md": md("""
title: Een vaste kern werkt
summary: Een vaste kern houdt de tafel gaande.
date: 2026-10-02
success: true
sources: [{review: schouw-eten}]
level: interaction
type: cooperation
themes: [eenzaamheid]
areas: [noord]
"""),
    "content/lessons/meerjarig.md": md("""
title: Meerjarig geld
summary: Eenjarig geld breekt teams.
date: 2026-10-03
sources: [{deal: eten}, {document: Rapport, url: https://example.org/r.pdf, year: 2020}]
level: institutional
type: system
change: funding-term
"""),
    "content/lessons/project-les.md": md("""
title: Een les uit het project
summary: Uit de buurtkamer.
date: 2025-05-01
sources: [{project: kamer}]
level: interaction
type: content
"""),
    "content/compass/agenda/meerjarig.md": md("""
title: Meerjarige financiering
summary: Drie jaar in plaats van één.
lessons: [meerjarig]
change: funding-term
proposal: Financier voor drie jaar.
owner: gemeente
history:
  - date: 2026-01-10
    status: inventoried
  - date: 2026-03-01
    status: on-agenda
    forum: college
  - date: 2026-12-01
    status: decided
    decision: adopted
    note: Later dit jaar.
"""),
    "content/compass/agenda/oud.md": md("""
title: Een oud voorstel
summary: Al geborgd.
lessons: [meerjarig]
change: policy
proposal: Doe het.
history:
  - date: 2025-01-10
    status: inventoried
  - date: 2025-02-01
    status: withdrawn
    note: Niet meer nodig.
"""),
    "content/compass/editions/2025.md": md("""
title: Kompas 2025
period: {start: 2025-01-01, end: 2025-12-31}
adopted: {date: 2025-12-16, forum: gemeenteraad}
"""),
    "content/compass/editions/2026.md": md("""
title: Kompas 2026
summary: Het concept.
period: {start: 2026-01-01, end: 2026-12-31}
co_created_with: [buurt, gemeente]
priorities:
  - theme: eenzaamheid
    text: Meer tafels.
"""),
    "content/news/een.md": md("title: Eerste\ndate: 2026-01-01"),
    "content/news/twee.md": md("title: Tweede\ndate: 2026-06-01\nrelated: [{deal: eten}]"),
    "content/news/drie.md": md("title: Derde\ndate: 2026-09-01"),
    "content/news/vier.md": md("title: Vierde\ndate: 2026-11-01"),
    "content/stories/verhaal.md": md("title: Een verhaal\ndate: 2026-05-01\nmedium: podcast"),
    "content/events/vandaag.md": md("title: Vandaag\nstart: 2026-11-22 10:00\ntype: meeting"),
    "content/events/straks.md": md("title: Straks\nstart: 2026-12-10 14:00\n"
                                   "end: 2026-12-10 16:00\ntype: kick-off\n"
                                   "location: Buurtkamer\norganisers: [buurt]"),
    "content/events/gisteren.md": md("title: Gisteren\nstart: 2026-11-21\ntype: training"),
    "content/marketplace/verlopen.md": md("title: Verlopen\ntype: request\ncategory: hands\n"
                                          "by: buurt\nvalid_until: 2026-11-21"),
    "content/marketplace/vandaag.md": md("title: Tot vandaag\ntype: offer\ncategory: space\n"
                                         "by: gemeente\nvalid_until: 2026-11-22"),
    "content/pages/over.md": md("title: Over de gids"),
    "content/pages/toegankelijkheid.md": md("title: Toegankelijkheid"),
}


def write_site(make_site: SiteFactory, changes: Mapping[str, str | None] | None = None
               ) -> Path:
    files = dict(FILES)
    for rel, text in (changes or {}).items():
        if text is None:
            files.pop(rel, None)
        else:
            files[rel] = text
    return make_site(files)


def graph_of(root: Path, now: date = NOW) -> ContentGraph:
    """The content graph of a site folder (build.read_site: Markdown not rendered), failing
    on any error."""
    linked, report = read_site(root, now=now)
    errors = [p for p in report.items if p.is_error]
    assert linked is not None and not errors, errors
    return linked.graph


def site_graph(make_site: SiteFactory, changes: Mapping[str, str | None] | None = None,
               now: date = NOW) -> ContentGraph:
    return graph_of(write_site(make_site, changes), now)


@cache
def strings(language: str = "nl") -> dict[str, str]:
    return find_theme(REPO, "default", language).strings


def translate(key: str) -> str:
    """The default theme's Dutch UI string for `key` (what templates get as t())."""
    return strings().get(key, key)


def pick(items: Any, **where: Any) -> Any:
    """The one item whose attributes match `where`."""
    found = [i for i in items if all(getattr(i, k) == v for k, v in where.items())]
    assert len(found) == 1, found
    return found[0]
