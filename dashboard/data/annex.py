"""The lokus desa list as the regent's decree annex: a table (CSV, XLSX, PDF) and a map (PNG).

Every export is built from the same rows the planning page shows (:func:`annex_table`), so the file
lists exactly the villages, order, figures and reasons on screen. Numbers are written as the page
writes them (one decimal, Indonesian decimal comma in CSV text; real numbers with a one-decimal
format in XLSX so they can still be summed).

Names, reasons and the scenario title are typed by people (a boundary file's village names, a
planner's reason), so every text cell goes through :mod:`dashboard.core.spreadsheet` before it is
written: a name like ``=HYPERLINK(...)`` reaches Excel as text, never as a formula (OWASP, "CSV
Injection"). The PNG draws text as pixels and needs nothing of the kind.

The XLSX and the PDF print as the decree's annex: A4 landscape, one page wide, the column headers repeated
on every page, a header block ("Lampiran Keputusan Bupati … Nomor … Tanggal …", its fields filled before the
export or left as dotted lines to fill by hand) and a signature block (jabatan, nama, NIP).

The map is drawn on the server by :mod:`dashboard.figures.static_map`, the renderer of the brief's maps:
village numbers matching the table's, kecamatan borders and names, villages added by hand hatched apart from
those the method chose, villages without data apart from villages not chosen, a scale bar, a north arrow and
the source line. No browser, no tile server, no network.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

import geopandas as gpd
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dashboard.brief.pdf import REGULAR, style
from dashboard.core.aggregate import number_or_none
from dashboard.core.indicators import STUNTING
from dashboard.core.spreadsheet import neutralise, neutralise_frame
from dashboard.data.store import Store
from dashboard.figures.static_map import Fill, MapSpec, natural_height, render
from dashboard.i18n import MINUS, TEXTS, fmt_number, t

__all__ = [
    "ANNEX_KEYS",
    "AnnexTitle",
    "Decree",
    "annex_csv",
    "annex_pdf",
    "annex_png",
    "annex_table",
    "annex_xlsx",
    "authority_of",
    "hand_added",
    "lokus_map_spec",
    "source_line",
]

# Column keys in decree order; labels come from i18n ``annex.col.<key>``.
ANNEX_KEYS = ("no", "kecamatan", "desa", "kode", "prevalensi", "jumlah_stunting", "skor", "alasan")
_NUMBERS = {"prevalensi": 1, "jumlah_stunting": 0, "skor": 1}  # key -> decimals
SELECTED_FILL = "#b30000"  # chosen by the method
ADDED_FILL = "#f16913"  # added by hand (also hatched, so it reads apart in black and white)
OTHER_FILL = "#ececec"  # not chosen
NO_DATA_FILL = "#ffffff"  # no data for the period (dotted)
_BLANK = "…………………"  # a field left to fill by hand on the printed page


@dataclass(frozen=True)
class AnnexTitle:
    """What heads the annex: district, year, scenario and data period."""

    district: str
    year: int
    scenario: str
    period: str


@dataclass(frozen=True)
class Decree:
    """The decree the annex belongs to, typed on the lokus page before the export; an empty field prints as a
    dotted line to fill by hand. ``authority`` is who decrees, e.g. "Bupati Contoh" (:func:`authority_of`)."""

    authority: str = ""
    number: str = ""
    date: str = ""
    signer_title: str = ""  # jabatan, e.g. "Bupati Contoh" or "Sekretaris Daerah"
    signer_name: str = ""
    signer_nip: str = ""


def authority_of(district_name: str, lang: str = "id") -> str:
    """Who signs a district's decrees: "Kabupaten Lombok Timur" → "Bupati Lombok Timur", "Kota Bontang" →
    "Wali Kota Bontang".

    >>> authority_of("Kabupaten Lombok Timur"), authority_of("Kota Bontang"), authority_of("Kota Bontang", "en")
    ('Bupati Lombok Timur', 'Wali Kota Bontang', 'Mayor of Bontang')
    """
    name = district_name.strip()
    for prefix, key in (("Kabupaten ", "annex.authority.regent"), ("Kota ", "annex.authority.mayor")):
        if name.startswith(prefix):
            return t(key, lang, name=name[len(prefix) :])
    return t("annex.authority.regent", lang, name=name)


def hand_added(settings: Mapping[str, Any]) -> set[str]:
    """Codes of a scenario's villages added by hand: those whose last change by hand is an "add".

    >>> sorted(hand_added({"adjustments": [{"code": "a", "action": "add"}, {"code": "b", "action": "add"},
    ...                                    {"code": "b", "action": "remove"}]}))
    ['a']
    """
    last: dict[str, str] = {}
    for adjustment in settings.get("adjustments") or ():
        if isinstance(adjustment, Mapping) and "code" in adjustment:
            last[str(adjustment["code"])] = str(adjustment.get("action", ""))
    return {code for code, action in last.items() if action == "add"}


def source_line(store: Store | None, district: str, lang: str, indicators: Collection[str] = (STUNTING,)) -> str:
    """The source line of the printed outputs (the annex's map, the brief): "Sumber: <file> (<kind>, diimpor
    <date>); …" over the imports that hold the district's outlines or its figures of ``indicators`` (stunting, what
    both print), newest first; ``store`` None for a fixed source."""
    if store is None:
        return t("brief.source.none", lang)
    holding = store.datasets_for(district, indicators)
    parts = []
    for info in store.datasets():
        if district in info.districts and info.status == "imported" and info.id in holding:
            key = f"data.kind.{info.kind}"
            kind = t(key, lang) if key in TEXTS else info.kind
            parts.append(
                t("brief.source.item", lang, file=info.file_name, kind=kind, day=info.created_at.strftime("%d/%m/%Y"))
            )
    return t("brief.source", lang, items="; ".join(parts[:4]) or "—")


def annex_table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """The annex's rows (numbered from 1) from the page's selected rows, in their order.

    Each row needs ``kecamatan``, ``desa``, ``kode``, ``prevalensi``, ``jumlah_stunting``, ``skor``
    (None where the method gives none) and ``alasan``.
    """
    table = pd.DataFrame(list(rows), columns=list(ANNEX_KEYS[1:]))
    table.insert(0, "no", range(1, len(table) + 1))
    return table


def _labels(lang: str) -> list[str]:
    return [t(f"annex.col.{key}", lang) for key in ANNEX_KEYS]


def _heading(title: AnnexTitle, lang: str) -> list[str]:
    """The annex's title and the line under it (scenario, data period, print date)."""
    return [
        t("annex.title", lang, year=title.year, district=title.district),
        t(
            "annex.subtitle",
            lang,
            scenario=title.scenario,
            period=title.period,
            today=date.today().strftime("%d/%m/%Y"),
        ),
    ]


def annex_csv(table: pd.DataFrame, lang: str) -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark, as Excel in Indonesia opens it; numbers as on screen but
    with an ASCII hyphen for a negative, which a spreadsheet reads as a number."""
    shown = neutralise_frame(table)  # before the numbers become text: a formatted "-1,5" is ours, not a formula
    for key, decimals in _NUMBERS.items():
        shown[key] = [
            fmt_number(None if pd.isna(v) else float(v), lang, decimals).replace(MINUS, "-") for v in shown[key]
        ]
    shown.columns = _labels(lang)
    return shown.to_csv(sep=";", index=False).encode("utf-8-sig")


def _decree_lines(decree: Decree, lang: str) -> list[str]:
    """The header block: "Lampiran Keputusan Bupati Contoh", "Nomor: …", "Tanggal: …"."""
    return [
        t("annex.decree", lang, authority=decree.authority or _BLANK),
        t("annex.decree.number", lang, number=decree.number or _BLANK),
        t("annex.decree.date", lang, date=decree.date or _BLANK),
    ]


def _signature_lines(decree: Decree, lang: str) -> list[str]:
    """The signature block: jabatan, room to sign, nama, NIP."""
    title = decree.signer_title or decree.authority or _BLANK
    return [
        f"{title},",
        "",
        "",
        "",
        decree.signer_name or _BLANK,
        t("annex.nip", lang, nip=decree.signer_nip or _BLANK),
    ]


def annex_xlsx(table: pd.DataFrame, title: AnnexTitle, lang: str, decree: Decree | None = None) -> bytes:
    """One sheet ready to print: the header block (top right), the annex title, the table with bold headers,
    number formats and fitted widths, and the signature block; A4 landscape, one page wide, headers repeated."""
    decree = decree or Decree()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("annex.sheet", lang)
    right = len(ANNEX_KEYS) - 1  # the header and signature blocks sit over the last columns, as on paper
    for line, text in enumerate(_decree_lines(decree, lang), start=1):
        sheet.cell(row=line, column=right, value=neutralise(text)).font = Font(size=10)
    for line, text in enumerate(_heading(title, lang), start=5):
        sheet.cell(row=line, column=1, value=neutralise(text)).font = Font(bold=line == 5, size=13 if line == 5 else 10)
    header_row = 8
    for column, label in enumerate(_labels(lang), start=1):
        cell = sheet.cell(row=header_row, column=column, value=label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, record in enumerate(neutralise_frame(table).itertuples(index=False), start=1):
        for column, (key, value) in enumerate(zip(ANNEX_KEYS, record, strict=True), start=1):
            cell = sheet.cell(row=header_row + offset, column=column, value=None if pd.isna(value) else value)
            if key in _NUMBERS and cell.value is not None:
                cell.number_format = "0" if _NUMBERS[key] == 0 else "0.0"
            if key == "alasan":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    first_signature = header_row + len(table) + 3
    for line, text in enumerate(_signature_lines(decree, lang)):
        if text:
            cell = sheet.cell(row=first_signature + line, column=right, value=neutralise(text))
            cell.font = Font(bold=line == 4, underline="single" if line == 4 else None)
    widths = {"no": 5, "kecamatan": 22, "desa": 26, "kode": 16, "prevalensi": 13, "jumlah_stunting": 13, "skor": 9}
    for column, key in enumerate(ANNEX_KEYS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(key, 60)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _print_setup(sheet, header_row, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _print_setup(sheet: Any, header_row: int, lang: str) -> None:
    """A4 landscape, every column on one page's width (as many pages down as needed), the header row on every
    page, centred, page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    sheet.oddFooter.center.text = t("annex.page", lang, page="&P", pages="&N")


def lokus_map_spec(
    villages: gpd.GeoDataFrame,
    selected: Sequence[str],
    added: Collection[str],
    reported: Collection[str] | None,
    lang: str,
    title: str = "",
    source: str = "",
    width_in: float = 10.6,
    height_in: float | None = None,
) -> MapSpec:
    """The lokus map: each selected village numbered as the table numbers it (1 = first row), those added by hand
    hatched apart from those the method chose, villages without data (not in ``reported``, when given) dotted
    apart from villages not chosen. ``height_in`` defaults to the height the district's shape needs."""
    chosen = list(dict.fromkeys(selected))
    by_hand = set(added) & set(chosen)
    codes = set(villages["code"].astype(str))
    missing = set() if reported is None else codes - set(reported) - set(chosen)
    fills = [Fill(SELECTED_FILL, t("annex.legend.selected", lang, n=len(chosen) - len(by_hand)))]
    if by_hand:
        fills.append(Fill(ADDED_FILL, t("annex.legend.added", lang, n=len(by_hand)), hatch="////"))
    other = len(fills)
    fills.append(Fill(OTHER_FILL, t("annex.legend.other", lang)))
    if missing:
        fills.append(Fill(NO_DATA_FILL, t("annex.legend.no_data", lang, n=len(missing)), hatch="...."))
    fill_of = {code: (1 if code in by_hand else 0) for code in chosen}
    fill_of |= {code: len(fills) - 1 for code in missing}
    spec = MapSpec(
        villages,
        fill_of,
        tuple(fills),
        other,
        t("annex.legend.title", lang),
        lang=lang,
        title=title,
        source=source,
        numbers={code: number for number, code in enumerate(chosen, start=1)},
        width_in=width_in,
    )
    return _with_height(spec, height_in)


def _with_height(spec: MapSpec, height_in: float | None) -> MapSpec:
    return replace(spec, height_in=height_in if height_in is not None else natural_height(spec))


def annex_png(
    villages: gpd.GeoDataFrame,
    selected: Sequence[str],
    title: AnnexTitle,
    lang: str,
    width: int = 1600,
    *,
    added: Collection[str] = (),
    reported: Collection[str] | None = None,
    source: str = "",
) -> bytes:
    """The lokus map (:func:`lokus_map_spec`) under the annex's title, ``width`` pixels wide, as PNG bytes."""
    heading = " — ".join(_heading(title, lang))
    spec = lokus_map_spec(villages, selected, added, reported, lang, title=heading, source=source)
    return render(spec).png(dpi=width / spec.width_in)


_PDF_WIDTHS_MM = {"no": 9, "kecamatan": 34, "desa": 40, "kode": 28, "prevalensi": 21, "jumlah_stunting": 21, "skor": 13}


def _pdf_cell(key: str, value: object, lang: str) -> str:
    """A cell of the PDF's table as text: figures in the language's format, the row number as a whole number
    (it matches the number on the map), text escaped for ReportLab's markup, nothing for a missing value."""
    if key in _NUMBERS:
        return fmt_number(number_or_none(value), lang, _NUMBERS[key])
    if key == "no":
        number = number_or_none(value)
        return "" if number is None else str(int(number))
    return escape(value) if isinstance(value, str) else ""


def annex_pdf(
    table: pd.DataFrame,
    title: AnnexTitle,
    lang: str,
    decree: Decree | None = None,
    villages: gpd.GeoDataFrame | None = None,
    added: Collection[str] = (),
    reported: Collection[str] | None = None,
    source: str = "",
) -> bytes:
    """The annex as a PDF to print and sign: the same header block, title, table and signature block as the XLSX
    on A4 landscape (the header row repeated on every page), then, given the ``villages``, the lokus map on a page
    of its own (:func:`lokus_map_spec`, numbered as the table)."""
    decree = decree or Decree()
    page = landscape(A4)
    margin = 14 * mm
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=_heading(title, lang)[0],
        author="Lokus",
    )
    body, small, bold = style("annex.body", 8), style("annex.small", 7.5), style("annex.bold", 8, bold=True)
    width = page[0] - 2 * margin
    block_w = 100 * mm

    def right_block(lines: list[str]) -> Table:
        text = "<br/>".join(escape(line) if line else "&nbsp;" for line in lines)
        block = Table(
            [["", Paragraph(text, style("annex.block", 9.5, leading=13))]], colWidths=[width - block_w, block_w]
        )
        block.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return block

    heading = _heading(title, lang)
    widths = [_PDF_WIDTHS_MM.get(key, 0) * mm for key in ANNEX_KEYS]
    widths[-1] = width - sum(widths)
    rows = [[Paragraph(escape(label), bold) for label in _labels(lang)]]
    for record in table.itertuples(index=False):
        rows.append(
            [Paragraph(_pdf_cell(key, value, lang), body) for key, value in zip(ANNEX_KEYS, record, strict=True)]
        )
    grid = Table(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    story: list[Any] = [
        right_block(_decree_lines(decree, lang)),
        Spacer(1, 6 * mm),
        Paragraph(escape(heading[0]), style("annex.title", 12, bold=True)),
        Paragraph(escape(heading[1]), small),
        Spacer(1, 4 * mm),
        grid,
        Spacer(1, 8 * mm),
        KeepTogether(right_block(_signature_lines(decree, lang))),
    ]
    if villages is not None and not villages.empty:
        frame_h = page[1] - 2 * margin - 12
        spec = lokus_map_spec(
            villages,
            table["kode"].astype(str).tolist(),
            added,
            reported,
            lang,
            title=" — ".join(heading),
            source=source,
            width_in=width / 72,
        )
        spec = replace(spec, height_in=min(spec.height_in, frame_h / 72))
        picture = io.BytesIO(render(spec).png(dpi=220))
        story += [PageBreak(), Image(picture, width=spec.width_in * 72, height=spec.height_in * 72)]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.drawRightString(page[0] - margin, margin / 2, t("annex.page.one", lang, page=doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
