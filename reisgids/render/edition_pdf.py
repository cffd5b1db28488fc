"""A PDF per compass edition, for the council agenda, made at build time with ReportLab.

Every page carries a running header (guide, edition, period, adoption) and 'Pagina X van Y'.
Same input, same bytes: ReportLab's invariant mode fixes the document id, and the creation
date is the adoption date (the build's 'now' for a concept), never the clock. The text uses
ReportLab's bundled Bitstream Vera font (embedded), which has the typographic characters
Dutch text uses ('—', '“', 'ë', '€'); the PDF core fonts have no such guarantee.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from reisgids.graph.content import ContentGraph, Key
from reisgids.model.compass import CompassEdition
from reisgids.model.kind import Kind
from reisgids.plan.edition_views import EditionView, edition_view, pdf_path
from reisgids.render.machine import absolute
from reisgids.render.pdf_text import body_blocks, printable

Translate = Callable[[str], str]
REGULAR, BOLD = "Vera", "VeraBd"


def _fonts() -> set[int]:
    """Register the bundled fonts once; the code points the regular face has."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
    font = pdfmetrics.getFont(REGULAR)
    return set(font.face.charToGlyph)


STYLES = {
    "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=18, leading=22, spaceAfter=6),
    "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10,
                         spaceAfter=4),
    "h3": ParagraphStyle("h3", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=6,
                         spaceAfter=2),
    "p": ParagraphStyle("p", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=4),
    "small": ParagraphStyle("small", fontName=REGULAR, fontSize=8.5, leading=11),
}


def _fitting(text: str, font: str, room: float) -> float:
    """The largest font size from 8.5 down to 5 at which `text` fits in `room` points."""
    size = 8.5
    while size > 5 and pdfmetrics.stringWidth(text, font, size) > room:
        size -= .5
    return size


def _numbered(page_label: str, header: tuple[str, str], created: date
              ) -> type[Canvas]:
    """A canvas that draws the running header and 'page X of Y' once it knows Y."""
    stamp = created.strftime("D:%Y%m%d000000+00'00'")

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            # ReportLab seeds the document id with SOURCE_DATE_EPOCH when it is set (else a
            # fixed date in invariant mode); seed it with the creation date instead, so the
            # bytes depend on the content alone.
            self._doc.signature = hashlib.md5(f"reisgids {stamp}".encode(),
                                              usedforsecurity=False)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = A4
            self.saveState()
            for text, font, y in ((header[0], BOLD, 12), (header[1], REGULAR, 16.5)):
                self.setFont(font, _fitting(text, font, width - 40 * mm))
                self.drawString(20 * mm, height - y * mm, text)
            self.setFont(REGULAR, 8.5)
            self.setLineWidth(.5)
            self.line(20 * mm, height - 19 * mm, width - 20 * mm, height - 19 * mm)
            self.drawRightString(width - 20 * mm, 10 * mm,
                                 page_label.format(page=number, pages=total))
            self.restoreState()

    return NumberedCanvas


def _story(view: EditionView, title: str, summary: str, blocks_html: str, t: Translate,
           glyphs: set[int]) -> list[Flowable]:
    def para(text: str, style: str = "p") -> Paragraph:
        return Paragraph(printable(text, glyphs), STYLES[style])

    card = view.card
    adopted = (t("edition.pdf_adopted").format(date=card.adopted, forum=card.adopted_forum)
               if not card.is_concept else t("edition.pdf_concept"))
    story: list[Flowable] = [para(title, "h1")]
    if summary:
        story.append(para(summary))
    story.append(para(f"{t('edition.period')}: {card.period}. {adopted}. "
                      f"{t('edition.items')}: {view.total}."))
    story.append(para(t("edition.frozen") if view.frozen else t("edition.live")
                      if card.is_concept else "", "small"))
    story.append(para(t("edition.status_at_end").format(date=card.end), "h2"))
    for group in view.groups:
        story.append(para(f"{group.label} ({len(group.items)})", "h3"))
        lines = []
        for ln in group.items:
            extra = ", ".join(x for x in (ln.forum, ln.decision) if x)
            lines.append(f"{ln.ref.title} ({t('agenda.since')} {ln.since}"
                         f"{', ' + extra if extra else ''})")
        story.append(_bullets([para(x) for x in lines]))
    story += _overview(view, t, para)
    story += _changes(view, t, para)
    if view.priorities:
        story.append(para(t("edition.priorities"), "h2"))
        story.append(_bullets([para(f"{p.theme.label}: {p.text}") for p in view.priorities]))
    blocks = body_blocks(blocks_html)
    if blocks:
        story.append(para(t("edition.pdf_text"), "h2"))
        for block in blocks:
            story.append(para(("• " if block.kind == "li" else "") + block.text,
                              "h3" if block.kind in ("h2", "h3") else "p"))
    if view.co_created_with:
        story.append(para(t("edition.co_created_with"), "h2"))
        story.append(para(", ".join(r.title for r in view.co_created_with)))
    story.append(para(t("edition.cite"), "h2"))
    story.append(para(view.citation))
    return story


def _bullets(items: list[Paragraph]) -> ListFlowable:
    return ListFlowable([ListItem(p, leftIndent=12) for p in items], bulletType="bullet",
                        start="•", bulletFontName=REGULAR, leftIndent=12)


def _overview(view: EditionView, t: Translate, para: Callable[..., Paragraph]
              ) -> list[Flowable]:
    ov = view.overview
    if not ov.columns:
        return []
    rows: list[list[Any]] = [[para(t("edition.overview_theme"), "small"),
                              *(para(c.label, "small") for c in ov.columns)]]
    rows += [[para(r.label, "small"), *(str(c.count) for c in r.cells)] for r in ov.rows]
    first = 62 * mm
    rest = (A4[0] - 40 * mm - first) / len(ov.columns)
    table = Table(rows, colWidths=[first, *([rest] * len(ov.columns))], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 9), ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, 0), .8, "black"), ("LINEBELOW", (0, 1), (-1, -1), .3,
                                                       "grey"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [para(t("edition.overview"), "h2"), table]


def _changes(view: EditionView, t: Translate, para: Callable[..., Paragraph]
             ) -> list[Flowable]:
    found: list[Flowable] = [para(t("edition.changes"), "h2")]
    diff = view.diff
    if diff is None:
        return [*found, para(t("edition.first"))]
    found.append(para(f"{t('edition.compared_to')} {diff.previous.title}."))
    if diff.empty:
        found.append(para(t("edition.no_changes")))
    if diff.new:
        found.append(para(t("edition.new"), "h3"))
        found.append(_bullets([para(f"{ln.ref.title}: {ln.status_label}") for ln in diff.new]))
    if diff.moves:
        found.append(para(t("edition.moves"), "h3"))
        to = f" {t('edition.to')} "
        found.append(_bullets([para(
            f"{m.ref.title}: {to.join((m.before, *m.via, m.after))} ({m.date_text})"
            f"{' — ' + t('edition.ended') if m.ended else ''}") for m in diff.moves]))
    if diff.dropped:
        found.append(para(t("edition.dropped"), "h3"))
        found.append(_bullets([para(r.title) for r in diff.dropped]))
    return found


def edition_pdf(graph: ContentGraph, slug: str, body_html: str, t: Translate) -> bytes:
    glyphs = _fonts()
    key = (Kind.COMPASS_EDITION, slug)
    data = graph.entries[key].data_as(CompassEdition)
    url = absolute(graph, graph.urls[key])
    view = edition_view(graph, slug, url)
    card = view.card
    adopted = (t("edition.pdf_adopted").format(date=card.adopted, forum=card.adopted_forum)
               if not card.is_concept else t("edition.pdf_concept"))
    title = data.title
    header = (printable(f"{graph.config.title} · {title}", glyphs, markup=False),
              printable(f"{card.period} · {adopted}", glyphs, markup=False))
    created = data.adopted.date if data.adopted else graph.now
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=26 * mm,
        bottomMargin=18 * mm, title=title, author=graph.config.title, subject=card.period,
        creator="reisgids", producer="reisgids", invariant=1,
        lang=str(graph.config.language))
    doc.build(_story(view, title, data.summary or "", body_html, t, glyphs),
              canvasmaker=_numbered(t("edition.pdf_page"), header, created))
    return buffer.getvalue()


def edition_pdfs(graph: ContentGraph, bodies: Mapping[Key, str], t: Translate
                 ) -> dict[str, bytes]:
    """{output path: bytes} of the PDF of every published edition."""
    return {pdf_path(graph, e.slug).lstrip("/"): edition_pdf(graph, e.slug,
                                                              bodies.get(e.key, ""), t)
            for e in graph.of_kind(Kind.COMPASS_EDITION)}
