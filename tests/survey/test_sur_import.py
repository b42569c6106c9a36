"""Rate-only survey estimates in the tidy template: kabupaten/kota codes, percentages, 95% bounds, a source."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.data.importers.indicators import (
    TIDY_COLUMNS,
    TIDY_ESTIMATE_COLUMNS,
    blank_template_csv,
    blank_template_xlsx,
    prepare_indicator_import,
)
from dashboard.data.importers.model import BATCH_ESTIMATE_COLUMNS, IndicatorBatch, Severity
from dashboard.data.source import DEMO_DISTRICT_CODE, DEMO_SURVEY_FILE, DemoSource
from tests.indicators.helpers import CODES, DISTRICT, csv_bytes, only, villages, xlsx_bytes

HEADER = "kode_wilayah,periode,indikator,pembilang,penyebut,nilai,batas_bawah,batas_atas,sumber"
ESTIMATES = pd.DataFrame(
    {
        "code": ["99.01", "99.01"],
        "period": ["2024", "2023"],
        "indicator": ["stunting", "stunting"],
        "value": [24.1, 23.5],
        "lower": [21.5, np.nan],
        "upper": [26.9, np.nan],
        "source": ["SSGI 2024", "SKI 2023"],
        "source_row": [3, 4],
    }
)


def _import(lines: list[str], header: str = HEADER) -> IndicatorBatch:
    return prepare_indicator_import(csv_bytes([header, *lines]), "survei.csv", villages(), {}, district_code=DISTRICT)


def _messages(batch: IndicatorBatch) -> list[str]:
    return [problem.message("en") for problem in batch.problems]


@pytest.mark.parametrize(
    ("separator", "decimal"), [(",", "."), (";", ",")], ids=["dot-comma-separated", "comma-semicolon-separated"]
)
def test_sur001_rate_only_rows_in_csv_beside_counts(separator: str, decimal: str) -> None:
    def number(text: str) -> str:
        return text.replace(".", decimal)

    lines = [
        f"{CODES[0]};2024-08;stunting;3;30;;;;",
        f"99.01;2024;stunting;;;{number('24.1')};{number('21.5')};{number('26.9')};SSGI 2024",
        f"9901;2023;Prevalensi stunting;;;{number('23.5')}%;;;SKI 2023",  # undotted code, a % sign, the label
    ]
    header = HEADER.replace(",", separator)
    batch = _import([line.replace(";", separator) for line in lines], header=header)
    assert batch.ok, _messages(batch)
    pd.testing.assert_frame_equal(batch.estimates, ESTIMATES, check_dtype=False)
    assert list(batch.estimates.columns) == BATCH_ESTIMATE_COLUMNS
    # The counts of the same file are observations as before; the estimate has none and is not among them.
    assert batch.observations[["code", "period", "numerator", "denominator"]].values.tolist() == [
        [CODES[0], "2024-08", 3.0, 30.0]
    ]
    assert batch.districts == [DISTRICT]
    assert (batch.extra["estimates"], batch.extra["periods"]) == (2, ["2023", "2024", "2024-08"])


def test_sur002_rate_only_rows_in_xlsx_as_numbers_and_as_text_with_a_decimal_comma() -> None:
    rows: list[list[object]] = [
        HEADER.split(","),
        [CODES[0], "2024-08", "stunting", 3, 30, None, None, None, None],
        ["99.01", 2024, "stunting", None, None, 24.1, 21.5, 26.9, "SSGI 2024"],  # number cells
        [9901, "2023", "stunting", None, None, "23,5", None, None, "SKI 2023"],  # text with a decimal comma
    ]
    batch = prepare_indicator_import(xlsx_bytes(rows), "survei.xlsx", villages(), {}, district_code=DISTRICT)
    assert batch.ok, _messages(batch)
    pd.testing.assert_frame_equal(batch.estimates, ESTIMATES, check_dtype=False)


def test_sur003_a_file_of_estimates_only_needs_no_count_columns_and_takes_header_synonyms() -> None:
    header = "Kode,Periode,Indikator,Value,Lower,Upper,Sumber Data"
    batch = _import(["99.01,2024,stunting,24.1,21.5,26.9,SSGI 2024"], header=header)
    assert batch.ok, _messages(batch)
    assert batch.observations.empty
    assert batch.estimates.drop(columns="source_row").values.tolist() == [
        ["99.01", "2024", "stunting", 24.1, 21.5, 26.9, "SSGI 2024"]
    ]
    assert batch.estimates["source_row"].tolist() == [2]
    # Without a nilai column the count columns stay required.
    refused = _import(["99.01,2024,stunting,SSGI 2024"], header="kode_wilayah,periode,indikator,sumber")
    assert only(refused.problems, "indicators.missing_columns").params[0] == ("missing", "pembilang, penyebut")


# (row written, problem key, column, value shown): one bad thing in each row; the file is refused.
BAD_ROWS = [
    ("99.01,2024,stunting,3,30,24.1,,,SSGI 2024", "indicators.estimate_counts_and_value", "nilai", "24.1"),
    (f"{CODES[0]},2024,stunting,,,24.1,,,SSGI 2024", "indicators.estimate_not_district_code", "kode_wilayah",
     CODES[0]),
    # A known kecamatan's estimate is accepted (issue 15); one the boundaries lack is refused.
    ("99.01.09,2024,stunting,,,24.1,,,SSGI 2024", "levels.unknown_region", "kode_wilayah", "99.01.09"),
    ("99.1x,2024,stunting,,,24.1,,,SSGI 2024", "indicators.estimate_bad_code", "kode_wilayah", "99.1x"),
    ("99.02,2024,stunting,,,24.1,,,SSGI 2024", "indicators.estimate_outside_district", "kode_wilayah", "99.02"),
    ("99.01,2024,stunting,,,dua puluh,,,SSGI 2024", "indicators.estimate_not_a_number", "nilai", "dua puluh"),
    ("99.01,2024,stunting,,,-,,,SSGI 2024", "indicators.estimate_not_a_number", "nilai", "-"),
    ("99.01,2024,stunting,,,0.241,,,SSGI 2024", None, None, None),  # a fraction is a (low) percentage: accepted
    ("99.01,2024,stunting,,,124.1,,,SSGI 2024", "indicators.estimate_out_of_range", "nilai", "124.1"),
    ("99.01,2024,stunting,,,24.1,-1,26.9,SSGI 2024", "indicators.estimate_out_of_range", "batas_bawah", "-1"),
    ("99.01,2024,stunting,,,24.1,21.5,,SSGI 2024", "indicators.estimate_one_bound", "batas_atas", None),
    ("99.01,2024,stunting,,,24.1,,26.9,SSGI 2024", "indicators.estimate_one_bound", "batas_bawah", None),
    ("99.01,2024,stunting,,,24.1,25.0,26.9,SSGI 2024", "indicators.estimate_bounds_order", "nilai", "24.1"),
    ("99.01,2024,stunting,,,24.1,26.9,21.5,SSGI 2024", "indicators.estimate_bounds_order", "nilai", "24.1"),
    ("99.01,2024,stunting,,,24.1,21.5,26.9,", "indicators.estimate_missing_source", "sumber", None),
    (f"{CODES[0]},2024-08,stunting,3,30,,21.5,,", "indicators.estimate_bound_without_value", "batas_bawah", "21.5"),
    ("99.01,2099,stunting,,,24.1,,,SSGI 2099", "problem.period_future", "periode", "2099"),
    ("99.01,tahun lalu,stunting,,,24.1,,,SSGI", "indicators.bad_period", "periode", "tahun lalu"),
    ("99.01,2024,tinggi badan,,,24.1,,,SSGI 2024", "indicators.unknown_indicator", "indikator", "tinggi badan"),
    (",2024,stunting,,,24.1,,,SSGI 2024", "indicators.missing_region", "kode_wilayah", None),
]  # fmt: skip


@pytest.mark.parametrize(("line", "key", "column", "value"), BAD_ROWS, ids=[row[1] or "fraction" for row in BAD_ROWS])
def test_sur004_every_bad_estimate_names_its_row_column_and_value(
    line: str, key: str | None, column: str | None, value: str | None
) -> None:
    good = "99.01,2023,stunting,,,23.5,,,SKI 2023"
    batch = _import([good, line])
    if key is None:
        assert batch.ok, _messages(batch)
        assert batch.estimates["value"].tolist() == [23.5, 0.241]
        return
    problem = only(batch.problems, key)
    assert (problem.row, problem.column, problem.value, problem.severity) == (3, column, value, Severity.ERROR)
    assert not batch.ok
    assert problem.reason("id") and problem.fix("id") and problem.reason("en") and problem.fix("en")
    assert problem.message("id").startswith("survei.csv, baris 3")
    # The good row is kept in the batch, but the batch is refused whole by the store (see test_sur022).
    assert "99.01 2023" in " ".join(f"{c} {p}" for c, p in batch.estimates[["code", "period"]].values)


def test_sur005_both_counts_and_a_value_is_refused_with_the_fix_spelled_out() -> None:
    batch = _import(["99.01,2024,stunting,3,30,24.1,,,SSGI 2024"])
    problem = only(batch.problems, "indicators.estimate_counts_and_value")
    assert "isi pembilang dan penyebut, atau nilai — bukan keduanya" in problem.fix("id").lower()
    assert batch.estimates.empty and batch.observations.empty


def test_sur006_a_village_code_with_only_a_value_is_refused_for_each_row() -> None:
    batch = _import([f"{CODES[1]},2024,stunting,,,24.1,,,SSGI 2024", f"{CODES[1]},2023,stunting,,,22.0,,,SKI 2023"])
    problem = only(batch.problems, "indicators.estimate_not_district_code")
    assert (problem.row, problem.value, dict(problem.params)) == (2, CODES[1], {"rows": 2, "level": "desa"})
    assert problem.reason("en") == (
        "this is a desa code; a value without numerator and denominator is accepted for a district only (2 rows)"
    )


def test_sur007_an_unknown_kabupaten_is_refused_with_or_without_a_chosen_district() -> None:
    scoped = _import(["52.03,2024,stunting,,,24.1,,,SSGI 2024"])
    problem = only(scoped.problems, "indicators.estimate_outside_district")
    assert (problem.row, problem.value, dict(problem.params)) == (2, "52.03", {"rows": 1, "district": DISTRICT})
    content = csv_bytes([HEADER, "5203,2024,stunting,,,24.1,,,SSGI 2024", "99.01,2024,stunting,,,24.1,,,SSGI 2024"])
    unscoped = prepare_indicator_import(content, "survei.csv", villages(), {})
    problem = only(unscoped.problems, "indicators.estimate_unknown_district")
    assert (problem.row, problem.value, dict(problem.params)) == (2, "5203", {"rows": 1, "district": "-"})
    assert unscoped.estimates["code"].tolist() == ["99.01"]


def test_sur008_the_same_district_period_and_indicator_twice_is_refused() -> None:
    batch = _import(["99.01,2024,stunting,,,24.1,,,SSGI 2024", "9901,2024,stunting,,,25.0,,,SKI 2024"])
    problem = only(batch.problems, "indicators.estimate_duplicate_key")
    assert (problem.row, problem.value, dict(problem.params)) == (3, "99.01 2024 stunting", {"first": 2})


def test_sur009_the_blank_templates_carry_the_estimate_columns_and_a_survey_example() -> None:
    csv_text = blank_template_csv().decode()
    header, count_example, survey_example = csv_text.splitlines()
    assert header.split(",") == [*TIDY_COLUMNS, "target", *TIDY_ESTIMATE_COLUMNS]
    assert count_example.startswith("#") and survey_example.startswith("# contoh survei: 52.03,2024,stunting")
    # The survey example, uncommented and for a district Lokus knows, imports as one estimate.
    filled = csv_text + survey_example.removeprefix("# contoh survei: ").replace("52.03", "99.01") + "\n"
    batch = prepare_indicator_import(filled.encode(), "templat.csv", villages(), {}, district_code=DISTRICT)
    assert batch.ok, _messages(batch)
    assert batch.estimates.drop(columns="source_row").values.tolist() == [
        ["99.01", "2024", "stunting", 24.1, 21.5, 26.9, "SSGI 2024"]
    ]
    book = openpyxl.load_workbook(io.BytesIO(blank_template_xlsx()))
    data = list(book["data"].iter_rows(values_only=True))
    assert list(data[0]) == [*TIDY_COLUMNS, "target", *TIDY_ESTIMATE_COLUMNS]
    assert data[1][0] == "# contoh survei: 52.03" and data[1][6:] == (24.1, 21.5, 26.9, "SSGI 2024")
    notes = " ".join(str(row[0]) for row in book["indikator"].iter_rows(values_only=True) if row and row[0])
    for word in ("nilai:", "batas_bawah, batas_atas:", "sumber:", "kode kabupaten/kota"):
        assert word in notes


def test_sur010_the_demo_survey_file_is_a_valid_template_file() -> None:
    geodata = Settings().geodata_dir
    source = DemoSource(geodata)
    content = (Path(geodata) / DEMO_SURVEY_FILE).read_bytes()
    batch = prepare_indicator_import(content, DEMO_SURVEY_FILE, source.villages(DEMO_DISTRICT_CODE), {},
                                     district_code=DEMO_DISTRICT_CODE)  # fmt: skip
    assert batch.ok, _messages(batch)
    expected = source.estimates(DEMO_DISTRICT_CODE)
    pd.testing.assert_frame_equal(batch.estimates.drop(columns="source_row"), expected.reset_index(drop=True),
                                  check_dtype=False)  # fmt: skip
    assert expected["source"].unique().tolist() == ["Survei contoh (fiktif)"]
    assert expected[["period", "value", "lower", "upper"]].values.tolist() == [
        ["2023", 28.4, 25.3, 31.7], ["2024", 26.1, 23.2, 29.2], ["2025", 24.1, 21.5, 26.9]
    ]  # fmt: skip
