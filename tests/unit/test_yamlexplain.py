"""Every common YAML slip, explained at the line of its cause, in Dutch, with the fix; no
English parser words reach an editor."""

from __future__ import annotations

import re

import pytest

from reisgids.yamlsafe import YamlProblem, load_mapping

# words of PyYAML/libyaml messages that mean nothing to an editor
PARSER_WORDS = re.compile(r"scalar|token|mapping|block|stream|expected|found|simple key|"
                          r"flow|indentation|ReaderError|ScannerError|ParserError|#x0", re.I)

SLIPS = [
    # (text, code, line, Dutch fragment of the message or hint)
    ('title: "Buurtteam Noord\nsummary: Iets\nupdated: 2026-01-01\n',
     "yaml-quote-unclosed", 1, "wordt niet gesloten"),
    ("title: 'Buurtteam Noord\nsummary: Iets\n", "yaml-quote-unclosed", 1, "ook een '"),
    ('title: "Buurt\nsummary: "x"\n', "yaml-quote-unclosed", 1, "wordt niet gesloten"),
    ("title: x\npartners:\n\t- slug: a\n", "yaml-tab", 3, "gebruik spaties"),
    ("title: x\n\tsummary: y\n", "yaml-tab", 2, "gebruik spaties"),
    ("title: 'in 't Zand'\nsummary: x\n", "yaml-apostrophe", 1, "\"in 't Zand\""),
    ('title: "Het "Huis" hier"\n', "yaml-apostrophe", 1, "'Het \"Huis\" hier'"),
    ("period:\n  start: 2026-01-01\n   end: 2026-12-31\n", "yaml-indent", 3, "precies 2 spaties"),
    ("period:\n  start: 2026-01-01\n end: 2026-12-31\n", "yaml-indent", 3, "precies 2 spaties"),
    ("contacts:\n  - role: a\n     email: b\n", "yaml-indent", 3, "precies 4 spaties"),
    ("tags:\n  - a\n   - b\n", "yaml-indent", 3, "precies 2 spaties"),
    ("tags:\n  - a\n - b\n", "yaml-indent", 3, "precies 2 spaties"),
    ("title: x\ntags:\n  -koffie\n  -thee\n", "yaml-dash-space", 3, "'- koffie'"),
    ("title: x\ntags:\n  - thee\n  -koffie\n", "yaml-dash-space", 4, "ontbreekt een spatie"),
    ("themes: [zorg, wonen\nsummary: x\n", "yaml-bracket-unclosed", 1, "wordt niet gesloten"),
    ("about: {deal: x\nsummary: x\n", "yaml-bracket-unclosed", 1, "zet }"),
    ("title: x\nsummary: Let op: dubbele punt\n", "yaml-colon", 2,
     'summary: "Let op: dubbele punt"'),
    ("title: x\x00y\n", "yaml-control-char", 1, "U+0000"),
    ("title: x\nsummary: a\x07b\n", "yaml-control-char", 2, "stuurteken"),
    ("a: " + "[" * 1000 + "]" * 1000 + "\n", "yaml-too-deep", 1, "te diep"),
    ("title Over\nsummary: y\n", "yaml-syntax", 1, "geen 'veld: waarde'"),
    ('image: "C:\\pad"\n', "yaml-syntax", 1, "enkele aanhalingstekens"),
    ("title: @x\n", "yaml-syntax", 1, "aanhalingstekens"),
    ('title: "x" y\n', "yaml-syntax", 1, "sluitende aanhalingsteken"),
]


@pytest.mark.parametrize(("text", "code", "line", "dutch"), SLIPS)
def test_each_slip_is_explained(text: str, code: str, line: int, dutch: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_mapping(text)
    problem = caught.value
    assert (problem.code, problem.line) == (code, line)
    assert problem.hint is not None
    said = f"{problem.message.nl} — {problem.hint.nl}"
    assert dutch in said
    assert not PARSER_WORDS.search(said), said
    assert not PARSER_WORDS.search(problem.message.en), problem.message.en


def test_a_comment_in_a_value_warns_with_the_quoted_fix() -> None:
    doc = load_mapping("title: Over\nsummary: Buurtteam #1 en meer\n")
    assert doc.data["summary"] == "Buurtteam"
    [note] = doc.notes
    assert (note.code, note.line, note.col) == ("value-comment", 2, 20)
    assert "'#1 en meer' valt weg" in note.message.nl
    assert 'summary' not in note.hint.nl or '"Buurtteam #1 en meer"' in note.hint.nl


def test_curly_quotes_around_a_value_warn() -> None:
    doc = load_mapping("title: “Buurtteam”\ntags:\n  - ‘koffie’\n")
    assert [(n.code, n.line) for n in doc.notes] == [("value-curly-quotes", 1),
                                                    ("value-curly-quotes", 3)]
    assert '"Buurtteam"' in doc.notes[0].hint.nl


@pytest.mark.parametrize("text", [
    "title: Over # dit is echt commentaar aan het eind\n",
])
def test_trailing_comment_after_a_value_is_still_reported(text: str) -> None:
    """A trailing comment cannot be told from dropped text: it warns, the fix is harmless."""
    assert [n.code for n in load_mapping(text).notes] == ["value-comment"]


@pytest.mark.parametrize("text", [
    "title: Over\n# een regel commentaar\nsummary: Kort\n",
    "title: 'Buurtteam #1'\n",
    'title: "in \'t Zand"\n',
    "title: Kanaal#3\n",
    "title: „Citaat” in de tekst\n",
    "tags:\n  - a\n  - b\n",
    "summary: regel een\n  -5 graden verder\n",
])
def test_clean_text_gives_no_notes(text: str) -> None:
    assert load_mapping(text).notes == ()


@pytest.mark.parametrize(("text", "line", "dutch"), [
    ("title: Over\nsummary:Kort en goed\n", 2, "na 'summary:' ontbreekt een spatie"),
    ("areas: [noord,, zuid]\n", 1, "twee komma's achter elkaar"),
    ("level: |hoog\n", 1, "tekstblok"),
    ('title: Over\nthemes: [zorg, "wonen]\nsummary: x\n', 2, "niet wordt gesloten"),
])
def test_more_slips_in_dutch(text: str, line: int, dutch: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_mapping(text)
    problem = caught.value
    assert problem.line == line
    said = f"{problem.message.nl} — {problem.hint.nl if problem.hint else ''}"
    assert dutch in said
    assert not PARSER_WORDS.search(said), said
