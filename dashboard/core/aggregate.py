"""Aggregation of counts: village values, kecamatan and district totals, ranks, KPI figures.

Every rate is a sum of numerators over a sum of denominators. Averaging village percentages would
give a village of 10 children the weight of one with 1,000, so it is never done here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.indicators import STUNTING, Direction, get_indicator

__all__ = [
    "Kpis",
    "Measure",
    "Statistic",
    "district_kpis",
    "number_or_none",
    "rank_villages",
    "total",
    "village_table",
]


class Statistic:
    """What a map shows of an indicator: its rate in percent, or its numerator as a count."""

    RATE = "rate"
    COUNT = "count"


@dataclass(frozen=True)
class Measure:
    """A map choice: an indicator and a statistic, encoded in one option value ``key`` or ``key@count``."""

    indicator: str
    statistic: str = Statistic.RATE

    @property
    def value(self) -> str:
        return self.indicator if self.statistic == Statistic.RATE else f"{self.indicator}@{Statistic.COUNT}"

    @classmethod
    def parse(cls, value: str) -> Measure:
        indicator, _, statistic = value.partition("@")
        get_indicator(indicator)
        if statistic not in ("", Statistic.COUNT):
            raise ValueError(f"unknown statistic in {value!r}")
        return cls(indicator, statistic or Statistic.RATE)


def number_or_none(value: Any) -> float | None:
    """A table cell as a float, or ``None`` for a missing value (NaN, NA, None): what the formatters take."""
    return None if value is None or pd.isna(value) else float(value)


def _rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    with np.errstate(divide="ignore", invalid="ignore"):
        return (100.0 * numerator / denominator.where(denominator > 0)).astype(float)


def village_table(observations: pd.DataFrame, indicator: str, period: str) -> pd.DataFrame:
    """Numerator, denominator and rate (percent) per village code for one indicator and period."""
    rows = observations[(observations["indicator"] == indicator) & (observations["period"] == period)]
    table = rows.groupby("code", sort=True)[["numerator", "denominator"]].sum()
    table["rate"] = _rate(table["numerator"], table["denominator"])
    return table


def total(
    observations: pd.DataFrame, indicator: str, period: str, codes: pd.Index | None = None
) -> tuple[float, float]:
    """Summed numerator and denominator over ``codes`` (all villages when ``None``)."""
    table = village_table(observations, indicator, period)
    if codes is not None:
        table = table[table.index.isin(codes)]
    return float(table["numerator"].sum()), float(table["denominator"].sum())


def rank_villages(observations: pd.DataFrame, indicator: str, period: str) -> pd.Series:
    """Rank of every village with data, 1 = most in need (highest prevalence, lowest coverage).

    Ties share the best rank (``min``), so two villages at 30% are both 3rd and the next is 5th.
    """
    table = village_table(observations, indicator, period)
    rates = table["rate"].dropna()
    worst_first = get_indicator(indicator).direction is Direction.LOWER_IS_BETTER
    return rates.rank(method="min", ascending=not worst_first).astype(int)


@dataclass(frozen=True)
class Kpis:
    """The briefing figures: prevalence now, stunted children now, and the same a period earlier."""

    period: str
    prevalence: float | None
    stunted: float
    measured: float
    previous_period: str | None
    previous_prevalence: float | None
    previous_stunted: float | None

    @property
    def change_points(self) -> float | None:
        """Change in prevalence in percentage points against the previous period."""
        if self.prevalence is None or self.previous_prevalence is None:
            return None
        return self.prevalence - self.previous_prevalence

    @property
    def change_stunted(self) -> float | None:
        if self.previous_stunted is None:
            return None
        return self.stunted - self.previous_stunted


def district_kpis(observations: pd.DataFrame, period: str, previous: str | None, codes: pd.Index | None = None) -> Kpis:
    """KPIs over ``codes`` (the whole district when ``None``) from summed counts."""

    def prevalence_of(p: str) -> tuple[float | None, float, float]:
        stunted, measured = total(observations, STUNTING, p, codes)
        return (100.0 * stunted / measured if measured > 0 else None), stunted, measured

    prevalence, stunted, measured = prevalence_of(period)
    previous_prevalence = previous_stunted = None
    if previous is not None:
        previous_prevalence, previous_stunted, previous_measured = prevalence_of(previous)
        if previous_measured == 0:
            previous_stunted = None
    return Kpis(period, prevalence, stunted, measured, previous, previous_prevalence, previous_stunted)
