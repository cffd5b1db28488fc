"""What the machine-readable outputs share: absolute URLs, timestamps from content dates
(never the clock), entry dates, and XML as deterministic bytes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from reisgids.graph.content import ContentGraph
from reisgids.model.base import Entry
from reisgids.model.compass import AgendaItem

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Characters XML 1.0 does not allow (C0 controls other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ROOT_HREF = re.compile(r'\b(href|src)="/(?!/)')


def absolute(graph: ContentGraph, path: str) -> str:
    """A site path ('/deals/x/') as an absolute URL under base_url."""
    return graph.config.base_url.rstrip("/") + path


def origin(graph: ContentGraph) -> str:
    """'https://example.org' of base_url 'https://example.org/gids/'."""
    parts = urlsplit(graph.config.base_url)
    return f"{parts.scheme}://{parts.netloc}"


def host(graph: ContentGraph) -> str:
    return urlsplit(graph.config.base_url).hostname or "localhost"


def absolute_links(html: str, site_origin: str) -> str:
    """Root-relative href/src attributes ('/gids/deals/x/') of rendered HTML made absolute,
    for documents read away from the site (feed readers)."""
    return _ROOT_HREF.sub(lambda m: f'{m.group(1)}="{site_origin}/', html)


def xml_text(text: str) -> str:
    """Text without the characters an XML document may not hold."""
    return _NOT_XML.sub("", text)


def timestamp(day: date) -> str:
    """A content date as an RFC 3339 date-time: midnight in Amsterdam
    ('2026-11-10T00:00:00+01:00')."""
    return datetime.combine(day, time(), tzinfo=AMSTERDAM).isoformat()


def content_dates(data: Entry) -> list[date]:
    """The dates an entry's content carries: date, updated and, for an agenda item, the
    dates of its history (a status move changes the page)."""
    found = [d for d in (data.date, data.updated) if d is not None]
    if isinstance(data, AgendaItem):
        found += [h.date for h in data.history]
    return found


def last_changed(data: Entry) -> date | None:
    dates = content_dates(data)
    return max(dates) if dates else None


def xml_bytes(root: ET.Element) -> bytes:
    """An element tree as indented UTF-8 with an XML declaration and a final newline."""
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element with optional text and attributes (in the order given)."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = xml_text(text)
    return element
