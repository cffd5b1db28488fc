"""Turn pydantic's validation errors into diagnostics: the line, the field, a message in
Dutch and English, and a fix hint."""

from __future__ import annotations

import typing
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.hints import closest, closest_id
from reisgids.model.vocab import VOCABS
from reisgids.yamlsafe import FieldPath, YamlDocument

# Field names editors type in Dutch -> the field they mean.
DUTCH_FIELDS = {
    "titel": "title", "samenvatting": "summary", "thema": "themes", "themas": "themes",
    "thema's": "themes", "wijk": "areas", "wijken": "areas", "trefwoorden": "tags",
    "datum": "date", "bijgewerkt": "updated", "concept": "draft", "afbeelding": "image",
    "fase": "phase", "doel": "goal", "status": "status", "eigenaar": "owner",
    "bronnen": "sources", "niveau": "level", "soort": "type", "verandering": "change",
    "voorstel": "proposal", "geschiedenis": "history", "lessen": "lessons",
    "periode": "period", "prioriteiten": "priorities", "locatie": "location",
    "begin": "start", "eind": "end", "einde": "end", "stad": "city", "telefoon": "phone",
    "adres": "address", "contactpersonen": "contacts", "aanspreekpunten": "contacts",
    "geldig_tot": "valid_until", "door": "by", "categorie": "category",
    "deelnemers": "participants", "mijlpalen": "milestones", "risicos": "risks",
}


def field_name(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def data_path(loc: tuple[int | str, ...], data: Any, *, missing: bool = False) -> FieldPath:
    """Keep the parts of a pydantic `loc` that exist in the data (drops union tags); for a
    `missing` field, also its name, so that the message names it."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        if in_dict or in_list:
            current = current[part]
            path.append(part)
        elif missing and index == len(loc) - 1 and isinstance(part, str) and (
                isinstance(current, dict) or current is None):
            path.append(part)
    return tuple(path)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model an annotation can hold (`list[X]`, `X | None`, a tagged union of X and Y)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found += [m for m in _models_in(arg) if m not in found]
    return found


def fields_at(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The field names (as written in YAML) of the model(s) that hold `path`'s last part."""
    current: list[type[BaseModel]] = [model]
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        fields = [f for m in current for n, f in m.model_fields.items() if (f.alias or n) == part]
        current = _models_in(fields[0].annotation) if fields else []
    names: list[str] = []
    for found in current:
        names += [name for name in (f.alias or n for n, f in found.model_fields.items())
                  if name not in names]
    return names


def _unknown_field(model: type[BaseModel], path: FieldPath) -> tuple[Text, Text | None]:
    name = str(path[-1])
    known = [f for f in fields_at(model, path) if f not in {"kind", "slug"}]
    guess = DUTCH_FIELDS.get(name.lower())
    if guess not in known:
        guess = closest(name, known)
    message = Text(f"'{name}' is geen bekend veld", f"'{name}' is not a known field")
    if guess:
        return message, Text(f"bedoelde je '{guess}'?", f"did you mean '{guess}'?")
    shown = ", ".join(known)
    return message, Text(f"bekende velden: {shown}", f"known fields: {shown}")


def _enum(ctx: dict[str, Any]) -> tuple[Text, Text]:
    vocab, value = ctx["vocab"], ctx["value"]
    labels = VOCABS[vocab]
    guess = closest_id(value, {k: v[0] for k, v in labels.items()}) or closest_id(
        value, {k: v[1] for k, v in labels.items()})
    message = Text(f"'{value}' bestaat niet", f"'{value}' does not exist")
    if guess:
        return message, Text(f"bedoelde je '{guess}' ({labels[guess][0]})?",
                             f"did you mean '{guess}' ({labels[guess][1]})?")
    nl = ", ".join(f"{k} ({v[0]})" for k, v in labels.items())
    en = ", ".join(f"{k} ({v[1]})" for k, v in labels.items())
    return message, Text(f"kies uit: {nl}", f"choose from: {en}")


def _comma_list(name: str, text: str) -> tuple[Text, Text]:
    items = [part.strip() for part in text.split(",") if part.strip()]
    lines = " ".join(f"'- {item}'" for item in items)
    return (Text(f"'{text}' is één tekst met komma's, geen lijst",
                 f"'{text}' is one text with commas, not a list"),
            Text(f"zet elk item op een eigen regel onder '{name}:', ingesprongen: {lines}; of "
                 f"schrijf {name}: [{', '.join(items)}]",
                 f"put each item on its own indented line under '{name}:': {lines}; or "
                 f"write {name}: [{', '.join(items)}]"))


def explain(err: ErrorDetails, model: type[BaseModel], path: FieldPath) -> tuple[Text, Text | None]:
    """What went wrong, and how to fix it, for one pydantic error."""
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    value = str(ctx.get("value", err.get("input", "")))
    name = str(path[-1]) if path else ""
    if "nl" in ctx and "en" in ctx:  # a check that wrote its own message in both languages
        hint = Text(ctx["hint_nl"], ctx["hint_en"]) if "hint_nl" in ctx else None
        return Text(ctx["nl"], ctx["en"]), hint
    if kind == "missing":
        return (Text(f"'{name}' ontbreekt (verplicht veld)",
                     f"'{name}' is missing (required field)"),
                Text(f"voeg '{name}: ...' toe", f"add '{name}: ...'"))
    if kind == "extra_forbidden":
        return _unknown_field(model, path)
    if kind == "list_type" and isinstance(err.get("input"), str) and "," in err["input"]:
        return _comma_list(name, str(err["input"]))
    if kind == "reisgids_enum":
        return _enum(ctx)
    table: dict[str, tuple[Text, Text | None]] = {
        "reisgids_bool": (Text(f"'{value}' is geen ja/nee-waarde voor dit veld",
                               f"'{value}' is not a yes/no value for this field"),
                          Text("schrijf true of false (niet ja/nee, yes/no, on/off)",
                               "write true or false (not yes/no, on/off)")),
        "reisgids_date": (Text(f"'{value}' is geen geldige datum",
                               f"'{value}' is not a valid date"),
                          Text("schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01",
                               "write YYYY-MM-DD, for example 2026-03-01")),
        "reisgids_moment": (Text(f"'{value}' is geen geldige datum of tijd",
                                 f"'{value}' is not a valid date or time"),
                            Text("schrijf JJJJ-MM-DD of JJJJ-MM-DD UU:MM, bijvoorbeeld "
                                 "2026-03-01 14:30",
                                 "write YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "
                                 "2026-03-01 14:30")),
        "reisgids_year": (Text(f"'{value}' is geen jaartal", f"'{value}' is not a year"),
                          Text("schrijf vier cijfers, bijvoorbeeld 2012",
                               "write four digits, for example 2012")),
        "reisgids_url": (Text(f"'{value}' is geen webadres", f"'{value}' is not a web address"),
                         Text("begin met https://", "start with https://")),
        "reisgids_email": (Text(f"'{value}' is geen e-mailadres",
                                f"'{value}' is not an e-mail address"),
                           Text("schrijf naam@domein.nl", "write name@domain.org")),
        "reisgids_slug": (Text(f"'{value}' is geen geldige verwijzing",
                               f"'{value}' is not a valid reference"),
                          Text("verwijs met de bestandsnaam zonder .md: kleine letters, "
                               "cijfers en streepjes",
                               "refer by the file name without .md: lower case letters, "
                               "digits and hyphens")),
        "reisgids_static_path": (
            Text(f"'{value}' ligt niet in static/ of wijst buiten de site",
                 f"'{value}' is not in static/ or points outside the site"),
            Text("zet het bestand in static/ en schrijf '/static/bestand.jpg'",
                 "put the file in static/ and write '/static/file.jpg'")),
        "reisgids_site_path": (
            Text(f"'{value}' is geen pad op deze site",
                 f"'{value}' is not a path on this site"),
            Text("schrijf het oude adres zonder domein, in kleine letters, met een / aan het "
                 "begin en eind, bijvoorbeeld '/deals/oude-naam/'",
                 "write the old address without the domain, in lower case, starting and "
                 "ending with /, for example '/deals/old-name/'")),
        "reisgids_text": (Text("verwacht een tekst, geen lijst of blok velden",
                               "expected text, not a list or block of fields"),
                          Text("schrijf de waarde op dezelfde regel als de veldnaam",
                               "write the value on the same line as the field name")),
        "reisgids_kindref": (Text("verwacht één verwijzing als '{soort: naam}'",
                                  "expected one reference as '{kind: name}'"),
                             Text("bijvoorbeeld '{deal: naam-van-de-deal}'",
                                  "for example '{deal: name-of-the-deal}'")),
        "reisgids_kindref_kind": (
            Text(f"'{value}' is hier geen toegestane soort",
                 f"'{value}' is not an allowed kind here"),
            Text(f"kies uit: {ctx.get('allowed', '')}", f"choose from: {ctx.get('allowed', '')}")),
        "string_too_long": (Text(f"te lang: {len(str(err.get('input', '')))} tekens, maximaal "
                                 f"{ctx.get('max_length')}",
                                 f"too long: {len(str(err.get('input', '')))} characters, at "
                                 f"most {ctx.get('max_length')}"),
                            Text("kort de tekst in; de rest kan in de hoofdtekst",
                                 "shorten it; the rest can go into the body")),
        "too_short": (Text("hier hoort minstens één item", "at least one item is needed here"),
                      Text(f"voeg een item toe onder '{name}:'", f"add an item under '{name}:'")),
        "list_type": (Text("verwacht een lijst", "expected a list"),
                      Text("zet elk item op een eigen regel die begint met '- '",
                           "put each item on its own line starting with '- '")),
        "model_type": (Text("verwacht een blok velden", "expected a block of fields"),
                       Text("zet de velden ingesprongen onder deze regel",
                            "indent the fields below this line")),
        "model_attributes_type": (Text("verwacht een blok velden", "expected a block of fields"),
                                  Text("zet de velden ingesprongen onder deze regel",
                                       "indent the fields below this line")),
        "dict_type": (Text("verwacht een blok velden", "expected a block of fields"), None),
        "int_parsing": (Text(f"'{value}' is geen geheel getal", f"'{value}' is not a whole number"),
                        Text("schrijf alleen cijfers", "write digits only")),
        "string_type": (Text("verwacht een tekst", "expected text"), None),
    }
    if kind in table:
        return table[kind]
    return Text(f"ongeldige waarde: {err['msg']}", f"invalid value: {err['msg']}"), None


def diagnostics_from(exc: ValidationError, model: type[BaseModel], doc: YamlDocument,
                     rel: str, first_line: int) -> list[Diagnostic]:
    """One diagnostic per pydantic error, at the line the content model says."""
    found: list[Diagnostic] = []
    for err in exc.errors():
        path = data_path(err["loc"], doc.data, missing=err["type"] == "missing")
        if err["type"] == "missing" and path in doc.positions:
            # written but empty ('goal:'): the model drops empty values, so it reads as
            # missing; say what happened, at its own line
            key_line, key_col = doc.positions[path]
            name = str(path[-1])
            found.append(error("schema-empty", Location(rel, key_line + first_line - 1, key_col),
                               Text(f"'{name}' is leeg", f"'{name}' is empty"),
                               field=field_name(path),
                               hint=Text(f"schrijf de waarde achter '{name}:' op dezelfde regel",
                                         f"write the value after '{name}:' on the same line")))
            continue
        if err["type"] == "missing":
            # a missing field points at the item that should hold it, or at line 1
            holder = doc.line_of(path[:-1]) if len(path) > 1 else 0
            line = holder + first_line - 1 if holder else 1
        else:
            yaml_line = doc.line_of(path)
            line = yaml_line + first_line - 1 if yaml_line else 1
        # an unknown field is its name: point at the key, not at its value
        col = doc.positions[path][1] if (
            err["type"] == "extra_forbidden" and path in doc.positions) else 1
        message, hint = explain(err, model, path)
        made = error(f"schema-{err['type'].removeprefix('reisgids_').replace('_', '-')}",
                     Location(rel, line, col), message, field=field_name(path), hint=hint)
        if err["type"] == "reisgids_slug":
            made = replace(made, subject=str(err.get("input", "")))
        found.append(made)
    return found


def yaml_notes(doc: YamlDocument, rel: str, first_line: int) -> list[Diagnostic]:
    """Values that parsed but not as they look (a ' #' comment, curly quotes): warnings at
    their line, naming the field written on that line."""
    found: list[Diagnostic] = []
    for note in doc.notes:
        paths = [p for p, pos in doc.positions.items() if pos[0] <= note.line]
        path = max(paths, key=lambda p: doc.positions[p]) if paths else ()
        found.append(warning(note.code, Location(rel, note.line + first_line - 1, note.col),
                             note.message, field=field_name(path), hint=note.hint))
    return found
