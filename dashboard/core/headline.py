"""The headline of an area (district or kecamatan): the one computation every surface formats.

The main page's cards, ``python -m dashboard summary``, and later the brief, the presentation and the
public page all show this object; none of them recomputes a figure. It holds, for one period:

- **completeness**: villages reporting of the villages in the boundary set, children measured of
  target children (:mod:`dashboard.core.completeness`);
- **prevalence** as summed stunted over summed measured across the villages that reported (never an
  average of village rates), with its 95% Wilson interval, and the number of stunted children;
- the **like-for-like change** against the comparison period (:mod:`dashboard.core.change`);
- the **plausibility flags** raised on the area's values in the period (:mod:`dashboard.core.plausibility`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.core.change import Change, comparison_period, like_for_like
from dashboard.core.completeness import Completeness, completeness_by_period, completeness_of, default_period
from dashboard.core.indicators import STUNTING, get_indicator
from dashboard.core.plausibility import plausibility_flags
from dashboard.core.prevalence import wilson_interval

__all__ = ["JSON_KEYS", "Headline", "choose_period", "headline"]


@dataclass(frozen=True)
class Headline:
    """One area's headline for one period (see the module docstring); percent and children."""

    indicator: str
    period: str
    completeness: Completeness
    complete: bool  # completeness reaches the threshold
    minimum_completeness: float
    numerator: float  # e.g. stunted children, summed over reporting villages
    denominator: float  # e.g. children measured
    low: float | None  # 95% Wilson interval of the rate
    high: float | None
    change: Change | None  # like-for-like against ``change.before``; None without an earlier period
    flags: pd.DataFrame  # plausibility flags on the area's values of ``indicator`` in ``period`` (FLAG_COLUMNS)
    target: float | None  # the catalogue's (national) target, percent

    @property
    def rate(self) -> float | None:
        return 100.0 * self.numerator / self.denominator if self.denominator > 0 else None

    def as_json(self) -> dict[str, Any]:
        """The stable keys documented in the README (``summary --json``)."""
        change = self.change
        return {
            "indikator": self.indicator,
            "periode": self.period,
            "kelengkapan": {
                "desa_melapor": self.completeness.reporting,
                "desa_total": self.completeness.villages,
                "persen_desa": _round(self.completeness.share),
                "balita_diukur": _count(self.completeness.measured),
                "sasaran_balita": _count(self.completeness.target),
                "persen_diukur": _round(self.completeness.measured_share),
                "lengkap": self.complete,
                "ambang_persen": self.minimum_completeness,
            },
            "prevalensi": _round(self.rate),
            "prevalensi_ci95": [_round(self.low), _round(self.high)],
            "jumlah_stunting": _count(self.numerator),
            "jumlah_diukur": _count(self.denominator),
            "target_nasional": self.target,
            "perubahan": None
            if change is None
            else {
                "periode_dasar": change.before,
                "desa_dibandingkan": change.compared,
                "prevalensi_dasar": _round(change.rate_before),
                "prevalensi_kini": _round(change.rate_after),
                "poin_persen": _round(change.change, 2),
                "ci95": [_round(change.low, 2), _round(change.high, 2)],
                "bermakna": change.significant,
                "jumlah_stunting": _count(change.stunted_change),
                "desa_ditandai_tidak_dihitung": change.excluded,
                "diukur_dasar": _count(change.denominator_before),
                "diukur_kini": _count(change.denominator_after),
            },
            "tanda": [
                {
                    "kode": str(row.code),
                    "indikator": str(row.indicator),
                    "alasan": str(row.flag),
                    "pembilang": _count(row.numerator),
                    "penyebut": _count(row.denominator),
                    "periode_sebelumnya": row.previous_period if isinstance(row.previous_period, str) else None,
                }
                for row in self.flags.itertuples(index=False)
            ],
        }


JSON_KEYS = ("indikator", "periode", "kelengkapan", "prevalensi", "prevalensi_ci95", "jumlah_stunting",
             "jumlah_diukur", "target_nasional", "perubahan", "tanda")  # fmt: skip


def _count(value: object) -> int | None:
    """A count of children as a whole number for JSON (``16873``, not ``16873.0``)."""
    rounded = _round(value, 0)
    return None if rounded is None else int(rounded)


def _round(value: object, digits: int = 1) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return round(float(value), digits)  # type: ignore[arg-type]


def choose_period(
    observations: pd.DataFrame, codes: Sequence[str] | pd.Index, minimum: float, indicator: str = STUNTING
) -> str | None:
    """The default period of an area: see :func:`dashboard.core.completeness.default_period`."""
    return default_period(completeness_by_period(observations, codes, indicator), minimum)


def headline(
    observations: pd.DataFrame,
    codes: Sequence[str] | pd.Index,
    minimum: float,
    period: str | None = None,
    before: str | None = None,
    indicator: str = STUNTING,
    flags: pd.DataFrame | None = None,
) -> Headline | None:
    """The :class:`Headline` of the villages ``codes`` (a district's or a kecamatan's boundary set).

    ``period`` defaults to :func:`choose_period` over ``codes``; ``before`` to
    :func:`dashboard.core.change.comparison_period`. ``flags`` (the district's plausibility flags) are
    computed when not given. ``None`` when the indicator has no data at all.
    """
    scope = pd.Index([str(c) for c in codes]).unique()
    periods = sorted(observations.loc[observations["indicator"] == indicator, "period"].astype(str).unique())
    if period is None:
        period = choose_period(observations, scope, minimum, indicator)
    if period is None:
        return None
    if before is None:
        before = comparison_period(period, periods)
    completeness = completeness_of(observations, period, scope, indicator)
    rows = observations[
        (observations["indicator"] == indicator)
        & (observations["period"] == period)
        & observations["code"].astype(str).isin(scope)
        & (observations["denominator"] > 0)
    ]
    numerator, denominator = float(rows["numerator"].sum()), float(rows["denominator"].sum())
    low = high = None
    if denominator > 0:
        lows, highs = wilson_interval(numerator, denominator)
        low, high = 100.0 * float(lows), 100.0 * float(highs)
    if flags is None:
        flags = plausibility_flags(observations)
    change = None
    if before:
        # A value a flag calls into question (0 of 321 after 54 of 279) must not make the change "significant".
        flagged = flags[(flags["indicator"] == indicator) & flags["period"].isin([before, period])]
        change = like_for_like(observations, indicator, before, period, scope, exclude=set(flagged["code"].astype(str)))
    in_scope = flags[
        (flags["period"] == period) & (flags["indicator"] == indicator) & flags["code"].astype(str).isin(scope)
    ]
    return Headline(
        indicator, period, completeness, completeness.complete(minimum), minimum, numerator, denominator,
        low, high, change, in_scope.reset_index(drop=True), get_indicator(indicator).target,
    )  # fmt: skip
