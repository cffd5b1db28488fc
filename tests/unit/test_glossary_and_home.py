"""The citizen-first home page (one search box; wijken, themes and who helps first; the
cycle's jargon linked once to the glossary) and the glossary /begrippen/, built for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import NOW, SiteFactory, run_cli
from outputs_support import basic_site

from reisgids.model.vocab import VOCABS


@pytest.fixture
def built(make_site: SiteFactory, tmp_path: Path) -> Path:
    root = basic_site(make_site)
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_the_home_page_has_one_search_box_and_puts_what_citizens_seek_first(
        built: Path) -> None:
    home = (built / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<input[^>]+type="search"', home)) == 1
    find, cycle = home.index('id="find-h"'), home.index('id="cycle-h"')
    assert find < cycle
    assert 'href="/gids/wijken/middenwijk/">Middenwijk</a>' in home[find:cycle]
    assert 'href="/gids/themas/eenzaamheid/">Eenzaamheid</a>' in home[find:cycle]
    assert 'href="/gids/partners/"' in home[find:cycle]
    for term in ("deal", "partner-in-residence", "schouw", "kompas"):
        assert f'href="/gids/begrippen/#{term}"' in home[cycle:]
    # other pages keep the search box in their header
    deal = (built / "deals/samen-eten/index.html").read_text(encoding="utf-8")
    assert 'id="q-header"' in deal and 'href="/gids/begrippen/">Begrippen</a>' in deal


def test_the_glossary_explains_each_term_once_and_lists_the_vocabularies(built: Path) -> None:
    page = (built / "begrippen/index.html").read_text(encoding="utf-8")
    for term in ("deal", "partner-in-residence", "schouw", "kompas", "agendapunt", "wijk"):
        assert page.count(f'<div id="{term}">') == 1, term
    for nl, _ in VOCABS["agenda.status"].values():
        assert f'<span class="chip">{nl}</span>' in page
    for nl, _ in VOCABS["deal.phase"].values():
        assert f'<span class="chip">{nl}</span>' in page
    assert 'href="/gids/themas/informele-zorg/">Informele zorg</a>' in page


def test_an_entry_cannot_take_the_glossary_url(make_site: SiteFactory) -> None:
    root = basic_site(make_site, {"content/pages/begrippen.md": "---\ntitle: Begrippen\n---\n"})
    result = run_cli("check", str(root), "--now", NOW)
    assert result.returncode == 1
    assert "[url-reserved]" in result.stdout + result.stderr
