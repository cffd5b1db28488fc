"""serve keeps the output records of the files it found unchanged instead of a stat per
file (Incremental.finish after update_in_place): the kept records must be what the folder
holds, or the next save would carry a page that is not there."""

from __future__ import annotations

import gc
import shutil
from datetime import date
from pathlib import Path

import pytest

from reisgids.cache import content_hash
from reisgids.preview import Preview
from reisgids.search import INDEX_DIR
from reisgids.serve_watch import take_listing

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"
NOW = date(2026, 11, 22)


def assert_records_match_the_folder(preview: Preview, out: Path) -> None:
    records = preview.cache.previous(out)
    assert len(records) > 10
    for rel, record in records.items():
        if rel == INDEX_DIR:
            continue
        path = out / rel
        st = path.stat()
        assert record[:4] == [content_hash(path.read_bytes()), st.st_size, st.st_mtime_ns,
                              st.st_ino], rel


def test_records_after_saves_are_the_files_on_disk(tmp_path: Path) -> None:
    root, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(BASIC, root)
    preview = Preview(root, out)
    _site, report = preview.rebuild(NOW, search=False, listing=take_listing(root, out))
    assert not report.has_errors
    edited = sorted((root / "content").rglob("*.md"))[0]
    for number in range(3):
        with edited.open("a", encoding="utf-8") as handle:
            handle.write(f"\n\nNog een zin {number}.\n")
        _site, report = preview.rebuild(NOW, search=False, listing=take_listing(root, out))
        assert not report.has_errors
        assert_records_match_the_folder(preview, out)
    before = preview.cache.rendered_pages
    _site, report = preview.rebuild(NOW, search=False, listing=take_listing(root, out))
    assert preview.cache.rendered_pages == before  # nothing changed: every page carried
    assert_records_match_the_folder(preview, out)


def test_the_collector_waits_for_the_editors_pause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """serve's saves run without Python's cyclic collector (its full collections cost
    0.3-0.5 s per save at 10,000 entries); collect() runs it once the editor paused and
    turns it back on. The first build keeps it (it freezes what it leaves)."""
    root, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(BASIC, root)
    monkeypatch.setattr(gc, "freeze", lambda: None)  # not the whole test process's heap
    preview = Preview(root, out, freeze=True)
    try:
        preview.rebuild(NOW, search=False)
        assert gc.isenabled()
        preview.rebuild(NOW, search=False)
        assert not gc.isenabled()
        preview.rebuild(NOW, search=False)
        assert not gc.isenabled()
        preview.collect()
        assert gc.isenabled()
        preview.collect()  # nothing paused it meanwhile: no second collection needed
        assert gc.isenabled()
    finally:
        gc.enable()
