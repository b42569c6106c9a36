"""Honest figures: completeness, like-for-like change, plausibility flags, shrinkage, headline (issue 11)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.change import ChangeClass, change_by_group, change_classes, comparison_period, like_for_like
from dashboard.core.completeness import completeness_by_period, completeness_of, default_period
from dashboard.core.headline import JSON_KEYS, headline
from dashboard.core.plausibility import Flag, flags_for, plausibility_flags
from dashboard.core.smoothing import shrunk_rates


def _obs(rows: list[tuple[str, str, str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])


def _code(i: int) -> str:
    return f"52.03.{1 + i // 100:02d}.{2001 + i % 100}"


def two_months() -> tuple[pd.DataFrame, list[str]]:
    """390 villages; 155 report in January, 110 in February, 94 in both (the real kabupaten's shape).

    The 94 villages in both months have 1,000 children measured each: 18,830 stunted in January and
    17,984 in February, so the like-for-like change is -0.9 pp and -846 children. Villages only in January
    have a higher rate (30%), only in February a lower one (10%): the naive difference of all
    reporting villages is far larger.
    """
    codes = [_code(i) for i in range(390)]
    both, january_only, february_only = codes[:94], codes[94:155], codes[155:171]
    january = [200.0 + 30 * (i % 3 == 0) - 30 * (i % 3 == 1) for i in range(94)]  # 18,830 stunted of 94,000
    february = np.full(94, (sum(january) - 846) // 94)  # 846 fewer: 0.9 pp of 94,000 children
    february[: int(sum(january) - 846 - february.sum())] += 1
    rows = [(code, "2026-01", "stunting", k, 1000.0) for code, k in zip(both, january, strict=True)]
    rows += [(code, "2026-02", "stunting", float(k), 1000.0) for code, k in zip(both, february, strict=True)]
    rows += [(code, "2026-01", "stunting", 30.0, 100.0) for code in january_only]
    rows += [(code, "2026-02", "stunting", 10.0, 100.0) for code in february_only]
    return _obs(rows), codes


def test_honest001_like_for_like_change_is_over_villages_in_both_periods() -> None:
    observations, codes = two_months()
    change = like_for_like(observations, "stunting", "2026-01", "2026-02", codes)
    assert change.compared == 94
    assert change.change == pytest.approx(-0.9)
    assert change.stunted_change == -846
    naive = headline(observations, codes, 80.0, period="2026-02", before=None)
    assert naive is not None and naive.change is not None
    assert naive.change.change == pytest.approx(-0.9)  # the headline uses the same like-for-like change
    # The figure the card used to show: all of February's villages against all of January's.
    jan = observations[observations.period == "2026-01"]
    feb = observations[observations.period == "2026-02"]
    raw = 100 * (feb.numerator.sum() / feb.denominator.sum() - jan.numerator.sum() / jan.denominator.sum())
    assert raw == pytest.approx(-1.66, abs=0.01)  # what the card used to say: nearly twice the real fall
    assert change.low is not None and change.high is not None and change.low < -0.9 < change.high
    assert change.significant is True  # 0.9 pp over 94,000 children is beyond sampling


def test_honest002_newcombe_interval_matches_the_published_example() -> None:
    # Newcombe (1998), Table II example (h): 56/70 against 48/80 -> difference 0.2, 95% CI 0.0524 to 0.3339.
    observations = _obs([("A", "2025-01", "stunting", 48.0, 80.0), ("A", "2025-02", "stunting", 56.0, 70.0)])
    change = like_for_like(observations, "stunting", "2025-01", "2025-02")
    assert change.change == pytest.approx(20.0)
    assert change.low == pytest.approx(5.24, abs=0.01)
    assert change.high == pytest.approx(33.39, abs=0.01)
    assert change.significant is True


def test_honest003_change_by_kecamatan_and_classes_separate_no_value() -> None:
    observations, codes = two_months()
    groups = pd.Series([c[:8] for c in codes], index=codes)
    table = change_by_group(observations, "stunting", "2026-01", "2026-02", groups)
    assert table["compared"].sum() == 94
    assert set(table.index) == set(groups)  # kecamatan without comparable villages are kept, with NaN
    assert table.loc[table["compared"] == 0, "significant"].isna().all()
    classes = change_classes(
        pd.Series([np.nan, 0.5, -9.0, 9.0, -0.4]), pd.Series([pd.NA, False, True, True, pd.NA], dtype="boolean")
    )
    assert all(type(c) is ChangeClass for c in classes)
    assert classes.tolist() == [
        ChangeClass.NO_VALUE, ChangeClass.NOT_SIGNIFICANT, ChangeClass.FALL, ChangeClass.RISE, ChangeClass.NO_VALUE,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("period", "available", "expected"),
    [
        ("2025-08", ["2024-08", "2025-02", "2025-07"], "2024-08"),  # same month a year earlier
        ("2025-07", ["2024-06", "2025-02", "2025-06"], "2025-02"),  # else the previous weighing month
        ("2025-07", ["2024-12", "2025-05", "2025-06"], "2025-06"),  # else the previous period with data
        ("2025-02", ["2025-02", "2025-08"], None),
        ("2025", ["2023", "2024-02"], "2023"),  # years with years
    ],
)
def test_honest004_default_comparison_period(period: str, available: list[str], expected: str | None) -> None:
    assert comparison_period(period, available) == expected


def test_honest005_a_period_of_3_of_272_villages_is_not_the_default() -> None:
    codes = [_code(i) for i in range(272)]
    rows = [(c, "2025-08", "stunting", 20.0, 100.0) for c in codes[:260]]
    rows += [(c, "2025-09", "stunting", 30.0, 100.0) for c in codes[:3]]
    observations = _obs(rows)
    table = completeness_by_period(observations, codes)
    assert [(c.period, c.reporting, c.villages) for c in table] == [("2025-08", 260, 272), ("2025-09", 3, 272)]
    assert default_period(table, 80.0) == "2025-08"
    result = headline(observations, codes, 80.0)
    assert result is not None and result.period == "2025-08" and result.complete
    later = headline(observations, codes, 80.0, period="2025-09")
    assert later is not None and not later.complete and later.completeness.reporting == 3
    # When no period reaches the threshold: the latest of the most complete, marked incomplete.
    assert default_period(completeness_by_period(observations, codes + [f"x{i}" for i in range(200)]), 80.0) == (
        "2025-08"
    )


def test_honest006_completeness_counts_children_measured_of_target_where_known() -> None:
    observations = _obs(
        [
            ("A", "2025-02", "stunting", 5.0, 40.0),
            ("A", "2025-02", "pengukuran", 40.0, 50.0),
            ("B", "2025-02", "stunting", 5.0, 30.0),  # no target: left out of the measured share
            ("C", "2025-02", "stunting", 0.0, 0.0),  # 0/0 does not report
        ]
    )
    result = completeness_of(observations, "2025-02", ["A", "B", "C", "D"])
    assert (result.reporting, result.villages) == (2, 4)
    assert result.share == 50.0
    assert (result.measured, result.target, result.measured_share) == (40.0, 50.0, 80.0)


def test_honest007_zero_stunting_over_1443_children_is_flagged() -> None:
    # A puskesmas area of five villages: 0 stunted of 1,443 measured in March, 7-10% around it.
    area = ["A1", "A2", "A3", "A4", "A5"]
    measured = [300.0, 280.0, 301.0, 262.0, 300.0]
    assert sum(measured) == 1443
    rows = []
    for code, n in zip(area, measured, strict=True):
        rows += [(f"52.03.01.{code}", "2025-02", "stunting", round(n * 0.08), n)]
        rows += [(f"52.03.01.{code}", "2025-03", "stunting", 0.0, n)]
        rows += [(f"52.03.01.{code}", "2025-04", "stunting", round(n * 0.1), n)]
    rows += [(f"52.03.02.B{i}", "2025-03", "stunting", 20.0, 200.0) for i in range(10)]
    flags = plausibility_flags(_obs(rows))
    zero = flags[flags["flag"] == Flag.ZERO_STUNTING]
    assert sorted(zero["code"]) == sorted(f"52.03.01.{c}" for c in area)
    assert set(zero["period"]) == {"2025-03"}
    assert zero["denominator"].sum() == 1443
    assert (zero["district_rate"] > 5.0).all()
    # The fall to 0 and the rise back are changes sampling cannot explain: the later value is flagged.
    changes = flags[flags["flag"] == Flag.IMPLAUSIBLE_CHANGE]
    assert set(changes["period"]) == {"2025-03", "2025-04"}
    # A village with 20 measured at 0% is possible: not flagged.
    small = plausibility_flags(_obs([("52.03.01.X", "2025-03", "stunting", 0.0, 20.0),
                                     ("52.03.02.Y", "2025-03", "stunting", 30.0, 100.0)]))  # fmt: skip
    assert small.empty


def test_honest008_every_flag_kind_names_its_values() -> None:
    rows = [
        ("52.03.01.2001", "2025-02", "stunting", 54.0, 279.0),
        ("52.03.01.2001", "2025-08", "stunting", 0.0, 321.0),  # 54/279 -> 0/321
        ("52.03.01.2002", "2025-02", "stunting", 10.0, 50.0),
        ("52.03.01.2002", "2025-08", "stunting", 40.0, 200.0),  # denominator x4
        ("52.03.01.2003", "2025-08", "stunting", 10.0, 120.0),
        ("52.03.01.2003", "2025-08", "pengukuran", 100.0, 110.0),  # 120 measured of 110 target
        ("52.03.01.2004", "2025-08", "vitamin_a", 0.0, 0.0),  # 0/0
    ]
    flags = plausibility_flags(_obs(rows))
    found = {(r.code, r.period, str(r.flag)) for r in flags.itertuples()}
    assert ("52.03.01.2001", "2025-08", "implausible_change") in found
    assert ("52.03.01.2002", "2025-08", "denominator_jump") in found
    assert ("52.03.01.2003", "2025-08", "measured_over_target") in found
    assert ("52.03.01.2004", "2025-08", "zero_over_zero") in found
    assert not any(p == "2025-02" for _, p, _ in found)  # the earlier value of a pair is never the one flagged
    jump = flags[flags["flag"] == Flag.DENOMINATOR_JUMP].iloc[0]
    assert (jump["previous_period"], jump["previous_denominator"], jump["denominator"]) == ("2025-02", 50.0, 200.0)
    # A removal clears a flag on a neighbouring period: without February, August stands alone.
    assert plausibility_flags(_obs(rows[1:2])).empty
    assert flags_for(flags, "stunting", "2025-08") == {
        "52.03.01.2001": (Flag.IMPLAUSIBLE_CHANGE, Flag.ZERO_STUNTING),  # 0 of 321 while the district is at 7.8%
        "52.03.01.2002": (Flag.DENOMINATOR_JUMP,),
        "52.03.01.2003": (Flag.MEASURED_OVER_TARGET,),
    }


def test_honest009_shrinkage_pulls_small_villages_to_their_kecamatan() -> None:
    codes = [f"V{i}" for i in range(12)]
    numerator = pd.Series([1.0] + [20.0] * 5 + [2.0] + [40.0] * 5, index=codes)
    denominator = pd.Series([2.0] + [100.0] * 5 + [4.0] + [100.0] * 5, index=codes)
    kecamatan = pd.Series(["K1"] * 6 + ["K2"] * 6, index=codes)
    table = shrunk_rates(numerator, denominator, kecamatan)
    # 1 of 2 children (50%) is pulled to K1's 20.8%, far below its raw rate; 20% of 100 barely moves.
    assert table.at["V0", "raw"] == 50.0
    assert 20.0 < table.at["V0", "rate"] < 25.0
    assert table.at["V1", "rate"] == pytest.approx(20.0, abs=0.5)
    # The same 50% in K2 (around 40%) stays near 40%: each kecamatan has its own prior.
    assert 38.0 < table.at["V6", "rate"] < 45.0
    assert set(table["prior"]) == {"K1", "K2"}
    # A kecamatan with too few villages borrows the district's prior.
    few = shrunk_rates(numerator, denominator, kecamatan, min_villages=7)
    assert set(few["prior"]) == {""}


def test_honest010_headline_json_keys_are_stable() -> None:
    observations, codes = two_months()
    result = headline(observations, codes, 30.0)
    assert result is not None
    data = result.as_json()
    assert tuple(data) == JSON_KEYS
    assert data["periode"] == "2026-01"  # February has 110 of 390 villages (28%), below 30%
    assert data["kelengkapan"] == {
        "desa_melapor": 155, "desa_total": 390, "persen_desa": 39.7, "balita_diukur": None, "sasaran_balita": None,
        "persen_diukur": None, "lengkap": True, "ambang_persen": 30.0,
    }  # fmt: skip
    assert data["perubahan"] is None  # nothing before January


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=40),
    st.lists(st.integers(0, 4), min_size=40, max_size=40),
)
def test_honest011_rate_of_summed_counts_equals_rate_of_aggregated_parts(
    counts: list[tuple[int, int]], parts: list[int]
) -> None:
    rows = [(f"V{i:02d}", "2025-08", "stunting", float(min(k, n)), float(n)) for i, (k, n) in enumerate(counts)]
    observations = _obs(rows)
    codes = observations["code"].tolist()
    whole = headline(observations, codes, 0.0, period="2025-08")
    assert whole is not None
    # Aggregate villages into random groups (kecamatan), then the groups into the district.
    groups = [headline(observations, [c for c, p in zip(codes, parts, strict=False) if p == g], 0.0, "2025-08")
              for g in range(5)]  # fmt: skip
    numerator = sum(g.numerator for g in groups if g is not None)
    denominator = sum(g.denominator for g in groups if g is not None)
    assert (numerator, denominator) == (whole.numerator, whole.denominator)
    if denominator:
        assert whole.rate == pytest.approx(100.0 * numerator / denominator)
    else:
        assert whole.rate is None
