"""One URL per entry; two sources for one URL are an error naming both."""

from __future__ import annotations

from reisgids.config import SiteConfig
from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.graph.urls import url_collision
from reisgids.model.document import ContentEntry
from reisgids.model.kind import Kind
from reisgids.model.kinds import SPECS

DEFAULT_PATTERNS: dict[str, str] = {spec.kind.value: spec.url for spec in SPECS}

GLOSSARY_URL = "/begrippen/"  # the words of the guide explained (plan/glossary.py)

# Overview and other generated pages that an entry may not take: each kind's overview at
# its default URL (free pages have none) and the pages no kind owns.
RESERVED: dict[str, str] = {
    "/": "home",
    **{spec.url.split("{slug}")[0]: spec.kind.value for spec in SPECS if spec.url != "/{slug}/"},
    "/themas/": "theme", "/zoeken/": "search", "/a-z/": "index",
    "/marktplaats/archief/": "listing archive", "/feeds/": "feeds", "/data/": "data",
    "/static/": "static", "/pagefind/": "search index", "/assets/": "theme assets",
    GLOSSARY_URL: "glossary",
    "/admin/": "web editor",
}


def pattern_for(config: SiteConfig, kind: str) -> str:
    return config.permalinks.get(kind, DEFAULT_PATTERNS[kind])


def overview_url(config: SiteConfig, kind: str) -> str:
    """The list page of a kind: the entry pattern without its {slug} part."""
    pattern = pattern_for(config, kind)
    head = pattern.split("{slug}")[0]
    return head if head != "/" else "/"


def reserved_urls(config: SiteConfig) -> tuple[dict[str, str], list[Diagnostic]]:
    """The generated pages an entry may not take: RESERVED, and each kind's overview where
    `permalinks` puts it. Two kinds whose overviews share a URL are an error in reisgids.yml."""
    reserved = dict(RESERVED)
    overviews: dict[str, list[str]] = {}
    for kind in DEFAULT_PATTERNS:
        url = overview_url(config, kind)
        if url != "/":  # free pages have no overview
            overviews.setdefault(url, []).append(kind)
            reserved.setdefault(url, kind)
    reserved.setdefault(overview_url(config, Kind.LISTING) + "archief/", "listing archive")
    problems = [url_collision(url, (f"permalinks.{kind}" for kind in kinds), at="reisgids.yml",
                              field="permalinks")
                for url, kinds in sorted(overviews.items()) if len(kinds) > 1]
    return reserved, problems


def assign_urls(config: SiteConfig, entries: list[ContentEntry]
                ) -> tuple[dict[tuple[str, str], str], list[Diagnostic]]:
    urls: dict[tuple[str, str], str] = {}
    owners: dict[str, list[ContentEntry]] = {}
    for entry in entries:
        url = pattern_for(config, entry.kind).replace("{slug}", entry.slug)
        urls[entry.key] = url
        owners.setdefault(url, []).append(entry)
    reserved, problems = reserved_urls(config)
    for url, found in sorted(owners.items()):
        if url in reserved:
            for entry in found:
                problems.append(error("url-reserved", Location(entry.rel), Text(
                    f"de URL {url} is al van de overzichtspagina ({reserved[url]})",
                    f"the URL {url} already belongs to the overview page ({reserved[url]})"),
                    hint=Text("kies een andere bestandsnaam", "choose another file name")))
        if len(found) > 1:
            problems += [url_collision(url, (e.rel for e in found), at=entry.rel)
                         for entry in found]
    return urls, problems
