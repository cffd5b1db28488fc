"""One job: a Markdown body -> safe HTML, its heading ids, and diagnostics.

Editors write what a git host's editor accepts (tables, fenced code, task lists,
strikethrough, autolinks, footnotes) and link to other content files relatively, so the
links also work in the git host's preview. Those links are rewritten to page URLs and
checked; raw HTML is kept only from a safe list, and nothing unsafe reaches the output.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from reisgids.errors import Diagnostic, Location, Text, error, warning


@dataclass(frozen=True)
class LinkTarget:
    url: str  # href to write (final, e.g. "/partners/humanitas/")
    anchors: frozenset[str]  # heading ids of the target page (empty for static files)
    published: bool  # False: the target exists but is a draft, expired or not yet out
    title: str


LinkResolver = Callable[[str], LinkTarget | None]


@dataclass(frozen=True)
class RenderedBody:
    html: str
    heading_ids: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


# Raw HTML an editor may write; Markdown's own output adds the rest of ALLOWED_TAGS.
SAFE_RAW_TAGS = frozenset({"details", "summary", "abbr", "sub", "sup", "kbd", "mark", "small",
                           "br", "figure", "figcaption"})
# What stashed HTML may hold: the safe list, plus the code blocks Markdown stashes itself.
STASH_TAGS = SAFE_RAW_TAGS | {"pre", "code", "span"}
# pymdownx.tasklist stashes exactly this; an editor's own <input> is removed.
SINGLE_TAG = re.compile(r"^\s*<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^<>]*>\s*$")
TASK_BOX = re.compile(r'^<input type="checkbox" disabled(?: checked)?/> $')
FORCED_VALUES = {"input": {"type": "checkbox", "disabled": "disabled"}}
ALLOWED_TAGS = STASH_TAGS | {
    "p", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s", "ins",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "div", "input", "label", "dl", "dt", "dd"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt"},
    "input": {"type", "checked", "disabled"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
KEPT_SCHEMES = URL_SCHEMES

EXTENSIONS = ["tables", "fenced_code", "footnotes", "sane_lists", "pymdownx.tasklist",
              "pymdownx.tilde", "pymdownx.magiclink"]
EXTENSION_CONFIGS: dict[str, dict[str, object]] = {
    "pymdownx.magiclink": {"repo_url_shortener": False, "social_url_shortener": False},
    "pymdownx.tilde": {"subscript": False},
    "footnotes": {"BACKLINK_TITLE": "Terug naar de tekst"},
}

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
RAW_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])([^<>]*)>")
EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=|\bstyle\s*=", re.IGNORECASE)
MD_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?"
    r"(?:\s+[\"'(][^)]*)?\)")
REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def github_slug(text: str) -> str:
    """A heading id as git hosts make it: lowercase, diacritics kept, punctuation dropped,
    each space a hyphen."""
    lowered = text.strip().lower()
    kept = "".join(ch for ch in lowered if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def _plain(url: str) -> str:
    """A URL as the browser reads it (Python-Markdown hides '&' of obfuscated e-mail links
    behind a placeholder)."""
    return html.unescape(url.replace(AMP_SUBSTITUTE, "&"))


def _scheme(url: str) -> str | None:
    cleaned = CONTROL.sub("", _plain(url))
    found = SCHEME.match(cleaned)
    return found.group(1).lower() if found else None


@dataclass
class _Scan:
    """What the source says, with lines: links in written order, raw HTML findings."""

    link_lines: dict[str, deque[int]] = field(default_factory=lambda: defaultdict(deque))
    raw_html: list[tuple[int, str, str]] = field(default_factory=list)  # line, code, what


def _scan(body: str, first_line: int) -> _Scan:
    scan = _Scan()
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        visible = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in MD_LINK.finditer(visible):
            scan.link_lines[match.group(3)].append(number)
        ref = REF_DEF.match(visible)
        if ref:
            scan.link_lines[ref.group(1)].append(number)
        for match in RAW_TAG.finditer(visible):
            if match.group(1):
                continue  # a closing tag: its opening tag was reported
            name, attrs = match.group(2).lower(), match.group(3)
            if name not in SAFE_RAW_TAGS:
                scan.raw_html.append((number, "html-removed", f"<{name}>"))
            elif EVENT_ATTR.search(attrs):
                scan.raw_html.append((number, "html-removed", f"<{name} {attrs.strip()}>"))
            for url in re.findall(r"(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I):
                if (_scheme(url) or "http") not in KEPT_SCHEMES:
                    scan.raw_html.append((number, "url-unsafe", url))
    return scan


def _text_of(element: etree.Element) -> str:
    return "".join(element.itertext())


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace `child` (a link) by its text content, keeping its tail."""
    index = list(parent).index(child)
    text = _text_of(child) + (child.tail or "")
    parent.remove(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text


class _Pass(Treeprocessor):
    """Heading ids and levels, then links and images, on the parsed tree."""

    def __init__(self, md: markdown.Markdown, job: _Job) -> None:
        super().__init__(md)
        self.job = job

    def run(self, root: etree.Element) -> None:
        self.job.number_headings(root)
        if self.job.resolve is not None:
            self.job.fix_links(root)


def _clean_stashed(block: str) -> str:
    """Inline raw HTML is stashed one tag at a time (`<abbr title=x>`, later `</abbr>`), so a
    lone tag is judged on its own; a block of HTML is cleaned whole."""
    single = SINGLE_TAG.match(block)
    if single is None:
        return nh3.clean(block, tags=set(STASH_TAGS), attributes=ALLOWED_ATTRIBUTES,
                         url_schemes=URL_SCHEMES, link_rel=None)
    closing, name = single.group(1), single.group(2).lower()
    if name not in STASH_TAGS:
        return ""
    if closing:
        return f"</{name}>"
    cleaned = nh3.clean(f"{block}</{name}>", tags=set(STASH_TAGS), attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=URL_SCHEMES, link_rel=None)
    return cleaned.removesuffix(f"</{name}>")


class _CleanStash(Postprocessor):
    """Raw HTML that Markdown kept aside is cleaned before it goes back into the page."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if not TASK_BOX.match(str(block)):
                blocks[index] = _clean_stashed(str(block))
        return text


@dataclass
class _Job:
    path: str
    first_line: int
    resolve: LinkResolver | None
    scan: _Scan
    ids: list[str] = field(default_factory=list)
    page_ids: set[str] = field(default_factory=set)
    found: list[Diagnostic] = field(default_factory=list)

    def number_headings(self, root: etree.Element) -> None:
        headings = [el for el in root.iter() if el.tag in HEADING_TAGS]
        if not headings:
            return
        shift = max(0, 2 - min(int(el.tag[1]) for el in headings))
        seen: dict[str, int] = {}
        for element in headings:
            element.tag = f"h{min(6, int(element.tag[1]) + shift)}"
            base = github_slug(_text_of(element))
            count = seen.get(base, 0)
            seen[base] = count + 1
            slug = base if count == 0 else f"{base}-{count}"
            element.set("id", slug)
            self.ids.append(slug)

    def line_of(self, href: str) -> int:
        lines = self.scan.link_lines.get(href)
        return lines.popleft() if lines else self.first_line

    def report(self, code: str, line: int, message: Text, hint: Text | None = None,
               *, is_error: bool = True) -> None:
        make = error if is_error else warning
        self.found.append(make(code, Location(self.path, line), message, field="body",
                               hint=hint))

    def fix_links(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        # same-page anchors: headings, and the ids footnotes give their notes and references
        self.page_ids = {el.get("id") or "" for el in root.iter()} - {""}
        for element in list(root.iter()):
            if element.tag == "a" and element.get("href") is not None:
                self.fix_link(element, parents)
            elif element.tag == "img":
                self.fix_image(element, parents)

    def _anchor_hint(self, anchor: str, anchors: frozenset[str] | list[str]) -> Text:
        close = difflib.get_close_matches(anchor, sorted(anchors), n=3, cutoff=0.5)
        if close:
            shown = ", ".join(f"#{c}" for c in close)
            return Text(f"bedoelde je {shown}?", f"did you mean {shown}?")
        return Text("ankers zijn kopjes in kleine letters, met streepjes voor spaties",
                    "anchors are headings in lowercase, with hyphens for spaces")

    def target_of(self, href: str, line: int) -> tuple[str, LinkTarget] | None:
        """Resolve a site link (relative, or /static/...) to its target, or report it."""
        assert self.resolve is not None
        path, _, _ = href.partition("#")
        if href.startswith("/"):
            wanted = path.lstrip("/")
        else:
            wanted = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), path))
        found = None if wanted.startswith("../") else self.resolve(wanted)
        if found is None:
            self.report("link-broken", line, Text(
                f"link naar '{path}' wijst naar een bestand dat niet bestaat ({wanted})",
                f"link to '{path}' points at a file that does not exist ({wanted})"),
                Text("controleer de bestandsnaam; links gaan relatief vanaf dit bestand, "
                     "bijvoorbeeld ../partners/naam.md",
                     "check the file name; links are relative to this file, for example "
                     "../partners/name.md"))
            return None
        return wanted, found

    def fix_link(self, element: etree.Element, parents: dict[etree.Element, etree.Element]
                 ) -> None:
        href = _plain(element.get("href") or "")
        scheme = _scheme(href)
        if scheme is not None:
            if scheme not in KEPT_SCHEMES:
                self.report("url-unsafe", self.line_of(href), Text(
                    f"de link '{href[:40]}' is weggehaald: {scheme}:-links zijn niet veilig",
                    f"the link '{href[:40]}' was removed: {scheme}: links are not safe"),
                    Text("gebruik een https://-adres", "use an https:// address"),
                    is_error=False)
                _unwrap(parents[element], element)
            return
        if href.startswith("#"):
            if href[1:] and href[1:] not in self.page_ids:
                self.report("link-anchor", self.line_of(href), Text(
                    f"het anker '{href}' bestaat niet op deze pagina",
                    f"the anchor '{href}' does not exist on this page"),
                    self._anchor_hint(href[1:], self.ids))
            return
        if href.startswith("/") and not href.startswith("/static/"):
            return  # a site path written as is
        line = self.line_of(href)
        resolved = self.target_of(href, line)
        if resolved is None:
            return
        wanted, target = resolved
        anchor = href.partition("#")[2]
        if not target.published:
            self.report("link-unpublished", line, Text(
                f"'{wanted}' is niet gepubliceerd in deze build; de link wordt gewone tekst",
                f"'{wanted}' is not published in this build; the link becomes plain text"),
                Text("haal de link weg of publiceer de pagina",
                     "remove the link or publish the page"), is_error=False)
            _unwrap(parents[element], element)
            return
        if anchor and wanted.endswith(".md") and anchor not in target.anchors:
            self.report("link-anchor", line, Text(
                f"het anker '#{anchor}' bestaat niet in {wanted}",
                f"the anchor '#{anchor}' does not exist in {wanted}"),
                self._anchor_hint(anchor, target.anchors))
        element.set("href", target.url + (f"#{anchor}" if anchor else ""))

    def fix_image(self, element: etree.Element, parents: dict[etree.Element, etree.Element]
                  ) -> None:
        src = _plain(element.get("src") or "")
        line = self.line_of(src)
        if not (element.get("alt") or "").strip():
            self.report("image-alt", line, Text(
                "een afbeelding heeft een beschrijving nodig", "an image needs a description"),
                Text("schrijf ![wat er te zien is](pad)", "write ![what it shows](path)"))
        scheme = _scheme(src)
        if scheme is not None:
            self.report("image-remote" if scheme in {"http", "https"} else "url-unsafe", line,
                        Text("afbeeldingen van andere sites worden weggehaald (geen verzoeken "
                             "aan derden)",
                             "images from other sites are removed (no third-party requests)"),
                        Text("zet de afbeelding in static/ en verwijs naar /static/...",
                             "put the image in static/ and refer to /static/..."),
                        is_error=False)
            parents[element].remove(element)
            return
        resolved = self.target_of(src, line)
        if resolved is not None:
            element.set("src", resolved[1].url)


def _convert(body: str, job: _Job) -> str:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS,
                           output_format="html")
    # after inline parsing (20): the tree holds headings and links in their final form
    md.treeprocessors.register(_Pass(md, job), "reisgids", 5)
    # before raw HTML goes back in (RawHtmlPostprocessor has priority 30)
    md.postprocessors.register(_CleanStash(md), "reisgids-stash", 35)
    return md.convert(body)


def heading_ids(body: str) -> tuple[str, ...]:
    """The ids render_markdown gives this body's headings; needed before other pages are
    rendered, to check their `x.md#anchor` links."""
    job = _Job(path="", first_line=1, resolve=None, scan=_Scan())
    try:
        _convert(body, job)
    except Exception:
        return ()
    return tuple(job.ids)


def render_markdown(body: str, *, path: str, first_line: int,
                    resolve: LinkResolver) -> RenderedBody:
    """Pure: the same input gives the same output; never raises for any text."""
    scan = _scan(body, first_line)
    job = _Job(path=path, first_line=first_line, resolve=resolve, scan=scan)
    try:
        converted = _convert(body, job)
    except Exception:
        job.found.append(error("markdown", Location(path, first_line), Text(
            "de tekst kan niet als Markdown gelezen worden",
            "the text cannot be read as Markdown"), field="body",
            hint=Text("controleer ongesloten codeblokken en lijsten",
                      "check for unclosed code blocks and lists")))
        converted = "<p>" + html.escape(body) + "</p>"
    for line, code, what in scan.raw_html:
        job.report(code, line, Text(
            f"HTML '{what[:60]}' is weggehaald: alleen eenvoudige opmaak is toegestaan",
            f"HTML '{what[:60]}' was removed: only simple markup is allowed"),
            Text("toegestaan: " + ", ".join(f"<{t}>" for t in sorted(SAFE_RAW_TAGS)),
                 "allowed: " + ", ".join(f"<{t}>" for t in sorted(SAFE_RAW_TAGS))),
            is_error=False)
    safe = nh3.clean(converted, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True,
                     set_tag_attribute_values=FORCED_VALUES)
    return RenderedBody(safe, tuple(job.ids), tuple(job.found))
