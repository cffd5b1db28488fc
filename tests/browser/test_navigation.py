"""Finding your way by clicking, and by keyboard alone.

A reader walks the cycle of the example guide the way the guide means it to be walked:
home → Deals → a deal → one of its partners → a lesson from that partner's deals → the
agenda item the lesson fed → the compass edition that holds the item. Links are found by
their role and accessible name, as a screen reader user would find them; every page of the
walk has the right URL and h1 and no console error.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import REPO
from playwright.sync_api import Locator, Page, expect

from reisgids.build import Site
from reisgids.graph.content import Key, Link

pytestmark = pytest.mark.browser

NL = yaml.safe_load(
    (REPO / "reisgids/themes/default/i18n/nl.yml").read_text(encoding="utf-8"))

# The walk through the example content: (key, the field that ties it to the step before).
DEAL: Key = ("deal", "eerlijk-werk-roffabriek")
PARTNER: Key = ("partner", "wmo-radar")
LESSON: Key = ("lesson", "vooraf-bekende-prijzen-voor-kleine-ondernemingen")
AGENDA_ITEM: Key = ("agenda-item", "kleine-percelen-in-aanbesteding")
EDITION: Key = ("compass-edition", "2026")


def title(guide: Site, key: Key) -> str:
    entry = guide.graph.get(key)
    assert entry is not None and guide.graph.is_published(key), key
    text: str = entry.data.title
    return text


def follow(page: Page, name: str, within: Locator | None = None) -> None:
    """Click the first visible link with exactly this accessible name."""
    links = (within or page).get_by_role("link", name=name, exact=True)
    expect(links.first).to_be_visible()
    links.first.click()


def arrived(page: Page, base_url: str, url: str, h1: str) -> None:
    expect(page).to_have_url(base_url + url)
    expect(page.get_by_role("heading", level=1)).to_have_text(h1)


def test_the_walk_exists_in_the_content(example_guide: Site) -> None:
    """The chain below is real: the deal has the partner, the lesson comes from the deal,
    the agenda item rests on the lesson and the edition reports on the item."""
    links = set(example_guide.graph.links)
    assert Link(DEAL, "partners", PARTNER) in links
    assert Link(LESSON, "sources", DEAL) in links
    assert Link(AGENDA_ITEM, "lessons", LESSON) in links
    assert example_guide.graph.is_published(EDITION)


def test_from_home_to_a_compass_edition_by_clicking(
        page: Page, base_url: str, console_errors: list[str], example_guide: Site) -> None:
    urls = example_guide.graph.urls
    page.goto("/")
    arrived(page, base_url, "/", example_guide.config.title)

    follow(page, "Deals", within=page.get_by_role("navigation", name=NL["nav.main"]))
    arrived(page, base_url, "/deals/", "Deals")

    follow(page, title(example_guide, DEAL), within=page.get_by_role("main"))
    arrived(page, base_url, urls[DEAL], title(example_guide, DEAL))

    # the partner from the table of partners and what each brings in
    follow(page, title(example_guide, PARTNER), within=page.get_by_role("table"))
    arrived(page, base_url, urls[PARTNER], title(example_guide, PARTNER))

    follow(page, title(example_guide, LESSON), within=page.get_by_role("main"))
    arrived(page, base_url, urls[LESSON], title(example_guide, LESSON))

    follow(page, title(example_guide, AGENDA_ITEM), within=page.get_by_role("main"))
    arrived(page, base_url, urls[AGENDA_ITEM], title(example_guide, AGENDA_ITEM))

    follow(page, title(example_guide, EDITION), within=page.get_by_role("main"))
    arrived(page, base_url, urls[EDITION], title(example_guide, EDITION))
    # the edition holds the item we came from
    expect(page.get_by_role("main").get_by_role(
        "link", name=title(example_guide, AGENDA_ITEM), exact=True).first).to_be_visible()

    # and the breadcrumbs lead back up
    crumbs = page.get_by_role("navigation", name=NL["nav.breadcrumbs"])
    follow(page, "Home", within=crumbs)
    arrived(page, base_url, "/", example_guide.config.title)
    assert console_errors == []


@pytest.mark.parametrize("query", ["mantelzorg", "één gezicht"])
def test_the_header_search_form_submits_to_the_search_page(
        page: Page, base_url: str, console_errors: list[str], example_guide: Site,
        query: str) -> None:
    page.goto(example_guide.graph.urls[DEAL])
    box = page.get_by_role("banner").get_by_role("searchbox", name=NL["search.label"])
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(f"{base_url}/zoeken/?*")
    address = urlsplit(page.url)
    assert address.path == "/zoeken/"
    assert parse_qs(address.query) == {"q": [query]}
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    assert console_errors == []


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
        page: Page, base_url: str, console_errors: list[str], example_guide: Site) -> None:
    url = example_guide.graph.urls[DEAL]
    page.goto(url)
    skip = page.get_by_role("link", name=NL["nav.skip"], exact=True)
    expect(skip).not_to_be_in_viewport()  # out of sight until it is needed
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    assert page.url == f"{base_url}{url}#inhoud"
    # the next Tab goes on inside main, past the header and the menu
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert console_errors == []


def tab_until(page: Page, target: Locator, limit: int) -> list[str]:
    """Press Tab until `target` has focus; the names of the stops on the way."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(
            "(document.activeElement.textContent || document.activeElement.name || '').trim()"))
        if target.evaluate("el => el === document.activeElement"):
            return stops
    raise AssertionError(f"{limit} Tabs did not reach the menu; stops: {stops}")


def test_tab_reaches_the_main_menu_on_a_desktop(
        page: Page, console_errors: list[str]) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    menu = page.get_by_role("navigation", name=NL["nav.main"])
    first = menu.get_by_role("link").first
    # skip link, brand, search box, search button, then the menu
    stops = tab_until(page, first, limit=8)
    assert stops[0] == NL["nav.skip"]
    assert len(stops) <= 5, stops
    expect(first).to_be_focused()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link").nth(1)).to_be_focused()
    assert console_errors == []


def test_on_a_phone_the_menu_opens_and_closes_by_keyboard(
        page: Page, console_errors: list[str]) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    menu = page.get_by_role("navigation", name=NL["nav.main"])
    button = menu.get_by_role("button", name=NL["nav.menu"])
    expect(menu.get_by_role("link").first).to_be_hidden()  # folded behind the button
    tab_until(page, button, limit=8)
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    first = menu.get_by_role("link").first
    expect(first).to_be_visible()
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(first).to_be_hidden()
    assert console_errors == []
