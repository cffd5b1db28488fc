"""What each template receives: one frozen context type per template or family of templates.

A planned page carries one of these as its `context`; rendering hands its fields to the
template by name (a field `entry` is `{{ entry }}` in the template), beside the names every
template receives (SHARED). Everything here is a view decided in Python: templates never see
a model of the content. docs/theme.md is generated from these types (`python -m
reisgids.plan.theme_doc`), so the comment behind each field is its documentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from reisgids.plan.a_z import Letter
from reisgids.plan.compass_views import CompassView, StatusGroup
from reisgids.plan.deals import PhaseSection
from reisgids.plan.glossary import Term, TermList
from reisgids.plan.home import HomeView
from reisgids.plan.kinds import Detail
from reisgids.plan.lists import Facet, Pager
from reisgids.plan.notfound import NotFoundView
from reisgids.plan.page import Context, Page
from reisgids.plan.places import CityGroup, ThemeSummary, ThemeView
from reisgids.plan.views import EntryView, LicenceView, LinkView, RefView, SiteView


class FeedLink(NamedTuple):
    """An Atom feed a page announces: `feed[0]` / `feed.title`, `feed[1]` / `feed.href`."""

    title: str
    href: str


@dataclass(frozen=True)
class EntryContext(Context):
    """One published entry: `<kind>.html` (deal.html, lesson.html, ..., page.html), all
    extending entry.html."""

    entry: EntryView  # what every entry shows: title, summary, body, themes, backlinks
    detail: Detail | None  # the kind's own view (see per template below); None for pages


@dataclass(frozen=True)
class HomeContext(Context):
    """The home page: home.html."""

    front: HomeView  # the cycle's quadrants, news, events, the current compass edition


@dataclass(frozen=True)
class ListContext(Context):
    """One page of a kind's list, filtered or not: list.html (projects, partners,
    instruments, news, stories, reviews) and lessons.html."""

    kind: str  # the kind listed: 'project', 'lesson', ...
    intro: str  # i18n key of the lead paragraph: 'intro.<kind>'
    all_url: str  # the unfiltered list (href)
    facets: tuple[Facet, ...]  # the filters, each a heading and links with counts
    filtered: bool  # a filter page (a value chosen) rather than the whole list
    chosen: str  # the chosen value's label, '' when not filtered
    items: tuple[RefView, ...]  # the cards on this page
    pager: Pager  # which page of how many, with links to every page
    heading: str  # the list's title (without 'page 2 of 3')
    count: int  # how many entries the list (or filter) has on all its pages
    feed: FeedLink | None = None  # the list's Atom feed (news, lessons), or None


@dataclass(frozen=True)
class DealsContext(Context):
    """The deals by phase: deals.html (the overview and its phase filter pages)."""

    sections: tuple[PhaseSection, ...]  # one section per phase shown, in phase order
    phases: tuple[LinkView, ...]  # the phase filter links, with counts
    all_url: str  # all deals (href)
    filtered: bool  # a phase filter page


@dataclass(frozen=True)
class CompassContext(Context):
    """The compass: compass.html."""

    compass: CompassView  # current edition, status overview, the way an item goes
    feed: FeedLink  # the compass' Atom feed


@dataclass(frozen=True)
class AgendaItemsContext(Context):
    """The agenda items by status: agenda-items.html (and its status filter pages)."""

    groups: tuple[StatusGroup, ...]  # one group per status that has items
    filtered: bool  # a status filter page


@dataclass(frozen=True)
class EventsContext(Context):
    """The events: events.html."""

    upcoming: tuple[RefView, ...]  # soonest first; today's events count as upcoming
    past: tuple[RefView, ...]  # most recent first
    calendar_url: str  # the .ics of all events (href)


@dataclass(frozen=True)
class MarketplaceContext(Context):
    """The marketplace and its archive: marketplace.html."""

    items: tuple[RefView, ...]  # current listings, or the expired ones in the archive
    archive: bool  # this is the archive
    other_url: str  # the archive from the marketplace, the marketplace from the archive
    other_count: int  # how many listings the other page has


@dataclass(frozen=True)
class AreasContext(Context):
    """The areas (wijken) by city: areas.html."""

    cities: tuple[CityGroup, ...]


@dataclass(frozen=True)
class ThemesContext(Context):
    """Every theme: themes.html."""

    themes: tuple[ThemeSummary, ...]  # each with its counts


@dataclass(frozen=True)
class ThemeContext(Context):
    """One theme and what belongs to it: theme.html."""

    theme: ThemeView


@dataclass(frozen=True)
class AToZContext(Context):
    """Every published entry by title: a-z.html."""

    letters: tuple[Letter, ...]  # 'A'..'Z' and '#', the letters that have entries


class DataFile(NamedTuple):
    label: str  # the kind's name
    href: str
    rows: int  # published entries of the kind


class DataLink(NamedTuple):
    label: str
    href: str


@dataclass(frozen=True)
class DataView:
    json: str  # reisgids.json, everything in one file (href)
    csvs: tuple[DataFile, ...]  # a CSV per kind: `for label, href, rows in data.csvs`
    feeds: tuple[DataLink, ...]  # the Atom feeds and the calendar
    licence: LicenceView  # of the open data


@dataclass(frozen=True)
class DataContext(Context):
    """The open data page: data.html."""

    data: DataView


@dataclass(frozen=True)
class GlossaryContext(Context):
    """The words of the guide explained: glossary.html."""

    terms: tuple[Term, ...]  # the jargon, each with its explanation
    lists: tuple[TermList, ...]  # the fixed lists (phases, statuses, ...) and the themes


@dataclass(frozen=True)
class NotFoundContext(Context):
    """The page for any missing address: 404.html (every href root-relative)."""

    notfound: NotFoundView


# The names every template receives besides its context's fields (render/site.py passes
# them; `t` and `images` are globals of the Jinja environment).
SHARED: tuple[tuple[str, type | str, str], ...] = (
    ("site", SiteView, "the site: title, navigation, footer, hrefs of site-wide pages"),
    ("page", Page, "the planned page: url, template, title, description, breadcrumbs, "
                     "feeds, source (the Markdown file, '' for generated pages), indexed"),
    ("url", "str", "this page (href, with the site's base path)"),
    ("canonical", "str", "this page as an absolute URL"),
    ("home", "str", "the home page (href)"),
    ("t", "(key: str) -> str", "the theme's string for an i18n key (the key itself when "
                               "the theme has none)"),
    ("images", "Images", "a picture of an entry: `images.of(kind, slug)` -> {info, alt} or "
                         "none; only in a full build (test with `images is defined`)"),
)

# Every template the planner uses and its context type. Entry pages: ENTRY_TEMPLATES.
TEMPLATES: tuple[tuple[str, type[Context]], ...] = (
    ("home.html", HomeContext),
    ("list.html", ListContext),
    ("lessons.html", ListContext),
    ("deals.html", DealsContext),
    ("compass.html", CompassContext),
    ("agenda-items.html", AgendaItemsContext),
    ("events.html", EventsContext),
    ("marketplace.html", MarketplaceContext),
    ("areas.html", AreasContext),
    ("themes.html", ThemesContext),
    ("theme.html", ThemeContext),
    ("a-z.html", AToZContext),
    ("data.html", DataContext),
    ("glossary.html", GlossaryContext),
    ("search.html", Context),
    ("404.html", NotFoundContext),
)
