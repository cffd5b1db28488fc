"""Write the site: into a staging folder of its own beside the output, then swap it in whole.

    with staged(out) as stage:        # refuses a folder that is not ours; locks `out`
        stage.copy_tree(theme_static, "assets")
        stage.write_files(files)      # {site-relative path: bytes}
        index_site(stage.root, ...)   # anything else that writes into stage.root
    # here `out` is the new site, swapped in atomically; on an exception it is untouched

Every path is proven to lie inside the staging folder before it is written (`stage.target`),
so no page name, permalink or file name can write elsewhere. A failed or interrupted build
leaves the previous output as it was; a build killed at any moment leaves either the old or
the new output, complete (see swap.py).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path

from reisgids.outfolder import MARKER, MARKER_TEXT, check_output, output_lock
from reisgids.swap import empty_of_files, swap_in


class UnsafePath(ValueError):
    """A path to write that would land outside the staging folder."""


class Stage:
    """The staging folder of one build. Write through it, not around it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # folders on the way that were proven to be folders, not links: the stage is this
        # build's own, nothing in it is replaced while it is written, so once is enough
        self._folders: set[str] = set()
        self._root = os.fspath(root)
        self.discarded = False  # discard(): the build failed after the stage was made
        self.handed_over = False  # hand_over(): another process swaps it in (swap_staged)
        self.recycled = False  # made in the folders of the previous output (staged())

    def discard(self) -> None:
        """Throw the stage away when the block ends instead of swapping it in: a build that
        made its stage before rendering (the workers write their pages into it) and then
        found an error leaves the previous output as it was."""
        self.discarded = True

    def hand_over(self) -> None:
        """Leave the stage as it is when the block ends: the process that holds the output's
        lock indexes it and swaps it in (build.index_handed, swap_staged)."""
        self.handed_over = True

    def target(self, rel: str) -> Path:
        """The absolute path for site-relative `rel`, proven to lie inside the stage.

        Refuses absolute paths, `..`, backslashes, empty or NUL-holding names, and any
        existing link on the way (a link could point out of the stage). Empty and `.`
        segments are dropped, as pathlib drops them. Built with strings, not Paths:
        every file of a build comes through here (12,553 at 10,000 entries: 0.6 CPU s
        with a Path per segment, 0.35-0.4 s like this)."""
        if not rel or "\\" in rel or "\0" in rel or rel.startswith("/"):
            raise UnsafePath(rel)
        parts = [part for part in rel.split("/") if part not in ("", ".")]
        if not parts or ".." in parts:
            raise UnsafePath(rel)
        root = self._root
        path = os.path.join(root, *parts)
        if not os.path.abspath(path).startswith(os.path.abspath(root) + os.sep):
            raise UnsafePath(rel)
        current = root
        for part in parts[:-1]:
            current = f"{current}{os.sep}{part}"
            if current in self._folders:
                continue
            try:
                mode = os.lstat(current).st_mode  # one call for both questions
            except OSError:
                continue  # not there yet: made by the caller
            if stat.S_ISLNK(mode):
                raise UnsafePath(rel)
            if stat.S_ISDIR(mode):
                self._folders.add(current)
        if os.path.islink(path):
            raise UnsafePath(rel)
        return Path(path)

    def write_bytes(self, rel: str, data: bytes) -> None:
        path = self.target(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def write_files(self, files: Mapping[str, bytes]) -> None:
        for rel in sorted(files):
            self.write_bytes(rel, files[rel])

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Copy the files under `source` to `prefix/` in a sorted order. Links and hidden
        files are skipped: they are reported while checking the site (source/links.py)."""
        if not source.is_dir() or source.is_symlink():
            return
        found = [Path(folder) / name for folder, _dirs, names in os.walk(source)
                 for name in names]  # os.walk does not descend into linked folders
        for path in sorted(found):
            if path.is_symlink() or not path.is_file() or path.name.startswith("."):
                continue
            rel = f"{prefix}/{path.relative_to(source).as_posix()}"
            dest = self.target(rel)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def _clear_leftovers(out: Path) -> None:
    """Staging folders of builds that were killed (we hold the lock: none is in use)."""
    for left in out.parent.glob(f".{out.name}.staging-*"):
        if left.is_dir() and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)


def _recycle(folders: Path, root: Path) -> bool:
    """Stage into the folders the previous output left (swap.py keeps them, emptied of
    files): True when `root` is now that tree, still without a single file in it."""
    if not folders.is_dir() or folders.is_symlink():
        return False
    try:
        empty_of_files(folders)  # it should hold none; if something put one there, it goes
        os.rmdir(root)
        os.rename(folders, root)
    except OSError:
        shutil.rmtree(folders, ignore_errors=True)
        root.mkdir(exist_ok=True)
        return False
    return True


def _prune_empty(root: Path) -> None:
    """Remove the folders the recycled tree had and this build left empty: a build made
    from scratch has no empty folder."""
    for current, _dirs, _files in os.walk(root, topdown=False):
        if current != str(root):
            with suppress(OSError):  # not empty
                os.rmdir(current)


@contextmanager
def staged(out: Path, *, locked: bool = False) -> Iterator[Stage]:
    """A fresh staging folder for `out`; swapped in when the block ends without error.

    Raises outfolder.OutputRefused (before anything is written) when `out` is not a
    folder reisgids may replace. Builds into the same `out` wait for each other; `locked`:
    the caller holds the lock of `out` (outfolder.output_lock) already."""
    out = out.absolute()
    check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with nullcontext() if locked else output_lock(out):
        check_output(out)  # again: the state may have changed while we waited
        _clear_leftovers(out)
        root = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
        recycled = _recycle(_folders_of(out), root)
        try:
            os.chmod(root, 0o755)  # mkdtemp makes it private; an output is for serving
            (root / MARKER).write_bytes(MARKER_TEXT)
            stage = Stage(root)
            stage.recycled = recycled
            yield stage
            if stage.discarded:
                shutil.rmtree(root, ignore_errors=True)
                return
            if not stage.handed_over:
                swap_staged(stage, out)
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise


def _folders_of(out: Path) -> Path:
    """Where swap.py keeps the previous output's folders, emptied, for the next stage."""
    return out.parent / f".{out.name}.folders"


def swap_staged(stage: Stage, out: Path) -> None:
    """Swap the finished `stage` in as `out` (the caller holds the lock of `out`)."""
    out = out.absolute()
    if stage.recycled:
        _prune_empty(stage.root)
    swap_in(stage.root, out, keep=_folders_of(out))
