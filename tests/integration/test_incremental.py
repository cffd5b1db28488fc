"""Incremental rebuilds (serve) and the build cache give the same bytes as a full build."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reisgids import output_budget, pool
from reisgids.build import build, load_site
from reisgids.cache import BuildCache
from reisgids.cache_open import open_cache
from reisgids.graph.content import ContentGraph, Key
from reisgids.index_process import IndexProcess
from reisgids.outfolder import MARKER, MARKER_TEXT
from reisgids.preview import Preview
from reisgids.render import outputs
from reisgids.search import INDEX_DIR
from reisgids.serve_watch import take_listing

NOW = date(2026, 11, 22)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def full_build(root: Path, out: Path, *, search: bool = False) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    site, report = load_site(root, now=NOW)
    if site is not None and not report.has_errors:
        report.extend(build(site, out, search=search).items)
    return [d.format("nl") for d in report.sorted()]


class Session:
    """What `reisgids serve` keeps between saves: its Preview, driven as serve drives it."""

    def __init__(self, root: Path, out: Path) -> None:
        self.root, self.out = root, out
        self.preview = Preview(root, out)
        self.cache: BuildCache = self.preview.cache
        self.entries = self.preview.entries

    def pages(self, *, search: bool = False) -> list[str]:
        """Up to the moment serve tells the browser to reload; discover and the link check
        read the folders from serve's scan, as in serve."""
        listing = take_listing(self.root, self.out)
        _site, report = self.preview.rebuild(NOW, search=search, listing=listing)
        return [d.format("nl") for d in report.sorted()]

    def rebuild(self, *, search: bool = False) -> list[str]:
        """And then what serve does in the background: the outputs besides pages (not the
        search index, unless asked)."""
        return self.pages(search=search) + self.rebuild_rest()

    def rebuild_rest(self) -> list[str]:
        if self.cache.pending is not None:
            self.preview.later.request(self.out, "nl")
            self.preview.later.wait(300)
            assert self.cache.pending is None
            return [d.format("nl") for d in self.preview.later.problems]
        return []


def rest_paths(cache: BuildCache, out: Path) -> set[str]:
    return cache.rest_paths.get(str(out.resolve()), set())


# --- random edits ---------------------------------------------------------------------------

def entries(root: Path) -> list[Path]:
    return sorted((root / "content").rglob("*.md"))


def mentioned(root: Path, slug: str, but: Path) -> bool:
    word = re.compile(rf"(?<![\w-]){re.escape(slug)}(?![\w-])")
    return any(word.search(p.read_text(encoding="utf-8")) for p in entries(root) if p != but)


def edit_body(root: Path, rng: random.Random) -> None:
    path = rng.choice(entries(root))
    other = rng.choice(entries(root))
    rel = Path(*[".."] * (len(path.relative_to(root / "content").parts) - 1),
               other.relative_to(root / "content")).as_posix()
    site_link = f"/{other.parent.name}/{other.stem}/"  # as copied from the browser; the
    # folder is not always the URL, so some of these links are broken (both builds agree)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nNog een alinea {rng.randrange(10**6)}; zie [dit]({rel}) en "
                     f"[de pagina]({site_link if rng.random() < 0.5 else '/a-z/'}).\n")


def retitle(root: Path, rng: random.Random) -> None:
    path = rng.choice(entries(root))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: Nieuwe titel {rng.randrange(10**6)}", text,
                           count=1, flags=re.MULTILINE), encoding="utf-8")


def rename(root: Path, rng: random.Random) -> None:
    """A file gets a new name, and every mention of its slug follows (as an editor would)."""
    path = rng.choice([p for p in entries(root) if "compass" not in p.parts])
    old, new = path.stem, f"{path.stem}-nieuw{rng.randrange(1000)}"
    word = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    path.rename(path.with_name(f"{new}.md"))
    for other in entries(root):
        text = other.read_text(encoding="utf-8")
        if word.search(text):
            other.write_text(word.sub(new, text), encoding="utf-8")


def delete(root: Path, rng: random.Random) -> None:
    loose = [p for p in entries(root) if "compass" not in p.parts
             and not mentioned(root, p.stem, p)]
    if loose:
        rng.choice(loose).unlink()


def add(root: Path, rng: random.Random) -> None:
    path = rng.choice([p for p in entries(root) if "compass" not in p.parts])
    new = path.with_name(f"{path.stem}-kopie{rng.randrange(1000)}.md")
    text = path.read_text(encoding="utf-8")
    new.write_text(re.sub(r"^title: .*$", f"title: Kopie {rng.randrange(10**6)}", text,
                          count=1, flags=re.MULTILINE), encoding="utf-8")


EDITS: list[Callable[[Path, random.Random], None]] = [edit_body, retitle, rename, delete, add]


def test_random_edits_rebuild_incrementally_to_the_bytes_of_a_full_build(
        copy_of_example: Callable[[], Path], tmp_path: Path) -> None:
    root = copy_of_example()
    rng = random.Random(12)
    session = Session(root, tmp_path / "live")
    assert session.rebuild() == full_build(root, tmp_path / "full")
    checked = rendered = deferred = 0
    for _ in range(7):
        for _ in range(rng.randint(1, 3)):
            rng.choice(EDITS)(root, rng)
        before = session.cache.rendered_pages
        old_rest = set(rest_paths(session.cache, session.out))
        visible = session.pages()
        full = full_build(root, tmp_path / "full")
        if not any("fout" in line for line in full):
            # when the browser reloads, every page is already as a full build has it; only
            # the feeds, open data, sitemap, PDFs and redirects may still be the old ones
            pending = session.cache.pending is not None
            shown, wanted = tree(session.out), tree(tmp_path / "full")
            new_rest = set(wanted) - set(shown) | old_rest if pending else set()
            assert {p: b for p, b in shown.items() if p not in new_rest} == \
                {p: b for p, b in wanted.items() if p not in new_rest}
            deferred += pending
        incremental = visible + session.rebuild_rest()
        assert incremental == full
        if not any("fout" in line for line in full):
            assert tree(session.out) == tree(tmp_path / "full")
            checked += 1
        rendered += session.cache.rendered_pages - before
    assert checked >= 4
    assert deferred >= 4  # and the outputs besides pages were made after the reload
    assert rendered < 7 * 341 // 2  # most pages were carried over, not rendered again
    assert session.entries.reads < 2 * 231  # files that did not change were not read again


def test_search_index_is_brought_up_to_date_in_the_background(
        copy_of_example: Callable[[], Path], tmp_path: Path) -> None:
    root = copy_of_example()
    session = Session(root, tmp_path / "live")
    assert session.rebuild(search=True) == []
    retitle(root, random.Random(3))
    assert session.pages(search=True) == []
    assert session.cache.index_stale  # the page is there; the index follows
    session.preview.after("nl")
    session.preview.later.wait(300)
    assert session.preview.later.index_problems == []
    assert not session.cache.index_stale
    full_build(root, tmp_path / "full", search=True)
    assert tree(session.out) == tree(tmp_path / "full")


def test_jobs_give_the_same_bytes_as_one_process(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_of_example()
    full_build(root, tmp_path / "one")
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)  # the example guide is below the threshold
    site, report = load_site(root, now=NOW, jobs=2)
    assert site is not None and not report.has_errors
    assert not build(site, tmp_path / "two", search=False, jobs=2).has_errors
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


def test_a_body_is_rendered_again_when_a_target_it_links_to_moves_or_is_unpublished(
        copy_of_example: Callable[[], Path], tmp_path: Path) -> None:
    """The lesson's own text does not change; what its links point at does."""
    root = copy_of_example()
    page = root / "content/pages/colofon.md"
    with page.open("a", encoding="utf-8") as handle:  # a link as a URL of the site only
        handle.write("\nZie ook [MOM](/partners/mom-tilburg/#wie-is-het).\n")
    session = Session(root, tmp_path / "live")
    assert session.rebuild() == []
    target = root / "content/partners/mom-tilburg.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    unpublished = session.rebuild()
    assert unpublished == full_build(root, tmp_path / "full")
    assert any("[link-unpublished]" in line and "een-vragenuur" in line for line in unpublished)
    target.write_text(text, encoding="utf-8")
    assert session.rebuild() == full_build(root, tmp_path / "full") == []
    assert tree(session.out) == tree(tmp_path / "full")
    target.rename(target.with_name("mom.md"))
    moved = session.rebuild()
    assert moved == full_build(root, tmp_path / "full")
    assert any("[link-broken]" in line and "een-vragenuur" in line for line in moved)
    assert any("[link-broken]" in line and "colofon" in line for line in moved)


def test_a_body_edit_makes_again_only_the_outputs_that_show_bodies(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_of_example()
    session = Session(root, tmp_path / "live")
    assert session.rebuild() == []
    made: list[str] = []
    for name in ("feed_files", "open_data_json_file", "open_data_csv_files", "sitemap_files",
                 "calendar_files", "compass_follow_files", "redirect_files"):
        make = getattr(outputs, name)

        def counted(*args: object, _name: str = name, _make: Any = make) -> Any:
            made.append(_name)
            return _make(*args)
        monkeypatch.setattr(outputs, name, counted)
    lesson = sorted((root / "content/lessons").glob("*.md"))[0]
    with lesson.open("a", encoding="utf-8") as handle:
        handle.write("\n\nEen alinea die alleen de tekst verandert.\n")
    assert session.rebuild() == []
    # the feeds show the HTML, the open data's JSON the Markdown; the sitemap, CSVs,
    # calendars, compass feeds and redirects show no body: carried as they were
    assert sorted(made) == ["feed_files", "open_data_json_file"]
    assert full_build(root, tmp_path / "full") == []
    assert tree(session.out) == tree(tmp_path / "full")


def test_a_save_while_the_outputs_are_made_stops_them_and_the_newest_state_is_made(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor saves again while the previous save's feeds are being made: that work
    gives way (nothing of it is written) and the next reload's work makes the newest."""
    root = copy_of_example()
    session = Session(root, tmp_path / "live")
    assert session.rebuild() == []
    made_feeds = outputs.feed_files
    lesson = sorted((root / "content/lessons").glob("*.md"))[0]

    def save(number: int) -> None:
        with lesson.open("a", encoding="utf-8") as handle:
            handle.write(f"\n\nAlinea {number} van de redacteur.\n")

    def feeds_then_a_save(graph: ContentGraph, html: Mapping[Key, str]) -> dict[str, bytes]:
        made = made_feeds(graph, html)
        save(2)  # the editor saves again; serve notices it:
        session.preview.later.give_way()
        return made

    monkeypatch.setattr(outputs, "feed_files", feeds_then_a_save)
    save(1)
    assert session.pages() == []
    before = tree(session.out)
    session.preview.later.request(session.out, "nl")
    session.preview.later.wait(300)
    assert session.preview.later.cancelled == 1
    assert session.cache.pending is not None  # not made: a newer save is coming
    assert tree(session.out) == before  # and nothing of it was written
    monkeypatch.undo()
    assert session.rebuild() == full_build(root, tmp_path / "full")
    assert tree(session.out) == tree(tmp_path / "full")


def test_pagefind_in_its_own_process_gives_way_to_a_newer_save(
        copy_of_example: Callable[[], Path], tmp_path: Path) -> None:
    root = copy_of_example()
    full_build(root, tmp_path / "site")  # pages without an index
    stopped = IndexProcess(tmp_path / "site", "nl", None)
    stopped.stop()
    assert stopped.result() is None
    shutil.rmtree(tmp_path / "site" / INDEX_DIR, ignore_errors=True)  # what it left
    done = IndexProcess(tmp_path / "site", "nl", None)
    assert done.result() == []
    assert (tmp_path / "site" / INDEX_DIR / "pagefind-entry.json").is_file()


def test_with_jobs_a_page_whose_template_fails_is_reported_as_with_one_process(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The outputs besides pages are made while the pool renders, from every page's path;
    the report (the failed pages, nothing twice, nothing lost) is the one process's."""
    root = copy_of_example()
    override = root / "themes/default/templates/page.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>{{ 1 // 0 }}</p>\n", encoding="utf-8")
    one = full_build(root, tmp_path / "one")
    assert any("template-error" in line for line in one)
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)
    site, report = load_site(root, now=NOW, jobs=2)
    assert site is not None and not report.has_errors
    report.extend(build(site, tmp_path / "two", search=False, jobs=2).items)
    assert [d.format("nl") for d in report.sorted()] == one


def test_with_jobs_the_workers_write_their_pages_and_what_did_not_change_is_linked(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's workers write the pages they render into the stage (stage_pages.py): the
    same bytes as one process, cold and after an edit, and a page whose bytes did not
    change is still the previous output's file, hard-linked (the same inode)."""
    root = copy_of_example()
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)
    out = tmp_path / "two"

    def cached_build() -> None:
        cache = open_cache(root)
        site, report = load_site(root, now=NOW, jobs=2, cache=cache)
        assert site is not None and not report.has_errors
        assert not build(site, out, search=False, jobs=2, cache=cache).has_errors

    cached_build()
    full_build(root, tmp_path / "one")
    assert tree(out) == tree(tmp_path / "one")
    before = {p: (out / p).stat().st_ino for p in tree(out) if p.endswith(".html")}
    page = root / "content/pages/colofon.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    old = tree(out)
    cached_build()
    full_build(root, tmp_path / "one")
    new = tree(out)
    assert new == tree(tmp_path / "one")
    same = [p for p in before if new.get(p) == old[p]]
    assert "colofon/index.html" not in same and len(same) > len(before) // 2
    assert [p for p in same if (out / p).stat().st_ino != before[p]] == []


def test_with_jobs_pages_over_the_budget_leave_the_previous_output(
        copy_of_example: Callable[[], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers write into a stage made before rendering; when the pages outgrow the
    output budget the report is one process's, and the stage goes (nothing swapped in)."""
    root = copy_of_example()
    monkeypatch.setattr(output_budget, "FLOOR", 400_000)
    monkeypatch.setattr(output_budget, "FACTOR", 0)
    reports = []
    for jobs, name in ((1, "one"), (2, "two")):
        monkeypatch.setattr(pool, "MIN_ITEMS", 1)
        out = tmp_path / name
        out.mkdir()
        (out / MARKER).write_bytes(MARKER_TEXT)
        (out / "index.html").write_text("de vorige build\n", encoding="utf-8")
        site, report = load_site(root, now=NOW, jobs=jobs)
        assert site is not None and not report.has_errors
        report.extend(build(site, out, search=False, jobs=jobs).items)
        reports.append([d.format("nl") for d in report.sorted()])
        assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"de vorige build\n"}
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["one", "two"][:jobs]), "no staging folder is left behind"
    assert reports[0] == reports[1]
    assert len(reports[0]) == 1 and "output-too-large" in reports[0][0]
