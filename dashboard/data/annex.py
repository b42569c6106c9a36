"""The lokus desa list as the regent's decree annex: a table (CSV, XLSX) and a map (PNG).

Every export is built from the same rows the planning page shows (:func:`annex_table`), so the file
lists exactly the villages, order, figures and reasons on screen. Numbers are written as the page
writes them (one decimal, Indonesian decimal comma in CSV text; real numbers with a one-decimal
format in XLSX so they can still be summed).

Names, reasons and the scenario title are typed by people (a boundary file's village names, a
planner's reason), so every text cell goes through :mod:`dashboard.core.spreadsheet` before it is
written: a name like ``=HYPERLINK(...)`` reaches Excel as text, never as a formula (OWASP, "CSV
Injection"). The PNG draws text as pixels and needs nothing of the kind.

The PNG is drawn on the server with Pillow from the village polygons: no browser, no tile server, no
network, so it works in the briefing room and in tests alike.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd
import shapely
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from PIL import Image, ImageDraw, ImageFont

from dashboard.core.spreadsheet import neutralise, neutralise_frame
from dashboard.i18n import fmt_number, t

__all__ = ["ANNEX_KEYS", "AnnexTitle", "annex_csv", "annex_png", "annex_table", "annex_xlsx"]

# Column keys in decree order; labels come from i18n ``annex.col.<key>``.
ANNEX_KEYS = ("no", "kecamatan", "desa", "kode", "prevalensi", "jumlah_stunting", "skor", "alasan")
_NUMBERS = {"prevalensi": 1, "jumlah_stunting": 0, "skor": 1}  # key -> decimals
SELECTED_FILL = (179, 0, 0)
OTHER_FILL = (236, 236, 236)
EDGE = (255, 255, 255)


@dataclass(frozen=True)
class AnnexTitle:
    """What heads the annex: district, year, scenario and data period."""

    district: str
    year: int
    scenario: str
    period: str


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
    """Semicolon-separated UTF-8 with a byte-order mark, as Excel in Indonesia opens it; numbers as on screen."""
    shown = neutralise_frame(table)  # before the numbers become text: a formatted "-1,5" is ours, not a formula
    for key, decimals in _NUMBERS.items():
        shown[key] = [fmt_number(None if pd.isna(v) else float(v), lang, decimals) for v in shown[key]]
    shown.columns = _labels(lang)
    return shown.to_csv(sep=";", index=False).encode("utf-8-sig")


def annex_xlsx(table: pd.DataFrame, title: AnnexTitle, lang: str) -> bytes:
    """One sheet: the annex title, then the table with bold headers, number formats and fitted widths."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("annex.sheet", lang)
    for line, text in enumerate(_heading(title, lang), start=1):
        sheet.cell(row=line, column=1, value=neutralise(text)).font = Font(bold=line == 1, size=13 if line == 1 else 10)
    header_row = 4
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
    widths = {"no": 5, "kecamatan": 22, "desa": 26, "kode": 16, "prevalensi": 13, "jumlah_stunting": 13, "skor": 9}
    for column, key in enumerate(ANNEX_KEYS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(key, 60)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def annex_png(
    villages: gpd.GeoDataFrame, selected: Sequence[str], title: AnnexTitle, lang: str, width: int = 1600
) -> bytes:
    """The district's villages with the selected ones filled, a title and a legend, as PNG bytes."""
    margin, header, footer = 40, 110, 70
    minx, miny, maxx, maxy = villages.total_bounds
    # Equirectangular with the latitude's cosine: near the equator that is close enough for a district map.
    aspect = math.cos(math.radians((miny + maxy) / 2))
    span_x, span_y = max((maxx - minx) * aspect, 1e-9), max(maxy - miny, 1e-9)
    scale = (width - 2 * margin) / span_x
    height = int(span_y * scale) + header + footer + margin
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    chosen = set(selected)

    def pixels(ring: shapely.LinearRing) -> list[tuple[float, float]]:
        return [(margin + (x - minx) * aspect * scale, header + (maxy - y) * scale) for x, y in ring.coords]

    for code, geometry in zip(villages["code"].astype(str), villages.geometry, strict=True):
        fill = SELECTED_FILL if code in chosen else OTHER_FILL
        for polygon in getattr(geometry, "geoms", [geometry]):
            if polygon.is_empty:
                continue
            draw.polygon(pixels(polygon.exterior), fill=fill, outline=EDGE)
            for hole in polygon.interiors:
                draw.polygon(pixels(hole), fill=(255, 255, 255))
    big, small = ImageFont.load_default(size=34), ImageFont.load_default(size=22)
    heading = _heading(title, lang)
    draw.text((margin, 20), heading[0], fill=(20, 20, 20), font=big)
    draw.text((margin, 66), heading[1], fill=(80, 80, 80), font=small)
    y = height - footer + 20
    draw.rectangle((margin, y, margin + 30, y + 24), fill=SELECTED_FILL)
    draw.text((margin + 42, y), t("annex.legend.selected", lang, n=len(chosen)), fill=(20, 20, 20), font=small)
    draw.rectangle((margin + 420, y, margin + 450, y + 24), fill=OTHER_FILL, outline=(160, 160, 160))
    draw.text((margin + 462, y), t("annex.legend.other", lang), fill=(20, 20, 20), font=small)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
