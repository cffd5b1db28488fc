"""`reisgids compass freeze <edition>`: write the snapshot of an adopted edition beside it.

The snapshot is YAML, so that adopting an edition shows up in a pull request as a readable
file: the statuses, histories and priorities the edition holds, as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reisgids.errors import Text
from reisgids.graph.content import ContentGraph
from reisgids.graph.frozen import live_snapshot
from reisgids.model.compass import CompassEdition
from reisgids.model.kind import Kind
from reisgids.source.snapshots import snapshot_rel

# Findings that freezing resolves: they do not stop a (re)freeze.
FREEZE_RESOLVES = frozenset({"edition-frozen", "edition-unfrozen"})


class FreezeRefused(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.nl)
        self.message = message


def _prune(value: Any) -> Any:
    """Drop empty lists and None values: the file shows what was written."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def snapshot_text(graph: ContentGraph, slug: str) -> str:
    entry = graph.entries.get((Kind.COMPASS_EDITION, slug))
    if entry is None or (Kind.COMPASS_EDITION, slug) not in graph.published:
        known = ", ".join(e.slug for e in graph.of_kind(Kind.COMPASS_EDITION)) or "-"
        raise FreezeRefused(Text(f"er is geen gepubliceerde editie '{slug}' (wel: {known})",
                                 f"there is no published edition '{slug}' (known: {known})"))
    edition = entry.data_as(CompassEdition)
    if edition.adopted is None:
        raise FreezeRefused(Text(
            f"editie '{slug}' is nog een concept: alleen een vastgestelde editie wordt "
            f"bevroren; zet eerst 'adopted: {{date: ..., forum: ...}}' in {entry.rel}",
            f"edition '{slug}' is still a concept: only an adopted edition is frozen; add "
            f"'adopted: {{date: ..., forum: ...}}' to {entry.rel} first"))
    data = _prune(live_snapshot(graph, slug).model_dump(mode="python"))
    header = (f"# Momentopname van '{edition.title}', vastgesteld op "
              f"{edition.adopted.date.isoformat()}.\n"
              f"# Gemaakt met 'reisgids compass freeze {slug}'; de editiepagina toont deze "
              "stand.\n# Niet met de hand bewerken: 'reisgids check' meldt elke wijziging "
              "die de editie zou veranderen.\n")
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96,
                                   default_flow_style=False)


def freeze(root: Path, graph: ContentGraph, slug: str) -> Path:
    """Write the snapshot file; returns its path."""
    text = snapshot_text(graph, slug)
    target = root / snapshot_rel(slug)
    target.write_text(text, encoding="utf-8")
    return target
