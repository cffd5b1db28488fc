"""Long lists as static pages: pagination and the filter pages of every value in use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import pytest
from views_support import SiteFactory, md, site_graph, translate

from reisgids.plan.contexts import EventsContext, ListContext
from reisgids.plan.lists import chunks, page_path, pagers, paginated
from reisgids.plan.page import Context, Page, trail
from reisgids.plan.pages import plan_pages

C = TypeVar("C", bound=Context)


@dataclass(frozen=True)
class Numbers(Context):
    items: tuple[int, ...]
    count: int


def of(page: Page, kind: type[C]) -> C:
    """The page's context, checked to be of the template's context type."""
    assert isinstance(page.context, kind), type(page.context)
    return page.context


def lesson(slug: str, day: int, level: str = "interaction", kind: str = "content",
           change: str = "none", success: bool = False, themes: str = "[]") -> tuple[str, str]:
    return (f"content/lessons/{slug}.md", md(f"""
title: Les {slug}
summary: Over {slug}.
date: 2026-01-{day:02d}
success: {'true' if success else 'false'}
sources: [{{document: Notitie}}]
level: {level}
type: {kind}
change: {change}
themes: {themes}
"""))


def test_chunks_make_pages_of_twenty_and_one_empty_page() -> None:
    assert [len(c) for c in chunks(list(range(45)))] == [20, 20, 5]
    assert [len(c) for c in chunks(list(range(40)))] == [20, 20]
    assert chunks([]) == [[]]
    with pytest.raises(ValueError):
        chunks([1], 0)


def test_page_paths() -> None:
    assert page_path("/lessen/", 1) == "/lessen/"
    assert page_path("/lessen/", 3) == "/lessen/pagina/3/"


def test_pagers_link_prev_and_next_under_the_base_path(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    first, second, third = pagers(graph, "/lessen/", 3)
    assert (first.prev_url, first.next_url) == ("", "/gids/lessen/pagina/2/")
    assert (second.prev_url, second.next_url) == ("/gids/lessen/", "/gids/lessen/pagina/3/")
    assert (third.prev_url, third.next_url) == ("/gids/lessen/pagina/2/", "")
    assert [(p.label, p.current) for p in second.pages] == [("1", False), ("2", True),
                                                           ("3", False)]


def test_paginated_pages_have_titles_crumbs_and_rel_links(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    pages = paginated(graph, translate, base="/lessen/", title="Lessen",
                      template="list.html", items=list(range(41)),
                      crumbs=trail(graph, translate, ("Lessen", "/lessen/")),
                      context=lambda items, pager: Numbers(items, 41))
    assert [p.url for p in pages] == ["/lessen/", "/lessen/pagina/2/", "/lessen/pagina/3/"]
    assert pages[1].title == "Lessen (pagina 2 van 3)"
    assert pages[1].prev_url == "/gids/lessen/" and pages[1].next_url == "/gids/lessen/pagina/3/"
    assert pages[0].breadcrumbs[-1] == ("Lessen", "/gids/lessen/")
    assert pages[2].breadcrumbs[-1] == ("Lessen (pagina 3 van 3)", "/gids/lessen/pagina/3/")
    assert [len(of(p, Numbers).items) for p in pages] == [20, 20, 1]
    assert all(of(p, Numbers).count == 41 for p in pages)


def test_a_list_of_more_than_twenty_lessons_is_paginated(make_site: SiteFactory) -> None:
    extra = dict(lesson(f"les-{n:02d}", n) for n in range(1, 24))
    graph = site_graph(make_site, extra)
    urls = {p.url: p for p in plan_pages(graph, {}, translate)}
    assert "/lessen/pagina/2/" in urls and "/lessen/pagina/3/" not in urls  # 26 lessons
    assert of(urls["/lessen/pagina/2/"], ListContext).pager.number == 2
    # filter pages paginate too: 24 lessons at the interaction level
    assert "/lessen/niveau/interaction/pagina/2/" in urls


def test_filter_pages_exist_for_every_value_in_use_and_no_other(
        make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    urls = {p.url for p in plan_pages(graph, {}, translate)}
    lessons = {u for u in urls if u.startswith("/lessen/") and u.count("/") == 4}
    assert lessons == {
        "/lessen/niveau/interaction/", "/lessen/niveau/institutional/",
        "/lessen/type/cooperation/", "/lessen/type/system/", "/lessen/type/content/",
        "/lessen/verandering/none/", "/lessen/verandering/funding-term/",
        "/lessen/thema/eenzaamheid/"}
    assert "/lessen/successen/" in urls
    assert {u for u in urls if u.startswith("/deals/fase/")} == {
        "/deals/fase/partners/", "/deals/fase/planning/", "/deals/fase/execution/"}
    assert {u for u in urls if u.startswith("/kompas/status/")} == {
        "/kompas/status/on-agenda/", "/kompas/status/withdrawn/"}
    assert {u for u in urls if u.startswith("/partners/type/")} == {
        "/partners/type/gemeente/", "/partners/type/initiatief/"}


def test_filter_pages_list_only_matching_entries_and_mark_the_current_value(
        make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    pages = {p.url: p for p in plan_pages(graph, {}, translate)}
    page = pages["/lessen/niveau/interaction/"]
    assert sorted(r.slug for r in page.context.items) == ["project-les", "vaste-kern"]
    assert page.title == "Lessen en successen: Interactie"
    assert page.breadcrumbs[-2] == ("Lessen en successen", "/gids/lessen/")
    level = next(f for f in page.context.facets if f.heading == "lessons.filter.level")
    assert [(x.label, x.current, x.count) for x in level.links] == [
        ("Interactie", True, 2), ("Institutioneel", False, 1)]
    successes = pages["/lessen/successen/"]
    assert [r.slug for r in successes.context.items] == ["vaste-kern"]
    deals = pages["/deals/fase/planning/"]
    assert [s.phase for s in deals.context.sections] == ["planning"]
    status = pages["/kompas/status/withdrawn/"]
    assert [ln.ref.slug for g in status.context.groups for ln in g.items] == ["oud"]


def test_news_lessons_and_compass_announce_their_feeds(make_site: SiteFactory) -> None:
    pages = {p.url: p for p in plan_pages(site_graph(make_site), {}, translate)}
    assert [href for _, href in pages["/nieuws/"].feeds] == ["/gids/feeds/nieuws.xml"]
    assert [href for _, href in pages["/lessen/"].feeds] == ["/gids/feeds/lessen.xml"]
    assert [href for _, href in pages["/kompas/"].feeds] == ["/gids/feeds/kompas.xml"]
    assert pages["/agenda/"].context.calendar_url == "/gids/agenda.ics"


def test_marketplace_archive_and_event_pages(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    pages = {p.url: p for p in plan_pages(graph, {}, translate)}
    assert [r.slug for r in pages["/marktplaats/"].context.items] == ["vandaag"]
    assert [r.slug for r in pages["/marktplaats/archief/"].context.items] == ["verlopen"]
    agenda = of(pages["/agenda/"], EventsContext)
    assert [r.slug for r in agenda.upcoming] == ["vandaag", "straks"]
    assert [r.slug for r in agenda.past] == ["gisteren"]
