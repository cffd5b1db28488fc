"""`aliases:` — old URLs of an entry (a renamed slug) that must keep working.

Every alias becomes a redirect page (reisgids.render.redirects). Here, before anything is
rendered, each alias is checked against every URL the site already gives out: entry pages,
overview pages, the folders reisgids copies (static/, assets/, pagefind/) and the other
aliases. A collision is an error at the line of the alias, so `check` catches it.
"""

from __future__ import annotations

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import reserved_urls

# folders filled by copying, not by pages: an alias there would overwrite a file
COPIED = ("/static/", "/assets/", "/pagefind/", "/data/", "/feeds/")


def alias_urls(graph: ContentGraph) -> dict[str, Key]:
    """Alias -> the published entry it redirects to (the first, when aliases collide)."""
    found: dict[str, Key] = {}
    for key in sorted(graph.published):
        for alias in graph.entries[key].data.aliases:
            found.setdefault(alias, key)
    return found


def check_aliases(graph: ContentGraph) -> list[Diagnostic]:
    reserved, _ = reserved_urls(graph.config)
    owners = {url: key for key, url in graph.urls.items()}
    claimed: dict[str, Key] = {}
    problems: list[Diagnostic] = []
    for key in sorted(graph.published):
        entry = graph.entries[key]
        for index, alias in enumerate(entry.data.aliases):
            where = Location(entry.rel, entry.line_of("aliases", index))
            taken: Text | None = None
            if alias == graph.urls[key]:
                taken = Text("dat is het huidige adres van deze pagina",
                             "that is this page's current address")
            elif alias in owners:
                other = graph.entries[owners[alias]].rel
                taken = Text(f"dat adres is van {other}", f"that address belongs to {other}")
            elif alias in reserved:
                taken = Text(f"dat adres is van de overzichtspagina ({reserved[alias]})",
                             f"that address belongs to the overview page ({reserved[alias]})")
            elif alias.startswith(COPIED):
                taken = Text("in die map zet reisgids zelf bestanden",
                             "reisgids writes its own files in that folder")
            elif alias in claimed:
                other = graph.entries[claimed[alias]].rel
                taken = Text(f"{other} gebruikt dat oude adres ook",
                             f"{other} uses that old address too")
            if taken is None:
                claimed[alias] = key
                continue
            problems.append(error("alias-collision", where, Text(
                f"het oude adres {alias} kan niet doorsturen: {taken.nl}",
                f"the old address {alias} cannot redirect: {taken.en}"),
                field=f"aliases[{index}]",
                hint=Text("haal dit adres uit 'aliases' of hernoem de andere pagina",
                          "remove this address from 'aliases' or rename the other page")))
    return problems
