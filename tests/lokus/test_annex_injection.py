"""The decree annex with hostile names and reasons: CSV and XLSX carry them as text, never as a formula."""

from __future__ import annotations

import io

import geopandas as gpd
import pytest
import shapely
from openpyxl import load_workbook
from PIL import Image

from dashboard.data import annex
from dashboard.data.annex import AnnexTitle, annex_csv, annex_png, annex_table, annex_xlsx
from tests.injection import DANGEROUS, HARMLESS, HYPERLINK, csv_cells, formula_like, written, xlsx_cells

TITLE = AnnexTitle("Kabupaten Uji", 2025, HYPERLINK, "2025-08")
HEADER_ROW = 8  # the decree's header block, the title lines, a blank row, then the header


def _row(i: int, desa: str, kecamatan: str = "Kecamatan Satu", alasan: str = "Peringkat 1") -> dict[str, object]:
    return {
        "kecamatan": kecamatan,
        "desa": desa,
        "kode": f"52.91.01.2{i:03d}",
        "prevalensi": 12.5 + i,
        "jumlah_stunting": 4 + i,
        "skor": -1.5 if i % 2 else None,  # a negative score is a number, not a formula
        "alasan": alasan,
    }


def _rows(texts: tuple[str, ...], field: str) -> list[dict[str, object]]:
    rows = []
    for i, text in enumerate(texts, start=1):
        row = _row(i, "Sukamaju")
        row[field] = text
        rows.append(row)
    return rows


@pytest.mark.parametrize("field", ["desa", "kecamatan", "alasan"])
def test_ann001_csv_has_no_formula(field: str) -> None:
    table = annex_table(_rows(DANGEROUS, field))
    cells = csv_cells(annex_csv(table, "id"), separator=";")
    assert len(cells) == 1 + len(DANGEROUS)  # one row per village: no carriage return split one
    column = cells[0].index({"desa": "Desa/Kelurahan", "kecamatan": "Kecamatan", "alasan": "Alasan"}[field])
    assert not any(formula_like(cell) for row in cells for cell in row)
    for row, text in zip(cells[1:], DANGEROUS, strict=True):
        assert row[column] == written(text) and row[column].startswith("'")


@pytest.mark.parametrize("field", ["desa", "kecamatan", "alasan"])
def test_ann002_xlsx_has_no_formula(field: str) -> None:
    table = annex_table(_rows(DANGEROUS, field))
    data = annex_xlsx(table, TITLE, "id")
    assert all(kind != "f" for _, _, kind in xlsx_cells(data))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    column = 1 + list(annex.ANNEX_KEYS).index(field)
    values = [sheet.cell(row=HEADER_ROW + i, column=column).value for i in range(1, len(DANGEROUS) + 1)]
    assert all(isinstance(value, str) and value.startswith("'") for value in values)
    assert values == [written(text) for text in DANGEROUS]


def test_ann003_hyperlink_as_village_name_and_as_reason() -> None:
    table = annex_table([_row(1, HYPERLINK, alasan=HYPERLINK)])
    csv_row = csv_cells(annex_csv(table, "id"), separator=";")[1]
    assert csv_row[2] == csv_row[7] == "'" + HYPERLINK
    sheet = load_workbook(io.BytesIO(annex_xlsx(table, TITLE, "id"))).active
    assert sheet is not None
    for coordinate in ("C9", "H9"):
        assert sheet[coordinate].data_type == "s" and sheet[coordinate].value == "'" + HYPERLINK


def test_ann004_ordinary_names_unchanged_and_numbers_stay_numbers() -> None:
    names = tuple(text for text in HARMLESS if text)
    table = annex_table([_row(i, name, alasan=name) for i, name in enumerate(names, start=1)])
    rows = csv_cells(annex_csv(table, "id"), separator=";")[1:]
    assert [row[2] for row in rows] == [row[7] for row in rows] == list(names)
    assert rows[0][4] == "13,5" and rows[0][5] == "5" and rows[0][6] == "-1,5" and rows[1][6] == "—"
    sheet = load_workbook(io.BytesIO(annex_xlsx(table, TITLE, "id"))).active
    assert sheet is not None
    first = HEADER_ROW + 1
    assert [sheet.cell(row=first + i, column=3).value for i in range(len(names))] == list(names)
    assert sheet.cell(row=first, column=1).value == 1 and sheet.cell(row=first, column=1).data_type == "n"
    prevalence, count, score = (sheet.cell(row=first, column=c) for c in (5, 6, 7))
    assert (prevalence.value, prevalence.data_type, prevalence.number_format) == (13.5, "n", "0.0")
    assert (count.value, count.data_type) == (5, "n")
    assert (score.value, score.data_type) == (-1.5, "n")  # negative, still a number cell
    assert sheet.cell(row=first + 1, column=7).value is None


def test_ann005_title_lines_are_text() -> None:
    for scenario in DANGEROUS:
        title = AnnexTitle(scenario, 2025, scenario, "2025-08")
        data = annex_xlsx(annex_table([_row(1, "Sukamaju")]), title, "id")
        assert all(kind != "f" for _, _, kind in xlsx_cells(data))
        sheet = load_workbook(io.BytesIO(data)).active
        assert sheet is not None and str(sheet["A5"].value).startswith("Lampiran:")


def test_ann006_png_is_untouched_by_the_text_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The map draws text as pixels: the same picture whether or not the spreadsheet rules exist."""
    villages = gpd.GeoDataFrame(
        {"code": ["52.91.01.2001", "52.91.01.2002"]},
        geometry=[shapely.box(116.40, -8.60, 116.41, -8.59), shapely.box(116.41, -8.60, 116.42, -8.59)],
        crs=4326,
    )
    title = AnnexTitle(HYPERLINK, 2025, HYPERLINK, "2025-08")
    before = annex_png(villages, ["52.91.01.2001"], title, "id", width=400)

    def refuse(value: object) -> object:
        raise AssertionError("the PNG must not go through the spreadsheet rules")

    monkeypatch.setattr(annex, "neutralise", refuse)
    monkeypatch.setattr(annex, "neutralise_frame", refuse)
    after = annex_png(villages, ["52.91.01.2001"], title, "id", width=400)
    image = Image.open(io.BytesIO(after))
    assert image.format == "PNG" and image.width == 400
    assert Image.open(io.BytesIO(before)).tobytes() == image.tobytes()
