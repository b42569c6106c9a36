"""What an import check says about a file against what is already stored: completeness and plausibility.

A file can be well formed and still mislead: three villages for a new month make that month look
like the district's latest figures, and a village going from 54/279 stunted to 0/321 enters the
ranking as a real fall. :func:`assess` is the one answer the data page's check and the command-line
import both give, as warnings listed before "File siap diimpor" and stored in the dataset's report:

- **completeness** (:mod:`dashboard.core.completeness`): for each district and period in the file,
  when the file together with what is stored has fewer than ``min_completeness`` percent of the
  district's villages reporting, a warning naming the villages without data;
- **plausibility** (:mod:`dashboard.core.plausibility`): the flags computed over the district's stored
  observations with the file's values in place of the same (village, period, indicator), every one
  that concerns a value in the file (its own value, or the earlier value a flagged change starts from,
  or the target a measured count exceeds), naming the village, period, values and reason.

Nothing here writes; the caller adds the warnings to the batch's problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import pandas as pd

from dashboard.core.completeness import DEFAULT_MIN_COMPLETENESS, TARGET_INDICATORS, completeness_of, missing_villages
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.core.plausibility import Flag, plausibility_flags
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch, Problem, Severity
from dashboard.i18n import LANGUAGES, fmt_percent, t

__all__ = ["MAX_FLAGS_LISTED", "MAX_VILLAGES_NAMED", "about_stored_data", "assess", "assess_boundaries"]

MAX_VILLAGES_NAMED = 20  # villages without data named in a completeness warning; "and N more" for the rest
MAX_FLAGS_LISTED = 100  # values listed per flag; one line sums up the rest
_KEYS = ["code", "period", "indicator"]
_COLUMNS = [*_KEYS, "numerator", "denominator"]
Params = list[tuple[str, object]]


def about_stored_data(problem: Problem) -> bool:
    """Whether a problem is one :func:`assess` raised (against stored data), not one of the file's own."""
    return problem.key in ("store.incomplete_period", "boundary.replaces_villages") or problem.key.startswith("flag.")


def assess_boundaries(batch: BoundaryBatch, stored: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """A warning per district whose stored villages the file would take off the map.

    A boundary file replaces a district's whole boundary set: a file with 2 of its 15 villages leaves 13
    without a map (their figures stay stored, but the headline counts only the 2). Said at the check, before
    anything changes, naming how many and which. ``stored`` maps a district code to its current villages
    (code, name); districts the database does not know yet are new, not replaced.
    """
    problems: list[Problem] = []
    new_codes = set(batch.villages["code"].astype(str)) if len(batch.villages) else set()
    for district in batch.districts:
        villages = stored.get(district)
        if villages is None or villages.empty:
            continue
        names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
        gone = sorted(code for code in names if code not in new_codes)
        if not gone:
            continue
        named = ", ".join(f"{names[c]} ({c})" for c in gone[:MAX_VILLAGES_NAMED])
        kept = len(names) - len(gone)
        more = max(0, len(gone) - MAX_VILLAGES_NAMED)
        params: Params = [("district", district), ("stored", len(names)), ("kept", kept), ("count", len(gone)),
                          *_both("villages", partial(_listed, named, more))]  # fmt: skip
        key = "boundary.replaces_villages"
        problems.append(Problem(batch.file_name, None, None, district, key, tuple(params), Severity.WARNING))
    return problems


def assess(
    batch: IndicatorBatch,
    stored: Mapping[str, pd.DataFrame],
    villages: pd.DataFrame,
    min_completeness: float = DEFAULT_MIN_COMPLETENESS,
) -> list[Problem]:
    """Warnings (:class:`Severity.WARNING`) about ``batch`` against what is already stored.

    ``stored`` maps a district code (``PP.KK``) to its current observations (code, period, indicator,
    numerator, denominator), empty when it has none; the batch's districts missing from it (another area's,
    refused at commit) are not assessed. ``villages`` are the boundary villages (code, name), at least
    those of the batch's districts.
    """
    if batch.observations.empty:
        return []
    new = batch.observations.assign(
        code=batch.observations["code"].astype(str), period=batch.observations["period"].astype(str)
    )
    codes = villages["code"].astype(str)
    names = dict(zip(codes, villages["name"].astype(str), strict=True)) if "name" in villages.columns else {}
    problems: list[Problem] = []
    for district in batch.districts:
        if district not in stored:
            continue
        rows = new[new["code"].str[:5] == district]
        combined = _combined(stored[district], rows)
        boundary = codes[codes.str[:5] == district].tolist()
        if boundary:
            problems += _completeness(batch.file_name, rows, combined, boundary, names, min_completeness)
        problems += _flags(batch.file_name, rows, combined, names)
    return problems


def _combined(before: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The stored observations with the file's values in place of the same (village, period, indicator)."""
    if before.empty:
        return rows[_COLUMNS].reset_index(drop=True)
    before = before.assign(code=before["code"].astype(str), period=before["period"].astype(str))
    replaced = pd.MultiIndex.from_frame(before[_KEYS]).isin(pd.MultiIndex.from_frame(rows[_KEYS]))
    return pd.concat([before.loc[~replaced, _COLUMNS], rows[_COLUMNS]], ignore_index=True)


def _both(name: str, render: Callable[[str], str]) -> Params:
    """A parameter written once per language (``<name>_id``, ``<name>_en``)."""
    return [(f"{name}_{lang}", render(str(lang))) for lang in LANGUAGES]


def _count(value: object) -> str:
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _indicator(key: str, lang: str) -> str:
    return CATALOGUE[key].label(lang) if key in CATALOGUE else key


def _village(code: str, names: Mapping[str, str]) -> Params:
    return [("village", names.get(code, code)), ("code", code)]


def _completeness(
    file_name: str,
    rows: pd.DataFrame,
    combined: pd.DataFrame,
    boundary: list[str],
    names: Mapping[str, str],
    minimum: float,
) -> list[Problem]:
    """A warning per period of the file whose villages reporting (file and stored together) fall below ``minimum``.

    The indicator judged is stunting when the file brings it for the period (the headline's), else the file's
    indicator reported by the most of its villages then.
    """
    problems = []
    for period, in_period in rows.groupby("period", sort=True):
        reporting_rows = in_period[in_period["denominator"] > 0]
        if reporting_rows.empty:
            continue
        by_indicator = reporting_rows.groupby("indicator")["code"].nunique()
        indicator = STUNTING if STUNTING in by_indicator.index else str(by_indicator.sort_index().idxmax())
        found = completeness_of(combined, str(period), boundary, indicator)
        if found.complete(minimum):
            continue
        in_file = reporting_rows.loc[reporting_rows["indicator"] == indicator, "code"]
        missing = missing_villages(combined, str(period), boundary, indicator)
        named = ", ".join(f"{names.get(code, code)} ({code})" for code in missing[:MAX_VILLAGES_NAMED])
        listed = partial(_listed, named, len(missing) - MAX_VILLAGES_NAMED)
        params: Params = [
            ("in_file", int(in_file[in_file.isin(boundary)].nunique())),
            ("reporting", found.reporting),
            ("villages", found.villages),
            ("minimum", _count(minimum)),
            *_both("period", partial(period_label, str(period))),
            *_both("indicator", partial(_indicator, indicator)),
            *_both("missing", listed),
        ]
        problems.append(
            Problem(file_name, None, None, str(period), "store.incomplete_period", tuple(params), Severity.WARNING)
        )
    return problems


def _listed(named: str, more: int, lang: str) -> str:
    return f"{named} {t('store.more_villages', lang, n=more)}" if more > 0 else named


def _flag_label(flag: str, lang: str) -> str:
    return t(f"flag.{flag}.label", lang)


def _flags(file_name: str, rows: pd.DataFrame, combined: pd.DataFrame, names: Mapping[str, str]) -> list[Problem]:
    """A warning per plausibility flag that concerns a value of the file, at most :data:`MAX_FLAGS_LISTED` a flag."""
    flags = plausibility_flags(combined)
    if flags.empty:
        return []
    keyed = list(zip(rows["code"], rows["period"], rows["indicator"], rows["source_row"], strict=True))
    source: dict[tuple[object, ...], object] = {(code, period, key): row for code, period, key, row in keyed}
    targets: dict[tuple[object, ...], object] = {
        (code, period): row for code, period, key, row in keyed if key in TARGET_INDICATORS
    }
    problems: list[Problem] = []
    for flag, group in flags.groupby("flag", sort=False):
        listed = 0
        for record in group.to_dict(orient="records"):
            values = {str(name): value for name, value in record.items()}
            row = _file_row(values, source, targets)
            if row is None:
                continue
            listed += 1
            if listed <= MAX_FLAGS_LISTED:
                problems.append(_flag_problem(file_name, values, row, names))
        if listed > MAX_FLAGS_LISTED:
            params: Params = [("count", listed - MAX_FLAGS_LISTED), ("shown", MAX_FLAGS_LISTED)]
            params += _both("label", partial(_flag_label, str(flag)))
            problems.append(Problem(file_name, None, None, None, "flag.more", tuple(params), Severity.WARNING))
    return problems


def _file_row(values: Mapping[str, object], source: Mapping[tuple[object, ...], object],
              targets: Mapping[tuple[object, ...], object]) -> object | None:  # fmt: skip
    """The file row of the value a flag concerns, or None when it concerns none of the file's values.

    The flagged value itself; else, for a change or a jump, the earlier value it starts from; else, for
    more children measured than target, the file's target.
    """
    code, period, indicator = values["code"], values["period"], values["indicator"]
    if (code, period, indicator) in source:
        return source[(code, period, indicator)]
    previous = values["previous_period"]
    if isinstance(previous, str) and (code, previous, indicator) in source:
        return source[(code, previous, indicator)]
    if values["flag"] == Flag.MEASURED_OVER_TARGET and (code, period) in targets:
        return targets[(code, period)]
    return None


def _present(value: object) -> bool:
    return value is not None and not pd.isna(value)  # type: ignore[call-overload]


def _flag_problem(file_name: str, values: Mapping[str, object], row: object, names: Mapping[str, str]) -> Problem:
    code, period, indicator = str(values["code"]), str(values["period"]), str(values["indicator"])
    params: Params = [
        *_village(code, names),
        *_both("period", partial(period_label, period)),
        *_both("indicator", partial(_indicator, indicator)),
        ("numerator", _count(values["numerator"])),
        ("denominator", _count(values["denominator"])),
    ]
    previous = values["previous_period"]
    if isinstance(previous, str):
        params += _both("previous_period", partial(period_label, previous))
        params += [
            ("previous_numerator", _count(values["previous_numerator"])),
            ("previous_denominator", _count(values["previous_denominator"])),
        ]
    rate = values["district_rate"]
    if _present(rate):
        params += _both("district_rate", partial(fmt_percent, float(rate)))  # type: ignore[arg-type]
    if _present(values["target"]):
        params.append(("target", _count(values["target"])))
    shown = f"{_count(values['numerator'])}/{_count(values['denominator'])}"
    file_row = int(row) if _present(row) else None  # type: ignore[call-overload]
    return Problem(file_name, file_row, None, shown, f"flag.{values['flag']}", tuple(params), Severity.WARNING)
