"""reisgids.source.frontmatter: UTF-8 (with or without BOM), any line ending, front matter
between '---' lines at the very top."""

from __future__ import annotations

import pytest

from reisgids.source.frontmatter import SplitProblem, decode, split


def test_plain_utf8() -> None:
    assert decode("title: café\n".encode()) == "title: café\n"


def test_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbf---\ntitle: X\n---\n") == "---\ntitle: X\n---\n"


def test_crlf_and_cr_become_lf() -> None:
    assert decode(b"---\r\ntitle: X\r\n---\r\nTekst\r\n") == "---\ntitle: X\n---\nTekst\n"
    assert decode(b"---\rtitle: X\r---\r") == "---\ntitle: X\n---\n"


def test_bom_and_crlf_together_split_cleanly() -> None:
    parts = split(decode("\ufeff---\r\ntitle: X\r\n---\r\nTekst\r\n".encode()))
    assert parts.yaml_text == "title: X"
    assert parts.body == "Tekst\n"


@pytest.mark.parametrize(("raw", "line"), [
    (b"---\ntitle: Caf\xe9\n---\n", 2),  # latin-1
    (b"\xff\xfe-\x00-\x00-\x00", 1),  # UTF-16
    (b"---\ntitle: X\n---\n\nregel 5\nregel 6 \x80\n", 6),
    (b"---\r\ntitle: X\r\n---\r\n\xc3(\r\n", 4),  # truncated sequence, CRLF file
    (b"---\ntitle: \xed\xa0\x80\n", 2),  # a lone surrogate is not UTF-8
])
def test_bad_bytes_name_the_line_of_the_first_one(raw: bytes, line: int) -> None:
    with pytest.raises(SplitProblem) as caught:
        decode(raw)
    problem = caught.value
    assert (problem.code, problem.line) == ("encoding", line)
    assert "UTF-8" in problem.message.nl and problem.hint is not None


def test_split_gives_yaml_and_body_with_their_lines() -> None:
    parts = split("---\ntitle: X\nsummary: Y\n---\n# Kop\n\nTekst\n")
    assert parts.yaml_text == "title: X\nsummary: Y"
    assert parts.yaml_first_line == 2
    assert parts.body == "# Kop\n\nTekst\n"
    assert parts.body_first_line == 5


def test_empty_body_and_empty_front_matter() -> None:
    parts = split("---\n---\n")
    assert parts.yaml_text == ""
    assert parts.body == ""
    assert parts.body_first_line == 3
    parts = split("---\ntitle: X\n---")
    assert parts.body == ""


def test_trailing_spaces_on_the_fences_are_fine() -> None:
    parts = split("--- \ntitle: X\n---  \nTekst")
    assert parts.yaml_text == "title: X"
    assert parts.body == "Tekst"


def test_a_later_fence_in_the_body_stays_in_the_body() -> None:
    parts = split("---\ntitle: X\n---\nboven\n---\nonder\n")
    assert parts.body == "boven\n---\nonder\n"


@pytest.mark.parametrize("text", ["", "\n", "title: X\n---\n", " ---\ntitle: X\n---\n",
                                  "\n---\ntitle: X\n---\n", "----\ntitle: X\n----\n",
                                  "+++\ntitle = 'X'\n+++\n"])
def test_missing_front_matter_is_reported_at_line_1(text: str) -> None:
    with pytest.raises(SplitProblem) as caught:
        split(text)
    assert (caught.value.code, caught.value.line) == ("frontmatter-missing", 1)
    assert caught.value.hint is not None


@pytest.mark.parametrize("text", ["---", "---\n", "---\ntitle: X\n\nTekst zonder einde\n",
                                  "---\ntitle: X\n...\n"])
def test_unclosed_front_matter_is_reported_at_line_1(text: str) -> None:
    with pytest.raises(SplitProblem) as caught:
        split(text)
    assert (caught.value.code, caught.value.line) == ("frontmatter-unclosed", 1)
