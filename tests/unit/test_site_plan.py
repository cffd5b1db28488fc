"""reisgids.plan.site_plan: every page planned once, URL collisions found before rendering,
with the one url-collision text every stage uses (graph.urls.url_collision)."""

from __future__ import annotations

from views_support import NOW, SiteFactory, site_graph, translate, write_site

from reisgids.build import load_site
from reisgids.errors import Text
from reisgids.graph.urls import output_path, url_collision
from reisgids.plan.planned_urls import machine_urls
from reisgids.plan.site_plan import plan_site


def test_a_site_without_collisions_plans_every_page_once(make_site: SiteFactory) -> None:
    plan, problems = plan_site(site_graph(make_site), {}, translate)
    assert problems == []
    paths = [output_path(p.url) for p in plan.every]
    assert len(paths) == len(set(paths))
    assert plan.not_found.url == "/404.html" and plan.not_found not in plan.pages
    assert "/" in {p.url for p in plan.pages}


def test_check_reports_a_page_on_a_generated_page(make_site: SiteFactory) -> None:
    root = write_site(make_site)
    config = (root / "reisgids.yml").read_text(encoding="utf-8")
    (root / "reisgids.yml").write_text(config + "permalinks:\n  page: /themas/{slug}/\n",
                                       encoding="utf-8")
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "content" / "pages" / "eenzaamheid.md").write_text(
        "---\ntitle: Eenzaamheid\n---\n\nTekst.\n", encoding="utf-8")
    site, report = load_site(root, now=NOW)  # what `reisgids check` runs
    (problem,) = [p for p in report.items if p.is_error]
    assert problem.code == "url-collision"
    assert problem.location.path == "content/pages/eenzaamheid.md"
    assert problem.message.nl.startswith("twee bronnen voor de URL /themas/eenzaamheid/: ")
    assert site is not None and site.plan is not None
    kept = [p for p in site.plan.pages if p.url == "/themas/eenzaamheid/"]
    assert [p.template for p in kept] == ["theme.html"]  # the first claim stays


def test_generated_files_are_known_to_the_plan(make_site: SiteFactory) -> None:
    urls = machine_urls(site_graph(make_site))
    assert {"/feeds/nieuws.xml", "/agenda.ics", "/data/reisgids.json", "/sitemap.xml",
            "/robots.txt"} <= urls
    assert not any(u.endswith("/") for u in urls)  # files, never pages


def test_one_text_for_every_collision() -> None:
    by_file = url_collision("/x/", ["content/b.md", "content/a.md"], at="content/b.md")
    by_label = url_collision("/x/", ["content/a.md", Text("de feeds", "the feeds")],
                             at="content/a.md")
    assert by_file.message.nl == "twee bronnen voor de URL /x/: content/a.md, content/b.md"
    assert by_label.message.en == "two sources for the URL /x/: content/a.md, the feeds"
    assert by_file.hint == by_label.hint and by_file.code == by_label.code == "url-collision"
