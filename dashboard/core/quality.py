"""Data-quality figures for measurement files, per village and posyandu, as WHO's Anthro Survey Analyser gives.

All figures are computed over the measurement rows of a file (every measurement taken, before a child
measured twice is counted once), because they judge how measuring was done, not how many children
there are. Percentages are of the rows where the figure can be judged; ``None`` when there are none.

- **Flagged**: share of computed HAZ / WAZ / WHZ outside WHO's plausibility limits.
- **SD of z-scores** (unflagged): WHO expects about 0.8–1.2 for HAZ/WAZ/WHZ in a good survey; a wider
  spread points to measuring or recording error.
- **Digit preference in height**: share of heights whose tenth-of-a-centimetre digit is 0 or 5.
  Measured to 0.1 cm, each digit 0–9 should carry about 10%, so 0 and 5 together about 20%; much more
  means heights were rounded to whole or half centimetres. ``height_digit_0_pct`` (about 10%
  expected) shows rounding to whole centimetres alone.
- **Age heaping**: with exact dates, heaping shows as invented birth dates. ``birth_day_1_15_pct``
  is the share of birth dates on the 1st or the 15th of a month (about 2/30.4 = 6.6% expected when
  the day is real); ``age_whole_month_pct`` the share where the birth day of the month equals the
  measurement day, i.e. the age is an exact number of months, as when a date of birth was worked
  back from an age given in months (about 1/30.4 = 3.3% expected).
- **Missing fields**: share of rows without weight, without length/height, without measuring position.
- **Position**: children under 9 months recorded as measured standing (WHO's anthro 1.1.0 treats this as
  implausible and computes their z-scores as if the position were unknown, without the 0.7 cm adjustment).
- **NIK collisions**: rows whose NIK another child (another sex, birth date or name) carries too, from an
  optional ``nik_collision`` column; counted apart as two children, the NIK itself is never shown.
- **Refused** rows (see :func:`dashboard.core.prevalence.refusals`) are counted where their group is known.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.growth import DAYS_PER_MONTH, STANDING_TOO_YOUNG_MONTHS, Position

__all__ = ["EXPECTED_PCT", "QUALITY_COLUMNS", "quality_table"]

QUALITY_COLUMNS = [
    "rows",
    "refused",
    "flagged_haz_pct",
    "flagged_waz_pct",
    "flagged_whz_pct",
    "haz_sd",
    "waz_sd",
    "whz_sd",
    "height_digit_0_5_pct",
    "height_digit_0_pct",
    "birth_day_1_15_pct",
    "age_whole_month_pct",
    "missing_weight_pct",
    "missing_height_pct",
    "missing_position_pct",
    "standing_under_9_months",
    "nik_collisions",
]
# What a figure should be near when measuring and recording are sound (percent).
EXPECTED_PCT = {
    "height_digit_0_5_pct": 20.0,
    "height_digit_0_pct": 10.0,
    "birth_day_1_15_pct": 200.0 / DAYS_PER_MONTH,
    "age_whole_month_pct": 100.0 / DAYS_PER_MONTH,
}


def _pct(hits: pd.Series, judged: pd.Series) -> pd.Series:
    return (100.0 * hits / judged.where(judged > 0)).astype(float)


def quality_table(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """:data:`QUALITY_COLUMNS` per group ``by`` (e.g. ``["code", "posyandu"]``).

    ``rows`` holds one row per measurement row of the file with ``refused`` (bool), ``height_cm``,
    ``weight_kg`` (NaN when missing), ``position`` (:class:`Position` codes), ``birth_date``,
    ``measure_date`` (datetimes), ``haz``, ``waz``, ``whz`` and the three ``flag_`` columns; refused
    rows may have anything in the measurement columns. Groups with a missing key are dropped.
    """
    accepted = ~rows["refused"].to_numpy(dtype=bool)
    height = rows["height_cm"].to_numpy(dtype=float, na_value=np.nan)
    tenth = np.round(height * 10.0) % 10
    birth = pd.to_datetime(rows["birth_date"])
    measured = pd.to_datetime(rows["measure_date"])
    age = (measured - birth).dt.days.to_numpy(dtype=float, na_value=np.nan)
    has_dates = accepted & np.isfinite(age)
    has_height = accepted & np.isfinite(height)
    parts: dict[str, object] = {key: rows[key] for key in by}
    parts["rows"] = accepted
    parts["refused"] = ~accepted
    for index in ("haz", "waz", "whz"):
        z = rows[index].to_numpy(dtype=float, na_value=np.nan)
        flagged = rows[f"flag_{index}"].to_numpy(dtype=bool) & accepted
        computed = np.isfinite(z) & accepted
        clean = computed & ~flagged
        parts[f"_{index}_computed"] = computed
        parts[f"_{index}_flagged"] = flagged
        parts[f"_{index}_n"] = clean
        parts[f"_{index}_sum"] = np.where(clean, z, 0.0)
        parts[f"_{index}_sq"] = np.where(clean, z * z, 0.0)
    parts["_height"] = has_height
    parts["_digit_0_5"] = has_height & np.isin(tenth, (0.0, 5.0))
    parts["_digit_0"] = has_height & (tenth == 0.0)
    parts["_dates"] = has_dates
    parts["_birth_1_15"] = has_dates & birth.dt.day.isin((1, 15)).to_numpy(dtype=bool, na_value=False)
    parts["_whole_month"] = has_dates & (birth.dt.day == measured.dt.day).to_numpy(dtype=bool, na_value=False)
    parts["_missing_weight"] = accepted & ~(rows["weight_kg"].to_numpy(dtype=float, na_value=np.nan) > 0)
    parts["_missing_height"] = accepted & ~(height > 0)
    position = rows["position"].to_numpy(dtype=np.int8)
    parts["_missing_position"] = accepted & (position == Position.UNKNOWN)
    with np.errstate(invalid="ignore"):
        too_young = (position == Position.STANDING) & (age / DAYS_PER_MONTH < STANDING_TOO_YOUNG_MONTHS)
    parts["standing_under_9_months"] = accepted & too_young
    if "nik_collision" in rows.columns:
        parts["nik_collisions"] = accepted & rows["nik_collision"].to_numpy(dtype=bool)
    else:
        parts["nik_collisions"] = np.zeros(len(rows), dtype=bool)

    sums = pd.DataFrame(parts, index=rows.index).groupby(by, sort=True, dropna=True).sum()
    table = pd.DataFrame(index=sums.index)
    table["rows"] = sums["rows"].astype(np.int64)
    table["refused"] = sums["refused"].astype(np.int64)
    for index in ("haz", "waz", "whz"):
        table[f"flagged_{index}_pct"] = _pct(sums[f"_{index}_flagged"], sums[f"_{index}_computed"])
    for index in ("haz", "waz", "whz"):
        n = sums[f"_{index}_n"].where(sums[f"_{index}_n"] > 1)
        mean = sums[f"_{index}_sum"] / n
        variance = (sums[f"_{index}_sq"] - n * mean * mean) / (n - 1)
        table[f"{index}_sd"] = np.sqrt(variance.clip(lower=0.0)).astype(float)
    table["height_digit_0_5_pct"] = _pct(sums["_digit_0_5"], sums["_height"])
    table["height_digit_0_pct"] = _pct(sums["_digit_0"], sums["_height"])
    table["birth_day_1_15_pct"] = _pct(sums["_birth_1_15"], sums["_dates"])
    table["age_whole_month_pct"] = _pct(sums["_whole_month"], sums["_dates"])
    table["missing_weight_pct"] = _pct(sums["_missing_weight"], sums["rows"])
    table["missing_height_pct"] = _pct(sums["_missing_height"], sums["rows"])
    table["missing_position_pct"] = _pct(sums["_missing_position"], sums["rows"])
    table["standing_under_9_months"] = sums["standing_under_9_months"].astype(np.int64)
    table["nik_collisions"] = sums["nik_collisions"].astype(np.int64)
    return table.reset_index()[[*by, *QUALITY_COLUMNS]]
