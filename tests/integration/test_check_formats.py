"""`reisgids check --format github|gitlab|json` on tests/sites/invalid cases: the same
findings as the plain format, in the shape GitHub, GitLab and other tools read."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import NOW, run_cli

from reisgids.errors import Location, Text, error
from reisgids.report_formats import github

CASES_DIR = Path(__file__).resolve().parent.parent / "sites" / "invalid"
# Through a subprocess, as CI runs it: an error, a warning under --strict, a YAML error,
# several files. Every case of tests/sites/invalid runs in process further down.
CASES = ["schema-enum-contribution", "strict-stale", "yaml-syntax", "many-files"]
COMMAND = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$")


def expected(case: str) -> Counter[str]:
    text = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    return Counter(line for line in text.splitlines() if line.strip())


def check(case: str, fmt: str, *extra: str) -> tuple[int, str, str]:
    args = ["check", str(CASES_DIR / case), "--now", NOW, "--format", fmt, *extra]
    if (CASES_DIR / case / "strict").exists():
        args.append("--strict")
    result = run_cli(*args)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASES)
def test_github_workflow_commands(case: str) -> None:
    code, out, err = check(case, "github")
    assert code == 1
    found = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        assert match, line
        _severity, path, line_no, _col, title, message = match.groups()
        code_name = re.search(r"\[([a-z0-9-]+)\]", title)
        assert code_name, title
        found.append(f"{path}:{line_no}: {code_name[1]}")
        assert "%0A" not in message and message.strip()
    assert Counter(found) == expected(case), out
    assert re.search(r"^\d+ (fout|fouten), ", err, re.MULTILINE), err
    # the log keeps every message with its place (GitHub annotates only ten per kind)
    assert Counter(re.findall(r"^(\S+?:\d+):\d+: \S+ \[([a-z0-9-]+)\]", err, re.MULTILINE)) \
        == Counter(tuple(k.rsplit(": ", 1)) for k in expected(case).elements())


@pytest.mark.parametrize("case", CASES)
def test_gitlab_code_quality_report(case: str, tmp_path: Path) -> None:
    report = tmp_path / "gl-code-quality-report.json"
    code, _out, err = check(case, "gitlab", "--output", str(report))
    assert code == 1
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert isinstance(issues, list)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity",
                              "location"}
        assert issue["severity"] in {"major", "minor"}
        assert issue["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert Counter(f"{i['location']['path']}:{i['location']['lines']['begin']}: "
                   f"{i['check_name']}" for i in issues) == expected(case)
    # the people reading the job log still get the plain lines
    assert Counter(re.findall(r"^(\S+?:\d+):\d+: \S+ \[([a-z0-9-]+)\]", err, re.MULTILINE)) \
        == Counter(tuple(k.rsplit(": ", 1)) for k in expected(case).elements())
    # the same input gives the same report (GitLab compares fingerprints between runs)
    again = tmp_path / "again.json"
    check(case, "gitlab", "--output", str(again))
    assert again.read_bytes() == report.read_bytes()


@pytest.mark.parametrize("case", CASES)
def test_json_on_stdout(case: str) -> None:
    code, out, _err = check(case, "json")
    assert code == 1
    data = json.loads(out)
    items = data["diagnostics"]
    assert data["errors"] + data["warnings"] == len(items)
    assert Counter(f"{d['path']}:{d['line']}: {d['code']}" for d in items) == expected(case)
    assert all(d["severity"] in {"error", "warning"} and d["message"] for d in items)


def test_clean_site_prints_nothing_but_ok(make_site) -> None:  # type: ignore[no-untyped-def]
    site = make_site({})
    result = run_cli("check", str(site), "--format", "github")
    assert result.returncode == 0 and result.stdout == ""
    result = run_cli("check", str(site), "--format", "gitlab")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_output_needs_a_machine_format(make_site) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(make_site({})), "--output", "x.json")
    assert result.returncode == 2


def test_output_that_cannot_be_written(make_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(make_site({})), "--format", "json", "--output",
                     str(tmp_path / "bestaat-niet" / "r.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "--output" in result.stderr


def test_github_escapes_per_its_rules() -> None:
    d = error("yaml-syntax", Location("content/deals/a,b:c%.md", 3, 2),
              Text("regel 1\nregel 2 100%\r", "x"), field="a:b")
    line = github([d], "nl")
    assert line == ("::error file=content/deals/a%2Cb%3Ac%25.md,line=3,col=2,"
                    "title=reisgids [yaml-syntax] a%3Ab::a:b: regel 1%0Aregel 2 100%25%0D\n")


ALL_CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", ALL_CASES)
def test_every_invalid_case_in_every_format(case: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """All cases, in process (the same click command; a subprocess each would be slow):
    each format names exactly the findings of expected.txt."""
    from click.testing import CliRunner

    from reisgids.cli import cli

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    args = ["check", str(CASES_DIR / case), "--now", NOW]
    if (CASES_DIR / case / "strict").exists():
        args.append("--strict")
    runner = CliRunner()
    want = expected(case)

    result = runner.invoke(cli, [*args, "--format", "github"])
    assert result.exit_code == 1, result.output
    found: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = COMMAND.match(line)
        assert match, line
        code = re.search(r"\[([a-z0-9-]+)\]", match[5])
        assert code, line
        found[f"{match[2]}:{match[3]}: {code[1]}"] += 1
    assert found == want

    report = tmp_path / "report.json"
    result = runner.invoke(cli, [*args, "--format", "gitlab", "--output", str(report)])
    assert result.exit_code == 1, result.output
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert Counter(f"{i['location']['path']}:{i['location']['lines']['begin']}: "
                   f"{i['check_name']}" for i in issues) == want
    assert len({i["fingerprint"] for i in issues}) == len(issues)

    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    items = json.loads(result.stdout)["diagnostics"]
    assert Counter(f"{d['path']}:{d['line']}: {d['code']}" for d in items) == want
