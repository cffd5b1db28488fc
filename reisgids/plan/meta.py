"""Machine-readable page meta: JSON-LD (schema.org) for partners, events and news (the
other kinds, and which maker a page gets: reisgids.plan.schema_org)."""

from __future__ import annotations

import json
from typing import Any

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.atlas import Partner
from reisgids.model.kind import Kind
from reisgids.model.publication import Event, News
from reisgids.plan.dates import iso


def absolute(graph: ContentGraph, path: str) -> str:
    """A site path ('/deals/x/') as an absolute URL under base_url."""
    return graph.config.base_url.rstrip("/") + path


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json">: sorted keys, UTF-8 kept, and every
    '<', '>' and '&' escaped so that no '</script>' or '<!--' can end the element."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def organisation(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data = graph.entries[key].data_as(Partner)
    parent = None
    if data.parent and (Kind.PARTNER, data.parent) in graph.entries:
        parent = {"@type": "Organization",
                  "name": graph.entries[(Kind.PARTNER, data.parent)].data.title}
    contacts = [_clean({"@type": "ContactPoint", "contactType": c.role + (
        f" ({c.team})" if c.team else ""), "email": c.email, "telephone": c.phone})
        for c in data.contacts]
    return _clean({
        "@context": "https://schema.org", "@type": "Organization", "name": data.title,
        "description": data.summary, "url": data.website or absolute(graph, graph.urls[key]),
        "email": data.email, "telephone": data.phone, "address": data.address,
        "parentOrganization": parent, "contactPoint": contacts,
    })


def event(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data = graph.entries[key].data_as(Event)
    if data.online and not data.location:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    elif data.online:
        mode = "https://schema.org/MixedEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    location: dict[str, Any] | None = None
    if data.location:
        location = {"@type": "Place", "name": data.location}
    elif data.online:
        location = {"@type": "VirtualLocation", "url": data.registration or absolute(
            graph, graph.urls[key])}
    organisers = [{"@type": "Organization", "name": graph.entries[(Kind.PARTNER, p)].data.title}
                  for p in data.organisers if (Kind.PARTNER, p) in graph.entries]
    return _clean({
        "@context": "https://schema.org", "@type": "Event", "name": data.title,
        "description": data.summary, "startDate": iso(data.start),
        "endDate": iso(data.end) if data.end else None, "eventAttendanceMode": mode,
        "eventStatus": "https://schema.org/EventScheduled", "location": location,
        "organizer": organisers, "url": absolute(graph, graph.urls[key]),
        "inLanguage": graph.config.language,
    })


def news_article(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data = graph.entries[key].data_as(News)
    return _clean({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": data.title,
        "description": data.summary, "datePublished": iso(data.date),
        "dateModified": iso(data.updated) if data.updated else None,
        "url": absolute(graph, graph.urls[key]), "mainEntityOfPage": absolute(
            graph, graph.urls[key]), "inLanguage": graph.config.language,
        "image": absolute(graph, data.image) if data.image else None,
        "publisher": {"@type": "Organization", "name": graph.config.title,
                      "url": graph.config.base_url},
    })
