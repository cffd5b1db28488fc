"""stage_pages.StagePages: the pool's workers write their pages into the stage, within the
output budget they share."""

from __future__ import annotations

from pathlib import Path

import pytest

from reisgids import pool
from reisgids.cache import content_hash
from reisgids.output_budget import OutputBudget
from reisgids.render.site import Staged
from reisgids.stage_pages import StagePages
from reisgids.write import Stage, UnsafePath


def sink(tmp_path: Path, limit: int, per_file: int) -> StagePages:
    (tmp_path / "stage").mkdir()
    return StagePages(Stage(tmp_path / "stage"), OutputBudget(0, limit, per_file))


def in_workers(pages: StagePages, items: list[tuple[str, bytes]]) -> list[Staged | bytes]:
    return pool.parallel_map(lambda item: pages.write(*item), items, 2)


@pytest.fixture(autouse=True)
def _pool_for_few(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "MIN_ITEMS", 1)


def test_a_worker_writes_the_page_and_hands_back_its_size_and_digest(tmp_path: Path) -> None:
    pages = sink(tmp_path, 1000, 100)
    results = in_workers(pages, [(f"p{n}/index.html", b"<p>%d</p>" % n) for n in range(6)])
    assert results == [Staged(8, content_hash(b"<p>%d</p>" % n), False) for n in range(6)]
    assert (tmp_path / "stage/p3/index.html").read_bytes() == b"<p>3</p>"


def test_the_parent_writes_nothing_itself(tmp_path: Path) -> None:
    """A page rendered before the fork, or all of them without a pool, goes the usual way."""
    pages = sink(tmp_path, 1000, 100)
    assert pages.write("index.html", b"<p></p>") == b"<p></p>"
    assert list((tmp_path / "stage").iterdir()) == []


def test_no_worker_writes_past_the_budget(tmp_path: Path) -> None:
    """Ten pages of 30 bytes against 100: three fit, whichever worker came first; the
    others come back whole (the parent reports them), as does one larger than a file may be."""
    pages = sink(tmp_path, 100, 40)
    results = in_workers(pages, [(f"p{n}.html", b"x" * 30) for n in range(10)]
                         + [("big.html", b"x" * 41)])
    assert sum(isinstance(r, Staged) for r in results) == 3
    assert results[-1] == b"x" * 41
    written = [p for p in (tmp_path / "stage").iterdir()]
    assert len(written) == 3 and pages.used.value == 90


def test_a_path_out_of_the_stage_is_refused_in_the_worker(tmp_path: Path) -> None:
    pages = sink(tmp_path, 1000, 100)
    with pytest.raises(UnsafePath):
        in_workers(pages, [("../buiten.html", b"<p></p>")])
    assert not (tmp_path / "buiten.html").exists()
