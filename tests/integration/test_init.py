"""`reisgids init`: a new guide passes `check --strict` at once and builds a site whose
every list says how to add the first entry; `--git-dates` fills `updated` from git."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from conftest import NOW, REPO, run_cli

from reisgids.source.gitdates import parse_log

LISTS = {  # URL -> the kind whose empty state it shows
    "deals/": "deal", "projecten/": "project", "partners/": "partner",
    "instrumenten/": "instrument", "schouwen/": "review", "lessen/": "lesson",
    "kompas/": "agenda-item", "kompas/agenda/": "agenda-item", "nieuws/": "news",
    "verhalen/": "story", "agenda/": "event", "marktplaats/": "listing", "wijken/": "area",
    "": "news",
}


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "mijn-gids"
    result = run_cli("init", str(root))
    assert result.returncode == 0, result.stderr
    return root


def test_init_writes_a_complete_guide(guide: Path) -> None:
    for rel in ("reisgids.yml", ".gitignore", "README.md", ".github/workflows/reisgids.yml",
                ".gitlab-ci.yml", "content/pages/over.md", "content/pages/colofon.md",
                "content/pages/privacy.md", "content/pages/toegankelijkheid.md",
                "content/deals/.gitkeep", "content/compass/agenda/.gitkeep"):
        assert (guide / rel).is_file(), rel
    config = (guide / "reisgids.yml").read_text(encoding="utf-8")
    assert config.count("\n#") >= 10  # explained in Dutch, line by line
    for key in ("themes:", "forms:", "partner_types:", "compass:", "cadence:"):
        assert key in config
    statement = (guide / "content/pages/toegankelijkheid.md").read_text(encoding="utf-8")
    for heading in ("## Verklaring", "## Nalevingsstatus", "## Feedback en contactgegevens",
                    "## Handhavingsprocedure"):
        assert heading in statement
    # the CI files a guide gets are the ones this repository documents in ci/
    assert (guide / ".github/workflows/reisgids.yml").read_bytes() == \
        (REPO / "ci/github-pages.yml").read_bytes()
    assert (guide / ".gitlab-ci.yml").read_bytes() == (REPO / "ci/gitlab-ci.yml").read_bytes()


def test_check_strict_passes_at_once(guide: Path) -> None:
    result = run_cli("check", str(guide), "--strict", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_build_shows_how_to_add_the_first_entry(guide: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("build", str(guide), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    for url, kind in LISTS.items():
        html = (out / url / "index.html").read_text(encoding="utf-8")
        assert 'class="empty-state"' in html, url
        assert f"<code>reisgids new {kind} " in html, url
    # no filter box without anything to filter
    assert 'class="facets"' not in (out / "deals/index.html").read_text(encoding="utf-8")
    assert "Nog geen deals — zo voeg je er een toe:" in (out / "deals/index.html").read_text(
        encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    for page in ("over", "colofon", "privacy", "toegankelijkheid"):
        assert (out / page / "index.html").is_file()
        assert f'href="/{page}/"' in home, page  # in the footer of every page


def test_title_and_address_of_its_own(tmp_path: Path) -> None:
    title = 'Reisgids "Utrecht": zorg & welzijn # niet-commentaar'
    root = tmp_path / "utrecht"
    result = run_cli("init", str(root), "--title", title, "--base-url",
                     "https://gemeente.example/reisgids/")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search",
                     "--strict")
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Reisgids &#34;Utrecht&#34;: zorg &amp; welzijn # niet-commentaar" in home
    assert 'href="https://gemeente.example/reisgids/"' in home  # canonical


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "notities.txt").write_text("van mij\n", encoding="utf-8")
    result = run_cli("init", str(target))
    assert result.returncode == 2
    assert "niet leeg" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notities.txt"]


def test_an_empty_git_repository_is_empty_enough(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert run_cli("init", str(tmp_path / "repo")).returncode == 0
    assert (tmp_path / "repo" / "reisgids.yml").is_file()


def git(root: Path, *args: str, day: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "r", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "r", "GIT_COMMITTER_EMAIL": "r@example.org"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
                "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_dates(guide: Path, tmp_path: Path) -> None:
    root = tmp_path / "gids"
    shutil.copytree(guide, root)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "begin", day="2026-03-01")
    over = root / "content/pages/over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nMeer tekst.\n", encoding="utf-8")
    privacy = root / "content/pages/privacy.md"
    privacy.write_text(privacy.read_text(encoding="utf-8").replace(
        "---\n\n", "updated: 2026-01-05\n---\n\n", 1), encoding="utf-8")
    git(root, "commit", "-qam", "over bijgewerkt", day="2026-04-02")

    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search",
                     "--git-dates")
    assert result.returncode == 0, result.stderr

    def updated(page: str) -> str:
        html = (out / page / "index.html").read_text(encoding="utf-8")
        found = re.search(r'Bijgewerkt op <time datetime="([0-9-]+)">', html)
        return found[1] if found else ""

    assert updated("over") == "2026-04-02"  # its last commit
    assert updated("colofon") == "2026-03-01"
    assert updated("privacy") == "2026-01-05"  # the front matter wins
    lastmod = {u.findtext("{*}loc"): u.findtext("{*}lastmod")
               for u in ET.parse(out / "sitemap.xml").getroot()}
    assert lastmod["https://reisgids.example/over/"] == "2026-04-02"
    assert all(lastmod.values())  # every URL has one
    assert lastmod["https://reisgids.example/zoeken/"] == NOW

    # a shallow clone (CI's default checkout) would give wrong dates: none at all
    shallow = tmp_path / "ondiep"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(shallow)],
                   check=True, capture_output=True)
    result = run_cli("build", str(shallow), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    assert updated("colofon") == "" and updated("privacy") == "2026-01-05"

    # without --git-dates (and git_dates: false) nothing comes from git
    config = root / "reisgids.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "git_dates: true", "git_dates: false"), encoding="utf-8")
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    assert updated("over") == "" and updated("privacy") == "2026-01-05"


def test_git_dates_without_git_fall_back(guide: Path, tmp_path: Path) -> None:
    """Not a repository, and no git on PATH at all: the build just has no git dates."""
    out = tmp_path / "out"
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    for extra_env in (None, env):
        result = subprocess.run(
            [sys.executable, "-m", "reisgids", "build", str(guide), "--out", str(out),
             "--now", NOW, "--no-search", "--git-dates"], cwd=REPO, capture_output=True,
            text=True, timeout=300, check=False, env=extra_env)
        assert result.returncode == 0, result.stderr
        assert "Bijgewerkt op" not in (out / "over/index.html").read_text(encoding="utf-8")


def test_parse_log_takes_the_newest_commit_and_any_file_name() -> None:
    log = (b"\x1e2026-04-02\x00\ncontent/pages/a.md\x00content/news/-n\nx.md\x00"
           b"\x1e2026-03-01\x00\ncontent/pages/a.md\x00content/pages/b.md\x00")
    assert parse_log(log) == {"content/pages/a.md": date(2026, 4, 2),
                              "content/news/-n\nx.md": date(2026, 4, 2),
                              "content/pages/b.md": date(2026, 3, 1)}
