"""Raw files -> validated entries and diagnostics. Never stops at the first error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from reisgids.compass.history import check_history
from reisgids.diagnose import diagnostics_from, yaml_notes
from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.model.atlas import Deal, Partner
from reisgids.model.base import Entry
from reisgids.model.compass import AgendaItem, CompassEdition
from reisgids.model.document import ContentEntry
from reisgids.model.kinds import MODELS
from reisgids.model.publication import Event, Listing
from reisgids.source.discover import SourceFile
from reisgids.source.frontmatter import SplitProblem, decode, split
from reisgids.unfinished import check_unfinished
from reisgids.yamlsafe import FieldPath, YamlProblem, load_mapping

MAX_FILE_BYTES = 20 * 1024 * 1024
# Measured (docs/speed.md, "Large bodies"): a long report renders at about 0.6 s per MiB,
# linearly (the quadratic inputs are guarded in markdown/), so a report pasted whole
# builds; past 8 MiB a build would stall for many seconds on every save, and no phone reads it.
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_BODY_KB = MAX_BODY_BYTES // 1024
PHASES_WITH_PARTNERS = frozenset({"planning", "kick-off", "execution", "review", "completed"})


def read_entry(source: SourceFile) -> tuple[ContentEntry | None, list[Diagnostic]]:
    """Read, split, parse and validate one content file."""
    try:
        raw = source.path.read_bytes()
    except OSError as exc:
        return None, [error("file-unreadable", Location(source.rel), Text(
            f"het bestand kan niet gelezen worden ({exc.strerror})",
            f"the file cannot be read ({exc.strerror})"))]
    entry, problems, _parsed = entry_from_bytes(source, raw)
    return entry, problems


@dataclass(frozen=True)
class Parsed:
    """What an entry is made of besides its file's name: the YAML as plain data (dicts,
    lists, strings, None: what the kind's model validated), the lines of its fields, the
    body. `entry_of` makes the same entry from it again (the build cache keeps it)."""

    data: dict[str, Any]
    lines: dict[FieldPath, int]
    body: str
    body_first_line: int


def entry_of(source: SourceFile, parsed: Parsed) -> ContentEntry:
    """The entry of `parsed`: its model validated from the same plain data. Raises
    pydantic's ValidationError when that data is not valid (never for data that was)."""
    data = MODELS[source.kind].model_validate(parsed.data)
    return ContentEntry(source.kind, source.slug, source.rel, data, parsed.body,
                        parsed.body_first_line, parsed.lines)


def entry_from_bytes(source: SourceFile, raw: bytes
                     ) -> tuple[ContentEntry | None, list[Diagnostic], Parsed | None]:
    """Split, parse and validate the bytes of one content file: the entry (None when it
    cannot be one), every diagnostic, and what the entry was made of."""
    rel = source.rel
    if len(raw) > MAX_FILE_BYTES:
        return None, [error("file-too-large", Location(rel), Text(
            f"het bestand is te groot ({len(raw) // 1_048_576} MB)",
            f"the file is too large ({len(raw) // 1_048_576} MB)"),
            hint=Text("splits de tekst over meerdere bestanden",
                      "split the text over several files"))], None
    try:
        parts = split(decode(raw))
        doc = load_mapping(parts.yaml_text, first_line=parts.yaml_first_line)
    except SplitProblem as problem:
        return None, [error(problem.code, Location(rel, problem.line), problem.message,
                            hint=problem.hint)], None
    except YamlProblem as problem:
        line = problem.line + 1  # YAML starts on file line 2
        return None, [error(problem.code, Location(rel, line, problem.col), problem.message,
                            hint=problem.hint)], None
    model = MODELS[source.kind]
    notes = yaml_notes(doc, rel, parts.yaml_first_line)
    try:
        data = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, notes + diagnostics_from(exc, model, doc, rel, parts.yaml_first_line), None
    lines = {path: pos[0] + parts.yaml_first_line - 1 for path, pos in doc.positions.items()}
    body, problems = parts.body, notes
    if len(body.encode("utf-8")) > MAX_BODY_BYTES:
        size = len(body.encode("utf-8")) // 1024
        problems.append(error("body-too-large", Location(rel, parts.body_first_line), Text(
            f"de tekst is te lang voor één pagina ({size} KB; maximaal {MAX_BODY_KB} KB)",
            f"the text is too long for one page ({size} KB; at most {MAX_BODY_KB} KB)"),
            field="body",
            hint=Text("verdeel de tekst over meerdere bestanden, of zet een groot document in "
                      "static/ en link ernaar",
                      "split the text over several files, or put a large document in static/ "
                      "and link to it")))
        body = ""  # the entry stays, so references to it still resolve
    parsed = Parsed(doc.data, lines, body, parts.body_first_line)
    entry = ContentEntry(source.kind, source.slug, rel, data, body, parts.body_first_line, lines)
    return entry, problems + check_rules(entry) + check_unfinished(entry), parsed


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _ends_before(start: date | datetime | None, end: date | datetime | None) -> bool:
    if start is None or end is None:
        return False
    if isinstance(start, datetime) and isinstance(end, datetime):
        return end < start
    return _day(end) < _day(start)  # a date against a date-time counts as the whole day


def _end_before_start(entry: ContentEntry, *path: str | int) -> Diagnostic:
    return error("end-before-start", Location(entry.rel, entry.line_of(*path)), Text(
        "het einde ligt vóór het begin", "the end is before the start"),
        field=".".join(map(str, path)),
        hint=Text("controleer beide datums", "check both dates"))


def check_rules(entry: ContentEntry) -> list[Diagnostic]:
    """Rules over several fields of one file, pointed at the first field each rule names."""
    data: Entry = entry.data
    found: list[Diagnostic] = []
    at = entry.line_of
    if data.image is not None and not data.image_alt:
        found.append(error("image-alt", Location(entry.rel, at("image")), Text(
            "een afbeelding heeft een beschrijving nodig (image_alt)",
            "an image needs a description (image_alt)"), field="image",
            hint=Text("voeg 'image_alt: ...' toe: wat staat er op de afbeelding?",
                      "add 'image_alt: ...': what does the image show?")))
    if isinstance(data, Deal):
        if data.phase in PHASES_WITH_PARTNERS and len(data.partners) < 2:
            found.append(error("deal-partners", Location(entry.rel, at("partners")), Text(
                f"een deal in fase '{data.phase}' heeft minstens twee partners",
                f"a deal in phase '{data.phase}' has at least two partners"), field="partners",
                hint=Text("voeg partners toe, of zet de fase terug naar 'partners' "
                          "(Partners zoeken)",
                          "add partners, or set the phase back to 'partners'")))
        if _ends_before(data.start, data.end):
            found.append(_end_before_start(entry, "end"))
    elif isinstance(data, Event):
        if _ends_before(data.start, data.end):
            found.append(_end_before_start(entry, "end"))
    elif isinstance(data, CompassEdition):
        if data.period.end < data.period.start:
            found.append(_end_before_start(entry, "period", "end"))
    elif isinstance(data, AgendaItem):
        for problem in check_history(data.history):
            path: tuple[str | int, ...] = ("history", problem.index)
            if problem.code == "agenda-date-back":
                path = (*path, "date")
            found.append(error(problem.code, Location(entry.rel, at(*path)), problem.message,
                               field=f"history[{problem.index}]"
                               + (f".{problem.field}" if problem.field else ""),
                               hint=problem.hint))
    elif isinstance(data, Partner):
        if not (data.email or data.phone or data.contacts):
            found.append(warning("partner-contact", Location(entry.rel, 1), Text(
                "deze partner heeft geen aanspreekpunt", "this partner has no contact point"),
                field="contacts",
                hint=Text("voeg 'contacts:' toe met een functioneel adres (rol, team, e-mail)",
                          "add 'contacts:' with a functional address (role, team, e-mail)")))
    elif isinstance(data, Listing) and data.valid_until is None:
        found.append(warning("listing-valid-until", Location(entry.rel, 1), Text(
            "deze vraag of dit aanbod heeft geen einddatum", "this listing has no end date"),
            field="valid_until",
            hint=Text("voeg 'valid_until: JJJJ-MM-DD' toe; daarna gaat het naar het archief",
                      "add 'valid_until: YYYY-MM-DD'; after it, it moves to the archive")))
    return found
