"""The source line under a diagnostic, with a caret: readable without colour, one character
per character, and never read from outside the site."""

from __future__ import annotations

from pathlib import Path

from reisgids.errors import Location, Text, error
from reisgids.excerpt import SourceLines, render


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def test_the_caret_goes_under_the_column(tmp_path: Path) -> None:
    write(tmp_path, "content/pages/over.md", "---\ntitle: Over\nsummary: Let op: x\n---\n")
    found = error("yaml-colon", Location("content/pages/over.md", 3, 15), Text("a", "b"))
    assert render(found, "nl", SourceLines(tmp_path)).split("\n") == [
        "content/pages/over.md:3:15: fout [yaml-colon] a",
        "  3 | summary: Let op: x",
        "    |               ^"]


def test_without_a_column_the_value_or_the_quoted_text_is_pointed_at(tmp_path: Path) -> None:
    write(tmp_path, "content/pages/over.md", "---\ntitle: Over\ndraft: ja\n\nZie [x](/weg/).\n")
    field = error("schema-bool", Location("content/pages/over.md", 3), Text("a", "b"),
                  field="draft")
    assert render(field, "nl", SourceLines(tmp_path)).split("\n")[2] == "    |        ^"
    link = error("link-broken", Location("content/pages/over.md", 5),
                 Text("link naar '/weg/' wijst naar niets", "x"), field="body")
    lines = render(link, "nl", SourceLines(tmp_path)).split("\n")
    assert lines[0].startswith("content/pages/over.md:5:9: ")
    assert lines[2] == "    |         ^"


def test_tabs_and_control_characters_stay_one_column_wide(tmp_path: Path) -> None:
    write(tmp_path, "content/pages/over.md", "---\n\ttitle: a\x1b[31mb\n---\n")
    found = error("yaml-tab", Location("content/pages/over.md", 2, 1), Text("a", "b"))
    lines = render(found, "nl", SourceLines(tmp_path)).split("\n")
    assert lines[1] == "  2 | →title: a\ufffd[31mb"
    assert lines[2] == "    | ^"
    assert "\x1b" not in "\n".join(lines)


def test_a_long_line_is_cut_around_the_spot(tmp_path: Path) -> None:
    write(tmp_path, "content/pages/over.md", "---\nsummary: " + "x" * 500 + "#\n---\n")
    found = error("value-comment", Location("content/pages/over.md", 2, 510), Text("a", "b"))
    lines = render(found, "nl", SourceLines(tmp_path)).split("\n")
    assert len(lines[1]) < 200 and lines[1].startswith("  2 | …")
    assert lines[1][lines[2].index("^")] == "#"


def test_nothing_is_read_outside_the_site(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    write(tmp_path, "geheim.txt", "wachtwoord\n")
    sources = SourceLines(tmp_path / "site")
    for rel in ("../geheim.txt", "/etc/passwd", "content"):
        found = error("x-y", Location(rel, 1), Text("a", "b"))
        assert render(found, "nl", sources) == found.format("nl")
    (tmp_path / "site" / "link.md").symlink_to(tmp_path / "geheim.txt")
    found = error("x-y", Location("link.md", 1), Text("a", "b"))
    assert "wachtwoord" not in render(found, "nl", sources)


def test_no_site_root_or_no_line_gives_the_plain_line() -> None:
    found = error("x-y", Location("content/x.md", 3), Text("a", "b"))
    assert render(found, "en", SourceLines(None)) == "content/x.md:3:1: error [x-y] b"
