"""What Jinja's sandbox costs: render the example guide with a plain and with the sandboxed
environment (the one reisgids uses), best of three, twice in alternation.

    .venv/bin/python bench/sandbox_cost.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jinja2

from reisgids.build import load_site
from reisgids.render import theme as th
from reisgids.render.outputs import render_site


def plain(theme: th.Theme) -> jinja2.Environment:
    sandboxed = th.environment(theme)
    env = jinja2.Environment(loader=sandboxed.loader, undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals["t"] = sandboxed.globals["t"]
    return env


def main() -> None:
    site, _ = load_site(Path(__file__).resolve().parent.parent, now=date(2026, 11, 22))
    assert site is not None
    theme = th.find_theme(site.root, site.config.theme, site.config.language)
    makers: list[tuple[str, Callable[[th.Theme], jinja2.Environment]]] = [
        ("plain", plain), ("sandbox", th.environment)] * 2
    for name, make in makers:
        best = float("inf")
        for _ in range(3):
            env = make(theme)
            start = time.perf_counter()
            render_site(site.graph, site.plan, site.bodies, env, theme)
            best = min(best, time.perf_counter() - start)
        print(f"{name:8} {best:.3f} s")


if __name__ == "__main__":
    main()
