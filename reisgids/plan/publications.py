"""News, stories, events and the marketplace: what is new, what is coming, what expired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import event_ics_url, page_url
from reisgids.model.kind import Kind
from reisgids.model.publication import Event, Listing, News, Story
from reisgids.plan.dates import format_span, iso, moment_day
from reisgids.plan.labels import fdate, language_of, vocab_label
from reisgids.plan.views import RefView, card_view, ref_view


def newest_first(graph: ContentGraph, kind: str) -> list[Key]:
    """Published entries of a dated kind, newest first, then by title."""
    return sorted((e.key for e in graph.of_kind(kind)),
                  key=lambda k: (-(graph.entries[k].data.date or date.min).toordinal(),
                                 graph.entries[k].data.title.casefold(), k))


def event_of(graph: ContentGraph, key: Key) -> Event:
    data = graph.entries[key].data_as(Event)
    return data


def event_last_day(event: Event) -> date:
    return moment_day(event.end if event.end is not None else event.start)


def is_upcoming(event: Event, today: date) -> bool:
    """An event is upcoming until its last day has passed (today's events are upcoming)."""
    return event_last_day(event) >= today


def _event_sort(graph: ContentGraph, key: Key) -> tuple[date, str, str]:
    event = event_of(graph, key)
    return (moment_day(event.start), iso(event.start), key[1])


def split_events(graph: ContentGraph) -> tuple[list[Key], list[Key]]:
    """(upcoming soonest first, past most recent first)."""
    keys = [e.key for e in graph.of_kind(Kind.EVENT)]
    upcoming = sorted((k for k in keys if is_upcoming(event_of(graph, k), graph.now)),
                      key=lambda k: _event_sort(graph, k))
    past = sorted((k for k in keys if not is_upcoming(event_of(graph, k), graph.now)),
                  key=lambda k: _event_sort(graph, k), reverse=True)
    return upcoming, past


def listing_of(graph: ContentGraph, key: Key) -> Listing:
    data = graph.entries[key].data_as(Listing)
    return data


def is_expired(listing: Listing, today: date) -> bool:
    """A listing moves to the archive the day after its valid_until."""
    return listing.valid_until is not None and listing.valid_until < today


def split_listings(graph: ContentGraph) -> tuple[list[Key], list[Key]]:
    """(current listings, archived listings), each newest valid_until first... current ones
    by the date they run out (soonest first, open-ended last), archived most recent first."""
    keys = [e.key for e in graph.of_kind(Kind.LISTING)]
    current = [k for k in keys if not is_expired(listing_of(graph, k), graph.now)]
    archived = [k for k in keys if is_expired(listing_of(graph, k), graph.now)]
    current.sort(key=lambda k: (listing_of(graph, k).valid_until or date.max, k))
    archived.sort(key=lambda k: (listing_of(graph, k).valid_until or date.min, k), reverse=True)
    return current, archived


@dataclass(frozen=True)
class EventView:
    when: str
    start_iso: str
    end_iso: str
    upcoming: bool
    type: str
    location: str
    online: bool
    organisers: tuple[RefView, ...]
    registration: str
    ics_url: str  # this event as an .ics file (href)


def event_view(graph: ContentGraph, slug: str) -> EventView:
    event = event_of(graph, (Kind.EVENT, slug))
    return EventView(
        when=format_span(event.start, event.end, language_of(graph)),
        start_iso=iso(event.start), end_iso=iso(event.end) if event.end else "",
        upcoming=is_upcoming(event, graph.now),
        type=vocab_label(graph, "event.type", event.type), location=event.location or "",
        online=event.online,
        organisers=tuple(ref_view(graph, (Kind.PARTNER, p)) for p in event.organisers),
        registration=event.registration or "",
        ics_url=page_url(graph, event_ics_url(graph, (Kind.EVENT, slug))))


@dataclass(frozen=True)
class ListingView:
    type: str
    category: str
    by: RefView
    contact: str
    valid_until: str
    valid_until_iso: str
    archived: bool


def listing_view(graph: ContentGraph, slug: str) -> ListingView:
    listing = listing_of(graph, (Kind.LISTING, slug))
    return ListingView(
        type=vocab_label(graph, "listing.type", listing.type),
        category=vocab_label(graph, "listing.category", listing.category),
        by=ref_view(graph, (Kind.PARTNER, listing.by)), contact=listing.contact or "",
        valid_until=fdate(graph, listing.valid_until),
        valid_until_iso=iso(listing.valid_until) if listing.valid_until else "",
        archived=is_expired(listing, graph.now))


@dataclass(frozen=True)
class ArticleView:
    """News and stories: what they relate to, and (stories) medium and author."""

    medium: str  # a story's medium as a label ('Video'), '' for news
    author: str  # a story's author, or ''
    media_url: str  # where the story's video or audio is, or ''
    related: tuple[RefView, ...]  # cards of the entries it is about
    medium_id: str = ""  # the medium's id ('video'), for i18n keys: 'story.media.video'


def article_view(graph: ContentGraph, key: Key) -> ArticleView:
    data = graph.entries[key].data
    assert isinstance(data, News | Story)
    related = tuple(card_view(graph, (r.kind, r.slug)) for r in data.related)
    if isinstance(data, Story):
        return ArticleView(vocab_label(graph, "story.medium", data.medium), data.author or "",
                           data.media_url or "", related, medium_id=str(data.medium))
    return ArticleView("", "", "", related)
