"""reisgids.search and the theme's search metadata: what goes into the Pagefind index.

The first half runs Pagefind on small hand-written folders; the second half reads the
example guide as built by `reisgids build` (with search) and checks the pages and the index.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, REPO, run_cli

import reisgids.search as search
from reisgids.build import Site, load_site
from reisgids.errors import Severity
from reisgids.model.vocab import label
from reisgids.pagefind_files import metas, page_urls
from reisgids.search import (
    PREFIX,
    canonicalize,
    cbor_decode,
    cbor_encode,
    index_site,
    pagefind_hash,
    read_index_file,
)

# --- small folders ------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><p>Kopregel met navigatie</p></header>
<main>{main}</main><footer><p>Voettekst van de site</p></footer></body></html>
"""

ENTRY = """<article data-pagefind-body><h1>{title}</h1>
<div hidden>
<span data-pagefind-filter="soort[data-value]" data-value="{kind}"></span>
{themes}
<span data-pagefind-sort="datum[data-value]" data-value="{day}"></span>
</div>
<p>{text}</p></article>"""


def entry_page(title: str, kind: str, themes: list[str], day: str, text: str) -> str:
    spans = "\n".join(f'<span data-pagefind-filter="thema[data-value]" data-value="{t}"></span>'
                      for t in themes)
    return PAGE.format(title=title, main=ENTRY.format(title=title, kind=kind, themes=spans,
                                                      day=day, text=text))


def write_site(root: Path, entries: int = 6) -> Path:
    kinds = ["Les", "Deal", "Project"]
    themes = ["Eenzaamheid", "Jeugd en opvoeding", "Wonen", "Gezondheid, en preventie"]
    for i in range(entries):
        page = root / f"item-{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(entry_page(
            f"Item {i}", kinds[i % 3], [themes[i % 4], themes[(i + 1) % 4]],
            f"2026-0{1 + i % 9}-1{i % 10}", f"Tekst over mogelijkheden nummer {i}."),
            encoding="utf-8")
    overview = root / "lijst" / "index.html"
    overview.parent.mkdir(parents=True)
    overview.write_text(PAGE.format(title="Lijst", main="<h1>Lijst</h1><p>mogelijkheden</p>"),
                        encoding="utf-8")
    return root


def fragments(bundle: Path) -> list[dict[str, Any]]:
    found = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(PREFIX)
        found.append(json.loads(raw[len(PREFIX):]))
    return found


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_only_pages_with_a_body_are_indexed(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=3)
    assert index_site(site, "nl") == []
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3
    found = fragments(bundle)
    assert sorted(f["url"] for f in found) == ["/item-0/", "/item-1/", "/item-2/"]
    for fragment in found:  # the article only: no header, no footer
        assert "Kopregel" not in fragment["content"]
        assert "Voettekst" not in fragment["content"]
    assert found[0]["filters"]["soort"] == ["Les"]


def test_the_bundle_is_byte_for_byte_the_same_every_run(tmp_path: Path) -> None:
    """Pagefind orders filters from hash maps; canonicalize() must undo that."""
    source = write_site(tmp_path / "source", entries=9)
    runs = []
    for n in range(4):
        site = tmp_path / f"run{n}"
        shutil.copytree(source, site)
        assert index_site(site, "nl") == []
        runs.append(tree_bytes(site / "pagefind"))
    assert all(run == runs[0] for run in runs[1:])


def test_a_page_that_only_names_the_body_mark_is_indexed_alone(tmp_path: Path) -> None:
    """Without a single real `data-pagefind-body`, Pagefind takes every page it reads
    whole: the site's other pages must not end up in the index."""
    site = write_site(tmp_path / "site", entries=0)
    named = site / "uitleg" / "index.html"
    named.parent.mkdir(parents=True)
    named.write_text(PAGE.format(title="Uitleg", main="<p><code>&lt;div data-pagefind-body"
                                 "&gt;</code> markeert de tekst</p>"), encoding="utf-8")
    assert index_site(site, "nl") == []
    assert [f["url"] for f in fragments(site / "pagefind")] == ["/uitleg/"]


def test_one_bundle_has_its_date_order_apart(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", entries=4)
    assert index_site(site, "nl") == []
    order = json.loads((site / "pagefind" / "volgorde.json").read_text(encoding="utf-8"))
    (_, meta), = metas(site / "pagefind")
    ids = {url: page[0] for page, url in zip(meta[1], page_urls(site / "pagefind", meta),
                                               strict=True)}
    days = sorted((f"2026-0{1 + i % 9}-1{i % 10}", f"/item-{i}/") for i in range(4))
    assert order == {"datum": [ids[url] for _, url in days]} and meta[4] == []


def test_canonical_files_keep_pagefinds_naming(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    assert index_site(site, "nl") == []
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["nl"]["hash"]
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    body = gzip.decompress(meta_file.read_bytes())[len(PREFIX):]
    assert meta_hash == "nl_" + pagefind_hash(body)[:10]
    meta = read_index_file(meta_file)
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) == ["soort", "thema"]
    for _, filter_hash in meta[3]:
        path = bundle / "filter" / f"{filter_hash}.pf_filter"
        raw = gzip.decompress(path.read_bytes())[len(PREFIX):]
        assert filter_hash == "nl_" + pagefind_hash(raw)[:7]
        values = [value for value, _ in read_index_file(path)[1]]
        assert values == sorted(values)
    for path in (bundle / "index").glob("*.pf_index"):  # cut again, named as Pagefind does
        raw = gzip.decompress(path.read_bytes())[len(PREFIX):]
        assert path.stem == "nl_" + pagefind_hash(raw)[:7]


def test_a_site_without_entry_pages_indexes_nothing(tmp_path: Path) -> None:
    """Without any data-pagefind-body Pagefind would index whole pages; we index none."""
    site = tmp_path / "site"
    (site / "lijst").mkdir(parents=True)
    (site / "lijst" / "index.html").write_text(
        PAGE.format(title="Lijst", main="<h1>Lijst</h1>"), encoding="utf-8")
    assert index_site(site, "nl") == []
    assert not (site / "pagefind").exists()


def test_a_damaged_bundle_is_reported_and_removed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=2)
    real = search.run_pagefind

    def run_and_lose_a_fragment(stage: Path, out: Path, language: str,
                                root_selector: str | None = None) -> None:
        real(stage, out, language, root_selector)
        next((out / "fragment").glob("*.pf_fragment")).write_bytes(b"")

    monkeypatch.setattr(search, "run_pagefind", run_and_lose_a_fragment)
    problems = index_site(site, "nl")
    assert [p.code for p in problems] == ["search-index"]
    assert "missing or empty" in problems[0].message.en
    assert not (site / "pagefind").exists()


@pytest.mark.parametrize("make", ["missing", "file"])
def test_a_bad_folder_is_a_diagnostic_not_a_traceback(tmp_path: Path, make: str) -> None:
    target = tmp_path / "stage"
    if make == "file":
        target.write_text("geen map", encoding="utf-8")
    problems = index_site(target, "nl")
    assert len(problems) == 1
    assert problems[0].code == "search-index"
    assert problems[0].severity is Severity.ERROR
    assert str(target) in problems[0].message.nl


def test_a_failing_pagefind_is_a_diagnostic(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", entries=1)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    problems = index_site(site, "nl")
    assert [p.code for p in problems] == ["search-index"]
    assert problems[0].message.nl.startswith("Pagefind kon de zoekindex niet maken")
    assert not (site / "pagefind").exists()  # no half-made bundle


@pytest.mark.parametrize("value", [
    0, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -24, -25, -1000, "", "thema",
    "Geïnventariseerd – ‘x’", "x" * 300, [], [1, [2, "a"]], {"a": 1}, True, False, None,
    b"\x00\x01"])
def test_cbor_round_trip(value: Any) -> None:
    encoded = cbor_encode(value)
    decoded, end = cbor_decode(encoded)
    assert decoded == value and end == len(encoded)


def test_cbor_uses_the_shortest_heads() -> None:  # as minicbor writes them
    assert cbor_encode(23) == b"\x17"
    assert cbor_encode(24) == b"\x18\x18"
    assert cbor_encode(256) == b"\x19\x01\x00"
    assert cbor_encode("ab") == b"\x62ab"
    assert cbor_encode([1, 2]) == b"\x82\x01\x02"


def test_pagefind_hash_drops_leading_zeros_per_byte() -> None:
    """Pagefind formats each SHA-1 byte with `{:x?}`: 0x0a becomes 'a', not '0a'."""
    # SHA-1 of b"": da39a3ee 5e6b4b0d 3255bfef 95601890 afd80709
    assert pagefind_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_canonicalize_rejects_what_is_not_pagefind(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text(
        '{"version":"1.5.2","languages":{"nl":{"hash":"nl_x","wasm":"nl","page_count":1}}}',
        encoding="utf-8")
    (bundle / "pagefind.nl_x.pf_meta").write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(ValueError):
        canonicalize(bundle)


# --- the example guide, built with search -------------------------------------------------

class Spans(HTMLParser):
    """Pagefind attributes on a page, and whether they sit in a hidden box in the body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.filters: dict[str, list[str]] = {}
        self.meta: dict[str, str] = {}
        self.sort: dict[str, str] = {}
        self.bodies = 0
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, in body)
        self.outside: list[str] = []  # pagefind attributes not inside a hidden body box

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        hidden, in_body = (self.stack[-1][1:] if self.stack else (False, False))
        hidden = hidden or "hidden" in found
        in_body = in_body or "data-pagefind-body" in found
        if "data-pagefind-body" in found:
            self.bodies += 1
        value = found.get("data-value") or ""
        for attr, store in (("data-pagefind-filter", None), ("data-pagefind-meta", self.meta),
                            ("data-pagefind-sort", self.sort)):
            spec = found.get(attr)
            if spec is None:
                continue
            if not (hidden and in_body) and attr != "data-pagefind-meta":
                self.outside.append(f"{tag} {attr}={spec}")
            assert spec.endswith("[data-value]"), spec
            name = spec.removesuffix("[data-value]")
            if store is None:
                self.filters.setdefault(name, []).append(value)
            else:
                store[name] = value
        if tag not in ("meta", "link", "br", "img", "input", "hr", "source", "wbr"):
            self.stack.append((tag, hidden, in_body))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def spans(path: Path) -> Spans:
    parser = Spans()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def guide() -> Site:
    site, report = load_site(REPO, now=date.fromisoformat(NOW))
    assert site is not None, [d.format() for d in report.sorted()]
    return site


def page_of(out: Path, site: Site, kind: str, slug: str) -> Path:
    return out / site.graph.urls[(kind, slug)].strip("/") / "index.html"


def first_of(site: Site, kind: str, having: str = "") -> str:
    """The first published entry of a kind (with a non-empty field, if asked)."""
    for key in sorted(site.graph.published):
        if key[0] == kind and (not having or getattr(site.graph.entries[key].data, having)):
            return key[1]
    raise AssertionError(f"no published {kind} in the example guide")


def common_facets(site: Site, kind: str, slug: str, kind_label: str) -> dict[str, list[str]]:
    data = site.graph.entries[(kind, slug)].data
    themes = site.config.vocabulary("themes")
    expected = {"soort": [kind_label]}
    if data.themes:
        expected["thema"] = [themes[t] for t in data.themes]
    if data.areas:
        expected["wijk"] = [site.graph.entries[("area", a)].data.title for a in data.areas]
    return expected


def test_a_deal_page_carries_its_facets(example_site: Path, guide: Site) -> None:
    slug = first_of(guide, "deal", having="areas")
    found = spans(page_of(example_site, guide, "deal", slug))
    data: Any = guide.graph.entries[("deal", slug)].data
    expected = common_facets(guide, "deal", slug, "Deal")
    expected["fase"] = [label("deal.phase", data.phase, "nl")]
    assert found.filters == expected
    assert found.outside == []
    assert found.bodies == 1
    day = data.date or data.start or data.updated
    assert found.sort == {"datum": day.isoformat() if day else "0000-00-00"}
    assert found.meta["title"] == data.title
    assert found.meta["soort"] == "Deal"


def test_a_lesson_page_carries_its_level(example_site: Path, guide: Site) -> None:
    slug = first_of(guide, "lesson")
    found = spans(page_of(example_site, guide, "lesson", slug))
    data: Any = guide.graph.entries[("lesson", slug)].data
    expected = common_facets(guide, "lesson", slug, "Les")
    expected["niveau"] = [label("lesson.level", data.level, "nl")]
    assert found.filters == expected
    assert found.sort == {"datum": data.date.isoformat()}
    assert found.meta["datum"] == data.date.isoformat()
    assert found.meta["summary"] == data.summary


def test_an_agenda_item_carries_its_current_status(example_site: Path, guide: Site) -> None:
    slug = first_of(guide, "agenda-item")
    found = spans(page_of(example_site, guide, "agenda-item", slug))
    data: Any = guide.graph.entries[("agenda-item", slug)].data
    expected = common_facets(guide, "agenda-item", slug, "Agendapunt")
    expected["status"] = [label("agenda.status", data.history[-1].status, "nl")]
    assert found.filters == expected
    assert found.sort == {"datum": (data.date or data.history[-1].date).isoformat()}


def test_only_entry_pages_have_a_search_body(example_site: Path, guide: Site) -> None:
    entry_pages = {page_of(example_site, guide, *key) for key in guide.graph.published}
    for path in sorted(example_site.rglob("*.html")):
        if path.relative_to(example_site).parts[0] == "pagefind":
            continue
        bodies = spans(path).bodies
        assert bodies == (1 if path in entry_pages else 0), path


def test_every_published_entry_is_indexed_and_nothing_else(example_site: Path,
                                                           guide: Site) -> None:
    base = guide.config.base_path.rstrip("/")
    expected = sorted(base + guide.graph.urls[key] for key in guide.graph.published)
    found = fragments(example_site / "pagefind")
    assert sorted(base + f["url"] for f in found) == expected
    for fragment in found:  # article text only
        assert "Naar de inhoud" not in fragment["content"]
        assert "gemaakt met reisgids" not in fragment["content"]


def test_no_search_leaves_no_pagefind_folder(tmp_path: Path) -> None:
    out = tmp_path / "output"
    result = run_cli("build", str(REPO), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "zoeken" / "index.html").is_file()
    assert not (out / "pagefind").exists()


def test_labels_and_values_stay_separate_words(example_site: Path) -> None:
    labels = ("Fase", "Status", "Niveau", "Looptijd", "Eigenaar", "Verandering", "Effect",
              "Datum", "Vorm", "Plaats", "Trekker", "Toelichting", "Financiering")
    glued = re.compile(rf"\b({'|'.join(labels)})[A-Z0-9]")
    found = sorted({m.group(0) for f in fragments(example_site / "pagefind")
                    for m in glued.finditer(f["content"])})
    assert found == []


def test_the_date_an_entry_is_sorted_by() -> None:
    from types import SimpleNamespace as NS

    from reisgids.plan.search_meta import entry_day

    day, later = date(2026, 3, 1), date(2026, 9, 30)
    assert entry_day("news", NS(date=day, updated=later)) == day
    assert entry_day("deal", NS(date=None, start=day, updated=later)) == day
    event = NS(date=None, start=datetime(2026, 12, 10, 16, 0, tzinfo=UTC), updated=None)
    assert entry_day("event", event) == date(2026, 12, 10)
    edition = NS(date=None, period=NS(start=day, end=later), updated=None)
    assert entry_day("compass-edition", edition) == day
    item = NS(date=None, history=[NS(date=day), NS(date=later)], updated=None)
    assert entry_day("agenda-item", item) == later
    assert entry_day("partner", NS(date=None, updated=later)) == later
    assert entry_day("partner", NS(date=None, updated=None)) is None


def test_a_draft_is_never_indexed_even_in_a_drafts_build(make_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_site({
        "content/pages/klaar.md": "---\ntitle: Klaar\n---\nGepubliceerde tekst.\n",
        "content/pages/schets.md": "---\ntitle: Schets\ndraft: true\n---\nConcepttekst.\n",
    })
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--drafts",
                     "--no-search")
    assert result.returncode == 0, result.stderr
    assert "data-pagefind-body" in (out / "klaar" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (out / "schets" / "index.html").read_text(
        encoding="utf-8")


def test_one_part_is_read_from_the_stage_itself(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A site in one part: Pagefind reads the staged site, only the body elements (a page
    without one, like the list here, is not indexed) — the same bundle as from a folder
    holding a link to each entry page only."""
    direct, linked = (write_site(tmp_path / name) for name in ("direct", "linked"))
    read: list[Path] = []
    real_run = search.run_pagefind

    def seen(stage: Path, out: Path, language: str, root_selector: str | None = None) -> None:
        read.append(stage)
        real_run(stage, out, language, root_selector)

    monkeypatch.setattr(search, "run_pagefind", seen)
    assert index_site(direct, "nl") == []
    assert read == [direct]
    real_part = search._run_part
    monkeypatch.setattr(search, "_run_part",
                        lambda *args, **kwargs: real_part(*args, **{**kwargs, "whole": False}))
    assert index_site(linked, "nl") == []
    assert read[1] != linked
    assert tree_bytes(direct / "pagefind") == tree_bytes(linked / "pagefind")
    assert len(fragments(direct / "pagefind")) == 6  # the six items, not the list
