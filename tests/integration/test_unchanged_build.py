"""A `reisgids build` whose inputs and output are as the last build left them does nothing;
any change to an input, an option or the output folder builds as usual (reisgids/unchanged.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NOW, stamps, tree

from reisgids import cli, read_site


@pytest.fixture
def site(basic_site: Path) -> Path:
    target = basic_site
    # a warning (a partner without a contact point), so that replaying it is seen
    (target / "content" / "partners" / "zonder-contact.md").write_text(
        "---\ntitle: Zonder contact\ntype: initiatief\nreviewed: 2026-10-01\n---\nTekst.\n",
        encoding="utf-8")
    return target


def run(site: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli.cli, ["build", str(site), "--out", str(out), "--now", NOW,
                                          "--quiet", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the build command's reading of the site (read_site, which the command imports
    when it needs it: before anything is parsed)."""
    calls: list[int] = []
    real = read_site.read_site

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(read_site, "read_site", counted)
    return calls


def test_nothing_is_read_or_written_when_nothing_changed(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = run(site, out)
    assert "[partner-contact]" in first
    before, files = stamps(out), tree(out)
    calls = loads(monkeypatch)
    again = run(site, out)
    assert calls == []  # nothing parsed, linked, planned or rendered
    assert again == first  # the same diagnostics and the same last line
    assert stamps(out) == before and tree(out) == files  # not one file rewritten

    # an option is an input too: another --now builds
    run(site, out, "--now", "2026-12-24")
    assert calls == [1]


@pytest.mark.parametrize("change", ["input", "output file", "output gone", "output extra",
                                    "output link"])
def test_any_change_builds_again_to_the_bytes_of_a_build_without_cache(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    out = tmp_path / "out"
    run(site, out)
    page = sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)[3]
    if change == "input":
        source = next((site / "content").rglob("*.md"))
        source.write_text(source.read_text(encoding="utf-8") + "\nNog een alinea.\n",
                          encoding="utf-8")
    elif change == "output file":  # same size, other bytes
        data = page.read_bytes()
        page.write_bytes(data[:-2] + b"X\n")
        os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns))
    elif change == "output gone":
        page.unlink()
    elif change == "output extra":
        (out / "stray.html").write_text("<p>niet van reisgids</p>")
    else:  # a link to a folder of the output is a file of its own, never followed
        (out / "stray").symlink_to(page.parent, target_is_directory=True)
    calls = loads(monkeypatch)
    run(site, out)
    assert calls == [1]
    run(site, tmp_path / "plain", "--no-cache")
    assert tree(out) == tree(tmp_path / "plain")


def test_git_dates_always_build(site: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run(site, out, "--git-dates")
    calls = loads(monkeypatch)
    run(site, out, "--git-dates")
    assert calls == [1]  # the history is an input the hash does not cover


def test_the_last_line_counts_the_pages_from_the_walk_the_cache_made(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    walked: list[Path] = []
    real = Path.rglob

    def recorded(self: Path, pattern: str) -> object:
        walked.append(self)
        return real(self, pattern)

    monkeypatch.setattr(Path, "rglob", recorded)
    lines = [run(site, out).splitlines()[-1], run(site, out).splitlines()[-1]]  # built, replayed
    assert out not in walked  # counted from unchanged.py's listing, not a second walk
    lines.append(run(site, tmp_path / "plain", "--no-cache").splitlines()[-1])
    assert tmp_path / "plain" in walked  # without a cache there is no listing to count from
    pages = sum(1 for p in out.rglob("*") if p.is_file() and p.suffix == ".html")
    assert pages > 10
    assert lines[:2] == [f"{pages} pagina's gebouwd in {out}"] * 2
    assert lines[2] == f"{pages} pagina's gebouwd in {tmp_path / 'plain'}"
