"""Plausibility flags on village values: figures that are possible but that a person should check first.

Routine reports carry recording errors a regent must not be shown as facts: a puskesmas area with
0 stunted of 1,443 measured one month and 7-10% the next; a village going from 54/279 to 0/321.
These rules flag such values. They are warnings, not refusals: the value is stored and shown marked,
and left out of the lokus ranking unless a planner takes it back in. Flags are recomputed from all of
a district's observations whenever they change, so a later import or a removal can raise or clear a
flag on a neighbouring period.

Rules (``Flag``), each naming the village, period, values and reason:

- ``zero_stunting``: 0 stunted with at least 30 children measured while the district (same
  ``PP.KK`` code, same period) is above 5%: a whole unit at 0.0% is more likely unrecorded than real.
- ``implausible_change``: between a village's consecutive periods with data (months with months,
  years with years) a change of an outcome rate whose 99.9% Newcombe interval excludes 0 (see
  :mod:`dashboard.core.change`), i.e. one that sampling cannot explain; the *later* value is flagged.
- ``denominator_jump``: a denominator that grows or shrinks by more than 3x between consecutive
  periods (when the larger is at least 20, so 2 -> 7 newborns is not flagged); the later is flagged.
- ``measured_over_target``: more children measured (stunting denominator) than target children
  (the denominator of ``pengukuran``/``penimbangan``) in the same village and period.
- ``zero_over_zero``: a numerator and denominator of 0, which says nothing.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd

from dashboard.core.change import Z_999, newcombe_interval
from dashboard.core.completeness import TARGET_INDICATORS
from dashboard.core.indicators import CATALOGUE, STUNTING, Kind

__all__ = [
    "FLAG_COLUMNS",
    "JUMP_FACTOR",
    "JUMP_MIN_DENOMINATOR",
    "ZERO_DISTRICT_ABOVE",
    "ZERO_MIN_MEASURED",
    "Flag",
    "flags_for",
    "plausibility_flags",
]

ZERO_MIN_MEASURED = 30
ZERO_DISTRICT_ABOVE = 5.0  # percent
JUMP_FACTOR = 3.0
JUMP_MIN_DENOMINATOR = 20.0

FLAG_COLUMNS = [
    "code",
    "period",
    "indicator",
    "flag",
    "numerator",
    "denominator",
    "previous_period",
    "previous_numerator",
    "previous_denominator",
    "district_rate",
    "target",
]


class Flag(StrEnum):
    """Why a value is flagged; each value is a translation key suffix (``flag.<value>``)."""

    ZERO_STUNTING = "zero_stunting"
    IMPLAUSIBLE_CHANGE = "implausible_change"
    DENOMINATOR_JUMP = "denominator_jump"
    MEASURED_OVER_TARGET = "measured_over_target"
    ZERO_OVER_ZERO = "zero_over_zero"


def _empty() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in FLAG_COLUMNS})


def _values(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per (code, period, indicator) with summed counts."""
    frame = observations[["code", "period", "indicator", "numerator", "denominator"]].copy()
    frame["code"] = frame["code"].astype(str)
    frame["period"] = frame["period"].astype(str)
    return frame.groupby(["code", "period", "indicator"], as_index=False, sort=True)[["numerator", "denominator"]].sum()


def _zero_stunting(values: pd.DataFrame) -> pd.DataFrame:
    rows = values[values["indicator"] == STUNTING].copy()
    rows["district"] = rows["code"].str[:5]
    sums = rows.groupby(["district", "period"])[["numerator", "denominator"]].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        rows["district_rate"] = 100.0 * sums["numerator"] / sums["denominator"].where(sums["denominator"] > 0)
    hit = (
        (rows["numerator"] == 0)
        & (rows["denominator"] >= ZERO_MIN_MEASURED)
        & (rows["district_rate"] > ZERO_DISTRICT_ABOVE)
    )
    return rows[hit].assign(flag=Flag.ZERO_STUNTING)


def _consecutive(values: pd.DataFrame) -> pd.DataFrame:
    """Each value joined with the same village's and indicator's previous period of the same kind."""
    rows = values[values["denominator"] > 0].copy()
    rows["kind"] = rows["period"].str.len()
    rows = rows.sort_values(["code", "indicator", "kind", "period"], kind="stable")
    grouped = rows.groupby(["code", "indicator", "kind"], sort=False)
    rows["previous_period"] = grouped["period"].shift(1)
    rows["previous_numerator"] = grouped["numerator"].shift(1)
    rows["previous_denominator"] = grouped["denominator"].shift(1)
    return rows[rows["previous_period"].notna()].drop(columns="kind")


def _changes(pairs: pd.DataFrame) -> pd.DataFrame:
    outcomes = {key for key, entry in CATALOGUE.items() if entry.kind is Kind.OUTCOME}
    rows = pairs[pairs["indicator"].isin(outcomes)]
    _, low, high = newcombe_interval(
        rows["previous_numerator"], rows["previous_denominator"], rows["numerator"], rows["denominator"], Z_999
    )
    return rows[(low > 0) | (high < 0)].assign(flag=Flag.IMPLAUSIBLE_CHANGE)


def _jumps(pairs: pd.DataFrame) -> pd.DataFrame:
    now, before = pairs["denominator"], pairs["previous_denominator"]
    larger = np.maximum(now, before)
    ratio = larger / np.minimum(now, before)
    return pairs[(ratio > JUMP_FACTOR) & (larger >= JUMP_MIN_DENOMINATOR)].assign(flag=Flag.DENOMINATOR_JUMP)


def _over_target(values: pd.DataFrame) -> pd.DataFrame:
    measured = values[values["indicator"] == STUNTING].set_index(["code", "period"])
    target = pd.Series(np.nan, index=measured.index)
    for key in reversed(TARGET_INDICATORS):  # the first found wins
        found = values[(values["indicator"] == key) & (values["denominator"] > 0)].set_index(["code", "period"])
        target = found["denominator"].reindex(measured.index).combine_first(target)
    hit = measured["denominator"] > target
    return measured[hit.to_numpy()].assign(target=target[hit], flag=Flag.MEASURED_OVER_TARGET).reset_index()


def plausibility_flags(observations: pd.DataFrame) -> pd.DataFrame:
    """Every flag raised by the rules in the module docstring: one row per (value, flag), :data:`FLAG_COLUMNS`.

    ``observations`` is the long format (code, period, indicator, numerator, denominator) of one or
    more districts; rows are sorted by code, period, indicator, flag.
    """
    if observations.empty:
        return _empty()
    values = _values(observations)
    pairs = _consecutive(values)
    parts = [
        _zero_stunting(values),
        _changes(pairs),
        _jumps(pairs),
        _over_target(values),
        values[(values["numerator"] == 0) & (values["denominator"] == 0)].assign(flag=Flag.ZERO_OVER_ZERO),
    ]
    found = pd.concat([part for part in parts if len(part)], ignore_index=True) if any(len(p) for p in parts) else None
    if found is None:
        return _empty()
    found = found.reindex(columns=FLAG_COLUMNS)
    found["flag"] = found["flag"].map(Flag)
    return found.sort_values(["code", "period", "indicator", "flag"], kind="stable").reset_index(drop=True)


def flags_for(flags: pd.DataFrame, indicator: str, period: str) -> dict[str, tuple[Flag, ...]]:
    """Village code -> its flags on ``indicator`` in ``period``.

    Measurement over target is raised on the stunting value and also concerns the other outcomes
    measured on the same children, so it is returned for every outcome indicator.
    """
    shared = {STUNTING} if indicator == STUNTING else set()
    if indicator in CATALOGUE and CATALOGUE[indicator].kind is Kind.OUTCOME:
        shared.add(STUNTING)
    rows = flags[
        (flags["period"] == period)
        & (
            (flags["indicator"] == indicator)
            | ((flags["flag"] == Flag.MEASURED_OVER_TARGET) & flags["indicator"].isin(shared))
        )
    ]
    result: dict[str, tuple[Flag, ...]] = {}
    for code, group in rows.groupby("code", sort=True):
        result[str(code)] = tuple(dict.fromkeys(group["flag"]))
    return result
