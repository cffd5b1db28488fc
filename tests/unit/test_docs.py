"""docs/reference.md is generated from the models, and every field is explained."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reisgids.docs import render_reference
from reisgids.model.describe import field_paths
from reisgids.model.help import FIELD_HELP, KIND_HELP, KIND_LABELS, help_for
from reisgids.model.kinds import MODELS
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
    assert kind in KIND_HELP and kind in KIND_LABELS
    for path in field_paths(kind):
        nl, en = help_for(kind, path)
        assert nl.strip() and en.strip(), path
        assert nl != en, path
        assert "\n" not in nl + en and "|" not in nl + en, path


def test_no_help_for_fields_that_do_not_exist() -> None:
    used = set()
    for kind in KINDS:
        for path in field_paths(kind):
            used.add(f"{kind}.{path}" if f"{kind}.{path}" in FIELD_HELP else path)
    assert set(FIELD_HELP) - used == set()
    assert set(KIND_HELP) == set(KIND_LABELS) == set(MODELS)
