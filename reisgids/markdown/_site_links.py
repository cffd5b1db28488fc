"""Links to the site itself, written as the browser shows them: `/deals/x/`,
`/lessen/y/#kop`, `https://<the site's host>/gids/deals/x/`. Checked against the URLs the
build will really write (entries, overviews, filter pages, feeds, static files)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from reisgids.markdown._policy import LinkTarget


@dataclass(frozen=True)
class SiteUrls:
    """Every URL path the build writes (site paths, '/deals/x/'), with what each shows."""

    host: str  # 'example.org' (lower case), from base_url
    base_path: str  # '/gids/': the path part of base_url
    pages: Mapping[str, LinkTarget]
    # heading ids of the pages whose ids are known before rendering (the others: unchecked)
    anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def own_path(self, url: str) -> str | None:
        """The path of a full http(s) URL on the site's own host; None for another site."""
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https") or host != self.host:
            return None
        return parts.path or "/"

    def site_path(self, path: str) -> str:
        """'/gids/deals/x/' and '/deals/x/' alike -> '/deals/x/' (a site path)."""
        path = unquote(path)
        if self.base_path != "/" and (path + "/").startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        return path.removesuffix("index.html") if path.endswith("/index.html") else path

    def find(self, path: str) -> tuple[str, LinkTarget] | None:
        """The page a site path names; '/deals/x' finds '/deals/x/' too."""
        for candidate in (path, path + "/"):
            if candidate in self.pages:
                return candidate, self.pages[candidate]
        return None

    def nearest(self, path: str) -> str | None:
        """The existing URL closest to a broken one: the same last part in another folder,
        else the closest spelling."""
        last = path.rstrip("/").rsplit("/", 1)[-1]
        if last:
            same = sorted(p for p in self.pages if p.rstrip("/").rsplit("/", 1)[-1] == last)
            if same:
                return same[0]
        close = difflib.get_close_matches(path, list(self.pages), n=1, cutoff=0.6)
        return close[0] if close else None


def host_of(base_url: str) -> str:
    try:
        return (urlsplit(base_url).hostname or "").lower()
    except ValueError:
        return ""
