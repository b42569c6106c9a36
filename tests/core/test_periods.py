"""Periods as districts write them."""

import pytest

from dashboard.core.periods import PeriodError, parse_period, period_label, previous_period


@pytest.mark.parametrize(
    ("raw", "month", "expected"),
    [
        ("2025-02", None, "2025-02"),
        ("2025-2", None, "2025-02"),
        ("2025-08-01", None, "2025-08"),
        ("02/2025", None, "2025-02"),
        ("Februari 2025", None, "2025-02"),
        ("Pebruari 2025", None, "2025-02"),
        ("AGUSTUS 2024", None, "2024-08"),
        ("Aug-2024", None, "2024-08"),
        ("2024", None, "2024"),
        ("2025", "Desember", "2025-12"),
        (2025.0, "Nopember", "2025-11"),
    ],
)
def test_per001_parses_the_forms_files_use(raw: object, month: object, expected: str) -> None:
    assert parse_period(raw, month) == expected


@pytest.mark.parametrize("raw", ["", "2025-13", "Febuary", "13/2025", "kemarin", "1850"])
def test_per002_refuses_unreadable_periods(raw: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(raw)


def test_per003_labels_in_each_language() -> None:
    assert period_label("2025-08", "id") == "Agustus 2025"
    assert period_label("2025-08", "en") == "August 2025"
    assert period_label("2024", "en") == "2024"


def test_per004_previous_is_the_latest_earlier_available_period() -> None:
    available = ["2024-02", "2023-08", "2024-08", "2023-02"]
    assert previous_period("2024-08", available) == "2024-02"
    assert previous_period("2023-02", available) is None
