"""/data/: the page that says which open data the guide offers, under which licence, and
links every file (the JSON of everything, a CSV per kind, the feeds and the calendar)."""

from __future__ import annotations

from reisgids.graph.content import ContentGraph
from reisgids.graph.urls import (
    CALENDAR_URL,
    COMPASS_URL,
    DATA_PAGE_URL,
    JSON_URL,
    LESSONS_URL,
    NEWS_URL,
    csv_url,
    page_url,
)
from reisgids.plan.contexts import DataContext, DataFile, DataLink, DataView
from reisgids.plan.kind_cards import KIND_ORDER
from reisgids.plan.page import Page, trail
from reisgids.plan.schema_org import dataset
from reisgids.plan.views import LicenceView, Translate


def data_page(graph: ContentGraph, translate: Translate) -> Page:
    title = translate("data.title")
    csvs = tuple(DataFile(translate(f"kinds.{kind}"), page_url(graph, csv_url(kind)),
                          len(graph.of_kind(kind))) for kind in KIND_ORDER)
    feeds = (DataLink(translate("data.feed_news"), page_url(graph, NEWS_URL)),
             DataLink(translate("data.feed_lessons"), page_url(graph, LESSONS_URL)),
             DataLink(translate("data.feed_compass"), page_url(graph, COMPASS_URL)),
             DataLink(translate("data.calendar"), page_url(graph, CALENDAR_URL)))
    licence = graph.config.licence
    return Page(url=DATA_PAGE_URL, template="data.html", title=title,
                description=translate("data.intro"),
                context=DataContext(DataView(
                    json=page_url(graph, JSON_URL), csvs=csvs, feeds=feeds,
                    licence=LicenceView(licence.name, str(licence.url)))),
                breadcrumbs=trail(graph, translate, (title, DATA_PAGE_URL)),
                json_ld=dataset(graph, translate("data.intro")))
