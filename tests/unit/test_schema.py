"""`reisgids schema`: one draft-07 JSON Schema per kind, faithful to the models."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reisgids.model.base import Entry
from reisgids.model.kinds import MODELS
from reisgids.model.vocab import VOCABS
from reisgids.scaffold import new_file
from reisgids.schema import DRAFT_07, kind_schema, write_schemas
from reisgids.source.frontmatter import split
from reisgids.source.kinds import KINDS
from reisgids.yamlsafe import load_mapping

try:
    import jsonschema
except ImportError:  # not a declared test dependency (yet)
    jsonschema = None

needs_jsonschema = pytest.mark.skipif(jsonschema is None, reason="jsonschema is not installed")

DEAL = """\
---
title: Logeerhuis in de wijk
summary: Mantelzorgers op adem laten komen.
themes: mantelzorg
goal: Respijt dichtbij huis.
phase: execution
draft: false
partners:
  - partner: humanitas
    role: initiator
    contributions: [knowledge, people]
  - partner: gemeente-rotterdam
    role: funder
    contributions: money
residents:
  - name: Fatima
    from: humanitas
    at: logeerhuis-de-buren
    since: 2025-03-01
finance: [subsidy, fund]
review_agreements:
  frequency: jaarlijks
start: 2025-01-01
end: 2026-12-31
milestones:
  - date: 2025-06-01
    title: Eerste logés
    done: true
links:
  - title: Meer
    url: https://example.org/
---
Tekst.
"""


def parse(text: str) -> dict[str, Any]:
    """Front matter as reisgids reads it: every scalar is text."""
    return load_mapping(split(text).yaml_text).data


def errors(schema: dict[str, Any], data: dict[str, Any]) -> list[str]:
    assert jsonschema is not None
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


def walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += walk(value)
    elif isinstance(node, list):
        for value in node:
            found += walk(value)
    return found


def prop(schema: dict[str, Any], name: str) -> dict[str, Any]:
    value: dict[str, Any] = schema["properties"][name]
    return value


def options(node: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = node.get("anyOf", [node])
    return found


def test_one_file_per_kind(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schema")
    assert [p.name for p in written] == [f"{kind}.schema.json" for kind in KINDS]
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == sorted(
        p.name for p in written)


def test_deterministic_sorted_with_trailing_newline(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in write_schemas(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_schemas(tmp_path / "b")}
    assert first == second
    for raw in first.values():
        text = raw.decode("utf-8")
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert text == json.dumps(json.loads(text), indent=2, sort_keys=True,
                                  ensure_ascii=False) + "\n"


@pytest.mark.parametrize("kind", KINDS)
def test_draft_07_with_definitions(kind: str) -> None:
    schema = kind_schema(kind)
    assert schema["$schema"] == DRAFT_07 == "http://json-schema.org/draft-07/schema#"
    assert schema["x-reisgids-kind"] == kind
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    assert "$defs" not in json.dumps(schema)
    for node in walk(schema):
        if "$ref" in node:
            assert node["$ref"].startswith("#/definitions/")
            assert node["$ref"].rsplit("/", 1)[1] in schema["definitions"]
    # every field of the model, with its Dutch explanation
    model = MODELS[kind]
    assert set(schema["properties"]) == {f.alias or n for n, f in model.model_fields.items()}
    for name, field in prop(schema, "title").items():
        assert name in {"description", "type", "maxLength"}, field
    assert prop(schema, "title")["maxLength"] == 150
    assert prop(schema, "title")["description"] == Entry.model_fields["title"].description
    if jsonschema is not None:
        jsonschema.Draft7Validator.check_schema(schema)


def test_enums_for_fixed_vocabularies() -> None:
    deal = kind_schema("deal")
    assert prop(deal, "phase")["enum"] == list(VOCABS["deal.phase"])
    role = deal["definitions"]["DealPartner"]["properties"]["role"]
    assert role["enum"] == list(VOCABS["deal.role"])
    assert "initiator (Initiatiefnemer)" in role["description"]
    finance = prop(deal, "finance")["anyOf"]
    assert finance[0]["items"]["enum"] == list(VOCABS["finance"])
    change = prop(kind_schema("agenda-item"), "change")
    assert "none" not in change["enum"]
    assert options(prop(kind_schema("lesson"), "change"))[0]["enum"][0] == "none"
    status = kind_schema("agenda-item")["definitions"]["HistoryEntry"]["properties"]["status"]
    assert status["enum"] == list(VOCABS["agenda.status"])


def test_references_dates_and_required() -> None:
    review = kind_schema("review")
    assert prop(review, "deal")["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert prop(review, "deal")["x-reisgids-ref"] == "deal"
    assert prop(review, "date")["format"] == "date"
    assert set(review["required"]) == {"title", "deal", "date"}
    assert options(prop(review, "next_review"))[0]["format"] == "date"
    assert options(prop(review, "next_review"))[-1] == {"type": "null"}
    event = kind_schema("event")
    assert {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"} in prop(event, "start")["anyOf"]
    agenda = kind_schema("agenda-item")
    assert prop(agenda, "history")["anyOf"][0]["minItems"] == 1
    lesson = kind_schema("lesson")
    sources = prop(lesson, "sources")["anyOf"][0]["items"]["anyOf"]
    assert set(sources[0]["properties"]) == {"review", "deal", "project"}
    assert sources[0]["maxProperties"] == 1
    assert "sources" in lesson["required"]
    resident = kind_schema("deal")["definitions"]["Resident"]
    assert "from" in resident["properties"] and resident["required"] == ["name", "from", "at"]


@needs_jsonschema
def test_a_valid_deal_as_reisgids_reads_it() -> None:
    data = parse(DEAL)
    MODELS["deal"].model_validate(data)  # the model agrees it is valid
    assert errors(kind_schema("deal"), data) == []


def as_yaml_12(node: Any) -> Any:
    """What a YAML 1.2 tool (an editor's) reads: dates stay text, unlike in PyYAML."""
    if isinstance(node, dict):
        return {k: as_yaml_12(v) for k, v in node.items()}
    if isinstance(node, list):
        return [as_yaml_12(v) for v in node]
    return node.isoformat() if isinstance(node, date) else node


@needs_jsonschema
def test_a_valid_deal_as_a_yaml_tool_reads_it() -> None:
    import yaml

    data = as_yaml_12(yaml.safe_load(split(DEAL).yaml_text))
    assert data["draft"] is False
    data["title"] = 2026  # editors do not quote: a number where text is expected is fine
    data["milestones"][0]["title"] = 20
    assert errors(kind_schema("deal"), data) == []


@needs_jsonschema
@pytest.mark.parametrize(("change", "where"), [
    (("phase: execution", "phase: uitvoerng"), "phase"),
    (("phase: execution", "fase: idea"), "fase"),
    (("    role: initiator", "    role: baas"), "role"),
    (("since: 2025-03-01", "since: 1 maart"), "since"),
    (("url: https://example.org/", "url: example.org"), "url"),
    (("title: Logeerhuis in de wijk\n", ""), "title"),
    (("draft: false", "draft: ja"), "draft"),
])
def test_invalid_deals(change: tuple[str, str], where: str) -> None:
    assert change[0] in DEAL
    found = errors(kind_schema("deal"), parse(DEAL.replace(*change)))
    assert found and any(where in line for line in found), found


@needs_jsonschema
def test_scaffolded_files_match_their_schema(make_site: Any) -> None:
    root: Path = make_site({})
    for kind in KINDS:
        path = new_file(root, kind, "2026" if kind == "compass-edition" else "x",
                        today=date(2026, 11, 22))
        text = path.read_text(encoding="utf-8")
        switched_on = "\n".join(line[1:] if line.startswith("#  ") else line
                                for line in text.split("\n"))
        for variant in (text, switched_on):
            data = {k: v for k, v in parse(variant).items() if v is not None}
            # references without an entry to point at are left empty: check reports them
            missing = {k for k in kind_schema(kind).get("required", []) if k not in data}
            assert missing <= {"deal", "by", "lessons", "sources"}, (kind, missing)
            found = [e for e in errors(kind_schema(kind), data) if "required" not in e]
            assert found == [], (kind, found)
