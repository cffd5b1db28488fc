"""Incremental rebuilds (serve) and the build cache give the same bytes as a full build."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reisgids import pool
from reisgids.build import build, load_site
from reisgids.cache import BuildCache
from reisgids.preview import Preview

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
        """Up to the moment serve tells the browser to reload."""
        _site, report = self.preview.rebuild(NOW, search=search)
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
        copy_of_example: Callable[[], Path], tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
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
