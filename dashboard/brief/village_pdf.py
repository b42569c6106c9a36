"""The village profile as printed pages for the rembuk stunting: one A4 portrait page per village, ReportLab.

Each page holds the village's seven sections (:mod:`dashboard.core.village_profile`) as tables of figure, value,
counts, period and origin, shrunk to fit the page (ReportLab's ``KeepInFrame``) so a village is always exactly one
page. The fonts and styles are the brief's (:mod:`dashboard.brief.pdf`): DejaVu Sans embedded, real text in the
PDF (searchable, read by PDFium). The demo district's pages say "data contoh (fiktif)" in the header and the foot.
No personal data reaches a page: the profile holds counts per village and the registers' categories only.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from dashboard.brief.pdf import BOLD, REGULAR, register_fonts, style
from dashboard.core.village_profile import ProfileSection, VillageProfile, column_keys
from dashboard.i18n import t

__all__ = ["PAGE", "village_pdf"]

PAGE = A4
_MARGIN = 30.0
_HEADER = 62.0
_FOOTER = 26.0
_ACCENT = "#b30000"
_DEMO = "#f0ad4e"
_TEXTUAL = {"programme"}  # items whose value is words (sector: activity), set left like text
_SHARES = (0.27, 0.12, 0.2, 0.14, 0.27)  # figure, value, counts, period, origin


def _section(section: ProfileSection, width: float, lang: str) -> list[Flowable]:
    heading = style("village.h", 9.5, bold=True, colour=_ACCENT, spaceBefore=5, spaceAfter=2)
    story: list[Flowable] = [Paragraph(escape(section.title), heading)]
    if not section.items:
        story.append(Paragraph(escape(section.empty), style("village.empty", 7.5, colour="#666666")))
        return story
    cell, right = style("village.cell", 7, leading=8.4), style("village.num", 7, leading=8.4, alignment=2)
    small = style("village.small", 6.2, leading=7.4, colour="#444444")
    head = [t(key, lang) for key in column_keys(section.key)]
    rows: list[list[Any]] = [[Paragraph(escape(h), style("village.head", 7, bold=True)) for h in head]]
    for item in section.items:
        value = escape(item.text) + (f"<br/><font size=5.8>{escape(item.note)}</font>" if item.note else "")
        rows.append([
            Paragraph(escape(item.label), cell), Paragraph(value, cell if item.key in _TEXTUAL else right),
            Paragraph(escape(item.counts), right),
            Paragraph(escape(item.period_text), cell),
            Paragraph(escape(item.origin.text(lang) if item.origin else "—"), small),
        ])  # fmt: skip
    table = Table(rows, colWidths=[share * width for share in _SHARES], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#dddddd")),
    ]))  # fmt: skip
    story.append(table)
    return story


def _header(canvas: Canvas, profile: VillageProfile, lang: str) -> None:
    width, height = PAGE
    top = height - _MARGIN
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.setFont(REGULAR, 8)
    canvas.drawString(_MARGIN, top - 8, t("village.pdf.title", lang))
    canvas.setFillColor(colors.HexColor("#111111"))
    canvas.setFont(BOLD, 15)
    canvas.drawString(_MARGIN, top - 26, t("village.heading", lang, village=profile.name, kecamatan=profile.kecamatan))
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(_MARGIN, top - 40, t("village.code", lang, code=profile.code, district=profile.district_name))
    if profile.is_demo:
        text = t("village.demo", lang).upper()
        text_w = canvas.stringWidth(text, BOLD, 10)
        canvas.setFillColor(colors.HexColor(_DEMO))
        canvas.roundRect(width - _MARGIN - text_w - 16, top - 22, text_w + 16, 18, 4, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(BOLD, 10)
        canvas.drawString(width - _MARGIN - text_w - 8, top - 17, text)
    canvas.setStrokeColor(colors.HexColor(_ACCENT))
    canvas.setLineWidth(1.2)
    canvas.line(_MARGIN, top - _HEADER + 12, width - _MARGIN, top - _HEADER + 12)


def _footer(canvas: Canvas, profile: VillageProfile, printed: str, lang: str) -> None:
    width, _ = PAGE
    parts = [t("village.pdf.footer", lang), t("village.pdf.printed", lang, date=printed)]
    if profile.is_demo:
        parts.append(t("village.demo", lang))
    paragraph = Paragraph(escape(" · ".join(parts)), style("village.foot", 6.4, colour="#444444"))
    _, used = paragraph.wrap(width - 2 * _MARGIN, _FOOTER)
    paragraph.drawOn(canvas, _MARGIN, _MARGIN + _FOOTER - 4 - used)


def village_pdf(profiles: Sequence[VillageProfile], printed: str, lang: str = "id") -> bytes:
    """One A4 page per profile, in the given order; ``printed`` is the date the foot names ("1 Desember 2026").

    Raises ``ValueError`` for no profile (a PDF of no page is no answer).
    """
    if not profiles:
        raise ValueError("no village to print")
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, pageCompression=1)
    canvas.setTitle(t("village.pdf.title", lang))
    canvas.setAuthor("Lokus")
    if any(p.is_demo for p in profiles):
        canvas.setSubject(t("village.demo", lang))
    width, height = PAGE
    bottom = _MARGIN + _FOOTER
    frame_h = height - _MARGIN - _HEADER - bottom
    frame_w = width - 2 * _MARGIN
    for profile in profiles:
        _header(canvas, profile, lang)
        story: list[Flowable] = []
        for section in profile.sections:
            story += _section(section, frame_w, lang)
            story.append(Spacer(1, 2))
        frame = Frame(_MARGIN, bottom, frame_w, frame_h, 0, 0, 0, 0, showBoundary=0)
        frame.addFromList([KeepInFrame(frame_w, frame_h, story, mode="shrink")], canvas)
        _footer(canvas, profile, printed, lang)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
