"""write.py, outfolder.py, swap.py: every written path lies inside the stage, whatever a
site's permalinks, theme name or file names say; the swap and its fallback."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reisgids import swap
from reisgids.config import CONFIG_FILE, load_config
from reisgids.graph.routes import DEFAULT_PATTERNS
from reisgids.graph.urls import output_path
from reisgids.outfolder import MARKER, OutputRefused, check_output
from reisgids.source.discover import SLUG_RE, discover
from reisgids.write import Stage, UnsafePath, staged

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
NASTY = "abz09-_./\\:{}%@ \t\n\x00\x1bслug.."
nasty_text = st.text(alphabet=NASTY, max_size=40)
segments = st.lists(st.sampled_from(["..", ".", "", "a", "slug", "{slug}", "//", "\\", "x:",
                                     "https:", "%2e%2e", "b\n", "c\x00"]), max_size=6)
permalinks = st.one_of(nasty_text, segments.map(lambda parts: "/" + "/".join(parts) + "/"))


def inside(root: Path, path: Path) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(root) + os.sep)


@SETTINGS
@given(rel=st.one_of(nasty_text, segments.map("/".join)))
def test_stage_target_never_leaves_the_stage(rel: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stage = Stage(Path(tmp))
        try:
            path = stage.target(rel)
        except UnsafePath:
            return
        assert inside(Path(tmp), path)
        assert ".." not in Path(rel).parts and "\\" not in rel


def _reference_target(root: Path, rel: str) -> Path:
    """Stage.target as it was written with pathlib, before it was made of strings for
    speed: what the string version must answer for every name."""
    parts = PurePosixPath(rel).parts
    if (not rel or "\\" in rel or "\0" in rel or rel.startswith("/")
            or any(part in ("", ".", "..") for part in parts)):
        raise UnsafePath(rel)
    path = root.joinpath(*parts)
    if not os.path.abspath(path).startswith(os.path.abspath(root) + os.sep):
        raise UnsafePath(rel)
    current = root
    for part in parts[:-1]:
        current = current / part
        if current.is_symlink():
            raise UnsafePath(rel)
    if path.is_symlink():
        raise UnsafePath(rel)
    return path


@SETTINGS
@given(rel=st.one_of(nasty_text, segments.map("/".join),
                     st.lists(st.sampled_from(["a", "b", "link", ".", "", "..", "f.html"]),
                              max_size=5).map("/".join)))
def test_stage_target_answers_as_the_pathlib_version(rel: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "stage"
        (root / "a" / "b").mkdir(parents=True)
        (root / "a" / "f.html").write_bytes(b"x")
        (root / "link").symlink_to(tmp)
        (root / "a" / "link").symlink_to(root / "a" / "f.html")
        try:
            expected: Path | None = _reference_target(root, rel)
        except UnsafePath:
            expected = None
        stage = Stage(root)
        for _ in range(2):  # the second time through the folders it remembered
            try:
                got: Path | None = stage.target(rel)
            except UnsafePath:
                got = None
            assert got == expected


def test_stage_target_refuses_a_link_on_the_way(tmp_path: Path) -> None:
    outside = tmp_path / "buiten"
    outside.mkdir()
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "assets").symlink_to(outside)
    with pytest.raises(UnsafePath):
        Stage(stage).write_bytes("assets/x.css", b"x")
    assert list(outside.iterdir()) == []


@SETTINGS
@given(pattern=permalinks, slug=nasty_text, theme=nasty_text)
def test_accepted_permalinks_and_names_stay_in_the_output(pattern: str, slug: str,
                                                          theme: str) -> None:
    """What config validation lets through, with any slug discovery lets through, writes
    inside the output; everything else is a diagnostic, never an exception."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        quoted = pattern.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        theme_q = theme.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        (root / CONFIG_FILE).write_text(
            f'title: T\nbase_url: https://example.org/\ntheme: "{theme_q}"\n'
            f'permalinks:\n  page: "{quoted}"\n', encoding="utf-8")
        config, problems = load_config(root)
        if config is None:
            assert problems
            return
        assert config.theme == "default" or "/" not in config.theme
        if not SLUG_RE.fullmatch(slug):
            return
        rel = output_path(config.permalinks.get("page", DEFAULT_PATTERNS["page"])
                          .replace("{slug}", slug))
        out = root / "out"
        assert inside(out, Stage(out).target(rel))


@pytest.mark.parametrize("name", ["nieuws\n", "a\n", "x-\n", "x\r"])
def test_slug_patterns_are_anchored_at_the_very_end(name: str) -> None:
    assert not SLUG_RE.fullmatch(name)
    assert SLUG_RE.match(name) is None


# ---- the output folder ----

def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if not p.is_dir() or p.is_symlink())


def test_staged_swaps_in_whole_and_leaves_only_empty_folders_beside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged(out) as stage:
        stage.write_files({"index.html": b"een", "a/b/index.html": b"twee"})
    assert (out / "a" / "b" / "index.html").read_bytes() == b"twee"
    assert (out / MARKER).is_file()
    with staged(out) as stage:
        stage.write_files({"index.html": b"drie", "c/index.html": b"vier"})
    # the recycled folders the new output did not need are gone: as a build from scratch
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        MARKER, "c", "c/index.html", "index.html"]
    # beside it: the previous output's folders, without a single file, for the next build
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.folders", "out"]
    assert files_under(tmp_path / ".out.folders") == []
    assert (tmp_path / ".out.folders" / "a" / "b").is_dir()


def test_a_file_or_link_put_among_the_kept_folders_never_reaches_the_output(
        tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_bytes(b"geheim")
    with staged(out) as stage:
        stage.write_files({"a/index.html": b"een"})
    with staged(out) as stage:
        stage.write_files({"a/index.html": b"twee"})
    kept = tmp_path / ".out.folders"
    (kept / "a" / "planted.html").write_bytes(b"<script>")
    (kept / "a" / "link").symlink_to(outside / "secret")
    (kept / "dir-link").symlink_to(outside, target_is_directory=True)
    with staged(out) as stage:
        stage.write_files({"a/index.html": b"drie", "dir-link/x.html": b"vier"})
    assert files_under(out) == [MARKER, "a/index.html", "dir-link/x.html"]
    assert not (out / "dir-link").is_symlink()
    assert sorted(p.name for p in outside.iterdir()) == ["secret"]
    assert (outside / "secret").read_bytes() == b"geheim"


def test_a_failing_build_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged(out) as stage:
        stage.write_files({"index.html": b"een"})
    with pytest.raises(RuntimeError), staged(out) as stage:
        stage.write_files({"index.html": b"half"})
        raise RuntimeError("stuk")
    assert (out / "index.html").read_bytes() == b"een"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_fallback_when_the_system_cannot_exchange(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "_renameat2", lambda: None)
    out = tmp_path / "out"
    for text in (b"een", b"twee"):
        with staged(out) as stage:
            stage.write_files({"index.html": text})
    assert (out / "index.html").read_bytes() == b"twee"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.folders", "out"]
    assert files_under(tmp_path / ".out.folders") == []


def test_exchange_trades_two_folders(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    if not swap.exchange(a, b):
        pytest.skip("this file system has no RENAME_EXCHANGE")
    assert (a / "x").read_text() == "b" and (b / "x").read_text() == "a"


def test_foreign_folders_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "rapport.docx").write_bytes(b"x")
    with pytest.raises(OutputRefused, match="reisgids niet heeft gemaakt"):
        check_output(out)
    with pytest.raises(OutputRefused), staged(out):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    link = tmp_path / "link"
    link.symlink_to(out)
    with pytest.raises(OutputRefused, match="symbolische link"):
        check_output(link)


@SETTINGS
@given(names=st.lists(st.text(alphabet="abz09-_. \t\n\\:{}%слug..", min_size=1, max_size=20),
                      max_size=5))
def test_no_file_name_writes_outside_the_output(names: list[str]) -> None:
    """Whatever files a pull request adds to content/, the pages discovery accepts land
    inside the output."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "content" / "pages"
        folder.mkdir(parents=True)
        for name in names:
            if name in (".", "..") or "/" in name:
                continue
            try:
                (folder / f"{name}.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
            except OSError:
                continue
        files, _problems = discover(root)
        out = root / "out"
        for source in files:
            assert SLUG_RE.fullmatch(source.slug)
            rel = output_path(DEFAULT_PATTERNS[source.kind].replace("{slug}", source.slug))
            assert inside(out, Stage(out).target(rel))
