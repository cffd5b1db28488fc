"""One Markdown instance per process: a body renders the same whatever came before it."""

from __future__ import annotations

import reisgids.markdown._convert as md_module
from reisgids.markdown import LinkTarget, heading_ids, render_markdown

BODIES = [
    "# Doel\n\nTekst[^1] met `code` en [link](../deals/x.md).\n\n[^1]: Voetnoot.\n\n# Doel\n",
    "## Doel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] taak\n\n<abbr title='x'>x</abbr>\n",
    "Tekst [ref][r] en ~~weg~~.\n\n[r]: https://example.org\n\n## Doel\n\n```\n# geen kop\n```\n",
    "[" * 300 + "`" * 50 + "\n\n# Stap\n\n# Stap\n",
]


def resolve(path: str) -> LinkTarget | None:
    return LinkTarget("/deals/x/", frozenset({"doel"}), True, "X") if "deals" in path else None


def render(body: str) -> tuple[object, ...]:
    out = render_markdown(body, path="content/a.md", first_line=3, resolve=resolve)
    return out.html, out.heading_ids, out.diagnostics, heading_ids(body)


def fresh(body: str) -> tuple[object, ...]:
    md_module._converter = None  # the next call builds a new instance
    return render(body)


def test_reused_instance_renders_as_a_fresh_one_in_any_order() -> None:
    expected = [fresh(body) for body in BODIES]
    assert expected[0][1] == ("doel", "doel-1")  # repeats are numbered within one body
    for order in (BODIES, BODIES[::-1], BODIES + BODIES):
        for body in order:
            assert render(body) == expected[BODIES.index(body)]


def test_instance_is_reused() -> None:
    render(BODIES[0])
    first = md_module._converter
    render(BODIES[1])
    assert md_module._converter is first is not None


def test_repeated_heading_whose_numbers_the_theme_uses_ends() -> None:
    # `stap-1`, `stap-2`, ... are all the theme's ids; the second "Stap" must still get one
    ids = render("# Stap\n\n# Stap\n\n# Stap\n")[1]
    assert ids == ("stap", "stap-1-kop", "stap-2-kop")
