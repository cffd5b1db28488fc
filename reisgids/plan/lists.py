"""Long lists as static pages: pagination (/pagina/2/) and filter pages per value."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import page_url
from reisgids.plan.page import Context, Crumb, Page
from reisgids.plan.views import LinkView, Translate

T = TypeVar("T")
PER_PAGE = 20


@dataclass(frozen=True)
class Pager:
    number: int  # 1-based
    total: int
    prev_url: str  # href, '' on the first page
    next_url: str  # href, '' on the last page
    pages: tuple[LinkView, ...]  # every page, the current one marked

    @property
    def label(self) -> str:
        return f"{self.number}/{self.total}"


@dataclass(frozen=True)
class Facet:
    """One way to filter a list: a heading and a link per value (with its count)."""

    heading: str  # i18n key
    links: tuple[LinkView, ...]


def page_path(base: str, number: int) -> str:
    """'/lessen/' -> '/lessen/' (page 1), '/lessen/pagina/2/' (page 2)."""
    return base if number == 1 else f"{base}pagina/{number}/"


def chunks(items: Sequence[T], per_page: int = PER_PAGE) -> list[Sequence[T]]:
    """Items in pages of `per_page`; an empty list is one empty page."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]


def pagers(graph: ContentGraph, base: str, total: int) -> list[Pager]:
    found = []
    for number in range(1, total + 1):
        links = tuple(LinkView(str(n), page_url(graph, page_path(base, n)), n == number)
                      for n in range(1, total + 1))
        found.append(Pager(
            number, total,
            page_url(graph, page_path(base, number - 1)) if number > 1 else "",
            page_url(graph, page_path(base, number + 1)) if number < total else "",
            links))
    return found


def paginated(graph: ContentGraph, translate: Translate, *, base: str, title: str,
              template: str, items: Sequence[T], crumbs: tuple[Crumb, ...],
              context: Callable[[tuple[T, ...], Pager], Context], description: str = "",
              per_page: int = PER_PAGE) -> list[Page]:
    """One Page per chunk of `items` at base, base/pagina/2/, ...; `context` makes each
    one's context from its items and pager. Crumbs end at the list itself (page 1)."""
    parts = chunks(items, per_page)
    pages = []
    for pager, part in zip(pagers(graph, base, len(parts)), parts, strict=True):
        url = page_path(base, pager.number)
        label = title
        trail = crumbs
        if pager.number > 1:
            label = translate("list.page_title").format(
                title=title, number=pager.number, total=pager.total)
            trail = (*crumbs, (label, page_url(graph, url)))
        pages.append(Page(
            url=url, template=template, title=label, context=context(tuple(part), pager),
            description=description, breadcrumbs=trail,
            prev_url=pager.prev_url, next_url=pager.next_url))
    return pages


def facet(graph: ContentGraph, heading: str, base: str, values: Iterable[str],
          counts: Mapping[str, int], label: Callable[[str], str], current: str = ""
          ) -> Facet:
    """Links to the filter pages base/<value>/ of the values that occur, in given order."""
    links = tuple(LinkView(label(v), page_url(graph, f"{base}{v}/"), v == current, counts[v])
                  for v in values if counts.get(v))
    return Facet(heading, links)


def count_values(values_per_item: Iterable[Iterable[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for values in values_per_item:
        for value in set(values):
            counts[value] = counts.get(value, 0) + 1
    return counts
