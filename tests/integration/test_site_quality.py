"""What a published guide must be, read from the built files (no browser).

The example guide is checked twice: as configured (base_url https://reisgids.example/) and
built under a sub-path (--base-url https://example.org/gids/), the way many municipalities
publish; only the second shows an href that bypasses the base path.

- every internal href/src/action resolves to a file of the build (fragments to an id);
- no <script src>, <link href>, <img src>, ... and no CSS url() on another host;
- a strict CSP meta on every page; no inline script but JSON-LD, no event handler
  attributes, no javascript: URLs; no style="" attributes and no <style> elements;
- detail pages under 50 KB of HTML (search assets are separate files);
- a favicon on every page, and canonical + og:url built from base_url.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from conftest import NOW, REPO, run_cli

from reisgids.build import load_site

SUBPATH_BASE = "https://example.org/gids/"
DETAIL_PAGE_LIMIT = 50_000  # bytes of HTML
# attributes that load something into the page (as opposed to <a href>, which a reader
# follows): these may not point at another host
ASSET_ATTRIBUTES = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
                    ("source", "src"), ("source", "srcset"), ("video", "src"),
                    ("video", "poster"), ("audio", "src"), ("track", "src"),
                    ("iframe", "src"), ("embed", "src"), ("object", "data"),
                    ("input", "src"), ("image", "href")}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "poster", "data", "formaction"}
# Inline <script> elements that are data, never run: JSON-LD for search engines, and the
# JSON strings search.js reads on /zoeken/. The CSP would block any inline script that runs.
DATA_BLOCKS = {"application/ld+json", "application/json"}


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    line: int


@dataclass
class Document(HTMLParser):
    """One parsed page: its tags, ids, inline scripts and <style> elements."""

    tags: list[Tag] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    inline_scripts: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    styles: int = 0
    _script: dict[str, str] | None = None
    _text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append(Tag(tag, values, self.getpos()[0]))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "style":
            self.styles += 1
        if tag == "script" and "src" not in values:
            self._script, self._text = values, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append((self._script.get("type", ""), "".join(self._text)))
            self._script = None

    def find(self, name: str, **attrs: str) -> list[Tag]:
        return [t for t in self.tags
                if t.name == name and all(t.attrs.get(k) == v for k, v in attrs.items())]


@dataclass(frozen=True)
class Build:
    root: Path
    base_url: str

    @property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path

    def url_of(self, page: Path) -> str:
        """The public path of a built file, base path included."""
        rel = page.relative_to(self.root).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.base_path + rel

    def file_of(self, path: str) -> Path | None:
        """The built file for a public path, or None when nothing is there."""
        if not path.startswith(self.base_path):
            return None
        target = self.root / path[len(self.base_path):]
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


def parse(page: Path) -> Document:
    document = Document()
    document.feed(page.read_text(encoding="utf-8"))
    document.close()
    return document


@pytest.fixture(scope="module", params=["example", "subpath"])
def build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    if request.param == "example":
        root: Path = request.getfixturevalue("example_site")
        return Build(root, load_site_base_url())
    out = tmp_path_factory.mktemp("subpath") / "output"
    result = run_cli("build", str(REPO), "--out", str(out), "--now", NOW, "--no-search",
                     "--base-url", SUBPATH_BASE)
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(out, SUBPATH_BASE)


def load_site_base_url() -> str:
    site, _ = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None
    return site.config.base_url


@pytest.fixture(scope="module")
def pages(build: Build) -> dict[Path, Document]:
    # admin/ is the web editor: third-party UI with its own CSP (tests/*/test_editor_*)
    found = {page: parse(page) for page in sorted(build.root.rglob("*.html"))
             if page.relative_to(build.root).parts[0] != "admin"}
    assert len(found) > 300
    return found


def urls_in(tag: Tag) -> list[tuple[str, str]]:
    """(attribute, URL) pairs of a tag; srcset holds several URLs."""
    found = []
    for attr, value in tag.attrs.items():
        if attr not in URL_ATTRIBUTES or not value.strip():
            continue
        if attr == "srcset":
            found += [(attr, part.split()[0]) for part in value.split(",") if part.strip()]
        else:
            found.append((attr, value.strip()))
    return found


def test_every_internal_link_resolves(build: Build, pages: dict[Path, Document]) -> None:
    base = urlsplit(build.base_url)
    ids = {build.url_of(page): document.ids for page, document in pages.items()}
    broken: list[str] = []
    checked = 0
    for page, document in pages.items():
        here = build.url_of(page)
        for tag in document.tags:
            for attr, value in urls_in(tag):
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    # a full URL is a link an editor wrote (or canonical/og:url, checked
                    # below): the guide itself links by path, through the base path
                    continue
                target = urlsplit(urljoin(base.scheme + "://" + base.netloc + here, value))
                checked += 1
                where = f"{page.relative_to(build.root)}:{tag.line} <{tag.name} {attr}={value!r}>"
                found = build.file_of(target.path)
                if found is None:
                    problem = ("outside the base path " + build.base_path
                               if not target.path.startswith(build.base_path) else "no file")
                    broken.append(f"{where}: {problem}")
                elif target.fragment and found.suffix == ".html":
                    anchors = ids.get(build.url_of(found), set())
                    if target.fragment not in anchors:
                        broken.append(f"{where}: no id {target.fragment!r} on that page")
    assert checked > 1000
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


def test_sitemap_lists_pages_that_exist(build: Build) -> None:
    tree = ElementTree.parse(build.root / "sitemap.xml")
    locations = [e.text or "" for e in tree.iter() if e.tag.endswith("}loc")]
    assert len(locations) > 300
    wrong = [loc for loc in locations if not loc.startswith(build.base_url)
             or build.file_of(urlsplit(loc).path) is None]
    assert not wrong, wrong[:20]


def test_nothing_is_loaded_from_another_host(build: Build, pages: dict[Path, Document]) -> None:
    own = urlsplit(build.base_url).netloc
    foreign = []
    for page, document in pages.items():
        for tag in document.tags:
            for attr, value in urls_in(tag):
                if (tag.name, attr) not in ASSET_ATTRIBUTES:
                    continue
                host = urlsplit(value).netloc
                if host and host != own:
                    foreign.append(f"{page.relative_to(build.root)}:{tag.line} "
                                   f"<{tag.name} {attr}={value!r}>")
    css_url = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
    for sheet in sorted(build.root.rglob("*.css")):
        for match in css_url.finditer(sheet.read_text(encoding="utf-8")):
            value = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", value):
                foreign.append(f"{sheet.relative_to(build.root)}: url({value})")
    assert not foreign, "loaded from another host:\n" + "\n".join(foreign[:40])


def csp_directives(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def test_a_strict_csp_and_no_inline_script(build: Build, pages: dict[Path, Document]) -> None:
    problems = []
    for page, document in pages.items():
        name = page.relative_to(build.root)
        metas = [t for t in document.find("meta")
                 if t.attrs.get("http-equiv", "").lower() == "content-security-policy"]
        if len(metas) != 1:
            problems.append(f"{name}: {len(metas)} CSP meta tags")
            continue
        first_script = next((t.line for t in document.tags if t.name == "script"), None)
        if first_script is not None and first_script < metas[0].line:
            problems.append(f"{name}: a script comes before the CSP meta tag")
        policy = csp_directives(metas[0].attrs.get("content", ""))
        if policy.get("default-src") != ["'self'"]:
            problems.append(f"{name}: default-src is {policy.get('default-src')}")
        for directive in ("script-src", "style-src"):
            allowed = policy.get(directive, policy.get("default-src", []))
            loose = {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"}
            if loose & set(allowed):
                problems.append(f"{name}: {directive} {' '.join(allowed)}")
        if policy.get("object-src") != ["'none'"]:
            problems.append(f"{name}: object-src is not 'none'")
        for kind, text in document.inline_scripts:
            if kind not in DATA_BLOCKS:
                problems.append(f"{name}: inline <script type={kind!r}>")
            else:
                json.loads(text)  # a data block that does not parse is an error too
        for tag in document.tags:
            handlers = [a for a in tag.attrs if a.startswith("on")]
            if handlers:
                problems.append(f"{name}:{tag.line} <{tag.name}> has {handlers}")
            for attr, value in urls_in(tag):
                if value.lower().startswith("javascript:"):
                    problems.append(f"{name}:{tag.line} <{tag.name} {attr}={value!r}>")
    assert not problems, "\n".join(problems[:40])


def test_no_inline_styles(build: Build, pages: dict[Path, Document]) -> None:
    """The CSP (style-src 'self') blocks them: they would silently not apply."""
    found = [f"{page.relative_to(build.root)}:{tag.line} <{tag.name} style={tag.attrs['style']!r}>"
             for page, document in pages.items() for tag in document.tags if "style" in tag.attrs]
    found += [f"{page.relative_to(build.root)}: {document.styles} <style> elements"
              for page, document in pages.items() if document.styles]
    assert not found, "\n".join(found[:40])


def test_detail_pages_are_small(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    site, _ = load_site(REPO, now=date.fromisoformat(NOW), base_url=build.base_url)
    assert site is not None
    graph = site.graph
    sizes = {}
    for key in sorted(graph.published):
        found = build.file_of(build.base_path + graph.urls[key].lstrip("/"))
        assert found is not None, key
        sizes[graph.urls[key]] = found.stat().st_size
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:3]
    with capsys.disabled():
        print(f"\nlargest detail pages of {len(sizes)}: "
              + ", ".join(f"{url} {size / 1000:.1f} KB" for url, size in largest))
    too_big = {url: size for url, size in sizes.items() if size >= DETAIL_PAGE_LIMIT}
    assert not too_big, f"detail pages of {DETAIL_PAGE_LIMIT} bytes or more: {too_big}"


def test_every_page_has_a_favicon(build: Build, pages: dict[Path, Document]) -> None:
    hrefs = set()
    for page, document in pages.items():
        icons = [t for t in document.find("link") if "icon" in t.attrs.get("rel", "").split()]
        assert len(icons) == 1, f"{page.relative_to(build.root)}: {len(icons)} icons"
        hrefs.add(icons[0].attrs["href"])
    assert len(hrefs) == 1, hrefs
    href = hrefs.pop()
    icon = build.file_of(urlsplit(href).path)
    assert icon is not None and icon.stat().st_size > 0, href
    if icon.suffix == ".svg":
        assert ElementTree.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_canonical_and_og_url_use_base_url(build: Build, pages: dict[Path, Document]) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(build.base_url))
    wrong = []
    for page, document in pages.items():
        expected = origin + build.url_of(page)
        canonical = [t.attrs.get("href") for t in document.find("link", rel="canonical")]
        og_url = [t.attrs.get("content") for t in document.find("meta", property="og:url")]
        if document.find("meta", **{"http-equiv": "refresh"}):
            # a redirect page (aliases:) points its canonical at the page it sends you to
            if len(canonical) != 1 or not canonical[0].startswith(origin) or og_url:
                wrong.append(f"{page.relative_to(build.root)}: redirect with canonical "
                             f"{canonical}, og:url {og_url}")
            continue
        if canonical != [expected] or og_url != [expected]:
            wrong.append(f"{page.relative_to(build.root)}: canonical {canonical}, "
                         f"og:url {og_url}, expected {expected}")
    assert not wrong, "\n".join(wrong[:40])
