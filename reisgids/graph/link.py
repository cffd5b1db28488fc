"""Resolve every reference into the content graph; report those that do not resolve."""

from __future__ import annotations

from datetime import date
from typing import Any

from reisgids.config import SiteConfig
from reisgids.diagnose import field_name
from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.graph.content import ContentGraph, Key, Link
from reisgids.graph.publish import is_published
from reisgids.graph.routes import assign_urls
from reisgids.hints import closest, closest_id
from reisgids.model.document import ContentEntry
from reisgids.model.fields import RefTo, VocabOf
from reisgids.model.walk import Found, walk
from reisgids.source.kinds import FOLDER_OF

VOCAB_NAMES = {"themes": ("thema", "theme"), "forms": ("vorm", "form"),
               "partner_types": ("partnertype", "partner type")}



def _unresolved(entry: ContentEntry, path: tuple[str | int, ...], kind: str, slug: str,
                entries: dict[Key, ContentEntry]) -> Diagnostic:
    same_kind = {k[1]: e.data.title for k, e in entries.items() if k[0] == kind}
    guess = closest(slug, same_kind) or closest_id(slug, same_kind)
    other = sorted(k[0] for k in entries if k[1] == slug and k[0] != kind)
    if guess:
        hint = Text(f"bedoelde je '{guess}' ({same_kind[guess]})?",
                    f"did you mean '{guess}' ({same_kind[guess]})?")
    elif other:
        hint = Text(f"'{slug}' bestaat wel als {other[0]}; hier hoort een {kind}",
                    f"'{slug}' exists as a {other[0]}; a {kind} belongs here")
    else:
        hint = Text(f"maak content/{FOLDER_OF[kind]}/{slug}.md aan, of controleer de naam",
                    f"create content/{FOLDER_OF[kind]}/{slug}.md, or check the name")
    return error("ref-unresolved", Location(entry.rel, entry.line_of(*path)), Text(
        f"er is geen {kind} '{slug}'", f"there is no {kind} '{slug}'"),
        field=field_name(path), hint=hint)


def _vocab_problem(entry: ContentEntry, path: tuple[str | int, ...], name: str, value: str,
                   vocab: dict[str, str]) -> Diagnostic:
    nl, en = VOCAB_NAMES.get(name, (name, name))
    guess = closest_id(value, vocab)
    hint = (Text(f"bedoelde je '{guess}' ({vocab[guess]})?",
                 f"did you mean '{guess}' ({vocab[guess]})?") if guess else
            Text(f"kies uit: {', '.join(sorted(vocab))}, of voeg het toe aan "
                 f"vocabularies.{name} in reisgids.yml",
                 f"choose from: {', '.join(sorted(vocab))}, or add it to "
                 f"vocabularies.{name} in reisgids.yml"))
    return error("vocab-unknown", Location(entry.rel, entry.line_of(*path)), Text(
        f"{nl} '{value}' bestaat niet", f"{en} '{value}' does not exist"),
        field=field_name(path), hint=hint)


class Walks:
    """serve: the references and vocabulary values of each entry (`walk`), kept while the
    entry is the same object (its file was not read again): walking every entry's model was
    most of linking a large site on every save."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[ContentEntry, tuple[Found, ...]]] = {}

    def of(self, entries: list[ContentEntry]) -> list[tuple[Found, ...]]:
        known: dict[int, tuple[ContentEntry, tuple[Found, ...]]] = {}
        for entry in entries:
            seen = self._known.get(id(entry))
            # the entry itself is held, so its id cannot be another object's meanwhile
            known[id(entry)] = seen if seen is not None and seen[0] is entry \
                else (entry, tuple(walk(entry.data)))
        self._known = known
        return [known[id(entry)][1] for entry in entries]


def link(config: SiteConfig, entries: list[ContentEntry], now: date, *, drafts: bool,
         outlines: dict[str, Any] | None = None, unreadable: frozenset[Key] = frozenset(),
         snapshots: dict[str, Any] | None = None, walks: Walks | None = None
         ) -> tuple[ContentGraph, list[Diagnostic]]:
    """`unreadable`: files that exist but failed to load; their own errors say why, so a
    reference to one is not reported again as pointing at nothing. `walks` (serve): what
    each entry refers to, kept between saves."""
    by_key = {e.key: e for e in entries}
    published = frozenset(e.key for e in entries if is_published(e, now, drafts))
    urls, problems = assign_urls(config, entries)
    links: list[Link] = []
    walked = walks.of(entries) if walks is not None else [tuple(walk(e.data)) for e in entries]
    for entry, found_in in zip(entries, walked, strict=True):
        for found in found_in:
            if isinstance(found.marker, VocabOf):
                vocab = config.vocabulary(found.marker.name)
                if found.value not in vocab:
                    problems.append(_vocab_problem(entry, found.path, found.marker.name,
                                                   found.value, vocab))
                continue
            assert isinstance(found.marker, RefTo)
            target = (found.marker.kind, found.value)
            if target not in by_key:
                if target in unreadable:
                    continue
                problems.append(_unresolved(entry, found.path, found.marker.kind, found.value,
                                            by_key))
                continue
            links.append(Link(entry.key, str(found.path[0]), target))
            if entry.key in published and target not in published:
                problems.append(warning("ref-unpublished", Location(
                    entry.rel, entry.line_of(*found.path)), Text(
                    f"{found.marker.kind} '{found.value}' is niet gepubliceerd in deze build "
                    "(concept, nog niet of niet meer zichtbaar)",
                    f"{found.marker.kind} '{found.value}' is not published in this build "
                    "(draft, not yet or no longer visible)"), field=field_name(found.path),
                    hint=Text("de verwijzing wordt als gewone tekst getoond",
                              "the reference is shown as plain text")))
    graph = ContentGraph(config=config, now=now, entries=by_key, published=published,
                         urls=urls, links=tuple(sorted(set(links), key=lambda lk: (
                             lk.source, lk.field, lk.target))),
                         outlines=outlines or {}, snapshots=snapshots or {})
    return graph, problems
