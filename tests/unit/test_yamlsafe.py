"""reisgids.yamlsafe: YAML as editors write it — text stays text, and the risky parts of YAML
are refused with a position."""

from __future__ import annotations

import contextlib

import pytest

from reisgids.yamlsafe import YamlDocument, YamlProblem, load_mapping


def refused(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        load_mapping(text)
    return caught.value


# ---- scalars stay the text the editor typed ----

@pytest.mark.parametrize(("line", "value"), [
    ("phone: 0201234567", "0201234567"),  # stock PyYAML: 33896823 (octal)
    ("open: 12:30", "12:30"),  # sexagesimal 750
    ("team: NO", "NO"),  # False
    ("version: 1.10", "1.10"),  # 1.1
    ("started: 2009", "2009"),  # int
    ("date: 2026-03-01", "2026-03-01"),  # datetime.date
    ("draft: yes", "yes"),
    ("draft: no", "no"),
    ("draft: on", "on"),
    ("draft: off", "off"),
    ("draft: true", "true"),
    ("draft: True", "True"),
    ("amount: 1e3", "1e3"),
    ("amount: .inf", ".inf"),
    ("amount: 0x1F", "0x1F"),
    ("amount: -12", "-12"),
    ("postcode: 1234 AB", "1234 AB"),
    ("country: NO", "NO"),
    ("when: 2026-03-01 14:30", "2026-03-01 14:30"),
    ("title: 'quoted'", "quoted"),
    ('title: "dubbel"', "dubbel"),
    ("title: café – wijk", "café – wijk"),
])
def test_every_scalar_stays_text(line: str, value: str) -> None:
    doc = load_mapping(line)
    key = line.split(":")[0]
    assert doc.data == {key: value}
    assert isinstance(doc.data[key], str)


def test_the_content_model_examples_together() -> None:
    doc = load_mapping("phone: 0201234567\nopen: 12:30\nteam: NO\nversion: 1.10\nstarted: 2009\n")
    assert doc.data == {"phone": "0201234567", "open": "12:30", "team": "NO",
                        "version": "1.10", "started": "2009"}


def test_nested_values_stay_text() -> None:
    doc = load_mapping("figures:\n  - label: Bezoekers\n    value: 120\n    year: 2025\n"
                       "deadlines: [2027-03-01, 2027-09-01]\n")
    assert doc.data == {"figures": [{"label": "Bezoekers", "value": "120", "year": "2025"}],
                        "deadlines": ["2027-03-01", "2027-09-01"]}


@pytest.mark.parametrize("text", ["field:", "field: ~", "field: null", "field: Null",
                                  "field: NULL"])
def test_empty_and_null_words_are_none(text: str) -> None:
    assert load_mapping(text).data == {"field": None}


@pytest.mark.parametrize("text", ["field: ''", 'field: "null"', "field: '~'"])
def test_quoted_empty_or_null_stays_text(text: str) -> None:
    value = load_mapping(text).data["field"]
    assert isinstance(value, str)


def test_keys_that_look_like_other_types_are_text() -> None:
    doc = load_mapping("1: een\nyes: ja\n2026-01-01: datum\n")
    assert doc.data == {"1": "een", "yes": "ja", "2026-01-01": "datum"}


def test_empty_text_is_an_empty_mapping() -> None:
    for text in ("", "\n\n", "# alleen commentaar\n"):
        doc = load_mapping(text)
        assert doc.data == {}
        assert doc.positions == {}


# ---- positions ----

def test_positions_of_keys_and_items() -> None:
    doc = load_mapping("title: X\npartners:\n  - partner: a\n    role: initiator\n"
                       "  - partner: b\ntags: [een, twee]\n")
    assert doc.positions[("title",)] == (1, 1)
    assert doc.positions[("partners",)] == (2, 1)
    assert doc.positions[("partners", 0)] == (3, 5)
    assert doc.positions[("partners", 0, "role")] == (4, 5)
    assert doc.positions[("partners", 1)] == (5, 5)
    assert doc.positions[("tags", 1)] == (6, 13)


def test_line_of_falls_back_to_the_nearest_written_ancestor() -> None:
    doc = load_mapping("title: X\npartners:\n  - partner: a\n")
    assert doc.line_of(("partners", 0, "role")) == 3
    assert doc.line_of(("partners", 5)) == 2
    assert doc.line_of(("missing",)) == 0
    assert doc.line_of(()) == 0


def test_document_is_a_value() -> None:
    doc = load_mapping("a: 1")
    assert isinstance(doc, YamlDocument)
    with pytest.raises(AttributeError):
        doc.data = {}  # type: ignore[misc]


# ---- refusals ----

def test_duplicate_key_is_refused_at_the_second_one() -> None:
    problem = refused("title: A\nsummary: B\ntitle: C\n")
    assert (problem.code, problem.line, problem.col) == ("yaml-duplicate-key", 3, 1)
    assert "regel 1" in problem.message.nl and "line 1" in problem.message.en


def test_duplicate_key_names_the_file_line_of_the_first_one() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_mapping("title: A\ntitle: C\n", first_line=2)
    problem = caught.value
    assert problem.line == 2  # positions stay lines of the text
    assert "regel 2" in problem.message.nl and "line 2" in problem.message.en


def test_nested_duplicate_key_is_refused() -> None:
    problem = refused("period:\n  start: 2026-01-01\n  start: 2026-02-01\n")
    assert (problem.code, problem.line, problem.col) == ("yaml-duplicate-key", 3, 3)


def test_same_key_in_two_list_items_is_fine() -> None:
    doc = load_mapping("partners:\n  - partner: a\n  - partner: b\n")
    assert doc.data == {"partners": [{"partner": "a"}, {"partner": "b"}]}


def test_anchor_is_refused_at_the_anchor() -> None:
    problem = refused("title: X\nbase: &b {a: 1}\n")
    assert (problem.code, problem.line, problem.col) == ("yaml-anchor", 2, 7)
    assert "&b" in problem.message.nl
    assert problem.hint is not None


def test_alias_is_refused_even_without_an_anchor() -> None:
    problem = refused("title: X\nsummary: *title\n")
    assert (problem.code, problem.line, problem.col) == ("yaml-alias", 2, 10)


def test_billion_laughs_is_refused_before_anything_expands() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    problem = refused("\n".join(lines))
    assert (problem.code, problem.line) == ("yaml-anchor", 1)


@pytest.mark.parametrize(("text", "tag"), [
    ("draft: !!bool yes", "!!bool"),
    ("count: !!int 3", "!!int"),
    ("title: !!str tekst", "!!str"),
    ("x: !!python/object:os.system ls", "!!python/object:os.system"),
    ("x: !eigen waarde", "!eigen"),
    ("x: !!map {a: 1}", "!!map"),
    ("x: !!seq [a]", "!!seq"),
    ("x: !!set {a}", "!!set"),
])
def test_tags_are_refused(text: str, tag: str) -> None:
    problem = refused(text)
    assert (problem.code, problem.line) == ("yaml-tag", 1)
    assert tag in problem.message.nl


def test_merge_key_is_refused() -> None:
    problem = refused("title: X\n<<: {summary: Y}\n")
    assert (problem.code, problem.line, problem.col) == ("yaml-merge", 2, 1)


def test_nested_merge_key_is_refused() -> None:
    problem = refused("period:\n  <<: {start: 2026-01-01}\n")
    assert (problem.code, problem.line) == ("yaml-merge", 2)


@pytest.mark.parametrize("text", ["- a\n- b\n", "alleen tekst", "'quoted'", "[a, b]"])
def test_not_a_mapping_is_refused(text: str) -> None:
    problem = refused(text)
    assert problem.code == "yaml-not-mapping"
    assert problem.hint is not None


def test_complex_key_is_refused() -> None:
    problem = refused("? [a, b]\n: waarde\n")
    assert problem.code == "yaml-key"


@pytest.mark.parametrize(("text", "line"), [
    ("title: X\nsummary: Let op: dubbele punt\n", 2),
    ("title: [niet gesloten\n", 1),
    ("title: X\n  inspringing: fout\n", 2),
    ("title: X\n\tsummary: tab\n", 2),
    ("title: 'open\n", 1),
    ("title: X\n%YAML 1.1\n", 2),
])
def test_syntax_errors_are_positioned(text: str, line: int) -> None:
    """At the line of the cause (the catalogue of slips is in test_yamlexplain.py)."""
    problem = refused(text)
    assert problem.code.startswith("yaml-")
    assert problem.line == line
    assert problem.hint is not None


def test_a_second_document_is_refused() -> None:
    problem = refused("title: X\n---\ntitle: Y\n")
    assert (problem.code, problem.line) == ("yaml-syntax", 2)


def test_colon_in_value_gets_a_quoting_hint() -> None:
    problem = refused("summary: Let op: dubbele punt\n")
    assert problem.hint is not None and "aanhalingstekens" in problem.hint.nl


def test_tab_gets_a_spaces_hint() -> None:
    problem = refused("title: X\n\tsummary: tab\n")
    assert problem.hint is not None and "spaties" in problem.hint.nl


def test_very_deep_nesting_is_no_crash() -> None:
    for text in ("a: " + "[" * 5000 + "]" * 5000, "a: " + "{b: " * 3000 + "c" + "}" * 3000):
        with contextlib.suppress(YamlProblem):
            doc = load_mapping(text)
            assert list(doc.data) == ["a"]


def test_problem_is_raised_never_anything_else() -> None:
    for text in ["\x00", "a: \x07", "\ufeffa: 1", "a: '\\x'", '"a\\q": 1', "!", "&", "*",
                 "{", "}", "a: b\n  - c", ":", "- - -", "? ", "a: |\n b\n  c"]:
        with contextlib.suppress(YamlProblem):
            load_mapping(text)
