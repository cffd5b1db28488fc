"""Find the content files, and name every file that is in the wrong place."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.source.kinds import (
    COMPASS_SYNONYMS,
    FOLDER_SYNONYMS,
    FOLDERS,
    SNAPSHOT_FOLDER,
    SNAPSHOT_SUFFIX,
)
from reisgids.source.listing import Listing, list_folder

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
EDITION_RE = SLUG_RE  # edition ids (2026, 2026-1) are slugs too


@dataclass(frozen=True)
class SourceFile:
    kind: str
    slug: str
    path: Path  # absolute
    rel: str  # site-relative POSIX path, as messages show it


# Cyrillic and Greek letters that look like Latin ones: a name typed on another keyboard
# layout, or pasted from a look-alike attack, shows no difference on screen.
LOOK_ALIKES = str.maketrans(
    "аеіјорсухѕԁһӏԛԝАВЕІЈКМНОРСТХЅУαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeijopcyxsdhlqwABEIJKMHOPCTXSYabeiknoptuxABEZHIKMNOPTYX")


def look_alikes(name: str) -> list[str]:
    """The characters of `name` that only look like Latin letters, named."""
    found = sorted({c for c in name if c.translate(LOOK_ALIKES) != c})
    return [f"'{c}' ({unicodedata.name(c, '?').lower()})" for c in found]


def suggest_slug(name: str) -> str:
    """What an editor most likely meant: 'Logeerhuis De Buren' -> 'logeerhuis-de-buren'."""
    text = unicodedata.normalize("NFKD", name.translate(LOOK_ALIKES))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower())
    return re.sub(r"-+", "-", text).strip("-") or "naam"


def _folder_hint(name: str, choices: list[str], synonyms: dict[str, str]) -> str | None:
    lowered = name.lower()
    if lowered in synonyms:
        return synonyms[lowered]
    close = difflib.get_close_matches(lowered, choices + list(synonyms), n=1, cutoff=0.6)
    if close:
        return synonyms.get(close[0], close[0])
    return None


def _wrong_folder(rel: str, name: str, parent: str, choices: list[str],
                  synonyms: dict[str, str]) -> Diagnostic:
    guess = _folder_hint(name, choices, synonyms)
    known = ", ".join(f"{parent}{c}/" for c in choices)
    hint = (Text(f"bedoelde je '{parent}{guess}/'?", f"did you mean '{parent}{guess}/'?")
            if guess else Text(f"bekende mappen: {known}", f"known folders: {known}"))
    return error("path-folder", Location(rel), Text(
        f"'{parent}{name}/' is geen bekende map", f"'{parent}{name}/' is not a known folder"),
        hint=hint)


def discover(root: Path, listing: Listing | None = None
             ) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every content file with its kind and slug, sorted; and every misplaced file.
    `listing` (serve): the folders as its scan listed them (source/listing.py)."""
    content = root / "content"
    files: list[SourceFile] = []
    problems: list[Diagnostic] = []
    if content.is_symlink():  # reported by source.links; never followed
        return files, problems
    if not content.is_dir():
        return files, [error("path-content", Location("content/"), Text(
            "de map content/ ontbreekt", "the folder content/ is missing"),
            hint=Text("maak content/ aan naast reisgids.yml",
                      "create content/ next to reisgids.yml"))]
    found: dict[str, SourceFile] = {}  # handed on in `listing` (the next save)
    top_choices = sorted({f.split("/")[0] for f in FOLDERS})
    for entry in sorted(content.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        rel = f"content/{entry.name}"
        if entry.is_file():
            problems.append(error("path-file", Location(rel), Text(
                "bestanden horen in een map per soort, niet direct in content/",
                "files belong in a folder per kind, not directly in content/"),
                hint=Text(f"verplaats het naar een van: {', '.join(top_choices)}",
                          f"move it into one of: {', '.join(top_choices)}")))
        elif entry.name == "compass":
            for sub in sorted(entry.iterdir()):
                if sub.name.startswith(".") or sub.is_symlink():
                    continue
                if sub.is_dir() and f"compass/{sub.name}" in FOLDERS:
                    _scan_kind(sub, f"compass/{sub.name}", files, problems, listing, found)
                elif sub.is_dir():
                    problems.append(_wrong_folder(f"content/compass/{sub.name}", sub.name,
                                                  "content/compass/", ["agenda", "editions"],
                                                  COMPASS_SYNONYMS))
                else:
                    problems.append(error("path-file", Location(f"content/compass/{sub.name}"),
                                          Text("bestanden in content/compass/ horen in "
                                               "editions/ of agenda/",
                                               "files in content/compass/ belong in "
                                               "editions/ or agenda/"),
                                          hint=Text("een editie in content/compass/editions/, "
                                                    "een agendapunt in content/compass/agenda/",
                                                    "an edition goes in "
                                                    "content/compass/editions/, an agenda item "
                                                    "in content/compass/agenda/")))
        elif entry.name in FOLDERS:
            _scan_kind(entry, entry.name, files, problems, listing, found)
        else:
            problems.append(_wrong_folder(rel, entry.name, "content/", top_choices,
                                          FOLDER_SYNONYMS))
    files.sort(key=lambda f: f.rel)
    if listing is not None:
        listing.sources = found
    return files, problems


def _scan_kind(folder: Path, name: str, files: list[SourceFile],
               problems: list[Diagnostic], listing: Listing | None,
               found: dict[str, SourceFile]) -> None:
    kind = FOLDERS[name]
    # os.scandir: whether an item is a link, a folder or a file comes with its name (no
    # stat per file; serve runs this on every save, 10,000 files at a time, from the
    # listing of its own scan)
    items = sorted(list_folder(str(folder), listing), key=lambda item: item.name)
    for item in items:
        if item.name.startswith(".") or item.is_symlink():
            continue
        if name == SNAPSHOT_FOLDER and item.name.endswith(SNAPSHOT_SUFFIX) and item.is_file():
            continue  # an adopted edition's snapshot: source.snapshots reads it
        rel = f"content/{name}/{item.name}"
        if item.is_dir():
            problems.append(error("path-subfolder", Location(rel), Text(
                f"submappen zijn niet toegestaan in content/{name}/",
                f"subfolders are not allowed in content/{name}/"),
                hint=Text(f"zet de bestanden direct in content/{name}/",
                          f"put the files directly in content/{name}/")))
            continue
        stem, dot, ext = item.name.rpartition(".")
        if not dot or ext != "md":
            wanted = f"{stem}.md" if ext in {"markdown", "MD", "txt", "mdown"} else None
            hint = (Text(f"hernoem het naar '{wanted}'", f"rename it to '{wanted}'") if wanted
                    else Text("alleen .md-bestanden horen in content/; afbeeldingen en andere "
                              "bestanden horen in static/",
                              "only .md files belong in content/; images and other files "
                              "belong in static/"))
            problems.append(error("path-extension", Location(rel), Text(
                "dit is geen .md-bestand", "this is not a .md file"), hint=hint))
            continue
        if not SLUG_RE.match(stem):
            better = suggest_slug(stem)
            fakes = look_alikes(stem)
            why = (Text(f"; het bevat letters die op Latijnse lijken maar het niet zijn: "
                        f"{', '.join(fakes)}", f"; it holds letters that look Latin but are "
                        f"not: {', '.join(fakes)}") if fakes else Text("", ""))
            problems.append(error("path-slug", Location(rel), Text(
                f"'{stem}' is geen geldige bestandsnaam: alleen kleine letters a-z, cijfers en "
                f"losse streepjes{why.nl}",
                f"'{stem}' is not a valid file name: only lowercase a-z, digits and single "
                f"hyphens{why.en}"),
                hint=Text(f"hernoem het naar '{better}.md'", f"rename it to '{better}.md'")))
            continue
        source = listing.sources.get(item.path) if listing is not None else None
        if source is None or source.kind != kind or source.rel != rel:
            source = SourceFile(kind=kind, slug=stem, path=folder / item.name, rel=rel)
        found[item.path] = source
        files.append(source)
