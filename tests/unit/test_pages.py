"""reisgids.plan.pages: which pages the site has, their meta data, and the rendered HTML
(one h1, landmarks, breadcrumbs, links that resolve, JSON-LD that cannot break out)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from views_support import NOW, REPO, SiteFactory, site_graph, translate, write_site

from reisgids.build import build, load_site
from reisgids.plan.meta import json_ld
from reisgids.plan.page import Page
from reisgids.plan.pages import plan_pages

THEME = REPO / "reisgids" / "themes" / "default"


def planned(make_site: SiteFactory) -> dict[str, Page]:
    graph = site_graph(make_site)
    pages = plan_pages(graph, {}, translate)
    urls = [p.url for p in pages]
    assert len(urls) == len(set(urls)), "two pages for one URL"
    return {p.url: p for p in pages}


def test_every_published_entry_has_a_page_with_an_existing_template(
        make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    pages = planned(make_site)
    for key in graph.published:
        page = pages[graph.urls[key]]
        assert page.template == f"{key[0]}.html" and page.indexed
        assert page.source == graph.entries[key].rel
    for page in pages.values():
        assert (THEME / "templates" / page.template).is_file(), page.template


def test_overviews_and_generated_pages_are_planned(make_site: SiteFactory) -> None:
    pages = planned(make_site)
    for url in ("/", "/deals/", "/projecten/", "/partners/", "/instrumenten/", "/schouwen/",
                "/lessen/", "/kompas/", "/kompas/agenda/", "/nieuws/", "/verhalen/",
                "/agenda/", "/marktplaats/", "/marktplaats/archief/", "/wijken/", "/themas/",
                "/themas/eenzaamheid/", "/themas/informele-zorg/", "/zoeken/"):
        assert url in pages, url
    assert not any(p.indexed for u, p in pages.items() if u in ("/", "/deals/", "/zoeken/"))


def test_breadcrumbs_run_from_home_to_the_page(make_site: SiteFactory) -> None:
    pages = planned(make_site)
    crumbs = pages["/kompas/agenda/meerjarig/"].breadcrumbs
    assert [label for label, _ in crumbs] == ["Home", "Kompas", "Agendapunten",
                                              "Meerjarige financiering"]
    assert crumbs[-1][1] == "/gids/kompas/agenda/meerjarig/"
    assert [label for label, _ in pages["/over/"].breadcrumbs] == ["Home", "Over de gids"]
    assert pages["/"].breadcrumbs == ()


def test_open_graph_types_and_json_ld_where_schema_org_fits(make_site: SiteFactory) -> None:
    pages = planned(make_site)
    assert pages["/nieuws/twee/"].og_type == "article"
    assert pages["/partners/gemeente/"].og_type == "website"
    organisation = json.loads(pages["/partners/gemeente/"].json_ld)
    assert organisation["@type"] == "Organization"
    assert organisation["contactPoint"][0]["email"] == "noord@teststad.example"
    buurt = json.loads(pages["/partners/buurt/"].json_ld)
    assert buurt["parentOrganization"]["name"] == "Gemeente Teststad"
    event = json.loads(pages["/agenda/straks/"].json_ld)
    assert (event["@type"], event["startDate"]) == ("Event", "2026-12-10T14:00+01:00")
    assert event["location"]["name"] == "Buurtkamer"
    news = json.loads(pages["/nieuws/twee/"].json_ld)
    assert (news["@type"], news["datePublished"]) == ("NewsArticle", "2026-06-01")
    assert news["url"] == "https://example.org/gids/nieuws/twee/"
    deal = json.loads(pages["/deals/eten/"].json_ld)
    assert deal["@type"] == "Project"
    assert {m["name"] for m in deal["member"]} >= {"Gemeente Teststad"}


TYPES = {"deal": "Project", "project": "Project", "partner": "Organization",
         "instrument": "Service", "review": "Report", "lesson": "Article",
         "agenda-item": "CreativeWork", "compass-edition": "Report", "news": "NewsArticle",
         "story": "Article", "event": "Event", "area": "Place", "page": "WebPage"}


def test_every_kind_has_json_ld_of_its_schema_org_type(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    pages = planned(make_site)
    seen = set()
    for key in graph.published:
        data = json.loads(pages[graph.urls[key]].json_ld)
        expected = TYPES.get(key[0]) or ("Offer", "Demand")
        assert data["@type"] in expected, key
        assert data["@context"] == "https://schema.org"
        assert data["url"] == "https://example.org/gids" + graph.urls[key]
        seen.add(key[0])
    assert seen >= set(TYPES) - {"area"}
    home = json.loads(pages["/"].json_ld)
    assert home["@type"] == "WebSite"
    assert home["potentialAction"]["target"].endswith("/gids/zoeken/?q={search_term_string}")
    data = json.loads(pages["/data/"].json_ld)
    assert data["@type"] == "Dataset"
    assert data["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"


def test_json_ld_cannot_end_its_script_element(make_site: SiteFactory) -> None:
    text = planned(make_site)["/partners/zorg/"].json_ld
    assert "</" not in text and "<" not in text
    assert json.loads(text)["name"] == "Zorg & Co </script>"
    assert json_ld({"b": 1, "a": "é"}) == '{"a":"é","b":1}'


@pytest.fixture
def built(make_site: SiteFactory, tmp_path: Path) -> Path:
    root = write_site(make_site)
    site, report = load_site(root, now=NOW)
    assert site is not None and not report.has_errors, report
    out = tmp_path / "out"
    result = build(site, out, search=False)
    assert not result.has_errors, result
    return out


class Page_(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.h1 = 0
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.h1 += tag == "h1"
        if tag == "script":
            self._script, self._text = dict(attrs), ""

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._text))
            self._script = None


def parse(path: Path) -> Page_:
    parser = Page_()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_exists(out: Path, href: str) -> bool:
    path = href.split("#")[0].split("?")[0].removeprefix("/gids/")
    if path.startswith("assets/"):
        return (THEME / "static" / path.removeprefix("assets/")).is_file() or (
            out / path).is_file()
    return (out / path / "index.html").is_file() if not path or path.endswith("/") else (
        out / path).is_file()


def test_every_page_has_one_h1_landmarks_and_resolving_links(built: Path) -> None:
    # admin/ is the web editor, third-party UI (tests/*/test_editor_*)
    pages = sorted(p for p in built.rglob("*.html") if p.relative_to(built).parts[0] != "admin")
    assert len(pages) > 60
    for path in pages:
        page = parse(path)
        tags = [t for t, _ in page.tags]
        where = path.relative_to(built).as_posix()
        assert page.h1 == 1, where
        assert page.tags[0] == ("html", {"lang": "nl"}), where
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in tags, (where, landmark)
        for tag, attrs in page.tags:
            assert "style" not in attrs, (where, tag)
            href = attrs.get("href") or ""
            if tag == "a" and href.startswith("/"):
                assert href.startswith("/gids/"), (where, href)
                assert target_exists(built, href), (where, href)
        for attrs, text in page.scripts:
            # no inline code: scripts are files, or data (JSON) that CSP does not run
            data = attrs.get("type") in ("application/ld+json", "application/json")
            assert attrs.get("src") or data, where
            if data:
                json.loads(text)
        if where != "index.html" and where != "404.html":
            assert any(a.get("aria-label") == "Kruimelpad" for _, a in page.tags), where


def test_detail_pages_stay_small(built: Path) -> None:
    for path in built.rglob("index.html"):
        assert path.stat().st_size < 50_000, path


def test_the_deal_page_has_a_proper_partner_table_and_a_timeline(built: Path) -> None:
    html = (built / "deals" / "eten" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Geld</th>' in html
    assert re.search(r'<th scope="row"><a href="/gids/partners/gemeente/">', html)
    assert "<caption" in html
    assert '<ol class="timeline">' in html
    assert "Gedaan" in html and "Nog niet gedaan, datum verstreken" in html


def test_pages_show_dutch_dates_and_text_states(built: Path) -> None:
    event = (built / "agenda" / "straks" / "index.html").read_text(encoding="utf-8")
    assert "10 december 2026, 14:00–16:00" in event
    review = (built / "schouwen" / "schouw-eten" / "index.html").read_text(encoding="utf-8")
    assert "Waarderende schouw: <strong>niet gedaan</strong>" in review
    edition = (built / "kompas" / "2026" / "index.html").read_text(encoding="utf-8")
    assert "Concept" in edition and "31 december 2026" in edition
    area = (built / "wijken" / "noord" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in area and "Schematische kaart" in area and "<title" in area


def test_head_has_canonical_open_graph_and_pagination_links(built: Path) -> None:
    html = (built / "partners" / "gemeente" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/gids/partners/gemeente/">' in html
    assert '<meta property="og:url" content="https://example.org/gids/partners/gemeente/">' in (
        html)
    assert '<meta property="og:locale" content="nl_NL">' in html
    assert 'application/ld+json' in html
    assert '<label for="q-header"' in html and 'action="/gids/zoeken/"' in html


def test_an_english_site_gets_english_pages(make_site: SiteFactory, tmp_path: Path) -> None:
    root = write_site(make_site)
    config = root / "reisgids.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: nl", "language: en"),
                      encoding="utf-8")
    site, report = load_site(root, now=NOW)
    assert site is not None and not report.has_errors, report
    out = tmp_path / "en"
    assert not build(site, out, search=False).has_errors
    html = (out / "deals" / "eten" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Partners and contributions" in html
    assert "1 March 2026" in html and '<meta property="og:locale" content="en_GB">' in html


def test_the_stylesheet_has_a_print_style_and_visible_focus() -> None:
    css = (THEME / "static" / "reisgids.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert re.search(r":focus-visible\s*\{[^}]*outline:\s*3px", css)
