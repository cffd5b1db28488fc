"""The benchmark's generated guide (bench/site_corpus.py) is what bench/README.md says: a
valid guide that `reisgids check --strict` passes, no errors and no warnings, the same
files for the same seed."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "bench"))
from site_corpus import make_corpus, write_reisgids


def test_the_bench_corpus_passes_a_strict_check_and_is_the_same_each_time(
        tmp_path: Path) -> None:
    for name in ("one", "two"):
        write_reisgids(make_corpus(300, seed=7), tmp_path / name)
    result = run_cli("check", str(tmp_path / "one"), "--strict", "--now", "2026-12-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "geen fouten of waarschuwingen" in result.stdout + result.stderr
    # an adopted edition comes with its snapshot, as `reisgids compass freeze` writes it
    assert (tmp_path / "one/content/compass/editions/2025.snapshot.yml").is_file()
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*")
                   if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "two")
                           for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes()
               for f in files)
