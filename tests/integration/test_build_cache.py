"""`reisgids build` with its cache: same bytes, nothing rewritten, a foreign cache ignored."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import NOW, REPO

BASIC = REPO / "tests" / "sites" / "basic"


def build(site: Path, out: Path, keys: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`keys`: where this 'machine' keeps its cache key (XDG_CACHE_HOME)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["XDG_CACHE_HOME"] = str(keys)
    result = subprocess.run([sys.executable, "-m", "reisgids", "build", str(site), "--out",
                             str(out), "--now", NOW, *extra], env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino
            for p in sorted(root.rglob("*")) if p.is_file()}


def fresh_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(BASIC, site, ignore=shutil.ignore_patterns(".reisgids-cache"))
    return site


def test_cached_builds_are_byte_identical_and_a_no_change_rebuild_rewrites_nothing(
        tmp_path: Path) -> None:
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    build(site, tmp_path / "plain", keys, "--no-cache")
    assert not (site / ".reisgids-cache").exists()
    out = tmp_path / "out"
    build(site, out, keys)
    assert (site / ".reisgids-cache" / "cache.json").is_file()
    assert "*" in (site / ".reisgids-cache" / ".gitignore").read_text()
    assert tree(out) == tree(tmp_path / "plain")
    pages_and_index = {rel: ino for rel, ino in inodes(out).items()
                       if rel.endswith(".html") or rel.startswith("pagefind/")}
    assert any(rel.startswith("pagefind/") for rel in pages_and_index)
    build(site, out, keys)  # the first rebuild records the files as they are after a swap
    saved = [(site / ".reisgids-cache" / name).stat().st_mtime_ns
             for name in ("cache.json", "outputs.json")]
    build(site, out, keys)
    assert [(site / ".reisgids-cache" / name).stat().st_mtime_ns
            for name in ("cache.json", "outputs.json")] == saved
    assert tree(out) == tree(tmp_path / "plain")
    after = inodes(out)
    # carried over by hard link: the very same files, pages and search index alike
    assert {rel: after[rel] for rel in pages_and_index} == pages_and_index
    # feeds, open data, sitemap: each kept under the key of its inputs, so that it is
    # carried and not made again (admin/ also when a forked process made it: build.admin_ahead)
    made = set(re.findall(r"made:([a-z-]+):", (site / ".reisgids-cache" / "outputs.json")
                          .read_text("utf-8")))
    assert {"feeds", "sitemap", "open-data-json", "calendar", "admin"} <= made


def test_an_edit_rebuilds_to_the_bytes_of_a_build_without_cache(tmp_path: Path) -> None:
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    out = tmp_path / "out"
    build(site, out, keys)
    partner = site / "content/partners/buurtkracht.md"
    text = partner.read_text(encoding="utf-8")
    partner.write_text(text.replace("title: ", "title: Echt ", 1), encoding="utf-8")
    before = inodes(out)
    build(site, out, keys)
    build(site, tmp_path / "plain", keys, "--no-cache")
    assert tree(out) == tree(tmp_path / "plain")
    after = inodes(out)
    assert after["partners/buurtkracht/index.html"] != before["partners/buurtkracht/index.html"]
    assert any(after[rel] == before[rel] for rel in after if rel.endswith(".html"))


def test_a_body_edit_takes_the_other_records_of_the_open_data_from_the_previous_file(
        tmp_path: Path) -> None:
    """Only the edited entry's record is written again; the others' JSON comes from the
    previous data/reisgids.json while it is the file written (its size, time and inode)."""
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    out, data = tmp_path / "out", tmp_path / "out" / "data" / "reisgids.json"
    build(site, out, keys, "--no-search")
    lesson = site / "content/lessons/vaste-coordinator.md"

    def edit_and_build() -> str:
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nNog een alinea.\n",
                          encoding="utf-8")
        build(site, out, keys, "--no-search")
        return data.read_text(encoding="utf-8")

    # a mark in another entry's record, of the same length and with the file's stamp kept:
    # only a text taken from that file can still hold it
    text, stat = data.read_text(encoding="utf-8"), data.stat()
    assert text.count('"kind": "partner"') > 1
    data.write_text(text.replace('"kind": "partner"', '"kind": "PARTNER"', 1), encoding="utf-8")
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data.stat().st_ino == stat.st_ino and data.stat().st_size == stat.st_size
    assert '"kind": "PARTNER"' in edit_and_build()
    # a file that is not the one written is not read: the next edit makes every record
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert '"kind": "PARTNER"' not in edit_and_build()
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    assert tree(out) == tree(tmp_path / "plain")


def poison(site: Path) -> None:
    """What a pull request could commit: cached HTML with a script in it."""
    path = site / ".reisgids-cache" / "cache.json"
    mac, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    for record in data["bodies"].values():
        record["html"] = "<script>alert(1)</script>" + record["html"]
    path.write_bytes(mac + b"\n" + json.dumps(data).encode())


def test_an_edited_cache_is_ignored(tmp_path: Path) -> None:
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    build(site, tmp_path / "first", keys, "--no-search")
    poison(site)
    build(site, tmp_path / "out", keys, "--no-search")
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")


def test_a_cache_from_another_machine_is_ignored(tmp_path: Path) -> None:
    site = fresh_site(tmp_path)
    build(site, tmp_path / "plain", tmp_path / "keys", "--no-cache", "--no-search")
    build(site, tmp_path / "first", tmp_path / "other-machine", "--no-search")
    cache = (site / ".reisgids-cache" / "cache.json").read_bytes()
    _, _, payload = cache.partition(b"\n")
    data = json.loads(payload)
    for record in data["bodies"].values():  # re-signed by the other machine: still not ours
        record["html"] = "<p>vervalst</p>"
    import hashlib
    import hmac

    other_key = (tmp_path / "other-machine" / "reisgids" / "cache-key").read_bytes()
    forged = json.dumps(data).encode()
    (site / ".reisgids-cache" / "cache.json").write_bytes(
        hmac.new(other_key, forged, hashlib.sha256).hexdigest().encode() + b"\n" + forged)
    build(site, tmp_path / "out", tmp_path / "keys", "--no-search")
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")
    (site / ".reisgids-cache" / "cache.json").write_bytes(b"\x00garbage")
    build(site, tmp_path / "out", tmp_path / "keys", "--no-search")
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")


def test_an_edited_body_remakes_the_outputs_that_show_it_and_carries_the_rest(
        tmp_path: Path) -> None:
    """Feeds, open data, calendar, sitemap, admin/: made again only when what they show
    changed; the others are the previous build's files, linked. Same bytes as no cache."""
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    out = tmp_path / "out"
    build(site, out, keys, "--no-search")
    build(site, out, keys, "--no-search")  # records the files as they are after a swap
    news = site / "content/news/maaltijd-gestart.md"
    news.write_text(news.read_text(encoding="utf-8")
                    + "\nNieuwe alinea: de keuken blijft open.\n", encoding="utf-8")
    before = inodes(out)
    build(site, out, keys, "--no-search")
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    assert tree(out) == tree(tmp_path / "plain")
    after = inodes(out)
    # the news feed's newest entry and the open data's JSON show the body: made again
    assert "keuken blijft open" in (out / "feeds/nieuws.xml").read_text(encoding="utf-8")
    for rel in ("feeds/nieuws.xml", "data/reisgids.json"):
        assert after[rel] != before[rel], rel
    # what shows no body is carried: the very same files
    for rel in ("agenda.ics", "data/news.csv", "sitemap.xml", "admin/config.yml"):
        assert after[rel] == before[rel], rel


def test_a_changed_field_remakes_the_outputs_without_bodies(tmp_path: Path) -> None:
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    out = tmp_path / "out"
    build(site, out, keys, "--no-search")
    build(site, out, keys, "--no-search")
    news = site / "content/news/maaltijd-gestart.md"
    news.write_text(news.read_text(encoding="utf-8").replace("title: ", "title: Echt ", 1),
                    encoding="utf-8")
    before = inodes(out)
    build(site, out, keys, "--no-search")
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    assert tree(out) == tree(tmp_path / "plain")
    after = inodes(out)
    assert after["data/news.csv"] != before["data/news.csv"]
    assert b"Echt " in (out / "data/news.csv").read_bytes()


def test_a_corrupt_cached_entry_signed_by_this_machine_is_read_again(tmp_path: Path) -> None:
    """A record of a content file that does not have the shape written (an older bug, a
    disk error the MAC was made over) costs a parse, never a wrong entry or a traceback."""
    import hashlib
    import hmac

    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    first = build(site, tmp_path / "first", keys, "--no-search")
    path = site / ".reisgids-cache" / "cache.json"
    _mac, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    assert data["entries"]
    for record in data["entries"].values():
        if record["parsed"] is not None:
            record["parsed"]["data"] = {"onbekend": "veld"}
    payload = json.dumps(data).encode()
    key = (keys / "reisgids" / "cache-key").read_bytes()
    path.write_bytes(hmac.new(key, payload, hashlib.sha256).hexdigest().encode() + b"\n"
                     + payload)
    again = build(site, tmp_path / "out", keys, "--no-search")
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")
    assert again.stdout.replace("/out", "/first") == first.stdout
    assert again.stderr == first.stderr


def test_an_edited_outputs_file_is_ignored(tmp_path: Path) -> None:
    """outputs.json says what the output folder holds and which inputs made it: forged to
    claim that an edited site was built already, it must not stop the build."""
    from datetime import date

    from reisgids.unchanged import inputs_key

    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    out = tmp_path / "out"
    build(site, out, keys, "--no-search")
    build(site, out, keys, "--no-search")
    news = site / "content/news/maaltijd-gestart.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nVervalst of niet.\n",
                    encoding="utf-8")
    path = site / ".reisgids-cache" / "outputs.json"
    mac, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    (record,) = data["builds"].values()
    record["key"] = inputs_key(site, now=date.fromisoformat(NOW), drafts=False, base_url=None,
                               search=False, git_dates=False)
    path.write_bytes(mac + b"\n" + json.dumps(data).encode())  # the old MAC: not ours now
    build(site, out, keys, "--no-search")
    assert "Vervalst of niet." in (out / "nieuws/maaltijd-gestart/index.html").read_text(
        encoding="utf-8")


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tmp_path: Path) -> None:
    """A pull request may commit `.reisgids-cache` as a link to anywhere: the build writes
    nothing through it (not the cache, not its .gitignore) and reads nothing from it."""
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (site / ".reisgids-cache").symlink_to(elsewhere, target_is_directory=True)
    build(site, tmp_path / "out", keys, "--no-search")
    build(site, tmp_path / "out", keys, "--no-search")
    assert list(elsewhere.iterdir()) == []
    build(site, tmp_path / "plain", keys, "--no-cache", "--no-search")
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")


def test_a_link_inside_the_cache_folder_is_not_written_through(tmp_path: Path) -> None:
    site, keys = fresh_site(tmp_path), tmp_path / "keys"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (site / ".reisgids-cache").mkdir()
    (site / ".reisgids-cache" / ".gitignore").symlink_to(elsewhere / "gitignore")
    build(site, tmp_path / "out", keys, "--no-search")
    assert list(elsewhere.iterdir()) == []
    assert (site / ".reisgids-cache" / "outputs.json").is_file()
