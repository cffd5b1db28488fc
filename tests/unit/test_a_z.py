"""The A–Z page: every published entry once, by title, accents and marks ignored."""

from __future__ import annotations

from datetime import date

from reisgids.build import load_site
from reisgids.plan.a_z import a_to_z, sort_title
from tests.conftest import SiteFactory


def test_sort_title_ignores_accents_case_and_leading_marks() -> None:
    assert sort_title("Één plek") == "een plek"
    assert sort_title("'s-Hertogenbosch") == "s-hertogenbosch"
    assert sorted(["beta", "Alfa", "Ängel"], key=sort_title) == ["Alfa", "Ängel", "beta"]


def test_every_published_entry_once_grouped_by_letter(make_site: SiteFactory) -> None:
    root = make_site({
        "content/pages/over.md": "---\ntitle: Over de gids\n---\n",
        "content/pages/een.md": "---\ntitle: Één loket\n---\n",
        "content/pages/jaar.md": "---\ntitle: 2026 in cijfers\n---\n",
        "content/pages/schets.md": "---\ntitle: Alvast\ndraft: true\n---\n",
    })
    site, report = load_site(root, now=date(2026, 11, 22))
    assert site is not None and not report.has_errors
    letters = a_to_z(site.graph)
    assert [(lt.letter, [r.title for r in lt.refs]) for lt in letters] == [
        ("E", ["Één loket"]), ("O", ["Over de gids"]), ("#", ["2026 in cijfers"])]
