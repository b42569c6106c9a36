"""Refusals, identity keys, deduplication, village counts and Wilson intervals against hand counts."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.core.prevalence import (
    COUNT_COLUMNS,
    Refusal,
    child_keys,
    counts_to_observations,
    latest_per_child,
    refusals,
    reliable,
    village_counts,
    wilson_interval,
    with_intervals,
)


def test_gro020_wilson_interval_by_hand() -> None:
    # 10 of 50: p = 0.2; centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1-p)/n + z²/4n²) / (1 + z²/n)
    low, high = wilson_interval([10, 0, 10, 0], [50, 10, 10, 0])
    z = 1.959963984540054
    z2 = z * z
    centre = (0.2 + z2 / 100) / (1 + z2 / 50)
    half = z * math.sqrt(0.2 * 0.8 / 50 + z2 / 10000) / (1 + z2 / 50)
    assert (low[0], high[0]) == pytest.approx((centre - half, centre + half), abs=1e-12)
    assert (low[0], high[0]) == pytest.approx((0.1124, 0.3304), abs=5e-5)  # as published tables give it
    assert (low[1], high[1]) == pytest.approx((0.0, z2 / (10 + z2)))
    assert (low[2], high[2]) == pytest.approx((10 / (10 + z2), 1.0))
    assert np.isnan(low[3]) and np.isnan(high[3])


def test_gro021_reliable_and_intervals_on_a_table() -> None:
    assert reliable([0, 9, 10, 250, np.nan], 10).tolist() == [False, False, True, True, False]
    table = with_intervals(pd.DataFrame({"numerator": [10, 0], "denominator": [50, 0]}), minimum=30)
    assert table["rate"].iloc[0] == pytest.approx(20.0)
    assert table["ci_low"].iloc[0] == pytest.approx(11.2444, abs=1e-3)
    assert table["reliable"].tolist() == [True, False]
    assert np.isnan(table["rate"].iloc[1])


def test_gro022_refusals_name_the_first_reason() -> None:
    today = date(2025, 3, 1)
    rows = pd.DataFrame(
        [
            # sex, birth, measured, height, weight
            (1, "2024-01-10", "2025-02-10", 75.0, 9.0),  # accepted
            (0, "2024-01-10", "2025-02-10", 75.0, 9.0),  # sex missing
            (1, None, "2025-02-10", 75.0, 9.0),  # birth date missing
            (1, "2024-01-10", None, 75.0, 9.0),  # measurement date missing
            (1, "2024-01-10", "2025-03-02", 75.0, 9.0),  # measured after today
            (1, "2025-02-11", "2025-02-10", 75.0, 9.0),  # born after being measured
            (2, "2020-02-10", "2025-02-10", 110.0, 18.0),  # 1827 days = 60.03 months
            (2, "2020-02-11", "2025-02-10", 110.0, 18.0),  # 1826 days = 59.99 months: accepted
            (1, "2024-01-10", "2025-02-10", np.nan, np.nan),  # nothing measured
            (1, "2024-01-10", "2025-02-10", np.nan, 9.0),  # weight only: accepted
        ],
        columns=["sex", "birth", "measured", "height", "weight"],
    )
    reasons = refusals(
        rows["sex"].to_numpy(), pd.to_datetime(rows["birth"]), pd.to_datetime(rows["measured"]),
        rows["height"].to_numpy(), rows["weight"].to_numpy(), today,
    )  # fmt: skip
    assert reasons.tolist() == [
        pd.NA, Refusal.SEX_MISSING, Refusal.BIRTH_DATE_MISSING, Refusal.MEASURE_DATE_MISSING,
        Refusal.MEASURE_DATE_FUTURE, Refusal.BORN_AFTER_MEASUREMENT, Refusal.AGE_OVER_59_MONTHS, pd.NA,
        Refusal.NO_MEASUREMENT, pd.NA,
    ]  # fmt: skip


def test_gro023_child_keys_recognise_the_same_child() -> None:
    nik = pd.Series(
        ["9901010101010001", "9901010101010001.0", " 9901-0101-0101-0001 ", "0000000000000000", None, None, None, "12"]
    )
    name = pd.Series(
        ["Qoriswati", "Qoriswati", " QORISWATI", "Yohanna  Xenarti", "yohanna xenarti", "Yohanna Xenarti", None, None]
    )
    born = pd.to_datetime(pd.Series(["2023-01-01"] * 5 + ["2023-01-02", "2023-01-01", "2023-01-01"]))
    keys, identified = child_keys(nik, name, born, salt="0123456789abcdef")
    assert keys[0] == keys[1] == keys[2]  # one NIK however it was written
    assert keys[3] == keys[4]  # a dummy NIK falls back to name + birth date, case and spaces aside
    assert keys[5] != keys[4]  # another birth date: another child
    assert keys[6] != keys[7]  # no identity: every row its own child
    assert identified.tolist() == [True, True, True, True, True, True, False, False]
    other, _ = child_keys(nik, name, born, salt="fedcba9876543210")
    assert other[0] != keys[0]  # salted: keys of two imports cannot be linked


def _children() -> pd.DataFrame:
    nan = np.nan
    rows = [
        # code, period, child, day, row, haz, waz, whz, flag_haz, flag_waz, flag_whz
        ("A", "2025-02", 1, "2025-02-03", 2, -2.5, -1.0, -1.0, False, False, False),  # c1 first visit
        ("A", "2025-02", 1, "2025-02-20", 3, -1.0, -1.0, -1.0, False, False, False),  # c1 latest: counts
        ("A", "2025-02", 2, "2025-02-05", 4, -3.2, -2.1, -1.0, False, False, False),  # stunted, severe, underweight
        ("A", "2025-02", 3, "2025-02-05", 5, -2.0, -1.0, -2.004, False, False, False),  # -2.00 is not below -2
        ("A", "2025-02", 4, "2025-02-05", 6, -6.5, -1.0, nan, True, False, False),  # HAZ flagged: out of measured
        ("A", "2025-02", 5, "2025-02-05", 7, nan, -2.5, nan, False, False, False),  # weight only
        ("A", "2025-02", 6, "2025-02-05", 8, -1.0, 5.4, 5.2, False, True, True),  # WAZ, WHZ flagged
        ("B", "2025-02", 7, "2025-02-06", 9, -2.1, -1.0, -2.5, False, False, False),  # stunted and wasted
        ("A", "2025-03", 1, "2025-03-04", 10, -2.2, -1.0, -1.0, False, False, False),  # c1 again next month
        ("A", "2025-02", 2, "2025-02-05", 11, -3.2, -2.1, -1.0, False, False, False),  # c2 twice the same day
    ]
    columns = ["code", "period", "child", "measure_date", "source_row", "haz", "waz", "whz",
               "flag_haz", "flag_waz", "flag_whz"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["measure_date"] = pd.to_datetime(frame["measure_date"])
    return frame


def test_gro024_dedup_keeps_the_latest_measurement_per_period() -> None:
    latest = latest_per_child(_children())
    assert sorted(latest["source_row"]) == [3, 5, 6, 7, 8, 9, 10, 11]  # c1 latest, c2 the later row of one day


def test_gro025_village_counts_match_hand_counts() -> None:
    counts = village_counts(latest_per_child(_children())).set_index(["code", "period"])
    assert list(counts.columns) == [*COUNT_COLUMNS, "source_row"]
    a = counts.loc[("A", "2025-02")]
    expected_a = {
        "children": 6, "measured": 4, "stunted": 1, "severely_stunted": 1, "weighed": 5, "underweight": 2,
        "weighed_measured": 3, "wasted": 0, "flagged_haz": 1, "flagged_waz": 1, "flagged_whz": 1,
    }  # fmt: skip
    assert a[COUNT_COLUMNS].to_dict() == expected_a
    b = counts.loc[("B", "2025-02")]
    assert (b["measured"], b["stunted"], b["wasted"], b["weighed_measured"]) == (1, 1, 1, 1)
    march = counts.loc[("A", "2025-03")]
    assert (march["children"], march["stunted"]) == (1, 1)


def test_gro026_observations_use_catalogue_keys() -> None:
    observations = counts_to_observations(village_counts(latest_per_child(_children())))
    a = observations[(observations["code"] == "A") & (observations["period"] == "2025-02")].set_index("indicator")
    assert a.loc["stunting", ["numerator", "denominator"]].tolist() == [1, 4]
    assert a.loc["stunting_berat", ["numerator", "denominator"]].tolist() == [1, 4]
    assert a.loc["underweight", ["numerator", "denominator"]].tolist() == [2, 5]
    assert a.loc["wasting", ["numerator", "denominator"]].tolist() == [0, 3]
    assert list(observations.columns) == ["code", "period", "indicator", "numerator", "denominator", "source_row"]
    assert set(observations["indicator"]) == {"stunting", "stunting_berat", "wasting", "underweight"}
