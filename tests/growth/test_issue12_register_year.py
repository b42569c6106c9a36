"""Issue 12, point 9d: a posyandu register whose month headers carry no year takes it from the measurement dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.data.importers.eppgbm import read_measurements
from dashboard.data.importers.model import IndicatorBatch

VILLAGE = "99.01.01.2001"
TODAY = date(2025, 6, 1)
BIRTHS = ["05/01/2024", "20/06/2023", "13/02/2022"]


def _one_row(path: Path, months: list[tuple[str, date]], header: str, date_cell: str) -> Path:
    """``header`` spells a month's columns from ``{field}`` and ``{month}``; ``date_cell`` formats the date."""
    head = ["NIK", "NAMA ANAK", "TANGGAL LAHIR", "JENIS KELAMIN"]
    for month, _ in months:
        head += [header.format(field=field, month=month) for field in ("Tgl", "BB", "TB")]
    lines = [";".join(head)]
    for i, born in enumerate(BIRTHS):
        row = [f"99{i:014d}", f"Anak {i}", born, "L" if i % 2 == 0 else "P"]
        for _, when in months:
            row += [when.strftime(date_cell), "10,5", "80,0"]
        lines.append(";".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(path: Path) -> IndicatorBatch:
    return read_measurements(path, today=TODAY, village_code=VILLAGE, posyandu="Mawar")


@pytest.mark.parametrize("header", ["{field} {month}", "{month}_{field}", "{field}-{month}"])
@pytest.mark.parametrize("date_cell", ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"])
def test_i12r001_one_row_headers_without_a_year(tmp_path: Path, header: str, date_cell: str) -> None:
    months = [("Des", date(2024, 12, 10)), ("Jan", date(2025, 1, 14)), ("Februari", date(2025, 2, 11))]
    batch = _import(_one_row(tmp_path / "r.csv", months, header, date_cell))
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["periods"] == ["2024-12", "2025-01", "2025-02"]  # the year turns over with the dates
    assert batch.extra["measurements"] == 9
    warned = [p for p in batch.problems if p.key == "growth.register_year_from_dates"]
    assert len(warned) == 1 and dict(warned[0].params)["months"] == "Desember 2024, Januari 2025, Februari 2025"


def test_i12r002_two_header_rows_with_bare_month_titles(tmp_path: Path) -> None:
    sub = ["TGL UKUR", "UMUR", "BERAT", "TINGGI", "CARA UKUR"]
    lines = [
        ";".join(["No", "NIK", "NAMA ANAK", "TANGGAL LAHIR", "JENIS KELAMIN", "JANUARI", "", "", "", "",
                  "FEBRUARI 2025", "", "", "", ""]),
        ";".join(["", "", "", "", "", *sub, *sub]),
    ]  # fmt: skip
    for i, born in enumerate(BIRTHS):
        lines.append(
            ";".join([str(i + 1), f"99{i:014d}", f"Anak {i}", born, "L", "14/01/2025", "", "10,5", "80,0", "",
                      "11", "", "10,7", "80,6", ""])
        )  # fmt: skip
    path = tmp_path / "two.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = _import(path)
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["periods"] == ["2025-01", "2025-02"]
    assert [dict(p.params)["months"] for p in batch.problems if p.key == "growth.register_year_from_dates"] == [
        "JANUARI 2025"  # as the file titles it
    ]


def test_i12r003_without_full_dates_the_year_is_unknown_and_refused(tmp_path: Path) -> None:
    days_only = _one_row(tmp_path / "d.csv", [("Jan", date(2025, 1, 14))], "{field} {month}", "%d")
    assert [p.key for p in _import(days_only).errors] == ["growth.register_no_year"]
    with_year = _one_row(tmp_path / "y.csv", [("Jan 2025", date(2025, 1, 14))], "{field} {month}", "%d")
    batch = _import(with_year)
    assert batch.ok and batch.extra["periods"] == ["2025-01"]
    assert "growth.register_year_from_dates" not in [p.key for p in batch.problems]
