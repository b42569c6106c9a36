"""Program gaps: *cakupan* (coverage) against targets, *konvergensi* per village, bivariate classes, change.

A *gap* is how many percentage points a village's coverage of an intervention falls short of its
target; *konvergensi* (convergence) is the share of services with a target that a village meets,
the figure the *Aksi Konvergensi Stunting* reviews ask for. The bivariate classes cross stunting
burden with coverage so that a map can pick out the *lokus* where many children are stunted and few
are reached. Every rate is a sum of numerators over a sum of denominators, as in
:mod:`dashboard.core.aggregate`.

>>> obs = pd.DataFrame({"code": ["A"], "period": ["2025-02"], "indicator": ["vitamin_a"],
...                     "numerator": [45.0], "denominator": [60.0]})
>>> row = coverage_gaps(obs, "2025-02").iloc[0]
>>> float(row["coverage"]), float(row["target"]), float(row["gap"]), bool(row["met"])
(75.0, 90.0, 15.0, False)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.core.aggregate import village_table
from dashboard.core.change import newcombe_interval
from dashboard.core.indicators import CATALOGUE, Kind, coverage_indicators, get_indicator

__all__ = [
    "BIVARIATE_PALETTE",
    "GAP_COLUMNS",
    "bivariate_classes",
    "convergence",
    "coverage_gaps",
    "gap_matrix",
    "period_change",
    "tertile_breaks",
]

# The long gap table's columns and their dtypes; ``met`` is nullable because "no target" is not "missed".
_GAP_DTYPES = {
    "code": "object",
    "indicator": "object",
    "numerator": "float64",
    "denominator": "float64",
    "coverage": "float64",
    "target": "float64",
    "gap": "float64",
    "met": "boolean",
}
GAP_COLUMNS = list(_GAP_DTYPES)

# Joshua Stevens' pink-blue 3x3 scheme (stevens.netlify.app, "Bivariate Choropleth Maps"), readable with
# the common colour-vision deficiencies. Key "b-c": burden class b (0 low .. 2 high), coverage class c
# (0 low .. 2 high). Pink grows with burden and blue with the *shortfall* of coverage (2 - c), so the
# darkest cell, the one a planner must see first, is "2-0": high stunting and low coverage.
BIVARIATE_PALETTE: dict[str, str] = {
    "0-2": "#e8e8e8",  # low burden, high coverage: nothing to do, lightest
    "0-1": "#ace4e4",
    "0-0": "#5ac8c8",  # low burden, low coverage: services lag, children not (yet) stunted
    "1-2": "#dfb0d6",
    "1-1": "#a5add3",
    "1-0": "#5698b9",
    "2-2": "#be64ac",  # high burden despite high coverage: look beyond these services
    "2-1": "#8c62aa",
    "2-0": "#3b4994",  # high burden, low coverage: the priority, darkest
}


def _targets(keys: Sequence[str], overrides: Mapping[str, float | None] | None) -> dict[str, float]:
    """Target per indicator in percent, NaN for none; an override (``None`` = no target) wins over the catalogue."""
    chosen = dict(overrides or {})
    for key in chosen:
        get_indicator(key)  # a typo in an override must not pass silently as "no override"
    targets: dict[str, float] = {}
    for key in keys:
        value = chosen[key] if key in chosen else CATALOGUE[key].target
        targets[key] = math.nan if value is None else float(value)
    return targets


def _coverage_keys(observations: pd.DataFrame, indicators: Sequence[str] | None) -> list[str]:
    if indicators is None:
        present = set(observations["indicator"].unique())
        return [entry.key for entry in coverage_indicators() if entry.key in present]
    for key in indicators:
        if get_indicator(key).kind is not Kind.COVERAGE:
            raise ValueError(f"{key!r} bukan indikator cakupan (coverage); kesenjangan hanya untuk cakupan")
    wanted = set(indicators)
    return [entry.key for entry in coverage_indicators() if entry.key in wanted]


def coverage_gaps(
    observations: pd.DataFrame,
    period: str,
    targets: Mapping[str, float | None] | None = None,
    indicators: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per (village ``code``, coverage ``indicator``) with data in ``period``: :data:`GAP_COLUMNS`.

    ``coverage``, ``target`` and ``gap`` are in percent / percentage points. ``gap = target - coverage``
    is positive when the village is short of its target and negative when it is beyond it (routine
    counts can exceed their denominator). ``targets`` overrides the catalogue per indicator, e.g. a
    district's own RPJMD target; ``None`` there means the district set none. Without a target, ``gap``
    is NaN and ``met`` is NA, not False: an unmet target and no target are different statements. A
    village that reported a denominator of 0 keeps its row with NaN coverage and NA ``met``.

    Indicators are the catalogue's coverage indicators found in the data, or ``indicators`` (which
    must all be coverage indicators), in catalogue order; rows are sorted by code, then indicator.
    """
    keys = _coverage_keys(observations, indicators)
    goals = _targets(keys, targets)
    parts = []
    for key in keys:
        table = village_table(observations, key, period)
        parts.append(
            pd.DataFrame(
                {
                    "code": table.index,
                    "indicator": key,
                    "numerator": table["numerator"].to_numpy(dtype=float),
                    "denominator": table["denominator"].to_numpy(dtype=float),
                    "coverage": table["rate"].to_numpy(dtype=float),
                    "target": goals[key],
                }
            )
        )
    if not parts:
        return pd.DataFrame({column: pd.Series(dtype=_GAP_DTYPES[column]) for column in GAP_COLUMNS})
    gaps = pd.concat(parts, ignore_index=True)
    gaps["gap"] = gaps["target"] - gaps["coverage"]
    known = gaps["target"].notna() & gaps["coverage"].notna()
    gaps["met"] = pd.Series(gaps["coverage"] >= gaps["target"], dtype="boolean").where(known)
    # The parts are in catalogue order already; a stable sort by code keeps it within each village.
    gaps = gaps.sort_values("code", kind="stable")
    return gaps.reset_index(drop=True)[GAP_COLUMNS]


def gap_matrix(gaps: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """Gaps wide: one row per village code in ``order`` (exactly those, in that order), one column per indicator.

    ``order`` is how the heatmap reads top to bottom, e.g. villages by prevalence, highest first; a
    village in ``order`` without any gap row is an all-NaN row, so the list never silently shrinks.
    Columns follow the catalogue, so the same service sits in the same column on every page.
    """
    wide = gaps.pivot_table(index="code", columns="indicator", values="gap", aggfunc="first", dropna=False)
    present = set(gaps["indicator"])
    columns = [key for key in CATALOGUE if key in present]
    matrix = wide.reindex(index=pd.Index(list(order), name="code"), columns=columns)
    matrix.columns.name = "indicator"
    return matrix.astype(float)


def convergence(gaps: pd.DataFrame) -> pd.DataFrame:
    """*Konvergensi* per village code: ``services_with_target``, ``services_met`` and ``score`` (percent).

    Only services that have both a target and data in the village count, in both the numerator and the
    denominator: a service without a target cannot be met or missed, and a service the village did not
    report (or reported with a denominator of 0) says nothing about its delivery. ``score`` is
    ``100 * services_met / services_with_target``, NaN for a village with no countable service.
    """
    counted = gaps["met"].notna()
    met = gaps["met"].fillna(False).astype(bool)
    frame = pd.DataFrame({"code": gaps["code"], "counted": counted, "met": met & counted})
    result = frame.groupby("code", sort=True).agg(services_with_target=("counted", "sum"), services_met=("met", "sum"))
    result = result.astype("int64")
    with_target = result["services_with_target"].where(result["services_with_target"] > 0)
    result["score"] = (100.0 * result["services_met"] / with_target).astype(float)
    return result


def tertile_breaks(values: pd.Series | Sequence[float]) -> tuple[float, float]:
    """The 1/3 and 2/3 quantiles (linear interpolation) of the non-missing ``values``.

    With ties the breaks can land on a repeated value or coincide; since a value on a break goes to the
    lower class (see :func:`bivariate_classes`), tied villages always share a class, and the classes are
    then unequal in size rather than splitting identical villages apart.

    >>> tertile_breaks([10.0, 20.0, 30.0, 40.0, None])
    (20.0, 30.0)
    """
    clean = pd.Series(values, dtype=float).dropna()
    if clean.empty:
        raise ValueError("tidak ada nilai untuk menghitung tertil (no values to compute tertiles from)")
    low, high = np.quantile(clean.to_numpy(), [1.0 / 3.0, 2.0 / 3.0])
    return float(low), float(high)


def _tertile_classes(values: pd.Series, breaks: tuple[float, float] | None) -> pd.Series:
    """Class 0, 1, 2 per value; a value equal to a break takes the lower class; NA where missing."""
    present = values.notna()
    classes = pd.Series(pd.NA, index=values.index, dtype="Int64")
    if not present.any():
        return classes
    low, high = breaks if breaks is not None else tertile_breaks(values)
    if low > high:
        raise ValueError(f"batas tertil harus naik (breaks must be ascending): {low} > {high}")
    # side="left" puts a value equal to a break below it: v <= low -> 0, low < v <= high -> 1, v > high -> 2.
    found = np.searchsorted(np.array([low, high]), values[present].to_numpy(dtype=float), side="left")
    classes[present] = found
    return classes


def bivariate_classes(
    burden: pd.Series,
    coverage: pd.Series,
    burden_breaks: tuple[float, float] | None = None,
    coverage_breaks: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """3x3 classes per village: ``burden_class``, ``coverage_class`` (0 low .. 2 high) and ``cell`` ``"b-c"``.

    ``burden`` (e.g. stunting prevalence) and ``coverage`` are Series indexed by village code; the result
    covers the union of both indexes. Breaks default to :func:`tertile_breaks` of each Series' own
    non-missing values; pass them to compare districts or periods on fixed cut-offs. A value exactly on
    a break goes to the lower class. A village missing one value keeps the class of the other but gets
    no ``cell`` (``None``), so it is drawn as no data, never as "low". ``cell`` is a key of
    :data:`BIVARIATE_PALETTE`.
    """
    index = burden.index.union(coverage.index)
    burden_class = _tertile_classes(burden.reindex(index).astype(float), burden_breaks)
    coverage_class = _tertile_classes(coverage.reindex(index).astype(float), coverage_breaks)
    # Built as a list so the missing cells stay None, a value Dash and JSON pass through as "no data".
    cells = [
        None if pd.isna(b) or pd.isna(c) else f"{b}-{c}"
        for b, c in zip(burden_class.tolist(), coverage_class.tolist(), strict=True)
    ]
    cell = pd.Series(cells, index=index, dtype=object)
    return pd.DataFrame({"burden_class": burden_class, "coverage_class": coverage_class, "cell": cell})


def period_change(observations: pd.DataFrame, indicator: str, before: str, after: str) -> pd.DataFrame:
    """Per village code: counts and rates in ``before`` and ``after``, ``change`` and its 95% interval.

    ``change = rate_after - rate_before`` in percentage points; ``change_low``/``change_high`` are Newcombe's
    hybrid score interval (see :func:`dashboard.core.change.newcombe_interval`). ``significant`` is True
    when the interval excludes 0, and NA when a period has no data (or a denominator of 0) for the village.
    Villages with data in either period are listed; columns with the other period's data are NaN.
    """
    first = village_table(observations, indicator, before).add_suffix("_before")
    second = village_table(observations, indicator, after).add_suffix("_after")
    table = first.join(second, how="outer").sort_index()
    difference, low, high = newcombe_interval(
        table["numerator_before"], table["denominator_before"], table["numerator_after"], table["denominator_after"]
    )
    table["change"] = 100.0 * difference
    table["change_low"] = 100.0 * low
    table["change_high"] = 100.0 * high
    known = np.isfinite(difference)
    significant = pd.Series((low > 0) | (high < 0), index=table.index, dtype="boolean")
    table["significant"] = significant.where(known)
    table.index.name = "code"
    return table[
        [
            "numerator_before",
            "denominator_before",
            "rate_before",
            "numerator_after",
            "denominator_after",
            "rate_after",
            "change",
            "change_low",
            "change_high",
            "significant",
        ]
    ]
