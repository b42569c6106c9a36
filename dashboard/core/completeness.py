"""Completeness (kelengkapan) of a period: villages reporting out of the villages in the boundary set.

A month, a quarter (the village scorecard: villages with services due, ``indicator="konvergensi_desa"``) or a
year alike: the villages with a denominator above zero in that period, over the villages in scope.

A village *reports* an indicator in a period when it has a denominator above zero for it (children
measured, for stunting). A district's headline is only as honest as the share of its villages behind
it: a month in which 3 of 272 villages reported is shown, but marked, and never opened by default.

Children measured out of target children (*sasaran balita*) is the second figure, where the target
is known: the denominator of ``pengukuran`` or ``penimbangan`` (both *sasaran balita*) in the same
village and period.

>>> obs = pd.DataFrame({"code": ["A", "B", "A"], "period": ["2025-01", "2025-01", "2025-02"],
...                     "indicator": "stunting", "numerator": [1.0, 2.0, 3.0], "denominator": [10.0, 20.0, 30.0]})
>>> [(c.period, c.reporting, c.villages) for c in completeness_by_period(obs, ["A", "B", "C"])]
[('2025-01', 2, 3), ('2025-02', 1, 3)]
>>> default_period(completeness_by_period(obs, ["A", "B", "C"]), 60.0)
'2025-01'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.core.codes import CodeError, is_kelurahan
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_order

__all__ = [
    "DEFAULT_MIN_COMPLETENESS",
    "TARGET_INDICATORS",
    "Completeness",
    "completeness_by_period",
    "completeness_of",
    "default_period",
    "missing_villages",
    "reporting_codes",
]

DEFAULT_MIN_COMPLETENESS = 80.0  # percent of villages: ``DASHBOARD_MIN_COMPLETENESS``
# Coverage indicators whose denominator is the village's target children (sasaran balita), first found wins.
TARGET_INDICATORS = ("pengukuran", "penimbangan")


@dataclass(frozen=True)
class Completeness:
    """One period's completeness for one indicator over one set of villages.

    ``reporting`` and ``villages`` are village counts; ``measured`` and ``target`` are children summed
    over the reporting villages whose target is known (``None`` when no village has one).
    """

    period: str
    reporting: int
    villages: int
    measured: float | None = None
    target: float | None = None

    @property
    def share(self) -> float | None:
        """Villages reporting, in percent of the villages in the boundary set; ``None`` without villages."""
        return 100.0 * self.reporting / self.villages if self.villages else None

    @property
    def measured_share(self) -> float | None:
        """Children measured in percent of target children, where the target is known."""
        if self.measured is None or not self.target:
            return None
        return 100.0 * self.measured / self.target

    def complete(self, minimum: float) -> bool:
        """True when at least ``minimum`` percent of villages report."""
        return self.share is not None and self.share >= minimum


def reporting_codes(observations: pd.DataFrame, period: str, indicator: str = STUNTING) -> pd.Index:
    """Codes of the villages with a denominator above zero for ``indicator`` in ``period``, sorted."""
    rows = observations[
        (observations["indicator"] == indicator)
        & (observations["period"] == period)
        & (observations["denominator"] > 0)
    ]
    return pd.Index(sorted(set(rows["code"].astype(str))), name="code")


def _target_by_code(observations: pd.DataFrame, period: str) -> pd.Series:
    for key in TARGET_INDICATORS:
        rows = observations[
            (observations["indicator"] == key) & (observations["period"] == period) & (observations["denominator"] > 0)
        ]
        if len(rows):
            return rows.groupby(rows["code"].astype(str))["denominator"].sum()
    return pd.Series(dtype=float)


def _in_scope(codes: Sequence[str] | pd.Index, indicator: str) -> list[str]:
    """The villages of ``codes`` that can report ``indicator``: every one, or only the desa for a desa-only figure
    (Dana Desa: a kelurahan has none, so it is never missing from them)."""
    entry = CATALOGUE.get(indicator)
    if entry is None or not entry.desa_only:
        return [str(c) for c in codes]
    return [str(c) for c in codes if not _kelurahan(str(c))]


def _kelurahan(code: str) -> bool:
    try:
        return is_kelurahan(code)
    except CodeError:  # a puskesmas or a region above villages: not a kelurahan
        return False


def completeness_of(
    observations: pd.DataFrame, period: str, codes: Sequence[str] | pd.Index, indicator: str = STUNTING
) -> Completeness:
    """:class:`Completeness` of ``period`` over the villages ``codes`` (the boundary set, or a kecamatan's; only its
    desa for a desa-only indicator such as Dana Desa)."""
    scope = pd.Index(_in_scope(codes, indicator)).unique()
    reporting = reporting_codes(observations, period, indicator)
    reporting = reporting[reporting.isin(scope)]
    measured = target = None
    targets = _target_by_code(observations, period)
    targets = targets[targets.index.isin(reporting)]
    if len(targets):
        rows = observations[(observations["indicator"] == indicator) & (observations["period"] == period)]
        by_code = rows.groupby(rows["code"].astype(str))["denominator"].sum()
        measured = float(by_code.reindex(targets.index).fillna(0.0).sum())
        target = float(targets.sum())
    return Completeness(period, len(reporting), len(scope), measured, target)


def completeness_by_period(
    observations: pd.DataFrame, codes: Sequence[str] | pd.Index, indicator: str = STUNTING
) -> list[Completeness]:
    """:func:`completeness_of` for every period with data for ``indicator``, oldest first."""
    periods = sorted(observations.loc[observations["indicator"] == indicator, "period"].astype(str).unique(),
                     key=period_order)  # fmt: skip
    return [completeness_of(observations, period, codes, indicator) for period in periods]


def default_period(table: Sequence[Completeness], minimum: float) -> str | None:
    """The period to open on: the latest reaching ``minimum`` percent of villages.

    When none does, the latest of those with the highest completeness (shown marked as incomplete);
    ``None`` without periods.
    """
    if not table:
        return None
    complete = [c.period for c in table if c.complete(minimum)]
    if complete:
        return max(complete, key=period_order)
    best = max(c.share or 0.0 for c in table)
    return max((c.period for c in table if (c.share or 0.0) == best), key=period_order)


def missing_villages(
    observations: pd.DataFrame, period: str, codes: Sequence[str] | pd.Index, indicator: str = STUNTING
) -> list[str]:
    """Codes in ``codes`` that do not report ``indicator`` in ``period`` (and could: see :func:`completeness_of`),
    sorted."""
    reporting = set(reporting_codes(observations, period, indicator))
    return sorted(c for c in _in_scope(codes, indicator) if c not in reporting)
