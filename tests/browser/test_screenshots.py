"""Screenshots of every page type at phone and desktop width, kept as test artefacts.

Each page type of the example guide is opened at phone (390×844) and desktop (1280×900)
width and photographed (the whole page, cut off at ARTEFACT_HEIGHT CSS px) into
tests/artifacts/screenshots/<viewport>/<page type>.png (git-ignored; CI uploads the folder),
so a reviewer can look at every template without building the site.

The README's screenshots in docs/screenshots/ are only (re)written when
REISGIDS_UPDATE_SCREENSHOTS=1 is set:

    REISGIDS_UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/browser/test_screenshots.py -k readme
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import REPO
from playwright.sync_api import Page, expect

from reisgids.build import Site

if TYPE_CHECKING:
    from browser.conftest import Tab

pytestmark = pytest.mark.browser

ARTEFACTS = REPO / "tests" / "artifacts" / "screenshots"
ARTEFACT_HEIGHT = 2400  # CSS px: enough to see a page's structure, quick to encode
README_SHOTS = REPO / "docs" / "screenshots"
README_HEIGHT = 1600
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_BYTES = 8_000  # a blank page of this size compresses to far less


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk; fails unless `data` starts as a PNG does."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG file"
    assert data[12:16] == b"IHDR", "a PNG starts with its IHDR chunk"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def photograph(page: Page, path: Path, max_height: int) -> bytes:
    """The page from the top, full width, at most `max_height` CSS px tall, saved to path."""
    expect(page.locator("h1")).to_be_visible()
    # rendered with the theme's stylesheet, not as bare HTML
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
    width, height = page.evaluate(
        "[document.documentElement.clientWidth, document.documentElement.scrollHeight]")
    path.parent.mkdir(parents=True, exist_ok=True)
    return page.screenshot(path=path, full_page=True, animations="disabled", caret="hide",
                           clip={"x": 0, "y": 0, "width": width,
                                 "height": min(height, max_height)})


def check_png(path: Path, data: bytes, width: int, max_height: int) -> None:
    assert path.read_bytes() == data
    assert len(data) > MIN_BYTES, f"{path} is {len(data)} bytes: a blank page?"
    shot_width, shot_height = png_size(data)
    assert shot_width == width, f"{path} is {shot_width} px wide, expected {width}"
    assert 0 < shot_height <= max_height


def test_every_page_type_is_photographed(tabs: dict[str, Tab], page_type_urls: dict[str, str],
                                         page_type: str) -> None:
    url = page_type_urls[page_type]
    for name, tab in tabs.items():
        assert tab.open(url) == 200, url
        path = ARTEFACTS / name / f"{page_type}.png"
        data = photograph(tab.page, path, ARTEFACT_HEIGHT)
        width = tab.page.viewport_size["width"] if tab.page.viewport_size else 0
        check_png(path, data, width, ARTEFACT_HEIGHT)
        assert tab.errors == [], f"{url} at {name} width: {tab.errors}"


@pytest.mark.skipif(os.environ.get("REISGIDS_UPDATE_SCREENSHOTS") != "1",
                    reason="docs/screenshots/ is only rewritten with REISGIDS_UPDATE_SCREENSHOTS=1")
def test_readme_screenshots(tabs: dict[str, Tab], example_guide: Site) -> None:
    """docs/screenshots/home.png and kompas-editie.png: the home page and the newest compass
    edition at desktop width (1280 px), cut off at README_HEIGHT."""
    graph = example_guide.graph
    newest = max(graph.of_kind("compass-edition"), key=lambda e: e.data.period.end)
    tab = tabs["desktop"]
    for name, url in (("home.png", "/"), ("kompas-editie.png", graph.urls[newest.key])):
        assert tab.open(url) == 200, url
        path = README_SHOTS / name
        data = photograph(tab.page, path, README_HEIGHT)
        check_png(path, data, 1280, README_HEIGHT)
