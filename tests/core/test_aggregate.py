"""Aggregation sums counts; it never averages percentages."""

import pandas as pd
import pytest

from dashboard.core.aggregate import Measure, Statistic, district_kpis, rank_villages, total, village_table


def observations() -> pd.DataFrame:
    rows = [
        # code, period, indicator, numerator, denominator
        ("99.01.01.2001", "2025-02", "stunting", 1, 10),  # 10%
        ("99.01.01.2002", "2025-02", "stunting", 300, 1000),  # 30%
        ("99.01.02.2001", "2025-02", "stunting", 0, 0),  # nobody measured: no rate
        ("99.01.01.2001", "2024-08", "stunting", 2, 10),
        ("99.01.01.2002", "2024-08", "stunting", 320, 1000),
        ("99.01.01.2001", "2025-02", "vitamin_a", 9, 10),
        ("99.01.01.2002", "2025-02", "vitamin_a", 500, 1000),
    ]
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])


def test_agg001_district_prevalence_is_sum_over_sum() -> None:
    kpis = district_kpis(observations(), "2025-02", "2024-08")
    assert kpis.prevalence == pytest.approx(100 * 301 / 1010)  # not (10% + 30%) / 2 = 20%
    assert kpis.stunted == 301
    assert kpis.measured == 1010


def test_agg002_change_against_previous_period() -> None:
    kpis = district_kpis(observations(), "2025-02", "2024-08")
    assert kpis.change_points == pytest.approx(100 * 301 / 1010 - 100 * 322 / 1010)
    assert kpis.change_stunted == -21


def test_agg003_no_previous_period_means_no_change() -> None:
    kpis = district_kpis(observations(), "2024-08", None)
    assert kpis.change_points is None and kpis.change_stunted is None


def test_agg004_village_table_and_zero_denominator() -> None:
    table = village_table(observations(), "stunting", "2025-02")
    assert table.loc["99.01.01.2002", "rate"] == pytest.approx(30.0)
    assert pd.isna(table.loc["99.01.02.2001", "rate"])


def test_agg005_totals_over_a_subset_of_villages() -> None:
    assert total(observations(), "stunting", "2025-02", pd.Index(["99.01.01.2001"])) == (1.0, 10.0)


def test_agg006_rank_one_is_most_in_need_for_each_direction() -> None:
    stunting = rank_villages(observations(), "stunting", "2025-02")
    assert stunting.to_dict() == {"99.01.01.2001": 2, "99.01.01.2002": 1}
    coverage = rank_villages(observations(), "vitamin_a", "2025-02")
    assert coverage.to_dict() == {"99.01.01.2001": 2, "99.01.01.2002": 1}  # 50% coverage is worse than 90%


def test_agg007_measure_round_trips_through_its_option_value() -> None:
    assert Measure.parse("stunting@count") == Measure("stunting", Statistic.COUNT)
    assert Measure.parse(Measure("vitamin_a").value) == Measure("vitamin_a")
    with pytest.raises(KeyError):
        Measure.parse("unknown")
