"""tests/sites/invalid/<case>/: one small site per failure, built by the real command.

Each case folder holds a site and `expected.txt`: every diagnostic the build must print, as
`path:line: code`, one per line. Optional: a `strict` file (build with --strict) and
`expected-text.txt` (lines that must appear in the output, such as a hint).

For every case: exit code 1, exactly the expected diagnostics, no traceback, and the
previous output untouched — nothing written, no staging folder left behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from conftest import NOW, REPO

from reisgids.build import load_site
from reisgids.codes import CODES, missing_entry

CASES_DIR = Path(__file__).resolve().parent.parent / "sites" / "invalid"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
CASE_FILES = {"expected.txt", "expected-text.txt", "strict"}
SENTINEL = "vorige-build.txt"
LABELLED = re.compile(r"^.+?:\d+:\d+: (?P<label>fout|waarschuwing) \[(?P<code>[a-z0-9-]+)\]")
DIAGNOSTIC = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: \S+ \[(?P<code>[a-z0-9-]+)\]")


def parse(stderr: str) -> list[str]:
    return [f"{m['path']}:{m['line']}: {m['code']}"
            for m in map(DIAGNOSTIC.match, stderr.splitlines()) if m]


def expected(case: str) -> list[str]:
    text = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


class Run:
    """One case copied to a temporary folder and built; the result and the folders."""

    def __init__(self, case: str, tmp: Path) -> None:
        self.case = case
        self.work = tmp / case
        self.site = self.work / "site"
        self.out = self.work / "out"
        shutil.copytree(CASES_DIR / case, self.site,
                        ignore=lambda _dir, names: [n for n in names if n in CASE_FILES])
        self.out.mkdir()
        (self.out / SENTINEL).write_text("de vorige build\n", encoding="utf-8")
        self.strict = (CASES_DIR / case / "strict").exists()

    def __call__(self) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, "-m", "reisgids", "build", str(self.site), "--out",
                str(self.out), "--now", NOW]
        if self.strict:
            args.append("--strict")
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=300,
                              check=False, env=env)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[dict[str, tuple[Run, Future[subprocess.CompletedProcess[str]]]]]:
    """Start every case at once (a few at a time); each test waits for its own."""
    tmp = tmp_path_factory.mktemp("invalid")
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2))) as pool:
        started = {}
        for case in CASES:
            run = Run(case, tmp)
            started[case] = (run, pool.submit(run))
        yield started


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25
    for case in CASES:
        assert (CASES_DIR / case / "expected.txt").is_file(), case
        assert expected(case), f"{case}: expected.txt is empty"
        assert expected(case) == sorted(expected(case), key=lambda s: (
            s.rsplit(":", 2)[0], int(s.rsplit(":", 2)[1]), s.rsplit(":", 2)[2])), case


def test_every_error_class_has_a_case() -> None:
    codes = {line.rsplit(": ", 1)[1] for case in CASES for line in expected(case)}
    wanted = {
        "path-folder", "path-subfolder", "path-extension", "path-slug", "path-file",
        "encoding", "frontmatter-missing", "frontmatter-unclosed", "yaml-syntax",
        "yaml-duplicate-key", "yaml-anchor", "yaml-alias", "yaml-tag", "yaml-merge",
        "yaml-not-mapping", "schema-extra-forbidden", "schema-missing", "schema-enum",
        "schema-bool", "schema-date", "schema-string-too-long", "ref-unresolved",
        "vocab-unknown", "deal-partners", "end-before-start", "agenda-first", "agenda-move",
        "agenda-requires", "agenda-date-back", "agenda-ended", "url-collision", "url-reserved",
        "link-broken", "link-anchor", "schema-static-path", "image-alt", "image-missing",
        "config-missing", "stale", "stale-missing", "listing-valid-until", "deal-no-review",
        "lesson-uncited", "partner-contact", "ref-unpublished", "outline-orphan",
        "outline-json", "html-removed", "url-unsafe", "image-remote", "link-unpublished",
        "schema-kindref-kind", "schema-moment", "schema-url",
    }
    assert wanted <= codes, sorted(wanted - codes)


@pytest.mark.parametrize("case", CASES)
def test_invalid_site(case: str, runs: dict[str, tuple[Run, Future[
        subprocess.CompletedProcess[str]]]]) -> None:
    run, future = runs[case]
    result = future.result()
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert Counter(parse(result.stderr)) == Counter(expected(case)), result.stderr
    # printed once, sorted, with a summary line
    lines = [line for line in result.stderr.splitlines() if DIAGNOSTIC.match(line)]
    assert len(lines) == len(set(lines)), result.stderr
    assert re.search(r"^\d+ (fout|fouten), \d+ (waarschuwing|waarschuwingen) in \d+ "
                     r"(bestand|bestanden)$", result.stderr, re.MULTILINE), result.stderr
    text_file = CASES_DIR / case / "expected-text.txt"
    if text_file.exists():
        for needle in text_file.read_text(encoding="utf-8").splitlines():
            assert needle in result.stderr, f"{needle!r} not in:\n{result.stderr}"
    # the previous output is untouched, and nothing was left beside it
    assert sorted(p.name for p in run.out.iterdir()) == [SENTINEL]
    assert (run.out / SENTINEL).read_text(encoding="utf-8") == "de vorige build\n"
    assert sorted(p.name for p in run.work.iterdir()) == ["out", "site"]


@pytest.mark.parametrize("case", [c for c in CASES if (CASES_DIR / c / "strict").exists()])
def test_strict_cases_are_only_warnings_without_strict(case: str) -> None:
    """Without --strict the same site passes: these are warnings, not errors (checked in
    process, as `check` does: load_site)."""
    site, report = load_site(CASES_DIR / case, now=date.fromisoformat(NOW))
    assert site is not None
    assert not report.fails(strict=False)
    assert report.fails(strict=True)
    found = [f"{d.location.path}:{d.location.line}: {d.code}" for d in report.sorted()]
    assert Counter(found) == Counter(expected(case))
    assert all(not d.is_error for d in report.items)


def test_every_printed_code_is_in_the_catalogue(runs: dict[str, tuple[Run, Future[
        subprocess.CompletedProcess[str]]]]) -> None:
    """Codes recorded across every case run: each has a catalogue entry (reisgids/codes.py)."""
    printed: dict[str, str] = {}
    labels: dict[str, set[str]] = {}
    for case, (_run, future) in runs.items():
        for found in map(LABELLED.match, future.result().stderr.splitlines()):
            if found:
                printed.setdefault(found["code"], case)
                labels.setdefault(found["code"], set()).add(found["label"])
    missing = [missing_entry(code, f"tests/sites/invalid/{case}")
               for code, case in sorted(printed.items()) if code not in CODES]
    assert not missing, "\n\n".join(missing)
    for code, seen in labels.items():  # the catalogue says honestly what stops a build
        assert seen <= set(CODES[code].severity.split(" of ")), (code, seen)


def test_the_editors_guide_quotes_real_messages(runs: dict[str, tuple[Run, Future[
        subprocess.CompletedProcess[str]]]]) -> None:
    """docs/redactie.md shows the ten most common slips with the message each gives: each
    quoted message is printed, word for word, by one of these cases."""
    guide = (REPO / "docs" / "redactie.md").read_text(encoding="utf-8")
    quoted = [line.strip() for line in guide.splitlines() if LABELLED.match(line.strip())]
    assert len(quoted) >= 10
    printed = {line for _run, future in runs.values()
               for line in future.result().stderr.splitlines()}
    assert [line for line in quoted if line not in printed] == []
