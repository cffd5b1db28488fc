"""The theme as an interface: every template's context type is registered, is what the
planner really hands it, and docs/theme.md is what the types generate."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

from views_support import SiteFactory, site_graph, translate

from reisgids.plan.contexts import SHARED, TEMPLATES, EntryContext
from reisgids.plan.kinds import PLAN, PLANS
from reisgids.plan.pages import plan_pages
from reisgids.plan.theme_doc import reachable, render_theme_doc
from reisgids.plan.views import EntryView

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "theme.md"
THEME = REPO / "reisgids" / "themes" / "default" / "templates"
PARTS = {"base.html", "entry.html", "search-meta.html"}  # included or extended, no page


def test_docs_theme_md_is_generated_from_the_types() -> None:
    assert DOC.read_text(encoding="utf-8") == render_theme_doc(), (
        "docs/theme.md is out of date: run "
        "`.venv/bin/python -m reisgids.plan.theme_doc > docs/theme.md`")


def test_the_generator_runs_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "reisgids.plan.theme_doc"], cwd=REPO,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("# The theme: what each template receives\n")


def test_every_page_template_of_the_theme_has_a_registered_context() -> None:
    pages = {p.name for p in THEME.glob("*.html") if not p.name.startswith("_")} - PARTS
    registered = {name for name, _ in TEMPLATES} | {spec.template for spec in PLANS}
    assert pages == registered


def test_no_context_field_hides_a_name_every_template_receives() -> None:
    shared = {name for name, _, _ in SHARED}
    for context in [EntryContext, *(c for _, c in TEMPLATES)]:
        clash = shared & {f.name for f in dataclasses.fields(context)}
        assert not clash, f"{context.__name__} hides {clash}"


def test_planned_pages_carry_the_registered_context_type(make_site: SiteFactory) -> None:
    expected = dict(TEMPLATES)
    pages = plan_pages(site_graph(make_site), {}, translate)
    seen = set()
    for page in pages:
        seen.add(page.template)
        if page.template in expected:
            assert type(page.context) is expected[page.template], page.url
            continue
        assert isinstance(page.context, EntryContext), page.url
        kind = page.template.removesuffix(".html")
        view = PLAN[kind].detail_view or type(None)
        assert isinstance(page.context.detail, view), page.url
    assert {"deal.html", "list.html", "compass.html", "home.html"} <= seen


def test_every_entry_field_is_read_by_the_theme() -> None:
    """No field is computed for every page and then never shown (the old `backlinks`,
    `refs` and `ref` were)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in THEME.glob("*.html"))
    unread = [f.name for f in dataclasses.fields(EntryView)
              if not re.search(rf"\bentry\.{f.name}\b", text)]
    assert unread == []


def test_the_views_reachable_from_a_template_are_found() -> None:
    names = {cls.__name__ for cls in reachable([EntryContext])}
    assert {"EntryView", "RefView", "BacklinkGroup", "SearchMeta", "DealView"} <= names
