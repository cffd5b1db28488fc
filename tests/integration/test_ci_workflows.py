"""The CI workflows a guide gets (ci/github-pages.yml, ci/gitlab-ci.yml): their `run:` and
`script:` lines run in a shell against a sample guide, with reisgids from this checkout
instead of the pinned release (the install line is checked, not run)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, run_cli

from reisgids import __version__

INSTALL = 'pip install "$REISGIDS"'
PAGES_URL = "https://gemeente.example/reisgids"
BROKEN_DEAL = "---\ntitle: Kapot\nsummary: Een deal met een fout.\nphase: uitvoerng\n---\n"


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((REPO / "ci" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def assert_pinned(spec: str) -> None:
    """A release from the package index or a tag of the git repository, of this version."""
    assert spec in (f"reisgids=={__version__}",) or re.fullmatch(
        rf"reisgids @ git\+https://\S+@v{re.escape(__version__)}", spec), spec


def shell(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Like a runner: bash, stop at the first failing command."""
    full = {**os.environ, **env, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    full.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=full, capture_output=True, text=True, timeout=600,
                          check=False)


def git(root: Path, *args: str) -> None:
    # an old commit: a workflow that took "now" from the commit would show 2025-01-02
    env = {**os.environ, "GIT_AUTHOR_NAME": "r", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "r", "GIT_COMMITTER_EMAIL": "r@example.org",
           "GIT_AUTHOR_DATE": "2025-01-02T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2025-01-02T12:00:00+00:00"}
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    root = tmp_path / "gids"
    assert run_cli("init", str(root)).returncode == 0
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "begin")
    return root


def today() -> str:
    return datetime.now(UTC).date().isoformat()


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def lastmod(site: Path, url: str) -> str:
    for node in ET.parse(site / "sitemap.xml").getroot():
        if node.findtext("{*}loc") == url:
            return node.findtext("{*}lastmod") or ""
    raise AssertionError(f"{url} not in the sitemap")


# GitHub Actions ------------------------------------------------------------------------

EXPRESSIONS = {"steps.pages.outputs.base_url": PAGES_URL}


def github_steps(job: str) -> list[tuple[str, dict[str, str]]]:
    """The job's shell steps (install step checked and left out) with their env."""
    data = workflow("github-pages.yml")
    base_env = {**data.get("env", {}), **data["jobs"][job].get("env", {})}
    assert_pinned(base_env["REISGIDS"])
    steps = []
    for step in data["jobs"][job]["steps"]:
        if "run" not in step:
            continue
        if step["run"].strip() == INSTALL:
            continue
        env = {**base_env, **{k: str(v) for k, v in step.get("env", {}).items()}}
        for key, value in env.items():
            env[key] = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}",
                              lambda m: EXPRESSIONS[m[1]], value)
        assert "${{" not in step["run"], "expressions belong in env:, not in run:"
        steps.append((step["run"], env))
    installs = [s for s in data["jobs"][job]["steps"] if s.get("run", "").strip() == INSTALL]
    assert len(installs) == 1
    return steps


def run_github_job(job: str, guide: Path) -> subprocess.CompletedProcess[str]:
    result = None
    for script, env in github_steps(job):
        result = shell(script, guide, env)
        if result.returncode != 0:
            return result
    assert result is not None
    return result


def test_github_triggers_and_history() -> None:
    data = workflow("github-pages.yml")
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert {"pull_request", "push", "schedule"} <= set(triggers)
    assert triggers["schedule"][0]["cron"].count(" ") == 4
    assert "pull_request" in data["jobs"]["check"]["if"]
    assert "!= 'pull_request'" in data["jobs"]["publish"]["if"]  # push and the schedule
    for job in data["jobs"].values():  # git dates need the whole history
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith(
            "actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0


def test_github_pull_request_checks_and_uploads_a_preview(guide: Path) -> None:
    result = run_github_job("check", guide)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout
    upload = next(s for s in workflow("github-pages.yml")["jobs"]["check"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-artifact"))
    preview = guide / upload["with"]["path"]
    assert (preview / "index.html").is_file() and (preview / "pagefind").is_dir()
    assert lastmod(preview, "https://reisgids.example/zoeken/") == today()
    assert lastmod(preview, "https://reisgids.example/over/") == "2025-01-02"  # git date


def test_github_pull_request_annotates_the_line_at_fault(guide: Path) -> None:
    (guide / "content/deals/kapot.md").write_text(BROKEN_DEAL, encoding="utf-8")
    result = run_github_job("check", guide)
    assert result.returncode == 1
    assert re.search(r"^::error file=content/deals/kapot.md,line=4,col=\d+,title=reisgids "
                     r"\[schema-enum\] phase::phase: ", result.stdout, re.MULTILINE), \
        result.stdout


def test_github_publish_builds_for_pages_with_todays_date(guide: Path) -> None:
    data = workflow("github-pages.yml")
    upload = next(s for s in data["jobs"]["publish"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    site = guide / upload["with"]["path"]
    result = run_github_job("publish", guide)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lastmod(site, f"{PAGES_URL}/zoeken/") == today()
    first = tree(site)
    # the same commit on the same day: the same bytes
    assert run_github_job("publish", guide).returncode == 0
    assert tree(site) == first


# GitLab CI -----------------------------------------------------------------------------

GITLAB_ENV = {"CI_PAGES_URL": PAGES_URL, "CI_DEFAULT_BRANCH": "main"}


def gitlab_script(job: str) -> tuple[str, dict[str, str]]:
    data = workflow("gitlab-ci.yml")
    variables = {k: str(v) for k, v in data["variables"].items()}
    assert_pinned(variables["REISGIDS"])
    assert variables["GIT_DEPTH"] == "0"
    assert data["before_script"] == [INSTALL]
    lines = data[job].get("before_script", []) + data[job]["script"]
    return "\n".join(lines), {**variables, **GITLAB_ENV}


def test_gitlab_merge_request_report_and_preview(guide: Path) -> None:
    data = workflow("gitlab-ci.yml")
    script, env = gitlab_script("check")
    result = shell(script, guide, env)
    assert result.returncode == 0, result.stdout + result.stderr
    artifacts = data["check"]["artifacts"]
    assert json.loads((guide / artifacts["reports"]["codequality"]).read_text()) == []
    assert (guide / artifacts["paths"][0] / "index.html").is_file()
    assert artifacts["when"] == "always"  # the report is kept when the check fails

    (guide / "content/deals/kapot.md").write_text(BROKEN_DEAL, encoding="utf-8")
    result = shell(script, guide, env)
    assert result.returncode == 1
    issues = json.loads((guide / artifacts["reports"]["codequality"]).read_text())
    assert ("content/deals/kapot.md", 4, "schema-enum") in [
        (i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"])
        for i in issues]


def test_gitlab_pages_with_todays_date(guide: Path) -> None:
    data = workflow("gitlab-ci.yml")
    assert data["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    script, env = gitlab_script("pages")
    result = shell(script, guide, env)
    assert result.returncode == 0, result.stdout + result.stderr
    public = guide / data["pages"]["artifacts"]["paths"][0]
    assert public.name == "public"
    assert lastmod(public, f"{PAGES_URL}/zoeken/") == today()
