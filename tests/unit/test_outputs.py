"""reisgids.render.outputs and notfound: the 404 page's words, and two outputs for one path."""

from __future__ import annotations

from reisgids.errors import Text
from reisgids.plan.notfound import DEFAULTS, words
from reisgids.render.outputs import merge
from reisgids.render.site import Files


def test_notfound_words_prefer_the_theme_and_never_show_a_key() -> None:
    theme = {"notfound.title": "Oeps, niet gevonden"}

    def translate(key: str) -> str:
        return theme.get(key, key)  # the theme's t(): the key itself when missing

    found = words(translate, "nl")
    assert found["title"] == "Oeps, niet gevonden"
    assert found["lead"] == DEFAULTS["notfound.lead"].nl
    assert not any(v.startswith("notfound.") for v in found.values())
    assert words(lambda key: key, "en")["title"] == "Page not found"


def test_a_path_made_twice_is_an_error_and_the_page_stays() -> None:
    files: Files = {"feeds/nieuws.xml": b"page", "index.html": b"home"}
    problems = merge(files, {"feeds/nieuws.xml": b"feed", "feeds/lessen.xml": b"feed"},
                     Text("de feeds", "the feeds"), {"feeds/nieuws.xml": "content/x.md"})
    assert files == {"feeds/nieuws.xml": b"page", "index.html": b"home",
                     "feeds/lessen.xml": b"feed"}
    (problem,) = problems
    assert problem.is_error and problem.code == "url-collision"
    assert problem.location.path == "content/x.md"
    assert "/feeds/nieuws.xml" in problem.message.nl and "de feeds" in problem.message.nl
