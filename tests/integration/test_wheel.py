"""The wheel: built from the tree, installed (not editable) into a fresh venv, it builds the
example guide and a new `init` guide byte for byte like the editable install does.

One module-scoped fixture does the slow part once: copy the package sources, build the
wheel, create a venv, install the wheel with its dependencies (pip's cache keeps that
quick), and check that no step printed a warning.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import NOW, REPO, run_cli

from reisgids import __version__

# Lines about the machine, not about reisgids: pip's configuration here points at local
# mirrors that may be absent, and PYTHONDONTWRITEBYTECODE makes setuptools skip .pyc files.
MACHINE_NOISE = re.compile(r"^WARNING: Location '.*' is ignored|"
                           r"^\s*warning: \w+: byte-compiling is disabled", re.IGNORECASE)


@dataclass(frozen=True)
class Installed:
    bin: Path
    pip_output: str
    source: Path  # the copy of the package sources the wheel was built from
    wheel: Path


def pip_run(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                            timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def warnings_in(output: str) -> list[str]:
    return [line for line in output.splitlines()
            if re.search(r"warn|deprecat", line, re.IGNORECASE) and not MACHINE_NOISE.match(line)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a copy: building in the checkout would leave build/ behind
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "reisgids", source / "reisgids",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    # -v: pip hides the build backend's output (setuptools' deprecation blocks) otherwise
    output = pip_run(sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", dist,
                     source)
    wheels = list(dist.glob("reisgids-*.whl"))
    assert [w.name for w in wheels] == [f"reisgids-{__version__}-py3-none-any.whl"]
    env = tmp / "venv"
    venv.create(env, with_pip=True)
    output += pip_run(env / "bin" / "python", "-m", "pip", "install", wheels[0])
    return Installed(env / "bin", output, source, wheels[0])


def test_install_prints_no_warning(installed: Installed) -> None:
    assert warnings_in(installed.pip_output) == [], installed.pip_output


def test_the_installed_package_is_the_wheel(installed: Installed) -> None:
    where = subprocess.run([installed.bin / "python", "-c",
                            "import reisgids; print(reisgids.__file__)"], cwd="/",
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed.bin.parent), where
    assert not Path(where).is_relative_to(REPO)
    version = subprocess.run([installed.bin / "reisgids", "--version"], capture_output=True,
                             text=True, check=True).stdout
    assert version.strip() == f"reisgids, version {__version__}"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_example_and_new_guide_build_like_the_editable_install(installed: Installed,
                                                                tmp_path: Path) -> None:
    wheel_cli = installed.bin / "reisgids"
    guide = tmp_path / "nieuw"
    result = subprocess.run([wheel_cli, "init", guide], capture_output=True, text=True,
                            check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    editable_guide = tmp_path / "nieuw-editable"
    assert run_cli("init", str(editable_guide)).returncode == 0
    assert tree(guide) == tree(editable_guide)

    # the example guide without search (quicker); the new guide with search (Pagefind)
    for site, extra in ((REPO, ["--no-search"]), (guide, [])):
        ours, theirs = tmp_path / f"wheel-{site.name}", tmp_path / f"editable-{site.name}"
        args = ["build", str(site), "--now", NOW, *extra]
        result = subprocess.run([wheel_cli, *args, "--out", str(ours)], cwd=tmp_path,
                                capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stderr
        assert run_cli(*args, "--out", str(theirs)).returncode == 0
        built, expected = tree(ours), tree(theirs)
        assert built.keys() == expected.keys()
        assert [k for k in built if built[k] != expected[k]] == []
        assert "index.html" in built and "assets/reisgids.css" in built


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_url_with_a_tag_resolves(installed: Installed, tmp_path: Path) -> None:
    """The second way the CI files pin reisgids, `reisgids @ git+https://…@v0.2.0`, here
    with a local repository: pip resolves the tag and builds the same wheel."""
    repo = tmp_path / "reisgids"
    shutil.copytree(installed.source, repo)
    env = {**os.environ, "GIT_AUTHOR_NAME": "r", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "r", "GIT_COMMITTER_EMAIL": "r@example.org"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "release"],
                 ["tag", f"v{__version__}"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    dist = tmp_path / "dist"
    pip_run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist,
            # localhost: older pips want a host in a direct reference's URL
            f"reisgids @ git+file://localhost{repo}@v{__version__}")
    built = list(dist.glob("*.whl"))
    assert [w.name for w in built] == [installed.wheel.name]
    with zipfile.ZipFile(built[0]) as ours, zipfile.ZipFile(installed.wheel) as theirs:
        assert sorted(ours.namelist()) == sorted(theirs.namelist())
