"""The A–Z list: every published entry by title, the way in without search."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reisgids.graph.content import ContentGraph
from reisgids.plan.views import RefView, ref_view


@dataclass(frozen=True)
class Letter:
    letter: str  # "A".."Z", or "#" for titles that start otherwise
    refs: tuple[RefView, ...]


def sort_title(title: str) -> str:
    """'Één' sorts with 'E', "'s-Hertogenbosch" with 'S': accents and leading marks ignored."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"^[^A-Za-z0-9]+", "", plain).casefold() or title.casefold()


def a_to_z(graph: ContentGraph) -> tuple[Letter, ...]:
    refs = sorted((ref_view(graph, key) for key in graph.published),
                  key=lambda r: (sort_title(r.title), r.kind, r.slug))
    letters: dict[str, list[RefView]] = {}
    for ref in refs:
        first = sort_title(ref.title)[:1].upper()
        letters.setdefault(first if "A" <= first <= "Z" else "#", []).append(ref)
    return tuple(Letter(k, tuple(v)) for k, v in sorted(letters.items(),
                                                         key=lambda kv: (kv[0] == "#", kv[0])))
