"""View objects: everything a template shows, decided before templates run.

The shared pieces live here: links to entries (RefView), cards for lists, vocabulary terms,
backlinks grouped under a heading, and the site-wide context (navigation, footer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reisgids.graph.content import ContentGraph, Key, Link
from reisgids.graph.routes import GLOSSARY_URL, overview_url
from reisgids.graph.urls import DATA_PAGE_URL, page_url
from reisgids.markdown import RenderedBody
from reisgids.model.kind import Kind
from reisgids.plan.dates import iso
from reisgids.plan.kind_cards import CARD, KIND_ORDER, backlink_heading
from reisgids.plan.labels import fdate
from reisgids.plan.repository import edit_pattern, issues_url
from reisgids.plan.search_meta import SearchMeta, search_meta

Translate = Callable[[str], str]


@dataclass(frozen=True)
class RefView:
    """A link to another entry; `url` is empty when that entry is not published."""

    kind: str  # 'deal', 'partner', ...
    slug: str
    title: str
    url: str  # href, '' when not published (show the title without a link)
    summary: str = ""
    meta: tuple[str, ...] = ()  # short facts for a card: 'Uitvoering', '4 partners'
    date_text: str = ""  # '10 december 2026'
    date_iso: str = ""  # for <time datetime>
    flag: str = ""  # a text badge ('Succes', 'Concept'), never colour alone
    until_text: str = ""  # a listing's last valid day


@dataclass(frozen=True)
class TermView:
    id: str
    label: str
    url: str


@dataclass(frozen=True)
class LinkView:
    """A plain link (href + text) decided in Python."""

    label: str
    url: str
    current: bool = False
    count: int | None = None


@dataclass(frozen=True)
class BacklinkGroup:
    heading: str  # an i18n key: 'backlinks.deal', 'backlinks.lesson.sources', ...
    kind: str
    refs: tuple[RefView, ...]


@dataclass(frozen=True)
class EntryView:
    """What every entry page shows, whatever its kind (`entry` in its template)."""

    kind: str  # 'deal', 'lesson', ...
    slug: str  # the file name without .md
    title: str
    summary: str  # one or two sentences, '' when the entry has none
    body_html: str  # the Markdown body as HTML, ready to show (escaped where needed)
    themes: tuple[TermView, ...]  # its themes, linking to their theme pages
    areas: tuple[RefView, ...]  # its areas (wijken), linking to their pages
    backlink_groups: tuple[BacklinkGroup, ...] = ()  # under Dutch headings, in kind order
    date_text: str = ""  # the date written out: '10 december 2026'
    date_iso: str = ""  # the date for <time datetime>, '' without one
    updated_text: str = ""  # when it was last changed, written out
    updated_iso: str = ""  # the same for <time datetime>
    links: tuple[LinkView, ...] = ()  # the entry's `links:` (label, url)
    search: SearchMeta = field(default_factory=SearchMeta)  # facets, sort date for search


# Fields whose backlinks the area and theme pages gather on their own.
GATHERED_FIELDS = frozenset({"areas"})


# References and cards are functions of the graph alone, and a site shows each entry's card
# on many pages (8,800 cards of 1,000 entries): made once per graph, each is also
# fingerprinted once (fingerprint.py remembers a digest per object). One graph at a time:
# a build has one, serve makes one per save. Not for a graph that records what each page
# reads (serve's replanning, plan/recording.py): a remembered card would read nothing, and
# the page would not be planned again when that entry changes. A view keeps the key's kind
# as its caller gave it (a str or an equal Kind, which a fingerprint tells apart), so the
# kind's type is part of the memo's key.
_Made = dict[tuple[Key, type], RefView]
_made: tuple[ContentGraph | None, _Made, _Made] = (None, {}, {})


def _made_for(graph: ContentGraph) -> tuple[_Made, _Made]:
    """(references, cards) made from `graph` so far; always empty for a recording graph."""
    global _made
    if type(graph) is not ContentGraph:
        return {}, {}
    made = _made
    if made[0] is not graph:
        made = _made = (graph, {}, {})
    return made[1], made[2]


def ref_view(graph: ContentGraph, key: Key) -> RefView:
    """A reference shown by its target's title and link. A target that is not in the graph
    (missing, or its file failed to load: an error the build stops at) is shown by its
    slug alone: check and build plan the overviews before they stop, for their URLs."""
    refs, memo = _made_for(graph)[0], (key, type(key[0]))
    found = refs.get(memo)
    if found is None and key not in graph.entries:
        return RefView(key[0], key[1], key[1], "", "")
    if found is None:
        entry = graph.entries[key]
        url = page_url(graph, graph.urls[key]) if graph.is_published(key) else ""
        found = refs[memo] = RefView(key[0], key[1], entry.data.title, url,
                                     entry.data.summary or "")
    return found


def until_text(graph: ContentGraph, key: Key) -> str:
    """The last valid day of a marketplace listing, as text ('' for other kinds)."""
    data: Any = graph.entries[key].data
    return fdate(graph, data.valid_until) if key[0] == "listing" else ""


def card_facts(graph: ContentGraph, key: Key) -> tuple[tuple[str, ...], str, str, str]:
    """(meta, date text, date iso, flag) for the card of an entry: its kind's CardSpec."""
    data = graph.entries[key].data
    facts = CARD[key[0]].facts(graph, data)
    if facts.when is not None:
        return facts.meta, *facts.when, facts.flag
    if data.date is None:
        return facts.meta, "", "", facts.flag
    return facts.meta, fdate(graph, data.date), iso(data.date), facts.flag


def card_view(graph: ContentGraph, key: Key) -> RefView:
    """A RefView with the short facts a list shows."""
    cards, memo = _made_for(graph)[1], (key, type(key[0]))
    found = cards.get(memo)
    if found is None:
        base = ref_view(graph, key)
        meta, date_text, date_iso, flag = card_facts(graph, key)
        found = cards[memo] = RefView(base.kind, base.slug, base.title, base.url, base.summary,
                                     meta, date_text, date_iso, flag, until_text(graph, key))
    return found


def theme_url(graph: ContentGraph, theme: str) -> str:
    return page_url(graph, f"/themas/{theme}/")


def term_views(graph: ContentGraph, themes: Iterable[str]) -> tuple[TermView, ...]:
    vocab = graph.config.vocabulary("themes")
    return tuple(TermView(t, vocab.get(t, t), theme_url(graph, t)) for t in themes)


def backlink_groups(graph: ContentGraph, links: Iterable[Link],
                    skip: frozenset[tuple[str, str]] = frozenset()
                    ) -> tuple[BacklinkGroup, ...]:
    """Backlinks under headings: grouped by (source kind, heading), in kind order, each
    source once per group, sources sorted by title."""
    grouped: dict[tuple[str, str], dict[Key, RefView]] = {}
    for link in links:
        kind = link.source[0]
        if link.field in GATHERED_FIELDS or (kind, link.field) in skip or (kind, "*") in skip:
            continue
        heading = backlink_heading(kind, link.field)
        grouped.setdefault((kind, heading), {})[link.source] = card_view(graph, link.source)
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return tuple(
        BacklinkGroup(heading, kind, tuple(sorted(refs.values(),
                                                  key=lambda r: (r.title.casefold(), r.slug))))
        for (kind, heading), refs in sorted(grouped.items(),
                                            key=lambda kv: (order[kv[0][0]], kv[0][1])))


def entry_view(graph: ContentGraph, key: Key, bodies: Mapping[Key, RenderedBody],
               skip: frozenset[tuple[str, str]] = frozenset()) -> EntryView:
    entry = graph.entries[key]
    data = entry.data
    return EntryView(
        kind=entry.kind, slug=entry.slug, title=data.title,
        summary=data.summary or "", body_html=bodies[key].html if key in bodies else "",
        themes=term_views(graph, data.themes),
        areas=tuple(ref_view(graph, (Kind.AREA, a)) for a in data.areas
                    if (Kind.AREA, a) in graph.entries),
        backlink_groups=backlink_groups(graph, graph.backlinks(key), skip),
        date_text=fdate(graph, data.date),
        date_iso=iso(data.date) if data.date is not None else "",
        updated_text=fdate(graph, data.updated),
        updated_iso=iso(data.updated) if data.updated is not None else "",
        links=tuple(LinkView(link.title, link.url) for link in data.links),
        search=search_meta(graph, key),
    )


@dataclass(frozen=True)
class NavGroup:
    heading: str  # i18n key, '' for none
    links: tuple[tuple[str, str], ...]  # (i18n key, href)


NAV: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("nav.atlas", (("kinds.deal", "deal"), ("kinds.project", "project"),
                   ("kinds.partner", "partner"), ("kinds.instrument", "instrument"),
                   ("kinds.area", "area"), ("nav.themes", "/themas/"))),
    ("nav.compass", (("nav.lessons", "lesson"), ("kinds.review", "review"),
                     ("kinds.compass-edition", "compass-edition"))),
    ("nav.more", (("kinds.news", "news"), ("kinds.story", "story"),
                  ("kinds.event", "event"), ("kinds.listing", "listing"))),
)

FOOTER_PAGES = ("over", "toegankelijkheid", "privacy", "colofon")  # when they exist


def navigation(graph: ContentGraph) -> tuple[NavGroup, ...]:
    groups = []
    for heading, items in NAV:
        links = []
        for key, target in items:
            path = target if target.startswith("/") else overview_url(graph.config, target)
            links.append((key, page_url(graph, path)))
        groups.append(NavGroup(heading, tuple(links)))
    return tuple(groups)


def footer_links(graph: ContentGraph) -> tuple[RefView, ...]:
    return tuple(ref_view(graph, (Kind.PAGE, slug)) for slug in FOOTER_PAGES
                 if graph.is_published((Kind.PAGE, slug)))


@dataclass(frozen=True)
class LicenceView:
    name: str  # 'CC0 1.0'
    url: str  # the licence's text


@dataclass(frozen=True)
class SiteView:
    """The site as every template sees it (`site`): the same on every page."""

    title: str  # the guide's name (reisgids.yml `title`)
    base_url: str  # 'https://example.org/gids/'
    base_path: str  # '/gids' or '': prefix of every root-relative href
    language: str  # 'nl' or 'en'
    nav: tuple[NavGroup, ...]  # the main navigation, in groups
    footer: tuple[RefView, ...]  # the footer's pages that exist (over, privacy, ...)
    search_url: str  # hrefs of the site-wide pages
    a_z_url: str
    data_url: str
    glossary_url: str
    licence: LicenceView  # of the open data
    edit_pattern: str  # a URL with {path} for a page's source file, '' for no edit link
    issues_url: str  # where a reader reports a mistake, '' for none
    locale: str  # og:locale, 'nl_NL' or 'en_GB'


def site_context(graph: ContentGraph) -> SiteView:
    config = graph.config
    return SiteView(
        title=config.title, base_url=config.base_url, base_path=config.base_path,
        language=str(config.language), nav=navigation(graph), footer=footer_links(graph),
        search_url=page_url(graph, "/zoeken/"), a_z_url=page_url(graph, "/a-z/"),
        data_url=page_url(graph, DATA_PAGE_URL), glossary_url=page_url(graph, GLOSSARY_URL),
        licence=LicenceView(config.licence.name, str(config.licence.url)),
        edit_pattern=edit_pattern(config), issues_url=issues_url(config),
        locale="en_GB" if config.language == "en" else "nl_NL")
