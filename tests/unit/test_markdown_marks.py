"""Inline patterns are tried only on texts that hold their mark (reisgids/markdown/_marks.py):
the same HTML as Python-Markdown's stock inline processor, for every inline syntax."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from markdown.treeprocessors import InlineProcessor

import reisgids.markdown._convert as md_module
from reisgids.markdown import LinkTarget, render_markdown
from reisgids.markdown._marks import INLINE_PRIORITY, MARKS, MarkedInline

REPO = Path(__file__).resolve().parents[2]

# every inline syntax the converter knows, alone, nested, escaped and at the edges
SNIPPETS = [
    "`code` en ``dubbel ` code`` en \\`geen code\\`",
    "\\*geen nadruk\\* en \\[geen link\\] en \\\\ en \\_",
    "Tekst[^1] en [^niet] en [^\n\n[^1]: Voetnoot met *nadruk*.",
    "[link](../deals/x.md) en [ref][r] en [r] en [leeg]() en [half](",
    "![beeld](a.png) en ![ref][r] en ![r] en !\\[geen\\]\n\n[r]: https://example.org",
    "<https://example.org/a?b=c> en <mail@example.org> en <geen link> en < b",
    "regel met twee spaties  \nvolgende regel\\\nen nog een",
    "<span>html</span> <abbr title='x'>x</abbr> <!-- opmerking --> <b>vet",
    "&amp; &#169; &#xA9; & los &geen",
    "*nadruk* **sterk** _nadruk_ __sterk__ ***beide*** *_gemengd_* snake_case_naam 2*3*4",
    "alleen _nadruk_ en __sterk__ met lage streepjes",
    "~~weg~~ ~half en ~~~ drie",
    "www.example.org en WWW.Example.org en https://example.org en ftp://example.org/x",
    "mail@example.org en a.b+c@sub.example.nl en @alleen en x@y",
    "**[link met `code`](../deals/x.md) en *~~alles~~***",
    # a match moves the next search past it; a skipped pattern must not keep that place
    "**vet** voor een [link](../deals/x.md) en *nadruk* erna, `code` en ~~weg~~",
    "**vet** en &amp; erna",  # after the entity, the emphasis before it
    "post@example.org voor www.example.org",  # after the web address, the mail before it
    "Gewone zin zonder enig teken, met komma's en punten. Tweede zin!",
    "- [ ] taak met [link](../deals/x.md)\n- [x] klaar *ja*\n\n"
    "| a | *b* |\n|---|---|\n| `1` | [2][r] |",
    "[" * 200 + "`" * 30 + "*" * 30 + "_" * 30,
    "\x02klzzwxh:0000\x03 en \x02 en \x03",
]


def resolve(path: str) -> LinkTarget | None:
    return LinkTarget("/deals/x/", frozenset({"doel"}), True, "X") if "deals" in path else None


def render(body: str) -> tuple[object, ...]:
    out = render_markdown(body, path="content/a.md", first_line=3, resolve=resolve)
    return out.html, out.heading_ids, out.diagnostics


@contextmanager
def stock_inline() -> Iterator[None]:
    """The converter with Python-Markdown's own inline processor instead of MarkedInline."""
    md_module._converter = None
    md_module.ready_converter()
    assert md_module._converter is not None
    md = md_module._converter.md
    assert isinstance(md.treeprocessors["inline"], MarkedInline)
    md.treeprocessors.register(InlineProcessor(md), "inline", INLINE_PRIORITY)
    try:
        yield
    finally:
        md_module._converter = None


def bodies() -> list[str]:
    files = sorted((REPO / "content").rglob("*.md")) + sorted((REPO / "tests").rglob("*.md"))
    texts = [path.read_bytes().decode("utf-8", "replace") for path in files]
    return [*SNIPPETS, "\n\n".join(SNIPPETS), *texts]


def test_same_html_as_the_stock_inline_processor() -> None:
    texts = bodies()
    assert len(texts) > 150
    with stock_inline():
        expected = [render(text) for text in texts]
    md_module._converter = None
    assert [render(text) for text in texts] == expected


def test_the_marked_processor_is_the_one_used() -> None:
    md_module._converter = None
    md_module.ready_converter()
    assert md_module._converter is not None
    inline = md_module._converter.md.treeprocessors["inline"]
    assert isinstance(inline, MarkedInline)
    render("*a* [b](../deals/x.md)")
    # every pattern the converter registers with a known name has its mark
    assert inline._needed is not None and len(inline._needed) == len(MARKS)


@pytest.mark.parametrize("name", sorted(MARKS))
def test_every_match_holds_its_mark(name: str) -> None:
    md_module._converter = None
    md_module.ready_converter()
    assert md_module._converter is not None
    pattern = md_module._converter.md.inlinePatterns[name]
    regex = pattern.getCompiledRegExp()
    matches = [m.group(0) for text in bodies() for m in regex.finditer(text)]
    assert matches  # the snippets hold every syntax
    assert all(MARKS[name](match) for match in matches)
