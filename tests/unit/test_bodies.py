"""Bodies are converted once; only link targets with #anchors get their headings first."""

from __future__ import annotations

from datetime import date

from reisgids.build import load_site
from reisgids.markdown import anchor_targets
from tests.conftest import SiteFactory

PAGES = {
    "content/pages/doel.md": "---\ntitle: Doel\n---\n## Wat we leerden\n\nTekst.\n",
    "content/pages/bron.md": ("---\ntitle: Bron\n---\n"
                              "[goed](doel.md#wat-we-leerden)\n\n"
                              "[fout](doel.md#wat-we-leerde)\n"),
    "content/pages/los.md": "---\ntitle: Los\n---\n## Kop\n\n[zonder anker](doel.md)\n",
}


def test_only_anchored_link_targets_are_prepared(make_site: SiteFactory) -> None:
    site, _ = load_site(make_site(PAGES), now=date(2026, 11, 22))
    assert site is not None
    assert anchor_targets(site.graph.entries) == {("page", "doel")}


def test_anchors_on_other_pages_are_checked_with_their_line(make_site: SiteFactory) -> None:
    site, report = load_site(make_site(PAGES), now=date(2026, 11, 22))
    assert site is not None
    assert [(d.location.path, d.location.line, d.code) for d in report.sorted()] == [
        ("content/pages/bron.md", 6, "link-anchor")]
    html = site.bodies[("page", "bron")].html
    assert 'href="/gids/doel/#wat-we-leerden"' in html


def test_one_broken_file_gives_one_error_not_one_per_reference(make_site: SiteFactory) -> None:
    """A deal with a typo still exists: references and links to it are not 'missing'."""
    root = make_site({
        "content/deals/buurt.md": ("---\ntitle: Buurt\nsummary: s\ngoal: g\n"
                                   "phase: uitvoerng\n---\n"),
        "content/news/nieuws.md": ("---\ntitle: Nieuws\ndate: 2026-01-05\n"
                                   "related:\n  - deal: buurt\n---\n"
                                   "Zie [de deal](../deals/buurt.md).\n"),
    })
    _, report = load_site(root, now=date(2026, 11, 22))
    assert [(d.location.path, d.location.line, d.code) for d in report.sorted()] == [
        ("content/deals/buurt.md", 5, "schema-enum")]
