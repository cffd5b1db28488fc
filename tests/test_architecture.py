"""The import contracts in pyproject.toml ([tool.importlinter]) hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is not installed (pip install -e '.[test]')"
    result = subprocess.run([command], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert "Contracts: 7 kept" in result.stdout


def test_the_build_command_imports_no_pillow_before_an_image_needs_it() -> None:
    """Start-up is a fixed cost of every build (docs/speed.md, "One edited entry"): Pillow is
    imported where an image is read or made, not with the command."""
    code = "import sys, reisgids.cli; print(sorted(m for m in sys.modules if m == 'PIL'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


STAGES = ("pydantic", "jinja2", "markdown", "yaml", "reisgids.build", "reisgids.model")


def _loaded_stages(code: str) -> list[str]:
    probe = ("import sys\n" + code + "\nprint(sorted({m for m in sys.modules for s in "
             f"{STAGES!r} if m == s or m.startswith(s + '.')}}), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=False)
    return [line for line in result.stderr.splitlines() if line.startswith("[")]


def test_the_command_line_loads_no_stage_before_a_command_runs_it() -> None:
    """`reisgids --version` (and `--help`) cost the import of click and little else: the
    models, Jinja, Markdown and YAML come with the commands that use them."""
    assert _loaded_stages("import reisgids.cli") == ["[]"]


def test_a_build_that_finds_nothing_changed_loads_no_stage(tmp_path: Path) -> None:
    """unchanged.replay() answers from the cache alone: it needs none of the stages."""
    site, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(REPO / "tests" / "sites" / "basic", site,
                    ignore=shutil.ignore_patterns(".reisgids-cache"))
    build = ("import os, reisgids.cli\n"
             f"os.environ['XDG_CACHE_HOME'] = {str(tmp_path / 'keys')!r}\n"
             "try:\n"
             "    reisgids.cli.cli(['build', " + f"{str(site)!r}, '--out', {str(out)!r}, "
             "'--now', '2026-12-01', '--no-search', '-q'])\n"
             "except SystemExit as exit:\n"
             "    assert not exit.code, exit.code")
    _loaded_stages(build)  # the first build, which records its inputs
    assert (out / "index.html").is_file()
    assert _loaded_stages(build) == ["[]"]
