"""The two numbers of a year: a survey's stunting estimate beside the routine figure of the same year.

A **survey** (SSGI, SKI) measures the children of a random sample of households once a year, by trained
enumerators, and publishes a prevalence per kabupaten/kota with a 95% interval and no counts. The
**routine** system (e-PPGBM, Sigizi-Kesga) counts every child brought to the posyandu, measured by cadres
and health workers every month; August is the national weighing month (*bulan penimbangan*). They measure
different children in different ways, so they differ; Lokus shows them side by side and never adds a rate
without counts into a sum.

Both are *prevalensi stunting*: children under five with a height-for-age z-score below −2 SD of the WHO 2006
standards (Permenkes 2/2020), in percent of the children measured. The routine figure is one month's: summed
stunted over summed measured across the villages reporting that month, never a sum over months (a child
measured in February and again in August would count twice), with the Wilson (1927) 95% score interval.

>>> obs = pd.DataFrame({"code": ["A", "B", "A"], "period": ["2024-02", "2024-08", "2024-08"],
...                     "indicator": "stunting", "numerator": [9.0, 2.0, 3.0], "denominator": [10.0, 20.0, 30.0]})
>>> est = pd.DataFrame({"code": ["99.01"], "period": ["2024"], "indicator": ["stunting"], "value": [24.1],
...                     "lower": [21.5], "upper": [26.9], "source": ["SSGI 2024"]})
>>> numbers = two_numbers(est, obs, 2024, village_count=2, min_completeness=80.0)
>>> numbers.survey.value, numbers.routine.period, numbers.routine.rate
(24.1, '2024-08', 10.0)
>>> latest_survey_year(est)
2024
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from dashboard.core.codes import Level, level_of, try_normalise_code
from dashboard.core.completeness import Completeness, completeness_of
from dashboard.core.indicators import STUNTING
from dashboard.core.periods import period_kind
from dashboard.core.prevalence import wilson_interval

__all__ = ["WEIGHING_MONTH", "RoutineFigure", "SurveyFigure", "TwoNumbers", "latest_survey_year", "two_numbers"]

WEIGHING_MONTH = 8  # August: the national weighing month (bulan penimbangan), when most children are measured


@dataclass(frozen=True)
class SurveyFigure:
    """A survey's rate-only estimate for a kabupaten/kota: percent, its 95% bounds (None when the source gives
    none), the source as written on import (``SSGI 2024``), and the period (usually the year)."""

    code: str
    period: str
    value: float
    lower: float | None
    upper: float | None
    source: str


@dataclass(frozen=True)
class RoutineFigure:
    """The routine prevalence of one month: stunted (``numerator``) over measured (``denominator``) children
    summed over the villages reporting, its Wilson 95% interval in percent, and the month's completeness
    (villages reporting of the villages in the boundary set; children measured of target children)."""

    period: str  # YYYY-MM: one month, never a sum of months
    numerator: float
    denominator: float
    low: float | None
    high: float | None
    completeness: Completeness
    complete: bool  # villages reporting reach the threshold

    @property
    def rate(self) -> float | None:
        """Prevalence in percent, ``None`` without children measured."""
        return 100.0 * self.numerator / self.denominator if self.denominator > 0 else None

    @property
    def weighing_month(self) -> bool:
        """Whether the period is August, the national weighing month (a quarter or a year never is)."""
        return bool(self.period) and period_kind(self.period) == "month" and int(self.period[5:7]) == WEIGHING_MONTH


@dataclass(frozen=True)
class TwoNumbers:
    """A year's survey estimate of stunting and the routine figure of the same year (None without routine data)."""

    year: int
    survey: SurveyFigure
    routine: RoutineFigure | None


def _district_estimates(estimates: pd.DataFrame) -> pd.DataFrame:
    """The stunting estimates of kabupaten/kota (survey figures of smaller areas are not the district's)."""
    rows = estimates[estimates["indicator"].astype(str) == STUNTING]
    codes = [try_normalise_code(code) for code in rows["code"]]
    return rows[np.array([code is not None and level_of(code) is Level.KABUPATEN for code in codes], dtype=bool)]


def latest_survey_year(estimates: pd.DataFrame) -> int | None:
    """The latest year with a kabupaten/kota survey estimate of stunting (its period's first four digits), or None.

    ``estimates``: :data:`~dashboard.data.source.ESTIMATE_COLUMNS` (code, period, indicator, value, lower, upper,
    source), as :meth:`~dashboard.data.store.Store.estimates` gives them.
    """
    rows = _district_estimates(estimates)
    years = rows["period"].astype(str).str[:4]
    years = years[years.str.fullmatch(r"\d{4}")]
    return int(years.max()) if len(years) else None


def _survey(estimates: pd.DataFrame, year: int) -> SurveyFigure | None:
    """The year's estimate; of several (two surveys, or two files), the newest dataset's (the last row without a
    ``dataset_id`` column)."""
    rows = _district_estimates(estimates)
    rows = rows[rows["period"].astype(str).str[:4] == str(year)]
    if rows.empty:
        return None
    if "dataset_id" in rows.columns:
        rows = rows.sort_values("dataset_id", kind="stable")
    row = rows.iloc[-1]
    lower, upper = (float(row[bound]) if pd.notna(row[bound]) else None for bound in ("lower", "upper"))
    return SurveyFigure(str(row["code"]), str(row["period"]), float(row["value"]), lower, upper, str(row["source"]))


def _routine(observations: pd.DataFrame, year: int, villages: int, minimum: float) -> RoutineFigure | None:
    """The routine figure of the year: August when complete, else the latest complete month, else the latest month
    with data (marked incomplete); None when the year has no routine stunting data."""
    rows = observations[
        (observations["indicator"] == STUNTING)
        & observations["period"].astype(str).str.fullmatch(rf"{year}-\d\d")
        & (observations["denominator"] > 0)
    ]
    if rows.empty:
        return None
    scope = pd.Index(rows["code"].astype(str).unique())
    months = {
        str(month): replace(completeness_of(rows, str(month), scope), villages=villages)
        for month in sorted(rows["period"].astype(str).unique())
    }
    complete = [month for month, done in months.items() if done.complete(minimum)]
    august = f"{year}-{WEIGHING_MONTH:02d}"
    chosen = august if august in complete else max(complete) if complete else max(months)
    # Children measured of target children need the target indicators of the same month, not only stunting's rows.
    done = replace(completeness_of(observations, chosen, scope), villages=villages)
    month = rows[rows["period"].astype(str) == chosen]
    numerator, denominator = float(month["numerator"].sum()), float(month["denominator"].sum())
    lows, highs = wilson_interval(numerator, denominator)
    return RoutineFigure(chosen, numerator, denominator, 100.0 * float(lows), 100.0 * float(highs), done,
                         done.complete(minimum))  # fmt: skip


def two_numbers(
    estimates: pd.DataFrame, observations: pd.DataFrame, year: int, *, village_count: int, min_completeness: float
) -> TwoNumbers | None:
    """The survey estimate of stunting for ``year`` and the routine figure of the same year; None without a survey
    estimate for that year.

    ``estimates``: :data:`~dashboard.data.source.ESTIMATE_COLUMNS` of the district (a ``dataset_id`` column, when
    present, picks the newest of two estimates of one year). ``observations``: the long counts (code, period,
    indicator, numerator, denominator) of the villages of the district's boundary set, of which there are
    ``village_count``; a month's completeness is its villages reporting stunting in percent of ``village_count``,
    and it is complete from ``min_completeness`` percent (``DASHBOARD_MIN_COMPLETENESS``). The routine month is
    that year's August when complete, else the latest complete month of the year, else its latest month with data
    (``complete`` False); its prevalence is that one month's, never a sum over months.
    """
    survey = _survey(estimates, year)
    if survey is None:
        return None
    return TwoNumbers(year, survey, _routine(observations, year, village_count, min_completeness))
