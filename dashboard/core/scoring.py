"""Ranking villages for the *lokus desa* list: transparent criteria, weights, and the traffic-light matrix.

A planner must be able to defend to the regent why a village is on the decree's list, so every step
here is simple enough to recompute by hand:

1. **Criteria** are figures per village for one period: stunting prevalence (%), the number of
   stunted children, measurement coverage (%), the gap of each other coverage indicator against its
   target (target − coverage, percentage points; 0 when the target is met), and any other outcome
   rate imported (wasting, underweight, ...). See :func:`criterion_values`. An indicator reported for a
   longer period (the village scorecard each quarter, Dana Desa each year) is read from the quarter or
   year the ranking period lies in (:func:`~dashboard.core.periods.enclosing_periods`); the period may be a
   month, a quarter or a year.

   The ranking's prevalence (``prevalensi``) is the **empirical-Bayes estimate** of
   :mod:`dashboard.core.smoothing`: (stunted + a) / (measured + a + b), the village's own rate pulled
   toward its kecamatan's (the district's when the kecamatan has too few villages), the more so the
   fewer children were measured. Ranked on the raw rate, a village with 1 stunted child of 2 measured
   (50%) would come first; its estimate stays near the kecamatan's rate. The raw rate remains a
   criterion of its own (``prevalensi_mentah``), switched off by default.
2. Some values are **left out** (counted as missing) before ranking, each with its reason
   (:func:`ranking_input`, :data:`LEFT_OUT_COLUMNS`):

   - a rate about children whose denominator is below ``min_measured`` (``DASHBOARD_MIN_MEASURED``,
     default 10): a coverage of 0 of 2 children says nothing about a village. Rates whose
     denominator is not children (households, families) and yes/no village indicators are exempt
     (the catalogue says what each denominator counts: ``Indicator.counted``); the
     number of stunted children is a count, not a rate, and is exempt too;
   - a value carrying a plausibility flag (:mod:`dashboard.core.plausibility`) on the criterion's
     indicator in the period, unless the planner takes flagged values back in.
3. Each criterion that is switched on is **normalised** to 0..1 where 1 is the most in need:

   - ``minmax``: (x − min) / (max − min) over the villages with a value; when every village has
     the same value the criterion tells them apart in nothing and gives 0 to all;
   - ``rank``: (rank − 1) / (n − 1) with ascending ranks, ties sharing their average rank (so two
     villages equal on a criterion get the same share); a single village gets 0.

   ``direction`` says whether a higher value means more need (``higher``: prevalence, number stunted,
   gaps) or a lower one (``lower``: coverage). A lower-first criterion is normalised on −x.
4. The **score** (0–100) is the weighted mean of the normalised criteria a village has a value for:
   100 × Σ wᵢ·nᵢ / Σ wᵢ over those criteria. A missing value neither helps nor hurts a village; the
   criteria it lacks are listed in ``missing`` so the planner sees what the score rests on. A
   village with none of the criteria has no score, is listed last **without a rank** (``rank`` is
   ``<NA>``: a printed rank would claim an order that does not exist) and is **never selected**,
   neither by the top N nor by a minimum score.
5. **Ranking** is by score, highest first; ties are broken by more stunted children, then higher
   prevalence, then the village code, so the order is the same every time and on every machine.

The **traffic-light matrix** of the situation-analysis guidance (Aksi 1) is the second method:
the observed prevalence (``prevalensi_mentah``, after the values left out above) high/low against
number stunted high/low, each at a threshold the planner can edit (defaults: the national target of
14% and the district's median number stunted). Quadrants in order of priority: *merah* (both high),
*oranye* (high prevalence, few children), *kuning* (low prevalence, many children), *hijau* (both
low). Within a quadrant villages are ordered by number stunted, then prevalence. A village whose
prevalence or count was left out for a plausibility flag is *ditandai* (flagged, not counted); a
village without a value is *abu-abu* (no data). Both are listed last, without a rank, and are never
selected.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.aggregate import village_table
from dashboard.core.indicators import CATALOGUE, STUNTING, Counted, Kind
from dashboard.core.periods import PeriodError, enclosing_periods
from dashboard.core.plausibility import flags_for
from dashboard.core.smoothing import shrunk_rates

__all__ = [
    "FEW_CHILDREN",
    "LEFT_OUT_COLUMNS",
    "MEASUREMENT",
    "MIN_MEASURED",
    "OFFICE_COUNTS",
    "PREVALENCE",
    "RAW_PREVALENCE",
    "STUNTED",
    "UNPLACED",
    "Adjustment",
    "Criterion",
    "Direction",
    "Light",
    "Method",
    "Normalisation",
    "RankingInput",
    "Selection",
    "TrafficLight",
    "apply_adjustments",
    "criterion_indicator",
    "criterion_periods",
    "criterion_values",
    "default_criteria",
    "normalise",
    "rank_villages",
    "ranking_input",
    "score_villages",
    "select",
    "sensitivity",
    "traffic_light",
]

MEASUREMENT = "pengukuran"  # the coverage indicator of children measured: how far the prevalence can be trusted
PREVALENCE, STUNTED = "prevalensi", "jumlah_stunting"  # the empirical-Bayes estimate; a count
RAW_PREVALENCE = "prevalensi_mentah"  # the village's own rate, stunted / measured
MIN_MEASURED = 10  # DASHBOARD_MIN_MEASURED's default: children below which a village rate is left out
FEW_CHILDREN = "few_children"  # the reason a value is left out for its small denominator (flags give the others)
LEFT_OUT_COLUMNS = ["code", "criterion", "indicator", "reason", "denominator", "kept"]
SENSITIVITY_STEP = 0.2  # each weight moved by ±20%


class Method(StrEnum):
    WEIGHTED = "weighted"
    TRAFFIC_LIGHT = "traffic_light"


class Direction(StrEnum):
    HIGHER = "higher"  # a higher value means more need
    LOWER = "lower"  # a lower value means more need


class Normalisation(StrEnum):
    MINMAX = "minmax"
    RANK = "rank"


class Light(StrEnum):
    RED = "merah"
    ORANGE = "oranye"
    YELLOW = "kuning"
    GREEN = "hijau"
    FLAGGED = "ditandai"  # a value there, left out for a plausibility flag: not placed, not "no data"
    GREY = "abu-abu"


_LIGHT_ORDER = {Light.RED: 0, Light.ORANGE: 1, Light.YELLOW: 2, Light.GREEN: 3, Light.FLAGGED: 4, Light.GREY: 5}
UNPLACED = (Light.FLAGGED, Light.GREY)  # the matrix's classes that are neither ranked nor selected


@dataclass(frozen=True)
class Criterion:
    """One column of the ranking: which figure, switched on or not, its weight, direction and normalisation."""

    key: str
    enabled: bool = True
    weight: float = 1.0
    direction: Direction = Direction.HIGHER
    normalisation: Normalisation = Normalisation.MINMAX

    def as_dict(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, StrEnum) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Criterion:
        return cls(
            key=str(data["key"]),
            enabled=bool(data.get("enabled", True)),
            weight=float(data.get("weight", 1.0)),
            direction=Direction(data.get("direction", Direction.HIGHER)),
            normalisation=Normalisation(data.get("normalisation", Normalisation.MINMAX)),
        )


@dataclass(frozen=True)
class TrafficLight:
    """The matrix's thresholds: prevalence (%) and number stunted; at or above a threshold is *high*."""

    prevalence: float = 14.0
    stunted: float | None = None  # None: the district's median number stunted


@dataclass(frozen=True)
class Selection:
    """How many villages enter the list: the top ``top_n``, or every village scoring at least ``min_score``."""

    top_n: int | None = 10
    min_score: float | None = None


def criterion_indicator(key: str) -> str:
    """The catalogue indicator a criterion is computed from (``gap:vitamin_a`` -> ``vitamin_a``)."""
    if key in (PREVALENCE, RAW_PREVALENCE, STUNTED):
        return STUNTING
    return key.removeprefix("gap:")


def criterion_values(
    observations: pd.DataFrame, period: str, codes: Sequence[str], kecamatan: Sequence[str] | None = None
) -> pd.DataFrame:
    """The value of every available criterion per village (rows ``codes``, NaN where a village has no data).

    Columns: ``prevalensi`` (stunting %, the empirical-Bayes estimate shrunk toward the village's
    kecamatan; ``kecamatan`` gives each village's kecamatan code, aligned with ``codes``, and without it
    every village shares the district's prior), ``prevalensi_mentah`` (the raw rate), ``jumlah_stunting``,
    ``pengukuran`` (measurement coverage %), ``gap:<key>`` for every other coverage indicator with a
    target (max(0, target − coverage)), and ``<key>`` for every other outcome rate. Only indicators with
    data in ``period``, or in the quarter or year it lies in (:func:`criterion_periods`), give a column.
    Nothing is left out here: see :func:`ranking_input`.
    """
    return _criteria(observations, period, codes, kecamatan)[0]


def criterion_periods(observations: pd.DataFrame, period: str) -> dict[str, str]:
    """For each indicator with data, the period a ranking of ``period`` reads it from: ``period`` itself when
    it has data then, else the shortest enclosing quarter or year that does (``dana_desa_stunting`` of 2025
    for August 2025). Indicators with neither are absent."""
    try:
        candidates = (period, *enclosing_periods(period))
    except PeriodError:  # no period Lokus writes: only its own rows, as before quarters
        candidates = (period,)
    rows = observations[observations["period"].astype(str).isin(candidates)]
    by_period = rows.groupby(rows["period"].astype(str))["indicator"].unique()
    found: dict[str, str] = {}
    for candidate in candidates:
        if candidate in by_period.index:
            for indicator in by_period[candidate]:
                found.setdefault(str(indicator), candidate)
    return found


def _criteria(
    observations: pd.DataFrame, period: str, codes: Sequence[str], kecamatan: Sequence[str] | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The criteria's values and, column for column, the denominators they rest on."""
    index = pd.Index([str(c) for c in codes], name="code")
    columns: dict[str, pd.Series] = {}
    denominators: dict[str, pd.Series] = {}
    sources = criterion_periods(observations, period)
    present = {key for key, source in sources.items() if source == period}
    if STUNTING in present:
        table = village_table(observations, STUNTING, period).reindex(index)
        groups = pd.Series(list(kecamatan) if kecamatan is not None else "", index=index, dtype=object)
        shrunk = shrunk_rates(table["numerator"].fillna(0.0), table["denominator"].fillna(0.0), groups)
        columns[PREVALENCE] = shrunk["rate"]
        columns[RAW_PREVALENCE] = table["rate"]
        columns[STUNTED] = table["numerator"].where(table["denominator"] > 0)
        for key in (PREVALENCE, RAW_PREVALENCE, STUNTED):
            denominators[key] = table["denominator"]
    if MEASUREMENT in present:
        table = village_table(observations, MEASUREMENT, period).reindex(index)
        columns[MEASUREMENT], denominators[MEASUREMENT] = table["rate"], table["denominator"]
    for key, indicator in CATALOGUE.items():
        if key not in sources or key in (STUNTING, MEASUREMENT):
            continue
        table = village_table(observations, key, sources[key]).reindex(index)
        if indicator.kind is Kind.COVERAGE:
            if indicator.target is not None:
                columns[f"gap:{key}"] = (indicator.target - table["rate"]).clip(lower=0.0)
                denominators[f"gap:{key}"] = table["denominator"]
        else:
            columns[key], denominators[key] = table["rate"], table["denominator"]
    return pd.DataFrame(columns, index=index, dtype=float), pd.DataFrame(denominators, index=index, dtype=float)


@dataclass(frozen=True)
class RankingInput:
    """The criteria of one period as observed, as ranked, and why any value was left out."""

    observed: pd.DataFrame  # :func:`criterion_values`: every figure as reported, shown to the planner
    values: pd.DataFrame  # the same with the values left out set to NaN: what is ranked
    left_out: pd.DataFrame  # LEFT_OUT_COLUMNS: one row per (village, criterion, reason)


def ranking_input(
    observations: pd.DataFrame,
    period: str,
    codes: Sequence[str],
    kecamatan: Sequence[str] | None = None,
    min_measured: float = MIN_MEASURED,
    flags: pd.DataFrame | None = None,
    include_flagged: bool = False,
) -> RankingInput:
    """The criteria with the values a ranking must not rest on left out (module docstring, step 2).

    ``left_out`` names the village, the criterion, its indicator, the reason (:data:`FEW_CHILDREN` or a
    :class:`~dashboard.core.plausibility.Flag` value) and the denominator. With ``include_flagged``
    flagged values are ranked as they are and listed with ``kept`` True, so they stay marked.
    """
    observed, denominators = _criteria(observations, period, codes, kecamatan)
    sources = criterion_periods(observations, period)
    rows: list[tuple[str, str, str, str, float, bool]] = []
    for key in observed.columns:
        indicator = criterion_indicator(key)
        known = observed[key].notna()
        size = denominators[key]
        if key != STUNTED and CATALOGUE[indicator].about_children:
            rows += [
                (code, key, indicator, FEW_CHILDREN, size[code], False)
                for code in known.index[known & (size < min_measured)]
            ]
        flagged = flags_for(flags, indicator, sources.get(indicator, period)) if flags is not None else {}
        for code in known.index[known & known.index.isin(list(flagged))]:
            rows += [(code, key, indicator, str(flag), size[code], include_flagged) for flag in flagged[code]]
    left_out = pd.DataFrame(rows, columns=LEFT_OUT_COLUMNS).astype({"denominator": float, "kept": bool})
    values = observed.copy()
    for code, key in left_out.loc[~left_out["kept"], ["code", "criterion"]].itertuples(index=False):
        values.at[code, key] = np.nan
    return RankingInput(observed, values, left_out)


# What the other offices count (issue 18): services due, yes/no village facts, cadres, rupiah.
OFFICE_COUNTS = frozenset({Counted.SERVICES, Counted.VILLAGE, Counted.CADRES, Counted.RUPIAH})


def default_criteria(available: Sequence[str]) -> list[Criterion]:
    """Sensible starting weights: prevalence (the estimate) and number stunted count most, measurement
    coverage half, each service gap a quarter; the raw prevalence and other outcome rates are offered but
    switched off, and so are the other offices' figures (the village scorecard, KPM and cadres, Dana Desa:
    :data:`OFFICE_COUNTS`): a district chooses to rank by them, they do not silently reorder its list."""
    criteria = []
    for key in available:
        if key == RAW_PREVALENCE:
            criteria.append(Criterion(key, False, 1.0))
        elif key in (PREVALENCE, STUNTED):
            criteria.append(Criterion(key, True, 1.0))
        elif key == MEASUREMENT:
            criteria.append(Criterion(key, True, 0.5, Direction.LOWER))
        elif key.startswith("gap:"):
            entry = CATALOGUE.get(key[4:])
            criteria.append(Criterion(key, entry is None or entry.counted not in OFFICE_COUNTS, 0.25))
        else:
            criteria.append(Criterion(key, False, 0.5))
    return criteria


def normalise(values: pd.Series, method: Normalisation, direction: Direction) -> pd.Series:
    """0..1, 1 = most in need; NaN stays NaN (see the module docstring for ties and constant criteria).

    >>> normalise(pd.Series([10.0, 20.0, 40.0]), Normalisation.MINMAX, Direction.HIGHER).round(4).tolist()
    [0.0, 0.3333, 1.0]
    >>> normalise(pd.Series([10.0, 20.0, 20.0]), Normalisation.RANK, Direction.LOWER).tolist()
    [1.0, 0.25, 0.25]
    """
    x = values.astype(float) if direction is Direction.HIGHER else -values.astype(float)
    known = x.notna()
    if method is Normalisation.RANK:
        n = int(known.sum())
        ranks = x.rank(method="average", ascending=True)
        return (ranks - 1) / (n - 1) if n > 1 else ranks * 0.0
    low, high = x.min(), x.max()
    if not known.any() or high == low:
        return x * 0.0
    return (x - low) / (high - low)


def score_villages(values: pd.DataFrame, criteria: Sequence[Criterion]) -> pd.DataFrame:
    """Score (0–100), the normalised criteria (``n:<key>``) and the criteria each village lacks (``missing``)."""
    used = [c for c in criteria if c.enabled and c.weight > 0 and c.key in values.columns]
    normals = {f"n:{c.key}": normalise(values[c.key], c.normalisation, c.direction) for c in used}
    # The weighted mean over the criteria a village has, summed criterion by criterion as numpy arrays (the same
    # additions in the same order as before, without a pandas object per step: a ranking is recomputed per weight).
    weighted = np.zeros(len(values.index))
    weights = np.zeros(len(values.index))
    for criterion in used:
        normal = normals[f"n:{criterion.key}"].to_numpy(dtype=float)
        has = ~np.isnan(normal)
        weighted += np.where(has, normal, 0.0) * criterion.weight
        weights += has * criterion.weight
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(weights > 0, 100.0 * weighted / np.where(weights > 0, weights, 1.0), np.nan)
    result = pd.DataFrame({**normals, "score": score.astype(float)}, index=values.index)
    keys = [c.key for c in used]
    lacking = values[keys].isna().to_numpy()  # row by row over a numpy array: iterrows costs seconds per ranking
    result["missing"] = [tuple(k for k, gap in zip(keys, row, strict=True) if gap) for row in lacking]
    return result


def rank_villages(values: pd.DataFrame, criteria: Sequence[Criterion]) -> pd.DataFrame:
    """Villages in priority order with ``rank``, ``score``, the raw criteria and ``missing``.

    The villages with a score are ranked 1..k; those without one follow, with ``rank`` ``<NA>``. Ties are
    broken by number stunted, then prevalence (both higher first), then code.
    """
    scored = score_villages(values, criteria)
    table = values.join(scored)
    return _ordered(table, ["score"], placed=table["score"].notna())


def _ordered(
    table: pd.DataFrame,
    first: list[str],
    ascending_first: list[bool] | None = None,
    prevalence: str = PREVALENCE,
    placed: pd.Series | None = None,
) -> pd.DataFrame:
    """``table`` sorted on ``first`` then the tie-breaks, with ``rank`` 1..k over the ``placed`` villages (which
    ``first`` sorts first) and ``<NA>`` for the others."""
    keys = pd.DataFrame(index=table.index)
    order: list[str] = []
    ascending: list[bool] = []
    for column, up in zip(first, ascending_first or [False] * len(first), strict=True):
        keys[column] = table[column]
        order.append(column)
        ascending.append(up)
    for column in (STUNTED, prevalence):
        keys[f"_{column}"] = table[column] if column in table.columns else np.nan
        order.append(f"_{column}")
        ascending.append(False)
    keys["_code"] = table.index
    order.append("_code")
    ascending.append(True)
    sorted_index = keys.sort_values(order, ascending=ascending, na_position="last", kind="stable").index
    ranked = table.loc[sorted_index].copy()
    ranks = pd.Series(np.arange(1, len(ranked) + 1), index=ranked.index, dtype="Int64")
    if placed is not None:
        ranks = ranks.where(placed.reindex(ranked.index, fill_value=False).astype(bool), pd.NA)
    ranked.insert(0, "rank", ranks)
    return ranked


def traffic_light(values: pd.DataFrame, thresholds: TrafficLight, flagged: Collection[str] = ()) -> pd.DataFrame:
    """Villages in the matrix's priority order with ``rank``, ``light`` and the threshold actually used.

    The prevalence is the observed one (``prevalensi_mentah``). A village with a prevalence but no count
    (or the reverse) cannot be placed: *ditandai* when it is in ``flagged`` (a value left out for a
    plausibility flag), else *abu-abu*. Villages that cannot be placed have no rank.
    """
    prevalence = values[RAW_PREVALENCE] if RAW_PREVALENCE in values.columns else pd.Series(np.nan, index=values.index)
    stunted = values[STUNTED] if STUNTED in values.columns else pd.Series(np.nan, index=values.index)
    count_cut = thresholds.stunted
    if count_cut is None:  # the district's median; with no counts at all nothing is "many"
        count_cut = float(np.nanmedian(stunted.to_numpy(dtype=float))) if stunted.notna().any() else float("inf")
    high_rate = prevalence >= thresholds.prevalence
    high_count = stunted >= count_cut
    light = np.select(
        [prevalence.isna() | stunted.isna(), high_rate & high_count, high_rate, high_count],
        [Light.GREY, Light.RED, Light.ORANGE, Light.YELLOW],
        default=Light.GREEN,
    )
    table = values.copy()
    table["light"] = light
    table.loc[(table["light"] == Light.GREY) & table.index.isin(list(flagged)), "light"] = Light.FLAGGED
    table["_light_order"] = table["light"].map(_LIGHT_ORDER)
    placed = ~table["light"].isin(UNPLACED)
    ranked = _ordered(table, ["_light_order"], [True], RAW_PREVALENCE, placed).drop(columns="_light_order")
    ranked.attrs["stunted_threshold"] = count_cut
    return ranked


def select(ranked: pd.DataFrame, selection: Selection, method: Method = Method.WEIGHTED) -> list[str]:
    """Codes on the list before any change by hand: the top N, or every score at or above ``min_score``.

    Only villages that can be placed are eligible: with a score (weighted method), or neither *abu-abu*
    nor *ditandai* (traffic light). A list of 10 from a district where 3 villages have data holds those 3, never 7
    villages in code order. With the traffic-light method ``min_score`` is not used; the top N of the
    matrix order is taken, or, without N, every *merah* village.
    """
    if method is Method.TRAFFIC_LIGHT:
        eligible = ranked[~ranked["light"].isin(UNPLACED)]
        if selection.top_n is None:
            return [str(c) for c in eligible.index[eligible["light"] == Light.RED]]
    else:
        eligible = ranked[ranked["score"].notna()] if "score" in ranked.columns else ranked.iloc[:0]
        if selection.top_n is None and selection.min_score is not None:
            return [str(c) for c in eligible.index[eligible["score"] >= selection.min_score]]
    n = selection.top_n if selection.top_n is not None else 0
    return [str(c) for c in eligible.index[: max(n, 0)]]


def sensitivity(values: pd.DataFrame, criteria: Sequence[Criterion], top_n: int) -> pd.DataFrame:
    """For each weight moved by −20% and +20% alone: the villages entering and leaving the top ``top_n``.

    One row per (criterion, change) with ``entering`` and ``leaving`` as code tuples; a list that holds
    under every such change is robust to the choice of weights.
    """
    base = set(select(rank_villages(values, criteria), Selection(top_n)))
    rows = []
    for i, criterion in enumerate(criteria):
        if not criterion.enabled or criterion.key not in values.columns:
            continue
        for factor in (1 - SENSITIVITY_STEP, 1 + SENSITIVITY_STEP):
            moved = list(criteria)
            moved[i] = replace(criterion, weight=criterion.weight * factor)
            now = set(select(rank_villages(values, moved), Selection(top_n)))
            rows.append(
                {
                    "criterion": criterion.key,
                    "change": round((factor - 1) * 100),
                    "entering": tuple(sorted(now - base)),
                    "leaving": tuple(sorted(base - now)),
                }
            )
    return pd.DataFrame(rows, columns=["criterion", "change", "entering", "leaving"])


@dataclass(frozen=True)
class Adjustment:
    """A planner's change by hand: ``add`` a village to the list or ``remove`` one, always with a reason."""

    code: str
    action: str  # "add" | "remove"
    reason: str

    def __post_init__(self) -> None:
        if self.action not in ("add", "remove"):
            raise ValueError(f"action must be 'add' or 'remove', not {self.action!r}")
        if not self.reason.strip():
            raise ValueError("a change by hand needs a reason")


def apply_adjustments(
    selected: Sequence[str], ranked_codes: Sequence[str], adjustments: Sequence[Adjustment]
) -> list[str]:
    """The final list in ranking order: the selection, plus villages added, minus villages removed.

    The latest change for a village wins, so adding then removing a village leaves it out.
    """
    chosen = set(selected)
    for adjustment in adjustments:
        if adjustment.action == "add":
            chosen.add(adjustment.code)
        else:
            chosen.discard(adjustment.code)
    return [code for code in ranked_codes if code in chosen]
