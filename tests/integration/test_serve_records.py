"""serve keeps the output records of the files it found unchanged instead of a stat per
file (Incremental.finish after update_in_place): the kept records must be what the folder
holds, or the next save would carry a page that is not there."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

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
