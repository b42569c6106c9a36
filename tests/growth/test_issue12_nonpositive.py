"""Issue 12, point 9e: zero or negative weights and heights refused per row; a file with nothing to count refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core.prevalence import Refusal, refusals
from dashboard.data.importers.eppgbm import read_measurements

VILLAGE = "99.01.01.2001"
TODAY = date(2025, 3, 1)
HEADER = "NIK;Nama;JK;Tgl Lahir;kode_wilayah;Desa/Kel;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur"


def _write(path: Path, cells: list[tuple[str, str]], code: str = VILLAGE) -> Path:
    """One child per (weight cell, height cell); everything else plausible."""
    lines = [HEADER]
    for i, (weight, height) in enumerate(cells):
        lines.append(f"99{i:014d};Anak {i};L;17/05/2023;{code};Sukamaju;14/02/2025;{weight};{height};Terlentang")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("weight", "height", "reason", "column", "value"),
    [
        ("0", "80,0", Refusal.WEIGHT_NOT_POSITIVE, "Berat", "0"),
        ("0,0", "80,0", Refusal.WEIGHT_NOT_POSITIVE, "Berat", "0,0"),
        ("-10,5", "80,0", Refusal.WEIGHT_NOT_POSITIVE, "Berat", "-10,5"),
        ("-0.1", "", Refusal.WEIGHT_NOT_POSITIVE, "Berat", "-0.1"),
        ("10,5", "0", Refusal.HEIGHT_NOT_POSITIVE, "Tinggi", "0"),
        ("10,5", "-80", Refusal.HEIGHT_NOT_POSITIVE, "Tinggi", "-80"),
        ("", "-80 cm", Refusal.HEIGHT_NOT_POSITIVE, "Tinggi", "-80 cm"),
    ],
)
def test_i12e001_a_non_positive_measurement_refuses_its_row_with_the_reason(
    tmp_path: Path, weight: str, height: str, reason: Refusal, column: str, value: str
) -> None:
    batch = read_measurements(_write(tmp_path / "f.csv", [(weight, height), ("10,5", "80,0")]), today=TODAY)
    assert batch.ok, [p.message() for p in batch.problems]
    refused = [p for p in batch.problems if p.key == str(reason)]
    assert [(p.row, p.column, p.value) for p in refused] == [(2, column, value)]
    assert batch.extra["refused"] == {str(reason): 1} and batch.extra["measurements"] == 1
    assert "nol atau negatif" in refused[0].message() and "zero or negative" in refused[0].message("en")


def test_i12e002_dashes_and_blanks_are_missing_not_refused(tmp_path: Path) -> None:
    batch = read_measurements(_write(tmp_path / "f.csv", [("-", "80,0"), ("10,5", "–"), ("", "80,0")]), today=TODAY)
    assert batch.ok and batch.extra["refused"] == {} and batch.extra["measurements"] == 3


def test_i12e003_refusals_order_and_missing_values() -> None:
    born = pd.to_datetime(pd.Series(["2023-05-17"] * 5))
    measured = pd.to_datetime(pd.Series(["2025-02-14"] * 5))
    height = np.array([80.0, 0.0, -1.0, np.nan, np.nan])
    weight = np.array([0.0, 10.0, -2.0, np.nan, 10.0])
    reasons = refusals(np.ones(5, dtype=np.int8), born, measured, height, weight, TODAY).tolist()
    assert reasons == [
        Refusal.WEIGHT_NOT_POSITIVE, Refusal.HEIGHT_NOT_POSITIVE, Refusal.WEIGHT_NOT_POSITIVE,
        Refusal.NO_MEASUREMENT, pd.NA,
    ]  # fmt: skip


def test_i12e004_a_file_with_no_usable_row_is_refused(tmp_path: Path) -> None:
    only_bad = read_measurements(_write(tmp_path / "bad.csv", [("0", "0"), ("-1", "80,0")]), today=TODAY)
    assert not only_bad.ok and [p.key for p in only_bad.errors] == ["growth.no_rows"]
    assert only_bad.observations.empty

    def nowhere(names: pd.DataFrame) -> pd.Series:
        return pd.Series(pd.NA, index=names.index, dtype="string")

    villages = pd.DataFrame({"code": ["99.01.01.2002"], "name": ["Lain"]})
    skipped = read_measurements(
        _write(tmp_path / "skip.csv", [("10,5", "80,0")], code=""), today=TODAY, villages=villages, skip_unmatched=True
    )
    assert skipped.observations.empty
    assert "growth.no_rows" in [p.key for p in skipped.errors]
    assert not read_measurements(_write(tmp_path / "x.csv", [("10,5", "80,0")], code=""), matcher=nowhere).ok


def test_i12e005_register_cells_of_zero_are_refused_in_their_month(tmp_path: Path) -> None:
    lines = [
        "NIK;NAMA ANAK;TANGGAL LAHIR;JENIS KELAMIN;Tgl Jan 2025;BB Jan 2025;TB Jan 2025;"
        "Tgl Feb 2025;BB Feb 2025;TB Feb 2025",
        "9900000000000001;Anak A;17/05/2023;L;14/01/2025;10,5;80,0;11/02/2025;0;80,5",
        "9900000000000002;Anak B;20/06/2023;P;14/01/2025;9,8;-78;11/02/2025;9,9;78,6",
    ]
    path = tmp_path / "register.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = read_measurements(path, today=TODAY, village_code=VILLAGE, posyandu="Mawar")
    assert batch.ok, [p.message() for p in batch.problems]
    refused = sorted((p.row, p.column, p.value) for p in batch.problems if p.key.endswith("_not_positive"))
    assert refused == [(2, "Februari 2025 / BERAT", "0"), (3, "Januari 2025 / TINGGI", "-78")]
    assert batch.extra["measurements"] == 2
