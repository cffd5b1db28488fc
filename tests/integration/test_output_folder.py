"""The output folder: only ours is replaced, builds into one folder wait for each other, and a
build killed at the swap leaves a complete output (the old one or the new one).

All through the real command (`python -m reisgids build`), in subprocesses."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NOW, REPO

from reisgids.outfolder import MARKER

CONFIG = "title: Grote gids\nbase_url: https://example.org/\nlanguage: nl\n"


def write_site(root: Path, pages: int, word: str = "Pagina") -> Path:
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "reisgids.yml").write_text(CONFIG, encoding="utf-8")
    for i in range(pages):
        (root / "content" / "pages" / f"pagina-{i:04d}.md").write_text(
            f"---\ntitle: {word} {i}\nsummary: Een korte pagina, nummer {i}.\n---\n"
            f"Tekst van pagina {i}.\n", encoding="utf-8")
    return root


def command(site: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "reisgids", "build", str(site), "--out", str(out),
            "--now", NOW, "--no-search"]


def build(site: Path, out: Path, env: dict[str, str] | None = None
          ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(site, out), cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False, env=env)


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("small") / "site", 5)


# ---- the guard ----

def test_a_folder_of_other_files_is_refused(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "mijn-documenten"
    out.mkdir()
    (out / "belangrijk.txt").write_text("niet weggooien\n", encoding="utf-8")
    result = build(small, out)
    assert result.returncode == 2, result.stderr
    assert str(out) in result.stderr and "reisgids niet heeft gemaakt" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["belangrijk.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mijn-documenten"]


@pytest.mark.parametrize("where", ["repo", "git-folder"])
def test_a_git_repository_is_refused(small: Path, tmp_path: Path, where: str) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repo / MARKER).write_text("zelfs met een merkteken\n", encoding="utf-8")
    out = repo if where == "repo" else repo / ".git"
    result = build(small, out)
    assert result.returncode == 2, result.stderr
    assert ".git" in result.stderr and str(out) in result.stderr
    assert (repo / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


def test_the_home_folder_is_refused(small: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / MARKER).write_text("\n", encoding="utf-8")  # not even with a marker
    result = build(small, home, env={**os.environ, "HOME": str(home)})
    assert result.returncode == 2, result.stderr
    assert "thuismap" in result.stderr
    assert sorted(p.name for p in home.iterdir()) == [MARKER]


def beside(folder: Path) -> list[str]:
    """What `folder` holds, but the folders kept of replaced outputs (`.out.folders`, for
    the next build: write.py), which must hold no file."""
    kept = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".folders")]
    assert not [p for k in kept for p in k.rglob("*") if not p.is_dir() or p.is_symlink()]
    return sorted(p.name for p in folder.iterdir() if p not in kept)


def test_new_empty_and_marked_folders_are_ours(small: Path, tmp_path: Path) -> None:
    new, empty = tmp_path / "nieuw", tmp_path / "leeg"
    empty.mkdir()
    for out in (new, empty):
        result = build(small, out)
        assert result.returncode == 0, result.stderr
        assert (out / MARKER).is_file() and (out / "index.html").is_file()
    (new / "oud-bestand.txt").write_text("van een vorige keer\n", encoding="utf-8")
    assert build(small, new).returncode == 0  # marked by the first build: replaced whole
    assert not (new / "oud-bestand.txt").exists()
    assert beside(tmp_path) == ["leeg", "nieuw"]
    assert (tmp_path / ".nieuw.folders").is_dir()  # the replaced output's, for the next build


# ---- two builds at once ----

def test_concurrent_builds_give_the_output_of_one(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 2000)
    reference = tmp_path / "reference"
    assert build(site, reference).returncode == 0
    expected = tree(reference)
    assert len([p for p in expected if p.endswith(".html")]) > 2000
    out = tmp_path / "out"
    for _round in range(3):
        runs = [subprocess.Popen(command(site, out), cwd=REPO, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for run in runs:
            _stdout, stderr = run.communicate(timeout=600)
            assert run.returncode == 0, stderr
        assert tree(out) == expected
    assert beside(tmp_path) == ["out", "reference", "site"]


# ---- a build killed at the swap ----

KILLER = """
import os, signal, sys
import reisgids.swap as swap
real = swap.exchange
moment = sys.argv.pop(1)
def exchange(a, b):
    if moment == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    done = real(a, b)
    os.kill(os.getpid(), signal.SIGKILL)
    return done
swap.exchange = exchange
from reisgids.cli import main
sys.argv[0] = "reisgids"
main()
"""


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_build_killed_at_the_swap_leaves_a_complete_output(tmp_path: Path,
                                                             moment: str) -> None:
    old_site = write_site(tmp_path / "oud", 30, "Oude pagina")
    new_site = write_site(tmp_path / "nieuw", 30, "Nieuwe pagina")
    refs = {}
    for name, site in (("oud", old_site), ("nieuw", new_site)):
        assert build(site, tmp_path / f"ref-{name}").returncode == 0
        refs[name] = tree(tmp_path / f"ref-{name}")
    assert refs["oud"] != refs["nieuw"]
    out = tmp_path / "out"
    assert build(old_site, out).returncode == 0
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, moment, *command(new_site, out)[3:]], cwd=REPO,
        capture_output=True, text=True, timeout=300, check=False)
    assert killed.returncode == -9, killed.stderr  # it really died at the swap
    assert tree(out) == refs["oud" if moment == "before" else "nieuw"]
    # the next build clears what the killed one left behind
    assert build(new_site, out).returncode == 0
    assert tree(out) == refs["nieuw"]
    assert beside(tmp_path) == ["nieuw", "oud", "out", "ref-nieuw", "ref-oud"]
