"""reisgids.validate: one file from bytes to a typed entry, with every problem at its line."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reisgids import validate
from reisgids.errors import Diagnostic, Severity
from reisgids.model.document import ContentEntry
from reisgids.source.discover import SourceFile
from reisgids.source.kinds import FOLDER_OF
from reisgids.validate import read_entry

DEAL = """\
---
title: Samen eten
summary: Samen eten tegen eenzaamheid.
goal: Minder eenzaamheid.
"""
TWO_PARTNERS = """\
partners:
  - partner: buurtkracht
    role: initiator
  - partner: gemeente
    role: funder
"""


def read(tmp_path: Path, kind: str, text: str | bytes, slug: str = "x"
         ) -> tuple[ContentEntry | None, list[Diagnostic]]:
    rel = f"content/{FOLDER_OF[kind]}/{slug}.md"
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_entry(SourceFile(kind, slug, path, rel))


def ok(tmp_path: Path, kind: str, text: str | bytes) -> ContentEntry:
    entry, problems = read(tmp_path, kind, text)
    assert problems == [], [p.format() for p in problems]
    assert entry is not None
    return entry


def found(tmp_path: Path, kind: str, text: str | bytes) -> list[tuple[int, str, str]]:
    """(line, code, field) of every problem, sorted."""
    _, problems = read(tmp_path, kind, text)
    return sorted((p.location.line, p.code, p.field) for p in problems)


def page(fields: str, body: str = "") -> str:
    return f"---\ntitle: Over\n{fields}---\n{body}"


# ---- reading ----

def test_a_minimal_page(tmp_path: Path) -> None:
    entry = ok(tmp_path, "page", "---\ntitle: Over\n---\n# Kop\n\nTekst\n")
    assert (entry.kind, entry.slug, entry.rel) == ("page", "x", "content/pages/x.md")
    assert entry.data.title == "Over"
    assert entry.body == "# Kop\n\nTekst\n"
    assert entry.body_first_line == 4
    assert entry.line_of("title") == 2


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    raw = "\ufeff---\r\ntitle: Café\r\nsummary: Een\r\n---\r\nTekst\r\n".encode()
    entry = ok(tmp_path, "page", raw)
    assert entry.data.title == "Café"
    assert entry.line_of("summary") == 3
    assert entry.body == "Tekst\n"


def test_a_body_over_eight_mib_is_refused_but_the_entry_stays(tmp_path: Path) -> None:
    body = ("Een regel tekst over samenwerking in de wijk.\n" * 200_000)
    assert len(body) > 8 * 1024 * 1024
    entry, problems = read(tmp_path, "page", page("", body))
    assert [(p.location.line, p.code) for p in problems] == [(4, "body-too-large")]
    assert entry is not None and entry.body == ""


def test_a_large_body_under_the_limit_is_fine(tmp_path: Path) -> None:
    body = "Een regel tekst over samenwerking in de wijk.\n" * 150_000  # a 6.9 MB report
    entry = ok(tmp_path, "page", page("", body))
    assert len(entry.body) == len(body)


def test_a_file_over_the_limit_is_refused_without_reading_it_as_yaml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "MAX_FILE_BYTES", 1000)
    assert found(tmp_path, "page", page("", "x" * 1001)) == [(1, "file-too-large", "")]


def test_an_unreadable_file(tmp_path: Path) -> None:
    folder = tmp_path / "content/pages/x.md"
    folder.mkdir(parents=True)
    entry, problems = read_entry(SourceFile("page", "x", folder, "content/pages/x.md"))
    assert entry is None
    assert [p.code for p in problems] == ["file-unreadable"]


def test_encoding_error_at_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    raw = b"---\ntitle: Over\n---\nregel 4\nCaf\xe9\n\xe9\n"
    assert found(tmp_path, "page", raw) == [(5, "encoding", "")]


@pytest.mark.parametrize(("text", "code"), [
    ("", "frontmatter-missing"),
    ("title: Over\n", "frontmatter-missing"),
    ("---\ntitle: Over\n", "frontmatter-unclosed"),
])
def test_front_matter_problems_at_line_1(tmp_path: Path, text: str, code: str) -> None:
    assert found(tmp_path, "page", text) == [(1, code, "")]


@pytest.mark.parametrize(("yaml", "line", "code"), [
    ("title: Over\nsummary: a: b\n", 3, "yaml-colon"),
    ("title: Over\ntitle: Weer\n", 3, "yaml-duplicate-key"),
    ("title: &t Over\n", 2, "yaml-anchor"),
    ("title: Over\nsummary: *t\n", 3, "yaml-alias"),
    ("title: Over\ndraft: !!bool true\n", 3, "yaml-tag"),
    ("title: Over\n<<: {summary: a}\n", 3, "yaml-merge"),
    ("- title\n", 2, "yaml-not-mapping"),
])
def test_yaml_problems_at_their_file_line(tmp_path: Path, yaml: str, line: int,
                                          code: str) -> None:
    assert found(tmp_path, "page", f"---\n{yaml}---\n") == [(line, code, "")]


def test_duplicate_key_message_names_the_file_line(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "page", "---\ntitle: Over\nsummary: a\nsummary: b\n---\n")
    assert [p.location.line for p in problems] == [4]
    assert "regel 3" in problems[0].message.nl


def test_empty_front_matter_is_a_missing_title(tmp_path: Path) -> None:
    assert found(tmp_path, "page", "---\n---\n") == [(1, "schema-missing", "title")]


# ---- types as editors write them ----

def test_text_fields_keep_the_text(tmp_path: Path) -> None:
    entry = ok(tmp_path, "partner", """\
---
title: NO
type: gemeente
phone: 0201234567
address: 12:30
email: info@x.nl
contacts:
  - role: 1.10
    phone: 0612345678
---
""")
    data = entry.data
    assert data.title == "NO"
    assert data.phone == "0201234567"  # type: ignore[attr-defined]
    assert data.address == "12:30"  # type: ignore[attr-defined]
    assert data.contacts[0].role == "1.10"  # type: ignore[attr-defined]
    assert data.contacts[0].phone == "0612345678"  # type: ignore[attr-defined]


def test_project_started_stays_text(tmp_path: Path) -> None:
    entry = ok(tmp_path, "project", "---\ntitle: P\nsummary: s\nstatus: running\n"
                                    "started: 2009\nended: 2016-03-01\n---\n")
    assert entry.data.started == "2009"  # type: ignore[attr-defined]
    assert entry.data.ended == "2016-03-01"  # type: ignore[attr-defined]


def test_a_single_value_where_a_list_is_expected(tmp_path: Path) -> None:
    entry = ok(tmp_path, "page", page("themes: eenzaamheid\ntags: buurt\nareas: middenwijk\n"))
    assert entry.data.themes == ["eenzaamheid"]
    assert entry.data.tags == ["buurt"]
    assert entry.data.areas == ["middenwijk"]


def test_single_related_reference_is_a_one_item_list(tmp_path: Path) -> None:
    entry = ok(tmp_path, "news", "---\ntitle: N\ndate: 2026-01-01\nrelated: {deal: x}\n---\n")
    related = entry.data.related  # type: ignore[attr-defined]
    assert [(r.kind, r.slug) for r in related] == [("deal", "x")]


def test_an_empty_value_counts_as_not_written(tmp_path: Path) -> None:
    entry = ok(tmp_path, "page", page("summary:\nthemes:\ndraft:\n"))
    assert entry.data.summary is None and entry.data.themes == [] and not entry.data.draft


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False)])
def test_booleans_are_true_or_false(tmp_path: Path, value: str, expected: bool) -> None:
    assert ok(tmp_path, "page", page(f"draft: {value}\n")).data.draft is expected


@pytest.mark.parametrize("value", ["yes", "no", "ja", "nee", "on", "off", "True", "1", "y"])
def test_other_yes_no_words_are_refused(tmp_path: Path, value: str) -> None:
    _, problems = read(tmp_path, "page", page(f"draft: {value}\n"))
    assert [(p.location.line, p.code, p.field) for p in problems] == [(3, "schema-bool", "draft")]
    assert f"'{value}'" in problems[0].message.nl
    assert problems[0].hint is not None and "true of false" in problems[0].hint.nl


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "1-3-2026", "2026/03/01",
                                   "maart 2026", "2026-3-1", "20260301"])
def test_bad_dates(tmp_path: Path, value: str) -> None:
    assert found(tmp_path, "page", page(f"updated: {value}\n")) == [(3, "schema-date",
                                                                     "updated")]


def test_dates(tmp_path: Path) -> None:
    entry = ok(tmp_path, "page", page("updated: 2024-02-29\n"))
    assert entry.data.updated == date(2024, 2, 29)


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-12-05", date(2026, 12, 5)),
    ("2026-12-05 14:30", "Europe/Amsterdam"),
    ("2026-12-05 14:30 +01:00", timezone(timedelta(hours=1))),
    ("2026-12-05T14:30+0200", timezone(timedelta(hours=2))),
    ("2026-06-05 14:30", "Europe/Amsterdam"),
])
def test_event_moments(tmp_path: Path, value: str, expected: object) -> None:
    entry = ok(tmp_path, "event", f"---\ntitle: E\ntype: meeting\nstart: {value}\n---\n")
    start = entry.data.start  # type: ignore[attr-defined]
    if isinstance(expected, date):
        assert start == expected and not isinstance(start, datetime)
    else:
        assert isinstance(start, datetime)
        assert (start.hour, start.minute) == (14, 30)
        if isinstance(expected, str):
            assert str(start.tzinfo) == expected
        else:
            assert start.utcoffset() == expected.utcoffset(None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["2026-12-05 25:00", "2026-12-05 14", "morgen",
                                   "2026-12-05 14:30 CET"])
def test_bad_moments(tmp_path: Path, value: str) -> None:
    assert found(tmp_path, "event", f"---\ntitle: E\ntype: meeting\nstart: {value}\n---\n") == [
        (4, "schema-moment", "start")]


def test_summary_counts_code_points(tmp_path: Path) -> None:
    ok(tmp_path, "page", page("summary: " + "ë" * 300 + "\n"))
    _, problems = read(tmp_path, "page", page("summary: " + "ë" * 301 + "\n"))
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (3, "schema-string-too-long", "summary")]
    assert "301" in problems[0].message.nl and "300" in problems[0].message.nl


def test_summary_is_judged_after_trimming(tmp_path: Path) -> None:
    ok(tmp_path, "page", page("summary: '  " + "a" * 300 + "  '\n"))


@pytest.mark.parametrize(("fields", "line", "code", "field"), [
    ("image: ../../etc/passwd\nimage_alt: a\n", 3, "schema-static-path", "image"),
    ("image: /static/../reisgids.yml\nimage_alt: a\n", 3, "schema-static-path", "image"),
    ("image: https://elders.example/x.png\nimage_alt: a\n", 3, "schema-static-path", "image"),
    ("image: static/x.png\nimage_alt: a\n", 3, "schema-static-path", "image"),
    ("image: /static\\x.png\nimage_alt: a\n", 3, "schema-static-path", "image"),
    ("links:\n  - title: a\n    url: www.x.nl\n", 5, "schema-url", "links[0].url"),
    ("links:\n  - url: https://x.nl\n", 4, "schema-missing", "links[0].title"),
    ("links:\n  - title: a\n", 4, "schema-missing", "links[0].url"),
    ("title2: x\n", 3, "schema-extra-forbidden", "title2"),
    ("tags:\n  a: b\n", 3, "schema-text", "tags"),
    ("summary: [a, b]\n", 3, "schema-text", "summary"),
    ("areas: [Middenwijk]\n", 3, "schema-slug", "areas[0]"),
])
def test_field_problems(tmp_path: Path, fields: str, line: int, code: str, field: str) -> None:
    assert found(tmp_path, "page", page(fields)) == [(line, code, field)]


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    assert found(tmp_path, "page", "---\nsumary: a\ndraft: ja\nupdated: gisteren\n---\n") == [
        (1, "schema-missing", "title"),
        (2, "schema-extra-forbidden", "sumary"),
        (3, "schema-bool", "draft"),
        (4, "schema-date", "updated"),
    ]


# ---- where a message points, and its hint ----

def hint_of(tmp_path: Path, kind: str, text: str) -> str:
    _, problems = read(tmp_path, kind, text)
    assert len(problems) == 1, [p.format() for p in problems]
    assert problems[0].hint is not None
    return problems[0].hint.nl


@pytest.mark.parametrize(("typed", "meant"), [
    ("sumary", "summary"), ("titel", "title"), ("samenvatting", "summary"),
    ("thema", "themes"), ("afbeelding", "image"), ("Tags", "tags"),
])
def test_unknown_field_did_you_mean(tmp_path: Path, typed: str, meant: str) -> None:
    title = "" if meant == "title" else "title: Over\n"
    _, problems = read(tmp_path, "page", f"---\n{title}{typed}: x\n---\n")
    unknown = [p for p in problems if p.code == "schema-extra-forbidden"]
    assert len(unknown) == 1
    assert unknown[0].hint is not None
    assert f"bedoelde je '{meant}'?" == unknown[0].hint.nl
    assert f"did you mean '{meant}'?" == unknown[0].hint.en


def test_unknown_nested_field_did_you_mean(tmp_path: Path) -> None:
    text = DEAL + "phase: idea\npartners:\n  - partner: a\n    role: initiator\n    not: x\n---\n"
    assert "'note'" in hint_of(tmp_path, "deal", text)


def test_unknown_field_in_a_document_source(tmp_path: Path) -> None:
    text = ("---\ntitle: L\nsummary: s\ndate: 2026-01-01\nsources:\n"
            "  - {document: Evaluatie, ur: https://x.nl}\nlevel: network\ntype: system\n---\n")
    _, problems = read(tmp_path, "lesson", text)
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (6, "schema-extra-forbidden", "sources[0].ur")]
    assert problems[0].hint is not None and "'url'" in problems[0].hint.nl


def test_unknown_field_without_a_guess_lists_the_known_ones(tmp_path: Path) -> None:
    hint = hint_of(tmp_path, "page", page("xyzzy: 1\n"))
    assert "title" in hint and "summary" in hint


def test_missing_required_field_at_line_1(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "deal", "---\ntitle: D\nsummary: s\nphase: idea\n---\n")
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (1, "schema-missing", "goal")]
    assert "'goal'" in problems[0].message.nl
    assert problems[0].hint is not None and "goal: ..." in problems[0].hint.nl


@pytest.mark.parametrize("kind", ["deal", "project", "lesson", "agenda-item"])
def test_summary_is_required_for_some_kinds(tmp_path: Path, kind: str) -> None:
    _, problems = read(tmp_path, kind, "---\ntitle: X\n---\n")
    assert (1, "schema-missing", "summary") in [
        (p.location.line, p.code, p.field) for p in problems]


@pytest.mark.parametrize("kind", ["partner", "instrument", "review", "compass-edition", "news",
                                  "story", "event", "listing", "area", "page"])
def test_summary_is_optional_for_other_kinds(tmp_path: Path, kind: str) -> None:
    _, problems = read(tmp_path, kind, "---\ntitle: X\n---\n")
    assert "summary" not in [p.field for p in problems]


@pytest.mark.parametrize("kind", ["news", "story", "review", "lesson"])
def test_date_is_required_for_some_kinds(tmp_path: Path, kind: str) -> None:
    _, problems = read(tmp_path, kind, "---\ntitle: X\n---\n")
    assert (1, "schema-missing", "date") in [
        (p.location.line, p.code, p.field) for p in problems]


def test_missing_nested_field_at_the_line_of_its_item(tmp_path: Path) -> None:
    text = DEAL + """\
phase: idea
partners:
  - partner: a
    role: initiator
  - contributions: [money]
    partner: b
residents:
  - name: Fatima
    from: a
---
"""
    assert found(tmp_path, "deal", text) == [
        (9, "schema-missing", "partners[1].role"),
        (12, "schema-missing", "residents[0].at"),
    ]


def test_missing_period_end_at_the_period_line(tmp_path: Path) -> None:
    text = "---\ntitle: K\nperiod:\n  start: 2026-01-01\nadopted:\n  forum: college\n---\n"
    assert found(tmp_path, "compass-edition", text) == [
        (3, "schema-missing", "period.end"),
        (5, "schema-missing", "adopted.date"),
    ]


def test_missing_document_title_at_its_item(tmp_path: Path) -> None:
    text = ("---\ntitle: L\nsummary: s\ndate: 2026-01-01\nsources:\n"
            "  - {deal: a}\n  - url: https://x.nl\n    year: 2020\nlevel: network\ntype: system\n"
            "---\n")
    assert found(tmp_path, "lesson", text) == [(7, "schema-missing", "sources[1].document")]


@pytest.mark.parametrize(("sources", "code"), [
    ("[]", "schema-too-short"),
    ("\n  - {nieuws: x}", "schema-kindref-kind"),
    ("\n  - {deal: a, project: b}", "schema-kindref"),
    ("\n  - tienernetwerk", "schema-kindref"),
    ("\n  - {deal: Tienernetwerk}", "schema-slug"),
])
def test_lesson_sources(tmp_path: Path, sources: str, code: str) -> None:
    text = (f"---\ntitle: L\nsummary: s\ndate: 2026-01-01\nsources: {sources}\n"
            "level: network\ntype: system\n---\n")
    problems = found(tmp_path, "lesson", text)
    assert [c for _, c, _ in problems] == [code]
    assert "<" not in problems[0][2]  # union tags never show in the field name


@pytest.mark.parametrize(("kind", "fields", "value", "meant"), [
    ("deal", "phase: uitvoerng\n", "uitvoerng", "execution"),
    ("deal", "phase: Uitvoering\n", "Uitvoering", "execution"),
    ("deal", "phase: gestopt\n", "gestopt", "stopped"),
    ("deal", "phase: idea\npartners:\n  - partner: a\n    role: financier\n", "financier",
     "funder"),
    ("deal", "phase: idea\npartners:\n  - partner: a\n    role: initiator\n"
             "    contributions: [geld]\n", "geld", "money"),
    ("deal", "phase: idea\nfinance: [fonds]\n", "fonds", "fund"),
])
def test_enum_hint_matches_ids_and_dutch_labels(tmp_path: Path, kind: str, fields: str,
                                                value: str, meant: str) -> None:
    _, problems = read(tmp_path, kind, DEAL + fields + "---\n")
    assert [p.code for p in problems] == ["schema-enum"]
    assert f"'{value}'" in problems[0].message.nl
    assert problems[0].hint is not None
    assert f"bedoelde je '{meant}'" in problems[0].hint.nl
    assert f"did you mean '{meant}'" in problems[0].hint.en


def test_phase_typo_points_at_its_line(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "deal", DEAL + "phase: uitvoerng\n" + TWO_PARTNERS + "---\n")
    assert [(p.location.line, p.field) for p in problems] == [(5, "phase")]
    assert problems[0].format() == ("content/deals/x.md:5:1: fout [schema-enum] phase: "
                                    "'uitvoerng' bestaat niet — bedoelde je 'execution' "
                                    "(Uitvoering)?")


def test_enum_without_a_guess_lists_ids_and_labels(tmp_path: Path) -> None:
    hint = hint_of(tmp_path, "deal", DEAL + "phase: xyzzy\n---\n")
    assert "execution (Uitvoering)" in hint and "partners (Partners zoeken)" in hint


def test_agenda_change_none_is_refused(tmp_path: Path) -> None:
    text = ("---\ntitle: A\nsummary: s\nlessons: [l]\nchange: none\nproposal: p\nhistory:\n"
            "  - date: 2026-01-01\n    status: inventoried\n---\n")
    assert found(tmp_path, "agenda-item", text) == [(5, "schema-enum", "change")]


def test_lesson_change_defaults_to_none(tmp_path: Path) -> None:
    entry = ok(tmp_path, "lesson", "---\ntitle: L\nsummary: s\ndate: 2026-01-01\nsources:\n"
                                   "  - {document: Evaluatie}\nlevel: network\ntype: system\n"
                                   "---\n")
    assert entry.data.change == "none"  # type: ignore[attr-defined]


# ---- rules over several fields ----

def test_image_needs_alt(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "page", page("summary: s\nimage: /static/x.png\n"))
    assert [(p.location.line, p.code, p.field) for p in problems] == [(4, "image-alt", "image")]
    assert problems[0].is_error


def test_image_with_alt_is_fine(tmp_path: Path) -> None:
    ok(tmp_path, "page", page("image: /static/img/x.png\nimage_alt: Een foto\n"))


@pytest.mark.parametrize(("phase", "partners", "expected"), [
    ("partners", 0, False), ("idea", 1, False), ("test", 1, False),
    ("planning", 1, True), ("kick-off", 1, True), ("execution", 1, True), ("review", 0, True),
    ("completed", 1, True), ("stopped", 1, False), ("execution", 2, False),
])
def test_deal_partners_by_phase(tmp_path: Path, phase: str, partners: int,
                                expected: bool) -> None:
    items = "".join(f"  - partner: p{i}\n    role: partner\n" for i in range(partners))
    text = DEAL + f"phase: {phase}\n" + (f"partners:\n{items}" if partners else "") + "---\n"
    problems = found(tmp_path, "deal", text)
    if expected:
        line = 6 if partners else 1
        assert problems == [(line, "deal-partners", "partners")]
    else:
        assert problems == []


@pytest.mark.parametrize(("start", "end", "bad"), [
    ("2026-05-01", "2026-04-30", True),
    ("2026-05-01", "2026-05-01", False),
    ("2026-05-01", "2026-05-02", False),
])
def test_deal_end_before_start(tmp_path: Path, start: str, end: str, bad: bool) -> None:
    text = DEAL + f"phase: idea\nend: {end}\nstart: {start}\n---\n"
    assert found(tmp_path, "deal", text) == ([(6, "end-before-start", "end")] if bad else [])


@pytest.mark.parametrize(("start", "end", "bad"), [
    ("2026-12-05 18:00", "2026-12-05 17:59", True),
    ("2026-12-05 18:00", "2026-12-05 18:00", False),
    ("2026-12-05 18:00 +01:00", "2026-12-05 18:30 +02:00", True),  # 17:00 UTC < 16:30? no
    ("2026-12-05", "2026-12-04 23:59", True),
    ("2026-12-05", "2026-12-05 00:00", False),  # a date counts as the whole day
    ("2026-12-05 18:00", "2026-12-05", False),
    ("2026-12-05 18:00", "2026-12-04", True),
    ("2026-12-05", "2026-12-04", True),
])
def test_event_end_before_start(tmp_path: Path, start: str, end: str, bad: bool) -> None:
    text = f"---\ntitle: E\ntype: meeting\nstart: {start}\nend: {end}\n---\n"
    assert found(tmp_path, "event", text) == ([(5, "end-before-start", "end")] if bad else [])


def test_edition_period_end_before_start(tmp_path: Path) -> None:
    text = "---\ntitle: K\nperiod:\n  start: 2026-12-31\n  end: 2026-01-01\n---\n"
    assert found(tmp_path, "compass-edition", text) == [(5, "end-before-start", "period.end")]


def test_edition_of_one_day_is_fine(tmp_path: Path) -> None:
    ok(tmp_path, "compass-edition", "---\ntitle: K\nperiod:\n  start: 2026-01-01\n"
                                    "  end: 2026-01-01\n---\n")


AGENDA = """\
---
title: A
summary: s
lessons: [l]
change: policy
proposal: p
history:
"""


def test_agenda_history_problems_point_at_their_entry(tmp_path: Path) -> None:
    text = AGENDA + """\
  - status: on-agenda
    date: 2026-01-01
    forum: directie
  - date: 2026-02-01
    status: decided
    decision: adopted
  - date: 2026-01-15
    status: fed-back
    feedback: gedaan
  - date: 2026-03-01
    status: anchored
    note: geborgd
---
"""
    assert found(tmp_path, "agenda-item", text) == [
        (8, "agenda-first", "history[0].status"),
        (11, "agenda-requires", "history[1].note"),
        (14, "agenda-date-back", "history[2].date"),
        (17, "agenda-move", "history[3].status"),
    ]


def test_agenda_date_back_is_at_the_date_line(tmp_path: Path) -> None:
    text = AGENDA + """\
  - date: 2026-02-01
    status: inventoried
  - status: on-agenda
    forum: directie
    date: 2026-01-01
---
"""
    # the date is the field concerned; the entry starts two lines above it
    assert found(tmp_path, "agenda-item", text) == [(12, "agenda-date-back", "history[1].date")]


def test_agenda_move_after_the_end(tmp_path: Path) -> None:
    text = AGENDA + """\
  - date: 2026-01-01
    status: inventoried
  - date: 2026-02-01
    status: withdrawn
    note: weg
  - date: 2026-03-01
    status: withdrawn
    note: weer
---
"""
    assert found(tmp_path, "agenda-item", text) == [(13, "agenda-ended", "history[2].status")]


def test_agenda_needs_a_history_and_a_lesson(tmp_path: Path) -> None:
    text = "---\ntitle: A\nsummary: s\nlessons: []\nchange: policy\nproposal: p\nhistory: []\n---\n"
    assert found(tmp_path, "agenda-item", text) == [
        (4, "schema-too-short", "lessons"), (7, "schema-too-short", "history")]


def test_agenda_history_status_enum(tmp_path: Path) -> None:
    text = AGENDA + "  - date: 2026-01-01\n    status: geagendeerd\n---\n"
    _, problems = read(tmp_path, "agenda-item", text)
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (9, "schema-enum", "history[0].status")]
    assert problems[0].hint is not None and "'on-agenda'" in problems[0].hint.nl


def test_partner_without_contact_warns(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "partner", "---\ntitle: P\ntype: gemeente\n---\n")
    assert [(p.location.line, p.code, p.severity) for p in problems] == [
        (1, "partner-contact", Severity.WARNING)]


@pytest.mark.parametrize("fields", ["email: a@b.nl\n", "phone: 010\n",
                                    "contacts:\n  - role: Balie\n"])
def test_partner_with_any_contact_is_fine(tmp_path: Path, fields: str) -> None:
    ok(tmp_path, "partner", f"---\ntitle: P\ntype: gemeente\n{fields}---\n")


def test_listing_without_valid_until_warns(tmp_path: Path) -> None:
    text = "---\ntitle: L\ntype: offer\ncategory: space\nby: p\n---\n"
    _, problems = read(tmp_path, "listing", text)
    assert [(p.location.line, p.code, p.severity) for p in problems] == [
        (1, "listing-valid-until", Severity.WARNING)]
    ok(tmp_path, "listing", text.replace("by: p\n", "by: p\nvalid_until: 2027-01-01\n"))


def test_rules_run_only_on_valid_entries(tmp_path: Path) -> None:
    # a schema error stops the rules for that file: no "image-alt" on top of it
    assert found(tmp_path, "page", page("image: ../x.png\n")) == [
        (3, "schema-static-path", "image")]
