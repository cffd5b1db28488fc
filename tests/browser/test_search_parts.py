"""/zoeken/ over an index split into parts (reisgids.search.PART_SIZE made small): the page
merges the bundles, and what a reader sees — results, facet counts, the date order — is what
the single bundle of the same guide shows."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import NOW, REPO
from playwright.sync_api import Page, expect

import reisgids.search as search
from reisgids.build import Site, build, load_site
from reisgids.pagefind_files import PREFIX
from reisgids.search_pages import WORDS_URL

from .test_search import BROAD_QUERY, cards, kind_box, load_all, searched, status

pytestmark = pytest.mark.browser
PARTS = 5


def build_example(folder: Path, module: object, name: str,
                  value: Callable[[Site], int]) -> Path:
    """The example guide built into `folder` with `module.name` set to `value(site)`."""
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None and not report.has_errors
    out = folder / "output"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, name, value(site))
        assert not build(site, out).has_errors
    return out


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("parts"), search, "PART_SIZE",
                         lambda site: len(site.graph.published) // PARTS + 1)


@pytest.fixture(scope="module")
def parted(parted_site: Path, serve_folder: Callable[[Path], str]) -> str:
    return serve_folder(parted_site)


def part_urls(out: Path) -> list[set[str]]:
    listed = json.loads((out / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    found = []
    for item in listed["bundles"]:
        urls = set()
        for path in (out / "pagefind" / item["path"] / "fragment").glob("*.pf_fragment"):
            raw = gzip.decompress(path.read_bytes())
            urls.add(json.loads(raw[len(PREFIX):])["url"])
        assert WORDS_URL in urls or len(listed["bundles"]) == 1  # see search_pages.py
        found.append(urls - {WORDS_URL})
    return found


def show(page: Page, base: str, query: str, extra: str = "") -> list[dict[str, Any]]:
    params = "&".join(p for p in (f"q={quote(query)}" if query else "", extra) if p)
    page.goto(f"{base}/zoeken/" + (f"?{params}" if params else ""))
    page.wait_for_function(
        "() => Number(document.getElementById('search').dataset.searches || 0) >= 1")
    load_all(page)
    return cards(page)


def counts(page: Page) -> dict[str, str]:
    found: dict[str, str] = page.eval_on_selector_all(
        ".search-facet-option:not([hidden])", """items => Object.fromEntries(items.map(i =>
        [i.closest('fieldset').dataset.facet + '=' + i.dataset.value,
         i.querySelector('.search-facet-count').textContent]))""")
    return found


def test_the_index_is_split_and_every_page_is_in_one_part(parted_site: Path,
                                                         example_site: Path) -> None:
    parts = part_urls(parted_site)
    assert len(parts) == PARTS
    together = set().union(*parts)
    assert sum(len(p) for p in parts) == len(together)  # no page twice
    assert together == part_urls(example_site)[0]  # the pages of the single bundle


@pytest.mark.parametrize("query", ["eenzaamheid", "mantelzorg", BROAD_QUERY])
def test_a_query_finds_what_one_bundle_finds(page: Page, console_errors: list[str],
                                             base_url: str, parted: str,
                                             query: str) -> None:
    whole = show(page, base_url, query)
    whole_counts = counts(page)
    split = show(page, parted, query)
    assert sorted(c["href"] for c in split) == sorted(c["href"] for c in whole)
    assert status(page) == f"{len(whole)} resultaten voor ‘{query}’"
    assert counts(page) == whole_counts  # the facet counts, summed over the parts
    assert console_errors == []


def test_results_come_from_every_part(page: Page, parted_site: Path, parted: str) -> None:
    found = {c["href"] for c in show(page, parted, BROAD_QUERY)}
    for urls in part_urls(parted_site):
        assert found & urls, "a part gave no results"


def test_the_date_order_runs_across_the_parts(page: Page, console_errors: list[str],
                                              base_url: str, parted: str) -> None:
    whole = show(page, base_url, BROAD_QUERY, "sort=datum")
    split = show(page, parted, BROAD_QUERY, "sort=datum")
    dates = [c["date"] for c in split]
    dated = [d for d in dates if d]
    assert len(dated) >= 5 and dated == sorted(dated, reverse=True)
    assert dates == [c["date"] for c in whole]  # the same order, ties apart
    assert console_errors == []


def test_facets_alone_over_the_parts(page: Page, console_errors: list[str],
                                     base_url: str, parted: str) -> None:
    show(page, base_url, "")
    prompt = counts(page)
    show(page, parted, "")
    assert counts(page) == prompt  # the totals of parts.json
    lessons = kind_box(page, "Les")
    expect(lessons).to_be_visible()
    searched(page, lambda: lessons.check())
    load_all(page)
    found = cards(page)
    assert {c["kind"] for c in found} == {"Les"}
    assert status(page) == f"{len(found)} resultaten met deze filters"
    assert prompt["soort=Les"] == f"({len(found)})"
    assert console_errors == []
