"""Coverage gaps, konvergensi, bivariate classes and period change, each against numbers worked out by hand."""

import math

import pandas as pd
import pytest

from dashboard.core.gaps import (
    BIVARIATE_PALETTE,
    GAP_COLUMNS,
    bivariate_classes,
    convergence,
    coverage_gaps,
    gap_matrix,
    period_change,
    tertile_breaks,
)

A, B, C, D, E = (f"99.01.01.200{n}" for n in range(1, 6))
NOW, BEFORE = "2025-02", "2024-08"


def observations() -> pd.DataFrame:
    rows = [
        # code, period, indicator, numerator, denominator
        # A, vitamin A in two posyandu rows: (20 + 25) / (25 + 35) = 45/60 = 75.0%, not the mean of
        # 80.0% and 71.4%. Target 90 -> gap 15.0, not met.
        (A, NOW, "vitamin_a", 20, 25),
        (A, NOW, "vitamin_a", 25, 35),
        (A, NOW, "imd", 40, 50),  # 80.0%, target 80 -> gap 0.0, met (on the target counts as met)
        (A, NOW, "sanitasi_layak", 95, 100),  # 95.0%, target 90 -> gap -5.0, met
        (B, NOW, "vitamin_a", 57, 60),  # 95.0% -> gap -5.0, met
        (B, NOW, "imd", 30, 50),  # 60.0% -> gap 20.0, not met; B has no sanitasi_layak row: no data
        (C, NOW, "vitamin_a", 0, 0),  # nobody to reach: coverage NaN, met NA
        (A, NOW, "stunting", 5, 40),  # an outcome, never a gap row
        (A, BEFORE, "vitamin_a", 1, 60),  # another period, must not leak in
    ]
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])


def row(gaps: pd.DataFrame, code: str, indicator: str) -> pd.Series:
    found = gaps[(gaps["code"] == code) & (gaps["indicator"] == indicator)]
    assert len(found) == 1
    return found.iloc[0]


def test_gap001_coverage_target_gap_and_met_by_hand() -> None:
    gaps = coverage_gaps(observations(), NOW)
    assert list(gaps.columns) == GAP_COLUMNS
    # Rows by code, then catalogue order (imd before vitamin_a before sanitasi_layak); no stunting row.
    assert list(zip(gaps["code"], gaps["indicator"], strict=True)) == [
        (A, "imd"),
        (A, "vitamin_a"),
        (A, "sanitasi_layak"),
        (B, "imd"),
        (B, "vitamin_a"),
        (C, "vitamin_a"),
    ]
    vitamin_a = row(gaps, A, "vitamin_a")
    assert (vitamin_a["numerator"], vitamin_a["denominator"]) == (45.0, 60.0)
    assert vitamin_a["coverage"] == pytest.approx(75.0)
    assert vitamin_a["target"] == 90.0
    assert vitamin_a["gap"] == pytest.approx(15.0)
    assert not vitamin_a["met"]  # bool(NA) would raise, so this also rules out "no verdict"
    assert row(gaps, A, "imd")["gap"] == pytest.approx(0.0) and bool(row(gaps, A, "imd")["met"])
    assert row(gaps, A, "sanitasi_layak")["gap"] == pytest.approx(-5.0)
    assert row(gaps, B, "vitamin_a")["gap"] == pytest.approx(-5.0) and bool(row(gaps, B, "vitamin_a")["met"])
    assert row(gaps, B, "imd")["gap"] == pytest.approx(20.0) and not bool(row(gaps, B, "imd")["met"])


def test_gap002_zero_denominator_has_no_coverage_and_no_verdict() -> None:
    village_c = row(coverage_gaps(observations(), NOW), C, "vitamin_a")
    assert math.isnan(village_c["coverage"]) and math.isnan(village_c["gap"])
    assert village_c["target"] == 90.0
    assert pd.isna(village_c["met"])


def test_gap003_target_override_and_missing_target() -> None:
    gaps = coverage_gaps(observations(), NOW, targets={"vitamin_a": 70.0, "imd": None})
    # vitamin_a: 75.0 against 70 -> gap 70 - 75 = -5.0, met; 95.0 -> gap -25.0.
    assert row(gaps, A, "vitamin_a")["gap"] == pytest.approx(-5.0) and bool(row(gaps, A, "vitamin_a")["met"])
    assert row(gaps, B, "vitamin_a")["gap"] == pytest.approx(-25.0)
    # imd without a target: NaN target and gap, met NA (not False) although coverage is known.
    imd = row(gaps, B, "imd")
    assert imd["coverage"] == pytest.approx(60.0)
    assert math.isnan(imd["target"]) and math.isnan(imd["gap"]) and pd.isna(imd["met"])
    # sanitasi_layak not overridden: the catalogue's 90.
    assert row(gaps, A, "sanitasi_layak")["target"] == 90.0


def test_gap004_indicator_selection_and_validation() -> None:
    only_imd = coverage_gaps(observations(), NOW, indicators=["imd"])
    assert list(only_imd["indicator"]) == ["imd", "imd"]
    assert list(only_imd["code"]) == [A, B]
    with pytest.raises(ValueError, match="stunting"):
        coverage_gaps(observations(), NOW, indicators=["stunting"])
    with pytest.raises(KeyError, match="vitamin_x"):
        coverage_gaps(observations(), NOW, targets={"vitamin_x": 50.0})


def test_gap005_period_without_coverage_data_is_an_empty_table() -> None:
    gaps = coverage_gaps(observations(), "2023-01")
    assert gaps.empty and list(gaps.columns) == GAP_COLUMNS


def test_gap006_matrix_rows_follow_order_and_columns_follow_catalogue() -> None:
    matrix = gap_matrix(coverage_gaps(observations(), NOW), [C, B, A, D])
    assert list(matrix.index) == [C, B, A, D]  # D has no data at all: an all-NaN row, kept
    assert list(matrix.columns) == ["imd", "vitamin_a", "sanitasi_layak"]
    assert matrix.loc[A].tolist() == pytest.approx([0.0, 15.0, -5.0])
    assert matrix.loc[B, "imd"] == pytest.approx(20.0) and matrix.loc[B, "vitamin_a"] == pytest.approx(-5.0)
    assert math.isnan(matrix.loc[B, "sanitasi_layak"])  # B never reported sanitation
    assert matrix.loc[C].isna().all() and matrix.loc[D].isna().all()


def test_gap007_convergence_score_by_hand() -> None:
    result = convergence(coverage_gaps(observations(), NOW))
    # A: vitamin_a (missed), imd (met), sanitasi_layak (met) -> 2 of 3 = 66.67%.
    # B: vitamin_a (met), imd (missed), no sanitation data -> 1 of 2 = 50.0%.
    # C: its only row has a zero denominator -> 0 of 0, score NaN.
    assert result.loc[A, ["services_with_target", "services_met"]].tolist() == [3, 2]
    assert result.loc[A, "score"] == pytest.approx(200.0 / 3.0)
    assert result.loc[B, ["services_with_target", "services_met"]].tolist() == [2, 1]
    assert result.loc[B, "score"] == pytest.approx(50.0)
    assert result.loc[C, ["services_with_target", "services_met"]].tolist() == [0, 0]
    assert math.isnan(result.loc[C, "score"])


def test_gap008_convergence_leaves_out_services_without_target() -> None:
    result = convergence(coverage_gaps(observations(), NOW, targets={"vitamin_a": 70.0, "imd": None}))
    # A: vitamin_a 75 >= 70 met, imd left out, sanitasi met -> 2 of 2 = 100%.
    # B: vitamin_a met, imd left out -> 1 of 1 = 100%.
    assert result.loc[A].tolist() == [2, 2, 100.0]
    assert result.loc[B].tolist() == [1, 1, 100.0]


def test_gap009_tertile_breaks_by_hand() -> None:
    # Four values, linear interpolation at positions (n - 1) * q = 1 and 2: exactly 20 and 30. NaN ignored.
    assert tertile_breaks([10.0, 20.0, 30.0, 40.0, math.nan]) == pytest.approx((20.0, 30.0))
    # Six values: positions 5/3 and 10/3 -> 10 + 2/3 * 10 = 16.667 and 30 + 1/3 * 10 = 33.333.
    assert tertile_breaks([0.0, 10.0, 20.0, 30.0, 40.0, 50.0]) == pytest.approx((50.0 / 3.0, 100.0 / 3.0))
    # Ties: positions 4/3 and 8/3 both fall among the four 5s, so both breaks are 5.
    assert tertile_breaks([5.0, 5.0, 5.0, 5.0, 9.0]) == (5.0, 5.0)
    with pytest.raises(ValueError):
        tertile_breaks([math.nan])


def test_gap010_bivariate_classes_with_values_on_breaks_and_a_missing_value() -> None:
    burden = pd.Series({A: 10.0, B: 20.0, C: 30.0, D: 40.0, E: math.nan})
    coverage = pd.Series({A: 90.0, B: 60.0, C: 75.0, D: 50.0, E: 80.0})
    result = bivariate_classes(burden, coverage)
    # Burden breaks (20, 30) from A-D: 10 -> 0, 20 on the break -> 0, 30 on the break -> 1, 40 -> 2.
    # Coverage sorted 50, 60, 75, 80, 90; positions 4/3 and 8/3 -> 60 + 1/3 * 15 = 65 and
    # 75 + 2/3 * 5 = 78.333: 90 -> 2, 60 -> 0, 75 -> 1, 50 -> 0, 80 -> 2.
    assert result["burden_class"].tolist()[:4] == [0, 0, 1, 2]
    assert result["coverage_class"].tolist() == [2, 0, 1, 0, 2]
    assert result["cell"].tolist() == ["0-2", "0-0", "1-1", "2-0", None]
    # E has no prevalence: no burden class and no cell, but its coverage class stands.
    assert pd.isna(result.loc[E, "burden_class"])


def test_gap011_fixed_breaks_and_the_union_of_villages() -> None:
    burden = pd.Series({A: 10.0, B: 20.0, C: 30.0, D: 40.0})
    coverage = pd.Series({A: 90.0, B: 60.0, C: 75.0, E: 80.0})  # D has no coverage, E no burden
    result = bivariate_classes(burden, coverage, burden_breaks=(15.0, 35.0), coverage_breaks=(75.0, 85.0))
    # Burden: 10 -> 0, 20 -> 1, 30 -> 1, 40 -> 2. Coverage: 90 -> 2, 60 -> 0, 75 on the break -> 0, 80 -> 1.
    assert list(result.index) == [A, B, C, D, E]
    assert result["cell"].tolist() == ["0-2", "1-0", "1-0", None, None]
    assert result.loc[D, "burden_class"] == 2 and pd.isna(result.loc[D, "coverage_class"])
    assert result.loc[E, "coverage_class"] == 1 and pd.isna(result.loc[E, "burden_class"])
    with pytest.raises(ValueError):
        bivariate_classes(burden, coverage, burden_breaks=(35.0, 15.0))


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255.0 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_gap012_palette_has_nine_distinct_colours_and_the_priority_cell_is_darkest() -> None:
    assert set(BIVARIATE_PALETTE) == {f"{b}-{c}" for b in range(3) for c in range(3)}
    assert len(set(BIVARIATE_PALETTE.values())) == 9
    darkness = sorted(BIVARIATE_PALETTE, key=lambda cell: _luminance(BIVARIATE_PALETTE[cell]))
    assert darkness[0] == "2-0"  # high burden, low coverage
    assert darkness[-1] == "0-2"  # low burden, high coverage


def stunting_in_two_periods() -> pd.DataFrame:
    rows = [
        (A, BEFORE, "stunting", 10, 50),
        (A, NOW, "stunting", 25, 50),
        (B, BEFORE, "stunting", 25, 100),
        (B, NOW, "stunting", 30, 100),
        (C, BEFORE, "stunting", 3, 20),  # no measurement now
        (D, NOW, "stunting", 0, 0),  # nobody measured now, nothing before
        (E, BEFORE, "stunting", 48, 80),
        (E, NOW, "stunting", 56, 70),
    ]
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])


def test_gap013_newcombe_interval_by_hand() -> None:
    change = period_change(stunting_in_two_periods(), "stunting", BEFORE, NOW)
    # A: 10/50 = 20% -> 25/50 = 50%, change +30.0 points. z = 1.959964, z^2 = 3.841459.
    # Wilson 10/50: centre (0.2 + z^2/100) / (1 + z^2/50) = 0.2384146 / 1.0768292 = 0.2214043;
    #   half z * sqrt(0.2 * 0.8 / 50 + z^2 / 10000) / 1.0768292 = 0.1089669 -> (0.112437, 0.330371).
    # Wilson 25/50: centre 0.5; half z * sqrt(0.005 + z^2 / 10000) / 1.0768292 = 0.133555 -> (0.366445, 0.633555).
    # d = 0.5 - 0.2 = 0.3
    # low  = 0.3 - sqrt((0.5 - 0.366445)^2 + (0.330371 - 0.2)^2) = 0.3 - sqrt(0.034834) = 0.113363
    # high = 0.3 + sqrt((0.633555 - 0.5)^2 + (0.2 - 0.112437)^2) = 0.3 + sqrt(0.025504) = 0.459700
    village_a = change.loc[A]
    assert (village_a["rate_before"], village_a["rate_after"]) == pytest.approx((20.0, 50.0))
    assert village_a["change"] == pytest.approx(30.0)
    assert round(village_a["change_low"] / 100, 4) == 0.1134
    assert round(village_a["change_high"] / 100, 4) == 0.4597
    assert bool(village_a["significant"])


def test_gap014_a_change_inside_the_noise_is_not_significant() -> None:
    village_b = period_change(stunting_in_two_periods(), "stunting", BEFORE, NOW).loc[B]
    # 25/100 -> 30/100, +5.0 points. Wilson 30/100 = (0.218949, 0.395849), 25/100 = (0.175452, 0.343044).
    # low  = 0.05 - sqrt((0.3 - 0.218949)^2 + (0.343044 - 0.25)^2) = 0.05 - 0.123396 = -0.073396
    # high = 0.05 + sqrt((0.395849 - 0.3)^2 + (0.25 - 0.175452)^2) = 0.05 + 0.121426 = 0.171426
    assert village_b["change"] == pytest.approx(5.0)
    assert round(village_b["change_low"] / 100, 4) == -0.0734
    assert round(village_b["change_high"] / 100, 4) == 0.1714
    assert not bool(village_b["significant"])


def test_gap015_matches_newcombe_1998_and_beats_interval_overlap() -> None:
    village_e = period_change(stunting_in_two_periods(), "stunting", BEFORE, NOW).loc[E]
    # Newcombe (1998), Table II, example (a): 56/70 - 48/80, method 10 gives +0.0524 to +0.3339.
    assert round(village_e["change_low"] / 100, 4) == 0.0524
    assert round(village_e["change_high"] / 100, 4) == 0.3339
    assert bool(village_e["significant"])
    # The two Wilson intervals, (0.4905, 0.7004) and (0.6918, 0.8770), overlap: an overlap rule
    # would have called this change noise.


def test_gap016_villages_with_one_period_have_no_verdict() -> None:
    change = period_change(stunting_in_two_periods(), "stunting", BEFORE, NOW)
    assert list(change.index) == [A, B, C, D, E]
    assert change.loc[C, "rate_before"] == pytest.approx(15.0) and math.isnan(change.loc[C, "rate_after"])
    for code in (C, D):
        assert math.isnan(change.loc[code, "change"]) and pd.isna(change.loc[code, "significant"])
