"""Data-quality figures against hand counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.quality import EXPECTED_PCT, QUALITY_COLUMNS, quality_table


def _rows() -> pd.DataFrame:
    nan = np.nan
    rows = [
        # code, posyandu, refused, height, weight, position, born, measured, haz, waz, whz, flags (haz, waz, whz)
        ("A", "Mawar", False, 80.0, 10.0, 1, "2023-03-01", "2025-02-10", -1.0, -0.5, 0.0, False, False, False),
        ("A", "Mawar", False, 80.5, 10.0, 2, "2023-03-15", "2025-02-10", -3.0, -1.5, 1.0, False, False, False),
        ("A", "Mawar", False, 81.3, nan, 0, "2023-03-10", "2025-02-10", -7.0, nan, nan, True, False, False),
        ("A", "Melati", False, 82.7, 11.0, 2, "2024-08-20", "2025-02-10", 0.0, 0.0, 0.0, False, False, False),
        ("A", "Melati", False, nan, 11.0, 1, "2024-09-10", "2025-02-10", nan, 0.0, nan, False, False, False),
        ("A", "Melati", True, nan, nan, 0, None, "2025-02-10", nan, nan, nan, False, False, False),
        ("B", "Kenanga", False, 90.0, 13.0, 2, "2022-05-07", "2025-02-11", 1.0, 1.0, 1.0, False, False, False),
    ]
    columns = ["code", "posyandu", "refused", "height_cm", "weight_kg", "position", "birth_date", "measure_date",
               "haz", "waz", "whz", "flag_haz", "flag_waz", "flag_whz"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["birth_date"] = pd.to_datetime(frame["birth_date"])
    frame["measure_date"] = pd.to_datetime(frame["measure_date"])
    frame["position"] = frame["position"].astype(np.int8)
    return frame


def test_gro030_quality_per_village_by_hand() -> None:
    table = quality_table(_rows(), ["code"]).set_index("code")
    assert list(table.columns) == QUALITY_COLUMNS
    a = table.loc["A"]
    assert (a["rows"], a["refused"]) == (5, 1)
    assert a["flagged_haz_pct"] == pytest.approx(100 * 1 / 4)  # 1 of 4 computed HAZ
    assert a["flagged_waz_pct"] == pytest.approx(0.0)
    assert a["height_digit_0_5_pct"] == pytest.approx(100 * 2 / 4)  # 80.0 and 80.5 of 4 heights
    assert a["height_digit_0_pct"] == pytest.approx(100 * 1 / 4)
    assert a["birth_day_1_15_pct"] == pytest.approx(100 * 2 / 5)  # born on the 1st and the 15th
    assert a["age_whole_month_pct"] == pytest.approx(100 * 2 / 5)  # born on the 10th, measured on the 10th
    assert a["missing_weight_pct"] == pytest.approx(100 * 1 / 5)
    assert a["missing_height_pct"] == pytest.approx(100 * 1 / 5)
    assert a["missing_position_pct"] == pytest.approx(100 * 1 / 5)
    assert a["standing_under_9_months"] == 1  # born 2024-08-20, measured standing at 5.7 months
    assert a["haz_sd"] == pytest.approx(np.std([-1.0, -3.0, 0.0], ddof=1))  # the flagged -7 left out
    b = table.loc["B"]
    assert b["height_digit_0_5_pct"] == pytest.approx(100.0)
    assert np.isnan(b["haz_sd"])  # one child: no spread


def test_gro031_quality_per_posyandu() -> None:
    table = quality_table(_rows(), ["code", "posyandu"]).set_index(["code", "posyandu"])
    assert table.loc[("A", "Mawar"), "rows"] == 3
    assert table.loc[("A", "Melati"), "refused"] == 1
    assert table.loc[("A", "Melati"), "height_digit_0_5_pct"] == pytest.approx(0.0)


def test_gro032_expected_shares_under_no_preference() -> None:
    assert EXPECTED_PCT["height_digit_0_5_pct"] == 20.0
    assert EXPECTED_PCT["birth_day_1_15_pct"] == pytest.approx(6.57, abs=0.01)
