"""reisgids.render.feeds: Atom feeds of news, lessons and the compass's status moves."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from outputs_support import basic_site, graph_of

from reisgids.render.feeds import (
    ATOM,
    LIMIT,
    atom_xml,
    compass_feed,
    feed_files,
    history_anchor,
    lessons_feed,
    news_feed,
)

SiteFactory = Callable[[dict[str, str]], Path]
NS = {"a": ATOM}

AGENDA = "content/compass/agenda/meerjarige-coordinatie.md"
SECOND_ITEM = """\
---
title: Een loket voor initiatieven
summary: Eén loket.
lessons: [vaste-coordinator]
change: organisation
proposal: Maak één loket.
history:
  - date: 2026-08-01
    status: inventoried
  - date: 2026-10-01
    status: on-agenda
    forum: college
  - date: 2026-10-01
    status: withdrawn
    note: Opgegaan in een ander voorstel; zie <b>hier</b> & daar.
---
"""


def parse(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == f"{{{ATOM}}}feed"
    return root


def texts(root: ET.Element, path: str) -> list[str]:
    return [e.text or "" for e in root.findall(path, NS)]


def test_compass_feed_has_one_entry_per_status_move(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {  # a new step: the edition is not frozen here
        "content/compass/agenda/een-loket.md": SECOND_ITEM,
        "content/compass/editions/2026.snapshot.yml": None}))
    root = parse(atom_xml(compass_feed(graph)))
    entries = root.findall("a:entry", NS)
    assert len(entries) == 5 + 3  # every history entry of both items
    titles = texts(root, "a:entry/a:title")
    assert "Meerjarige financiering van coördinatie: Geïnventariseerd" in titles
    assert "Meerjarige financiering van coördinatie: Gemonitord" in titles
    assert "Een loket voor initiatieven: Ingetrokken" in titles
    # newest first; on one day the later step of an item comes first
    updated = texts(root, "a:entry/a:updated")
    assert updated == sorted(updated, key=lambda u: u[:10], reverse=True)
    assert titles[:3] == ["Meerjarige financiering van coördinatie: Gemonitord",
                          "Meerjarige financiering van coördinatie: Teruggekoppeld",
                          "Een loket voor initiatieven: Ingetrokken"]
    assert titles[3] == "Een loket voor initiatieven: Geagendeerd"
    # the feed is as new as its newest entry, never the build's clock
    assert texts(root, "a:updated") == ["2026-11-01T00:00:00+01:00"]


def test_compass_entry_ids_link_to_the_step_on_the_item_page(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    root = parse(atom_xml(compass_feed(graph)))
    page = "https://example.org/gids/kompas/agenda/meerjarige-coordinatie/"
    ids = texts(root, "a:entry/a:id")
    assert sorted(ids) == [f"{page}#{history_anchor(i)}" for i in range(5)]
    assert history_anchor(0) == "stap-1"
    links = [e.get("href") for e in root.findall("a:entry/a:link", NS)]
    assert links == ids
    decided = next(e for e in root.findall("a:entry", NS)
                   if (e.findtext("a:title", namespaces=NS) or "").endswith(": Besloten"))
    content = decided.findtext("a:content", namespaces=NS) or ""
    assert "Aangenomen" in content and "Aangenomen voor 2027." in content
    assert decided.findtext("a:summary", namespaces=NS) == (
        "Besloten (eerder: Geagendeerd) — Aangenomen")
    forum = next(e for e in root.findall("a:entry", NS)
                 if (e.findtext("a:title", namespaces=NS) or "").endswith(": Geagendeerd"))
    assert "<strong>Forum:</strong> directie" in (forum.findtext("a:content", namespaces=NS)
                                                  or "")


def test_compass_content_is_escaped(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {  # a new step: the edition is not frozen here
        "content/compass/agenda/een-loket.md": SECOND_ITEM,
        "content/compass/editions/2026.snapshot.yml": None}))
    root = parse(atom_xml(compass_feed(graph)))
    withdrawn = next(e for e in root.findall("a:entry", NS)
                     if (e.findtext("a:title", namespaces=NS) or "").endswith("Ingetrokken"))
    content = withdrawn.findtext("a:content", namespaces=NS) or ""
    assert "zie &lt;b&gt;hier&lt;/b&gt; &amp; daar." in content  # text, not markup


def test_feeds_are_stable_between_builds(make_site: SiteFactory) -> None:
    root = basic_site(make_site, {})
    first = feed_files(graph_of(root), {})
    again = feed_files(graph_of(root, now=graph_of(root).now.replace(year=2027)), {})
    assert first == again  # "now" does not leak into any feed
    assert sorted(first) == ["feeds/kompas.xml", "feeds/lessen.xml", "feeds/nieuws.xml"]
    for data in first.values():
        assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
        parse(data)


def test_news_feed_entries_are_absolute_with_body_html(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    key = ("news", "maaltijd-gestart")
    body = '<p>Lees de <a href="/gids/deals/samen-eten/">deal</a> of <a href="#x">hier</a>.</p>'
    root = parse(atom_xml(news_feed(graph, {key: body})))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert texts(root, "a:title") == ["Testgids zorg en welzijn · Nieuws"]
    assert texts(root, "a:id") == ["https://example.org/gids/feeds/nieuws.xml"]
    self_link = root.find("a:link[@rel='self']", NS)
    assert self_link is not None
    assert self_link.get("href") == "https://example.org/gids/feeds/nieuws.xml"
    (entry,) = root.findall("a:entry", NS)
    url = "https://example.org/gids/nieuws/maaltijd-gestart/"
    assert entry.findtext("a:id", namespaces=NS) == url
    assert entry.findtext("a:published", namespaces=NS) == "2026-01-16T00:00:00+01:00"
    assert entry.findtext("a:summary", namespaces=NS) == "De deal Samen eten is gestart."
    content = entry.find("a:content", NS)
    assert content is not None and content.get("type") == "html"
    assert 'href="https://example.org/gids/deals/samen-eten/"' in (content.text or "")
    assert 'href="#x"' in (content.text or "")
    assert texts(root, "a:updated") == ["2026-01-16T00:00:00+01:00"]


def test_news_feed_keeps_the_latest_fifty(make_site: SiteFactory) -> None:
    many = {f"content/news/bericht-{n:02d}.md":
            f"---\ntitle: Bericht {n}\ndate: 2025-{1 + n // 28:02d}-{1 + n % 28:02d}\n---\n"
            for n in range(LIMIT + 5)}
    graph = graph_of(basic_site(make_site, many))
    root = parse(atom_xml(news_feed(graph, {})))
    published = texts(root, "a:entry/a:published")
    assert len(published) == LIMIT
    assert published == sorted(published, reverse=True)
    assert published[0].startswith("2026-01-16")  # the basic site's news is the newest
    assert "Bericht 0" not in texts(root, "a:entry/a:title")  # the oldest fell off


def test_updated_date_counts_for_the_entry_and_the_feed(make_site: SiteFactory) -> None:
    news = ("---\ntitle: Bijgewerkt bericht\ndate: 2026-02-01\nupdated: 2026-03-05\n"
            "summary: Later aangevuld.\n---\n")
    graph = graph_of(basic_site(make_site, {"content/news/bijgewerkt.md": news}))
    root = parse(atom_xml(news_feed(graph, {})))
    assert texts(root, "a:updated") == ["2026-03-05T00:00:00+01:00"]
    first = root.find("a:entry", NS)
    assert first is not None
    assert first.findtext("a:published", namespaces=NS) == "2026-02-01T00:00:00+01:00"


def test_lessons_feed_marks_successes(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {}))
    root = parse(atom_xml(lessons_feed(graph, {})))
    assert texts(root, "a:title") == ["Testgids zorg en welzijn · Lessen en successen"]
    (entry,) = root.findall("a:entry", NS)
    terms = [(c.get("term"), c.get("label")) for c in entry.findall("a:category", NS)]
    assert terms[0] == ("success", "Succes")
    alternate = root.find("a:link[@rel='alternate']", NS)
    assert alternate is not None
    assert alternate.get("href") == "https://example.org/gids/lessen/"


def test_drafts_stay_out_and_an_empty_feed_is_valid(make_site: SiteFactory) -> None:
    graph = graph_of(basic_site(make_site, {
        "content/news/maaltijd-gestart.md": None,
        "content/news/concept.md": "---\ntitle: Concept\ndate: 2026-05-01\ndraft: true\n---\n",
    }))
    root = parse(atom_xml(news_feed(graph, {})))
    assert root.findall("a:entry", NS) == []
    updated = texts(root, "a:updated")
    assert len(updated) == 1 and updated[0].startswith("2026-")  # newest content date


def test_english_site_gets_english_titles(make_site: SiteFactory) -> None:
    root_dir = basic_site(make_site, {})
    config = (root_dir / "reisgids.yml").read_text(encoding="utf-8")
    (root_dir / "reisgids.yml").write_text(config.replace("language: nl", "language: en"),
                                           encoding="utf-8")
    root = parse(atom_xml(compass_feed(graph_of(root_dir))))
    assert texts(root, "a:title")[0].endswith("Compass: progress of the agenda items")
    assert "Meerjarige financiering van coördinatie: Monitored" in texts(
        root, "a:entry/a:title")


@pytest.mark.skipif(importlib.util.find_spec("reisgids.markdown") is None,
                    reason="the Markdown renderer is not there yet")
def test_feed_and_calendar_links_resolve_in_the_built_site(make_site: SiteFactory,
                                                           tmp_path: Path) -> None:
    from conftest import NOW, run_cli

    root_dir = basic_site(make_site, {"content/compass/agenda/een-loket.md": SECOND_ITEM})
    # the second item moves within the adopted (frozen) 2026 edition: unfreeze it
    (root_dir / "content/compass/editions/2026.snapshot.yml").unlink(missing_ok=True)
    out = tmp_path / "out"
    result = run_cli("build", str(root_dir), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    base = "https://example.org/gids/"
    checked = 0
    for name in ("nieuws", "lessen", "kompas"):
        root = parse((out / "feeds" / f"{name}.xml").read_bytes())
        for link in root.findall("a:entry/a:link", NS):
            href = link.get("href") or ""
            assert href.startswith(base)
            path, _, fragment = href.removeprefix(base).partition("#")
            html = (out / path / "index.html").read_text(encoding="utf-8")
            if fragment:
                assert f'id="{fragment}"' in html, href
            checked += 1
    assert checked == 1 + 1 + 8
    # the calendars sit where the event pages link to them
    assert (out / "agenda.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    event_page = (out / "agenda" / "kookworkshop" / "index.html").read_text(encoding="utf-8")
    assert 'href="/gids/agenda/kookworkshop/kookworkshop.ics"' in event_page
    assert (out / "agenda" / "kookworkshop" / "kookworkshop.ics").is_file()
