"""From children's z-scores to village counts: row refusals, deduplication, counts, Wilson intervals.

*Prevalensi* (prevalence) is a count of children below a cut-off over the children with a valid
z-score for that index, per village (*desa/kelurahan*) and period. A child measured several times in
a period counts once, with the latest measurement. The child's identity (NIK with sex and birth date,
or name plus birth date) is reduced here to a salted 64-bit hash that lives only in memory for the deduplication; the
identity itself is never returned.

Cut-offs are applied to z-scores rounded to two decimals, as WHO Anthro reports and classifies them.
A flagged z-score (see :mod:`dashboard.core.growth`) is counted as flagged and left out of that
index's numerator and denominator.

>>> low, high = wilson_interval([10], [50])
>>> round(float(low[0]), 4), round(float(high[0]), 4)
(0.1124, 0.3304)
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.core.growth import DAYS_PER_MONTH

__all__ = [
    "COUNT_COLUMNS",
    "OBSERVATION_COLUMNS",
    "Z_95",
    "ChildKeys",
    "Refusal",
    "child_identity",
    "child_keys",
    "counts_to_observations",
    "is_reliable",
    "latest_per_child",
    "nik_collisions",
    "periods_of",
    "refusals",
    "reliable",
    "village_counts",
    "wilson_interval",
    "with_intervals",
]

Z_95 = 1.959963984540054  # the standard normal quantile for a two-sided 95% interval
MAX_AGE_MONTHS = 60  # refused from 60 completed months: "balita" are 0-59 months

COUNT_COLUMNS = [
    "children",  # children after deduplication
    "measured",  # valid, unflagged HAZ: the denominator of stunting (diukur PB/TB)
    "stunted",  # HAZ < -2
    "severely_stunted",  # HAZ < -3
    "weighed",  # valid, unflagged WAZ (ditimbang)
    "underweight",  # WAZ < -2
    "weighed_measured",  # valid, unflagged WHZ (ditimbang dan diukur)
    "wasted",  # WHZ < -2
    "flagged_haz",
    "flagged_waz",
    "flagged_whz",
]
OBSERVATION_COLUMNS = ["code", "period", "indicator", "numerator", "denominator", "source_row"]

# Catalogue key -> (numerator count, denominator count).
_INDICATORS = {
    "stunting": ("stunted", "measured"),
    "stunting_berat": ("severely_stunted", "measured"),
    "wasting": ("wasted", "weighed_measured"),
    "underweight": ("underweight", "weighed"),
}


def wilson_interval(
    numerator: npt.ArrayLike, denominator: npt.ArrayLike, z: float = Z_95
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The Wilson score interval ``(low, high)`` of a proportion (0..1), element-wise; NaN where the denominator is 0.

    Unlike the textbook ±1.96·SE interval it stays inside [0, 1] and is honest for small villages
    (5 of 12 children) and for 0 or all children stunted. Scalars give 0-d arrays. Pure: the map page
    and tables call it on stored numerators and denominators.
    """
    k = np.asarray(numerator, dtype=float)
    n = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        n_ok = np.where(n > 0, n, np.nan)
        p = k / n_ok
        z2 = z * z
        centre = (p + z2 / (2 * n_ok)) / (1 + z2 / n_ok)
        half = z * np.sqrt(p * (1 - p) / n_ok + z2 / (4 * n_ok * n_ok)) / (1 + z2 / n_ok)
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def is_reliable(denominator: npt.ArrayLike, min_measured: int) -> npt.NDArray[np.bool_]:
    """True where at least ``min_measured`` children were measured (``Settings.min_measured``), element-wise.

    A village with fewer is shown as unreliable on maps and in tables; a missing count is unreliable.

    >>> is_reliable([9, 10, float("nan")], 10).tolist()
    [False, True, False]
    """
    counts = np.asarray(denominator, dtype=float)
    return np.nan_to_num(counts, nan=0.0) >= min_measured


def reliable(measured: npt.ArrayLike, minimum: int) -> npt.NDArray[np.bool_]:
    """:func:`is_reliable` under its first name."""
    return is_reliable(measured, minimum)


def with_intervals(
    frame: pd.DataFrame, minimum: int, numerator: str = "numerator", denominator: str = "denominator"
) -> pd.DataFrame:
    """A copy with ``rate``, ``ci_low``, ``ci_high`` (percent) and ``reliable`` added."""
    low, high = wilson_interval(frame[numerator], frame[denominator])
    den = frame[denominator].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 100.0 * frame[numerator].to_numpy(dtype=float) / np.where(den > 0, den, np.nan)
    return frame.assign(rate=rate, ci_low=100.0 * low, ci_high=100.0 * high, reliable=is_reliable(den, minimum))


class Refusal(StrEnum):
    """Why a measurement row is refused; each value is a translation key (``<key>.reason``/``.fix``)."""

    SEX_MISSING = "growth.sex_missing"
    BIRTH_DATE_MISSING = "growth.birth_date_missing"
    MEASURE_DATE_MISSING = "growth.measure_date_missing"
    MEASURE_DATE_FUTURE = "growth.measure_date_future"
    BORN_AFTER_MEASUREMENT = "growth.born_after_measurement"
    AGE_OVER_59_MONTHS = "growth.age_over_59_months"
    WEIGHT_NOT_POSITIVE = "growth.weight_not_positive"
    HEIGHT_NOT_POSITIVE = "growth.height_not_positive"
    NO_MEASUREMENT = "growth.no_measurement"


def refusals(
    sex_code: npt.ArrayLike,
    birth_date: pd.Series,
    measure_date: pd.Series,
    height_cm: npt.ArrayLike,
    weight_kg: npt.ArrayLike,
    today: date,
) -> pd.Series:
    """The first reason each row is refused (a :class:`Refusal` value), or NA for an accepted row.

    Ages count in completed months of 30.4375 days: a child is under five (0-59 months) while
    ``age_days / 30.4375 < 60``, i.e. up to 1826 days; from 1827 days the row is refused. A weight or a
    length/height of zero or less is refused with its own reason (missing ones, NaN, are not). A row
    with neither a usable weight nor a usable length/height has nothing to count.
    """
    birth = pd.to_datetime(birth_date)
    measured = pd.to_datetime(measure_date)
    age = (measured - birth).dt.days.to_numpy(dtype=float, na_value=np.nan)
    height = np.asarray(height_cm, dtype=float)
    weight = np.asarray(weight_kg, dtype=float)
    with np.errstate(invalid="ignore"):
        conditions = [
            np.asarray(sex_code) == 0,
            birth.isna().to_numpy(),
            measured.isna().to_numpy(),
            (measured > pd.Timestamp(today)).to_numpy(dtype=bool, na_value=False),
            age < 0,
            age / DAYS_PER_MONTH >= MAX_AGE_MONTHS,
            weight <= 0,  # a scale reads no child at 0 kg: a typing slip, not a missing value
            height <= 0,
            ~((height > 0) | (weight > 0)),
        ]
    reasons = np.select(conditions, [str(reason) for reason in Refusal], default="")
    return pd.Series(reasons, index=birth_date.index, dtype="string").replace("", pd.NA)


def periods_of(measure_date: pd.Series, yearly: bool = False) -> pd.Series:
    """The period of each measurement: ``YYYY-MM`` (routine months) or ``YYYY`` (a yearly survey)."""
    return pd.to_datetime(measure_date).dt.strftime("%Y" if yearly else "%Y-%m").astype("string")


def _normalised_text(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.lower().str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()
    return text.where(text.str.len() > 0)


def _distinct_per_group(group: pd.Series, value: pd.Series) -> npt.NDArray[np.int64]:
    """Per row, how many distinct non-missing ``value`` its ``group`` holds (0 where the group is missing).

    Through integer codes, not a string groupby: an e-PPGBM export may hold a million rows.
    """
    g, _ = pd.factorize(group, use_na_sentinel=True)
    v, _ = pd.factorize(value, use_na_sentinel=True)
    ok = (g >= 0) & (v >= 0)
    if not ok.any():
        return np.zeros(len(g), dtype=np.int64)
    width = np.int64(v.max()) + 1
    pairs = pd.unique(g[ok].astype(np.int64) * width + v[ok])
    counts = np.bincount(pairs // width, minlength=int(g.max()) + 1)
    return np.where(g >= 0, counts[np.maximum(g, 0)], 0).astype(np.int64)


@dataclass(frozen=True)
class ChildKeys:
    """What :func:`child_identity` tells of each row; never the identity itself.

    ``keys``: a salted 64-bit key, equal for the same child; ``identified``: whether the row could be
    identified at all; ``nik_shared``: whether another child (another sex, birth date or name) carries
    the row's NIK too.
    """

    keys: npt.NDArray[np.uint64]
    identified: npt.NDArray[np.bool_]
    nik_shared: npt.NDArray[np.bool_]


def child_identity(
    nik: pd.Series | None,
    name: pd.Series | None,
    birth_date: pd.Series,
    sex: npt.ArrayLike | None = None,
    salt: str | None = None,
) -> ChildKeys:
    """Each row's child key, whether it is identified, and whether its NIK is shared by another child.

    The key is the NIK when it is a plausible 16-digit number, together with the ``sex`` and birth date
    written beside it, and the name where two rows of that NIK and birth both carry one and they differ:
    records sharing a NIK (a mistyped NIK, a sibling's, the mother's) but differing in any of them are two
    children, never merged. Without a plausible NIK, the normalised name plus the birth date; a row with
    neither gets a key of its own (it cannot be deduplicated). The salt is random per call unless given,
    so keys from two imports cannot be linked; nothing here is stored or returned but hashes and flags.
    """
    index = birth_date.index
    empty = pd.Series(pd.NA, index=index, dtype="string")
    digits = (nik.astype("string") if nik is not None else empty).str.replace(r"\.0$", "", regex=True)
    digits = digits.str.replace(r"\D", "", regex=True)
    nik_ok = digits.str.fullmatch(r"\d{16}").fillna(False) & ~digits.str.fullmatch(r"(\d)\1{15}").fillna(False)
    person = _normalised_text(name) if name is not None else empty
    born = pd.to_datetime(birth_date).dt.strftime("%Y-%m-%d").astype("string")
    sex_text = pd.Series(np.asarray(sex), index=index).astype("string") if sex is not None else empty
    by_name = person.notna() & born.notna()
    row_numbers = pd.Series(np.arange(len(index)), index=index).astype("string")
    by_nik = "n:" + digits + "|" + sex_text.fillna("?") + "|" + born.fillna("?")
    # The name tells two children of one NIK, sex and birth apart only where they both carry one.
    named = _distinct_per_group(by_nik.where(nik_ok), person) > 1
    by_nik = by_nik.where(~named, by_nik + "|" + person.fillna("?"))
    identity = ("r:" + row_numbers).where(~by_name, "b:" + person + "|" + born).where(~nik_ok, by_nik)
    key = salt if salt is not None else secrets.token_hex(8)
    hashes = np.asarray(pd.util.hash_pandas_object(identity, index=False, hash_key=key), dtype=np.uint64)
    shared = _distinct_per_group(digits.where(nik_ok), pd.Series(hashes, index=index)) > 1
    return ChildKeys(hashes, (nik_ok | by_name).to_numpy(dtype=bool), shared)


def child_keys(
    nik: pd.Series | None,
    name: pd.Series | None,
    birth_date: pd.Series,
    salt: str | None = None,
    sex: npt.ArrayLike | None = None,
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
    """A salted 64-bit key per row that is equal for the same child, and whether the row could be identified.

    See :func:`child_identity`, which also tells which rows share a NIK with another child.
    """
    found = child_identity(nik, name, birth_date, sex, salt)
    return found.keys, found.identified


def nik_collisions(
    nik: pd.Series | None, name: pd.Series | None, birth_date: pd.Series, sex: npt.ArrayLike | None = None
) -> npt.NDArray[np.bool_]:
    """Which rows carry a NIK that another child (another sex, birth date or name) carries too.

    They are counted as different children by :func:`child_keys`; the quality report counts them so a
    person can correct the NIKs. Only the per-row answer leaves this function, never a NIK.
    """
    return child_identity(nik, name, birth_date, sex).nik_shared


def latest_per_child(children: pd.DataFrame) -> pd.DataFrame:
    """One row per (``child``, ``period``): the latest ``measure_date``, the later file row on a tie."""
    ordered = children.sort_values(["child", "period", "measure_date", "source_row"], kind="stable")
    return ordered.drop_duplicates(["child", "period"], keep="last")


def village_counts(children: pd.DataFrame) -> pd.DataFrame:
    """:data:`COUNT_COLUMNS` per (``code``, ``period``) from one row per child (see :func:`latest_per_child`).

    Needs ``code``, ``period``, ``source_row``, ``haz``, ``waz``, ``whz`` and the three flags.
    ``source_row`` of the result is the first file row of the village and period.
    """
    columns: dict[str, object] = {"code": children["code"], "period": children["period"]}
    columns["children"] = np.ones(len(children), dtype=np.int64)
    for index, base, cuts in (
        ("haz", "measured", (("stunted", -2.0), ("severely_stunted", -3.0))),
        ("waz", "weighed", (("underweight", -2.0),)),
        ("whz", "weighed_measured", (("wasted", -2.0),)),
    ):
        z = np.round(children[index].to_numpy(dtype=float, na_value=np.nan), 2)
        flagged = children[f"flag_{index}"].to_numpy(dtype=bool)
        valid = np.isfinite(z) & ~flagged
        columns[base] = valid
        for name, cut in cuts:
            with np.errstate(invalid="ignore"):
                columns[name] = valid & (z < cut)
        columns[f"flagged_{index}"] = flagged
    frame = pd.DataFrame(columns, index=children.index)
    frame["source_row"] = children["source_row"]
    aggregations: dict[str, tuple[str, str]] = {name: (name, "sum") for name in COUNT_COLUMNS}
    aggregations["source_row"] = ("source_row", "min")
    counts = frame.groupby(["code", "period"], sort=True, observed=True).agg(**aggregations).reset_index()
    counts[COUNT_COLUMNS] = counts[COUNT_COLUMNS].astype(np.int64)
    return counts


def counts_to_observations(counts: pd.DataFrame) -> pd.DataFrame:
    """The batch's long observations: stunting, stunting_berat, wasting, underweight where the denominator > 0."""
    parts = [
        pd.DataFrame(
            {
                "code": counts["code"],
                "period": counts["period"],
                "indicator": key,
                "numerator": counts[numerator].astype(float),
                "denominator": counts[denominator].astype(float),
                "source_row": counts["source_row"],
            }
        )
        for key, (numerator, denominator) in _INDICATORS.items()
    ]
    long = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=OBSERVATION_COLUMNS)
    long = long[long["denominator"] > 0]
    return long.sort_values(["code", "period", "indicator"], kind="stable").reset_index(drop=True)[OBSERVATION_COLUMNS]
