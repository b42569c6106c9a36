"""The tidy template: round trips through CSV and XLSX, dotted and undotted codes, the blank template."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from dashboard.core.indicators import CATALOGUE
from dashboard.data.importers.indicators import (
    TIDY_COLUMNS,
    TIDY_ESTIMATE_COLUMNS,
    blank_template,
    blank_template_xlsx,
    prepare_indicator_import,
    read_table,
    read_table_preview,
)
from dashboard.data.importers.model import BATCH_OBSERVATION_COLUMNS, DatasetKind, Severity
from tests.indicators.helpers import CODES, DISTRICT, TIDY_HEADER, csv_bytes, only, tidy, villages, xlsx_bytes

EXPECTED = pd.DataFrame(
    {
        "code": CODES,
        "period": ["2025-02"] * 3 + ["2025-08"] * 3,
        "indicator": ["stunting", "stunting", "vitamin_a", "stunting", "wasting", "imd"],
        "numerator": [3.0, 0.0, 40.0, 12.0, 2.5, 7.0],
        "denominator": [30.0, 25.0, 50.0, 80.0, 20.0, 7.0],
        "source_row": [2, 3, 4, 5, 6, 7],
    }
)


def _rows(dotted: bool) -> list[list[object]]:
    periods = ["2025-02", "Februari 2025", "02/2025", "Agustus 2025", "2025-08", "Agt 2025"]
    rows = []
    for (_, item), period in zip(EXPECTED.iterrows(), periods, strict=True):
        code = item["code"] if dotted else item["code"].replace(".", "")
        rows.append([code, period, item["indicator"], item["numerator"], item["denominator"]])
    return rows


def _check(batch_observations: pd.DataFrame) -> None:
    assert list(batch_observations.columns) == BATCH_OBSERVATION_COLUMNS
    pd.testing.assert_frame_equal(batch_observations.reset_index(drop=True), EXPECTED, check_dtype=False)


@pytest.mark.parametrize("dotted", [True, False], ids=["dotted", "undotted"])
def test_ind001_tidy_csv_round_trip(dotted: bool) -> None:
    lines = [",".join(str(v).removesuffix(".0") for v in row) for row in _rows(dotted)]
    batch = tidy(lines)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.kind is DatasetKind.TIDY
    assert batch.rows_read == 6
    _check(batch.observations)
    assert all(isinstance(code, str) for code in batch.observations["code"])  # codes stay text


@pytest.mark.parametrize("dotted", [True, False], ids=["dotted", "undotted"])
def test_ind002_tidy_xlsx_round_trip(dotted: bool) -> None:
    rows: list[list[object]] = [list(TIDY_HEADER.split(",")), *_rows(dotted)]
    if not dotted:  # undotted codes typed as numbers in Excel
        for row in rows[1:]:
            row[0] = int(str(row[0]))
    content = xlsx_bytes(rows)
    batch = prepare_indicator_import(content, "data.xlsx", villages(), {}, district_code=DISTRICT)
    assert batch.ok, [p.message("en") for p in batch.problems]
    _check(batch.observations)


def test_ind003_semicolons_decimal_commas_bom_dashes_and_latin1() -> None:
    lines = [
        "kode_wilayah;periode;indikator;pembilang;penyebut;target",
        f"{CODES[0]};2025-02;stunting;2,5;30;14",
        f"{CODES[1]};2025-02;Prevalensi stunting;-;1.234,0;14",  # label for the key; Excel dash for zero
    ]
    for encoding in ("utf-8-sig", "cp1252"):
        content = csv_bytes(lines, encoding)
        batch = prepare_indicator_import(content, "data.csv", villages(), {}, district_code=DISTRICT)
        assert batch.ok, [p.message("en") for p in batch.problems]
        assert batch.observations["numerator"].tolist() == [2.5, 0.0]
        assert batch.observations["denominator"].tolist() == [30.0, 1234.0]
        assert batch.observations["indicator"].tolist() == ["stunting", "stunting"]
        assert batch.extra["targets"] == {"stunting": [14.0]}


def test_ind004_blank_template_is_a_valid_csv_with_a_comment_example() -> None:
    content = blank_template()
    frame = pd.read_csv(io.BytesIO(content), dtype=str)
    assert list(frame.columns) == [*TIDY_COLUMNS, "target", *TIDY_ESTIMATE_COLUMNS]
    assert str(frame.iloc[0, 0]).startswith("#")
    as_is = prepare_indicator_import(content, "templat.csv", villages(), {}, district_code=DISTRICT)
    assert only(as_is.problems, "indicators.empty_file").severity is Severity.ERROR  # the example is not data
    filled = content + f"{CODES[0]},2025-02,stunting,3,30,14\n".encode()
    batch = prepare_indicator_import(filled, "templat.csv", villages(), {}, district_code=DISTRICT)
    assert batch.ok
    # Row 4: below the header, the two example rows (a village's counts, a survey's estimate).
    assert batch.observations[["code", "numerator", "source_row"]].values.tolist() == [[CODES[0], 3.0, 4]]


def test_ind005_blank_xlsx_template_reads_back_and_lists_the_catalogue() -> None:
    content = blank_template_xlsx()
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["data", "indikator"]
    keys = [row[0] for row in book["indikator"].iter_rows(min_row=2, values_only=True) if row[0] in CATALOGUE]
    assert keys == list(CATALOGUE)
    assert list(read_table(content, "templat.xlsx").columns) == [*TIDY_COLUMNS, "target", *TIDY_ESTIMATE_COLUMNS]


def test_ind006_read_table_numbers_rows_as_a_spreadsheet_does() -> None:
    content = csv_bytes(
        [TIDY_HEADER, "", f"{CODES[0]},2025-02,stunting,1,2", "# a note", f"{CODES[1]},2025-02,imd,1,2"]
    )
    table = read_table(content, "data.csv")
    assert table.index.tolist() == [3, 5]
    assert table.loc[3, "kode_wilayah"] == CODES[0]
    preview = read_table_preview(content, "data.csv", rows=2)
    assert preview.index.tolist() == [3] and preview.columns.tolist() == TIDY_HEADER.split(",")
