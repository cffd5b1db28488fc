"""A big site's `reisgids build`: loaded and built in a process that ends before the search
index is made, in the command's own process (cli._build_apart). The same output, the same
messages, the same cache as a build in one process."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NOW, stamps, tree

from reisgids import build, cli, incremental, read_site


@pytest.fixture
def site(basic_site: Path) -> Path:
    return basic_site


def run(site: Path, out: Path, *extra: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli.cli, ["build", str(site), "--out", str(out), "--now", NOW,
                                          "--quiet", "--jobs", "2", *extra])
    assert result.exit_code == code, result.output
    return result.output


class Seen:
    """What the command's own process did: read the site, and index (with which children
    alive then)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads = 0
        self.indexed: list[list[multiprocessing.Process]] = []
        real_read, real_index = read_site.read_site, incremental.index_site
        pid = os.getpid()

        def reading(*args: object, **kwargs: object) -> object:
            if os.getpid() == pid:
                self.reads += 1
            return real_read(*args, **kwargs)  # type: ignore[arg-type]

        def indexing(*args: object, **kwargs: object) -> object:
            if os.getpid() == pid:
                self.indexed.append(multiprocessing.active_children())
            return real_index(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(read_site, "read_site", reading)
        monkeypatch.setattr(incremental, "index_site", indexing)
        monkeypatch.setattr(build, "index_site", indexing)


@pytest.mark.parametrize(("cache", "jobs"), [(True, "2"), (False, "2"), (True, "1")])
def test_a_big_site_is_indexed_after_the_process_that_built_it_ended(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: bool,
        jobs: str) -> None:
    extra = ("--jobs", jobs) if cache else ("--no-cache", "--jobs", jobs)  # the last --jobs
    # a warning (a partner without a contact point): the other process's messages come here
    (site / "content" / "partners" / "zonder-contact.md").write_text(
        "---\ntitle: Zonder contact\ntype: initiatief\nreviewed: 2026-10-01\n---\nTekst.\n",
        encoding="utf-8")
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 10**9)
    here = run(site, tmp_path / "here", "--no-cache")
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 1)
    seen = Seen(monkeypatch)
    apart = run(site, tmp_path / "apart", *extra)
    assert seen.reads == 0  # the site was read in the other process only
    assert seen.indexed == [[]]  # indexed here, once, when that process had ended
    assert tree(tmp_path / "apart") == tree(tmp_path / "here")
    assert any(rel.startswith("pagefind/") for rel in tree(tmp_path / "apart"))
    assert apart.replace("/apart", "/here") == here  # the same messages, printed here
    assert "[partner-contact]" in apart and "pagina's gebouwd" in apart
    assert not list(tmp_path.glob(".apart.staging-*"))


def test_the_cache_of_an_apart_build_carries_the_next_builds(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 1)
    out = tmp_path / "out"
    run(site, out)
    cached = site / ".reisgids-cache"
    assert b'"bodies"' in (cached / "cache.json").read_bytes()  # saved by the other process
    run(site, out)  # records the files as they are after a swap
    before = stamps(out)
    seen = Seen(monkeypatch)
    run(site, out)
    assert seen.reads == 0 and seen.indexed == []  # nothing to do: nothing read or indexed
    assert stamps(out) == before
    # an edit: built again, the bytes of a build without cache
    lesson = next((site / "content" / "lessons").glob("*.md"))
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nNog een alinea.\n",
                      encoding="utf-8")
    run(site, out)
    run(site, tmp_path / "plain", "--no-cache")
    assert tree(out) == tree(tmp_path / "plain")


def test_content_errors_stop_an_apart_build_and_leave_the_output(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 1)
    out = tmp_path / "out"
    run(site, out)
    before = stamps(out)
    partner = next((site / "content" / "partners").glob("*.md"))
    partner.write_text("---\ntitle: [kapot\n---\nTekst.\n", encoding="utf-8")
    printed = run(site, out, code=1)
    assert f"{partner.relative_to(site).as_posix()}:2" in printed  # printed here
    assert stamps(out) == before
    assert not list(tmp_path.glob(".out.staging-*"))


def test_index_apart_counts_the_content_files(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 3)
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "lessons").mkdir()
    for name in ("a.md", "b.md", "c.txt"):
        (tmp_path / "content" / "news" / name).write_text("x")
    assert not cli.index_apart(tmp_path)
    (tmp_path / "content" / "lessons" / "d.md").write_text("x")
    assert cli.index_apart(tmp_path)
    assert not cli.index_apart(tmp_path / "geen-site")


@pytest.mark.parametrize("apart", [True, False])
def test_a_search_index_that_cannot_be_made_leaves_the_previous_output(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apart: bool) -> None:
    monkeypatch.setattr(cli, "INDEX_APART_FROM", 1 if apart else 10**9)
    out = tmp_path / "out"
    run(site, out)
    before = stamps(out)
    news = next((site / "content" / "news").glob("*.md"))
    news.write_text(news.read_text(encoding="utf-8") + "\nNieuw.\n", encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    printed = run(site, out, code=1)
    assert "[search-index]" in printed
    assert stamps(out) == before  # not one page of the failed build swapped in
    assert not list(tmp_path.glob(".out.staging-*"))
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    run(site, out)  # and the next build, with Pagefind, makes the new pages
    assert "Nieuw." in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
