"""JSON-LD (schema.org) for every kind that has a fitting type, the home page (WebSite with
a SearchAction) and the open-data page (Dataset). reisgids.plan.meta keeps the three
richest makers (Organization, Event, NewsArticle); this module adds the rest. Which maker
a kind's page gets is its PlanSpec's (plan/kinds.py). Escaping for <script> is
meta.json_ld's job, for all of them.

  deal, project -> Project        instrument -> Service        review, edition -> Report
  lesson, story -> Article        agenda-item -> CreativeWork (creativeWorkStatus)
  listing -> Demand / Offer       area -> Place               page -> WebPage
"""

from __future__ import annotations

from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import DATA_PAGE_URL, JSON_URL, csv_url
from reisgids.model.kind import Kind
from reisgids.model.vocab import label
from reisgids.plan.dates import iso
from reisgids.plan.meta import absolute, json_ld
from reisgids.source.kinds import KINDS

CONTEXT = "https://schema.org"


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _org(graph: ContentGraph, slug: str | None) -> dict[str, Any] | None:
    if not slug or not graph.is_published((Kind.PARTNER, slug)):
        return None
    key = (Kind.PARTNER, slug)
    return {"@type": "Organization", "name": graph.entries[key].data.title,
            "url": absolute(graph, graph.urls[key])}


def _places(graph: ContentGraph, areas: list[str]) -> list[dict[str, Any]]:
    return [{"@type": "Place", "name": graph.entries[(Kind.AREA, a)].data.title,
             "url": absolute(graph, graph.urls[(Kind.AREA, a)])}
            for a in areas if graph.is_published((Kind.AREA, a))]


def common(graph: ContentGraph, key: Key, kind_type: str) -> dict[str, Any]:
    """What every entry says: type, name, description, URL, language, image, themes."""
    data = graph.entries[key].data
    themes = graph.config.vocabulary("themes")
    url = absolute(graph, graph.urls[key])
    return {"@context": CONTEXT, "@type": kind_type, "name": data.title,
            "description": data.summary, "url": url, "inLanguage": graph.config.language,
            "image": absolute(graph, data.image) if data.image else None,
            "keywords": [themes.get(t, t) for t in data.themes]}


def project(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    found = common(graph, key, "Project")
    if key[0] == "deal":
        members = [_org(graph, p.partner) for p in data.partners]
        found |= {"member": [m for m in members if m], "foundingDate":
                  iso(data.start) if data.start else None,
                  "dissolutionDate": iso(data.end) if data.end else None}
    else:
        members = [_org(graph, p) for p in data.partners]
        found |= {"member": [m for m in members if m], "sameAs": data.website}
    found["areaServed"] = _places(graph, data.areas)
    return _clean(found)


def service(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    return _clean(common(graph, key, "Service") | {
        "provider": _org(graph, data.owner), "areaServed": _places(graph, data.areas),
        "serviceType": label("instrument.type", data.type, graph.config.language),
        "sameAs": data.url})


def report(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    found = common(graph, key, "Report")
    if key[0] == "review":
        found["datePublished"] = iso(data.date)
        found["contributor"] = [o for o in (_org(graph, p) for p in data.participants) if o]
    else:  # a compass edition: published when adopted, about its period
        found["temporalCoverage"] = f"{iso(data.period.start)}/{iso(data.period.end)}"
        found["datePublished"] = iso(data.adopted.date) if data.adopted else None
        found["creativeWorkStatus"] = "Published" if data.adopted else "Draft"
    found["publisher"] = {"@type": "Organization", "name": graph.config.title}
    return _clean(found)


def article(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    found = common(graph, key, "Article")
    found |= {"headline": data.title, "datePublished": iso(data.date) if data.date else None,
              "dateModified": iso(data.updated) if data.updated else None,
              "author": ({"@type": "Person", "name": data.author}
                         if getattr(data, "author", None) else None),
              "publisher": {"@type": "Organization", "name": graph.config.title}}
    return _clean(found)


def agenda_item(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    last = data.history[-1]
    return _clean(common(graph, key, "CreativeWork") | {
        "creativeWorkStatus": label("agenda.status", last.status, graph.config.language),
        "dateModified": iso(last.date), "maintainer": _org(graph, data.owner)})


def listing(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    kind_type = "Offer" if data.type == "offer" else "Demand"
    found = common(graph, key, kind_type)
    found |= {"validThrough": iso(data.valid_until) if data.valid_until else None,
              "category": label("listing.category", data.category, graph.config.language),
              "areaServed": _places(graph, data.areas)}
    if kind_type == "Offer":
        found["offeredBy"] = _org(graph, data.by)
    return _clean(found)


def place(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: Any = graph.entries[key].data
    found = common(graph, key, "Place")
    if data.city:
        found["containedInPlace"] = {"@type": "City", "name": data.city}
    return _clean(found)


def web_page(graph: ContentGraph, key: Key) -> dict[str, Any]:
    return _clean(common(graph, key, "WebPage"))


def website(graph: ContentGraph) -> str:
    """The home page: the guide as a WebSite that can be searched."""
    home = graph.config.base_url
    return json_ld({"@context": CONTEXT, "@type": "WebSite", "name": graph.config.title,
                    "url": home, "inLanguage": graph.config.language,
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": absolute(graph, "/zoeken/") + "?q={search_term_string}",
                        "query-input": "required name=search_term_string"}})


def dataset(graph: ContentGraph, description: str) -> str:
    """The open-data page: a Dataset with its licence and every download."""
    downloads = [{"@type": "DataDownload", "encodingFormat": "application/json",
                  "contentUrl": absolute(graph, JSON_URL)}]
    downloads += [{"@type": "DataDownload", "encodingFormat": "text/csv",
                   "contentUrl": absolute(graph, csv_url(kind))} for kind in KINDS]
    return json_ld({"@context": CONTEXT, "@type": "Dataset", "name": graph.config.title,
                    "description": description, "url": absolute(graph, DATA_PAGE_URL),
                    "license": graph.config.licence.url, "isAccessibleForFree": True,
                    "inLanguage": graph.config.language, "distribution": downloads})
