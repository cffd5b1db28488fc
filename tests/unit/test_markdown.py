"""Markdown bodies: what editors type renders, links are rewritten and checked, and nothing
unsafe reaches the output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reisgids.render.markdown import LinkTarget, github_slug, heading_ids, render_markdown

TARGETS = {
    "content/partners/humanitas.md": LinkTarget("/p/humanitas/", frozenset({"wie-we-zijn"}),
                                                True, "Humanitas"),
    "content/lessons/concept.md": LinkTarget("/lessen/concept/", frozenset(), False, "Concept"),
    "static/img/kaart.png": LinkTarget("/static/img/kaart.png", frozenset(), True, "kaart"),
}


def render(body: str, first_line: int = 5):  # type: ignore[no-untyped-def]
    return render_markdown(body, path="content/deals/x.md", first_line=first_line,
                           resolve=TARGETS.get)


def codes(body: str, first_line: int = 5) -> list[tuple[int, str]]:
    return sorted((d.location.line, d.code) for d in render(body, first_line).diagnostics)


@pytest.mark.parametrize(("text", "slug"), [
    ("Wat we leerden", "wat-we-leerden"),
    ("Café & co: één plek!", "café--co-één-plek"),
    ("  Stap 2. Doen  ", "stap-2-doen"),
    ("snake_case blijft", "snake_case-blijft"),
])
def test_heading_ids_are_made_as_git_hosts_make_them(text: str, slug: str) -> None:
    assert github_slug(text) == slug


def test_repeated_headings_get_numbered_ids_and_heading_ids_agrees() -> None:
    body = "## Les\n\n## Les\n\n### Les\n"
    result = render(body)
    assert result.heading_ids == ("les", "les-1", "les-2")
    assert heading_ids(body) == result.heading_ids
    assert '<h2 id="les-1">' in result.html


def test_headings_shift_so_the_page_keeps_one_h1() -> None:
    html = render("# Groot\n\n## Kleiner\n\n###### Klein\n").html
    assert "<h1" not in html
    assert '<h2 id="groot">' in html and '<h3 id="kleiner">' in html
    assert "<h6" in html  # never beyond h6


def test_what_editors_type_in_a_git_host_renders() -> None:
    html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klaar\n- [ ] open\n\n"
                  "~~weg~~ en https://example.org en noot[^1]\n\n```\ncode\n```\n\n"
                  "[^1]: De noot.\n").html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'type="checkbox"' in html and "checked" in html and "disabled" in html
    assert "<del>weg</del>" in html
    assert '<a href="https://example.org">' in html
    assert 'class="footnote"' in html and "De noot." in html
    assert "<pre><code>code" in html
    assert codes("noot[^1]\n\n[^1]: x\n") == []  # footnote anchors are real anchors


def test_relative_links_to_content_files_are_rewritten_with_their_anchor() -> None:
    result = render("[H](../partners/humanitas.md) en [W](../partners/humanitas.md#wie-we-zijn)")
    assert 'href="/p/humanitas/"' in result.html
    assert 'href="/p/humanitas/#wie-we-zijn"' in result.html
    assert result.diagnostics == ()


def test_broken_links_and_anchors_are_errors_at_their_line() -> None:
    body = "Regel een\n\n[x](../partners/humanitass.md)\n\n[y](../partners/humanitas.md#nee)\n"
    result = render(body, first_line=7)
    assert sorted((d.location.line, d.code, d.is_error) for d in result.diagnostics) == [
        (9, "link-broken", True), (11, "link-anchor", True)]
    broken = next(d for d in result.diagnostics if d.code == "link-broken")
    assert "content/partners/humanitass.md" in broken.message.nl
    assert broken.field == "body" and broken.hint is not None


def test_an_anchor_on_the_same_page_is_checked_with_a_hint() -> None:
    result = render("## Wat we leerden\n\n[a](#wat-we-leerden) [b](#wat-we-leerde)\n")
    [problem] = result.diagnostics
    assert problem.code == "link-anchor"
    assert problem.hint is not None and "#wat-we-leerden" in problem.hint.nl


def test_a_link_to_an_unpublished_entry_becomes_plain_text_with_a_warning() -> None:
    result = render("Zie [de les](../lessons/concept.md) hier.")
    assert "<a" not in result.html and "Zie de les hier." in result.html
    assert [(d.code, d.is_error) for d in result.diagnostics] == [("link-unpublished", False)]


def test_images_need_alt_text_and_must_live_in_static() -> None:
    assert codes("![](/static/img/kaart.png)") == [(5, "image-alt")]
    assert codes("![Kaart](../../static/img/kaart.png)") == []
    assert codes("![Kaart](/static/img/weg.png)") == [(5, "link-broken")]
    result = render("![Logo](https://elders.example/logo.png)")
    assert "elders.example" not in result.html
    assert [d.code for d in result.diagnostics] == ["image-remote"]


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox)",
    "<svg onload=alert(1)>",
    "<scr<script>ipt>alert(1)</script>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<a href='&#106;avascript:alert(1)'>x</a>",
])
def test_nothing_unsafe_reaches_the_output(attack: str) -> None:
    html = render(f"Tekst\n\n{attack}\n").html.lower()
    for bad in ("<script", "javascript:", "onerror", "onload", "ontoggle", "<iframe",
                "vbscript:", "data:text", "style="):
        assert bad not in html, (attack, html)


def test_removed_html_is_a_warning_naming_the_line() -> None:
    body = "Goed\n\n<script>x()</script>\n\n<b onclick=\"x()\">vet</b>\n"
    assert codes(body, first_line=3) == [(5, "html-removed"), (7, "html-removed")]
    assert all(not d.is_error for d in render(body).diagnostics)


def test_safe_raw_html_stays_and_html_in_code_is_text() -> None:
    body = ("<details><summary>Meer</summary>Tekst</details> <abbr title=\"Wet\">Wmo</abbr>\n\n"
            "`<script>` en\n\n```html\n<script>x</script>\n```\n")
    result = render(body)
    assert "<details><summary>Meer</summary>" in result.html
    assert '<abbr title="Wet">Wmo</abbr>' in result.html
    assert "&lt;script&gt;" in result.html
    assert result.diagnostics == ()


def test_an_editors_own_input_is_removed_but_task_lists_keep_their_boxes() -> None:
    html = render('- [x] klaar\n\n<input type="text" value="x">\n').html
    assert html.count("<input") == 1


def test_rendering_is_deterministic() -> None:
    body = "## A\n\n[H](../partners/humanitas.md) <script>x</script>\n"
    first, second = render(body), render(body)
    assert first == second


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_renders_safely(body: str) -> None:
    result = render(body)
    lowered = result.html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "#", "##", "[", "]", "(", ")", "![", "<", ">", "`", "```", "~~~", "- ", "* ", "|", "\n",
    "\n\n", "javascript:", "../partners/humanitas.md", "#wie-we-zijn", "<script>", "onerror=",
    "[^1]", "[^1]: ", "    ", "> ", "<details>", "x"]), max_size=60))
def test_markdown_shaped_noise_never_raises(parts: list[str]) -> None:
    result = render("".join(parts))
    assert "<script" not in result.html.lower()
    assert all(d.location.path == "content/deals/x.md" for d in result.diagnostics)


def test_e_mail_autolinks_stay_links() -> None:
    result = render("Mail <toegankelijkheid@rotterdam.example> of bel.")
    assert result.diagnostics == ()
    assert '<a href="mailto:toegankelijkheid@rotterdam.example">' in result.html
