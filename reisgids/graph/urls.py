"""Where generated files live: the fixed site paths of feeds, calendars, open data, the
sitemap and the not-found page, and `page_url`, a site path as an href under base_url.

They live in the graph stage (not next to the code that writes each file) so that planning
and the Markdown link check can name a URL without importing the module that renders it.
Entry URLs themselves are assigned in graph/routes.py.
"""

from __future__ import annotations

from reisgids.graph.content import ContentGraph, Key

NOT_FOUND_URL = "/404.html"
NEWS_URL = "/feeds/nieuws.xml"
LESSONS_URL = "/feeds/lessen.xml"
COMPASS_URL = "/feeds/kompas.xml"
ITEM_FEED = "/feeds/kompas/agenda/{slug}.xml"  # one agenda item's status moves
THEME_FEED = "/feeds/kompas/thema/{slug}.xml"
AREA_FEED = "/feeds/kompas/wijk/{slug}.xml"
CALENDAR_URL = "/agenda.ics"
DATA_PAGE_URL = "/data/"  # the page that explains and links the open data files
JSON_URL = "/data/reisgids.json"
SITEMAP_URL = "/sitemap.xml"
ROBOTS_URL = "/robots.txt"


def page_url(graph: ContentGraph, path: str) -> str:
    """A site path ('/deals/x/') as an href under base_url's path."""
    return graph.config.base_path.rstrip("/") + path


def csv_url(kind: str) -> str:
    return f"/data/{kind}.csv"


def event_ics_url(graph: ContentGraph, key: Key) -> str:
    """The one-event calendar next to an event's page: '/agenda/<slug>/<slug>.ics'."""
    return f"{graph.urls[key]}{key[1]}.ics"
