"""Atom feeds (RFC 4287): news, lessons and successes, and the compass's status moves.

Deterministic: entries sorted by content date, newest first, ties by slug; the feed's
<updated> is its newest entry's date, never the build's clock. Entry ids are canonical
URLs (with a fragment for a status move), so they stay put between builds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from reisgids.compass.editions import status_events
from reisgids.errors import Text
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import overview_url
from reisgids.graph.urls import COMPASS_URL, LESSONS_URL, NEWS_URL
from reisgids.model.compass import AgendaItem, HistoryEntry
from reisgids.model.kind import Kind
from reisgids.model.learning import Lesson
from reisgids.model.vocab import label
from reisgids.render.machine import (
    absolute,
    absolute_links,
    content_dates,
    origin,
    sub,
    timestamp,
    xml_bytes,
)

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LIMIT = 50  # entries per feed: the newest


LABELS: dict[str, Text] = {
    "news": Text("Nieuws", "News"),
    "lessons": Text("Lessen en successen", "Lessons and successes"),
    "compass": Text("Kompas: voortgang van de agendapunten",
                    "Compass: progress of the agenda items"),
    "success": Text("Succes", "Success"), "lesson": Text("Les", "Lesson"),
    "forum": Text("Forum", "Forum"), "decision": Text("Besluit", "Decision"),
    "note": Text("Toelichting", "Note"), "feedback": Text("Teruggekoppeld", "Fed back"),
    "indicator": Text("Indicator", "Indicator"),
    "next_check": Text("Volgende meting", "Next check"),
    "new": Text("Nieuw agendapunt", "New agenda item"), "was": Text("eerder", "previously"),
    "read": Text("Bekijk het agendapunt", "See the agenda item"),
    "documents": Text("Documenten", "Documents"),
}


def labels(language: str) -> dict[str, str]:
    return {key: text.get(language) for key, text in LABELS.items()}


def history_anchor(index: int) -> str:
    """The fragment of one history entry on its agenda item's page ('stap-1' for the
    first); the timeline gives each step this id."""
    return f"stap-{index + 1}"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str  # absolute
    updated: date
    published: date | None = None
    summary: str = ""
    content_html: str = ""
    author: str = ""
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)


@dataclass(frozen=True)
class Feed:
    id: str  # the feed's own absolute URL
    title: str
    alternate: str  # the HTML page it follows (absolute)
    language: str
    author: str
    entries: tuple[FeedEntry, ...] = field(default_factory=tuple)
    fallback_updated: date = date(1970, 1, 1)  # only for a feed without entries

    @property
    def updated(self) -> date:
        return max((e.updated for e in self.entries), default=self.fallback_updated)


def newest(entries: Sequence[FeedEntry], limit: int = LIMIT) -> tuple[FeedEntry, ...]:
    """Newest first (by published date, else updated); entries of one day keep the order
    they come in (the caller sorts them); at most `limit`."""
    ordered = sorted(entries, key=lambda e: e.published or e.updated, reverse=True)
    return tuple(ordered[:limit])


def atom_xml(feed: Feed) -> bytes:
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: feed.language})
    sub(root, "id", feed.id)
    sub(root, "title", feed.title)
    sub(root, "updated", timestamp(feed.updated))
    author = sub(root, "author")
    sub(author, "name", feed.author)
    sub(root, "link", rel="self", type="application/atom+xml", href=feed.id)
    sub(root, "link", rel="alternate", type="text/html", href=feed.alternate)
    sub(root, "generator", "reisgids")
    for entry in feed.entries:
        node = sub(root, "entry")
        sub(node, "id", entry.id)
        sub(node, "title", entry.title)
        sub(node, "updated", timestamp(entry.updated))
        if entry.published is not None:
            sub(node, "published", timestamp(entry.published))
        if entry.author:
            sub(sub(node, "author"), "name", entry.author)
        sub(node, "link", rel="alternate", type="text/html", href=entry.url)
        for term, text in entry.categories:
            sub(node, "category", term=term, label=text)
        if entry.summary:
            sub(node, "summary", entry.summary, type="text")
        if entry.content_html:
            sub(node, "content", entry.content_html, type="html")
    return xml_bytes(root)


def newest_content_date(graph: ContentGraph) -> date:
    """The newest content date of the site: the <updated> of a feed without entries.
    It reads every entry: callers that make many feeds ask once (compass_feeds.py)."""
    dates = [d for k in graph.published for d in content_dates(graph.entries[k].data)]
    return max(dates, default=date(1970, 1, 1))


def _feed(graph: ContentGraph, url: str, name: str, alternate: str,
          entries: Sequence[FeedEntry]) -> Feed:
    language = str(graph.config.language)
    return Feed(id=absolute(graph, url),
                title=f"{graph.config.title} · {labels(language)[name]}",
                alternate=absolute(graph, alternate), language=language,
                author=graph.config.title, entries=newest(entries),
                fallback_updated=newest_content_date(graph))


def _themes(graph: ContentGraph, themes: Sequence[str]) -> tuple[tuple[str, str], ...]:
    vocab = graph.config.vocabulary("themes")
    return tuple((t, vocab.get(t, t)) for t in themes)


def entry_of(graph: ContentGraph, key: Key, bodies: Mapping[Key, str]) -> FeedEntry:
    """A dated entry (news, lesson) as a feed entry; its body HTML with absolute links."""
    data = graph.entries[key].data
    url = absolute(graph, graph.urls[key])
    published = data.date
    dates = [d for d in (data.date, data.updated) if d is not None]
    updated = max(dates) if dates else date(1970, 1, 1)
    author = getattr(data, "author", None) or ""
    return FeedEntry(id=url, title=data.title, url=url, updated=updated,
                     published=published, summary=data.summary or "",
                     content_html=absolute_links(bodies.get(key, ""), origin(graph)),
                     author=str(author), categories=_themes(graph, data.themes))


def news_feed(graph: ContentGraph, bodies: Mapping[Key, str]) -> Feed:
    entries = [entry_of(graph, e.key, bodies) for e in graph.of_kind(Kind.NEWS)]
    return _feed(graph, NEWS_URL, "news", overview_url(graph.config, Kind.NEWS), entries)


def lessons_feed(graph: ContentGraph, bodies: Mapping[Key, str]) -> Feed:
    words = labels(str(graph.config.language))
    entries = []
    for found in graph.of_kind(Kind.LESSON):
        kind = "success" if found.data_as(Lesson).success else "lesson"
        entry = entry_of(graph, found.key, bodies)
        entries.append(FeedEntry(
            id=entry.id, title=entry.title, url=entry.url, updated=entry.updated,
            published=entry.published, summary=entry.summary,
            content_html=entry.content_html, author=entry.author,
            categories=((kind, words[kind]), *entry.categories)))
    return _feed(graph, LESSONS_URL, "lessons", overview_url(graph.config, Kind.LESSON), entries)


def _status(entry: HistoryEntry, language: str) -> str:
    return label("agenda.status", str(entry.status), language)


def document_hrefs(graph: ContentGraph, step: HistoryEntry) -> tuple[tuple[str, str], ...]:
    """(title, absolute URL) of the decision documents of one history entry."""
    return tuple((d.title, absolute(graph, d.url) if d.url.startswith("/") else d.url)
                 for d in step.documents)


def move_content(step: HistoryEntry, language: str, link: str,
                 documents: Sequence[tuple[str, str]] = ()) -> str:
    """The fields of one history entry as a small HTML fragment (escaped), with links to
    its decision documents."""
    words = labels(language)
    parts: list[tuple[str, str]] = []
    if step.forum:
        parts.append((words["forum"], step.forum))
    if step.decision:
        parts.append((words["decision"], label("decision", str(step.decision), language)))
    if step.note:
        parts.append((words["note"], step.note))
    if step.feedback:
        parts.append((words["feedback"], step.feedback))
    if step.indicator:
        parts.append((words["indicator"], step.indicator))
    if step.next_check:
        parts.append((words["next_check"], step.next_check.isoformat()))
    html = "".join(f"<p><strong>{escape(k)}:</strong> {escape(v)}</p>" for k, v in parts)
    if documents:
        items = "".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>'
                        for title, url in documents)
        html += f"<p><strong>{escape(words['documents'])}:</strong></p><ul>{items}</ul>"
    return html + f'<p><a href="{escape(link)}">{escape(words["read"])}</a></p>'


def status_entries(graph: ContentGraph, items: Mapping[str, AgendaItem]) -> list[FeedEntry]:
    """One entry per history entry of the given agenda items: '<item>: <status>'."""
    language = str(graph.config.language)
    words = labels(language)
    entries = []
    # one day's moves: by item, the later step of one item first
    for event in sorted(status_events(items), key=lambda e: (e.slug, -e.index)):
        item = items[event.slug]
        status = _status(event.entry, language)
        if event.previous is None:
            summary = f"{words['new']}: {status}"
        else:
            before = label("agenda.status", event.previous, language)
            summary = f"{status} ({words['was']}: {before})"
        if event.entry.decision:
            summary += f" — {label('decision', str(event.entry.decision), language)}"
        url = absolute(graph, graph.urls[(Kind.AGENDA_ITEM, event.slug)])
        link = f"{url}#{history_anchor(event.index)}"
        entries.append(FeedEntry(
            id=link, title=f"{item.title}: {status}", url=link, updated=event.entry.date,
            published=event.entry.date, summary=summary,
            content_html=move_content(event.entry, language, link,
                                      document_hrefs(graph, event.entry)),
            categories=((str(event.entry.status), status),)))
    return entries


def published_agenda_items(graph: ContentGraph) -> dict[str, AgendaItem]:
    items: dict[str, AgendaItem] = {}
    for found in graph.of_kind(Kind.AGENDA_ITEM):
        items[found.slug] = found.data_as(AgendaItem)
    return items


def compass_feed(graph: ContentGraph) -> Feed:
    """One entry per history entry of every published agenda item."""
    return _feed(graph, COMPASS_URL, "compass", overview_url(graph.config, Kind.COMPASS_EDITION),
                 status_entries(graph, published_agenda_items(graph)))


def feed_files(graph: ContentGraph, bodies: Mapping[Key, str]) -> dict[str, bytes]:
    """{output path: bytes} of the three feeds."""
    return {
        NEWS_URL.lstrip("/"): atom_xml(news_feed(graph, bodies)),
        LESSONS_URL.lstrip("/"): atom_xml(lessons_feed(graph, bodies)),
        COMPASS_URL.lstrip("/"): atom_xml(compass_feed(graph)),
    }
