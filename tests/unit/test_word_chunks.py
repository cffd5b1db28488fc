"""The word index cut again into small chunks (reisgids/pagefind_files.py): nothing lost,
cut only between words that differ early, and Pagefind's lookup of a typed word always finds
the one chunk that holds its stem and every longer word starting with it."""

from __future__ import annotations

import itertools
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_search import write_site

import reisgids.pagefind_files as pagefind_files
from reisgids.pagefind_files import (
    LAST,
    SHARED_PREFIX,
    cbor_encode,
    cut_words,
    metas,
    read_index_file,
    shared_prefix,
    word_entries,
    word_ranges,
    write_index_file,
)
from reisgids.search import index_site, run_pagefind

ROOTS = ["mantelzorg", "eenzaam", "samenwerk", "buurt", "zorg", "wijk", "een", "de", "ä",
         "zeppelin", "z", "mantel", "wonen", "woning"]


def entry(word: str, pages: int) -> tuple[str, bytes]:
    """A word and its entry as Pagefind writes it: [word, [[page, [location, ...]], ...]]."""
    return word, cbor_encode([word, [[page, [page * 3, -2, page * 300]] for page in range(pages)]])


def vocabulary(seed: int) -> list[tuple[str, bytes]]:
    chance = random.Random(seed)
    words = set(ROOTS)
    for root in ROOTS:
        for _ in range(chance.randrange(0, 12)):
            tail = "".join(chance.choice("aeinorstz") for _ in range(chance.randrange(1, 6)))
            words.add(root + tail)
    return [entry(word, chance.randrange(1, 40)) for word in sorted(words)]


def lookup(ranges: list[tuple[str, str]], term: str) -> list[int]:
    """Every chunk Pagefind's strict lookup accepts for a typed term (`request_indexes`:
    `term >= from && term <= to`; it loads the first)."""
    return [number for number, (low, high) in enumerate(ranges) if low <= term <= high]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("size", [1, 300, 2_000, 10**9])
def test_the_chunks_hold_every_word_and_are_cut_only_between_distant_words(
        seed: int, size: int) -> None:
    words = vocabulary(seed)
    chunks = cut_words(words, size)
    assert [w for chunk in chunks for w in chunk] == words  # nothing lost, order kept
    for before, after in itertools.pairwise(chunks):
        assert shared_prefix(before[-1][0], after[0][0]) < SHARED_PREFIX
    for chunk in chunks:  # larger than asked only where no cut is allowed inside
        if sum(len(w[1]) for w in chunk) > size and len(chunk) > 1:
            inside = itertools.pairwise(chunk)
            assert all(shared_prefix(a[0], b[0]) >= SHARED_PREFIX for a, b in inside)
    assert (len(chunks) == 1) == (size == 10**9)


@pytest.mark.parametrize("seed", range(6))
def test_a_typed_word_finds_the_chunk_of_its_stem_and_its_extensions(seed: int) -> None:
    words = vocabulary(seed)
    chunks = cut_words(words, 300)
    ranges = word_ranges([(chunk[0][0], chunk[-1][0]) for chunk in chunks])
    assert len(chunks) > 5
    where = {w[0]: number for number, chunk in enumerate(chunks) for w in chunk}
    for word, number in where.items():
        assert lookup(ranges, word) == [number]
        if len(word) >= SHARED_PREFIX:
            # typed longer than the stem the index holds ("mantelzorgers" -> "mantelzorg"):
            # the stem's chunk, which also holds every word that starts with the stem
            for suffix in ("s", "en", "heid", "zzz", "ë"):
                assert lookup(ranges, word + suffix) == [number]
            assert {where[w] for w in where if w.startswith(word)} == {number}
    chance = random.Random(seed)
    for _ in range(500):  # no gaps and no overlaps: every term has exactly one chunk
        term = "".join(chance.choice("abdeilmnorstuwzä0") for _ in range(chance.randrange(0, 9)))
        assert len(lookup(ranges, term)) == 1


def test_no_words_make_no_chunks_and_no_ranges() -> None:
    assert cut_words([], 100) == [] and word_ranges([]) == []


def test_the_ranges_start_at_nothing_and_end_above_every_character() -> None:
    ranges = word_ranges([("aap", "aap"), ("noot", "noot"), ("noten", "nu"), ("\ue000x", "z")])
    assert ranges[0][0] == "" and ranges[-1][1] == LAST
    assert [low for low, _ in ranges[1:]] == ["n", "not", "\ue000"]
    assert "\udfff" not in ranges[2][1]  # a surrogate cannot be written as UTF-8
    ranges[2][1].encode("utf-8")


def all_words(bundle: Path) -> list[Any]:
    (_, meta), = metas(bundle)
    found = []
    for _, _, name in meta[2]:
        found += read_index_file(bundle / "index" / f"{name}.pf_index")[0]
    return found


def test_a_bundle_cut_small_has_the_words_and_postings_of_one_chunk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_site(tmp_path / "source", entries=12)
    made = {}
    for size in (10**9, 60):
        site = tmp_path / f"size-{size}"
        shutil.copytree(source, site)
        monkeypatch.setattr(pagefind_files, "CHUNK_BYTES", size)
        assert index_site(site, "nl") == []
        (_, meta), = metas(site / "pagefind")
        made[size] = (meta[2], all_words(site / "pagefind"))
        files = sorted(p.stem for p in (site / "pagefind" / "index").iterdir())
        assert files == sorted(name for _, _, name in meta[2])  # the old chunks are gone
    assert len(made[10**9][0]) == 1 and len(made[60][0]) > 3
    assert made[60][1] == made[10**9][1]


def general(path: Path) -> list[tuple[str, bytes]]:
    return [(str(e[0]), cbor_encode(e)) for e in read_index_file(path)[0]]


def test_the_entries_are_read_in_c_as_the_general_decoder_reads_them(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=12)
    page = site / "item-0" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "mogelijkheden", "taalcafé één coöperatie mogelijkheden"), encoding="utf-8")
    run_pagefind(site, tmp_path / "raw", "nl")  # Pagefind's own chunks, not cut again
    files = sorted((tmp_path / "raw" / "index").glob("*.pf_index"))
    assert files
    for path in files:
        assert word_entries(path) == general(path)
    variants = [e for path in files for e in read_index_file(path)[0] if len(e) > 2 and e[2]]
    assert variants  # "taalcafé" is indexed as "taalcafe" with its variant


def test_an_entry_of_another_shape_is_read_by_the_general_decoder(tmp_path: Path) -> None:
    odd = [[["woord", [[1, [2, -3], [], [9]]], []], ["zorg", [[0, [1]]]]]]
    path = tmp_path / "odd.pf_index"
    write_index_file(path, cbor_encode(odd))
    assert word_entries(path) == general(path) == [
        ("woord", cbor_encode(odd[0][0])), ("zorg", cbor_encode(odd[0][1]))]
