"""The kind registry is the one place a kind is described, and everything derives from it."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from reisgids.graph.routes import DEFAULT_PATTERNS, RESERVED
from reisgids.model.atlas import Deal
from reisgids.model.base import Entry, Model
from reisgids.model.describe import ENUM, REF, describe, sub_fields
from reisgids.model.document import ContentEntry
from reisgids.model.fields import OneOf, Text
from reisgids.model.kind import Kind
from reisgids.model.kinds import KINDS, MODELS, SPECS, spec_of
from reisgids.model.walk import walk
from reisgids.scaffold_names import kind_names
from reisgids.source.kinds import FOLDER_OF, FOLDERS


def test_one_spec_per_kind_in_kind_order() -> None:
    assert [spec.kind for spec in SPECS] == list(Kind)
    assert tuple(kind.value for kind in Kind) == KINDS
    assert all(type(kind) is str for kind in KINDS)  # outputs carry plain text
    for field in ("folder", "model", "url"):
        values = [getattr(spec, field) for spec in SPECS]
        assert len(set(values)) == len(values), field
    assert all(issubclass(spec.model, Entry) and spec.url.count("{slug}") == 1
               for spec in SPECS)


def test_the_old_tables_derive_from_the_registry() -> None:
    assert list(FOLDERS.values()) == list(KINDS)
    assert FOLDER_OF[Kind.COMPASS_EDITION] == "compass/editions"
    assert {spec.kind: spec.url for spec in SPECS} == DEFAULT_PATTERNS
    assert RESERVED["/kompas/agenda/"] == "agenda-item" and "/{slug}/" not in RESERVED
    assert MODELS["deal"] is Deal
    assert spec_of(Kind.REVIEW) is spec_of("review")
    with pytest.raises(KeyError):
        spec_of("deals")


def test_a_new_kind_line_is_all_reisgids_new_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    names = kind_names()
    for spec in SPECS:
        assert names[spec.kind] == spec.kind and names[spec.folder] == spec.kind
        assert all(names[name] == spec.kind for name in spec.names), spec.kind
    changed = tuple(replace(s, names=(*s.names, "dealtje")) if s.kind == Kind.DEAL else s
                    for s in SPECS)
    monkeypatch.setattr("reisgids.scaffold_names.SPECS", changed)
    assert kind_names()["dealtje"] == "deal"


def test_every_reference_points_at_a_kind() -> None:
    seen = set()

    def visit(model: type[BaseModel]) -> None:
        for spec in describe(model):
            shapes = (spec.shape, *spec.shape.options)
            for shape in shapes:
                if shape.leaf == REF:
                    seen.add(shape.name)
                    assert shape.name in KINDS and type(shape.name) is str
                for _, nested in sub_fields(shape):
                    for field in nested:
                        if field.shape.model is not None and field.shape.leaf == "model":
                            visit(field.shape.model)
                if shape.leaf == "model" and shape.model is not None:
                    visit(shape.model)

    for model in MODELS.values():
        visit(model)
    assert {"partner", "deal", "project", "instrument", "lesson", "area"} <= seen


def test_references_found_by_walk_carry_plain_kind_text() -> None:
    deal = Deal.model_validate({"title": "t", "summary": "s", "goal": "g", "phase": "idea",
                                "partners": [{"partner": "wijkteam", "role": "initiator"}]})
    found = [f for f in walk(deal) if f.value == "wijkteam"]
    assert found and type(found[0].marker.kind) is str  # type: ignore[union-attr]


class _Shaped(Model):
    phase: Annotated[Text, OneOf("deal.phase")]


def test_one_of_checks_the_stripped_text_against_its_vocabulary() -> None:
    assert _Shaped.model_validate({"phase": " idea "}).phase == "idea"
    with pytest.raises(ValidationError) as caught:
        _Shaped.model_validate({"phase": "bogus"})
    assert caught.value.errors()[0]["type"] == "reisgids_enum"
    assert caught.value.errors()[0]["ctx"] == {"vocab": "deal.phase", "value": "bogus"}
    with pytest.raises(ValidationError) as caught:
        _Shaped.model_validate({"phase": 3})
    assert caught.value.errors()[0]["type"] == "reisgids_text"
    assert describe(_Shaped)[0].shape.leaf == ENUM
    with pytest.raises(KeyError):
        OneOf("deal.fase")  # a typo in a model fails at import


def test_data_as_types_the_data_or_says_whose_bug_it_is() -> None:
    deal = Deal.model_validate({"title": "t", "summary": "s", "goal": "g", "phase": "idea"})
    entry = ContentEntry("deal", "x", "content/deals/x.md", deal, "", 1)
    assert entry.data_as(Deal) is deal
    with pytest.raises(TypeError, match=r"content/deals/x\.md"):
        entry.data_as(spec_of(Kind.LESSON).model)
