"""tests/sites/attacks/<case>/: one pull request's attack per folder, built by the real command.

Each case runs in a sandbox folder of its own:

    sandbox/site/        the case (its `links.txt` lines `path -> target` become symlinks)
    sandbox/out/         the output folder, holding an earlier build
    sandbox/canary/      a folder outside the site that nothing may change
    sandbox/secret.txt   a file outside the site whose text may never be published

For every case: the expected exit code (`exit`, default 1) and diagnostics (`expected.txt`,
`path:line: code`), lines that must appear (`expected-text.txt`), no traceback, nothing
outside the output changed, and the secret nowhere in the output.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import NOW
from test_invalid_sites import DIAGNOSTIC, parse

from reisgids.outfolder import MARKER, MARKER_TEXT

CASES_DIR = Path(__file__).resolve().parent.parent / "sites" / "attacks"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
CASE_FILES = {"expected.txt", "expected-text.txt", "exit", "links.txt"}
SECRET = "GEHEIM-7f3a9c-niet-publiceren"


def snapshot(folder: Path, skip: str) -> dict[str, str]:
    """Every path under `folder` (links not followed) with a digest of what it is."""
    found: dict[str, str] = {}
    for current, dirs, files in os.walk(folder, followlinks=False):
        rel_dir = Path(current).relative_to(folder)
        # the output, the folders of the output it replaced (emptied of files, for the
        # next build: write.py) and reisgids' own build cache (site/.reisgids-cache)
        if rel_dir.parts[:1] in ((skip,), (f".{skip}.folders",)) \
                or ".reisgids-cache" in rel_dir.parts:
            assert rel_dir.parts[:1] != (f".{skip}.folders",) or not files, files
            continue
        dirs[:] = [d for d in dirs if d not in (".reisgids-cache", f".{skip}.folders")]
        for name in dirs + files:
            path = Path(current) / name
            rel = (rel_dir / name).as_posix()
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "dir"
    return found


class Sandbox:
    def __init__(self, case: str, tmp: Path) -> None:
        self.case = case
        self.work = tmp / case
        self.site = self.work / "site"
        self.out = self.work / "out"
        shutil.copytree(CASES_DIR / case, self.site,
                        ignore=lambda _dir, names: [n for n in names if n in CASE_FILES])
        links = CASES_DIR / case / "links.txt"
        if links.exists():
            for line in links.read_text(encoding="utf-8").splitlines():
                name, target = (part.strip() for part in line.split("->"))
                (self.site / name).parent.mkdir(parents=True, exist_ok=True)
                (self.site / name).symlink_to(target)
        self.out.mkdir()
        (self.out / MARKER).write_bytes(MARKER_TEXT)
        (self.out / "index.html").write_text("de vorige build\n", encoding="utf-8")
        canary = self.work / "canary"
        (canary / "sub").mkdir(parents=True)
        (canary / "index.html").write_text("kanarie\n", encoding="utf-8")
        (canary / "sub" / "over.md").write_text("---\ntitle: Kanarie\n---\nKanarie.\n",
                                                 encoding="utf-8")
        (self.work / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
        self.before = snapshot(self.work, "out")
        exit_file = CASES_DIR / case / "exit"
        self.exit = int(exit_file.read_text().strip()) if exit_file.exists() else 1

    def __call__(self) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        return subprocess.run(
            [sys.executable, "-m", "reisgids", "build", str(self.site), "--out", str(self.out),
             "--now", NOW, "--no-search"],
            cwd=self.work, capture_output=True, text=True, timeout=300, check=False, env=env)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[dict[str, tuple[Sandbox, Future[subprocess.CompletedProcess[str]]]]]:
    tmp = tmp_path_factory.mktemp("attacks")
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {case: (box, pool.submit(box)) for case in CASES
               for box in [Sandbox(case, tmp)]}


def test_there_are_cases_for_every_class() -> None:
    prefixes = {case.split("-")[0] for case in CASES}
    assert {"permalink", "theme", "symlink", "template"} <= prefixes
    for case in CASES:
        assert (CASES_DIR / case / "expected.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_attack(case: str, runs: dict[str, tuple[Sandbox, Future[
        subprocess.CompletedProcess[str]]]]) -> None:
    box, future = runs[case]
    result = future.result()
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "interne fout" not in output, output
    assert result.returncode == box.exit, output
    wanted = [line for line in (CASES_DIR / case / "expected.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    assert Counter(parse(result.stderr)) == Counter(wanted), result.stderr
    assert all("\x1b" not in line for line in result.stderr.splitlines()
               if DIAGNOSTIC.match(line))
    text_file = CASES_DIR / case / "expected-text.txt"
    if text_file.exists():
        for needle in text_file.read_text(encoding="utf-8").splitlines():
            assert needle in result.stderr, f"{needle!r} not in:\n{result.stderr}"
    # nothing outside the output changed (the site, the canary, the secret, the sandbox)
    assert snapshot(box.work, "out") == box.before
    # the secret is nowhere in the output
    for path in box.out.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    if box.exit != 0:  # a refused build leaves the earlier output as it was
        assert sorted(p.name for p in box.out.iterdir()) == sorted([MARKER, "index.html"])


def test_csv_cells_never_start_a_formula(runs: dict[str, tuple[Sandbox, Future[
        subprocess.CompletedProcess[str]]]]) -> None:
    """OWASP's CSV injection advice: a cell starting with = + - @ tab or CR gets a leading
    apostrophe, so a spreadsheet shows it instead of running it (also per ';'-item)."""
    box, future = runs["csv-formula"]
    assert future.result().returncode == 0, future.result().stderr
    with (box.out / "data" / "news.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (row,) = rows
    assert row["title"] == "'=HYPERLINK(\"https://evil.example/\"; \"klik\")"
    assert row["summary"] == "'+cmd|' /C calc'!A0"
    assert row["tags"].split(";") == ["'@SUM(1+1)", "'-2+3", "gewoon"]
    for path in (box.out / "data").glob("*.csv"):
        for cells in csv.reader(path.open(encoding="utf-8", newline="")):
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_control_characters_reach_the_terminal_escaped(tmp_path: Path) -> None:
    """A file name or a value holding ESC, BEL or an OSC sequence is printed escaped: the
    editor sees `\\x1b`, the terminal gets no command."""
    site = tmp_path / "site"
    (site / "content" / "pages").mkdir(parents=True)
    (site / "content" / "news").mkdir(parents=True)
    (site / "reisgids.yml").write_text(
        "title: Gids\nbase_url: https://example.org/\nvocabularies:\n"
        "  themes: {eenzaamheid: Eenzaamheid}\n", encoding="utf-8")
    (site / "content" / "pages" / "x\x1b]0;gekaapt\x07.md").write_text(
        "---\ntitle: X\n---\n", encoding="utf-8")
    (site / "content" / "news" / "bericht.md").write_text(
        '---\ntitle: Bericht\ndate: 2026-01-16\nthemes: ["\\e]8;;https://evil.example\\a'
        'klik\\e]8;;\\a\\e[2J"]\n---\nTekst.\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reisgids", "check", str(site), "--now", NOW],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(c in result.stderr for c in "\x1b\x07\x9b"), repr(result.stderr)
    assert "x\\x1b]0;gekaapt\\x07" in result.stderr
    assert "\\x1b]8;;https://evil.example\\x07klik" in result.stderr
    assert sorted(parse(result.stderr)) == [
        "content/news/bericht.md:4: vocab-unknown",
        "content/pages/x\\x1b]0;gekaapt\\x07.md:1: path-slug"]
