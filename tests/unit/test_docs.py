"""docs/reference.md is generated from the models, and every field is explained."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from reisgids.docs import render_reference
from reisgids.model.describe import MODEL, describe, field_paths, help_for, sub_fields
from reisgids.model.fields import help_of
from reisgids.model.kinds import MODELS, SPEC
from reisgids.model.vocab import VOCABS
from reisgids.source.kinds import KINDS

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "docs" / "reference.md"


def test_reference_is_up_to_date() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == render_reference(), (
        "docs/reference.md is out of date: run "
        "`.venv/bin/python -m reisgids.docs > docs/reference.md`")


def test_module_writes_the_reference() -> None:
    result = subprocess.run([sys.executable, "-m", "reisgids.docs"], capture_output=True,
                            check=True, cwd=REPO)
    assert result.stdout.decode("utf-8") == render_reference()


def test_reference_lists_every_kind_field_and_enum() -> None:
    text = render_reference()
    assert text.endswith("\n") and not text.endswith("\n\n")
    for kind in KINDS:
        assert f"\n## {kind}\n" in text
        for path in field_paths(kind):
            assert f"{path.split('.')[-1]}` |" in text
    assert "| `partners[].role` | keuze uit [`deal.role`](#dealrole) | ja |" in text
    assert "| `period.start` | datum (JJJJ-MM-DD) | ja |" in text
    for vocab in ("deal.phase", "agenda.status", "decision", "listing.category"):
        assert f"\n### {vocab}\n" in text
        for key, (nl, en) in VOCABS[vocab].items():
            assert f"| `{key}` | {nl} | {en} |" in text
    assert "\n### compass.cadence\n" not in text  # a setting, not a content field


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_help_in_both_languages(kind: str) -> None:
    spec = SPEC[kind]
    for pair in (spec.name, spec.plural, spec.help):
        assert all(text.strip() for text in pair), pair
    for path in field_paths(kind):
        nl, en = help_for(kind, path)
        assert nl.strip() and en.strip(), path
        assert nl != en, path
        assert "\n" not in nl + en and "|" not in nl + en, path


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for spec in describe(model):
        shapes = (spec.shape, *spec.shape.options)
        for shape in shapes:
            if shape.leaf == MODEL and shape.model is not None and shape.model not in seen:
                _models(shape.model, seen)
    return seen


def test_every_model_field_carries_its_help() -> None:
    # the help lives on the field (doc()): a field added without it fails here, by name
    missing = [f"{model.__name__}.{name}"
               for kind_model in MODELS.values() for model in _models(kind_model, set())
               for name, info in model.model_fields.items() if help_of(info) is None]
    assert missing == []


def test_help_for_unknown_fields_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        help_for("deal", "partners.nope")
    with pytest.raises(KeyError):
        help_for("news", "related.deal")  # {kind: slug} with many kinds: no per-kind help
    assert help_for("lesson", "sources.review") == ("Een schouw.", "A review.")
    assert sub_fields(describe(MODELS["deal"])[0].shape) == []
