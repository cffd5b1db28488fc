"""JSON Schema (draft-07) per kind, for editors' YAML tooling.

The schemas start from pydantic's ``model_json_schema`` and are corrected where pydantic
cannot know what reisgids means: the fixed vocabularies (``OneOf`` fields are plain text
to pydantic), references (slugs), ``{kind: slug}`` references, dates as editors write
them, a single value where a list is expected, and an empty value (``field:``) for a field
that is not required. Editors do not quote, so a text field also accepts what a YAML tool
reads as a number or a boolean (``phone: 0201234567``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

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
)
from reisgids.model.fields import DATETIME_RE, EMAIL_RE, SLUG_RE
from reisgids.model.kinds import SPEC, SPECS
from reisgids.model.vocab import VOCABS

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
Defs = dict[str, tuple[type[BaseModel], str]]  # definition name -> (model, first field path)


def js_pattern(regex: re.Pattern[str]) -> str:
    """Python's end anchor \\Z (no match before a final newline, unlike $) as JSON Schema
    (ECMAScript) writes it: there `$` already means the very end."""
    return regex.pattern.replace("\\Z", "$")


SLUG_SCHEMA: dict[str, Any] = {"type": ["string", "integer"], "pattern": js_pattern(SLUG_RE),
                               "minimum": 0}
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _labels(vocab: str) -> str:
    return ", ".join(f"{k} ({nl})" for k, (nl, _) in VOCABS[vocab].items())


def _leaf_schema(shape: Shape, path: str, kind: str, defs: Defs) -> dict[str, Any]:
    leaf = shape.leaf
    if leaf == TEXT:
        text: dict[str, Any] = {"type": ["string", "number", "boolean"]}
        if shape.max_length is not None:
            text["maxLength"] = shape.max_length
        return text
    if leaf == DATE:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if leaf == MOMENT:
        return {"type": "string", "anyOf": [
            {"format": "date", "pattern": DATE_PATTERN}, {"pattern": js_pattern(DATETIME_RE)}]}
    if leaf == BOOL:
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["true", "false"]}]}
    if leaf == YEAR:
        return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                          {"type": "string", "pattern": r"^\d{4}$"}]}
    if leaf == URL:
        return {"type": "string", "format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"}
    if leaf == LINK:
        return {"type": "string", "pattern": r"^([Hh][Tt][Tt][Pp][Ss]?://\S+|/static/.+)$"}
    if leaf == EMAIL:
        return {"type": "string", "format": "email", "pattern": js_pattern(EMAIL_RE)}
    if leaf == PATH:
        return {"type": "string", "pattern": "^/static/"}
    if leaf == ENUM:
        return {"type": "string", "enum": list(VOCABS[shape.name]),
                "x-reisgids-vocabulary": shape.name}
    if leaf == VOCAB:
        return {"type": "string", "pattern": js_pattern(SLUG_RE),
                "x-reisgids-site-vocabulary": shape.name}
    if leaf == REF:
        return {**SLUG_SCHEMA, "x-reisgids-ref": shape.name}
    if leaf == KINDREF:
        return {"type": "object", "minProperties": 1, "maxProperties": 1,
                "additionalProperties": False,
                "properties": {k: {**SLUG_SCHEMA, "x-reisgids-ref": k} for k in shape.kinds}}
    if leaf == MODEL and shape.model is not None:
        name = shape.model.__name__
        defs.setdefault(name, (shape.model, path))
        return {"$ref": f"#/definitions/{name}"}
    if leaf == CHOICE:
        return {"anyOf": [_leaf_schema(o, path, kind, defs) for o in shape.options]}
    raise TypeError(f"reisgids.schema: unknown leaf {leaf!r}")


def _property(spec: FieldSpec, path: str, kind: str, defs: Defs) -> dict[str, Any]:
    one = _leaf_schema(spec.shape, path, kind, defs)
    options: list[dict[str, Any]] = []
    if spec.many:
        array: dict[str, Any] = {"type": "array", "items": one}
        if spec.min_items:
            array["minItems"] = spec.min_items
        options = [array, one]  # a single value is a one-item list
    else:
        options = [one]
    if not spec.required:
        options.append({"type": "null"})  # `field:` counts as not written
    flat: list[dict[str, Any]] = []
    for option in options:
        flat += option["anyOf"] if set(option) == {"anyOf"} else [option]
    prop: dict[str, Any] = flat[0] if len(flat) == 1 else {"anyOf": flat}
    description = help_for(kind, path)[0]
    if spec.shape.leaf == ENUM:
        description += f" Keuzes: {_labels(spec.shape.name)}."
    prop = {**prop, "description": description}
    if spec.default is not None and spec.default != []:
        prop["default"] = spec.default
    return prop


def _properties(model: type[BaseModel], prefix: str, kind: str, defs: Defs) -> dict[str, Any]:
    return {spec.key: _property(spec, f"{prefix}{spec.key}", kind, defs)
            for spec in describe(model)}


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/definitions/") if k == "$ref" and
                    isinstance(v, str) else _rewrite_refs(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.rsplit("/", 1)[-1])
            else:
                found |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs(value)
    return found


def kind_schema(kind: str) -> dict[str, Any]:
    """The draft-07 schema of one kind."""
    spec = SPEC[kind]
    model = spec.model
    generated = _rewrite_refs(model.model_json_schema(by_alias=True))
    definitions: dict[str, Any] = generated.pop("$defs", {})
    defs: Defs = {}
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "title": spec.name[0],
        "description": spec.help[0],
        "x-reisgids-kind": kind,
        "type": "object",
        "additionalProperties": False,
        "properties": _properties(model, "", kind, defs),
        "required": generated.get("required", []),
    }
    done: set[str] = set()
    while set(defs) - done:
        name = sorted(set(defs) - done)[0]
        done.add(name)
        nested, path = defs[name]
        base = definitions.get(name)
        if base is None:
            raise TypeError(f"reisgids.schema: pydantic has no definition {name}")
        definitions[name] = {
            "title": base.get("title", name), "type": "object",
            "additionalProperties": False,
            "description": help_for(kind, path)[0],
            "properties": _properties(nested, f"{path}.", kind, defs),
            "required": base.get("required", []),
        }
    used = _refs(schema["properties"])
    for name in sorted(done):
        used |= _refs(definitions[name])
    kept = {name: definitions[name] for name in sorted(used)}
    if kept:
        schema["definitions"] = kept
    for part in [schema, *kept.values()]:
        if not part["required"]:
            del part["required"]
    return schema


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """One ``<kind>.schema.json`` per kind in `out`; returns the files written, in kind order."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SPECS:
        path = out / f"{spec.kind}.schema.json"
        path.write_text(dump(kind_schema(spec.kind.value)), encoding="utf-8", newline="\n")
        written.append(path)
    return written
