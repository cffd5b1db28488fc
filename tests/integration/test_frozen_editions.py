"""Adopted editions are frozen: `reisgids compass freeze` stores a snapshot beside the
edition, the page renders from it, and `check` reports any edit that would change it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import NOW, REPO, run_cli

from reisgids.build import load_site
from reisgids.plan.compass_views import agenda_item_view
from reisgids.plan.edition_views import edition_view

SNAPSHOT = "content/compass/editions/2025.snapshot.yml"
PERCELEN = "content/compass/agenda/kleine-percelen-in-aanbesteding.md"
BUDGET = "content/compass/agenda/meerjarig-samenwerkingsbudget.md"
DIAGNOSTIC = re.compile(r"^(?P<path>.+?):(?P<line>\d+)(?::\d+)?: (?P<label>\S+) "
                        r"\[(?P<code>[a-z0-9-]+)\]"
                        r"(?: (?P<field>[\w.\[\]]+):)?")


def check(site: Path, *args: str) -> tuple[int, list[tuple[str, int, str, str]], str]:
    result = run_cli("check", str(site), "--now", NOW, *args)
    assert "Traceback" not in result.stderr, result.stderr
    found = [(m["path"], int(m["line"]), m["code"], m["field"] or "")
             for m in map(DIAGNOSTIC.match, result.stderr.splitlines()) if m]
    return result.returncode, found, result.stderr


def line_with(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_example_guide_freezes_its_adopted_2025_edition() -> None:
    text = (REPO / SNAPSHOT).read_text(encoding="utf-8")
    assert "edition: '2025'" in text and "adopted:" in text
    assert "slug: kleine-percelen-in-aanbesteding" in text
    assert "- date: 2026-" not in text  # no step after the period is frozen


def test_an_edit_to_a_history_entry_the_edition_covers_is_reported_at_its_line(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    path = site / PERCELEN
    line = line_with(path, "date: 2025-06-24")
    path.write_text(path.read_text().replace("date: 2025-06-24", "date: 2025-06-25"))
    code, found, stderr = check(site)
    assert code == 1
    assert (PERCELEN, line, "edition-frozen", "history[2]") in found, stderr
    assert "Reiskompas 2025" in stderr and "reisgids compass freeze 2025" in stderr


def test_removing_a_covered_entry_or_a_priority_is_reported(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    edition = site / "content/compass/editions/2025.md"
    text = edition.read_text()
    edition.write_text(text.replace("text: Respijtzorg dichtbij huis,", "text: Respijtzorg,"))
    code, found, _ = check(site)
    assert code == 1
    line = line_with(edition, "text: Respijtzorg,")
    assert (("content/compass/editions/2025.md", line - 1, "edition-frozen", "priorities[0]")
            in found)


def test_later_edits_leave_the_adopted_page_unchanged_and_the_concept_live(
        copy_of_example: Callable[[], Path], tmp_path: Path) -> None:
    site = copy_of_example()
    before = tmp_path / "before"
    assert run_cli("build", str(site), "--out", str(before), "--now", NOW,
                   "--no-search").returncode == 0
    path = site / BUDGET
    text = path.read_text()
    title = re.search(r"^title: (.+)$", text, re.M)
    assert title is not None
    # a new title and an edit of a step after 2025: allowed, and invisible in 2025
    text = text.replace(f"title: {title[1]}", "title: Een nieuwe titel voor het budget")
    path.write_text(text.replace("next_check: 2026-12-01", "next_check: 2026-12-15"))
    after = tmp_path / "after"
    result = run_cli("build", str(site), "--out", str(after), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    page = "kompas/2025/index.html"
    assert (before / page).read_bytes() == (after / page).read_bytes()
    assert title[1] in (after / page).read_text()
    assert "Een nieuwe titel voor het budget" in (after / "kompas/2026/index.html").read_text()
    assert "bevroren" in (after / page).read_text()


def test_an_adopted_edition_without_snapshot_says_how_to_make_one(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    (site / SNAPSHOT).unlink()
    code, found, stderr = check(site, "--strict")
    assert code == 1
    assert [f for f in found if f[2] == "edition-unfrozen"] == [
        ("content/compass/editions/2025.md", line_with(
            site / "content/compass/editions/2025.md", "adopted:"), "edition-unfrozen",
         "adopted")]
    assert "reisgids compass freeze 2025" in stderr


def test_freeze_writes_the_same_snapshot_and_refuses_a_concept(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    (site / SNAPSHOT).unlink()
    result = run_cli("compass", "freeze", "2025", str(site), "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert (site / SNAPSHOT).read_bytes() == (REPO / SNAPSHOT).read_bytes()
    concept = run_cli("compass", "freeze", "2026", str(site), "--now", NOW)
    assert concept.returncode == 1 and "concept" in concept.stderr
    assert not (site / "content/compass/editions/2026.snapshot.yml").exists()
    unknown = run_cli("compass", "freeze", "1999", str(site), "--now", NOW)
    assert unknown.returncode == 1 and "2025, 2026" in unknown.stderr


def test_a_broken_or_orphaned_snapshot_is_reported_at_its_line(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    path = site / SNAPSHOT
    text = path.read_text()
    path.write_text(text.replace("    status: monitoring", "    status: gemonitord", 1))
    orphan = site / "content/compass/editions/1999.snapshot.yml"
    orphan.write_text(text.replace("edition: '2025'", "edition: '1999'"))
    code, found, stderr = check(site)
    assert code == 1
    line = line_with(path, "status: gemonitord")
    assert any(f[:3] == (SNAPSHOT, line, "schema-enum") for f in found), stderr
    assert not [f for f in found if f[2] == "edition-unfrozen"]  # said once, at the cause
    assert ("content/compass/editions/1999.snapshot.yml", 1, "snapshot-orphan", "") in found


def test_even_a_covered_edit_leaves_the_adopted_edition_as_adopted(
        copy_of_example: Callable[[], Path]) -> None:
    """Removing the 2025 decision is reported, and the views still show the 2025 state."""
    site = copy_of_example()
    path = site / PERCELEN
    text = path.read_text(encoding="utf-8")
    start = text.index("  - date: 2025-06-24")
    end = text.index("  - date: 2026-01-27")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    loaded, report = load_site(site, now=date.fromisoformat(NOW))
    assert loaded is not None
    assert [d.code for d in report.items if d.is_error] == ["edition-frozen"]
    graph = loaded.graph
    edition = edition_view(graph, "2025", "")
    held = {ln.ref.slug: ln.status for g in edition.groups for ln in g.items}
    assert held["kleine-percelen-in-aanbesteding"] == "decided"
    item = agenda_item_view(graph, "kleine-percelen-in-aanbesteding")
    assert [(h.edition.slug, h.status_label) for h in item.held_in] == [
        ("2025", "Besloten"), ("2026", "Teruggekoppeld")]
    concept = edition_view(graph, "2026", "")  # live, but compared with 2025 as adopted
    assert concept.diff is not None
    move = next(m for m in concept.diff.moves if m.ref.slug == "kleine-percelen-in-aanbesteding")
    assert (move.before, move.after) == ("Besloten (aangehouden)", "Teruggekoppeld")


def test_an_edition_that_fails_to_load_is_not_reported_again_by_its_snapshot(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    edition = site / "content/compass/editions/2025.md"
    edition.write_text(edition.read_text().replace("\nadopted:", "\nadoptedx:"))
    code, found, stderr = check(site)
    assert code == 1
    assert [f[2] for f in found if f[0].startswith("content/compass/editions/")] == [
        "schema-extra-forbidden"], stderr


def test_changing_who_made_an_adopted_edition_is_reported(
        copy_of_example: Callable[[], Path]) -> None:
    site = copy_of_example()
    edition = site / "content/compass/editions/2025.md"
    edition.write_text(edition.read_text().replace("  - wmo-radar\n", ""))
    code, found, _ = check(site)
    assert code == 1
    assert ("content/compass/editions/2025.md", line_with(edition, "co_created_with:"),
            "edition-frozen", "co_created_with") in found
