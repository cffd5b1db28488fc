"""Checks of the compass that need the whole graph: adopted editions stay as adopted (their
stored snapshot matches what today's files give), and decision documents exist."""

from __future__ import annotations

from pathlib import Path

from reisgids.compass.editions import ordered_editions
from reisgids.compass.snapshot import Difference, differences, take_snapshot
from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.graph.content import ContentGraph
from reisgids.model.compass import AgendaItem, CompassEdition
from reisgids.model.kind import Kind
from reisgids.model.snapshot import EditionSnapshot
from reisgids.source.snapshots import StoredSnapshot, snapshot_rel


def published_editions(graph: ContentGraph) -> dict[str, CompassEdition]:
    found = {}
    for entry in graph.of_kind(Kind.COMPASS_EDITION):
        found[entry.slug] = entry.data_as(CompassEdition)
    return found


def published_items(graph: ContentGraph) -> dict[str, AgendaItem]:
    found = {}
    for entry in graph.of_kind(Kind.AGENDA_ITEM):
        found[entry.slug] = entry.data_as(AgendaItem)
    return found


def live_snapshot(graph: ContentGraph, slug: str) -> EditionSnapshot:
    """The snapshot of an adopted edition as today's files give it (what `freeze` writes)."""
    found = published_editions(graph)
    entry = graph.entries[(Kind.COMPASS_EDITION, slug)]
    data = entry.data_as(CompassEdition)
    found.setdefault(slug, data)
    order = ordered_editions(found)
    index = order.index(slug)
    previous = (order[index - 1], found[order[index - 1]]) if index > 0 else None
    return take_snapshot(slug, data, entry.body, previous, published_items(graph))


def _freeze_hint(slug: str, end: str) -> Text:
    return Text(
        f"laat wat tot en met {end} gebeurde staan zoals het is vastgesteld en voeg een nieuwe "
        f"stap toe met een latere datum; moet de vastgestelde editie echt hersteld worden, "
        f"maak de momentopname dan opnieuw met 'reisgids compass freeze {slug}' en leg dat "
        "uit in het pull request",
        f"leave what happened up to {end} as adopted and add a new entry with a later date; "
        f"if the adopted edition really must be corrected, make the snapshot again with "
        f"'reisgids compass freeze {slug}' and explain why in the pull request")


def _located(graph: ContentGraph, stored: StoredSnapshot, diff: Difference
             ) -> tuple[str, int, str]:
    """(file, line, field) of the cause of one difference."""
    slug = stored.data.edition
    if not diff.item:
        entry = graph.entries[(Kind.COMPASS_EDITION, slug)]
        if diff.path == ("body",):
            return entry.rel, entry.body_first_line, "body"
        line = entry.line_of(*diff.path) if diff.path != ("previous",) else 1
        return entry.rel, line, _field(diff.path)
    entry_of_item = graph.entries.get((Kind.AGENDA_ITEM, diff.item))
    if entry_of_item is None or (Kind.AGENDA_ITEM, diff.item) not in graph.published:
        index = next(i for i, it in enumerate(stored.data.items) if it.slug == diff.item)
        return stored.rel, stored.line_of("items", index), f"items[{index}]"
    return entry_of_item.rel, entry_of_item.line_of(*diff.path), _field(diff.path)


def _field(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _difference(graph: ContentGraph, stored: StoredSnapshot, diff: Difference) -> Diagnostic:
    data = stored.data
    rel, line, field = _located(graph, stored, diff)
    what = {
        "changed": Text("deze wijziging", "this edit"),
        "added": Text("deze nieuwe stap", "this new entry"),
        "removed": Text("het weghalen van een stap", "removing an entry"),
    }[diff.kind]
    if diff.item and rel == stored.rel:
        what = Text(f"het agendapunt '{diff.item}' is er niet meer; dat",
                    f"the agenda item '{diff.item}' is gone; that")
    return error("edition-frozen", Location(rel, line), Text(
        f"{what.nl} zou het vastgestelde '{data.title}' veranderen (vastgesteld op "
        f"{data.adopted.date.isoformat()}, momentopname in {stored.rel})",
        f"{what.en} would change the adopted '{data.title}' (adopted on "
        f"{data.adopted.date.isoformat()}, snapshot in {stored.rel})"), field=field,
        hint=_freeze_hint(data.edition, data.period.end.isoformat()))


def frozen_editions(graph: ContentGraph, root: Path) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for slug, edition in sorted(published_editions(graph).items()):
        if slug in graph.snapshots and graph.snapshots[slug] is None:
            continue  # a broken snapshot file: its own errors say why
        stored: StoredSnapshot | None = graph.snapshots.get(slug)
        entry = graph.entries[(Kind.COMPASS_EDITION, slug)]
        if edition.adopted is None:
            if stored is not None:
                found.append(error("snapshot-concept", Location(stored.rel), Text(
                    f"editie '{slug}' is een concept (zonder 'adopted'), maar heeft een "
                    "momentopname",
                    f"edition '{slug}' is a concept (no 'adopted'), but has a snapshot"),
                    hint=Text(f"zet 'adopted' terug in {entry.rel}, of haal {stored.rel} weg",
                              f"put 'adopted' back in {entry.rel}, or remove {stored.rel}")))
            continue
        if stored is None:
            found.append(warning("edition-unfrozen", Location(
                entry.rel, entry.line_of("adopted")), Text(
                f"editie '{slug}' is vastgesteld maar niet bevroren: een latere wijziging van "
                "een agendapunt verandert haar stilletjes",
                f"edition '{slug}' is adopted but not frozen: a later edit of an agenda "
                "item silently changes it"), field="adopted",
                hint=Text(f"maak de momentopname met 'reisgids compass freeze {slug}' en "
                          f"commit {snapshot_rel(slug)}",
                          f"make the snapshot with 'reisgids compass freeze {slug}' and "
                          f"commit {snapshot_rel(slug)}")))
            continue
        for diff in differences(stored.data, live_snapshot(graph, slug)):
            found.append(_difference(graph, stored, diff))
    for slug, stored in sorted(graph.snapshots.items()):
        key = (Kind.COMPASS_EDITION, slug)
        failed = key not in graph.entries and (root / snapshot_rel(slug)).with_name(
            f"{slug}.md").is_file()  # the edition's file failed to load: its errors say why
        if stored is not None and key not in graph.published and not failed:
            found.append(error("snapshot-orphan", Location(stored.rel), Text(
                f"er is een momentopname voor editie '{slug}', maar geen gepubliceerde editie "
                "met die naam",
                f"there is a snapshot for edition '{slug}', but no published edition by "
                "that name"),
                hint=Text(f"maak content/compass/editions/{slug}.md aan of haal {stored.rel} "
                          "weg", f"create content/compass/editions/{slug}.md or remove "
                          f"{stored.rel}")))
    return found


def decision_documents(graph: ContentGraph, root: Path) -> list[Diagnostic]:
    """A document under /static/ on a history entry must exist, as an image must."""
    found = []
    for entry in graph.entries.values():
        if not isinstance(entry.data, AgendaItem):
            continue
        for index, step in enumerate(entry.data.history):
            for number, document in enumerate(step.documents):
                url = document.url
                if url.startswith("/") and not (root / url.lstrip("/")).is_file():
                    path = ("history", index, "documents", number, "url")
                    found.append(error("document-missing", Location(
                        entry.rel, entry.line_of(*path)), Text(
                        f"het document {url} bestaat niet", f"the document {url} does not "
                        "exist"), field=_field(path),
                        hint=Text(f"zet het bestand in {url.lstrip('/')}, of link naar de "
                                  "vindplaats (https://...)",
                                  f"put the file at {url.lstrip('/')}, or link to where it "
                                  "is published (https://...)")))
    return found
