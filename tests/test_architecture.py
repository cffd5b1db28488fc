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
