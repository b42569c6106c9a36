"""Issue 12, point 9a: z-scores as WHO's R package anthro 1.1.0 computes them, under-9-month "standing" included."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core.growth import DAYS_PER_MONTH, POSITION_FLAG, zscores
from dashboard.data.importers.eppgbm import read_measurements

CASES = Path(__file__).resolve().parents[3] / "shared" / "cases"
REFERENCE = CASES / "who_anthro_1_1_0_reference.csv"
TOLERANCE = {"haz": 0.01, "waz": 0.01, "whz": 0.05}  # WHO's R WHZ interpolation slips by up to 0.03
VILLAGE = "64.74.01.1001"


def _needs(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


def test_i12z001_agrees_with_anthro_1_1_0_on_every_reference_child() -> None:
    reference = pd.read_csv(_needs(REFERENCE))
    assert len(reference) == 3000
    ours = zscores(
        reference["sex"], reference["age_days"], reference["height_cm"], reference["weight_kg"], reference["position"]
    )
    for index, tolerance in TOLERANCE.items():
        theirs = reference[index].to_numpy(dtype=float)
        mine = ours[index].round(2).to_numpy()
        assert (np.isnan(mine) == np.isnan(theirs)).all(), f"{index}: not the same blanks"
        both = ~np.isnan(theirs)
        worst = np.abs(mine[both] - theirs[both]).max()
        assert worst <= tolerance + 1e-9, f"{index}: off by {worst:.3f}"
    assert ours[POSITION_FLAG].astype(int).tolist() == reference["under9mo_standing"].tolist()


@pytest.mark.parametrize("standing", ["H", "h", "Berdiri", "berdiri ", "standing", "TB", 2])
@pytest.mark.parametrize("age", [0, 1, 100, 200, 273])
def test_i12z002_standing_under_9_months_is_an_unknown_position(standing: object, age: int) -> None:
    """Every spelling of "standing", every age under 9 months: no +0.7 cm, flagged; lying is untouched."""
    height = 50.0 + age * 0.06
    standing_z = zscores([1, 2], [age, age], [height, height], [5.0, 5.0], [standing, standing])
    unknown = zscores([1, 2], [age, age], [height, height], [5.0, 5.0], [np.nan, np.nan])
    pd.testing.assert_frame_equal(standing_z[["haz", "waz", "whz"]], unknown[["haz", "waz", "whz"]])
    assert standing_z[POSITION_FLAG].tolist() == [True, True]
    lying = zscores([1], [age], [height], [5.0], ["Terlentang"])
    assert not lying[POSITION_FLAG].iloc[0]
    assert lying["haz"].iloc[0] == pytest.approx(unknown["haz"].iloc[0])


def test_i12z003_from_9_months_standing_is_adjusted_again() -> None:
    nine = int(np.ceil(9 * DAYS_PER_MONTH))  # 274: the first whole day of 9 months
    assert (nine - 1) / DAYS_PER_MONTH < 9 <= nine / DAYS_PER_MONTH
    z = zscores([1, 1, 1], [nine - 1, nine, nine], [68.0, 68.0, 68.7], [8.0] * 3, ["H", "H", "L"])
    assert z[POSITION_FLAG].tolist() == [True, False, False]
    assert z["haz"].iloc[1] == pytest.approx(z["haz"].iloc[2])  # 68.0 standing + 0.7 = 68.7 lying


def _eppgbm(path: Path, rows: list[tuple[str, int, float, str]], measured: date = date(2025, 7, 20)) -> Path:
    lines = ["NIK;Nama;JK;Tgl Lahir;kode_wilayah;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur"]
    for i, (sex, age, height, position) in enumerate(rows):
        born = measured - timedelta(days=age)
        cm = f"{height:.1f}".replace(".", ",")
        lines.append(
            f"99{i:014d};Anak {i};{sex};{born:%d/%m/%Y};{VILLAGE};Melati;{measured:%d/%m/%Y};7,0;{cm};{position}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_i12z004_the_importer_warns_and_the_quality_report_counts(tmp_path: Path) -> None:
    rows = [("L", 200, 64.0, "Berdiri"), ("P", 150, 60.0, "TB"), ("L", 200, 64.0, "Terlentang"), ("L", 400, 75.0, "H")]
    batch = read_measurements(_eppgbm(tmp_path / "e.csv", rows), today=date(2025, 8, 1))
    assert batch.ok, [p.message() for p in batch.problems]
    warned = [(p.row, p.value) for p in batch.problems if p.key == "growth.standing_under_9_months"]
    assert warned == [(2, "Berdiri"), (3, "TB")]
    village = next(q for q in batch.extra["quality"] if q["posyandu"] is None)
    assert village["standing_under_9_months"] == 2


def test_i12z005_case_z1_boy_200_days_64_cm_standing() -> None:
    """../shared/cases/z1: as WHO anthro 1.1.0, HAZ -2.09 (stunted), no 0.7 cm adjustment, the row flagged."""
    path = _needs(CASES / "z1_under9mo_standing_eppgbm.csv")

    def matcher(names: pd.DataFrame) -> pd.Series:
        return pd.Series(VILLAGE, index=names.index, dtype="string")

    batch = read_measurements(path, today=date(2025, 8, 1), matcher=matcher)
    assert batch.ok, [p.message() for p in batch.problems]
    stunting = batch.observations.set_index("indicator").loc["stunting"]
    assert (stunting["numerator"], stunting["denominator"]) == (1, 1)
    assert [p.row for p in batch.problems if p.key == "growth.standing_under_9_months"] == [2]
    assert batch.extra["quality"][0]["standing_under_9_months"] == 1
    z = zscores(["L"], [200], [64.0], [7.0], ["Berdiri"])
    assert round(float(z["haz"].iloc[0]), 2) == -2.09
