"""Links and images in a rendered body: resolved, rewritten to page URLs and checked."""

from __future__ import annotations

import difflib
import html
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote

from markdown.util import AMP_SUBSTITUTE

from reisgids.errors import Text
from reisgids.markdown._policy import (
    SAFE_SCHEMES,
    LinkResolver,
    LinkTarget,
    probe_url,
    scheme_of,
)
from reisgids.markdown._site_links import SiteUrls


class Action(Enum):
    KEEP = "keep"
    UNWRAP = "unwrap"  # the element goes, its text and children stay
    REMOVE = "remove"  # the element and what it holds go, its tail stays




# --- links and images ---------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    code: str
    is_error: bool
    message: Text
    hint: Text | None
    needle: str  # as written in the source: a link destination or a start tag
    nth: int  # 0 for the first use of that needle in the page


class ResolverFailed(Exception):
    """The caller's resolver raised: its bug, re-raised as is outside Markdown."""

    def __init__(self, original: Exception) -> None:
        super().__init__(repr(original))
        self.original = original


_HINT_RELATIVE = Text(
    nl="controleer de bestandsnaam; links gaan relatief vanaf dit bestand, bijvoorbeeld "
       "../partners/naam.md",
    en="check the file name; links are relative to this file, for example "
       "../partners/name.md")
_HINT_STATIC = Text(
    nl="zet het bestand in static/ en verwijs ernaar als /static/...",
    en="put the file in static/ and refer to it as /static/...")
_HINT_UNSAFE = Text(
    nl="toegestaan zijn links met http, https, mailto of tel, en links naar bestanden van "
       "de site",
    en="allowed are http, https, mailto and tel links, and links to files of the site")


def _decoded(url: str) -> str:
    """A URL as the browser reads it (Python-Markdown hides the '&' of obfuscated e-mail
    links behind a placeholder)."""
    return html.unescape(url.replace(AMP_SUBSTITUTE, "&"))


def shortened(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class Links:
    """Checks and rewrites the links and images of one page."""

    def __init__(self, path: str, resolve: LinkResolver, site: SiteUrls | None = None) -> None:
        self.path = path
        self.site = site
        self.folder = posixpath.dirname(path)
        self._resolve = resolve
        self.findings: list[Finding] = []
        self._ids: frozenset[str] = frozenset()
        self._headings: list[str] = []
        self._nth: dict[int, int] = {}

    def prepare(self, root: etree.Element, headings: list[str]) -> None:
        """Number each destination's uses in document order, and collect the page's ids."""
        counts: dict[str, int] = {}
        ids: set[str] = set()
        for element in root.iter():
            key = element.get("href") if element.tag == "a" else (
                element.get("src") if element.tag == "img" else None)
            if key is not None:
                self._nth[id(element)] = counts.get(key, 0)
                counts[key] = counts.get(key, 0) + 1
            if element.get("id"):
                ids.add(element.get("id") or "")
        self._ids, self._headings = frozenset(ids), headings

    def resolve(self, path: str) -> LinkTarget | None:
        try:
            return self._resolve(path)
        except Exception as exc:
            raise ResolverFailed(exc) from exc

    def _report(self, element: etree.Element, needle: str, code: str, message: Text,
                hint: Text | None, *, is_error: bool = True) -> None:
        self.findings.append(Finding(code, is_error, message, hint, needle,
                                      self._nth.get(id(element), 0)))

    def visit_link(self, element: etree.Element) -> Action:
        written = element.get("href")
        if written is None:
            return Action.KEEP
        url = _decoded(written).strip()
        if any(char.isspace() for char in written.strip()):
            # `[x](url (title with "quotes"))`: Python-Markdown takes `url (title` as the
            # address, which the sanitiser then drops; say so instead of losing the link
            self._report(element, written, "link-space", Text(
                f"het adres '{shortened(written)}' bevat een spatie; de link verliest zo zijn "
                "adres", f"the address '{shortened(written)}' holds a space; the link loses its "
                "address that way"), Text(
                'schrijf [tekst](adres "titel") zonder " in de titel; een spatie in een adres '
                'wordt %20', 'write [text](address "title") without " inside the title; a '
                'space in an address becomes %20'), is_error=False)
            return Action.UNWRAP
        scheme = scheme_of(url)
        if scheme is not None:
            own = self.site.own_path(url) if self.site is not None else None
            if own is not None:  # a full URL of this very site, copied from the browser
                self._check_site(element, written, own, "", _split(url)[2], rewrite=False)
            if scheme in SAFE_SCHEMES:
                return Action.KEEP
            self._unsafe(element, written, scheme)
            return Action.UNWRAP
        if not url or probe_url(url).startswith("//"):
            return Action.KEEP  # an empty link, or another host
        if url.startswith("#"):
            self._check_own_anchor(element, written, url[1:])
            return Action.KEEP
        where, query, fragment = _split(url)
        if url.startswith("/") and not (where.startswith("/static/") or where.endswith(".md")):
            if self.site is None:
                return Action.KEEP
            # another page of the site, written as its URL
            return self._check_site(element, written, where, query, fragment, rewrite=True)
        wanted = self._site_path(where)
        if wanted is None:
            return Action.KEEP  # only a query
        target = self._target(element, written, wanted)
        if target is None:
            return Action.KEEP
        if not target.published:
            return self._unpublished(element, written, target.title)
        if fragment and wanted.endswith(".md") and not _has_anchor(target.anchors, fragment):
            self._report(element, written, "link-anchor", Text(
                nl=f"link naar '{shortened(written)}': '{target.title}' heeft geen kop met "
                   f"anker '#{fragment}'",
                en=f"link to '{shortened(written)}': '{target.title}' has no heading with "
                   f"anchor '#{fragment}'"), _anchor_hint(fragment, sorted(target.anchors),
                                                         own_page=False))
        element.set("href", target.url + (f"?{query}" if query else "")
                    + (f"#{fragment}" if fragment else ""))
        return Action.KEEP

    def visit_image(self, element: etree.Element) -> Action:
        written = element.get("src") or ""
        url = _decoded(written).strip()
        scheme = scheme_of(url)
        if scheme in ("http", "https") or probe_url(url).startswith("//"):
            self._report(element, written, "image-remote", Text(
                nl=f"afbeelding '{shortened(written)}' van een andere website is weggehaald: de "
                   "site doet geen verzoeken aan derden",
                en=f"image '{shortened(written)}' from another website was removed: the site "
                   "makes no third-party requests"), _HINT_STATIC, is_error=False)
            return Action.REMOVE
        if scheme is not None:
            self._unsafe(element, written, scheme)
            return Action.REMOVE
        if not (element.get("alt") or "").strip():
            self._report(element, written, "image-alt", Text(
                nl=f"afbeelding '{shortened(written)}' heeft geen alt-tekst",
                en=f"image '{shortened(written)}' has no alt text"), Text(
                nl="beschrijf tussen de blokhaken wat er te zien is: ![wat er te zien is](...)",
                en="describe between the brackets what it shows: ![what it shows](...)"))
        where, query, _ = _split(url)
        wanted = self._site_path(where) if where else None
        if wanted is None or not (wanted.startswith("static/") or wanted.startswith("../")):
            self._report(element, written, "image-src", Text(
                nl=f"afbeelding '{shortened(written)}' is geen bestand in static/",
                en=f"image '{shortened(written)}' is not a file in static/"), _HINT_STATIC)
            return Action.KEEP
        target = self._target(element, written, wanted)
        if target is None:
            return Action.KEEP
        if not target.published:
            self._report(element, written, "link-unpublished", Text(
                nl=f"afbeelding '{shortened(written)}' is niet gepubliceerd en is weggehaald",
                en=f"image '{shortened(written)}' is not published and was removed"), None,
                is_error=False)
            return Action.REMOVE
        element.set("src", target.url + (f"?{query}" if query else ""))
        return Action.KEEP

    def _check_site(self, element: etree.Element, written: str, where: str, query: str,
                    fragment: str, *, rewrite: bool) -> Action:
        """A link to a URL of this site: does the build write that page, and that anchor?"""
        assert self.site is not None
        path = self.site.site_path(where)
        found = self.site.find(path)
        if found is None:
            near = self.site.nearest(path)
            shown = ("https://" + self.site.host + self.site.base_path.rstrip("/") + (near or "")
                     if not rewrite else near)
            self._report(element, written, "link-broken", Text(
                nl=f"link naar '{shortened(written)}' wijst naar een pagina die de site niet heeft",
                en=f"link to '{shortened(written)}' points to a page the site does not have"),
                Text(nl=f"bedoelde je '{shown}'?", en=f"did you mean '{shown}'?") if near else
                Text(nl="open de pagina in de browser en kopieer het adres opnieuw",
                     en="open the page in the browser and copy its address again"))
            return Action.KEEP
        url_path, target = found
        if not target.published:
            return self._unpublished(element, written, target.title)
        anchors = self.site.anchors.get(url_path)
        if fragment and anchors is not None and not _has_anchor(anchors, fragment):
            self._report(element, written, "link-anchor", Text(
                nl=f"link naar '{shortened(written)}': '{target.title}' heeft geen kop met "
                   f"anker '#{fragment}'",
                en=f"link to '{shortened(written)}': '{target.title}' has no heading with "
                   f"anchor '#{fragment}'"), _anchor_hint(fragment, sorted(anchors),
                                                         own_page=False))
        if rewrite:  # under base_url's path, as every other link of the site
            element.set("href", target.url + (f"?{query}" if query else "")
                        + (f"#{fragment}" if fragment else ""))
        return Action.KEEP

    def _unsafe(self, element: etree.Element, written: str, scheme: str) -> None:
        self._report(element, written, "url-unsafe", Text(
            nl=f"link naar '{shortened(written)}' is weggehaald: {scheme}:-adressen zijn niet "
               "toegestaan",
            en=f"link to '{shortened(written)}' was removed: {scheme}: addresses are not "
               "allowed"), _HINT_UNSAFE, is_error=False)

    def _check_own_anchor(self, element: etree.Element, written: str, anchor: str) -> None:
        if anchor and not _has_anchor(self._ids, anchor):
            self._report(element, written, "link-anchor", Text(
                nl=f"link naar '#{shortened(anchor)}': deze pagina heeft geen kop met dat anker",
                en=f"link to '#{shortened(anchor)}': this page has no heading with that anchor"),
                _anchor_hint(anchor, self._headings, own_page=True))

    def _site_path(self, where: str) -> str | None:
        """The site-relative path a link names: `/static/x` and `/content/x.md` from the
        site root, anything else relative to this file. None for an empty path."""
        path = unquote(where)
        if not path:
            return None
        if path.startswith("/"):
            return posixpath.normpath(path).lstrip("/") or "."
        return posixpath.normpath(posixpath.join(self.folder, path))

    def _unpublished(self, element: etree.Element, written: str, title: str) -> Action:
        """A link to an entry this build does not publish: a warning, the link unwrapped."""
        self._report(element, written, "link-unpublished", Text(
            nl=f"link naar '{shortened(written)}' wijst naar '{title}', dat in deze "
               "build niet gepubliceerd is; de link wordt gewone tekst",
            en=f"link to '{shortened(written)}' points to '{title}', which is not "
               "published in this build; the link becomes plain text"), Text(
            nl="publiceer die pagina (concept, publicatie- of verloopdatum) of haal de "
               "link weg",
            en="publish that page (draft, publish or expiry date) or remove the link"),
            is_error=False)
        return Action.UNWRAP

    def _target(self, element: etree.Element, written: str, wanted: str) -> LinkTarget | None:
        outside = wanted == ".." or wanted.startswith("../") or wanted == "."
        target = None if outside else self.resolve(wanted)
        if target is not None:
            return target
        shown = shortened(written)
        if outside:
            message = Text(nl=f"link naar '{shown}' wijst buiten de site ({wanted})",
                           en=f"link to '{shown}' points outside the site ({wanted})")
        else:
            message = Text(
                nl=f"link naar '{shown}' wijst naar een bestand dat niet bestaat ({wanted})",
                en=f"link to '{shown}' points to a file that does not exist ({wanted})")
        self._report(element, written, "link-broken", message, self._broken_hint(written, wanted))
        return None

    def _broken_hint(self, written: str, wanted: str) -> Text:
        """Try what the editor probably meant: the `.md` left off, or a path written from
        the site root or from content/ instead of from this file."""
        where, _, fragment = _decoded(written).partition("#")
        plain = posixpath.normpath(unquote(where.split("?")[0]).lstrip("/"))
        candidates = [wanted + ".md"]
        if not plain.startswith(".."):
            candidates += [plain, "content/" + plain, plain + ".md", "content/" + plain + ".md"]
        for candidate in dict.fromkeys(candidates):
            if candidate != wanted and self.resolve(candidate) is not None:
                if candidate.startswith("static/"):
                    better = "/" + candidate
                else:
                    better = posixpath.relpath(candidate, self.folder or ".")
                better += f"#{fragment}" if fragment else ""
                return Text(nl=f"bedoelde je '{better}'?", en=f"did you mean '{better}'?")
        return _HINT_STATIC if wanted.startswith("static/") else _HINT_RELATIVE


def _split(url: str) -> tuple[str, str, str]:
    rest, _, fragment = url.partition("#")
    where, _, query = rest.partition("?")
    return where, query, fragment


def _has_anchor(anchors: frozenset[str], anchor: str) -> bool:
    return anchor in anchors or unquote(anchor) in anchors


def _anchor_hint(anchor: str, anchors: list[str], *, own_page: bool) -> Text:
    close = difflib.get_close_matches(unquote(anchor), anchors, n=3, cutoff=0.6)
    if close:
        shown = ", ".join(f"'#{c}'" for c in close)
        return Text(nl=f"bedoelde je {shown}?", en=f"did you mean {shown}?")
    if not anchors:
        return Text(nl=f"{'deze' if own_page else 'die'} pagina heeft geen koppen",
                    en=f"{'this' if own_page else 'that'} page has no headings")
    listed = ", ".join(f"#{a}" for a in anchors[:8]) + (", ..." if len(anchors) > 8 else "")
    return Text(nl=f"ankers op {'deze' if own_page else 'die'} pagina: {listed} (koppen in "
                   "kleine letters, spaties worden streepjes)",
                en=f"anchors on {'this' if own_page else 'that'} page: {listed} (headings in "
                   "lowercase, spaces become hyphens)")


