"""reisgids.config: reisgids.yml, typed; unknown keys are errors with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from reisgids.config import SiteConfig, load_config
from reisgids.errors import Diagnostic

BASE = "title: Testgids\nbase_url: https://example.org/gids/\n"


def load(tmp_path: Path, text: str | bytes, overrides: dict[str, str] | None = None
         ) -> tuple[SiteConfig | None, list[Diagnostic]]:
    path = tmp_path / "reisgids.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_config(tmp_path, overrides)


def good(tmp_path: Path, text: str) -> SiteConfig:
    config, problems = load(tmp_path, text)
    assert problems == [], [p.format() for p in problems]
    assert config is not None
    return config


def bad(tmp_path: Path, text: str | bytes) -> list[Diagnostic]:
    config, problems = load(tmp_path, text)
    assert config is None
    assert problems and all(p.is_error for p in problems)
    assert all(p.location.path == "reisgids.yml" for p in problems)
    return problems


def test_defaults(tmp_path: Path) -> None:
    config = good(tmp_path, BASE)
    assert config.title == "Testgids"
    assert config.language == "nl"
    assert config.theme == "default"
    assert config.compass.cadence == "yearly"
    assert config.freshness is None
    assert config.permalinks == {}
    assert config.vocabulary("themes") == {}


def test_the_full_example_of_the_content_model(tmp_path: Path) -> None:
    config = good(tmp_path, """\
title: Reisgids zorg en welzijn
base_url: https://example.org/reisgids/
language: en
vocabularies:
  themes: {informele-zorg: Informele zorg, eenzaamheid: Eenzaamheid}
  forms: {wijkonderneming: Wijkonderneming}
  partner_types: {gemeente: Gemeente, initiatief: Initiatief}
compass:
  cadence: half-yearly
freshness:
  partner: 365
  instrument: 180
permalinks:
  story: /verhalen/{slug}/
""")
    assert config.language == "en"
    assert config.vocabulary("themes") == {"informele-zorg": "Informele zorg",
                                           "eenzaamheid": "Eenzaamheid"}
    assert config.vocabulary("partner_types")["gemeente"] == "Gemeente"
    assert config.compass.cadence == "half-yearly"
    assert config.freshness is not None
    assert (config.freshness.partner, config.freshness.instrument) == (365, 180)
    assert config.permalinks == {"story": "/verhalen/{slug}/"}


def test_the_repository_example_loads() -> None:
    config, problems = load_config(Path(__file__).resolve().parents[2])
    assert problems == []
    assert config is not None


@pytest.mark.parametrize(("url", "expected", "path"), [
    ("https://example.org/gids", "https://example.org/gids/", "/gids/"),
    ("https://example.org/gids/", "https://example.org/gids/", "/gids/"),
    ("https://example.org", "https://example.org/", "/"),
    ("http://localhost:8000/a/b", "http://localhost:8000/a/b/", "/a/b/"),
])
def test_base_url_ends_with_a_slash(tmp_path: Path, url: str, expected: str, path: str) -> None:
    config = good(tmp_path, f"title: T\nbase_url: {url}\n")
    assert config.base_url == expected
    assert config.base_path == path


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org/", "/gids/", "https://"])
def test_base_url_must_be_a_web_address(tmp_path: Path, url: str) -> None:
    problems = bad(tmp_path, f"title: T\nbase_url: {url}\n")
    assert [(p.location.line, p.code, p.field) for p in problems] == [(2, "schema-url",
                                                                       "base_url")]


def test_base_url_override(tmp_path: Path) -> None:
    config, problems = load(tmp_path, BASE, {"base_url": "https://preview.example/pr-7"})
    assert problems == [] and config is not None
    assert config.base_url == "https://preview.example/pr-7/"
    assert config.base_path == "/pr-7/"


def test_missing_file(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path)
    assert config is None
    assert [(p.location.path, p.location.line, p.code) for p in problems] == [
        ("reisgids.yml", 1, "config-missing")]


@pytest.mark.parametrize("text", ["", "base_url: https://x.org/\n"])
def test_title_is_required_at_line_1(tmp_path: Path, text: str) -> None:
    problems = bad(tmp_path, text)
    assert (1, "schema-missing", "title") in [(p.location.line, p.code, p.field)
                                              for p in problems]


@pytest.mark.parametrize(("extra", "line", "field", "meant"), [
    ("languag: en\n", 3, "languag", "language"),
    ("freshnes:\n  partner: 365\n", 3, "freshnes", "freshness"),
    ("permalink:\n  story: /v/{slug}/\n", 3, "permalink", "permalinks"),
    ("vocabularies:\n  theme: {a: A}\n", 4, "vocabularies.theme", "themes"),
    ("vocabularies:\n  partner-types: {a: A}\n", 4, "vocabularies.partner-types",
     "partner_types"),
    ("freshness:\n  partners: 365\n", 4, "freshness.partners", "partner"),
    ("compass:\n  cadens: yearly\n", 4, "compass.cadens", "cadence"),
])
def test_unknown_key_with_a_hint(tmp_path: Path, extra: str, line: int, field: str,
                                 meant: str) -> None:
    problems = bad(tmp_path, BASE + extra)
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (line, "schema-extra-forbidden", field)]
    assert problems[0].hint is not None
    assert problems[0].hint.nl == f"bedoelde je '{meant}'?"
    assert problems[0].hint.en == f"did you mean '{meant}'?"


def test_language_enum(tmp_path: Path) -> None:
    problems = bad(tmp_path, BASE + "language: engels\n")
    assert [(p.location.line, p.code) for p in problems] == [(3, "schema-enum")]
    assert problems[0].hint is not None and "'en'" in problems[0].hint.nl


def test_cadence_enum_matches_dutch_labels(tmp_path: Path) -> None:
    problems = bad(tmp_path, BASE + "compass:\n  cadence: Jaarlijks\n")
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (4, "schema-enum", "compass.cadence")]
    assert problems[0].hint is not None and "'yearly'" in problems[0].hint.nl


@pytest.mark.parametrize("pattern", [
    "/verhalen/{slug}/", "/{slug}/", "/a/b/{slug}/", "/verhalen/{slug}/lees/",
])
def test_good_permalinks(tmp_path: Path, pattern: str) -> None:
    config = good(tmp_path, BASE + f"permalinks:\n  story: {pattern}\n")
    assert config.permalinks["story"] == pattern


@pytest.mark.parametrize("pattern", [
    "verhalen/{slug}/", "/verhalen/{slug}", "/verhalen/", "/verhalen/{naam}/", "'{slug}'",
])
def test_permalinks_start_and_end_with_a_slash_and_hold_the_slug(tmp_path: Path,
                                                                 pattern: str) -> None:
    problems = bad(tmp_path, BASE + f"permalinks:\n  news: /n/{{slug}}/\n  story: {pattern}\n")
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (5, "schema-permalink", "permalinks.story")]
    problem = problems[0]
    assert f"'{pattern.strip(chr(39))}'" in problem.message.nl
    assert "{slug}" in problem.message.nl and "{slug}" in problem.message.en
    assert "moet" in problem.message.nl and "must" in problem.message.en


@pytest.mark.parametrize(("kind", "meant"), [("stories", "story"), ("verhaal", None),
                                             ("Story", "story"), ("agenda", "agenda-item")])
def test_permalinks_are_for_known_kinds(tmp_path: Path, kind: str, meant: str | None) -> None:
    problems = bad(tmp_path, BASE + f"permalinks:\n  {kind}: /v/{{slug}}/\n")
    assert [(p.location.line, p.code, p.field) for p in problems] == [
        (4, "schema-permalink-kind", f"permalinks.{kind}")]
    problem = problems[0]
    assert problem.message.en == f"'{kind}' is not a kind"
    assert problem.hint is not None
    if meant:
        assert problem.hint.nl == f"bedoelde je '{meant}'?"
    else:
        assert "story" in problem.hint.nl and "deal" in problem.hint.en


def test_messages_of_own_checks_are_in_both_languages(tmp_path: Path) -> None:
    problems = bad(tmp_path, BASE + "vocabularies:\n  themes:\n    Eenzaam Heid: Eenzaamheid\n")
    assert [(p.location.line, p.code) for p in problems] == [(5, "schema-vocab-id")]
    problem = problems[0]
    assert "geen geldige id" in problem.message.nl
    assert "not a valid id" in problem.message.en
    assert problem.hint is not None and "'eenzaam-heid: " in problem.hint.nl
    assert "Value error" not in problem.format("nl") + problem.format("en")


@pytest.mark.parametrize(("extra", "line", "code"), [
    ("freshness:\n  partner: een jaar\n", 4, "schema-int-parsing"),
    ("vocabularies:\n  themes: eenzaamheid\n", 4, "schema-dict-type"),
    ("vocabularies:\n  themes:\n    a: [b]\n", 5, "schema-text"),
    ("permalinks: /verhalen/\n", 3, "schema-dict-type"),
    ("title: Twee\n", 3, "yaml-duplicate-key"),
    ("x: &a 1\n", 3, "yaml-anchor"),
    ("summary: a: b\n", 3, "yaml-colon"),
])
def test_problems_point_at_their_line(tmp_path: Path, extra: str, line: int, code: str) -> None:
    problems = bad(tmp_path, BASE + extra)
    assert [(p.location.line, p.code) for p in problems] == [(line, code)]


def test_duplicate_key_message_names_the_file_line(tmp_path: Path) -> None:
    problems = bad(tmp_path, BASE + "title: Twee\n")
    assert "regel 1" in problems[0].message.nl


def test_bom_and_crlf(tmp_path: Path) -> None:
    config, problems = load(tmp_path, ("\ufeff" + BASE + "language: en\n").replace(
        "\n", "\r\n").encode())
    assert problems == [] and config is not None
    assert config.language == "en"


def test_not_utf8(tmp_path: Path) -> None:
    problems = bad(tmp_path, (BASE + "title2: Caf\xe9\n").encode("latin-1"))
    assert [(p.location.line, p.code) for p in problems] == [(3, "encoding")]


def test_not_a_mapping(tmp_path: Path) -> None:
    problems = bad(tmp_path, "- title\n")
    assert [p.code for p in problems] == ["yaml-not-mapping"]


def test_config_is_frozen(tmp_path: Path) -> None:
    config = good(tmp_path, BASE)
    with pytest.raises(ValueError):
        config.title = "Anders"  # type: ignore[misc]



def test_a_trailing_comment_in_the_config_is_a_comment(tmp_path: Path) -> None:
    """Settings are explained with trailing comments; only content files warn about ' #'."""
    config, problems = load(tmp_path, "title: Gids # de naam\nbase_url: https://example.org/\n")
    assert config is not None and config.title == "Gids"
    assert problems == []
