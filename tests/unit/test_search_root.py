"""reisgids.search_root: when Pagefind may read a page's body element alone, and that the
index it makes then is the one it makes reading every page whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_search import entry_page, fragments, tree_bytes, write_site

import reisgids.search as search
from reisgids.search import index_site
from reisgids.search_pages import words_page
from reisgids.search_root import ROOT_SELECTOR, reads_alone

BODY = '<article class="entry" data-pagefind-body><h1>T</h1><img src="a.png">{inside}</article>'


def page(before: str = "", inside: str = "", after: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>t</title></head><body><nav>menu</nav>{before}"
            f"<main>{BODY.format(inside=inside)}</main>{after}<footer>voet</footer></body>"
            "</html>").encode()


def test_a_page_whose_body_holds_everything_reads_alone() -> None:
    assert reads_alone(page(inside='<span data-pagefind-filter="a:b"></span>'
                                   "<article>genest</article>"))



def test_a_split_index_reads_its_parts_whole() -> None:
    # the hidden words page of every part has no <h1>: Pagefind titles it by its <title>
    assert not reads_alone(words_page(["een", "twee"], "nl"))


@pytest.mark.parametrize("html", [
    page(before='<div data-pagefind-filter="soort:Les"></div>'),  # a filter beside it
    page(after='<span data-pagefind-meta="extra:x"></span>'),
    page(after='<i data-pagefind-sort="datum:2026"></i>'),
    page(before="<h1>De site</h1>"),  # Pagefind's automatic title: the first <h1>
    page().replace(b"<h1>T</h1>", b""),  # no <h1>: the title is the <title> in the head
    page(after="<IMG src=logo.png>"),  # and its image
    page(after='<div data-pagefind-body>meer</div>'),  # two bodies
    b"<html><body><article data-pagefind-body>nooit gesloten</body></html>",
    b"<html><body><p><code>&lt;div data-pagefind-body&gt;</code> uitleg</p></body></html>",
    b'<html><body><p title="data-pagefind-body">in een waarde</p></body></html>',
    b"<html><body><p>geen</p></body></html>",
])
def test_anything_pagefind_would_take_outside_means_the_whole_page(html: bytes) -> None:
    assert not reads_alone(html)


def selectors(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    seen: list[str | None] = []
    real = search.run_pagefind

    def recorded(stage: Path, out: Path, language: str, root_selector: str | None = None
                 ) -> None:
        seen.append(root_selector)
        real(stage, out, language, root_selector)

    monkeypatch.setattr(search, "run_pagefind", recorded)
    return seen


def test_the_body_alone_gives_the_same_bundle_as_the_whole_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_site(tmp_path / "source", entries=9)
    alone, whole = tmp_path / "alone", tmp_path / "whole"
    shutil.copytree(source, alone)
    shutil.copytree(source, whole)
    seen = selectors(monkeypatch)
    assert index_site(alone, "nl") == []
    assert seen == [ROOT_SELECTOR]
    monkeypatch.setattr(search, "reads_alone", lambda data: False)
    assert index_site(whole, "nl") == []
    assert seen == [ROOT_SELECTOR, None]
    assert tree_bytes(alone / "pagefind") == tree_bytes(whole / "pagefind")


def test_the_parts_of_a_split_index_are_read_whole(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=9)
    seen = selectors(monkeypatch)
    assert index_site(site, "nl", part_size=4) == []
    assert len(seen) == 3 and set(seen) == {None}


def test_a_filter_beside_the_body_is_kept_by_reading_the_part_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=2)
    beside = site / "beside" / "index.html"
    beside.parent.mkdir()
    beside.write_text(entry_page("Ernaast", "Les", [], "2026-03-01", "tekst").replace(
        "<main>", '<main><i data-pagefind-filter="wijk:Noord"></i>'), encoding="utf-8")
    seen = selectors(monkeypatch)
    assert index_site(site, "nl") == []
    assert seen == [None]
    found = {f["url"]: f["filters"] for f in fragments(site / "pagefind")}
    assert found["/beside/"]["wijk"] == ["Noord"]
