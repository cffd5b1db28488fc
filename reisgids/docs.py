"""The field reference of every kind, as Markdown, generated from the models.

    python -m reisgids.docs > docs/reference.md

A test checks that docs/reference.md is what this module writes, so the reference never
drifts from the code.
"""

from __future__ import annotations

import sys

from reisgids.model.describe import (
    BOOL,
    CHOICE,
    DATE,
    EMAIL,
    ENUM,
    KINDREF,
    LINK,
    MODEL,
    MOMENT,
    PATH,
    REF,
    TEXT,
    URL,
    VOCAB,
    YEAR,
    FieldSpec,
    Shape,
    describe,
    help_for,
    sub_fields,
)
from reisgids.model.kinds import SPECS
from reisgids.model.vocab import VOCABS

HEADER = """\
<!-- Gegenereerd met `python -m reisgids.docs > docs/reference.md`; niet met de hand
bewerken: pas de modellen in reisgids/model/ aan (de uitleg staat bij elk veld) en genereer
opnieuw. -->

# Naslag: de velden per soort

Elke soort heeft een eigen map onder `content/`; de bestandsnaam (zonder `.md`) is de naam
waarmee je ernaar verwijst. Een veld zonder waarde (`veld:`) telt als niet ingevuld. Waar
een lijst verwacht wordt, mag ook één losse waarde. `reisgids new <soort> <naam>` maakt een
bestand met alle velden en uitleg; `reisgids schema` schrijft JSON Schema voor je editor.
De afspraken zelf staan in het inhoudsmodel (content model).

*Reference of every field of every kind. The Dutch explanation comes first, the English
one in the last column. Fixed lists of values are at the end.*
"""


def _anchor(vocab: str) -> str:
    return vocab.replace(".", "").lower()


def _type(shape: Shape) -> str:
    leaf = shape.leaf
    if leaf == TEXT:
        return (f"tekst (max. {shape.max_length} tekens)" if shape.max_length is not None
                else "tekst")
    simple = {DATE: "datum (JJJJ-MM-DD)", MOMENT: "datum, of datum en tijd (JJJJ-MM-DD UU:MM)",
              BOOL: "`true` of `false`", YEAR: "jaartal", URL: "webadres (`https://...`)",
              EMAIL: "e-mailadres", PATH: "pad `/static/...`",
              LINK: "webadres (`https://...`) of pad `/static/...`"}
    if leaf in simple:
        return simple[leaf]
    if leaf == ENUM:
        return f"keuze uit [`{shape.name}`](#{_anchor(shape.name)})"
    if leaf == VOCAB:
        return f"id uit `vocabularies.{shape.name}` (reisgids.yml)"
    if leaf == REF:
        return f"→ {shape.name}"
    if leaf == KINDREF:
        return "`{soort: naam}`; soorten: " + ", ".join(shape.kinds)
    if leaf == MODEL:
        return "velden hieronder"
    if leaf == CHOICE:
        return " of ".join(_type(option) for option in shape.options)
    raise TypeError(f"reisgids.docs: unknown leaf {leaf!r}")


def _field_type(spec: FieldSpec) -> str:
    text = _type(spec.shape)
    if spec.many:
        text = f"lijst: {text}"
    if spec.default not in (None, [], ""):
        shown = str(spec.default).lower() if isinstance(spec.default, bool) else spec.default
        text += f"; standaard `{shown}`"
    return text


def _required(spec: FieldSpec) -> str:
    if not spec.required:
        return ""
    return f"ja, minstens {spec.min_items}" if spec.many and spec.min_items else "ja"


def _rows(kind: str, fields: list[FieldSpec], prefix: str, path: str,
          vocabs: list[str]) -> list[str]:
    rows: list[str] = []
    for spec in fields:
        field_path = f"{path}{spec.key}"
        shown = f"{prefix}{spec.key}"
        nl, en = help_for(kind, field_path)
        rows.append(f"| `{shown}` | {_field_type(spec)} | {_required(spec)} | {nl} | {en} |")
        shapes = spec.shape.options if spec.shape.leaf == CHOICE else (spec.shape,)
        for shape in shapes:
            if shape.leaf == ENUM and shape.name not in vocabs:
                vocabs.append(shape.name)
        if spec.shape.leaf == KINDREF and len(spec.shape.kinds) > 3:
            continue
        for _, nested in sub_fields(spec.shape):
            nested_prefix = f"{shown}[]." if spec.many else f"{shown}."
            rows += _rows(kind, nested, nested_prefix, f"{field_path}.", vocabs)
    return rows


def render_reference() -> str:
    """The whole reference, deterministic, ending in one newline."""
    out = [HEADER, "## Soorten", ""]
    out += [f"- [{spec.kind}](#{spec.kind}) — {spec.name[0]}" for spec in SPECS]
    vocabs: list[str] = []
    for spec in SPECS:
        kind = spec.kind.value
        nl, en = spec.help
        out += ["", f"## {kind}", "",
                f"**{spec.name[0]}** — {nl} *{en}*", "",
                f"Map: `content/{spec.folder}/`. Nieuw bestand: "
                f"`reisgids new {kind} <naam>`.", "",
                "| veld | type | verplicht | uitleg | explanation |",
                "|---|---|---|---|---|"]
        out += _rows(kind, describe(spec.model), "", "", vocabs)
    out += ["", "## Keuzelijsten", "",
            "Schrijf de id; het label is wat bezoekers zien. *Write the id; the label is what "
            "visitors see.*"]
    for vocab in vocabs:
        out += ["", f"### {vocab}", "", "| id | Nederlands | English |", "|---|---|---|"]
        out += [f"| `{key}` | {nl} | {en} |" for key, (nl, en) in VOCABS[vocab].items()]
    return "\n".join(out) + "\n"


def main() -> None:
    sys.stdout.write(render_reference())


if __name__ == "__main__":
    main()
