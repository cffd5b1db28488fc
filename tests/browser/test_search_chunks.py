"""/zoeken/ over the word index cut into small chunks (reisgids/pagefind_files.py) finds what
the same guide finds when every word is in one chunk — which loads every word, so it misses
no stem and no longer word that starts with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

import reisgids.pagefind_files as pagefind_files
from reisgids.pagefind_files import metas

from .test_search import BROAD_QUERY, status
from .test_search_parts import build_example, show

pytestmark = pytest.mark.browser
QUERIES = ["eenzaamheid", "mantelzorg", "mantelzorgers", BROAD_QUERY, "samenwerken",
           "wijkteam", "buurt", "schouw lessen", "geborgd"]


@pytest.fixture(scope="module")
def one_chunk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("one-chunk"), pagefind_files, "CHUNK_BYTES",
                         lambda site: 10**12)


@pytest.fixture(scope="module")
def one_chunk(one_chunk_site: Path, serve_folder: Callable[[Path], str]) -> str:
    return serve_folder(one_chunk_site)


def test_the_guide_is_cut_into_many_chunks(example_site: Path, one_chunk_site: Path) -> None:
    (_, cut), = metas(example_site / "pagefind")
    (_, whole), = metas(one_chunk_site / "pagefind")
    assert len(whole[2]) == 1 and len(cut[2]) >= 10


@pytest.mark.parametrize("query", QUERIES)
def test_small_chunks_find_what_one_chunk_finds(page: Page, console_errors: list[str],
                                                base_url: str, one_chunk: str,
                                                query: str) -> None:
    whole = show(page, one_chunk, query)
    whole_status = status(page)
    cut = show(page, base_url, query)
    assert [c["href"] for c in cut] == [c["href"] for c in whole]  # the same ranking too
    assert status(page) == whole_status
    assert console_errors == []
