"""The status overview of an edition: counts per status and theme, drawn as SVG at build
time, with a table holding the same numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from reisgids.compass.editions import ItemStatus
from reisgids.model.compass import HistoryEntry
from reisgids.plan.status_overview import status_overview

SVG = "{http://www.w3.org/2000/svg}"


def status(slug: str, name: str) -> ItemStatus:
    extra = {"decided": {"decision": "adopted", "note": "Ja."}}.get(name, {})
    entry = HistoryEntry.model_validate({"date": "2025-05-01", "status": name,
                                         "forum": "college", **extra})
    return ItemStatus(slug, entry, False)


def test_counts_per_theme_and_status_with_totals() -> None:
    statuses = [status("a", "monitoring"), status("b", "monitoring"), status("c", "decided"),
                status("d", "on-agenda")]
    themes = {"a": ["zorg", "werk"], "b": ["zorg"], "c": [], "d": ["werk"]}
    ov = status_overview(statuses, themes, {"zorg": "Zorg", "werk": "Werk"},
                         {"monitoring": "Gemonitord", "decided": "Besloten",
                          "on-agenda": "Geagendeerd"}, "Zonder thema", "Alle thema's")
    assert [c.status for c in ov.columns] == ["on-agenda", "decided", "monitoring"]
    table = {r.label: [c.count for c in r.cells] for r in ov.rows}
    assert table == {"Werk": [1, 0, 1], "Zorg": [0, 0, 2], "Zonder thema": [0, 1, 0],
                     "Alle thema's": [1, 1, 2]}  # 'a' counts under both themes, once in all
    assert ov.total == 4 and ov.rows[-1].total == 4
    again = status_overview(statuses, themes, {"zorg": "Zorg", "werk": "Werk"}, {}, "-", "+")
    assert [r.theme for r in again.rows] == [r.theme for r in ov.rows]


def test_the_edition_page_draws_an_accessible_svg_and_a_table(example_site: Path) -> None:
    page = (example_site / "kompas/2025/index.html").read_text(encoding="utf-8")
    match = re.search(r"<svg viewBox[^>]*>.*?</svg>", page, re.S)
    assert match is not None
    svg = ET.fromstring(match[0])
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and svg.get("aria-labelledby") == title.get("id")
    assert desc is not None and svg.get("aria-describedby") == desc.get("id")
    assert "5 agendapunten" in (desc.text or "")
    assert not [e for e in svg.iter() if e.tag.endswith("script") or "style" in e.attrib
                or any(a.startswith("on") for a in e.attrib)]  # nothing the CSP refuses
    counts = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ov-count"]
    assert counts and all(c and c.isdigit() for c in counts)
    table = re.search(r'<table class="ov-table">.*?</table>', page, re.S)
    assert table is not None and "<caption" in table[0] and 'scope="row"' in table[0]
    heads = re.findall(r'<th scope="col">([^<]+)</th>', table[0])
    assert heads == ["Thema", "Geagendeerd", "Besloten", "Teruggekoppeld", "Gemonitord"]
    total_row = re.search(r'<tr class="ov-total"><th scope="row">[^<]+</th>(.*?)</tr>',
                          table[0])
    assert total_row is not None
    assert sum(int(n) for n in re.findall(r"<td>(\d+)</td>", total_row[1])) == 5
