"""Nothing shifts while a page loads on a phone (Cumulative Layout Shift < 0.1).

Each page type Lighthouse is asked about (home, a deal, a lesson, an edition, search, an
area) is opened at 390 px with every script held back for a moment, as on a slow phone
connection: the first paint then happens before any script runs, so a layout that a script
changes (a menu folded by JavaScript, an image without width and height) shows up as
layout-shift entries. The entries are read with a buffered PerformanceObserver, as
Lighthouse reads them.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Route

pytestmark = pytest.mark.browser

PAGE_TYPES = ("home", "detail-deal", "detail-lesson", "detail-compass-edition", "search",
              "detail-area")
SCRIPT_DELAY = 0.6  # seconds: long enough that chromium paints before the scripts arrive
CLS_LIMIT = 0.1  # Lighthouse's "good" threshold

LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({value: entry.value, sources: (entry.sources || []).map(s => {
        const node = s.node;
        if (!node || !node.tagName) return '?';
        const cls = typeof node.className === 'string' && node.className
          ? '.' + node.className.trim().split(/\\s+/).join('.') : '';
        return node.tagName.toLowerCase() + cls;
      })});
    }
  }).observe({type: 'layout-shift', buffered: true});
  // two frames: every shift of the load has been reported by then
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)));
})"""


def held_back(route: Route) -> None:
    time.sleep(SCRIPT_DELAY)
    route.continue_()


@pytest.mark.parametrize("measured", PAGE_TYPES)
def test_no_layout_shift_on_a_phone(browser: Browser, base_url: str, example_site: Path,
                                    page_type_urls: dict[str, str], measured: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    try:
        page = context.new_page()
        page.route("**/*.js", held_back)
        page.goto(page_type_urls[measured], wait_until="load")
        painted = page.evaluate(
            "performance.getEntriesByType('paint').map(e => e.name)")
        assert "first-paint" in painted, "the page never painted"
        shifts: list[dict[str, Any]] = page.evaluate(LAYOUT_SHIFTS)
    finally:
        context.close()
    total = sum(s["value"] for s in shifts)
    assert total < CLS_LIMIT, (
        f"{page_type_urls[measured]} shifts on load: CLS {total:.3f} from "
        + "; ".join(f"{s['value']:.3f} ({', '.join(s['sources'])})" for s in shifts))


def test_without_javascript_the_phone_menu_stays_open(browser: Browser, base_url: str,
                                                      example_site: Path) -> None:
    """The CSS folds the menu before any script; with scripts off nothing could unfold it,
    so the <noscript> stylesheet keeps it open and hides the button that would not work."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url,
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/", wait_until="load")
        nav = page.locator(".main-nav")
        assert nav.locator(".menu-toggle").is_hidden()
        assert nav.locator(".nav-groups a").first.is_visible()
    finally:
        context.close()
