"""The built-in themes' compiled templates are kept per machine (render/template_cache.py);
a site's own templates never are, and a damaged file is compiled again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from reisgids.render.theme import environment, find_theme


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "themes" / "default" / "templates").mkdir(parents=True)
    (site / "themes" / "default" / "templates" / "own.html").write_text("eigen {{ 1 + 1 }}")
    return site


def _compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None,
                 filename: str | None = None, raw: bool = False, defer_init: bool = False
                 ) -> Any:
        names.append(str(name))
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_environment_loads_the_theme_compiled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = _site(tmp_path)
    compiled = _compiled(monkeypatch)
    first = environment(find_theme(site, "default", "nl"))
    first.get_template("base.html")
    assert first.get_template("own.html").render() == "eigen 2"
    assert compiled == ["base.html", "own.html"]
    kept = list((tmp_path / "cache" / "reisgids" / "templates").glob("*/__jinja2_*.cache"))
    assert len(kept) == 1  # base.html only: the site's own template is not kept
    compiled.clear()
    second = environment(find_theme(site, "default", "nl"))
    second.get_template("base.html")
    assert second.get_template("own.html").render() == "eigen 2"
    assert compiled == ["own.html"]


def test_a_damaged_file_is_compiled_again(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = _site(tmp_path)
    environment(find_theme(site, "default", "nl")).get_template("_macros.html")
    [kept] = (tmp_path / "cache" / "reisgids" / "templates").glob("*/__jinja2_*.cache")
    for damage in (kept.read_bytes()[:40], b"nonsense", b""):
        kept.write_bytes(damage)
        compiled = _compiled(monkeypatch)
        template = environment(find_theme(site, "default", "nl")).get_template(
            "_macros.html")
        assert compiled == ["_macros.html"]
        assert hasattr(template.module, "link")
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_without_a_writable_cache_folder_templates_are_compiled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    env = environment(find_theme(_site(tmp_path), "default", "nl"))
    assert env.bytecode_cache is None
    assert env.get_template("own.html").render() == "eigen 2"
