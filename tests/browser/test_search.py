"""/zoeken/ in a real browser: Dutch stemming, facets, date sort, the header box, axe.

The example guide is built with search (`example_site`) and served over HTTP; every test
drives the page as a reader would and checks what it shows against the content graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from conftest import NOW, REPO, run_cli
from playwright.sync_api import Browser, Page, expect

from reisgids.build import Site, load_site
from reisgids.graph.content import Key
from reisgids.graph.routes import overview_url

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (query, entry, the form on its page): the query's stem equals the text's, but the query is
# neither on the page nor a prefix of a word there, so only stemming can find it.
STEM_PAIRS: list[tuple[str, Key, str]] = [
    ("gezondheidsvaardigheid", ("project", "topontmoetingen-sef"), "gezondheidsvaardigheden"),
    ("mogelijkheden", ("agenda-item", "meerjarig-samenwerkingsbudget"), "mogelijkheid"),
]
BROAD_QUERY = "samenwerking"  # hits many kinds in the example guide


@pytest.fixture(scope="module")
def guide() -> Site:
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None, [d.format() for d in report.sorted()]
    return site


# --- driving the page ---------------------------------------------------------------------

def searches(page: Page) -> int:
    return int(page.get_attribute("#search", "data-searches") or 0)


def searched(page: Page, action: Any) -> None:
    """Do something that starts a search, and wait until that search has finished."""
    before = searches(page)
    action()
    page.wait_for_function(
        "n => Number(document.getElementById('search').dataset.searches || 0) > n", arg=before)


def open_search(page: Page, query: str = "", extra: str = "") -> None:
    params = "&".join(p for p in (f"q={quote(query)}" if query else "", extra) if p)
    page.goto("/zoeken/" + (f"?{params}" if params else ""))
    page.wait_for_function(
        "() => Number(document.getElementById('search').dataset.searches || 0) >= 1")


def load_all(page: Page) -> None:
    more = page.locator("#search-more")
    while more.is_visible():
        shown = page.locator(".search-card").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.search-card').length > n",
                               arg=shown)


def cards(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.eval_on_selector_all(".search-card", """cards =>
        cards.map(c => ({kind: c.querySelector('.search-card-kind').textContent,
                         title: c.querySelector('h2 a').textContent,
                         href: c.querySelector('h2 a').getAttribute('href'),
                         date: c.querySelector('time')?.dateTime ?? null}))""")
    return found


def status(page: Page) -> str:
    return (page.text_content("#search-status") or "").strip()


def kind_box(page: Page, value: str) -> Any:
    group = page.get_by_role("group", name="Soort")
    return group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(value)} \(\d+\)$"))


def page_text(example_site: Path, guide: Site, key: Key) -> str:
    path = example_site / guide.graph.urls[key].strip("/") / "index.html"
    return path.read_text(encoding="utf-8").casefold()


# --- tests --------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "key", "form"), STEM_PAIRS)
def test_dutch_stemming_finds_another_form_of_the_word(
        page: Page, console_errors: list[str], example_site: Path, guide: Site,
        query: str, key: Key, form: str) -> None:
    text = page_text(example_site, guide, key)
    if form not in text:
        pytest.skip(f"'{form}' is not on the page of {key} (the theme does not show it)")
    assert query not in text  # no exact or prefix match can explain a hit
    assert not form.startswith(query)
    open_search(page, query)
    titles = [c["title"] for c in cards(page)]
    assert guide.graph.entries[key].data.title in titles
    assert re.fullmatch(rf"(1 resultaat|\d+ resultaten) voor ‘{query}’", status(page))
    assert console_errors == []


def test_kind_facet_alone_lists_every_lesson(page: Page, console_errors: list[str],
                                             guide: Site) -> None:
    lessons = sorted(guide.graph.entries[k].data.title for k in guide.graph.published
                     if k[0] == "lesson")
    open_search(page)
    assert status(page).startswith("Typ een zoekwoord")
    expect(kind_box(page, "Les")).to_have_accessible_name(f"Les ({len(lessons)})")
    searched(page, lambda: kind_box(page, "Les").check())
    load_all(page)
    found = cards(page)
    assert sorted(c["title"] for c in found) == lessons
    assert {c["kind"] for c in found} == {"Les"}
    assert status(page) == f"{len(lessons)} resultaten met deze filters"
    assert "soort=Les" in page.url
    assert console_errors == []


def test_kind_facet_narrows_a_query_to_its_lessons(page: Page,
                                                   console_errors: list[str]) -> None:
    open_search(page, BROAD_QUERY)
    load_all(page)
    everything = cards(page)
    lessons = sorted(c["title"] for c in everything if c["kind"] == "Les")
    assert 0 < len(lessons) < len(everything), "the query should hit lessons and more"
    expect(kind_box(page, "Les")).to_have_accessible_name(f"Les ({len(lessons)})")
    searched(page, lambda: kind_box(page, "Les").check())
    load_all(page)
    found = cards(page)
    assert sorted(c["title"] for c in found) == lessons
    assert status(page) == f"{len(lessons)} resultaten voor ‘{BROAD_QUERY}’"
    # a second kind widens the set again (any of the checked kinds)
    deals = [c["title"] for c in everything if c["kind"] == "Deal"]
    if deals:
        searched(page, lambda: kind_box(page, "Deal").check())
        load_all(page)
        assert len(cards(page)) == len(lessons) + len(deals)
    searched(page, lambda: page.get_by_role("button", name="Filters wissen").click())
    load_all(page)
    assert len(cards(page)) == len(everything)
    assert console_errors == []


def test_ten_cards_first_then_more_on_request(page: Page, console_errors: list[str]) -> None:
    """Each card loads a Pagefind fragment: the first screen shows ten (first-query bytes,
    docs/speed.md), "Meer resultaten" the next ten."""
    open_search(page, BROAD_QUERY)
    total = int(re.match(r"(\d+) resultaten", status(page)).group(1))  # type: ignore[union-attr]
    assert total > 20, "the query should have more than two batches"
    assert len(cards(page)) == 10
    more = page.locator("#search-more")
    expect(more).to_be_visible()
    more.click()
    page.wait_for_function("() => document.querySelectorAll('.search-card').length > 10")
    assert len(cards(page)) == 20
    load_all(page)
    assert len(cards(page)) == total
    expect(more).to_be_hidden()
    assert console_errors == []


def test_the_date_order_loads_only_when_a_reader_sorts(page: Page,
                                                      console_errors: list[str]) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_search(page, BROAD_QUERY)
    assert cards(page) and not [url for url in asked if url.endswith("/volgorde.json")]
    searched(page, lambda: page.get_by_label("Sorteren").select_option("datum"))
    searched(page, lambda: page.get_by_label("Sorteren").select_option(""))
    searched(page, lambda: page.get_by_label("Sorteren").select_option("datum"))
    assert len([url for url in asked if url.endswith("/pagefind/volgorde.json")]) == 1
    assert console_errors == []


def test_sort_by_date_puts_the_newest_first(page: Page, console_errors: list[str]) -> None:
    open_search(page, BROAD_QUERY)
    load_all(page)
    by_relevance = cards(page)
    searched(page, lambda: page.get_by_label("Sorteren").select_option("datum"))
    load_all(page)
    found = cards(page)
    assert sorted(c["href"] for c in found) == sorted(c["href"] for c in by_relevance)
    dates = [c["date"] for c in found]
    dated = [d for d in dates if d]
    assert len(dated) >= 5
    assert dated == sorted(dated, reverse=True)
    assert dates[:len(dated)] == dated  # entries without a date come last
    assert "sort=datum" in page.url
    assert console_errors == []


def test_the_header_box_on_any_page_searches(page: Page, console_errors: list[str]) -> None:
    page.goto("/a-z/")  # any page but home, which has one search box of its own
    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill("eenzaamheid")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=eenzaamheid$"))
    page.wait_for_function(
        "() => Number(document.getElementById('search').dataset.searches || 0) >= 1")
    expect(page.get_by_role("main").get_by_role("searchbox")).to_have_value("eenzaamheid")
    assert re.fullmatch(r"\d+ resultaten voor ‘eenzaamheid’", status(page)), status(page)
    assert len(cards(page)) > 0
    assert console_errors == []


def test_searching_updates_the_url(page: Page, console_errors: list[str]) -> None:
    open_search(page)
    box = page.get_by_role("main").get_by_role("searchbox")
    box.fill(BROAD_QUERY)
    searched(page, lambda: box.press("Enter"))
    assert page.url.endswith(f"/zoeken/?q={BROAD_QUERY}")
    searched(page, lambda: kind_box(page, "Les").check())
    assert page.url.endswith(f"/zoeken/?q={BROAD_QUERY}&soort=Les")
    page.reload()  # the URL alone brings the same state back
    page.wait_for_function(
        "() => Number(document.getElementById('search').dataset.searches || 0) >= 1")
    expect(kind_box(page, "Les")).to_be_checked()
    expect(box).to_have_value(BROAD_QUERY)
    assert {c["kind"] for c in cards(page)} == {"Les"}
    assert console_errors == []


def test_keyboard_alone_searches_and_filters(page: Page, console_errors: list[str]) -> None:
    open_search(page)
    box = page.get_by_role("main").get_by_role("searchbox")
    box.focus()
    page.keyboard.type("eenzaamheid")
    searched(page, lambda: page.keyboard.press("Enter"))
    assert len(cards(page)) > 0
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the skip link past the filters, shown while focused
    skip = page.get_by_role("link", name="Sla de filters over, naar de resultaten")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Tab")  # "Sorteren en filteren" (open beside the results)
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")  # the sort select
    assert page.evaluate("document.activeElement.id") == "search-sort"
    page.keyboard.press("Tab")  # the first visible facet value
    focused = page.evaluate("""() => { const e = document.activeElement;
        const s = getComputedStyle(e);
        return {type: e.type, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
    assert focused["type"] == "checkbox"
    assert focused["style"] != "none" and focused["width"] >= 2  # focus is visible
    searched(page, lambda: page.keyboard.press("Space"))
    assert page.evaluate("document.activeElement.checked") is True
    assert console_errors == []


@pytest.mark.parametrize("state", ["prompt", "results", "filtered", "none"])
def test_axe_finds_nothing(page: Page, console_errors: list[str], state: str) -> None:
    query = {"prompt": "", "results": "eenzaamheid", "filtered": BROAD_QUERY,
             "none": "qqxyzzyqq"}[state]
    open_search(page, query, "soort=Les" if state == "filtered" else "")
    if state in ("results", "filtered"):
        assert len(cards(page)) > 0
        load_all(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG},
                                       "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_snapshot()
    assert console_errors == []


def test_without_javascript_the_page_says_so_and_offers_the_overviews(
        browser: Browser, base_url: str, guide: Site) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("/zoeken/")
        # Chromium parses <noscript> as text when scripts are switched off by the test
        # driver (not by the reader), so read the message rather than look at it.
        assert "Zoeken werkt met JavaScript" in (page.locator("main noscript").text_content() or "")
        browse = page.get_by_role("navigation", name="Liever bladeren?")
        hrefs = browse.get_by_role("link").evaluate_all("links => links.map(a => a.pathname)")
        for kind in ("deal", "lesson", "project", "news"):
            assert overview_url(guide.config, kind) in hrefs
        expect(page.locator("#search-controls")).to_be_hidden()
    finally:
        context.close()


def test_on_a_phone_results_come_before_the_filters(page: Page,
                                                    console_errors: list[str]) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_search(page, "eenzaamheid")
    controls = page.locator("#search-controls")
    expect(controls).not_to_have_attribute("open", "")
    first = page.locator(".search-card").first
    assert first.is_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] < 844  # on the first screen, not below the facets
    page.get_by_text("Sorteren en filteren").click()
    expect(page.get_by_role("group", name="Soort")).to_be_visible()
    assert console_errors == []


def test_search_works_under_a_base_path(page: Page, console_errors: list[str],
                                        tmp_path_factory: pytest.TempPathFactory,
                                        serve_folder: Callable[[Path], str]) -> None:
    """Published under /gids/ (as on GitHub Pages): the bundle and the result links follow."""
    root = tmp_path_factory.mktemp("base-path")
    result = run_cli("build", str(REPO), "--out", str(root / "gids"), "--now", NOW,
                     "--base-url", "https://example.org/gids/")
    assert result.returncode == 0, result.stdout + result.stderr
    base = serve_folder(root)
    page.goto(f"{base}/gids/zoeken/?q=eenzaamheid")
    page.wait_for_function(
        "() => Number(document.getElementById('search').dataset.searches || 0) >= 1")
    found = cards(page)
    assert found and all(c["href"].startswith("/gids/") for c in found)
    page.click(".search-card h2 a >> nth=0")
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/gids/") and "zoeken" not in page.url
    assert page.title()  # a real page, not a 404
    assert console_errors == []


def test_the_skip_link_jumps_past_the_filters_to_the_results(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_search(page)
    skip = page.get_by_role("link", name="Sla de filters over, naar de resultaten")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "search-output"
    page.keyboard.press("Tab")  # from the results on, not back into the filters
    assert page.evaluate(
        "!document.getElementById('search-controls').contains(document.activeElement)")
