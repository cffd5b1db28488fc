"""serve plans again only the entry pages whose inputs changed (plan/replan.py): after each
random edit, the kept plan equals a plan made from scratch, page for page."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reisgids.build import Site, load_site
from reisgids.plan.replan import KeptPlan
from reisgids.preview import EntryMemo
from tests.integration.test_incremental import (
    add,
    delete,
    entries,
    mentioned,
    rename,
    retitle,
    tree,
)

NOW = date(2026, 11, 22)


def append(root: Path, rng: random.Random) -> None:
    """A paragraph with a link to another entry (a relative link, never broken)."""
    path, other = rng.choice(entries(root)), rng.choice(entries(root))
    rel = Path(*[".."] * (len(path.relative_to(root / "content").parts) - 1),
               other.relative_to(root / "content")).as_posix()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nNog een alinea {rng.randrange(10**6)}; zie [dit]({rel}).\n")


def _values(root: Path, field: str) -> list[str]:
    found: set[str] = set()
    for path in entries(root):
        for line in re.findall(rf"^{field}: \[(.*)\]$", path.read_text(encoding="utf-8"),
                               flags=re.MULTILINE):
            found |= {v.strip() for v in line.split(",") if v.strip()}
    return sorted(found)


def _swap_list(field: str) -> Callable[[Path, random.Random], None]:
    """An entry's themes or areas become others of the guide: the lists, theme and area
    pages that show it change, and the entries it now sits beside."""

    def swap(root: Path, rng: random.Random) -> None:
        values = _values(root, field)
        with_field = [p for p in entries(root)
                      if re.search(rf"^{field}: \[", p.read_text(encoding="utf-8"), re.M)]
        path = rng.choice(with_field)
        chosen = ", ".join(rng.sample(values, rng.randint(1, 2)))
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"^{field}: \[.*\]$", f"{field}: [{chosen}]", text, count=1,
                               flags=re.MULTILINE), encoding="utf-8")

    return swap


def cite_another(root: Path, rng: random.Random) -> None:
    """A lesson's source becomes another project: the backlinks and "lessons" sections of
    both projects change, though neither file does."""
    projects = sorted(p.stem for p in (root / "content/projects").glob("*.md"))
    lessons = [p for p in entries(root) if "lessons" in p.parts
               and "{project: " in p.read_text(encoding="utf-8")]
    path = rng.choice(lessons)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\{project: [\w-]+\}", f"{{project: {rng.choice(projects)}}}",
                           text, count=1), encoding="utf-8")


def retitle_compass(root: Path, rng: random.Random) -> None:
    """An agenda item or edition gets a new title: the pages that list a whole kind (every
    lesson shows the agenda it feeds) change."""
    frozen = (root / "content/compass/editions/2025.md").read_text(encoding="utf-8")
    path = rng.choice([p for p in entries(root) if "compass" in p.parts
                       and p.stem != "2025" and p.stem not in frozen])  # frozen: an error
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: Punt {rng.randrange(10**6)}", text,
                           count=1, flags=re.MULTILINE), encoding="utf-8")


def change_facet(root: Path, rng: random.Random) -> None:
    """A lesson's level becomes another: it moves between the filter pages of the lessons
    (and their pagination)."""
    path = rng.choice([p for p in entries(root) if "lessons" in p.parts])
    level = rng.choice(["interaction", "network", "institutional"])
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^level: \w+$", f"level: {level}", text, count=1,
                           flags=re.MULTILINE), encoding="utf-8")


def toggle_draft(root: Path, rng: random.Random) -> None:
    """An entry no other names becomes a draft, or is published again: the set of published
    entries changes, so every page is planned again."""
    path = rng.choice([p for p in entries(root) if "compass" not in p.parts
                       and not mentioned(root, p.stem, p)])
    text = path.read_text(encoding="utf-8")
    if "\ndraft: true\n" in text:
        path.write_text(text.replace("\ndraft: true\n", "\n", 1), encoding="utf-8")
    else:
        path.write_text(text.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")


def _load(root: Path, **kwargs: object) -> tuple[Site | None, list[str]]:
    site, report = load_site(root, now=NOW, **kwargs)  # type: ignore[arg-type]
    return site, [d.format("nl") for d in report.sorted()]


def test_a_kept_plan_is_the_plan_made_from_scratch_after_random_edits(
        copy_of_example: Callable[[], Path]) -> None:
    root = copy_of_example()
    rng = random.Random(5)
    kept, memo = KeptPlan(), EntryMemo()
    edits = [append, retitle, rename, delete, add, _swap_list("themes"), _swap_list("areas"),
             cite_another, cite_another, retitle_compass, toggle_draft, append, retitle,
             change_facet, change_facet]
    compared = partial = 0
    saved: dict[str, bytes] = {}
    for step in range(18):
        if step:
            saved = tree(root / "content")
            rng.choice(edits)(root, rng)
        site, problems = _load(root, kept=kept, read=memo)
        fresh, expected = _load(root)
        assert problems == expected
        if site is None or site.plan is None:  # an edit that broke the guide is undone
            shutil.rmtree(root / "content")
            for rel, data in saved.items():
                (root / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / "content" / rel).write_bytes(data)
            continue
        assert fresh is not None and fresh.plan is not None
        assert site.plan.pages == fresh.plan.pages  # every page, field by field
        assert kept.entries is not None
        compared += 1
        partial += step > 0 and kept.entries.planned < len(kept.entries.pages)
    assert compared >= 12
    assert partial >= 7  # most saves planned only some pages again


def test_an_edit_plans_again_only_what_shows_the_entry(
        copy_of_example: Callable[[], Path]) -> None:
    root = copy_of_example()
    kept, memo = KeptPlan(), EntryMemo()
    site, problems = _load(root, kept=kept, read=memo)
    assert problems == [] and site is not None and kept.entries is not None
    lesson = root / "content/lessons/aanbesteding-wist-lokale-afspraken.md"
    with lesson.open("a", encoding="utf-8") as handle:
        handle.write("\nNog een alinea.\n")
    site, problems = _load(root, kept=kept, read=memo)
    assert problems == [] and site is not None and kept.entries is not None
    reads = kept.entries.pages
    showing = {key for key, (_page, seen) in reads.items()
               if ("lesson", lesson.stem) in seen.keys}
    assert ("lesson", lesson.stem) in showing
    assert ("project", "sef-samen-een-in-feijenoord") in showing  # it cites the project
    assert kept.entries.planned == len(showing) < len(reads) // 4


def _groups(kept: KeptPlan) -> dict[str, tuple[object, ...]]:
    assert kept.groups is not None
    return {name: pages for name, (pages, _reads) in kept.groups.groups.items()}


def _save(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_lists_are_planned_again_only_when_what_they_show_changed(
        copy_of_example: Callable[[], Path]) -> None:
    """A body edit plans no list page again; a lesson whose new date moves it to the front
    of the lesson overview (the lessons before it shift across the pagination boundaries), a
    facet change that moves it to another filter page and a retitle that moves a project to
    the end of its overview plan again the lists that show them, not the others; each time
    the kept plan is the plan made from scratch."""
    root = copy_of_example()
    kept, memo = KeptPlan(), EntryMemo()
    site, problems = _load(root, kept=kept, read=memo)
    assert problems == [] and site is not None
    lesson = "content/lessons/aanbesteding-wist-lokale-afspraken.md"
    project = "content/projects/alliantie-doornakkers.md"
    edits = [(lesson, "## Wat we leerden\n", "## Wat we leerden\n\nNog een alinea.\n",
              set(), {"lessons", "atlas", "a-z", "home"}),
             (lesson, "date: 2013-01-15", "date: 2026-11-20", {"lessons"}, {"deals", "atlas"}),
             (lesson, "level: institutional", "level: interaction", {"lessons"},
              {"deals", "atlas"}),
             (project, "title: Alliantie Doornakkers", "title: Zuid Alliantie Doornakkers",
              {"atlas", "a-z"}, {"lessons", "publications"})]
    for rel, old, new, planned, kept_whole in edits:
        before = _groups(kept)
        _save(root, rel, old, new)
        site, problems = _load(root, kept=kept, read=memo)
        fresh, expected = _load(root)
        assert problems == expected == []
        assert site is not None and site.plan is not None
        assert fresh is not None and fresh.plan is not None
        assert site.plan.pages == fresh.plan.pages
        again = {name for name, pages in _groups(kept).items() if pages is not before[name]}
        assert planned <= again and not kept_whole & again, (rel, new, again)
    pages = {page.url: page for page in site.plan.pages}
    first = pages["/lessen/"].context.items[0]  # type: ignore[attr-defined]
    assert first.slug == "aanbesteding-wist-lokale-afspraken"
    assert "/lessen/niveau/interaction/" in pages
