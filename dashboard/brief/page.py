"""The one-page brief laid out on A4 landscape with ReportLab, and the same page as PNG.

Three columns under a title band: (a) the district at a glance and its trend, (b) the prevalence map with the
number of stunted children and (d) the lokus map in the middle, (c) the rankings and (d) the lokus list on the
right; the source line at the foot. Each text column is shrunk to fit its frame (ReportLab's ``KeepInFrame``), so
the brief is always exactly one page whatever the district's names and list lengths. The maps are placed at their
own size, so their 9 pt kecamatan names are 9 pt on paper.

Why ReportLab: a pure-Python, long-maintained PDF library (no system libraries, unlike WeasyPrint's Pango) with
real text in the PDF (searchable, copyable, read by ``pdftotext``) and tables that wrap.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Image, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from dashboard.brief.content import BriefContent
from dashboard.brief.pdf import BOLD, REGULAR, page_png, register_fonts, style
from dashboard.brief.trend import trend_png
from dashboard.figures.static_map import MapSpec, natural_height, render
from dashboard.i18n import t

__all__ = ["PAGE", "Box", "BriefPage", "brief_pdf", "brief_png"]

PAGE = landscape(A4)
_MARGIN = 24.0
_HEADER = 46.0
_FOOTER = 24.0
_GAP = 10.0
_LEFT = 196.0
_MIDDLE = 352.0
_MAP_DPI = 220
_ACCENT = "#b30000"
_DEMO = "#f0ad4e"


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in points, origin at the bottom left (ReportLab's)."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BriefPage:
    """The PDF and where its maps were drawn (``"prevalence"``, ``"lokus"``)."""

    pdf: bytes
    maps: dict[str, Box]


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 6.8),
        ("LEADING", (0, 0), (-1, -1), 8.2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dddddd")),
    ]
    if header:
        commands += [("FONTNAME", (0, 0), (-1, 0), BOLD), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    table.setStyle(TableStyle(commands))
    return table


def _cells(rows: Any, numeric: set[int]) -> list[list[Any]]:
    """Rows of strings with long names wrapped (a paragraph) and numbers right-aligned."""
    plain, right = style("brief.cell", 6.8, leading=8.2), style("brief.num", 6.8, leading=8.2, alignment=2)
    return [[Paragraph(escape(str(c)), right if i in numeric else plain) for i, c in enumerate(row)] for row in rows]


_NUMERIC = {"no", "prevalence", "stunted", "measured", "counts"}


def _ranking(columns: tuple[str, ...], rows: Any, shares: tuple[float, ...], width: float, lang: str) -> Table:
    """A table headed by ``brief.col.<column>`` labels, columns ``shares`` of ``width``, numbers to the right."""
    head = [t(f"brief.col.{column}", lang) for column in columns]
    numeric = {i for i, column in enumerate(columns) if column in _NUMERIC}
    return _table(_cells([head, *rows], numeric), [share * width for share in shares])


def _heading(text: str) -> Paragraph:
    return Paragraph(escape(text), style("brief.h", 9, bold=True, colour=_ACCENT, spaceBefore=4, spaceAfter=2))


def _left_column(content: BriefContent, width: float) -> list[Flowable]:
    lang = content.lang
    label = style("brief.label", 7, colour="#555555")
    value = style("brief.value", 15, bold=True, leading=17)
    note = style("brief.note", 6.6, colour="#333333", leading=8)
    story: list[Flowable] = [_heading(t("brief.a", lang))]
    for fact in content.facts:
        story.append(Paragraph(escape(fact.label), label))
        story.append(Paragraph(escape(fact.value), value))
        story += [Paragraph(escape(line), note) for line in fact.notes]
        story.append(Spacer(1, 3))
    story.append(Paragraph(escape(t("brief.trend.title", lang)), label))
    height = width * 0.6
    picture = trend_png(content.trend, content.national_target, content.own_target, lang, width / 72, height / 72)
    story.append(Image(io.BytesIO(picture), width=width, height=height))
    story.append(Paragraph(escape(t("brief.trend.note", lang)), note))
    return story


def _right_column(content: BriefContent, width: float) -> list[Flowable]:
    lang = content.lang
    note = style("brief.note2", 6.2, colour="#444444", leading=7.6)
    story: list[Flowable] = [_heading(t("brief.c", lang))]
    story.append(Paragraph(escape(t("brief.kecamatan.title", lang)), style("brief.sub", 7.4, bold=True)))
    kecamatan_columns = ("rank", "kecamatan", "prevalence", "stunted", "measured")
    story.append(_ranking(kecamatan_columns, content.kecamatan_rows, (0.07, 0.39, 0.18, 0.18, 0.18), width, lang))
    for key, rows in (("brief.villages.stunted", content.stunted_rows), ("brief.villages.rate", content.rate_rows)):
        story.append(Spacer(1, 3))
        story.append(Paragraph(escape(t(key, lang)), style("brief.sub", 7.4, bold=True)))
        story.append(
            _ranking(("desa", "kecamatan", "prevalence", "counts"), rows, (0.31, 0.28, 0.15, 0.26), width, lang)
        )
    story.append(Paragraph(escape(content.marks_note), note))
    lokus = content.lokus
    story.append(_heading(lokus.heading))
    if lokus.rows:
        lokus_columns = ("no", "desa", "kecamatan", "prevalence", "stunted")
        story.append(_ranking(lokus_columns, lokus.rows, (0.08, 0.32, 0.28, 0.16, 0.16), width, lang))
    story.append(Paragraph(escape(lokus.note), note))
    return story


def _place_map(canvas: Canvas, spec: MapSpec, box: Box) -> Box:
    """Draw ``spec`` at its own size in ``box`` (top-aligned, its height no more than the box's); the drawn box."""
    fitted = replace(spec, width_in=box.width / 72, height_in=min(natural_height(spec), box.height / 72))
    picture = render(fitted).png(dpi=_MAP_DPI)
    height = fitted.height_in * 72
    drawn = Box(box.x, box.y + box.height - height, box.width, height)
    canvas.drawImage(ImageReader(io.BytesIO(picture)), drawn.x, drawn.y, drawn.width, drawn.height)
    return drawn


def _header(canvas: Canvas, content: BriefContent) -> None:
    width, height = PAGE
    top = height - _MARGIN
    canvas.setFillColor(colors.HexColor("#111111"))
    canvas.setFont(BOLD, 15)
    canvas.drawString(_MARGIN, top - 15, content.title)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(_MARGIN, top - 28, content.subtitle)
    if content.demo_mark:
        text = content.demo_mark.upper()
        text_w = canvas.stringWidth(text, BOLD, 10)
        canvas.setFillColor(colors.HexColor(_DEMO))
        canvas.roundRect(width - _MARGIN - text_w - 16, top - 20, text_w + 16, 18, 4, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(BOLD, 10)
        canvas.drawString(width - _MARGIN - text_w - 8, top - 15, text)
    canvas.setStrokeColor(colors.HexColor(_ACCENT))
    canvas.setLineWidth(1.2)
    canvas.line(_MARGIN, top - _HEADER + 8, width - _MARGIN, top - _HEADER + 8)


def _footer(canvas: Canvas, content: BriefContent) -> None:
    """The source line across the foot of the page, in smaller type if it would take more than its band."""
    width, _ = PAGE
    parts = [content.source, content.created]
    if content.demo_mark:
        parts.append(content.demo_mark)
    text = escape(" · ".join(parts))
    for size in (6.4, 5.6, 4.8, 4.0):
        paragraph = Paragraph(text, style("brief.foot", size, colour="#444444"))
        _, used = paragraph.wrap(width - 2 * _MARGIN, _FOOTER)
        if used <= _FOOTER - 4:
            break
    paragraph.drawOn(canvas, _MARGIN, _MARGIN + _FOOTER - 4 - used)


def brief_pdf(content: BriefContent) -> BriefPage:
    """The brief as a one-page PDF, and where its maps are on the page."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, pageCompression=1)
    canvas.setTitle(content.title)
    canvas.setAuthor("Lokus")
    canvas.setSubject(content.demo_mark or content.district.name)
    width, height = PAGE
    _header(canvas, content)
    bottom = _MARGIN + _FOOTER
    column_h = height - _MARGIN - _HEADER - bottom
    right_x = _MARGIN + _LEFT + _MIDDLE + 2 * _GAP
    right_w = width - _MARGIN - right_x
    for x, w, story in (
        (_MARGIN, _LEFT, _left_column(content, _LEFT)),
        (right_x, right_w, _right_column(content, right_w)),
    ):
        frame = Frame(x, bottom, w, column_h, 0, 0, 0, 0, showBoundary=0)
        frame.addFromList([KeepInFrame(w, column_h, story, mode="shrink")], canvas)
    middle_x = _MARGIN + _LEFT + _GAP
    lang = content.lang
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(colors.HexColor(_ACCENT))
    top = bottom + column_h
    canvas.drawString(middle_x, top - 10, t("brief.b", lang))
    maps: dict[str, Box] = {}
    share = 0.56 if content.lokus_map is not None else 0.95
    maps["prevalence"] = _place_map(
        canvas, content.prevalence_map, Box(middle_x, top - 14 - column_h * share, _MIDDLE, column_h * share)
    )
    lokus_top = maps["prevalence"].y - 6
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(colors.HexColor(_ACCENT))
    canvas.drawString(middle_x, lokus_top - 10, t("brief.d.map", lang))
    if content.lokus_map is not None:
        room = Box(middle_x, bottom, _MIDDLE, lokus_top - 14 - bottom)
        maps["lokus"] = _place_map(canvas, content.lokus_map, room)
    _footer(canvas, content)
    canvas.showPage()
    canvas.save()
    return BriefPage(buffer.getvalue(), maps)


def brief_png(content: BriefContent, dpi: float = 150) -> bytes:
    """The same page as PNG (the PDF rasterised, see :func:`dashboard.brief.pdf.page_png`)."""
    return page_png(brief_pdf(content).pdf, dpi)
