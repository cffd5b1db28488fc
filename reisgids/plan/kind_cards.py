"""How an entry of each kind shows up on other pages: its card, its backlinks, its search facets.

One CardSpec per kind, in the order kinds are shown wherever entries of several kinds are
listed together (backlink groups, an area's page, the open-data page); that order differs
from the registry's (reisgids.model.kinds). This is the lower half of a kind's planning
spec: views.py, search_meta.py and every per-kind view module use it, so it imports none
of them. The upper half, the kind's own page, is its PlanSpec in plan/kinds.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reisgids.graph.content import ContentGraph
from reisgids.model.kind import Kind
from reisgids.model.vocab import label
from reisgids.plan.dates import format_span, iso
from reisgids.plan.labels import fdate, language_of, vocab_label


@dataclass(frozen=True)
class Facts:
    """The short facts of a card: 'Uitvoering', '4 partners'; a text badge; a date other
    than the entry's `date` (text, iso), as an event's span."""

    meta: tuple[str, ...] = ()
    flag: str = ""  # 'success', 'concept': a text badge, never colour alone
    when: tuple[str, str] | None = None  # None: the entry's `date`


Data = Any  # the entry's validated model; each function below knows its kind's fields
FactsOf = Callable[[ContentGraph, Data], Facts]
FacetsOf = Callable[[Data, str], tuple[tuple[str, str], ...]]  # (data, language)


def _no_facts(graph: ContentGraph, data: Data) -> Facts:
    return Facts()


def _no_facets(data: Data, language: str) -> tuple[tuple[str, str], ...]:
    return ()


def _no_day(data: Data) -> object:
    return None


@dataclass(frozen=True)
class CardSpec:
    kind: Kind
    facts: FactsOf = _no_facts
    # backlinks from an entry of this kind, by the field that links: field -> heading key;
    # a field not listed goes under 'backlinks.<kind>'
    headings: Mapping[str, str] = field(default_factory=dict)
    facets: FacetsOf = _no_facets  # the search page's typed facets (fase, status, niveau)
    day: Callable[[Data], object] = _no_day  # a date to sort by when `date` is empty


def _deal(graph: ContentGraph, data: Data) -> Facts:
    meta = [vocab_label(graph, "deal.phase", data.phase)]
    if data.partners:
        meta.append(f"{len(data.partners)} partners")
    return Facts(tuple(meta))


def _project(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "project.status", data.status),
                  *(x for x in (data.city,) if x)))


def _partner(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "partner_types", data.type),))


def _instrument(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "instrument.type", data.type),
                  vocab_label(graph, "instrument.status", data.status)))


def _lesson(graph: ContentGraph, data: Data) -> Facts:
    meta = [vocab_label(graph, "lesson.level", data.level),
            vocab_label(graph, "lesson.type", data.type)]
    if data.change != "none":
        meta.append(vocab_label(graph, "change", data.change))
    return Facts(tuple(meta), "success" if data.success else "")


def _agenda_item(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "agenda.status", data.history[-1].status),
                  vocab_label(graph, "change", data.change)))


def _edition(graph: ContentGraph, data: Data) -> Facts:
    return Facts((f"{fdate(graph, data.period.start)} – {fdate(graph, data.period.end)}",),
                 "" if data.adopted is not None else "concept")


def _story(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "story.medium", data.medium),))


def _event(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "event.type", data.type),
                  *(x for x in (data.location,) if x)),
                 when=(format_span(data.start, data.end, language_of(graph)),
                       iso(data.start)))


def _listing(graph: ContentGraph, data: Data) -> Facts:
    return Facts((vocab_label(graph, "listing.type", data.type),
                  vocab_label(graph, "listing.category", data.category)))


def _area(graph: ContentGraph, data: Data) -> Facts:
    return Facts(tuple(x for x in (data.city,) if x))


def _facet(name: str, vocab: str, value: Callable[[Data], str]) -> FacetsOf:
    return lambda data, language: ((name, label(vocab, value(data), language)),)


def _start(data: Data) -> object:
    return getattr(data, "start", None)


def _agenda_day(data: Data) -> date | None:
    return data.history[-1].date if data.history else None


CARDS: tuple[CardSpec, ...] = (
    CardSpec(Kind.DEAL, _deal, {"residents": "backlinks.deal.residents",
                                "instruments": "backlinks.deal.instruments",
                                "projects": "backlinks.deal.projects"},
             _facet("fase", "deal.phase", lambda d: d.phase), _start),
    CardSpec(Kind.PROJECT, _project, {"lead": "backlinks.project.lead",
                                      "instruments": "backlinks.project.instruments",
                                      "deals": "backlinks.project.deals"},
             _facet("status", "project.status", lambda d: d.status)),
    CardSpec(Kind.PARTNER, _partner, {"parent": "backlinks.partner.parent"}),
    CardSpec(Kind.INSTRUMENT, _instrument, {"owner": "backlinks.instrument.owner"},
             _facet("status", "instrument.status", lambda d: d.status)),
    CardSpec(Kind.REVIEW, headings={"deal": "backlinks.review.deal",
                                    "peers": "backlinks.review.peers"}),
    CardSpec(Kind.LESSON, _lesson, {"sources": "backlinks.lesson.sources"},
             _facet("niveau", "lesson.level", lambda d: d.level)),
    CardSpec(Kind.AGENDA_ITEM, _agenda_item, {"lessons": "backlinks.agenda-item.lessons",
                                              "owner": "backlinks.agenda-item.owner"},
             _facet("status", "agenda.status", lambda d: d.history[-1].status), _agenda_day),
    CardSpec(Kind.COMPASS_EDITION, _edition,
             {"co_created_with": "backlinks.compass-edition.co_created_with"},
             day=lambda d: d.period.start),
    CardSpec(Kind.NEWS),
    CardSpec(Kind.STORY, _story),
    CardSpec(Kind.EVENT, _event, {"organisers": "backlinks.event.organisers"}, day=_start),
    CardSpec(Kind.LISTING, _listing, {"by": "backlinks.listing.by"}),
    CardSpec(Kind.AREA, _area),
    CardSpec(Kind.PAGE),
)

CARD: dict[str, CardSpec] = {spec.kind: spec for spec in CARDS}
KIND_ORDER: tuple[str, ...] = tuple(spec.kind.value for spec in CARDS)


def backlink_heading(kind: str, field_name: str) -> str:
    """The i18n key a backlink from a `kind` entry's `field_name` is listed under."""
    return CARD[kind].headings.get(field_name, f"backlinks.{kind}")
