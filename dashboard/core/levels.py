"""Figures at every administrative level: codes per level, puskesmas keys, sums of villages and their labels.

A figure reaches a level in one of two ways, and the two are never added together:

- **imported** (:attr:`Origin.IMPORTED`): a file gave it for that region itself (a kabupaten series of the
  province, a survey table by kecamatan, a Dinkes report per puskesmas);
- **sum** (:attr:`Origin.SUM`): the counts of the villages under the region, added up. Only counts are added
  (numerators and denominators, never percentages, never rate-only estimates); ``villages_reporting`` over
  ``villages_expected`` says how complete the sum is.

A *puskesmas* (community health centre) serves a list of villages; its figures are a reporting unit of their own,
stored under a key :func:`puskesmas_key` builds (``52.03#P5203010101``) and never spread onto its villages. The
``#`` sorts before ``.``, so a district's village range (``'52.03.' <= code < '52.03/'``) never holds a puskesmas,
while the first five characters are still the district's code, as for every other code.

Pure: no I/O.

>>> code_prefix("52.03.01.2001", Level.KABUPATEN)
'52.03'
>>> puskesmas_key("52.03", "P5203010101")
'52.03#P5203010101'
>>> split_puskesmas_key("52.03#P5203010101")
('52.03', 'P5203010101')
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd

from dashboard.core.codes import Level
from dashboard.core.prevalence import wilson_interval

__all__ = [
    "CODE_LENGTH",
    "FIGURE_COLUMNS",
    "LEVEL_OBSERVATION_COLUMNS",
    "PUSKESMAS_SEPARATOR",
    "Origin",
    "code_prefix",
    "figures_with_intervals",
    "is_puskesmas_key",
    "level_codes",
    "puskesmas_key",
    "split_puskesmas_key",
    "sum_villages",
]

# Length of a dotted code per level: "52", "52.03", "52.03.01", "52.03.01.2001".
CODE_LENGTH = {Level.PROVINSI: 2, Level.KABUPATEN: 5, Level.KECAMATAN: 8, Level.DESA: 13}
PUSKESMAS_SEPARATOR = "#"
# What the level reads return: the region, the figure, and where it comes from.
LEVEL_OBSERVATION_COLUMNS = [
    "code", "name", "period", "indicator", "numerator", "denominator", "origin", "villages_reporting",
    "villages_expected",
]  # fmt: skip
FIGURE_COLUMNS = ["code", "name", "numerator", "denominator", "value", "lower", "upper", "origin"]


class Origin(StrEnum):
    """Where a figure at a level comes from; pages label each and never add one to the other."""

    IMPORTED = "imported"  # a file gave it for the region itself
    SUM = "sum"  # the sum of the counts of the villages under the region
    ESTIMATE = "estimate"  # a rate-only estimate (value with a 95% interval, no counts) imported for the region


def code_prefix(code: str, level: Level) -> str:
    """The code of ``level`` a dotted code lies in (itself when it is of that level)."""
    return code[: CODE_LENGTH[level]]


def level_codes(codes: pd.Series, level: Level) -> np.ndarray:
    """Which of these dotted codes are of ``level`` (by length; a puskesmas key is of no level)."""
    text = codes.astype(str)
    return ((text.str.len() == CODE_LENGTH[level]) & ~text.str.contains(PUSKESMAS_SEPARATOR, regex=False)).to_numpy()


def puskesmas_key(district_code: str, puskesmas_code: str) -> str:
    """The code a puskesmas's figures are stored under: its district, ``#``, its own code."""
    code = str(puskesmas_code).strip()
    if not code or PUSKESMAS_SEPARATOR in code:
        raise ValueError(f"not a puskesmas code: {puskesmas_code!r}")
    return f"{district_code}{PUSKESMAS_SEPARATOR}{code}"


def is_puskesmas_key(code: object) -> bool:
    """True for a key :func:`puskesmas_key` built."""
    return isinstance(code, str) and PUSKESMAS_SEPARATOR in code


def split_puskesmas_key(key: str) -> tuple[str, str]:
    """``(district code, puskesmas code)`` of a key :func:`puskesmas_key` built."""
    district, separator, code = key.partition(PUSKESMAS_SEPARATOR)
    if not separator or not code:
        raise ValueError(f"not a puskesmas key: {key!r}")
    return district, code


def sum_villages(observations: pd.DataFrame, level: Level, villages_expected: pd.Series | None = None) -> pd.DataFrame:
    """Village counts added up to ``level``, per region, period and indicator.

    Parameters
    ----------
    observations
        Columns ``code, period, indicator, numerator, denominator``; rows whose code is not a village's
        (kecamatan, kabupaten, puskesmas figures) are left out: an imported figure never enters a sum.
    level
        :attr:`Level.KECAMATAN`, :attr:`Level.KABUPATEN` or :attr:`Level.PROVINSI`.
    villages_expected
        Villages known under each region of ``level`` (index: region code), for completeness; regions absent
        from it get NaN.

    Returns
    -------
    DataFrame
        ``code, period, indicator, numerator, denominator, villages_reporting, villages_expected``: sums of
        counts (never of percentages), the number of villages that reported that indicator in that period, and
        the number known. Sorted by code, period, indicator.
    """
    if level is Level.DESA:
        raise ValueError("villages are not a sum of a level below")
    villages = observations[level_codes(observations["code"], Level.DESA)]
    frame = villages.assign(code=villages["code"].astype(str).str[: CODE_LENGTH[level]])
    summed = (
        frame.groupby(["code", "period", "indicator"], sort=True)
        .agg(numerator=("numerator", "sum"), denominator=("denominator", "sum"), villages_reporting=("code", "size"))
        .reset_index()
    )
    expected = villages_expected if villages_expected is not None else pd.Series(dtype=float)
    summed["villages_expected"] = summed["code"].map(expected).astype(float)
    summed["numerator"] = summed["numerator"].astype(float)
    summed["denominator"] = summed["denominator"].astype(float)
    summed["villages_reporting"] = summed["villages_reporting"].astype(int)
    return summed


def figures_with_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """Value and 95% interval in percent for each row: the Wilson interval of counts
    (:func:`dashboard.core.prevalence.wilson_interval`), or the imported interval of a rate-only estimate.

    ``frame`` has ``numerator, denominator`` (NaN for an estimate) and, for estimates, ``value, lower, upper``
    (percent; NaN bounds when the source gave none). Returns a copy with ``value, lower, upper`` set for counts
    (NaN where the denominator is 0) and kept for estimates.
    """
    out = frame.copy()
    for column in ("value", "lower", "upper"):
        if column not in out.columns:
            out[column] = np.nan
    numerator = out["numerator"].to_numpy(dtype=float)
    denominator = out["denominator"].to_numpy(dtype=float)
    counted = ~np.isnan(denominator)
    low, high = wilson_interval(numerator, denominator)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 100.0 * numerator / np.where(denominator > 0, denominator, np.nan)
    out["value"] = np.where(counted, rate, out["value"].to_numpy(dtype=float))
    out["lower"] = np.where(counted, 100.0 * low, out["lower"].to_numpy(dtype=float))
    out["upper"] = np.where(counted, 100.0 * high, out["upper"].to_numpy(dtype=float))
    return out
