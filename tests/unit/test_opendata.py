"""reisgids.render.opendata: /data/reisgids.json and one CSV per kind."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from outputs_support import basic_site, graph_of

from reisgids.render.opendata import columns, earlier_pieces, open_data_files, open_data_json
from reisgids.source.kinds import KINDS

SiteFactory = Callable[[dict[str, str]], Path]
BASE = "https://example.org/gids/"
DRAFT = "---\ntitle: Concept\ndate: 2026-05-01\ndraft: true\n---\nGeheim.\n"
EXTRA_NEWS = """\
---
title: Tweede bericht, met "aanhalingstekens"
date: 2026-02-01
summary: Een regel; met puntkomma
related:
  - {lesson: vaste-coordinator}
  - {news: concept}
---
Tekst met **nadruk**.
"""


def load(data: bytes) -> dict[str, Any]:
    text = data.decode("utf-8")
    assert text.endswith("}\n")
    found: dict[str, Any] = json.loads(text)
    return found


def rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")  # plain UTF-8, no BOM
    assert "\r" not in text
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return basic_site(make_site, {"content/news/concept.md": DRAFT,
                                  "content/news/tweede.md": EXTRA_NEWS})


def test_json_has_every_published_entry(site: Path) -> None:
    graph = graph_of(site)
    data = load(open_data_json(graph))
    keys = [(e["kind"], e["slug"]) for e in data["entries"]]
    assert keys == sorted(graph.published)
    assert ("news", "concept") not in keys
    assert data["site"]["title"] == "Testgids zorg en welzijn"
    assert data["site"]["base_url"] == BASE
    assert data["site"]["language"] == "nl"
    assert data["site"]["vocabularies"]["themes"]["eenzaamheid"] == "Eenzaamheid"
    assert data["site"]["enums"]["agenda.status"]["anchored"] == {"nl": "Geborgd",
                                                                 "en": "Anchored"}
    assert "generated" not in json.dumps(data)  # no date of the build


@pytest.mark.filterwarnings("error::UserWarning")  # pydantic serializes sources cleanly
def test_entry_fields_body_and_links(site: Path) -> None:
    data = load(open_data_json(graph_of(site)))
    by_key = {(e["kind"], e["slug"]): e for e in data["entries"]}
    news = by_key[("news", "tweede")]
    assert news["url"] == BASE + "nieuws/tweede/"
    assert news["title"] == 'Tweede bericht, met "aanhalingstekens"'
    assert news["body_markdown"] == "Tekst met **nadruk**.\n"
    assert news["fields"]["date"] == "2026-02-01"
    assert news["fields"]["related"] == [{"kind": "lesson", "slug": "vaste-coordinator"},
                                         {"kind": "news", "slug": "concept"}]
    assert "image" not in news["fields"]  # None left out
    # links only to published entries; the draft is not linked
    assert news["links"] == [{"kind": "lesson", "slug": "vaste-coordinator",
                              "url": BASE + "lessen/vaste-coordinator/", "field": "related"}]
    lesson = by_key[("lesson", "vaste-coordinator")]
    assert {"kind": "news", "slug": "tweede", "url": BASE + "nieuws/tweede/",
            "field": "related"} in lesson["backlinks"]
    sources = lesson["fields"]["sources"]
    assert {"document": "Evaluatie wijkbudget", "url": "https://teststad.example/evaluatie",
            "year": 2025} in sources
    deal = by_key[("deal", "samen-eten")]
    assert deal["fields"]["residents"] == [{"name": "Fatima", "from": "gemeente-teststad",
                                            "at": "buurtkracht", "since": "2026-02-01"}]


def test_every_link_target_is_in_the_json(site: Path) -> None:
    data = load(open_data_json(graph_of(site)))
    urls = {e["url"]: (e["kind"], e["slug"]) for e in data["entries"]}
    count = 0
    for entry in data["entries"]:
        for link in entry["links"] + entry["backlinks"]:
            assert urls[link["url"]] == (link["kind"], link["slug"])
            count += 1
    assert count > 10


def test_json_is_deterministic_and_formatted(site: Path) -> None:
    first = open_data_json(graph_of(site))
    assert first == open_data_json(graph_of(site, now=date(2026, 12, 1)))
    text = first.decode("utf-8")
    assert text.startswith('{\n "entries": [')  # sorted keys, indent=1
    assert "coördinatie" in text  # UTF-8 kept, not \\u escapes


def test_one_csv_per_kind_with_a_row_per_published_entry(site: Path) -> None:
    graph = graph_of(site)
    files = open_data_files(graph)
    assert sorted(files) == sorted(["data/reisgids.json", *(f"data/{k}.csv" for k in KINDS)])
    assert "data/agenda-item.csv" in files
    for kind in KINDS:
        found = rows(files[f"data/{kind}.csv"])
        assert [r["slug"] for r in found] == [e.slug for e in graph.of_kind(kind)]
        header = next(csv.reader(io.StringIO(files[f"data/{kind}.csv"].decode())))
        assert header[:6] == ["slug", "url", "title", "summary", "date", "updated"]
        assert header == [name for name, _ in columns(kind)]


def test_csv_cells(site: Path) -> None:
    files = open_data_files(graph_of(site))
    (item,) = rows(files["data/agenda-item.csv"])
    assert item["url"] == BASE + "kompas/agenda/meerjarige-coordinatie/"
    assert item["lessons"] == "vaste-coordinator"
    history = json.loads(item["history"])
    assert [h["status"] for h in history] == ["inventoried", "on-agenda", "decided",
                                              "fed-back", "monitoring"]
    assert "feedback" not in history[0]  # no nulls
    news = {r["slug"]: r for r in rows(files["data/news.csv"])}
    assert news["tweede"]["summary"] == "Een regel; met puntkomma"
    assert json.loads(news["tweede"]["related"])[0] == {"kind": "lesson",
                                                        "slug": "vaste-coordinator"}
    assert "concept" not in news
    (lesson,) = rows(files["data/lesson.csv"])
    assert lesson["success"] == "true"
    assert lesson["themes"] == ";".join(graph_of(site).entries[
        ("lesson", "vaste-coordinator")].data.themes)
    (deal,) = rows(files["data/deal.csv"])
    assert json.loads(deal["expected_results"]) == ["Elke week een maaltijd."]  # free text
    assert deal["finance"] == "subsidy;own-contribution"
    assert deal["phase"] == "execution"
    assert json.loads(deal["residents"])[0]["from"] == "gemeente-teststad"
    assert json.loads(deal["review_agreements"])["frequency"] == "Jaarlijks"
    assert deal["image"] == "/static/img/maaltijd.png"
    assert deal["draft"] == "false"


@pytest.mark.skipif(importlib.util.find_spec("reisgids.markdown") is None,
                    reason="the Markdown renderer is not there yet")
def test_every_url_resolves_in_the_built_site(site: Path, tmp_path: Path) -> None:
    from conftest import NOW, run_cli

    out = tmp_path / "out"
    result = run_cli("build", str(site), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    data = load((out / "data" / "reisgids.json").read_bytes())

    def resolves(url: str) -> bool:
        assert url.startswith(BASE), url
        path = url.removeprefix(BASE)
        return (out / path / "index.html").is_file() if (not path or path.endswith("/")) \
            else (out / path).is_file()

    urls = [e["url"] for e in data["entries"]]
    urls += [lk["url"] for e in data["entries"] for lk in e["links"] + e["backlinks"]]
    urls += [k["csv"] for k in data["site"]["kinds"].values()]
    missing = sorted({u for u in urls if not resolves(u)})
    assert not missing
    for kind in KINDS:
        found = rows((out / "data" / f"{kind}.csv").read_bytes())
        assert len(found) == sum(1 for e in data["entries"] if e["kind"] == kind)


def test_json_kept_per_entry_is_the_json_made_whole(site: Path) -> None:
    """serve keeps each entry record's text (`pieces`): the bytes are those of one dump,
    with the pieces empty, filled, after an entry changed, and without entries."""
    graph = graph_of(site)
    pieces: dict[str, str] = {}
    whole = open_data_json(graph)
    assert open_data_json(graph, pieces) == whole
    assert len(pieces) == len(graph.published)
    kept = dict(pieces)
    assert open_data_json(graph, pieces) == whole and pieces == kept  # all taken from pieces
    news = site / "content/news/tweede.md"
    news.write_text(EXTRA_NEWS.replace("**nadruk**", "**nadruk** en\u2028regel \"x\""),
                    encoding="utf-8")
    changed = graph_of(site)
    assert open_data_json(changed, pieces) == open_data_json(changed) != whole
    assert len(set(pieces) - set(kept)) == 1  # one record made again, the rest kept
    empty = dataclasses.replace(changed, published=frozenset())
    assert open_data_json(empty, pieces) == open_data_json(empty)
    assert pieces == {}


def test_the_pieces_of_a_written_file_are_the_pieces_it_was_made_of(site: Path) -> None:
    """A build takes them from the previous file (by the digests the cache kept), and a
    record whose text holds what looks like the file's own seams does not cut it."""
    news = site / "content/news/tweede.md"
    news.write_text(EXTRA_NEWS.replace("**nadruk**", 'een "\\n  },\\n" en ]\n\n ] x'),
                    encoding="utf-8")
    graph = graph_of(site)
    pieces: dict[str, str] = {}
    text = open_data_json(graph, pieces).decode("utf-8")
    assert len(pieces) == len(graph.published) > 1
    assert earlier_pieces(text, list(pieces)) == pieces
    assert earlier_pieces(text, list(pieces)[1:]) == {}  # another number: none
    assert earlier_pieces(text, []) == {}
    assert earlier_pieces(text[:40], list(pieces)) == {}
    none = open_data_json(dataclasses.replace(graph, published=frozenset())).decode("utf-8")
    assert earlier_pieces(none, ["x"]) == {}
