"""`reisgids init [MAP]`: a new guide that passes `check --strict` and builds at once.

The files come from reisgids/starter/ (package data, so an installed wheel has them) and
the CI workflows from reisgids/starter/ci/, the same files the repository shows in ci/.
Names that start with a dot are stored without it (package data globs skip dotfiles).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from reisgids.source.kinds import FOLDERS

# stored name in starter/ -> name in the new guide
RENAMES = {
    "gitignore": ".gitignore",
    "ci/github-pages.yml": ".github/workflows/reisgids.yml",
    "ci/gitlab-ci.yml": ".gitlab-ci.yml",
}
# Folders git would not keep while empty get a .gitkeep, so editors see where things go.
KEEP = [*(f"content/{folder}" for folder in FOLDERS), "static"]


class InitRefused(Exception):
    """The target folder is not empty (or not a folder): nothing was written."""


def starter_files() -> dict[str, bytes]:
    """Every file of a new guide: relative POSIX path -> bytes."""
    found: dict[str, bytes] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            elif child.name != "__init__.py" and not child.name.endswith(".pyc"):
                found[RENAMES.get(rel, rel)] = child.read_bytes()

    walk(files("reisgids").joinpath("starter"), "")
    for folder in KEEP:
        if not any(path.startswith(folder + "/") for path in found):
            found[f"{folder}/.gitkeep"] = b""
    return dict(sorted(found.items()))


def with_settings(config: bytes, title: str | None, base_url: str | None) -> bytes:
    """reisgids.yml with the guide's own title and address. JSON strings are YAML
    double-quoted scalars, so any text stays one safe value; `check` judges the URL."""
    text = config.decode("utf-8")
    for key, value in (("title", title), ("base_url", base_url)):
        if value is not None:
            found = re.search(rf"^{key}: .*$", text, flags=re.MULTILINE)
            if found is not None:
                line = f"{key}: {json.dumps(value, ensure_ascii=False)}"
                text = text[:found.start()] + line + text[found.end():]
    return text.encode("utf-8")


def init_site(target: Path, *, title: str | None = None, base_url: str | None = None
              ) -> list[str]:
    """Write a new guide into `target` (created when missing); refuse a non-empty folder."""
    if target.exists() and not target.is_dir():
        raise InitRefused(f"{target} is een bestand, geen map")
    # an empty git repository (only .git) is empty enough: `git init` often comes first
    if target.is_dir() and any(p.name != ".git" for p in target.iterdir()):
        raise InitRefused(f"{target} is niet leeg; kies een nieuwe of lege map, zodat er "
                          "niets wordt overschreven")
    written = starter_files()
    written["reisgids.yml"] = with_settings(written["reisgids.yml"], title, base_url)
    for rel, data in written.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(written)
