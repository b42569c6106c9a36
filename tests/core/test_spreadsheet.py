"""Spreadsheet safety: text that would run as a formula is quoted, everything else is left exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from dashboard.core.spreadsheet import FORMULA_TRIGGERS, neutralise, neutralise_frame
from tests.injection import DANGEROUS, HARMLESS, TRIGGERS, csv_cells, formula_like, written


def test_sps001_triggers_are_owasps() -> None:
    assert set(FORMULA_TRIGGERS) == set(TRIGGERS)


@pytest.mark.parametrize("text", DANGEROUS)
def test_sps002_dangerous_text_gets_one_leading_quote(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_sps003_harmless_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


@pytest.mark.parametrize(
    "value",
    [-1, -1.5, 0, 3, -0.0, np.int64(-7), np.float64(-2.5), Decimal("-3.25"), True, None, np.nan, pd.NA, pd.NaT,
     dt.date(2025, 2, 1), pd.Timestamp("2025-02-01"), b"=bytes"],
    ids=repr,
)  # fmt: skip
def test_sps004_non_text_values_come_back_as_they_are(value: object) -> None:
    assert neutralise(value) is value


def test_sps005_numpy_text_counts_as_text() -> None:
    assert neutralise(np.str_("=1+1")) == "'=1+1"


def test_sps006_quoting_twice_changes_nothing_more() -> None:
    for text in DANGEROUS:
        once = neutralise(text)
        assert neutralise(once) == once


def _mixed_frame() -> pd.DataFrame:
    texts = [*DANGEROUS, *HARMLESS]
    n = len(texts)
    return pd.DataFrame(
        {
            "object": pd.Series(texts, dtype=object),
            "string": pd.Series(texts, dtype="string"),
            "str": pd.Series(texts),  # the default text dtype of this pandas
            "category": pd.Categorical(texts),
            "mixed": pd.Series([-1.5 if i % 2 else text for i, text in enumerate(texts)], dtype=object),
            "float": np.linspace(-5, 5, n),
            "int": np.arange(-n, 0),
            "nullable": pd.array([None if i % 3 == 0 else -i for i in range(n)], dtype="Int64"),
            "when": pd.date_range("2025-01-01", periods=n),
            "flag": [i % 2 == 0 for i in range(n)],
        }
    )


def test_sps010_frame_text_columns_quoted_others_untouched() -> None:
    frame = _mixed_frame()
    before = frame.copy()
    safe = neutralise_frame(frame)
    pd.testing.assert_frame_equal(frame, before)  # a copy: the caller's frame is left alone
    assert [d.name for d in safe.dtypes] == [d.name for d in frame.dtypes]  # categories renamed, kinds kept
    expected = [written(text) for text in frame["object"]]
    for column in ("object", "string", "str", "category"):
        assert safe[column].astype(object).tolist() == expected, column
    for column in ("float", "int", "nullable", "when", "flag"):
        pd.testing.assert_series_equal(safe[column], frame[column])
    # In a mixed column only the text changes: numbers stay numbers of the same type.
    for original, value in zip(frame["mixed"], safe["mixed"], strict=True):
        if isinstance(original, str):
            assert value == written(original)
        else:
            assert value == original and type(value) is type(original)


def test_sps011_missing_values_stay_missing() -> None:
    frame = pd.DataFrame(
        {
            "object": pd.Series(["=1", None, np.nan], dtype=object),
            "string": pd.Series(["=1", None, None], dtype="string"),
        }
    )
    safe = neutralise_frame(frame)
    assert safe["object"].iloc[0] == "'=1" and safe["object"].iloc[1] is None and np.isnan(safe["object"].iloc[2])
    assert safe["string"].iloc[0] == "'=1" and safe["string"].iloc[1:].isna().all()


def test_sps012_text_headers_are_cells_too() -> None:
    frame = pd.DataFrame({"=HYPERLINK(1)": [1], "desa": ["x"], 3: ["y"]})
    assert neutralise_frame(frame).columns.tolist() == ["'=HYPERLINK(1)", "desa", 3]


def test_sps013_categories_that_would_collide_fall_back_to_text() -> None:
    frame = pd.DataFrame({"c": pd.Categorical(["=a", "'=a", "b"])})
    assert neutralise_frame(frame)["c"].astype(object).tolist() == ["'=a", "'=a", "b"]


@pytest.mark.parametrize("text", ["Sukamaju\r=HYPERLINK(1)", "Sukamaju\r\n=1+1", "\r=1+1", "a\rb"])
def test_sps015_carriage_returns_cannot_start_a_row(text: str) -> None:
    """pandas quotes only its own line terminator: a bare CR would start a new row whose first cell is a formula."""
    for frame in (pd.DataFrame({"x": [text]}, dtype=object), pd.DataFrame({"x": [text]}, dtype="string")):
        if "\n" not in text:  # the gap: a lone CR is written unquoted and splits the row
            assert csv_cells(frame.to_csv(index=False))[1:] != [[text]]
        text_out = neutralise_frame(frame).to_csv(index=False)
        assert "\r" not in text_out
        cells = csv_cells(text_out)
        assert len(cells) == 2 and len(cells[1]) == 1  # still one row, one cell
        assert not formula_like(cells[1][0])


def test_sps014_empty_frame() -> None:
    empty = pd.DataFrame({"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=float)})
    safe = neutralise_frame(empty)
    assert safe.empty and safe.columns.tolist() == ["a", "b"] and safe.dtypes.tolist() == empty.dtypes.tolist()


def test_sps020_written_csv_has_no_formula_and_keeps_numbers() -> None:
    frame = _mixed_frame()
    cells = csv_cells(neutralise_frame(frame).to_csv(index=False))
    header, rows = cells[0], cells[1:]
    assert not any(formula_like(cell) for row in cells for cell in row)
    by_name = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    assert by_name["object"] == [written(text) for text in frame["object"]]
    assert by_name["int"] == [str(v) for v in frame["int"]]  # -n..-1 written as numbers, no quote
    assert by_name["float"][0] == "-5.0"


def test_sps021_written_xlsx_has_no_formula_and_keeps_numbers() -> None:
    frame = _mixed_frame()[["object", "mixed", "float", "int"]]
    buffer = io.BytesIO()
    frame.pipe(neutralise_frame).to_excel(buffer, index=False)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(frame)
    for (text, mixed, number, whole), original, number_in, whole_in in zip(
        rows, frame["object"], frame["float"], frame["int"], strict=True
    ):
        assert all(cell.data_type != "f" for cell in (text, mixed, number, whole))
        if original in DANGEROUS:
            assert isinstance(text.value, str) and text.value.startswith("'"), text.coordinate
        elif original:
            assert text.value == original
        assert number.data_type == "n" and number.value == pytest.approx(number_in)
        assert whole.data_type == "n" and whole.value == whole_in < 0
        if not isinstance(mixed.value, str):
            assert mixed.data_type == "n" and mixed.value == -1.5


def test_sps022_openpyxl_would_write_a_formula_without_it() -> None:
    """Why the XLSX path needs this too: openpyxl stores text that starts with ``=`` as a formula."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "=HYPERLINK(1)"
    sheet["A2"] = neutralise("=HYPERLINK(1)")
    assert sheet["A1"].data_type == "f"
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "'=HYPERLINK(1)"
