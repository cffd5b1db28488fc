"""Content files served from the build cache give what reading them gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reisgids.cache import BuildCache
from reisgids.cached_entries import cached_reader
from reisgids.source.discover import SourceFile, discover
from reisgids.source.kinds import FOLDER_OF
from reisgids.validate import MAX_BODY_BYTES, read_entry

BASIC = Path(__file__).resolve().parents[1] / "sites" / "basic"


def source(tmp_path: Path, kind: str, text: str, slug: str = "x") -> SourceFile:
    rel = f"content/{FOLDER_OF[kind]}/{slug}.md"
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return SourceFile(kind, slug, path, rel)


def through_json(cache: BuildCache) -> BuildCache:
    """The cache as the next build loads it: its records have been JSON."""
    again = BuildCache(cache.namespace)
    again.entries = json.loads(json.dumps(cache.entries, ensure_ascii=False))
    return again


def test_every_file_of_a_site_reads_the_same_from_the_cache() -> None:
    sources, _ = discover(BASIC)
    first = BuildCache("test")
    [cached_reader(first)(s) for s in sources]
    assert first.stored_entries == len(sources)
    cache = through_json(first)
    read = cached_reader(cache)
    for s in sources:
        assert read(s) == read_entry(s), s.rel
    assert cache.stored_entries == 0  # every one came from the cache
    assert cache.used_entries == set(cache.entries)


def test_a_warning_is_served_from_the_cache_with_the_entry(tmp_path: Path) -> None:
    partner = source(tmp_path, "partner", "---\ntitle: P\ntype: gemeente\n---\nTekst.\n")
    first = BuildCache("test")
    cached_reader(first)(partner)
    cache = through_json(first)
    entry, problems = cached_reader(cache)(partner)
    assert cache.stored_entries == 0
    assert [(p.location.line, p.code) for p in problems] == [(1, "partner-contact")]
    assert (entry, problems) == read_entry(partner)
    assert entry is not None and entry.body == "Tekst.\n"


@pytest.mark.parametrize("text", [
    "---\ntitle: P\nonbekend: veld\n---\n",  # does not validate: no entry, its errors
    "---\ntitle: [P\n---\n",  # no YAML
    "---\ntitle: P\ntype: gemeente\nemail: a@b.nl\n---\n" + "x" * (MAX_BODY_BYTES + 1),
])
def test_files_that_fail_or_are_cut_read_the_same(tmp_path: Path, text: str) -> None:
    partner = source(tmp_path, "partner", text)
    first = BuildCache("test")
    cached_reader(first)(partner)
    cache = through_json(first)
    assert cached_reader(cache)(partner) == read_entry(partner)
    assert cache.stored_entries == 0


@pytest.mark.parametrize("spoil", [
    lambda r: r["parsed"].update(data="title: P"),
    lambda r: r["parsed"].update(data={"title": "P", "onbekend": "veld"}),
    lambda r: r["parsed"].pop("lines"),
    lambda r: r["parsed"].update(body_cut="ja"),
    lambda r: r.update(diagnostics=[["kapot"]]),
])
def test_a_corrupt_cached_entry_is_ignored(tmp_path: Path, spoil: object) -> None:
    partner = source(tmp_path, "partner", "---\ntitle: P\ntype: gemeente\n---\nTekst.\n")
    cache = BuildCache("test")
    cached_reader(cache)(partner)
    (record,) = cache.entries.values()
    spoil(record)  # type: ignore[operator]
    cache.stored_entries = 0
    assert cached_reader(cache)(partner) == read_entry(partner)
    assert cache.stored_entries == 1  # read again, and kept again as it should be


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    partner = source(tmp_path, "partner", "---\ntitle: P\ntype: gemeente\n---\n")
    cache = BuildCache("test")
    cached_reader(cache)(partner)
    partner.path.write_text("---\ntitle: Q\ntype: gemeente\n---\n", encoding="utf-8")
    entry, _ = cached_reader(cache)(partner)
    assert entry is not None and entry.data.title == "Q"
    assert cache.stored_entries == 2
