"""Jinja's sandbox changes nothing a guide shows: the example guide renders to the same bytes
with and without it (the cost is measured by bench/sandbox_cost.py, not asserted)."""

from __future__ import annotations

from datetime import date

import jinja2
from conftest import NOW, REPO

from reisgids.build import load_site
from reisgids.render.outputs import render_site
from reisgids.render.theme import environment, find_theme


def test_the_sandbox_leaves_the_example_guide_unchanged() -> None:
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None and not report.has_errors
    theme = find_theme(site.root, site.config.theme, site.config.language)
    sandboxed = environment(theme)
    assert sandboxed.sandboxed
    plain = jinja2.Environment(loader=sandboxed.loader, undefined=jinja2.StrictUndefined,
                               autoescape=True, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
    plain.globals.update(sandboxed.globals)
    with_sandbox, problems = render_site(site.graph, site.plan, site.bodies, sandboxed, theme)
    assert not problems
    without, _ = render_site(site.graph, site.plan, site.bodies, plain, theme)
    assert len(with_sandbox) > 300
    assert with_sandbox == without
