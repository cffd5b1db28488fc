"""/404.html: a friendly not-found page with a search form and the main sections.

Its words come from the theme's strings (`notfound.*`) when the theme has them, else from
the defaults below, so that the page never shows a bare key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reisgids.errors import Text
from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url

DEFAULTS: dict[str, Text] = {
    "notfound.title": Text("Pagina niet gevonden", "Page not found"),
    "notfound.lead": Text("Deze pagina bestaat niet (meer). Misschien is ze verplaatst, of "
                          "is het adres niet helemaal goed overgenomen.",
                          "This page does not exist (any more). It may have moved, or the "
                          "address was not copied quite right."),
    "notfound.search": Text("Zoek wat je nodig hebt", "Search for what you need"),
    "notfound.sections": Text("Of kies een onderdeel van de reisgids",
                              "Or choose a part of the guide"),
    "notfound.home": Text("Naar de homepagina", "Go to the home page"),
}


@dataclass(frozen=True)
class NotFoundView:
    title: str
    lead: str
    search: str
    sections: str
    home: str
    home_url: str


def words(translate: Callable[[str], str], language: str) -> dict[str, str]:
    """The page's strings: the theme's own where it has them, else the defaults."""
    found = {}
    for key, default in DEFAULTS.items():
        text = translate(key)
        found[key.removeprefix("notfound.")] = text if text and text != key else default.get(
            language)
    return found


def not_found_view(graph: ContentGraph, translate: Callable[[str], str]) -> NotFoundView:
    text = words(translate, str(graph.config.language))
    return NotFoundView(title=text["title"], lead=text["lead"], search=text["search"],
                        sections=text["sections"], home=text["home"],
                        home_url=page_url(graph, "/"))
