"""Change between two periods, like for like: over the villages with values in both, with Newcombe's interval.

A district's prevalence in January over 155 villages and in February over 110 are figures of two
different populations; their difference mixes real change with which villages happened to report.
So a change is always computed over the villages that report in **both** periods, says how many,
and carries a 95% interval for the difference of the two summed proportions.

The interval is Newcombe's (1998, *Statistics in Medicine* 17:873, method 10) hybrid score interval
for a difference of proportions, built from the Wilson intervals ``(l1, u1)`` of ``p1`` (after) and
``(l2, u2)`` of ``p2`` (before)::

    d    = p1 - p2
    low  = d - sqrt((p1 - l1)**2 + (u2 - p2)**2)
    high = d + sqrt((u1 - p1)**2 + (p2 - l2)**2)

For a kecamatan or district the summed counts are treated as one sample of children; the interval
says what sampling alone could explain, not what a change in who was measured could.

>>> obs = pd.DataFrame({"code": ["A", "B", "A", "C"], "period": ["2025-01", "2025-01", "2025-02", "2025-02"],
...                     "indicator": "stunting", "numerator": [20.0, 50.0, 10.0, 0.0],
...                     "denominator": [100.0, 100.0, 100.0, 100.0]})
>>> change = like_for_like(obs, "stunting", "2025-01", "2025-02")
>>> change.compared, change.change, change.stunted_change
(1, -10.0, -10.0)
>>> comparison_period("2025-08", ["2024-08", "2025-02", "2025-07"])
'2024-08'
>>> comparison_period("2025-08", ["2025-02", "2025-07"])
'2025-02'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.core.aggregate import village_table
from dashboard.core.periods import PeriodError, period_kind
from dashboard.core.prevalence import Z_95, wilson_interval

__all__ = [
    "Z_999",
    "Change",
    "ChangeClass",
    "change_by_group",
    "change_classes",
    "comparison_period",
    "like_for_like",
    "newcombe_interval",
]

Z_999 = 3.2905267314919255  # two-sided 99.9%: a change sampling cannot explain (plausibility flags)
WEIGHING_MONTHS = ("02", "08")  # national weighing months (bulan penimbangan)

FloatArray = npt.NDArray[np.float64]


def newcombe_interval(
    numerator_before: npt.ArrayLike,
    denominator_before: npt.ArrayLike,
    numerator_after: npt.ArrayLike,
    denominator_after: npt.ArrayLike,
    z: float = Z_95,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``(difference, low, high)`` of ``after - before`` as proportions (0..1), element-wise.

    NaN where either denominator is 0 or missing. See the module docstring for the method.
    """
    k1, n1 = np.asarray(numerator_after, dtype=float), np.asarray(denominator_after, dtype=float)
    k2, n2 = np.asarray(numerator_before, dtype=float), np.asarray(denominator_before, dtype=float)
    l1, u1 = wilson_interval(k1, n1, z)
    l2, u2 = wilson_interval(k2, n2, z)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = k1 / np.where(n1 > 0, n1, np.nan)
        p2 = k2 / np.where(n2 > 0, n2, np.nan)
    difference = p1 - p2
    low = difference - np.hypot(p1 - l1, u2 - p2)
    high = difference + np.hypot(u1 - p1, p2 - l2)
    return difference, low, high


@dataclass(frozen=True)
class Change:
    """A like-for-like change of one indicator between ``before`` and ``after``.

    Counts are summed over the ``compared`` villages reporting in both periods; rates and ``change``,
    ``low``, ``high`` are percent / percentage points. ``significant`` is ``None`` when nothing could be
    compared, else whether the 95% interval excludes 0.
    """

    before: str
    after: str
    compared: int
    numerator_before: float
    denominator_before: float
    numerator_after: float
    denominator_after: float
    change: float | None
    low: float | None
    high: float | None
    excluded: int = 0  # villages reporting in both periods left out because a value carries a plausibility flag

    @property
    def rate_before(self) -> float | None:
        return 100.0 * self.numerator_before / self.denominator_before if self.denominator_before > 0 else None

    @property
    def rate_after(self) -> float | None:
        return 100.0 * self.numerator_after / self.denominator_after if self.denominator_after > 0 else None

    @property
    def stunted_change(self) -> float | None:
        """Change in the numerator (e.g. stunted children) over the same villages."""
        return self.numerator_after - self.numerator_before if self.compared else None

    @property
    def significant(self) -> bool | None:
        if self.low is None or self.high is None:
            return None
        return self.low > 0 or self.high < 0


def _in_both(observations: pd.DataFrame, indicator: str, before: str, after: str) -> pd.DataFrame:
    first = village_table(observations, indicator, before)
    second = village_table(observations, indicator, after)
    both = first.add_suffix("_before").join(second.add_suffix("_after"), how="inner")
    return both[(both["denominator_before"] > 0) & (both["denominator_after"] > 0)]


def like_for_like(
    observations: pd.DataFrame,
    indicator: str,
    before: str,
    after: str,
    codes: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
) -> Change:
    """The :class:`Change` over the villages (of ``codes``, all when ``None``) reporting in both periods.

    Villages in ``exclude`` (those whose value in either period carries a plausibility flag) are left out and
    counted in ``excluded``: a fall to 0 of 321 children must not make a district's change "significant".
    """
    both = _in_both(observations, indicator, before, after)
    if codes is not None:
        both = both[both.index.isin(list(codes))]
    dropped = both.index.isin(list(exclude))
    excluded = int(dropped.sum())
    both = both[~dropped]
    sums = both[["numerator_before", "denominator_before", "numerator_after", "denominator_after"]].sum()
    k2, n2, k1, n1 = (float(sums[c]) for c in ("numerator_before", "denominator_before", "numerator_after",
                                                "denominator_after"))  # fmt: skip
    if both.empty:
        return Change(before, after, 0, k2, n2, k1, n1, None, None, None, excluded)
    difference, low, high = newcombe_interval(k2, n2, k1, n1)
    return Change(
        before, after, len(both), k2, n2, k1, n1, 100.0 * float(difference), 100.0 * float(low), 100.0 * float(high),
        excluded,
    )  # fmt: skip


def change_by_group(
    observations: pd.DataFrame,
    indicator: str,
    before: str,
    after: str,
    groups: pd.Series,
    exclude: Iterable[str] = (),
) -> pd.DataFrame:
    """Like-for-like change per group (``groups``: village code -> group code, e.g. kecamatan).

    One row per group with ``compared``, the summed counts, ``rate_before``, ``rate_after``, ``change``,
    ``low``, ``high`` (percent) and ``significant`` (NA where nothing could be compared). Villages in
    ``exclude`` are left out, as in :func:`like_for_like`.
    """
    both = _in_both(observations, indicator, before, after)
    both = both[~both.index.isin(list(exclude))]
    group_of = groups.copy()
    group_of.index = group_of.index.astype(str)
    both = both.assign(group=group_of.reindex(both.index).to_numpy())
    sums = both.groupby("group", sort=True)[
        ["numerator_before", "denominator_before", "numerator_after", "denominator_after"]
    ].sum()
    table = pd.DataFrame(index=pd.Index(sorted(set(group_of.dropna())), name="group")).join(sums)
    table["compared"] = both.groupby("group").size().reindex(table.index).fillna(0).astype(int)
    difference, low, high = newcombe_interval(
        table["numerator_before"], table["denominator_before"], table["numerator_after"], table["denominator_after"]
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate_before"] = 100.0 * table["numerator_before"] / table["denominator_before"]
        table["rate_after"] = 100.0 * table["numerator_after"] / table["denominator_after"]
    table["change"], table["low"], table["high"] = 100.0 * difference, 100.0 * low, 100.0 * high
    significant = pd.Series((low > 0) | (high < 0), index=table.index, dtype="boolean")
    table["significant"] = significant.where(np.isfinite(difference))
    return table


def comparison_period(period: str, available: Iterable[str]) -> str | None:
    """The default period to compare ``period`` with.

    The same month a year earlier; else the latest earlier national weighing month (February or
    August); else the latest earlier period with data; ``None`` when there is none. A quarter compares
    with the same quarter a year earlier, else the latest earlier quarter (the weighing months are months'
    rule only). A year compares with the year before, else the latest earlier year. Only periods of the same
    kind (month, quarter, year: :func:`~dashboard.core.periods.period_kind`).
    """
    if not period:  # a district without data has no period to compare
        return None
    kind = period_kind(period)
    earlier = sorted(p for p in set(available) if p < period and _kind(p) == kind)
    if not earlier:
        return None
    if kind == "year":
        return str(int(period) - 1) if str(int(period) - 1) in earlier else earlier[-1]
    year_ago = f"{int(period[:4]) - 1:04d}{period[4:]}"  # 2024-08 for 2025-08, 2024-Q2 for 2025-Q2
    if year_ago in earlier:
        return year_ago
    if kind == "quarter":
        return earlier[-1]
    weighing = [p for p in earlier if p[5:7] in WEIGHING_MONTHS]
    return weighing[-1] if weighing else earlier[-1]


def _kind(period: str) -> str | None:
    """:func:`period_kind`, None for a text that is no period (never compared with anything)."""
    try:
        return period_kind(period)
    except PeriodError:
        return None


class ChangeClass(StrEnum):
    """How the change map colours a village; each value is a translation key suffix."""

    NO_VALUE = "no_value"  # no value in one of the two periods: nothing to compare
    NOT_SIGNIFICANT = "not_significant"
    FALL = "fall"  # significant fall
    RISE = "rise"  # significant rise


def change_classes(change: Sequence[float] | pd.Series, significant: Sequence[object] | pd.Series) -> pd.Series:
    """:class:`ChangeClass` per row from a change (NaN: no value) and its significance (NA: no value)."""
    values = pd.Series(change, dtype=float).reset_index(drop=True)
    known = pd.Series(significant, dtype="boolean").reset_index(drop=True)
    classes = np.select(
        [values.isna().to_numpy() | known.isna().to_numpy(), ~known.fillna(False).to_numpy(dtype=bool),
         values.to_numpy() < 0],
        [ChangeClass.NO_VALUE, ChangeClass.NOT_SIGNIFICANT, ChangeClass.FALL],
        default=ChangeClass.RISE,
    )  # fmt: skip
    index = change.index if isinstance(change, pd.Series) else None
    return pd.Series([ChangeClass(c) for c in classes], index=index, dtype=object)
