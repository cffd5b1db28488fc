"""The diff of an edition with the previous one lists only real changes."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

ARROW = ' <span aria-hidden="true">→</span> <span class="visually-hidden">naar</span> '


def moves(page: str) -> dict[str, list[str]]:
    """Agenda item slug -> the statuses its move passes, from the 'Van status veranderd' list."""
    section = page.split("<h3>Van status veranderd</h3>", 1)[1].split("</ul>", 1)[0]
    found = {}
    for li in re.findall(r"<li>(.*?)</li>", section):
        slug = re.search(r'href="/kompas/agenda/([^/]+)/"', li)
        assert slug is not None
        text = li.split("</a>: ", 1)[1].split(' <span class="muted">')[0]
        found[slug[1]] = text.split(ARROW)
    return found


def test_the_concept_lists_real_moves_only(example_site: Path) -> None:
    page = (example_site / "kompas/2026/index.html").read_text(encoding="utf-8")
    found = moves(page)
    # the budget had a second monitoring check in 2026: progress, not a move
    assert "meerjarig-samenwerkingsbudget" not in found
    assert found == {
        "kleine-percelen-in-aanbesteding": ["Besloten (aangehouden)", "Geagendeerd",
                                            "Besloten (aangenomen)", "Teruggekoppeld"],
        "een-verantwoordingsmoment-per-deal": ["Gemonitord", "Geborgd"],
        "onafhankelijke-netwerkmanager": ["Geagendeerd", "Ingetrokken"],
    }
    for steps in found.values():
        assert all(a != b for a, b in pairwise(steps)), steps
