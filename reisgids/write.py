"""Write the site: into a staging folder beside the output, then swap it in whole.

A failed or interrupted build leaves the previous output as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.staging"


def write_files(stage: Path, files: Mapping[str, bytes]) -> None:
    for rel in sorted(files):
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[rel])


def copy_tree(source: Path, target: Path) -> None:
    """Copy files in a sorted, deterministic order; links are not followed out of the site."""
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.name.startswith("."):
            continue
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)


def publish(out: Path, fill: Callable[[Path], None], static: Iterable[tuple[Path, str]] = ()
            ) -> None:
    """Build the whole site in staging via `fill`, then replace `out` with it."""
    stage = staging_dir(out)
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    try:
        for source, prefix in static:
            if source.is_dir():
                copy_tree(source, stage / prefix)
        fill(stage)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(stage, out)
    shutil.rmtree(old, ignore_errors=True)
