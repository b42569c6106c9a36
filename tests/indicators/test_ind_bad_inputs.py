"""Every bad input of the tidy template gets its own message naming the row, the column and the value."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.importers.indicators import MAX_LISTED, prepare_indicator_import
from dashboard.data.importers.model import Severity
from tests.indicators.helpers import CODES, DISTRICT, TIDY_HEADER, csv_bytes, only, tidy, villages

GOOD = f"{CODES[0]},2025-02,stunting,3,30"

# (bad line placed in row 3, after a good row 2) -> (problem key, column, value)
CASES = {
    "numerator_above_denominator": (f"{CODES[1]},2025-02,stunting,31,30", "indicators.numerator_exceeds", "pembilang",
                                    "31"),
    "negative": (f"{CODES[1]},2025-02,stunting,3,-30", "indicators.negative", "penyebut", "-30"),
    "not_a_number": (f"{CODES[1]},2025-02,stunting,dua belas,30", "indicators.not_a_number", "pembilang", "dua belas"),
    "empty_count": (f"{CODES[1]},2025-02,stunting,,30", "indicators.missing_value", "pembilang", None),
    "duplicate_key": (GOOD.replace(",3,", ",4,"), "indicators.duplicate_key", "kode_wilayah",
                      f"{CODES[0]} 2025-02 stunting"),
    "bad_period": (f"{CODES[1]},Febuary 20,stunting,3,30", "indicators.bad_period", "periode", "Febuary 20"),
    "empty_period": (f"{CODES[1]},,stunting,3,30", "indicators.missing_period", "periode", None),
    "unknown_indicator": (f"{CODES[1]},2025-02,stuntingg,3,30", "indicators.unknown_indicator", "indikator",
                          "stuntingg"),
    "not_a_code": ("99.01.01.20x1,2025-02,stunting,3,30", "indicators.bad_code", "kode_wilayah", "99.01.01.20x1"),
    # A kecamatan's own figure is accepted (issue 15); one the boundaries do not have is refused.
    "kecamatan_code": ("990109,2025-02,stunting,3,30", "levels.unknown_region", "kode_wilayah", "990109"),
    "code_not_in_district": ("9901019999,2025-02,stunting,3,30", "indicators.unknown_code", "kode_wilayah",
                             "9901019999"),
    "code_outside_district": ("5203012001,2025-02,stunting,3,30", "indicators.outside_district", "kode_wilayah",
                              "5203012001"),
    "empty_code": (",2025-02,stunting,3,30", "indicators.missing_region", "kode_wilayah", None),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_ind020_each_bad_value_is_refused_with_its_row_column_and_fix(case: str) -> None:
    line, key, column, value = CASES[case]
    batch = tidy([GOOD, line])
    assert not batch.ok
    problem = only(batch.problems, key)
    assert (problem.row, problem.column, problem.value) == (3, column, value)
    assert problem.severity is Severity.ERROR
    for lang in ("id", "en"):
        message = problem.message(lang)
        assert ("baris 3" if lang == "id" else "row 3") in message
        assert problem.reason(lang) and problem.fix(lang)
    assert [p.key for p in batch.problems] == [key]  # one message, not a cascade


def test_ind021_duplicate_names_the_first_row() -> None:
    batch = tidy([GOOD, f"{CODES[1]},2025-02,stunting,1,2", GOOD])
    problem = only(batch.problems, "indicators.duplicate_key")
    assert problem.row == 4
    assert "row 2" in problem.reason("en")


def test_ind022_unknown_indicator_fix_lists_the_keys() -> None:
    problem = only(tidy([f"{CODES[1]},2025-02,stuntingg,3,30"]).problems, "indicators.unknown_indicator")
    assert "stunting_berat" in problem.fix("en") and "vitamin_a" in problem.fix("id")


def test_ind023_missing_columns_say_which_are_expected() -> None:
    content = csv_bytes(["kode_wilayah,periode,indikator,jumlah", f"{CODES[0]},2025-02,stunting,3"])
    batch = prepare_indicator_import(content, "data.csv", villages(), {}, district_code=DISTRICT)
    problem = only(batch.problems, "indicators.missing_columns")
    assert problem.row is None
    assert "pembilang, penyebut" in problem.reason("id")
    assert "kode_wilayah, periode, indikator, pembilang, penyebut" in problem.fix("en")
    assert batch.observations.empty


@pytest.mark.parametrize(
    ("content", "name", "key"),
    [
        (b"", "data.csv", "indicators.empty_file"),
        (csv_bytes([TIDY_HEADER]), "data.csv", "indicators.empty_file"),
        (csv_bytes([TIDY_HEADER, ",,,,", ""]), "data.csv", "indicators.empty_file"),
        (b"%PDF-1.4 not a table", "laporan.pdf", "indicators.wrong_type"),
        (b"PK\x03\x04 broken zip", "data.xlsx", "indicators.unreadable"),
        (csv_bytes(["a,b", "1,2"]), "data.csv", "indicators.unknown_layout"),
        (csv_bytes([TIDY_HEADER, "1,2,3", "1,2,3,4,5,6,7"]), "data.csv", "indicators.unreadable"),
    ],
    ids=["empty", "header_only", "blank_rows", "pdf", "broken_xlsx", "unknown_layout", "ragged"],
)
def test_ind024_whole_file_problems(content: bytes, name: str, key: str) -> None:
    batch = prepare_indicator_import(content, name, villages(), {}, district_code=DISTRICT)
    problem = only(batch.problems, key)
    assert problem.file == name and problem.row is None
    assert problem.fix("id") and problem.fix("en")
    assert not batch.ok and batch.observations.empty


def test_ind025_no_boundaries_to_check_against() -> None:
    empty = pd.DataFrame(columns=villages().columns)
    batch = prepare_indicator_import(csv_bytes([TIDY_HEADER, GOOD]), "data.csv", empty, {}, district_code="99.02")
    assert "99.02" in only(batch.problems, "indicators.no_villages").reason("en")


def test_ind026_a_million_bad_rows_list_a_hundred_and_sum_up_the_rest() -> None:
    lines = [f"{CODES[0]},{2000 + i // 12}-{i % 12 + 1:02d},stunting,5,-1" for i in range(MAX_LISTED + 50)]
    batch = tidy(lines)
    negatives = [p for p in batch.problems if p.key == "indicators.negative"]
    assert len(negatives) == MAX_LISTED
    more = only(batch.problems, "indicators.more")
    assert more.column == "penyebut" and "50" in more.reason("en")


def test_ind027_bad_target_is_a_warning_only() -> None:
    content = csv_bytes([TIDY_HEADER + ",target", GOOD + ",140"])
    batch = prepare_indicator_import(content, "data.csv", villages(), {}, district_code=DISTRICT)
    assert batch.ok
    problem = only(batch.problems, "indicators.bad_target")
    assert (problem.row, problem.column, problem.severity) == (2, "target", Severity.WARNING)
