"""Ranking for the lokus desa list: every figure here is worked out by hand in the comments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.plausibility import Flag, plausibility_flags
from dashboard.core.scoring import (
    FEW_CHILDREN,
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
    ranking_input,
    score_villages,
    select,
    sensitivity,
    traffic_light,
)

PREVALENCE, RAW, STUNTED, MEASURED = "prevalensi", "prevalensi_mentah", "jumlah_stunting", "pengukuran"


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
    # The matrix reads the observed prevalence (prevalensi_mentah), not the ranking's estimate.
    values = _values(
        {
            "P1": (30.0, 10.0, 90.0),  # high, many: merah
            "P2": (20.0, 2.0, 90.0),  # high, few: oranye
            "P3": (10.0, 8.0, 90.0),  # low, many: kuning
            "P4": (5.0, 1.0, 90.0),  # low, few: hijau
            "P5": (np.nan, np.nan, 90.0),  # no data: abu-abu
            "P6": (14.0, 5.0, 90.0),  # exactly on both thresholds: high, many
        }
    ).rename(columns={PREVALENCE: RAW})
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
    values = criterion_values(observations, "2025-08", ["A", "B", "C"], ["K1", "K1", "K1"])
    assert values.columns.tolist() == [PREVALENCE, RAW, STUNTED, MEASURED, "wasting", "gap:vitamin_a"]
    assert values.loc["A", [RAW, STUNTED, MEASURED, "wasting", "gap:vitamin_a"]].tolist() == [
        30.0,
        6.0,
        80.0,
        10.0,
        15.0,
    ]
    assert values.loc["B", "gap:vitamin_a"] == 0.0 and values.loc["B", RAW] == 10.0
    # The estimate, two villages (fewer than 5: the district's prior): m = 9/50 = .18;
    # spread s2 = (20 * (.3 - .18)² + 30 * (.1 - .18)²) / 50 = .0096; v = .0096 - .18 * .82 * 2 / 50 = .003696;
    # a + b = .18 * .82 / .003696 - 1 = 38.935; A = (6 + .18 * 38.935) / (20 + 38.935) = 22.07%,
    # B = (3 + 7.008) / 68.935 = 14.52%: each pulled toward 18%, A (20 children) more than B (30).
    assert values[PREVALENCE].round(2).dropna().to_dict() == {"A": 22.07, "B": 14.52}
    assert values.loc["C"].isna().all()
    defaults = {c.key: c for c in default_criteria(values.columns.tolist())}
    assert defaults[MEASURED].direction is Direction.LOWER and not defaults["wasting"].enabled
    assert defaults[PREVALENCE].enabled and not defaults[RAW].enabled  # the raw rate is offered, switched off


def _observations(rows: list[tuple[str, str, float, float]], period: str = "2025-08") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["code", "indicator", "numerator", "denominator"])
    frame["period"] = period
    return frame


def test_lok009_a_village_without_a_score_is_never_selected() -> None:
    # Three villages of five can be scored; a list of 10 holds those 3, never the others in code order.
    values = (
        _values(
            {
                "A": (30.0, 6.0, np.nan),
                "B": (np.nan, np.nan, np.nan),
                "C": (20.0, 4.0, np.nan),
                "D": (np.nan, np.nan, np.nan),
                "E": (10.0, 2.0, np.nan),
            }
        )
        .rename(columns={PREVALENCE: RAW})
        .assign(**{PREVALENCE: lambda f: f[RAW]})
    )
    ranked = rank_villages(values, [Criterion(PREVALENCE), Criterion(STUNTED)])
    assert ranked.index.tolist() == ["A", "C", "E", "B", "D"]  # B and D listed last, without a score
    # ... and without a rank: a printed "4" and "5" would claim an order between villages with no figures.
    assert ranked["rank"].tolist() == [1, 2, 3, pd.NA, pd.NA]
    assert select(ranked, Selection(top_n=10)) == ["A", "C", "E"]
    assert select(ranked, Selection(top_n=None, min_score=0.0)) == ["A", "C", "E"]
    # The matrix: grey (no data) villages are never taken either, whatever N.
    lights = traffic_light(values, TrafficLight(prevalence=14.0))
    assert lights.loc[["B", "D"], "light"].tolist() == [Light.GREY, Light.GREY]
    assert lights.loc[["B", "D"], "rank"].isna().all() and lights["rank"].dropna().tolist() == [1, 2, 3]
    assert select(lights, Selection(top_n=10), Method.TRAFFIC_LIGHT) == ["A", "C", "E"]


def test_lok028_a_village_left_out_for_a_flag_is_flagged_not_no_data_in_the_matrix() -> None:
    # B's prevalence and count were left out for a plausibility flag; D has no value at all.
    values = _values(
        {
            "A": (30.0, 6.0, np.nan),
            "B": (np.nan, np.nan, np.nan),
            "C": (5.0, 1.0, np.nan),
            "D": (np.nan, np.nan, np.nan),
        }
    ).rename(columns={PREVALENCE: RAW})
    lights = traffic_light(values, TrafficLight(prevalence=14.0), flagged={"B"})
    assert list(zip(lights.index, lights["light"], strict=True)) == [
        ("A", Light.RED), ("C", Light.GREEN), ("B", Light.FLAGGED), ("D", Light.GREY),
    ]  # fmt: skip
    assert lights["rank"].tolist() == [1, 2, pd.NA, pd.NA]
    assert select(lights, Selection(top_n=10), Method.TRAFFIC_LIGHT) == ["A", "C"]
    # A flagged village that still has both figures (taken back in) is placed like any other.
    kept = values.fillna({RAW: 20.0, STUNTED: 1.0})
    assert (
        traffic_light(kept, TrafficLight(prevalence=14.0, stunted=5.0), flagged={"B"}).loc["B", "light"] == Light.ORANGE
    )


# Eight villages of one kecamatan: stunted, measured, target children, IMD (newborns) given, newborns.
NINE_AND_A_HALF = {
    "99.01.01.2001": (60, 200, 220, 25, 30),
    "99.01.01.2002": (50, 200, 230, 24, 30),
    "99.01.01.2003": (44, 200, 210, 25, 30),
    "99.01.01.2004": (30, 200, 220, 23, 30),
    "99.01.01.2005": (24, 200, 215, 24, 30),
    "99.01.01.2006": (19, 200, 260, 0, 2),  # 9.5% stunted, IMD 0 of 2 newborns: a gap of 80 points on 2 babies
    "99.01.01.2007": (16, 160, 200, 24, 30),
    "99.01.01.2008": (12, 200, 230, 25, 30),
}


def test_lok010_a_coverage_of_zero_of_two_no_longer_ranks_a_village_fourth() -> None:
    rows = []
    for code, (stunted, measured, target, imd, newborns) in NINE_AND_A_HALF.items():
        rows += [
            (code, "stunting", stunted, measured),
            (code, MEASURED, measured, target),
            (code, "imd", imd, newborns),
        ]
    observations = _observations(rows)
    codes = list(NINE_AND_A_HALF)
    kecamatan = ["99.01.01"] * len(codes)
    x = "99.01.01.2006"

    def rank_of_x(min_measured: float) -> tuple[int, pd.DataFrame]:
        given = ranking_input(observations, "2025-08", codes, kecamatan, min_measured=min_measured)
        ranked = rank_villages(given.values, default_criteria(given.values.columns.tolist()))
        return int(ranked.loc[x, "rank"]), given.left_out

    # Without the minimum (the old rule) its IMD gap of 80 points on 2 newborns put it 4th, above a village at 15%.
    assert rank_of_x(0)[0] == 4
    rank, left_out = rank_of_x(10)
    assert rank == 5  # now behind 30%, 25%, 22% and 15%, on its own figures
    assert left_out[["code", "criterion", "reason", "denominator", "kept"]].to_dict("records") == [
        {"code": x, "criterion": "gap:imd", "reason": FEW_CHILDREN, "denominator": 2.0, "kept": False}
    ]


def test_lok011_one_of_two_stunted_does_not_outrank_many_children_at_a_high_rate() -> None:
    # Six villages of one kecamatan: T has 1 stunted of 2 measured (50%), the others 200 each at 10-40%.
    counts = {"T": (1, 2), "U": (80, 200), "V": (60, 200), "W": (40, 200), "X": (30, 200), "Y": (20, 200)}
    observations = _observations([(code, "stunting", k, n) for code, (k, n) in counts.items()])
    codes = list(counts)
    # No minimum here, to see the estimate alone: T's 50% is pulled toward the kecamatan's 23% by its 2 children.
    given = ranking_input(observations, "2025-08", codes, ["K"] * 6, min_measured=0)
    estimate = given.values[PREVALENCE]
    assert 23.0 < estimate["T"] < 27.0  # about 26%: near the kecamatan, far from its own 50%
    assert estimate["T"] < estimate["V"] < estimate["U"]  # below the villages at 30% and 40%
    assert 38.0 < estimate["U"] < 40.0  # 200 children: near its own 40%, barely moved
    by_default = rank_villages(given.values, default_criteria(given.values.columns.tolist()))
    assert by_default.index[0] == "U" and by_default.loc["T", "rank"] > 2
    assert rank_villages(given.values, [Criterion(PREVALENCE)]).index[:2].tolist() == ["U", "V"]
    # On the raw rate T would come first.
    assert rank_villages(given.values, [Criterion(RAW)]).index[0] == "T"
    # With the default minimum of 10 children its rates are left out altogether (its count of 1 stays).
    floor = ranking_input(observations, "2025-08", codes, ["K"] * 6)
    assert floor.values.loc["T", [PREVALENCE, RAW]].isna().all() and floor.values.loc["T", STUNTED] == 1.0
    assert set(floor.left_out.loc[floor.left_out["code"] == "T", "criterion"]) == {PREVALENCE, RAW}


def test_lok012_flagged_values_are_left_out_unless_taken_back() -> None:
    # Z reports 0 stunted of 40 measured while the district is at 25%: flagged zero_stunting.
    counts = {"99.01.01.2001": (50, 200), "99.01.01.2002": (50, 200), "99.01.01.2003": (0, 40)}
    observations = _observations([(code, "stunting", k, n) for code, (k, n) in counts.items()])
    flags = plausibility_flags(observations)
    z = "99.01.01.2003"
    assert flags[["code", "flag"]].to_dict("records") == [{"code": z, "flag": Flag.ZERO_STUNTING}]
    codes = list(counts)
    left = ranking_input(observations, "2025-08", codes, flags=flags)
    assert left.values.loc[z, [PREVALENCE, RAW, STUNTED]].isna().all()
    assert left.observed.loc[z, RAW] == 0.0  # still shown as reported
    assert set(left.left_out["criterion"]) == {PREVALENCE, RAW, STUNTED}
    assert set(left.left_out["reason"]) == {"zero_stunting"} and not left.left_out["kept"].any()
    assert select(rank_villages(left.values, [Criterion(RAW)]), Selection(top_n=3)) == codes[:2]
    # Taken back in by the planner: ranked on its figures, still listed (kept) so it stays marked.
    back = ranking_input(observations, "2025-08", codes, flags=flags, include_flagged=True)
    assert back.values.loc[z, RAW] == 0.0 and back.values.loc[z, STUNTED] == 0.0
    assert back.left_out["kept"].all() and len(back.left_out) == 3
    assert select(rank_villages(back.values, [Criterion(RAW)]), Selection(top_n=3)) == codes


@pytest.mark.parametrize(
    ("indicator", "left_out"),
    [("imd", True), ("vitamin_a", True), ("sanitasi_layak", False), ("air_minum_layak", False),
     ("pendampingan_krs", False)],
)  # fmt: skip
def test_lok013_only_rates_of_children_fall_under_the_minimum_measured(indicator: str, left_out: bool) -> None:
    # 0 of 3: three newborns say nothing about a village; three households' sanitation is a fact about them.
    observations = pd.DataFrame(
        {"code": ["A", "B"], "period": "2025-08", "indicator": indicator, "numerator": [0.0, 50.0],
         "denominator": [3.0, 60.0]}
    )  # fmt: skip
    result = ranking_input(observations, "2025-08", ["A", "B"], min_measured=10)
    key = f"gap:{indicator}"
    assert result.observed.at["A", key] > 0
    assert bool(np.isnan(result.values.at["A", key])) is left_out
    assert (len(result.left_out) == 1) is left_out
    assert not np.isnan(result.values.at["B", key])
