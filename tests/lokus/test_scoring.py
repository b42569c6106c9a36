"""Ranking for the lokus desa list: every figure here is worked out by hand in the comments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.scoring import (
    Adjustment,
    Criterion,
    Direction,
    Light,
    Method,
    Normalisation,
    Selection,
    TrafficLight,
    apply_adjustments,
    criterion_values,
    default_criteria,
    normalise,
    rank_villages,
    score_villages,
    select,
    sensitivity,
    traffic_light,
)

PREVALENCE, STUNTED, MEASURED = "prevalensi", "jumlah_stunting", "pengukuran"


def _values(rows: dict[str, tuple[float, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=[PREVALENCE, STUNTED, MEASURED], dtype=float)
    frame.index.name = "code"
    return frame


FOUR = _values(
    {
        "A": (30.0, 6.0, 80.0),
        "B": (20.0, 10.0, 60.0),
        "C": (10.0, 2.0, 100.0),
        "D": (np.nan, 4.0, 50.0),  # no prevalence this period
    }
)
CRITERIA = [
    Criterion(PREVALENCE, True, 1.0),
    Criterion(STUNTED, True, 1.0),
    Criterion(MEASURED, True, 0.5, Direction.LOWER),
]


def test_lok001_minmax_scores_by_hand() -> None:
    # prevalence 10..30: A 1, B .5, C 0, D none; stunted 2..10: A .5, B 1, C 0, D .25;
    # measurement coverage, lower first, -100..-50: A .4, B .8, C 0, D 1.
    # A = (1 + .5 + .5*.4) / 2.5 = 68; B = (.5 + 1 + .5*.8) / 2.5 = 76; C = 0; D = (.25 + .5*1) / 1.5 = 50.
    scored = score_villages(FOUR, CRITERIA)
    assert scored["score"].round(6).to_dict() == {"A": 68.0, "B": 76.0, "C": 0.0, "D": 50.0}
    assert scored.loc["D", "missing"] == (PREVALENCE,)
    assert scored.loc["A", "missing"] == ()
    ranked = rank_villages(FOUR, CRITERIA)
    assert ranked.index.tolist() == ["B", "A", "D", "C"]
    assert ranked["rank"].tolist() == [1, 2, 3, 4]


def test_lok002_rank_normalisation_shares_ties() -> None:
    # ascending ranks of 5, 7, 7, 9: 1, 2.5, 2.5, 4 -> (r - 1) / 3 = 0, .5, .5, 1
    values = pd.Series([5.0, 7.0, 7.0, 9.0, np.nan])
    assert normalise(values, Normalisation.RANK, Direction.HIGHER).tolist()[:4] == [0.0, 0.5, 0.5, 1.0]
    assert np.isnan(normalise(values, Normalisation.RANK, Direction.HIGHER).iloc[4])
    # lower first: -5, -7, -7, -9 -> ranks 4, 2.5, 2.5, 1
    assert normalise(values, Normalisation.RANK, Direction.LOWER).tolist()[:4] == [1.0, 0.5, 0.5, 0.0]
    # a criterion equal in every village tells them apart in nothing
    assert normalise(pd.Series([3.0, 3.0]), Normalisation.MINMAX, Direction.HIGHER).tolist() == [0.0, 0.0]


def test_lok003_switched_off_or_zero_weight_criteria_do_not_count() -> None:
    only_prevalence = [Criterion(PREVALENCE), Criterion(STUNTED, enabled=False), Criterion(MEASURED, weight=0.0)]
    scored = score_villages(FOUR, only_prevalence)
    assert scored["score"].dropna().round(6).to_dict() == {"A": 100.0, "B": 50.0, "C": 0.0}
    assert np.isnan(scored.loc["D", "score"])  # nothing to score D on: ranked last
    assert rank_villages(FOUR, only_prevalence).index[-1] == "D"


def test_lok004_ties_broken_by_stunted_then_prevalence_then_code() -> None:
    values = _values({"Q": (20.0, 3.0, 90.0), "P": (20.0, 5.0, 90.0), "S": (20.0, 5.0, 90.0), "R": (10.0, 9.0, 90.0)})
    ranked = rank_villages(values, [Criterion(PREVALENCE)])
    # P, Q, S score 100 (all at the maximum); R scores 0. P and S have 5 stunted, Q 3; P before S by code.
    assert ranked.index.tolist() == ["P", "S", "Q", "R"]


def test_lok005_selection_top_n_threshold_and_changes_by_hand() -> None:
    ranked = rank_villages(FOUR, CRITERIA)
    assert select(ranked, Selection(top_n=2)) == ["B", "A"]
    assert select(ranked, Selection(top_n=None, min_score=50.0)) == ["B", "A", "D"]
    changes = [Adjustment("C", "add", "banjir 2025, posyandu rusak"), Adjustment("B", "remove", "sudah lokus 3 tahun")]
    assert apply_adjustments(["B", "A"], ranked.index.tolist(), changes) == ["A", "C"]
    with pytest.raises(ValueError, match="reason"):
        Adjustment("C", "add", "  ")


def test_lok006_sensitivity_by_hand() -> None:
    # X: 30% and 2 stunted, Y: 10% and 10, Z: 20% and 6. Equal weights: all score 50, Y first (most stunted).
    values = _values({"X": (30.0, 2.0, np.nan), "Y": (10.0, 10.0, np.nan), "Z": (20.0, 6.0, np.nan)})
    criteria = [Criterion(PREVALENCE), Criterion(STUNTED)]
    assert select(rank_villages(values, criteria), Selection(1)) == ["Y"]
    # prevalence x1.2: X = 1.2/2.2 = .545 > Z .5 > Y .455 -> X in, Y out; x0.8: Y .556 stays first.
    # stunted x0.8: X = 1/1.8 = .556 first -> X in, Y out; x1.2: Y stays.
    table = sensitivity(values, criteria, 1)
    assert table.to_dict("records") == [
        {"criterion": PREVALENCE, "change": -20, "entering": (), "leaving": ()},
        {"criterion": PREVALENCE, "change": 20, "entering": ("X",), "leaving": ("Y",)},
        {"criterion": STUNTED, "change": -20, "entering": ("X",), "leaving": ("Y",)},
        {"criterion": STUNTED, "change": 20, "entering": (), "leaving": ()},
    ]


def test_lok007_traffic_light_matrix_by_hand() -> None:
    values = _values(
        {
            "P1": (30.0, 10.0, 90.0),  # high, many: merah
            "P2": (20.0, 2.0, 90.0),  # high, few: oranye
            "P3": (10.0, 8.0, 90.0),  # low, many: kuning
            "P4": (5.0, 1.0, 90.0),  # low, few: hijau
            "P5": (np.nan, np.nan, 90.0),  # no data: abu-abu
            "P6": (14.0, 5.0, 90.0),  # exactly on both thresholds: high, many
        }
    )
    # median stunted of 10, 2, 8, 1, 5 = 5
    ranked = traffic_light(values, TrafficLight(prevalence=14.0))
    assert ranked.attrs["stunted_threshold"] == 5.0
    assert list(zip(ranked.index, ranked["light"], strict=True)) == [
        ("P1", Light.RED), ("P6", Light.RED), ("P2", Light.ORANGE), ("P3", Light.YELLOW), ("P4", Light.GREEN),
        ("P5", Light.GREY),
    ]  # fmt: skip
    assert select(ranked, Selection(top_n=None), Method.TRAFFIC_LIGHT) == ["P1", "P6"]
    stricter = traffic_light(values, TrafficLight(prevalence=25.0, stunted=9.0))
    assert stricter.loc["P6", "light"] == Light.GREEN and stricter.loc["P1", "light"] == Light.RED


def test_lok008_criterion_values_from_counts() -> None:
    rows = [
        ("A", "stunting", 6, 20), ("B", "stunting", 3, 30),
        ("A", "pengukuran", 20, 25), ("B", "pengukuran", 30, 30),
        ("A", "vitamin_a", 45, 60), ("B", "vitamin_a", 57, 60),  # 75% -> gap 15; 95% -> target met, gap 0
        ("A", "wasting", 2, 20),
        ("A", "stunting", 99, 100),  # another period: ignored
    ]  # fmt: skip
    observations = pd.DataFrame(rows, columns=["code", "indicator", "numerator", "denominator"])
    observations["period"] = ["2025-08"] * 7 + ["2025-02"]
    values = criterion_values(observations, "2025-08", ["A", "B", "C"])
    assert values.columns.tolist() == [PREVALENCE, STUNTED, MEASURED, "wasting", "gap:vitamin_a"]
    assert values.loc["A"].tolist() == [30.0, 6.0, 80.0, 10.0, 15.0]
    assert values.loc["B", "gap:vitamin_a"] == 0.0 and values.loc["B", PREVALENCE] == 10.0
    assert values.loc["C"].isna().all()
    defaults = {c.key: c for c in default_criteria(values.columns.tolist())}
    assert defaults[MEASURED].direction is Direction.LOWER and not defaults["wasting"].enabled
