"""The PDF of every compass edition, for the council agenda: made at build time, a running
header (guide, edition, period, adoption) and page numbers on every page, the edition's
content, and the same bytes from the same input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
from conftest import NOW, REPO, run_cli


def pages_of(pdf: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(pdf).pages]


def test_the_adopted_edition_pdf_has_header_page_numbers_and_content(
        example_site: Path) -> None:
    pdf = example_site / "kompas/2025/reiskompas-2025.pdf"
    pages = pages_of(pdf)
    assert pages
    for number, text in enumerate(pages, 1):
        assert "Reisgids zorg en welzijn · Reiskompas 2025" in text
        assert "1 januari 2025 – 31 december 2025" in text  # en dash: a non-Latin-1 glyph
        assert "Vastgesteld op 16 december 2025 door College van burgemeester en" in text
        assert f"Pagina {number} van {len(pages)}" in text
    every = " ".join(" ".join(pages).split())
    for content in ("Agendapunten en hun status op 16 december 2025", "Gemonitord (2)",
                    "Kleine percelen en consortia in de aanbesteding",
                    "Overzicht: agendapunten per status en thema",
                    "Prioriteiten voor de volgende ronde deals", "Wat dit kompas is",
                    "één is afgewezen en teruggekoppeld"):
        assert content in every, content
    info = pypdf.PdfReader(pdf).metadata
    assert info is not None and info["/Title"] == "Reiskompas 2025"
    assert info["/CreationDate"].startswith("D:20251216")  # the adoption date, not the clock


def test_the_concept_pdf_says_so_and_shows_the_real_moves_only(example_site: Path) -> None:
    pages = pages_of(example_site / "kompas/2026/reiskompas-2026.pdf")
    every = " ".join(" ".join(pages).split())
    assert all("Concept, nog niet vastgesteld" in text for text in pages)
    assert "Van status veranderd" in every
    assert "Gemonitord naar Gemonitord" not in every
    assert "Besloten (aangehouden) naar Geagendeerd naar Besloten (aangenomen)" in every
    info = pypdf.PdfReader(example_site / "kompas/2026/reiskompas-2026.pdf").metadata
    assert info is not None and info["/CreationDate"].startswith(f"D:{NOW.replace('-', '')}")


def test_the_edition_page_links_its_pdf(example_site: Path) -> None:
    page = (example_site / "kompas/2025/index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+\.pdf)" type="application/pdf"', page)
    assert link is not None and link[1].endswith("/kompas/2025/reiskompas-2025.pdf")


def test_the_pdf_bytes_are_the_same_in_another_build(example_site: Path,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "again"
    result = run_cli("build", str(REPO), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    for rel in ("kompas/2025/reiskompas-2025.pdf", "kompas/2026/reiskompas-2026.pdf"):
        assert (out / rel).read_bytes() == (example_site / rel).read_bytes()


HOSTILE_EDITION = """\
---
title: "Kompas <b>2027</b> & co — “test” 🧭 \u202eomgekeerd"
summary: "Een samenvatting met <script>alert(1)</script>, een ∑ wiskundeteken."
period:
  start: 2027-01-01
  end: 2027-12-31
priorities:
  - theme: eenzaamheid
    text: "Eenheelheellangwoordzonderspatiesdatnietpastopeenregelvandepaginaendaaromafbreekt"
---
## Kop met <em>opmaak</em> & een [link](https://example.org/)

- een punt met **nadruk** en `code`
- een punt met een teken buiten de letter: ✓
"""


def test_a_pdf_of_hostile_text_is_made_and_says_what_it_can(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests/sites/basic", site)
    (site / "content/compass/editions/2027.md").write_text(HOSTILE_EDITION, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(site), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(pages_of(out / "kompas/2027/reiskompas-2027.pdf")).split())
    assert "Kompas <b>2027</b> & co — “test”" in text  # shown as written, not as markup
    assert "<script>alert(1)</script>" in text and "Kop met opmaak & een link" in text
    assert "Concept, nog niet vastgesteld" in text and "Pagina 1 van" in text
