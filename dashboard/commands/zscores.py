"""``python -m dashboard zscores IN.csv OUT.csv``: WHO 2006 z-scores for a table of children.

Reads the columns ``sex`` (L/P, M/F or 1/2), ``birth_date``, ``measure_date`` (yyyy-mm-dd or
dd/mm/yyyy), ``height_cm``, ``weight_kg`` (decimal point or comma) and optionally ``position``
(L/H or Terlentang/Berdiri); CSV with ``,`` or ``;``, or XLSX. Writes every input column back with
``age_days``, ``haz``, ``waz``, ``whz``, ``flag_haz``, ``flag_waz``, ``flag_whz`` (1 flagged, 0 not,
empty where there is no z-score) as a CSV with ``,`` and decimal points. The input's text cells are
written back through :func:`dashboard.core.spreadsheet.neutralise_frame`: one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so the output cannot run a formula
when opened in a spreadsheet (OWASP, "CSV Injection"); the computed numbers are not changed.

A cell that cannot be read is reported with its row and column and leaves the z-scores that need
it empty; the other rows are computed and written (exit status 0). An unreadable file or a missing
column writes nothing (exit status 2).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.core.growth import MAX_AGE_DAYS, Position, Sex, position_codes, sex_codes, zscores
from dashboard.core.spreadsheet import neutralise_frame
from dashboard.data.importers.eppgbm import (
    UNREADABLE_ERRORS,
    DateOrder,
    date_evidence,
    parse_dates,
    parse_numbers,
    read_table,
)
from dashboard.data.importers.model import Problem, Severity
from dashboard.i18n import t

NAME = "zscores"
HELP = "Hitung z-score WHO 2006 (TB/U, BB/U, BB/TB) untuk tabel anak: IN.csv OUT.csv"

REQUIRED = ("sex", "birth_date", "measure_date", "height_cm", "weight_kg")
OPTIONAL = ("position",)
OUTPUT = ("age_days", "haz", "waz", "whz", "flag_haz", "flag_waz", "flag_whz")

_log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="CSV or XLSX with sex, birth_date, measure_date, height_cm, weight_kg")
    parser.add_argument("output", type=Path, help="CSV to write: the input plus age_days, haz, waz, whz and flags")


def compute_table(table: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The table with :data:`OUTPUT` columns added, and a problem for every cell that could not be used."""
    names = {str(column).strip().lower(): column for column in table.columns}
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise KeyError(", ".join(missing))
    rows = np.arange(2, len(table) + 2)  # the header is row 1
    cell = {key: table[names[key]] for key in (*REQUIRED, *OPTIONAL) if key in names}
    problems: list[Problem] = []

    def report(bad: np.ndarray, column: str, key: str, **params: object) -> None:
        values = cell[column].to_numpy() if column in cell else [None] * len(rows)
        for i in np.flatnonzero(bad):
            value = None if pd.isna(values[i]) else str(values[i])
            problems.append(Problem(file, int(rows[i]), names.get(column, column), value, key, tuple(params.items())))

    sex = sex_codes(cell["sex"])
    report(sex == Sex.UNKNOWN, "sex", "growth.cli.bad_sex")
    dates = {}
    # Each column's day/month order from the cells that prove it (US-locale m/d/yyyy), as the e-PPGBM import reads it.
    proven = {column: date_evidence(cell[column]).order for column in ("birth_date", "measure_date")}
    for column in ("birth_date", "measure_date"):
        other = proven["measure_date" if column == "birth_date" else "birth_date"]
        dates[column] = parse_dates(cell[column], proven[column] or other or DateOrder.DAY_FIRST)
        report(dates[column].isna().to_numpy(), column, "growth.cli.bad_date")
    numbers = {}
    for column in ("height_cm", "weight_kg"):
        numbers[column], unreadable = parse_numbers(cell[column])
        report(unreadable.to_numpy(), column, "growth.bad_number")
    position = np.zeros(len(table), dtype=np.int8)
    if "position" in cell:
        position = position_codes(cell["position"])
        report(cell["position"].notna().to_numpy() & (position == Position.UNKNOWN), "position", "growth.bad_position")

    age = (dates["measure_date"] - dates["birth_date"]).dt.days
    age_days = age.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        out_of_range = (age_days < 0) | (age_days > MAX_AGE_DAYS)
    for i in np.flatnonzero(out_of_range):
        problems.append(
            Problem(
                file,
                int(rows[i]),
                names["birth_date"],
                None,
                "growth.cli.age_out_of_range",
                (("days", int(age_days[i])),),
            )
        )
    z = zscores(sex, age_days, numbers["height_cm"].to_numpy(), numbers["weight_kg"].to_numpy(), position)
    z.index = table.index
    result = table.copy()
    result["age_days"] = age.astype("Int64")
    for index in ("haz", "waz", "whz"):
        result[index] = z[index].round(4)
    for index in ("haz", "waz", "whz"):
        result[f"flag_{index}"] = z[f"flag_{index}"].astype("Int8").where(z[index].notna())
    problems = [
        Problem(p.file, p.row, p.column, p.value, p.key, p.params, Severity.WARNING)
        for p in sorted(problems, key=lambda p: (p.row or 0, p.column or ""))
    ]
    return result, problems


def run(args: argparse.Namespace) -> int:
    lang = Settings.from_env().language
    source: Path = args.input
    try:
        table = read_table(source)
    except UNREADABLE_ERRORS as error:
        _log.error(t("growth.cli.failed", lang, path=source, error=error))
        return 2
    try:
        result, problems = compute_table(table, source.name)
    except KeyError as error:
        missing = str(error).strip("'\"")
        _log.error(
            t("growth.cli.failed", lang, path=source, error=t("growth.missing_columns.reason", lang, columns=missing))
        )
        return 2
    for problem in problems:
        _log.warning(problem.message(lang))
    try:
        neutralise_frame(result).to_csv(args.output, index=False)
    except OSError as error:
        _log.error(t("growth.cli.failed", lang, path=args.output, error=error))
        return 2
    _log.info(t("growth.cli.done", lang, rows=len(result), path=args.output, problems=len(problems)))
    return 0
