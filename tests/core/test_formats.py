"""Numbers, percentages and periods as each language writes them: the shared formats every page and export uses."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.core.periods import MONTHS_EN, MONTHS_ID, period_label
from dashboard.i18n import fmt_int, fmt_number, fmt_percent

MINUS = "\u2212"  # the true minus sign the main page's headline writes (dashboard.figures.headline)
NO_VALUE = "—"


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (0, "0,0", "0.0"),
        (0.0, "0,0", "0.0"),
        (1234567.891, "1.234.567,9", "1,234,567.9"),
        (999.95, "1.000,0", "1,000.0"),  # rounding carries into the thousands
        (27.35, "27,4", "27.4"),
        (12.0, "12,0", "12.0"),
    ],
)
def test_fmt001_number_separators_per_language(value: float, indonesian: str, english: str) -> None:
    assert fmt_number(value, "id") == indonesian
    assert fmt_number(value, "en") == english


def test_fmt002_number_decimals() -> None:
    assert fmt_number(1234.5678, "id", 2) == "1.234,57"
    assert fmt_number(1234.5678, "en", 2) == "1,234.57"
    assert fmt_number(1234.5678, "id", 0) == "1.235"
    assert fmt_number(1234.5678, "en", 0) == "1,235"


def test_fmt003_negative_numbers_carry_a_true_minus() -> None:
    # The main page writes a change as "−2,3" (U+2212, dashboard.figures.headline); a table beside it must not
    # write "-2,3": the same figure would read two ways on one screen.
    assert fmt_number(-1234.5, "id") == f"{MINUS}1.234,5"
    assert fmt_number(-1234.5, "en") == f"{MINUS}1,234.5"
    assert fmt_percent(-2.34, "id") == f"{MINUS}2,3%"
    assert fmt_int(-1234, "en") == f"{MINUS}1,234"


def test_fmt004_no_negative_zero() -> None:
    # -0.04 rounds to zero: "-0,0%" would tell a reader something fell when nothing did.
    assert fmt_number(-0.04, "id") == "0,0"
    assert fmt_percent(-0.04, "en") == "0.0%"
    assert fmt_int(-0.4, "id") == "0"


@pytest.mark.parametrize(
    "missing",
    [None, math.nan, float("nan"), np.nan, np.float64("nan"), np.float32("nan"), pd.NA],
    ids=["None", "math.nan", "float-nan", "np.nan", "float64-nan", "float32-nan", "pd.NA"],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_fmt005_missing_values_are_a_dash_never_a_repr(missing: object, lang: str) -> None:
    # Figures come out of pandas columns: float32 and nullable columns hold their own kinds of "no value".
    for text in (fmt_number(missing, lang), fmt_percent(missing, lang), fmt_int(missing, lang)):  # type: ignore[arg-type]
        assert text == NO_VALUE


def test_fmt006_percent_per_language() -> None:
    assert fmt_percent(27.34, "id") == "27,3%"
    assert fmt_percent(27.34, "en") == "27.3%"
    assert fmt_percent(27.35, "id") == "27,4%"
    assert fmt_percent(0, "id") == "0,0%"
    assert fmt_percent(100, "en") == "100.0%"
    assert fmt_percent(1234.5, "id") == "1.234,5%"
    assert fmt_percent(14, "id", 0) == "14%"


def test_fmt007_half_rounds_up_as_a_spreadsheet_does() -> None:
    # 109 stunted of 400 measured is 27.25 %: the XLSX export (Excel's "0.0") shows 27,3 %, so the page must too;
    # Python's format rounds an exact binary half to even (27,2).
    assert fmt_percent(27.25, "id") == "27,3%"
    assert fmt_percent(27.25, "en") == "27.3%"
    assert fmt_number(0.125, "en", 2) == "0.13"
    assert fmt_int(2.5, "id") == "3"


def test_fmt008_integers() -> None:
    assert fmt_int(0, "id") == "0"
    assert fmt_int(1234567.891, "id") == "1.234.568"
    assert fmt_int(1234567.891, "en") == "1,234,568"
    assert fmt_int(np.int64(1234), "id") == "1.234"  # type: ignore[arg-type]
    assert fmt_int(999, "id") == "999"


@pytest.mark.parametrize("month", range(1, 13))
def test_fmt009_period_label_every_month(month: int) -> None:
    period = f"2025-{month:02d}"
    assert period_label(period, "id") == f"{MONTHS_ID[month - 1]} 2025"
    assert period_label(period, "en") == f"{MONTHS_EN[month - 1]} 2025"


def test_fmt010_period_label_names() -> None:
    assert period_label("2025-08", "id") == "Agustus 2025"
    assert period_label("2025-08", "en") == "August 2025"
    assert period_label("2023-02", "id") == "Februari 2023"
    assert period_label("2023-02", "en") == "February 2023"
    assert period_label("2024-05", "id") == "Mei 2024"
    assert period_label("2024-12", "id") == "Desember 2024"
    assert period_label("2024", "id") == "2024"  # a survey year is its own label
    assert period_label("2024", "en") == "2024"
    assert period_label("2025-08") == "Agustus 2025"  # Indonesian by default
