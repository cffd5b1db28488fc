"""Scaffolding that never reaches the public site unnoticed: placeholder sentences of
`reisgids new` still in a field or the text, and a text that is only headings."""

from __future__ import annotations

from typing import Any

from reisgids.errors import Diagnostic, Location, Text, warning
from reisgids.model.document import ContentEntry
from reisgids.placeholders import LEFTOVERS

# kinds whose page is its text: a heading without text under it is an unfinished page
NEEDS_TEXT = frozenset({"deal", "project", "instrument", "review", "lesson", "agenda-item",
                        "news", "story", "event", "listing", "page"})


def _strings(value: Any, path: tuple[str | int, ...] = ()
             ) -> list[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, (*path, key))]
    if isinstance(value, list | tuple):
        return [found for index, item in enumerate(value)
                for found in _strings(item, (*path, index))]
    return []


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _leftover(text: str) -> str | None:
    return next((sentence for sentence in LEFTOVERS if sentence in text), None)


def check_unfinished(entry: ContentEntry) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    hint = Text("vervang de zin door je eigen tekst", "replace the sentence with your own text")
    strings = _strings(entry.data.model_dump(by_alias=True, mode="json"))
    if _leftover("\x00".join(text for _, text in strings)) is None:
        strings = []  # nearly always: one look at all of them, not one for each
    for path, text in strings:
        sentence = _leftover(text)
        if sentence is not None:
            found.append(warning("placeholder-text", Location(entry.rel, entry.line_of(*path)),
                                 Text(f"hier staat nog de voorbeeldtekst '{sentence}'",
                                      f"the placeholder '{sentence}' is still here"),
                                 field=_dotted(path), hint=hint))
    lines = entry.body.split("\n")
    for index, line in enumerate(lines if _leftover(entry.body) is not None else ()):
        sentence = _leftover(line)
        if sentence is not None:
            found.append(warning("placeholder-text", Location(
                entry.rel, entry.body_first_line + index), Text(
                f"hier staat nog de voorbeeldtekst '{sentence}'",
                f"the placeholder '{sentence}' is still here"), field="body", hint=hint))
    written = [(index, line) for index, line in enumerate(lines) if line.strip()]
    if (entry.kind in NEEDS_TEXT and written
            and all(line.lstrip().startswith("#") for _, line in written)):
        found.append(warning("body-heading-only", Location(
            entry.rel, entry.body_first_line + written[0][0]), Text(
            "de tekst bestaat alleen uit koppen", "the text is only headings"), field="body",
            hint=Text("schrijf onder de kop wat de lezer moet weten, of haal de kop weg",
                      "write what the reader needs under the heading, or remove it")))
    return found
