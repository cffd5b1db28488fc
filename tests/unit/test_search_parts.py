"""reisgids.search with the index in parts: every page in one part, the date order across
parts, facet totals, and a part carried over when its pages did not change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_search import fragments, tree_bytes, write_site

import reisgids.search as search
from reisgids.pagefind_files import metas, page_urls
from reisgids.search import ORDER_FILE, PARTS_FILE, assign_parts, index_site
from reisgids.search_pages import WORDS_URL, page_words, sort_values

SIZE = 3  # pages per part: nine entries make three parts


def bundles(site: Path) -> list[Path]:
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    return [site / "pagefind" / item["path"] for item in listed["bundles"]]


def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Pagefind runs (one per part indexed)."""
    count: list[int] = []
    real = search.run_pagefind

    def counted(stage: Path, out: Path, language: str, root_selector: str | None = None
                ) -> None:
        count.append(1)
        real(stage, out, language, root_selector)

    monkeypatch.setattr(search, "run_pagefind", counted)
    return count


def test_every_page_is_in_exactly_one_part(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=9)
    assert index_site(site, "nl", part_size=SIZE) == []
    parts = bundles(site)
    assert len(parts) == 3 and parts[0] == site / "pagefind"
    urls = [sorted(f["url"] for f in fragments(b) if f["url"] != WORDS_URL) for b in parts]
    assert sorted(u for found in urls for u in found) == [f"/item-{i}/" for i in range(9)]
    assert all(found for found in urls)
    for bundle in parts[1:]:  # merged bundles keep only their index files
        assert not (bundle / "pagefind.js").exists()
        assert (bundle / "pagefind-entry.json").is_file()


def test_the_date_order_is_site_wide_and_apart_from_the_meta_indexes(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=9)
    assert index_site(site, "nl", part_size=SIZE) == []
    days = {f"/item-{i}/": f"2026-0{1 + i % 9}-1{i % 10}" for i in range(9)}
    ids: dict[str, str] = {}
    for bundle in bundles(site):
        (_, meta), = metas(bundle)
        assert meta[4] == []  # no sort list loaded with the first query
        ids |= {url: page[0] for page, url in zip(meta[1], page_urls(bundle, meta), strict=True)}
    order = json.loads((site / "pagefind" / ORDER_FILE).read_text(encoding="utf-8"))
    ranked = sorted(days, key=lambda url: (days[url], url))
    assert order == {"datum": [ids[url] for url in ranked]}  # the words page has no date


def test_facet_totals_are_summed_over_the_parts(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=9)
    assert index_site(site, "nl", part_size=SIZE) == []
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    assert listed["facets"]["soort"] == {"Deal": 3, "Les": 3, "Project": 3}
    assert sum(listed["facets"]["thema"].values()) == 18  # two themes on each entry


def test_a_split_index_is_the_same_bytes_every_run(tmp_path: Path) -> None:
    source = write_site(tmp_path / "source", entries=9)
    made = []
    for n in range(2):
        site = tmp_path / f"run{n}"
        shutil.copytree(source, site)
        assert index_site(site, "nl", part_size=SIZE) == []
        made.append(tree_bytes(site / "pagefind"))
    assert made[0] == made[1]


def edit(site: Path, number: int, text: str) -> None:
    page = site / f"item-{number}" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.unlink()  # a new file, as a build writes it (the old one may be linked)
    page.write_text(html.replace(f"nummer {number}.", text), encoding="utf-8")


@pytest.mark.parametrize(("text", "indexed"), [
    ("Tekst over mogelijkheden, nummer 3.", 1),  # words the site has: one part again
    ("Een heel nieuw woord: zeppelinhaven.", 3),  # a new word: every part learns it
])
def test_only_the_changed_part_is_indexed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                text: str, indexed: int) -> None:
    old = write_site(tmp_path / "old", entries=9)
    assert index_site(old, "nl", part_size=SIZE) == []
    new = tmp_path / "new"
    shutil.copytree(old, new, ignore=shutil.ignore_patterns("pagefind"))
    edit(new, 4, text)
    count = runs(monkeypatch)
    before = tree_bytes(old / "pagefind")
    assert index_site(new, "nl", previous=old / "pagefind", part_size=SIZE) == []
    assert len(count) == indexed
    assert tree_bytes(old / "pagefind") == before  # the previous output is left as it was
    cold = tmp_path / "cold"
    shutil.copytree(new, cold, ignore=shutil.ignore_patterns("pagefind"))
    assert index_site(cold, "nl", part_size=SIZE) == []
    assert tree_bytes(new / "pagefind") == tree_bytes(cold / "pagefind")


def test_in_place_the_old_bundle_is_the_previous_one(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=9)
    assert index_site(site, "nl", part_size=SIZE) == []
    first = tree_bytes(site / "pagefind")
    count = runs(monkeypatch)
    assert index_site(site, "nl", part_size=SIZE) == []  # nothing changed: nothing indexed
    assert count == [] and tree_bytes(site / "pagefind") == first


@pytest.mark.parametrize("damage", ["garbage", "missing", "outside"])
def test_a_damaged_parts_list_means_indexing_everything(tmp_path: Path, damage: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=9)
    assert index_site(site, "nl", part_size=SIZE) == []
    listed = site / "pagefind" / PARTS_FILE
    if damage == "garbage":
        listed.write_text("{[", encoding="utf-8")
    elif damage == "missing":
        listed.unlink()
    else:
        data: Any = json.loads(listed.read_text(encoding="utf-8"))
        for item in data["bundles"]:
            item["path"] = "../../"
        listed.write_text(json.dumps(data), encoding="utf-8")
    count = runs(monkeypatch)
    assert index_site(site, "nl", part_size=SIZE) == []
    assert len(count) == 3


def test_parts_stay_put_when_a_page_is_added() -> None:
    pages = [f"item-{i}/index.html" for i in range(35)]
    before = assign_parts(pages, 10)
    after = assign_parts([*pages, "item-new/index.html"], 10)
    assert len(before) == len(after) == 4
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert set(changed[0][1]) - set(changed[0][0]) == {"item-new/index.html"}


def test_sort_values_and_words_are_read_from_the_page() -> None:
    page = (b'<p data-pagefind-sort="datum[data-value]" data-value="2026-03-01"></p>'
            b'<span data-pagefind-sort="gewicht:3, prijs[data-p]" data-p="12"></span>'
            b"<main><p>Zorg<em>zaam</em> &amp; samen</p><script>geenwoord()</script></main>")
    assert sort_values(page) == {"datum": "2026-03-01", "gewicht": "3", "prijs": "12"}
    words = page_words(page)
    assert {"zorgzaam", "samen"} <= words and "&" not in words and "zorg" not in words
    assert not any("geenwoord" in w for w in words)


def test_words_are_those_pagefind_indexes() -> None:
    page = (b'<nav>Navigatie</nav><article data-pagefind-body><p>Zorgzaam samen</p>'
            b'<dd data-pagefind-ignore><a href="mailto:a@b.example">samenwerken@b.example</a></dd>'
            b'<nav data-pagefind-ignore="all"><p>Inhoud</p></nav>'
            b'<div data-pagefind-ignore><div>genest</div></div>'  # unsure where it ends: kept
            b'<p title="data-pagefind-ignore">behouden</p>'  # named in a value: kept
            b'<p data-pagefind-ignore>open einde</article>')  # never closed: kept
    words = page_words(page)
    assert {"zorgzaam", "samen", "genest", "behouden", "open", "einde"} <= words
    assert not {w for w in words if "@" in w} and "inhoud" not in words
    assert "navigatie" not in words  # outside the body element: Pagefind does not index it
    assert "navigatie" in page_words(page.replace(b" data-pagefind-body", b""))  # no body: all
    twice = page.replace(b"<nav>", b"<nav data-pagefind-body>")
    assert "navigatie" in page_words(twice)  # two bodies: Pagefind indexes both
