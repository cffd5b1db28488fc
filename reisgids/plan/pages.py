"""Which pages the site has: the home page, one page per published entry, an overview per
kind, and the static filter and pagination pages of long lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import GLOSSARY_URL, overview_url
from reisgids.graph.urls import page_url
from reisgids.markdown import RenderedBody
from reisgids.model.kind import Kind
from reisgids.model.kinds import spec_of
from reisgids.plan.a_z import a_to_z
from reisgids.plan.contexts import AToZContext, EntryContext, GlossaryContext, HomeContext
from reisgids.plan.datapage import data_page
from reisgids.plan.feed_links import entry_feeds
from reisgids.plan.glossary import glossary
from reisgids.plan.home import home_view
from reisgids.plan.kinds import detail_of, plan_spec
from reisgids.plan.meta import absolute, json_ld
from reisgids.plan.overviews import (
    atlas_pages,
    compass_pages,
    deal_pages,
    lesson_pages,
    place_pages,
    publication_pages,
)
from reisgids.plan.page import Crumb, Page, trail
from reisgids.plan.replan import Group, KeptPlan, plan_entries, plan_groups
from reisgids.plan.schema_org import website
from reisgids.plan.views import Translate, entry_view, ref_view
from reisgids.source.kinds import KINDS


def entry_crumbs(graph: ContentGraph, translate: Translate, key: Key, title: str
                 ) -> tuple[Crumb, ...]:
    kind = key[0]
    steps: list[tuple[str, str]] = []
    if kind == Kind.AGENDA_ITEM:
        steps = [(translate("kinds.compass-edition"), overview_url(graph.config,
                                                                   Kind.COMPASS_EDITION)),
                 (translate("kinds.agenda-item"), overview_url(graph.config, kind))]
    elif kind != Kind.PAGE:
        steps = [(translate(f"kinds.{kind}"), overview_url(graph.config, kind))]
    return trail(graph, translate, *steps, (title, graph.urls[key]))


def entry_page(graph: ContentGraph, bodies: Mapping[Key, RenderedBody], translate: Translate,
               key: Key) -> Page:
    """One published entry's page; it reads the graph only through `graph` and `bodies`
    (plan/replan.py records those reads to know when to plan the page again)."""
    kind = key[0]
    spec = plan_spec(kind)
    view = entry_view(graph, key, bodies, skip=spec.shown)
    if kind == Kind.AREA:  # an area page gathers what is in it by itself
        view = replace(view, backlink_groups=())
    data = graph.entries[key].data
    detail = detail_of(graph, key, absolute(graph, graph.urls[key]))
    return Page(
        url=graph.urls[key], template=spec.template, title=view.title,
        context=EntryContext(view, detail),
        description=view.summary, breadcrumbs=entry_crumbs(graph, translate, key, view.title),
        indexed=not data.draft, source=graph.entries[key].rel,  # drafts never indexed
        og_type="article" if spec_of(kind).article else "website",
        json_ld=json_ld(spec.json_ld(graph, key)),
        image=absolute(graph, data.image) if data.image else "",
        feeds=entry_feeds(graph, translate, key))


def entry_pages(graph: ContentGraph, bodies: Mapping[Key, RenderedBody],
                translate: Translate, kept: KeptPlan | None = None) -> list[Page]:
    """Every published entry's page, in key order; with `kept` (serve), only those whose
    inputs changed since the previous plan are planned again."""
    if kept is None:
        return [entry_page(graph, bodies, translate, key) for key in sorted(graph.published)]
    pages, kept.entries = plan_entries(
        graph, bodies, kept.theme,
        lambda seen, seen_bodies, key: entry_page(seen, seen_bodies, translate, key),
        kept.entries)
    return pages


def home_page(graph: ContentGraph, translate: Translate) -> Page:
    return Page(url="/", template="home.html", title=graph.config.title,
                context=HomeContext(home_view(graph, translate)),
                description=translate("home.description"), json_ld=website(graph))


def search_page(graph: ContentGraph, translate: Translate) -> Page:
    title = translate("nav.search")
    return Page(url="/zoeken/", template="search.html", title=title,
                breadcrumbs=((translate("nav.home"), page_url(graph, "/")),
                             (title, page_url(graph, "/zoeken/"))))


def a_z_page(graph: ContentGraph, translate: Translate) -> Page:
    """Every published entry by title: the way in without JavaScript or search."""
    title = translate("a_z.title")
    return Page(url="/a-z/", template="a-z.html", title=title,
                context=AToZContext(a_to_z(graph)), description=translate("a_z.intro"),
                breadcrumbs=((translate("nav.home"), page_url(graph, "/")),
                             (title, page_url(graph, "/a-z/"))))


def glossary_page(graph: ContentGraph, translate: Translate) -> Page:
    title = translate("glossary.title")
    return Page(url=GLOSSARY_URL, template="glossary.html", title=title,
                description=translate("glossary.intro"),
                context=GlossaryContext(*glossary(graph, translate)),
                breadcrumbs=trail(graph, translate, (title, GLOSSARY_URL)))


PlanGroup = Callable[[ContentGraph, Translate], Sequence[Page]]


def _one(make: Callable[[ContentGraph, Translate], Page]) -> PlanGroup:
    return lambda graph, translate: [make(graph, translate)]


def _bound(plan: PlanGroup, translate: Translate) -> Callable[[ContentGraph], Sequence[Page]]:
    return lambda graph: plan(graph, translate)


# the pages besides entry pages, in order, in groups that serve keeps or plans again whole
SITE_GROUPS: tuple[tuple[str, PlanGroup], ...] = (
    ("home", _one(home_page)), ("deals", deal_pages), ("atlas", atlas_pages),
    ("lessons", lesson_pages), ("compass", compass_pages),
    ("publications", publication_pages), ("places", place_pages),
    ("search", _one(search_page)), ("a-z", _one(a_z_page)), ("data", _one(data_page)),
    ("glossary", _one(glossary_page)))


def site_pages(graph: ContentGraph, translate: Translate, kept: KeptPlan | None = None
               ) -> list[Page]:
    """Every page besides the entry pages: home, the overviews with their filter and
    pagination pages, search, A-Z, data page, glossary. None reads a body. With `kept`
    (serve), a group is planned again only when what it read changed (plan/replan.py)."""
    if kept is None:
        return [page for _name, plan in SITE_GROUPS for page in plan(graph, translate)]
    groups: list[Group] = [(name, _bound(plan, translate)) for name, plan in SITE_GROUPS]
    pages, kept.groups = plan_groups(graph, kept.theme, groups, kept.groups)
    return pages


def plan_pages(graph: ContentGraph, bodies: Mapping[Key, RenderedBody],
               translate: Translate, kept: KeptPlan | None = None,
               lists: Sequence[Page] | None = None) -> list[Page]:
    """`lists`: the pages besides entry pages when already planned with `translate`
    (`site_pages`: load_site plans them once, for planned_urls and here)."""
    lists = site_pages(graph, translate) if lists is None else lists
    return [*lists, *entry_pages(graph, bodies, translate, kept)]


__all__ = ["KINDS", "Crumb", "Page", "plan_pages", "ref_view"]
