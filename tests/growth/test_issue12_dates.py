"""Issue 12, point 9b: day/month order of date columns, inferred per column from the cells that prove it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.data.importers.eppgbm import DateOrder, date_evidence, parse_dates, read_measurements
from dashboard.data.importers.model import IndicatorBatch, Severity

VILLAGE = "99.01.01.2001"
TODAY = date(2025, 12, 31)
HEADER = "NIK;Nama;JK;Tgl Lahir;kode_wilayah;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur"


def _write(path: Path, rows: list[tuple[date, date]], fmt: str) -> Path:
    """One child per (birth, measured), both dates written with ``fmt`` (e.g. ``%m/%d/%Y``)."""
    lines = [HEADER]
    for i, (born, measured) in enumerate(rows):
        lines.append(f"99{i:014d};Anak {i};L;{born.strftime(fmt)};{VILLAGE};{measured.strftime(fmt)};9,5;75,0;L")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _keys(batch: IndicatorBatch, severity: Severity | None = None) -> list[str]:
    return [p.key for p in batch.problems if severity is None or p.severity is severity]


# Measurements on days over 12 (prove the order) and a birth on a day over 12.
PROVING = [(date(2024, 3, 25), date(2025, 2, 14)), (date(2023, 11, 5), date(2025, 2, 3))]


@pytest.mark.parametrize("separator", ["/", "-", "."])
@pytest.mark.parametrize("month_first", [False, True])
def test_i12d001_each_order_and_separator_reads_the_same_dates(
    tmp_path: Path, separator: str, month_first: bool
) -> None:
    fmt = separator.join(["%m", "%d", "%Y"] if month_first else ["%d", "%m", "%Y"])
    batch = read_measurements(_write(tmp_path / "f.csv", PROVING, fmt), today=TODAY)
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["periods"] == ["2025-02"]
    assert batch.extra["measurements"] == 2 and batch.extra["refused"] == {}
    warned = [p for p in batch.problems if p.key == "growth.date_order_month_first"]
    assert len(warned) == (2 if month_first else 0)
    assert "growth.date_order_assumed" not in _keys(batch)


def test_i12d002_an_ambiguous_column_takes_the_order_the_other_proves(tmp_path: Path) -> None:
    """US-locale file: births prove m/d; the measurements (all on the 10th) follow them, not d/m."""
    rows = [(date(2024, 3, 25), date(2025, 2, 10)), (date(2023, 11, 18), date(2025, 2, 10))]
    batch = read_measurements(_write(tmp_path / "us.csv", rows, "%m/%d/%Y"), today=date(2025, 3, 1))
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["periods"] == ["2025-02"]  # read d/m it would be October, in the future
    assumed = [p for p in batch.problems if p.key == "growth.date_order_assumed"]
    assert [(p.column, dict(p.params)["order"]) for p in assumed] == [("Tanggal Pengukuran", DateOrder.MONTH_FIRST)]


def test_i12d003_a_column_proving_both_orders_is_refused_without_showing_dates(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    lines = [
        HEADER,
        f"9900000000000001;A;L;25/03/2024;{VILLAGE};14/02/2025;9,5;75,0;L",
        f"9900000000000002;B;L;11/28/2023;{VILLAGE};14/02/2025;9,5;75,0;L",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = read_measurements(path, today=TODAY)
    conflict = [p for p in batch.errors if p.key == "growth.date_order_conflict"]
    assert len(conflict) == 1 and not batch.ok
    assert conflict[0].column == "Tgl Lahir" and conflict[0].value is None
    assert dict(conflict[0].params) == {"day_first_row": 2, "month_first_row": 3}
    text = conflict[0].message() + conflict[0].message("en")
    assert "2024" not in text and "2023" not in text and "row 2" in text and "row 3" in text


def test_i12d004_all_days_up_to_12_read_day_first_with_a_warning_and_ages_checked(tmp_path: Path) -> None:
    rows = [
        (date(2024, 3, 5), date(2025, 2, 10)),  # fine as d/m
        (date(2025, 11, 1), date(2025, 2, 10)),  # d/m: born after the measurement
        (date(2019, 1, 2), date(2025, 2, 10)),  # d/m: 73 months
    ]
    batch = read_measurements(_write(tmp_path / "amb.csv", rows, "%d/%m/%Y"), today=TODAY)
    assumed = [p for p in batch.problems if p.key == "growth.date_order_assumed"]
    assert sorted(p.column for p in assumed) == ["Tanggal Pengukuran", "Tgl Lahir"]
    assert all(p.severity is Severity.WARNING and dict(p.params)["order"] == DateOrder.DAY_FIRST for p in assumed)
    assert batch.extra["refused"] == {"growth.born_after_measurement": 1, "growth.age_over_59_months": 1}
    assert batch.extra["measurements"] == 1 and batch.extra["periods"] == ["2025-02"]


def test_i12d005_generated_dates_round_trip_in_either_order() -> None:
    rng = np.random.default_rng(12)
    days = [date(2020, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 2000, 300)]
    for fmt, order in (("%d/%m/%Y", DateOrder.DAY_FIRST), ("%m/%d/%Y", DateOrder.MONTH_FIRST)):
        cells = pd.Series([d.strftime(fmt) for d in days], dtype="string")
        evidence = date_evidence(cells)
        assert evidence.order is order and not evidence.contradictory
        assert parse_dates(cells, evidence.order).dt.date.tolist() == days
    iso = date_evidence(pd.Series(["2025-02-14", "44990", None], dtype="string"))
    assert iso.order is None and not iso.written and not iso.contradictory
    both = date_evidence(pd.Series(["13/01/2025", "01/13/2025"], dtype="string"), pd.Series([7, 9]))
    assert both.contradictory and (both.day_first_row, both.month_first_row) == (7, 9)


def test_i12d006_xlsx_text_dates_and_real_date_cells(tmp_path: Path) -> None:
    """US-locale text dates in a workbook are read month first; real Excel date cells need no order."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    sheet.append(["9900000000000001", "A", "L", "03/25/2024", VILLAGE, "02/14/2025", "9,5", "75,0", "L"])
    sheet.append(["9900000000000002", "B", "P", date(2023, 11, 5), VILLAGE, date(2025, 2, 3), 9.5, 75.0, "L"])
    path = tmp_path / "us.xlsx"
    book.save(path)
    batch = read_measurements(path, today=TODAY)
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["periods"] == ["2025-02"] and batch.extra["measurements"] == 2
    assert sorted(p.column for p in batch.problems if p.key == "growth.date_order_month_first") == [
        "Tanggal Pengukuran",
        "Tgl Lahir",
    ]
