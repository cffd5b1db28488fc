"""history[].documents: the decision documents of a move, on the timeline and in the feed,
checked like other links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import NOW, REPO, run_cli

BUDGET = "content/compass/agenda/meerjarig-samenwerkingsbudget.md"
BESLUIT = "/static/documenten/collegebesluit-samenwerkingsbudget-2025-04-15.txt"


def test_the_timeline_links_the_documents_of_a_move(example_site: Path) -> None:
    page = (example_site / "kompas/agenda/meerjarig-samenwerkingsbudget/index.html"
            ).read_text(encoding="utf-8")
    step = re.search(r'<li id="stap-4".*?</li>\n', page, re.S)
    assert step is not None
    assert "<dt>Documenten</dt>" in step[0]
    assert (f'<a href="{BESLUIT}">Collegebesluit samenwerkingsbudget voor deals, 15 april 2025'
            in step[0])
    assert (example_site / BESLUIT.lstrip("/")).is_file()


def test_the_compass_feed_links_the_documents_absolutely(example_site: Path) -> None:
    feed = (example_site / "feeds/kompas.xml").read_text(encoding="utf-8")
    assert f"https://reisgids.example{BESLUIT}" in feed


def test_a_document_added_later_does_not_unfreeze_the_edition() -> None:
    """The 2025 decision gained its document after adoption; the frozen edition stays valid."""
    assert "documents:" in (REPO / BUDGET).read_text(encoding="utf-8")
    result = run_cli("check", str(REPO), "--now", NOW, "--strict")
    assert result.returncode == 0, result.stderr


def test_a_missing_file_is_reported_at_its_line(copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    path = site / BUDGET
    text = path.read_text(encoding="utf-8").replace(BESLUIT, "/static/documenten/weg.pdf")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "documenten/weg.pdf" in ln)
    result = run_cli("check", str(site), "--now", NOW)
    assert result.returncode == 1
    assert re.search(rf"^{BUDGET}:{line}(:\d+)?: fout \[document-missing\] "
                     r"history\[3\]\.documents\[0\]\.url:", result.stderr, re.M), result.stderr


def test_an_address_that_is_no_link_is_reported_at_its_line(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    path = site / BUDGET
    text = path.read_text(encoding="utf-8").replace(BESLUIT, "www.rotterdam.nl/besluit")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "www.rotterdam.nl" in ln)
    result = run_cli("check", str(site), "--now", NOW)
    assert result.returncode == 1
    assert re.search(rf"^{BUDGET}:{line}(:\d+)?: fout \[schema-url\] "
                     r"history\[3\]\.documents\[0\]\.url:", result.stderr, re.M), result.stderr
