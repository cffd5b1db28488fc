"""'Humanitas Noord' where a slug belongs: suggest the slug of the entry with that title.

A reference that is not a slug fails while its file is read, before the other files are
known; once every file is read, its hint can name the entry the editor meant — always an
entry of this guide, never an example from elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from reisgids.errors import Diagnostic, Text
from reisgids.hints import closest
from reisgids.model.document import ContentEntry


def suggest_slugs(items: list[Diagnostic], entries: list[ContentEntry]) -> list[Diagnostic]:
    by_title: dict[str, ContentEntry] = {}
    for entry in sorted(entries, key=lambda e: e.rel):
        by_title.setdefault(entry.data.title.strip(), entry)
    improved: list[Diagnostic] = []
    for item in items:
        if item.code == "schema-slug" and item.subject:
            title = closest(item.subject.strip(), by_title, cutoff=0.8)
            if title is not None:
                entry = by_title[title]
                item = replace(item, hint=Text(
                    f"bedoelde je '{entry.slug}'? Dat is de bestandsnaam van '{title}' "
                    f"({entry.rel}); verwijs met de bestandsnaam, niet met de titel",
                    f"did you mean '{entry.slug}'? That is the file name of '{title}' "
                    f"({entry.rel}); refer by file name, not by title"))
        improved.append(item)
    return improved
