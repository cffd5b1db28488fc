"""What the local backend writes: the hand-written form, and nothing else changed."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import REPO

from reisgids.editor.persist import canonical, merge
from reisgids.editor.yamlout import emit_mapping, scalar
from reisgids.source.frontmatter import split
from reisgids.source.kinds import FOLDERS
from reisgids.yamlsafe import load_mapping

EXAMPLES = [(kind, path) for folder, kind in FOLDERS.items()
            for path in sorted((REPO / "content" / folder).glob("*.md"))]
LESSON = REPO / "content" / "lessons" / "aanbesteding-wist-lokale-afspraken.md"


def _read(path: Path) -> tuple[str, dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    parts = split(text)
    return text, load_mapping(parts.yaml_text).data, parts.body


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_saving_unchanged_keeps_every_example_byte_for_byte() -> None:
    assert len(EXAMPLES) > 100
    for kind, path in EXAMPLES:
        text, data, body = _read(path)
        # what Decap sends back: defaults written out, the body with another ending
        sent = {"draft": "false", "tags": [], "image": "", **data}
        assert merge(kind, sent, body.rstrip() + "\n\n", text, data) == text, path


def test_one_changed_field_changes_one_line() -> None:
    text, data, body = _read(LESSON)
    after = merge("lesson", {**data, "summary": "Nieuw: met een dubbele punt"}, body, text,
                  data)
    assert _changed(text, after) == [
        next(f"-{line}" for line in text.splitlines() if line.startswith("summary: ")),
        '+summary: "Nieuw: met een dubbele punt"']


def test_emptied_field_goes_and_new_field_follows_its_predecessor() -> None:
    text, data, body = _read(LESSON)
    sent = {**data, "effect": "", "updated": "2026-11-20T00:00:00.000Z"}
    after = merge("lesson", sent, body, text, data)
    changed = _changed(text, after)
    assert "-effect: outcome" in changed and "+updated: 2026-11-20" in changed
    lines = after.splitlines()
    assert lines.index("updated: 2026-11-20") == lines.index(
        next(line for line in lines if line.startswith("date: "))) + 1


def test_a_new_file_in_model_order_with_ids_and_iso_dates() -> None:
    sent = {"partners": [{"note": "", "role": "funder", "partner": "achmea",
                          "contributions": ["money"]}],
            "phase": "execution", "goal": "Samen eten.", "summary": "Kort.",
            "title": "Buurtkeuken", "draft": False, "milestones": [
                {"title": "Start", "date": "2027-01-05T00:00:00.000Z", "done": False}],
            "review_agreements": {"frequency": "", "peers": ""}}
    assert merge("deal", sent, "Tekst.", None, None) == (
        "---\ntitle: Buurtkeuken\nsummary: Kort.\ngoal: Samen eten.\nphase: execution\n"
        "partners:\n  - partner: achmea\n    role: funder\n    contributions:\n"
        "      - money\nmilestones:\n  - date: 2027-01-05\n    title: Start\n"
        "    done: false\n---\nTekst.\n")


@pytest.mark.parametrize(("value", "written"), [
    ("Gewoon tekst", "Gewoon tekst"), ("2026", "2026"), ("ja", "ja"),
    ("a: b", '"a: b"'), ("- lijst", '"- lijst"'), ("#hashtag", '"#hashtag"'),
    ("tekst # geen commentaar", '"tekst # geen commentaar"'), ("", '""'), ("null", '"null"'),
    ("'quote", "\"'quote\""), ("@naam", '"@naam"'), ("Café", "Café"),
    ("tab\there", '"tab\\there"'), ("del\x7f", '"del\\u007F"'),
    ("nel\x85", '"nel\\u0085"'), ("ls\u2028", '"ls\\u2028"'),
    (True, "true"), (2019, "2019"),
])
def test_scalars_are_plain_unless_yaml_would_read_them_otherwise(
        value: object, written: str) -> None:
    assert scalar(value) == written
    if isinstance(value, str):  # and reisgids reads back what was meant
        assert load_mapping(f"k: {written}\n").data["k"] == value


def test_multiline_text_is_a_literal_block() -> None:
    text = emit_mapping({"note": "eerste regel\ntweede regel"})
    assert text == "note: |-\n  eerste regel\n  tweede regel\n"
    assert load_mapping(text).data == {"note": "eerste regel\ntweede regel"}


def test_canonical_drops_defaults_only_at_the_top() -> None:
    data = {"title": "T", "success": "false", "change": "none", "year": "x",
            "sources": [{"document": "Rapport", "year": "2019"}]}
    assert canonical("lesson", data) == {
        "title": "T", "sources": [{"document": "Rapport", "year": 2019}], "year": "x"}
