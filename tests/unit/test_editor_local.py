"""The local backend's API: what it reads and writes, and everything it refuses."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from reisgids.editor.local import LocalBackend, answer
from reisgids.editor.persist import merge
from reisgids.source.frontmatter import split
from reisgids.yamlsafe import load_mapping

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "reisgids.yml", root / "reisgids.yml")
    return root


def call(site: Path, action: str, **params: Any) -> tuple[int, Any]:
    status, body = answer(LocalBackend(site), json.dumps(
        {"action": action, "params": {"branch": "main", **params}}).encode())
    return status, json.loads(body)


def test_info_and_listing(site: Path) -> None:
    assert call(site, "info") == (200, {"repo": "site", "publish_modes": ["simple"],
                                        "type": "local_fs"})
    status, entries = call(site, "entriesByFolder", folder="content/deals", extension="md",
                           depth=1)
    assert status == 200
    assert [e["file"]["path"] for e in entries] == sorted(
        f"content/deals/{p.name}" for p in (site / "content" / "deals").glob("*.md"))
    first = entries[0]
    assert first["data"] == (site / first["file"]["path"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [
    "../reisgids.yml", "/etc/passwd", "content/deals/../../reisgids.yml", "reisgids.yml",
    "content/deals/Hoofdletters.md", "content/deals/x.txt", "content/onbekend/x.md",
    "content/deals/sub/x.md", "content\\deals\\x.md", "static/uploads/x.md", 12, None,
])
def test_entries_only_inside_content_folders(site: Path, path: object) -> None:
    for action, params in (("getEntry", {"path": path}),
                           ("persistEntry", {"entry": {"path": path, "raw": "---\n---\n"},
                                             "assets": []})):
        status, body = call(site, action, **params)
        assert status == 422, (action, path)
        assert "error" in body
    assert (site / "reisgids.yml").read_text(encoding="utf-8").startswith("title:")


def test_symbolic_links_are_refused(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "content" / "news").rename(tmp_path / "news-elsewhere")
    (site / "content" / "news").symlink_to(outside, target_is_directory=True)
    status, body = call(site, "persistEntry", entry={
        "path": "content/news/x.md", "raw": "---\ntitle: x\n---\n"}, assets=[])
    assert status == 422 and "symbolische link" in body["error"]
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("path", [
    "static/uploads/../../x.png", "static/x.png", "static/uploads/x.svg",
    "static/uploads/x.html", "static/uploads/.x.png", "static/uploads/sub/x.png",
])
def test_media_only_images_in_uploads(site: Path, path: str) -> None:
    status, _ = call(site, "persistMedia", asset={
        "path": path, "content": base64.b64encode(PNG).decode(), "encoding": "base64"})
    assert status == 422
    assert not (site / "static").exists()


def test_bad_requests(site: Path) -> None:
    assert answer(LocalBackend(site), b"not json")[0] == 400
    assert answer(LocalBackend(site), b"[1, 2]")[0] == 422
    assert call(site, "deleteFile", path="content/deals/x.md")[0] == 422
    assert call(site, "unknown")[0] == 422
    status, body = call(site, "persistEntry", entry={
        "path": "content/deals/x.md", "raw": "geen front matter"}, assets=[])
    assert status == 422 and "front matter" in body["error"]


def test_an_uploaded_image_passes_the_check(site: Path) -> None:
    status, media = call(site, "persistMedia", asset={
        "path": "static/uploads/buurt-foto.png", "content": base64.b64encode(PNG).decode(),
        "encoding": "base64"})
    assert status == 200 and media["path"] == "static/uploads/buurt-foto.png"
    assert (site / "static" / "uploads" / "buurt-foto.png").read_bytes() == PNG
    raw = ("---\ntitle: Nieuwe foto\ndate: 2026-11-20\nimage: /static/uploads/buurt-foto.png\n"
           "image_alt: Buren aan tafel\ndraft: false\ntags: []\n---\n"
           "![Buren aan tafel](/static/uploads/buurt-foto.png)\n")
    status, _ = call(site, "persistEntry", entry={"path": "content/news/foto.md", "raw": raw},
                     assets=[])
    assert status == 200
    assert (site / "content" / "news" / "foto.md").read_text(encoding="utf-8") == (
        "---\ntitle: Nieuwe foto\ndate: 2026-11-20\nimage: /static/uploads/buurt-foto.png\n"
        "image_alt: Buren aan tafel\n---\n![Buren aan tafel](/static/uploads/buurt-foto.png)\n")
    assert call(site, "getMedia", mediaFolder="static/uploads")[1][0]["name"] == "buurt-foto.png"
    # the example guide's own images and decision documents, beside the upload
    shutil.copytree(REPO / "static", site / "static", dirs_exist_ok=True)
    shutil.copytree(REPO / "data", site / "data", dirs_exist_ok=True)
    checked = subprocess.run([sys.executable, "-m", "reisgids", "check", str(site), "--strict",
                              "--now", NOW], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert call(site, "deleteFile", path="static/uploads/buurt-foto.png")[0] == 200
    assert not (site / "static" / "uploads" / "buurt-foto.png").exists()


def test_renaming_is_refused(site: Path) -> None:
    status, body = call(site, "persistEntry", dataFiles=[{
        "path": "content/deals/a.md", "raw": "---\ntitle: a\n---\n",
        "newPath": "content/deals/b.md"}], assets=[])
    assert status == 422 and "hernoemen" in body["error"]


def test_a_new_entry_never_overwrites(site: Path) -> None:
    existing = site / "content" / "deals" / "basisbanen-in-de-wijk.md"
    before = existing.read_bytes()
    status, body = call(site, "persistEntry", entry={
        "path": "content/deals/basisbanen-in-de-wijk.md", "raw": "---\ntitle: x\n---\n"},
        assets=[], options={"newEntry": True})
    assert status == 422 and "bestaat al" in body["error"]
    assert existing.read_bytes() == before


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["title", "summary", "partners", "phase", "milestones",
                                             "draft", "review_agreements", "onbekend"]),
                            st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                                         lambda inner: st.lists(inner, max_size=3)
                                         | st.dictionaries(st.text(max_size=5), inner,
                                                           max_size=3), max_leaves=8)),
       body=st.text())
def test_whatever_decap_sends_gives_yaml_or_a_refusal(data: dict[str, Any], body: str) -> None:
    """Untrusted input: the merge never raises; what it writes reads back."""
    text = merge("deal", data, body, None, None)
    parts = split(text)
    load_mapping(parts.yaml_text)
