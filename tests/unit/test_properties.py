"""Property tests: whatever an editor (or a cat on the keyboard) writes, the loader and the
validator answer with diagnostics — never with an exception."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reisgids.errors import Diagnostic
from reisgids.model.kinds import MODELS
from reisgids.source.discover import SourceFile
from reisgids.source.kinds import FOLDER_OF, KINDS
from reisgids.validate import read_entry
from reisgids.yamlsafe import YamlProblem, load_mapping

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

# ---- strategies ----

YAML_CHARS = "abcdeéxyz019 :-_[]{},&*!|>'\"#%@`?~<=.\\/\t\n\r\ufeff\u2028\x85"
yamlish_text = st.text(alphabet=YAML_CHARS, max_size=300)

# field names the models know (so random data reaches deep into validation), plus strays
FIELD_NAMES = sorted({name for model in MODELS.values() for name in model.model_fields}
                     | {"from", "partner", "role", "date", "status", "start", "end", "forum",
                        "decision", "note", "document", "url", "year", "kind", "slug",
                        "review", "deal", "project", "<<", "", "onbekend"})

scalar_words = st.sampled_from([
    "", "x", "yes", "no", "true", "false", "null", "~", "0201234567", "12:30", "1.10", "2009",
    "2026-03-01", "2026-02-30", "2026-12-05 14:30", "2026-12-05 14:30 +01:00", "execution",
    "uitvoerng", "inventoried", "on-agenda", "decided", "adopted", "rejected", "fed-back",
    "monitoring", "anchored", "withdrawn", "/static/x.png", "../../etc/passwd",
    "https://example.org/", "a@b.nl", "eenzaamheid", "gemeente", "ë" * 301, "-", "a" * 1000,
])
scalars = st.one_of(
    scalar_words, st.text(max_size=40), st.integers(), st.floats(allow_nan=True),
    st.booleans(), st.none(), st.dates(),
    st.datetimes(timezones=st.just(dt.UTC)),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
nested = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=5)),
    max_leaves=15,
)
front_matter = st.dictionaries(keys, nested, max_size=10)
bodies = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([
        "# Kop", "## Kop", "Tekst met een [link](../deals/x.md).", "[anker](#kop)",
        "![](/static/x.png)", "<script>alert(1)</script>", "<details><summary>a</summary>",
        "---", "```", "    code", "| a | b |", "|---|---|", "* lijst", "1. item", "> citaat",
        "[x](javascript:alert(1))", "", "\t", "<!-- -->", "&amp;", "\\", "***",
    ]), max_size=20).map("\n".join),
)


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: dict[str, Any], flow: bool | None) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, default_flow_style=flow,
                     sort_keys=False)


# ---- helpers ----

@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def check_result(result: tuple[Any, list[Diagnostic]], raw: bytes, rel: str) -> None:
    entry, problems = result
    assert isinstance(problems, list)
    if entry is None:
        assert any(p.is_error for p in problems), "no entry, yet no error"
    else:
        assert entry.rel == rel
    lines = raw.count(b"\n") + raw.count(b"\r") + 1
    for problem in problems:
        assert isinstance(problem, Diagnostic)
        assert problem.location.path == rel
        assert 1 <= problem.location.line <= lines + 1, problem.format()
        assert problem.code and " " not in problem.code
        for language in ("nl", "en"):
            assert problem.format(language)


def read_bytes_as(workdir: Path, kind: str, raw: bytes) -> None:
    rel = f"content/{FOLDER_OF[kind]}/x.md"
    path = workdir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    check_result(read_entry(SourceFile(kind, "x", path, rel)), raw, rel)


def load(text: str) -> None:
    try:
        doc = load_mapping(text)
    except YamlProblem as problem:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.code.startswith("yaml-")
        assert problem.message.nl and problem.message.en
        return
    assert isinstance(doc.data, dict)
    assert all(isinstance(k, str) for k in doc.data)
    for path, (line, col) in doc.positions.items():
        assert line >= 1 and col >= 1, path
    assert_plain(doc.data)


def assert_plain(value: Any) -> None:
    """Only dicts, lists, text and None come out: no int, bool, float or date."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            assert_plain(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain(item)
    else:
        assert value is None or isinstance(value, str), repr(value)


# ---- yamlsafe.load_mapping ----

@SETTINGS
@given(yamlish_text)
def test_load_mapping_on_yamlish_text(text: str) -> None:
    load(text)


@SETTINGS
@given(front_matter, st.sampled_from([None, True, False]))
def test_load_mapping_on_dumped_data(data: dict[str, Any], flow: bool | None) -> None:
    text = dump(data, flow)
    load(text)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from([*FIELD_NAMES, "-", "- x"]),
                          st.sampled_from([":", ": ", " ", ":  ", ": -", ": [", ": {"]),
                          scalar_words), max_size=15))
def test_load_mapping_on_line_shaped_text(lines: list[tuple[int, str, str, str]]) -> None:
    load("\n".join(" " * indent + key + sep + value for indent, key, sep, value in lines))


@SETTINGS
@given(st.binary(max_size=300))
def test_load_mapping_on_decoded_random_bytes(raw: bytes) -> None:
    load(raw.decode("utf-8", errors="replace"))


# ---- validate.read_entry ----

@SETTINGS
@given(st.sampled_from(KINDS), front_matter, st.sampled_from([None, True, False]), bodies)
def test_read_entry_on_random_front_matter(workdir: Path, kind: str, data: dict[str, Any],
                                           flow: bool | None, body: str) -> None:
    raw = f"---\n{dump(data, flow)}---\n{body}".encode()
    read_bytes_as(workdir, kind, raw)


@SETTINGS
@given(st.sampled_from(KINDS), st.data())
def test_read_entry_on_data_shaped_like_the_kind(workdir: Path, kind: str,
                                                 data: st.DataObject) -> None:
    """Every field of the kind, each with a random value: reaches each field's parser."""
    names = sorted(MODELS[kind].model_fields)
    values = data.draw(st.fixed_dictionaries(
        {}, optional={(MODELS[kind].model_fields[n].alias or n): nested for n in names}))
    values.setdefault("title", "T")
    raw = f"---\n{dump(values, None)}---\n".encode()
    read_bytes_as(workdir, kind, raw)


@SETTINGS
@given(st.sampled_from(KINDS), yamlish_text, bodies,
       st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_read_entry_on_yamlish_front_matter(workdir: Path, kind: str, text: str, body: str,
                                            newline: str, bom: bool) -> None:
    full = f"---\n{text}\n---\n{body}".replace("\n", newline)
    raw = (b"\xef\xbb\xbf" if bom else b"") + full.encode("utf-8", errors="surrogatepass")
    read_bytes_as(workdir, kind, raw)


@SETTINGS
@given(st.sampled_from(KINDS), st.binary(max_size=400),
       st.sampled_from([b"", b"---\n", b"---\ntitle: X\n---\n", b"\xef\xbb\xbf---\r\n"]))
def test_read_entry_on_random_bytes(workdir: Path, kind: str, raw: bytes,
                                    prefix: bytes) -> None:
    read_bytes_as(workdir, kind, prefix + raw)
