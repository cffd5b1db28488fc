"""Markdown bodies: what editors type in a git host renders, links are rewritten and
checked, heading ids match the git host's, diagnostics point at file lines, and nothing
unsafe reaches the output, whatever the input."""

from __future__ import annotations

import html
import random
import re
import time
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from markdown.inlinepatterns import (
    BACKTICK_RE,
    LINK_RE,
    BacktickInlineProcessor,
    LinkInlineProcessor,
)

from reisgids.errors import Diagnostic
from reisgids.markdown import LinkTarget, RenderedBody, github_slug, heading_ids, render_markdown
from reisgids.markdown._inline import Brackets, CodeSpans

PATH = "content/deals/x.md"
TARGETS = {
    "content/partners/humanitas.md": LinkTarget(
        "/partners/humanitas/", frozenset({"wie-we-zijn", "wat-we-doen", "café"}), True,
        "Humanitas"),
    "content/lessons/concept.md": LinkTarget("/lessen/concept/", frozenset(), False, "Concept"),
    "content/deals/x.md": LinkTarget("/deals/x/", frozenset({"doel"}), True, "Deal X"),
    "static/img/kaart.png": LinkTarget("/static/img/kaart.png", frozenset(), True, "kaart"),
    "static/docs/plan.pdf": LinkTarget("/static/docs/plan.pdf", frozenset(), True, "plan"),
}


def render(body: str, first_line: int = 1) -> RenderedBody:
    return render_markdown(body, path=PATH, first_line=first_line, resolve=TARGETS.get)


def found(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(file line, code) of every diagnostic, sorted."""
    return sorted((d.location.line, d.code) for d in render(body, first_line).diagnostics)


def only(result: RenderedBody, code: str) -> Diagnostic:
    [diagnostic] = [d for d in result.diagnostics if d.code == code]
    return diagnostic


# --- heading ids --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "slug"), [
    ("Wat we leerden", "wat-we-leerden"),
    ("Café & co: één plek!", "café--co-één-plek"),  # diacritics kept, punctuation dropped
    ("Ölçüm, naïef én coördinatie", "ölçüm-naïef-én-coördinatie"),
    ("  Stap 2. Doen  ", "stap-2-doen"),
    ("snake_case blijft", "snake_case-blijft"),
    ("Zorg — en welzijn (2026)?", "zorg--en-welzijn-2026"),  # every space a hyphen
    ("Ελληνικά και 日本語", "ελληνικά-και-日本語"),  # Unicode letters are letters
    ("Plan ½ 😀 klaar", "plan---klaar"),  # symbols and fractions go
])
def test_heading_ids_are_made_as_git_hosts_make_them(text: str, slug: str) -> None:
    assert github_slug(text) == slug


def test_repeated_headings_are_numbered_as_the_git_host_numbers_them() -> None:
    body = "## Les\n\n## Les\n\n### Les\n\n## A\n\n## A\n\n## A-1\n"
    result = render(body)
    assert result.heading_ids == ("les", "les-1", "les-2", "a", "a-1", "a-1-1")
    assert '<h2 id="les-1">' in result.html
    assert "_1" not in result.html  # never Python-Markdown's own numbering


def test_heading_text_is_taken_without_its_markup() -> None:
    body = ("# De `code_x` en **vet** met [een link](../partners/humanitas.md)[^1]\n\n"
            "## !!!\n\n[^1]: noot\n")
    assert render(body).heading_ids == ("de-code_x-en-vet-met-een-link", "section")


def test_heading_ids_agrees_with_render_markdown() -> None:
    body = ("# Één\n\nTekst\n\n## Één\n\n> ### In een citaat\n\n- ## In een lijst\n\n"
            "```\n# geen kop\n```\n\nKop met streep\n--------------\n")
    rendered = render(body)
    assert heading_ids(body) == rendered.heading_ids == (
        "één", "één-1", "in-een-citaat", "in-een-lijst", "kop-met-streep")
    assert all(f'id="{slug}"' in rendered.html for slug in rendered.heading_ids)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from([
    "# ", "## ", "### ", "Kop", "kop", "Één", "!", "-", "_", " ", "\n", "\n\n", "`", "**",
    "[a](x.md)", "<b>", "&amp;", "1", "é", "\n===\n", "> ", "- "]), max_size=40))
def test_heading_ids_always_agrees_with_render_markdown(parts: list[str]) -> None:
    body = "".join(parts)
    assert heading_ids(body) == render(body).heading_ids


def test_headings_shift_so_the_page_keeps_its_only_h1() -> None:
    html_out = render("# Groot\n\n## Kleiner\n\n###### Klein\n").html
    assert "<h1" not in html_out
    assert '<h2 id="groot">' in html_out and '<h3 id="kleiner">' in html_out
    assert '<h6 id="klein">' in html_out  # 6 + 1 stops at h6
    # the highest heading becomes h2 also when it is lower
    assert re.findall(r"<h\d", render("### A\n\n#### B\n").html) == ["<h2", "<h3"]
    assert "<h1" not in render("<h1>Eigen kop</h1>\n").html  # raw headings are removed


# --- what editors type in a git host ------------------------------------------------------


def test_tables_keep_their_alignment_without_style_attributes() -> None:
    html_out = render("| links | rechts |\n|:--|--:|\n| 1 | 2 |\n").html
    assert '<th align="left">links</th>' in html_out
    assert '<td align="right">2</td>' in html_out
    assert "style" not in html_out


def test_task_lists_render_as_disabled_checkboxes() -> None:
    html_out = render("- [x] klaar\n- [ ] open\n").html
    assert '<ul class="task-list">' in html_out
    assert html_out.count("<input") == 2
    assert '<input type="checkbox" disabled="" checked=""> klaar' in html_out
    assert '<input type="checkbox" disabled=""> open' in html_out


def test_footnotes_strikethrough_and_autolinks() -> None:
    result = render("~~weg~~ en https://example.org, www.example.nl, <https://a.example/x> "
                    "en info@example.org.[^1]\n\n[^1]: De noot.\n")
    assert "<del>weg</del>" in result.html
    assert '<a href="https://example.org">' in result.html
    assert '<a href="http://www.example.nl">' in result.html
    assert '<a href="https://a.example/x">' in result.html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in result.html
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in result.html
    assert 'class="footnote"' in result.html and "De noot." in result.html
    assert "Terug naar voetnoot 1" in result.html
    assert result.diagnostics == ()  # footnote anchors are real anchors


def test_fenced_code_shows_its_text() -> None:
    html_out = render("```python\nif a < b and c: <script>x</script>\n```\n").html
    assert '<pre><code class="language-python">if a &lt; b and c: &lt;script&gt;' in html_out


def test_ordered_lists_keep_their_start_and_sane_lists_do_not_mix() -> None:
    html_out = render("3. drie\n4. vier\n\n- los\n").html
    assert '<ol start="3">' in html_out and "<ul>" in html_out


# --- links --------------------------------------------------------------------------------


def test_relative_links_to_content_files_are_rewritten_with_their_anchor() -> None:
    result = render("[H](../partners/humanitas.md) en [W](../partners/humanitas.md#wie-we-zijn)"
                    " en [hier](x.md#doel) en [C](../partners/humanitas.md#caf%C3%A9)")
    assert 'href="/partners/humanitas/"' in result.html
    assert 'href="/partners/humanitas/#wie-we-zijn"' in result.html
    assert 'href="/deals/x/#doel"' in result.html
    assert 'href="/partners/humanitas/#caf%C3%A9"' in result.html
    assert result.diagnostics == ()


def test_links_to_static_files_and_other_links_are_kept_or_rewritten() -> None:
    result = render("[a](/static/docs/plan.pdf) [b](../../static/docs/plan.pdf?v=2) "
                    "[c](/deals/y/) [d](mailto:a@example.org) [e](tel:+31201234567) "
                    "[f](https://example.org/x)")
    assert result.diagnostics == ()
    for href in ("/static/docs/plan.pdf", "/static/docs/plan.pdf?v=2", "/deals/y/",
                 "mailto:a@example.org", "tel:+31201234567", "https://example.org/x"):
        assert f'href="{href}"' in result.html


def test_a_broken_link_is_an_error_at_its_file_line_naming_the_file() -> None:
    body = "Regel een\n\n[x](../partners/humanitass.md)\n\n[y](/static/weg.pdf)\n"
    result = render(body, first_line=7)
    assert found(body, first_line=7) == [(9, "link-broken"), (11, "link-broken")]
    broken = result.diagnostics[0]
    assert broken.is_error and broken.field == "body"
    assert broken.location.path == PATH
    assert broken.message.nl == ("link naar '../partners/humanitass.md' wijst naar een bestand "
                                 "dat niet bestaat (content/partners/humanitass.md)")
    assert broken.hint is not None and "relatief vanaf dit bestand" in broken.hint.nl
    assert "does not exist" in broken.message.en


@pytest.mark.parametrize(("link", "better"), [
    ("../partners/humanitas", "../partners/humanitas.md"),  # .md left off
    ("partners/humanitas.md", "../partners/humanitas.md"),  # written from content/
    ("content/partners/humanitas.md", "../partners/humanitas.md"),  # from the site root
    ("../partners/humanitas#wie-we-zijn", "../partners/humanitas.md#wie-we-zijn"),
    ("static/img/kaart.png", "/static/img/kaart.png"),
])
def test_a_broken_link_proposes_what_was_probably_meant(link: str, better: str) -> None:
    hint = only(render(f"[x]({link})"), "link-broken").hint
    assert hint is not None and hint.nl == f"bedoelde je '{better}'?"


def test_a_link_out_of_the_site_is_broken() -> None:
    broken = only(render("[pw](../../../etc/passwd)"), "link-broken")
    assert "buiten de site" in broken.message.nl


def test_a_missing_anchor_is_an_error_with_close_matches() -> None:
    result = render("Tekst\n\n[w](../partners/humanitas.md#wie-we-zjin)\n", first_line=3)
    problem = only(result, "link-anchor")
    assert (problem.location.line, problem.is_error) == (5, True)
    assert "Humanitas" in problem.message.nl and "#wie-we-zjin" in problem.message.nl
    assert problem.hint is not None and problem.hint.nl == "bedoelde je '#wie-we-zijn'?"
    assert 'href="/partners/humanitas/#wie-we-zjin"' in result.html  # the page exists


def test_an_anchor_on_the_same_page_is_checked_against_its_own_headings() -> None:
    result = render("## Wat we leerden\n\n[a](#wat-we-leerden) [b](#wat-we-leerde)\n")
    problem = only(result, "link-anchor")
    assert problem.location.line == 3
    assert problem.hint is not None and "#wat-we-leerden" in problem.hint.nl
    no_headings = only(render("[a](#nergens)"), "link-anchor")
    assert no_headings.hint is not None and no_headings.hint.nl == "deze pagina heeft geen koppen"


def test_a_link_to_an_unpublished_entry_becomes_plain_text_with_a_warning() -> None:
    result = render("Zie [de *mooie* les](../lessons/concept.md) hier.", first_line=4)
    assert "<a" not in result.html
    assert "Zie de <em>mooie</em> les hier." in result.html
    problem = only(result, "link-unpublished")
    assert (problem.location.line, problem.is_error) == (4, False)
    assert "Concept" in problem.message.nl and "gewone tekst" in problem.message.nl


def test_a_reference_link_is_reported_where_its_target_is_written() -> None:
    body = "Zie [de partner][p] en [nog eens][p].\n\nMeer tekst.\n\n[p]: ../partners/weg.md\n"
    assert found(body, first_line=10) == [(14, "link-broken"), (14, "link-broken")]


def test_the_same_broken_link_twice_is_reported_at_both_lines() -> None:
    body = "[a](weg.md)\n\nTekst `[a](weg.md)` in code.\n\n```\n[a](weg.md)\n```\n\n[b](weg.md)\n"
    assert found(body, first_line=2) == [(2, "link-broken"), (10, "link-broken")]


# --- images -------------------------------------------------------------------------------


def test_images_need_alt_text_and_must_come_from_static() -> None:
    assert found("Tekst\n\n![](/static/img/kaart.png)", first_line=5) == [(7, "image-alt")]
    assert found("![ ](/static/img/kaart.png)") == [(1, "image-alt")]
    assert found("![Kaart](../../static/img/kaart.png)") == []
    assert found("![Kaart](/static/img/weg.png)") == [(1, "link-broken")]
    assert found("![Kaart](/img/kaart.png)") == [(1, "image-src")]
    assert found("![Kaart](../partners/humanitas.md)") == [(1, "image-src")]
    html_out = render("![Kaart](../../static/img/kaart.png)").html
    assert '<img alt="Kaart" src="/static/img/kaart.png">' in html_out


@pytest.mark.parametrize("src", [
    "https://elders.example/logo.png", "http://elders.example/logo.png",
    "//elders.example/logo.png", "/\\elders.example/logo.png"])
def test_images_from_other_hosts_are_removed_with_a_warning(src: str) -> None:
    result = render(f"Logo:\n\n![Logo]({src})", first_line=3)
    assert "elders.example" not in result.html and "<img" not in result.html
    problem = only(result, "image-remote")
    assert (problem.location.line, problem.is_error) == (5, False)


# --- nothing unsafe -----------------------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=javascript:alert('XSS')>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href='&#106;avascript:alert(1)'>x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](vbscript:msgbox)",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<abbr title=\"x\" onmouseover=\"alert(1)\">x</abbr>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<!-- --><script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "`code` <img src=\"x\" onerror=\"alert(1)\"> `code`",
]


class _Audit(HTMLParser):
    """Collects anything in rendered HTML that should never be there."""

    ALLOWED = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
               "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr",
               "th", "td", "del", "sup", "div", "input", "details", "summary", "abbr", "sub",
               "kbd", "mark", "small", "figure", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction", "action"):
                self.problems.append(f"{tag}[{name}]")
            probe = re.sub(r"[\x00-\x20]+", "", value or "").lower().replace("\\", "/")
            if name in ("href", "src") and probe.startswith(("javascript:", "data:",
                                                             "vbscript:")):
                self.problems.append(f"{tag}[{name}={value}]")
            if name == "src" and (probe.startswith("//") or ":" in probe.split("/")[0]):
                self.problems.append(f"{tag}[{name}={value}]")
        if tag == "input" and dict(attrs).get("type") != "checkbox":
            self.problems.append("a text field")


def audit(html_out: str) -> list[str]:
    parser = _Audit()
    parser.feed(html_out)
    parser.close()
    return parser.problems


@pytest.mark.parametrize("attack", ATTACKS)
def test_nothing_unsafe_reaches_the_output(attack: str) -> None:
    result = render(f"Tekst\n\n{attack}\n\nMeer [tekst](x.md).\n")
    assert audit(result.html) == [], result.html
    markup = " ".join(re.findall(r"<[^>]*>", result.html)).lower()  # text may say anything
    for bad in ("script", "javascript", "vbscript", "onerror", "onload", "ontoggle",
                "onmouseover", "iframe", "svg", "object", "meta", "style", "data:", "evil"):
        assert bad not in markup, (attack, result.html)
    assert "<script" not in result.html.lower()
    if "&lt;" not in result.html:  # unless Markdown showed it as text, removal is never silent
        assert result.diagnostics, result.html
    assert all(d.code in ("html-removed", "url-unsafe") and not d.is_error
               for d in result.diagnostics), result.diagnostics


def test_removed_html_is_a_warning_naming_the_line_it_was_written_on() -> None:
    body = ("Goed\n\n<script>x()</script>\n\nTekst met <b onclick=\"x()\">vet</b>.\n\n"
            "<abbr title=\"Wet\" style=\"color:red\" onclick=\"x()\">Wmo</abbr>\n")
    result = render(body, first_line=3)
    assert found(body, first_line=3) == [(5, "html-removed"), (7, "html-removed"),
                                         (9, "html-removed"), (9, "html-removed")]
    messages = sorted(d.message.nl for d in result.diagnostics)
    assert "attribuut 'style' van <abbr> is weggehaald" in messages
    assert "HTML <script> is weggehaald" in messages
    assert '<abbr title="Wet">Wmo</abbr>' in result.html
    hint = result.diagnostics[0].hint
    assert hint is not None and "<details>" in hint.nl and "backticks" in hint.en


def test_html_in_code_is_text_and_not_reported() -> None:
    body = ("`<script>x</script>` en ``<img src=x onerror=y>``\n\n```html\n<script>x</script>\n"
            "```\n\n    <iframe></iframe>\n\n<script>echt</script>\n")
    result = render(body, first_line=11)
    assert found(body, first_line=11) == [(19, "html-removed")]
    assert "&lt;script&gt;x&lt;/script&gt;" in result.html
    assert "&lt;iframe&gt;&lt;/iframe&gt;" in result.html


def test_unsafe_markdown_links_are_warnings_at_their_line() -> None:
    body = "Tekst\n\n[a](javascript:alert(1)) en\n[b](jav&#x09;ascript:x) en\n[c](data:x,y)\n"
    result = render(body, first_line=20)
    assert found(body, first_line=20) == [(22, "url-unsafe"), (23, "url-unsafe"),
                                          (24, "url-unsafe")]
    assert "<a" not in result.html and "a en" in result.html  # the link text stays
    assert "javascript" in result.diagnostics[0].message.nl


def test_safe_raw_html_stays() -> None:
    body = ("<details open><summary>Meer</summary>\nTekst\n</details>\n\n"
            "Druk <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>let op</mark>, "
            "<small>klein</small>,<br>nieuwe regel en <abbr title=\"Wet\">Wmo</abbr>.\n\n"
            "<figure>\n<figcaption>Bijschrift</figcaption>\n</figure>\n")
    result = render(body)
    assert result.diagnostics == ()
    for piece in ("<details open=\"\"><summary>Meer</summary>", "<kbd>Ctrl</kbd>",
                  "<sub>2</sub>", "<sup>2</sup>", "<mark>let op</mark>", "<small>klein</small>",
                  "<br>", '<abbr title="Wet">Wmo</abbr>', "<figcaption>Bijschrift</figcaption>"):
        assert piece in result.html


def test_an_editors_own_input_or_link_tag_is_removed_but_task_lists_keep_their_boxes() -> None:
    result = render('- [x] klaar\n\n<input type="text" value="x">\n\n<a href="/x">a</a>\n')
    assert result.html.count("<input") == 1
    assert 'href="/x"' not in result.html
    assert [d.code for d in result.diagnostics] == ["html-removed", "html-removed"]


def test_comments_disappear_quietly() -> None:
    result = render("Tekst <!-- voor de redactie --> en meer.\n\n<!--\nblok\n-->\n")
    assert "redactie" not in result.html and "blok" not in result.html
    assert result.diagnostics == ()


def test_deeply_nested_raw_html_is_cut_back() -> None:
    result = render("<sup>" * 5000 + "x")
    assert 200 < result.html.count("<sup>") <= 256
    assert audit(result.html) == []
    nested = render("<abbr title=\"a\">x</abbr> " * 300 + "\n\n" +
                    "".join("    " * depth + "- x\n" for depth in range(30)))
    assert nested.html.count("<abbr") == 300 and nested.html.count("<ul>") == 30


# --- robustness ---------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "", " ", "\n\n\n", "\x00", "\ud800 lone surrogate", "```", "```python\nnever closed\n",
    "~~~\n" * 50, "[" * 5000, "]" * 5000, "<" * 5000, "`" * 5000, "*" * 5000, "_" * 5000,
    "#" * 5000, ">" * 5000, "|" * 5000, "[^" * 2000, "![" * 2000, "<sup>" * 3000,
    "\r\n\r\n\r", "\ufeff# BOM", "- " * 3000, "1. " * 3000,
])
def test_odd_input_never_raises(body: str) -> None:
    result = render(body)
    assert "\x00" not in result.html
    assert audit(result.html) == []
    assert heading_ids(body) == result.heading_ids


def test_binary_garbage_renders() -> None:
    rng = random.Random(2026)
    garbage = bytes(rng.getrandbits(8) for _ in range(200_000)).decode("latin-1")
    result = render(garbage)
    assert audit(result.html) == []
    assert all(d.location.path == PATH for d in result.diagnostics)


def test_deeply_nested_lists_and_quotes_render() -> None:
    nested = "".join("    " * depth + f"- niveau {depth}\n" for depth in range(40))
    assert render(nested).html.count("<ul>") == 40
    for body in ("".join("    " * depth + "- x\n" for depth in range(1000)),
                 "> " * 5000 + "diep\n", "1. " * 1000 + "x\n"):
        result = render(body)
        assert "x" in result.html or "diep" in result.html
        assert audit(result.html) == []


@pytest.mark.parametrize("name", ["brackets", "backticks", "emphasis", "strike", "fences",
                                  "footnotes", "inline-html", "links", "json", "headings"])
def test_pathological_bodies_take_linear_time(name: str) -> None:
    """Each of these is quadratic or worse in stock Python-Markdown (minutes at this size)."""
    body = {
        "brackets": "[" * 300_000,
        "backticks": "``a" * 100_000,
        "emphasis": "*a" * 150_000,
        "strike": "~~a" * 100_000,
        "fences": "```x\n" * 60_000,
        "footnotes": "[^" * 150_000,
        "inline-html": "<sup>" * 60_000,
        "links": "[a](weg.md) " * 25_000,
        "json": '[{"a": [1, 2, {"b": "*x*"}], "c": "<d>"}, ' * 7_500,
        "headings": "## a\n\n" * 30_000,
    }[name]
    # CPU seconds of this process, not wall time: a guard against minutes of quadratic
    # work that other processes on a shared machine cannot trip
    started = time.process_time()
    result = render(body)
    assert time.process_time() - started < 30
    assert audit(result.html) == []


def test_a_five_megabyte_body_renders_in_reasonable_time() -> None:
    prose = ("Een zin over zorg en welzijn in de wijk, met **nadruk** en *accent*, "
             "over wat partners samen doen. ") * 12
    section = (f"## Kop {{n}}\n\n{prose}Zie [Humanitas](../partners/humanitas.md), "
               "`code`, ~~oud~~ en www.example.org. <abbr title=\"x\">Afk</abbr>.\n\n"
               f"{prose}\n\n- [x] punt\n- punt met [anker](#kop-{{n}})\n\n")
    body = "".join(section.replace("{n}", str(n)) for n in range(5_000_000 // len(section)))
    assert len(body) > 4_900_000
    started = time.process_time()  # CPU seconds, as above: ~3 s linear, minutes if not
    result = render(body)
    assert time.process_time() - started < 120
    assert result.diagnostics == ()
    assert len(result.heading_ids) == body.count("## Kop")


def test_rendering_is_deterministic_and_nothing_carries_over() -> None:
    body = "## A\n\n## A\n\n[H](../partners/humanitas.md) <script>x</script> [w](weg.md)\n"
    first = render(body)
    render("## A\n\n## A\n\n## A\n")  # another body in between
    assert render(body) == first
    assert first.heading_ids == ("a", "a-1")


def test_an_exception_from_the_resolver_is_passed_on() -> None:
    def broken(path: str) -> LinkTarget | None:
        raise LookupError(path)

    with pytest.raises(LookupError, match=re.escape("content/deals/y.md")):
        render_markdown("[y](y.md)", path=PATH, first_line=1, resolve=broken)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_text_renders_safely(body: str) -> None:
    result = render(body)
    lowered = result.html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    assert audit(result.html) == []
    assert all(d.location.path == PATH and d.field == "body" for d in result.diagnostics)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "#", "##", "[", "]", "(", ")", "![", "<", ">", "`", "```", "~~~", "- ", "* ", "|", "\n",
    "\n\n", "javascript:", "jav&#x09;ascript:", "data:", "../partners/humanitas.md",
    "#wie-we-zijn", "<script>", "</script>", "<img src=x ", "onerror=", "<details>", "<a ",
    "href=", "\"", "'", "[^1]", "[^1]: ", "    ", "> ", "&#106;", "x", "<svg/onload=", "//",
    "https://elders.example/", "/static/img/kaart.png", "alert(1)"]), max_size=60))
def test_markdown_shaped_attacks_never_get_through(parts: list[str]) -> None:
    body = "".join(parts)
    result = render(body, first_line=4)
    assert audit(result.html) == [], (body, result.html)
    assert "<script" not in result.html.lower()
    lines = body.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert all(4 <= d.location.line < 4 + lines for d in result.diagnostics)


# --- the speed-ups behave as Python-Markdown ----------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="`` a\\\n", max_size=150))
def test_code_spans_are_found_as_python_markdown_finds_them(text: str) -> None:
    stock = BacktickInlineProcessor(BACKTICK_RE)
    fast = CodeSpans()
    for start in (i for i, char in enumerate(text) if char == "`"):
        assert fast.find(start, text) == stock.find_code_spans(start, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[[]]a(", max_size=300))
def test_brackets_are_matched_as_python_markdown_matches_them(text: str) -> None:
    stock = LinkInlineProcessor(LINK_RE, Markdown())
    fast = Brackets()
    for start in (i + 1 for i, char in enumerate(text) if char == "["):
        expected, ours = stock.getText(text, start), fast.text(text, start)
        assert ours[2] == expected[2]
        if expected[2]:
            assert ours == expected


def test_escaped_text_stays_text() -> None:
    result = render(r"\<script\> en \[geen link\](javascript:x) en 1 &lt; 2")
    assert "&lt;script&gt;" in result.html and "<a" not in result.html
    assert "1 &lt; 2" in result.html
    assert html.unescape(result.html).count("javascript:x") == 1  # shown as text only
