"""What one body looked up among the site's URLs, so the build cache can tell later whether
the same lookups still give the same answers (reisgids/cache.py).

`RecordingSite` is the `SiteUrls` a body is rendered with: every `find` and every anchor
lookup is written down as plain values. A body that asked for the nearest URL (it has a
broken link) depends on every URL of the site and is marked `anything`: it is not cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reisgids.markdown._policy import LinkTarget
from reisgids.markdown._site_links import SiteUrls

Seen = dict[str, Any]  # "find:<path>" / "anchors:<path>" -> answer as JSON; "anything": True


def target_json(target: LinkTarget | None) -> list[Any] | None:
    if target is None:
        return None
    return [target.url, sorted(target.anchors), target.published, target.title]


def find_json(site: SiteUrls, path: str) -> list[Any] | None:
    found = site.find(path)
    return None if found is None else [found[0], target_json(found[1])]


def anchors_json(site: SiteUrls, path: str) -> list[str] | None:
    known = site.anchors.get(path)
    return None if known is None else sorted(known)


class _RecordingAnchors(Mapping[str, frozenset[str]]):
    def __init__(self, inner: Mapping[str, frozenset[str]], seen: Seen) -> None:
        self.inner, self.seen = inner, seen

    def __getitem__(self, key: str) -> frozenset[str]:
        value = self.inner.get(key)
        self.seen[f"anchors:{key}"] = None if value is None else sorted(value)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        self.seen["anything"] = True
        return iter(self.inner)

    def __len__(self) -> int:
        self.seen["anything"] = True
        return len(self.inner)


@dataclass(frozen=True)
class RecordingSite(SiteUrls):
    seen: Seen = field(default_factory=dict)

    @classmethod
    def around(cls, site: SiteUrls) -> RecordingSite:
        seen: Seen = {}
        return cls(site.host, site.base_path, site.pages,
                   _RecordingAnchors(site.anchors, seen), seen)

    def find(self, path: str) -> tuple[str, LinkTarget] | None:
        found = super().find(path)
        self.seen[f"find:{path}"] = None if found is None else [found[0], target_json(found[1])]
        return found

    def nearest(self, path: str) -> str | None:
        self.seen["anything"] = True
        return super().nearest(path)


def still_same(site: SiteUrls, seen: Seen) -> bool:
    """Every lookup recorded in `seen` gives the same answer on `site`."""
    for key, answer in seen.items():
        kind, _, path = key.partition(":")
        if kind == "find":
            if find_json(site, path) != answer:
                return False
        elif kind == "anchors":
            if anchors_json(site, path) != answer:
                return False
        else:
            return False
    return True
