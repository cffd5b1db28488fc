"""serve reads the site's folders once per save: discover and the symbolic-link check run
off the listing of serve's own scan (source/listing.py) and must find exactly what a fresh
discover / find_links finds."""

from __future__ import annotations

import os
from pathlib import Path

from reisgids.errors import Diagnostic
from reisgids.preview import EntryMemo
from reisgids.serve_watch import take_listing
from reisgids.source.discover import discover
from reisgids.source.links import find_links

PAGE = "---\ntitle: X\n---\n"


def messy_site(tmp_path: Path) -> tuple[Path, Path]:
    """Good files beside everything discover and the link check report."""
    root = tmp_path / "site"
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(PAGE, encoding="utf-8")
    for rel in ("content/deals/een-deal.md", "content/deals/twee.md",
                "content/lessons/les.md", "content/compass/editions/2026.md",
                "content/compass/agenda/punt.md", "content/deals/Fout Naam.md",
                "content/deals/notitie.txt", "content/deals/sub/x.md", "content/los.md",
                "content/dealz/y.md", "content/compass/wat/z.md", "content/compass/los.md",
                "content/deals/.verborgen.md", "content/deals/kopie.md~",
                "content/deals/4913", "static/img/logo.png", "static/.well-known/a.txt",
                "data/lijst.yml", "themes/eigen/templates/base.html", "reisgids.yml"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE, encoding="utf-8")
    (root / "content/deals/link.md").symlink_to(outside / "secret.md")
    (root / "content/deals/kapot.md").symlink_to(outside / "weg.md")  # dangling
    (root / "static/map").symlink_to(outside / "folder")
    (root / "static/.well-known/b.txt").symlink_to(outside / "secret.md")  # hidden folder
    (root / "data/lessons").symlink_to(outside / "folder")
    out = root / "content" / "uit"  # serve's output inside a watched folder: not scanned
    (out / "deals").mkdir(parents=True)
    (out / "deals" / "link.html").symlink_to(outside / "secret.md")
    return root, out


def shown(problems: list[Diagnostic]) -> list[str]:
    return [f"{d.location.path}: {d.format()}" for d in problems]


def test_discover_and_links_from_the_listing_equal_fresh_ones(tmp_path: Path) -> None:
    root, out = messy_site(tmp_path)
    listing = take_listing(root, out)
    files, problems = discover(root, listing)
    fresh_files, fresh_problems = discover(root)
    assert files == fresh_files
    assert shown(problems) == shown(fresh_problems)
    assert len(fresh_files) == 5 and len(fresh_problems) >= 6  # the site is messy indeed
    links = find_links(root, listing)
    assert shown(links) == shown(find_links(root))
    assert {d.location.path for d in links} == {
        "content/deals/link.md", "content/deals/kapot.md", "static/map",
        "static/.well-known/b.txt", "data/lessons", "content/uit/deals/link.html"}


def test_the_listing_is_what_is_read(tmp_path: Path) -> None:
    """A file added after the scan is not seen through the listing (the next scan sees it
    and starts a rebuild): proof that the folders are not listed again."""
    root, out = messy_site(tmp_path)
    listing = take_listing(root, out)
    (root / "content/deals/nieuw.md").write_text(PAGE, encoding="utf-8")
    (root / "content/lessons/link.md").symlink_to(root / "content/lessons/les.md")
    assert "content/deals/nieuw.md" not in {f.rel for f in discover(root, listing)[0]}
    assert "content/deals/nieuw.md" in {f.rel for f in discover(root)[0]}
    assert "content/lessons/link.md" not in {d.location.path
                                             for d in find_links(root, listing)}
    assert "content/lessons/link.md" in {d.location.path for d in find_links(root)}


def test_the_scan_stamps_links_and_never_enters_them(tmp_path: Path) -> None:
    root, out = messy_site(tmp_path)
    listing = take_listing(root, out)
    assert "static/map" in listing.stamps and "content/deals/kapot.md" in listing.stamps
    assert not any(rel.startswith("static/map/") for rel in listing.stamps)
    assert not any(folder.startswith(str(tmp_path / "outside")) for folder in listing.folders)
    assert not any(rel.startswith("content/uit/") for rel in listing.stamps)
    assert "content/deals/kopie.md~" not in listing.stamps  # starts no rebuild


def test_entry_memo_takes_the_stamps_from_the_listing(tmp_path: Path) -> None:
    root, out = messy_site(tmp_path)
    memo = EntryMemo()
    memo.listing = take_listing(root, out)
    sources = discover(root, memo.listing)[0]
    for source in sources:
        memo(source)
    assert memo.reads == len(sources)
    edited = root / "content/deals/twee.md"
    edited.write_text(PAGE + "\nMeer tekst.\n", encoding="utf-8")
    os.utime(edited, ns=(1, 1))  # a stamp the listing cannot hold
    for source in sources:  # the old listing: nothing changed as far as it knows
        memo(source)
    assert memo.reads == len(sources)
    memo.listing = take_listing(root, out)  # the next scan sees the save
    for source in sources:
        memo(source)
    assert memo.reads == len(sources) + 1


def test_discover_keeps_its_files_from_listing_to_listing(tmp_path: Path) -> None:
    """serve hands the files discover found to the next scan's listing: the same objects
    come back, and still only for what a fresh discover finds."""
    root, out = messy_site(tmp_path)
    first = take_listing(root, out)
    files = discover(root, first)[0]
    (root / "content/deals/twee.md").unlink()
    (root / "content/deals/twee.md").mkdir()  # a file became a folder of the same name
    (root / "content/lessons/nieuw.md").write_text(PAGE, encoding="utf-8")
    second = take_listing(root, out, first)
    again, problems = discover(root, second)
    fresh, fresh_problems = discover(root)
    assert again == fresh and shown(problems) == shown(fresh_problems)
    kept = {f.rel: f for f in files}
    assert all(f is kept[f.rel] for f in again if f.rel != "content/lessons/nieuw.md")
    assert "content/deals/twee.md" not in {f.rel for f in again}
    assert "content/deals/twee.md" in {d.location.path for d in problems}
    assert set(second.sources) == {str(f.path) for f in again}
