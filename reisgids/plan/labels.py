"""Values as a reader reads them: vocabulary ids as labels, dates written out.

Below views.py and the kind tables (plan/kind_cards.py), so that both can use them."""

from __future__ import annotations

from datetime import date

from reisgids.graph.content import ContentGraph
from reisgids.model.vocab import label
from reisgids.plan.dates import format_date


def language_of(graph: ContentGraph) -> str:
    return str(graph.config.language)


def vocab_label(graph: ContentGraph, vocab: str, value: str) -> str:
    """A fixed enum (content model) or a site vocabulary (reisgids.yml) id as its label."""
    if vocab in ("themes", "forms", "partner_types"):
        return graph.config.vocabulary(vocab).get(value, value)
    return label(vocab, value, language_of(graph))


def fdate(graph: ContentGraph, day: date | None) -> str:
    return format_date(day, language_of(graph)) if day is not None else ""
