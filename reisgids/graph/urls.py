"""Where generated files live: the fixed site paths of feeds, calendars, open data, the
sitemap and the not-found page, and `page_url`, a site path as an href under base_url.

They live in the graph stage (not next to the code that writes each file) so that planning
and the Markdown link check can name a URL without importing the module that renders it.
Entry URLs themselves are assigned in graph/routes.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from reisgids.errors import Diagnostic, Location, Text, error
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


def output_path(url: str) -> str:
    """'/deals/x/' -> 'deals/x/index.html'; '/404.html' -> '404.html'."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path


def csv_url(kind: str) -> str:
    return f"/data/{kind}.csv"


def event_ics_url(graph: ContentGraph, key: Key) -> str:
    """The one-event calendar next to an event's page: '/agenda/<slug>/<slug>.ics'."""
    return f"{graph.urls[key]}{key[1]}.ics"


def url_collision(url: str, sources: Iterable[str | Text], *, at: str, field: str = ""
                  ) -> Diagnostic:
    """The one diagnostic for two things that would be written at one URL, whichever stage
    finds it: entries (graph), overview pages (reisgids.yml), planned pages (plan) or a page
    and a generated file (render). `sources`: what claims the URL (file names, or labels in
    both languages); `at`: the file the diagnostic points at."""
    texts = [s if isinstance(s, Text) else Text(s, s) for s in sources]
    nl = ", ".join(sorted({s.nl for s in texts}))
    en = ", ".join(sorted({s.en for s in texts}))
    return error("url-collision", Location(at), Text(
        f"twee bronnen voor de URL {url}: {nl}", f"two sources for the URL {url}: {en}"),
        field=field, hint=Text("hernoem een van de bestanden of pas 'permalinks' aan",
                               "rename one of the files or change 'permalinks'"))
