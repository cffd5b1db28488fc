"""The smaller holes of issue 8: heading ids that the theme uses, code kept as text, a link
that loses its address, look-alike letters, the markdown-failed wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reisgids.markdown import THEME_IDS, RenderedBody, render_markdown, theme_reserves
from reisgids.markdown import _convert as markdown_module
from reisgids.source.discover import discover, look_alikes, suggest_slug

TEMPLATES = Path(__file__).resolve().parents[2] / "reisgids" / "themes" / "default" / "templates"


def render(body: str) -> RenderedBody:
    return render_markdown(body, path="content/pages/x.md", first_line=5,
                           resolve=lambda _path: None)


def test_every_fixed_id_of_the_theme_is_reserved() -> None:
    fixed = {m for p in TEMPLATES.glob("*.html")
             for m in re.findall(r'\bid="([a-z0-9_-]+)"', p.read_text(encoding="utf-8"))}
    sections = {m for p in TEMPLATES.glob("*.html")
                for m in re.findall(r'section\("([a-z0-9-]+)"', p.read_text(encoding="utf-8"))}
    assert fixed
    assert all(theme_reserves(i) for i in fixed | sections), sorted(
        i for i in fixed | sections if not theme_reserves(i))
    assert "inhoud" in THEME_IDS


def test_headings_never_take_a_theme_id() -> None:
    body = render("## Inhoud\n\n## Stap 1\n\n## Zoeken\n\n## In de wijk\n\n## Fase execution\n"
                  "\n## Inhoud\n")
    assert body.heading_ids == ("inhoud-1", "stap-1-1", "zoeken", "in-de-wijk",
                                "fase-execution-1", "inhoud-2")
    assert 'id="inhoud"' not in body.html


@pytest.mark.parametrize("body", [
    "<b><script>alert(1)</script></b> en verder",
    "a <small><style>body{display:none}</style></small> en verder",
    "a <mark><script src=x>alert(1)</script></mark> en verder"])
def test_script_and_style_inside_inline_tags_lose_their_text(body: str) -> None:
    html = render(body).html
    assert "alert" not in html and "display" not in html, html
    assert "en verder" in html


def test_a_link_that_would_lose_its_address_is_reported() -> None:
    body = render('Zie [de regels](https://example.org/regels (de "nieuwe" regels)).')
    assert [d.code for d in body.diagnostics] == ["link-space"]
    assert body.diagnostics[0].location.line == 5
    assert "de regels" in body.html and "<a" not in body.html


def test_look_alike_letters_get_the_right_hint(tmp_path: Path) -> None:
    name = "nіeuws-аpр"  # Cyrillic і, а and р
    assert suggest_slug(name) == "nieuws-app"
    assert len(look_alikes(name)) == 3
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / f"{name}.md").write_text("---\ntitle: X\n---\n",
                                                                encoding="utf-8")
    _files, problems = discover(tmp_path)
    (problem,) = problems
    assert problem.code == "path-slug"
    assert "cyrillic small letter a" in problem.message.nl
    assert problem.hint is not None and "'nieuws-app.md'" in problem.hint.nl


def test_markdown_failed_says_the_build_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise RecursionError("te diep")

    monkeypatch.setattr(markdown_module, "_convert", fail)
    (failed,) = render("Tekst.").diagnostics
    assert failed.code == "markdown-failed" and failed.is_error
    assert "niet gebouwd" in failed.message.nl and "getoond" not in failed.message.nl
