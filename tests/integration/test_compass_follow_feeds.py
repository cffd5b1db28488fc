"""Atom feeds to follow one agenda item, one theme or one wijk: one entry per status move,
deterministic, announced with <link rel="alternate"> by the page they follow."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://reisgids.example"
AGENDA = REPO / "content/compass/agenda"


def entries(feed: Path) -> list[ET.Element]:
    return ET.parse(feed).getroot().findall(f"{ATOM}entry")


def history_dates(slug: str) -> list[str]:
    text = (AGENDA / f"{slug}.md").read_text(encoding="utf-8").split("---")[1]
    return re.findall(r"^  - date: (\S+)$", text, re.M)


def items_with(field: str, value: str) -> list[str]:
    found = []
    for path in sorted(AGENDA.glob("*.md")):
        match = re.search(rf"^{field}: \[(.*)\]$", path.read_text(encoding="utf-8"), re.M)
        if match and value in [v.strip() for v in match[1].split(",")]:
            found.append(path.stem)
    return found


def test_an_agenda_item_feed_has_one_entry_per_step_newest_first(example_site: Path) -> None:
    slug = "kleine-percelen-in-aanbesteding"
    feed = example_site / f"feeds/kompas/agenda/{slug}.xml"
    root = ET.parse(feed).getroot()
    found = entries(feed)
    dates = history_dates(slug)
    assert len(found) == len(dates) == 6
    page = f"{BASE}/kompas/agenda/{slug}/"
    assert [e.findtext(f"{ATOM}id") for e in found] == [
        f"{page}#stap-{n}" for n in range(len(dates), 0, -1)]
    published = [e.findtext(f"{ATOM}published") or "" for e in found]
    assert published == sorted(published, reverse=True)
    assert root.findtext(f"{ATOM}updated") == published[0]  # the newest move, not the clock
    links = {ln.get("rel"): ln.get("href") for ln in root.findall(f"{ATOM}link")}
    assert links == {"self": f"{BASE}/feeds/kompas/agenda/{slug}.xml", "alternate": page}
    raadsbesluit = found[1].findtext(f"{ATOM}content") or ""
    assert f"{BASE}/static/documenten/raadsbesluit-kleine-percelen-2026-05-19.txt" in raadsbesluit


def test_a_theme_and_a_wijk_feed_hold_the_moves_of_their_items(example_site: Path) -> None:
    wonen = items_with("themes", "wonen")
    assert wonen == ["huurnorm-maatschappelijk-vastgoed"]
    theme = entries(example_site / "feeds/kompas/thema/informele-zorg.xml")
    expected = sum(len(history_dates(s)) for s in items_with("themes", "informele-zorg"))
    assert len(theme) == expected > 10
    wijk = entries(example_site / "feeds/kompas/wijk/bloemhof.xml")
    assert items_with("areas", "bloemhof") == wonen
    assert {e.findtext(f"{ATOM}id", "").split("#")[0] for e in wijk} == {
        f"{BASE}/kompas/agenda/huurnorm-maatschappelijk-vastgoed/"}
    assert len(wijk) == len(history_dates("huurnorm-maatschappelijk-vastgoed"))


def test_pages_announce_the_feed_that_follows_them(example_site: Path) -> None:
    for page, feed in (
            ("kompas/agenda/een-gezicht-per-deal/index.html",
             "/feeds/kompas/agenda/een-gezicht-per-deal.xml"),
            ("themas/wonen/index.html", "/feeds/kompas/thema/wonen.xml"),
            ("wijken/feijenoord/index.html", "/feeds/kompas/wijk/feijenoord.xml")):
        html = (example_site / page).read_text(encoding="utf-8")
        assert ('<link rel="alternate" type="application/atom+xml" title="Volg '
                in html), page
        assert f'href="{feed}"' in html and (example_site / feed.lstrip("/")).is_file()
    quiet = (example_site / "wijken/middelland/index.html").read_text(encoding="utf-8")
    assert "/feeds/kompas/wijk/" not in quiet  # no agenda item lies in Middelland
    assert not (example_site / "feeds/kompas/wijk/middelland.xml").exists()
    item = (example_site / "kompas/agenda/een-gezicht-per-deal/index.html").read_text()
    assert 'class="feed-link"><a href="/feeds/kompas/agenda/een-gezicht-per-deal.xml"' in item


def test_feeds_stay_out_of_the_sitemap_like_the_other_feeds(example_site: Path) -> None:
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/feeds/" not in sitemap
