"""Individual child measurements (e-PPGBM exports and posyandu registers) into village counts.

Two layouts are read, detected from the header (see ``../shared/data/indicators/eppgbm_format.md``):

- the **e-PPGBM export**: one row per child per measurement, header in row 1 (NIK, Nama, JK, Tgl Lahir,
  Tanggal Pengukuran, Berat, Tinggi, Cara Ukur, Desa/Kel, Kec, Pukesmas, Posyandu, ...);
- the **posyandu register**: one row per child (No, NIK, NAMA ANAK, TANGGAL LAHIR, JENIS KELAMIN and,
  optionally, Desa/Kel, kode_wilayah, Posyandu), months across, in either of two shapes:

  * two header rows: a month title (``JANUARI 2024``) in row 1 over five sub-columns TGL UKUR, UMUR,
    BERAT, TINGGI, CARA UKUR in row 2; data from row 3;
  * one header row, one column per month and field: ``BB Jan 2025``, ``TB Jan 2025``, ``Tgl Jan 2025``,
    ``Cara Ukur Jan 2025`` or ``Januari_2025_BB``, ``2025-Jan TB/PB``, ... A header belongs to a month
    when its words hold exactly one month name (Indonesian or English, full or three letters:
    Januari/Jan, Pebruari/Peb, Agustus/Agt, Nopember/Nop, ...), a four-digit year, and one field word:
    ``BB``/``Berat`` (weight), ``TB``/``PB``/``Tinggi``/``Panjang`` (length/height), ``Tgl``/``Tanggal``
    (measurement date), ``Cara``/``Posisi`` (position); ``Umur`` and status columns (``BB/U``, ``TB/U``,
    ``Naik BB``, ``Z``) are ignored. Data from row 2. A month without a date column is dated the 15th,
    with a warning.

  In both shapes a month header without a year (``BB Jan``, ``JANUARI``) takes the year its measurement
  dates carry (the most common one), with a warning; without full dates below it, it is refused.

  In both shapes the date cell may hold the day alone (``14``), completed with the column's month.
  A month a child was not measured in (no weight, no height) is no row.

CSV with ``,`` or ``;``, UTF-8 or Latin-1, decimal commas, dd/mm/yyyy dates, or XLSX. A date column saved by an
Excel set to a US locale (mm/dd/yyyy) is recognised from its own cells (a first number over 12 is a day, a
second one is too) and read month first, with a warning; a column proving both orders is refused.

Personal data stays here: only the columns needed are read (parents' names, addresses and phone
numbers are never loaded); NIK and Nama become an in-memory hash used to count a child measured
twice in a period once (:func:`dashboard.core.prevalence.child_identity`) and are dropped right after. Two
records of one NIK with another sex, birth date or name are two children; the quality report counts
such rows (``nik_collisions``), never showing a NIK.
Nothing personal reaches the batch: observations, problems and the quality report carry village
codes, periods, counts, row numbers and the offending date or number only.

Policy for bad rows: a row with missing or unreadable sex or dates, a future measurement date or one before
2000 (no period can hold it), a birth after the measurement, an age of 60 months or more, a weight or
length/height of zero or less, or no weight and no length/height is **refused alone** (a warning naming the
row and the reason; the rest of the file is imported), because one mistyped child must not block a district's
month. A row whose village cannot be identified is an **error** (the whole file is refused until fixed),
because dropping it would silently undercount a whole village, unless the caller says ``skip_unmatched`` (then
a warning, and the rows are left out). A file with no row left to count is refused (``growth.no_rows``), never
committed as an empty dataset. Village names are matched by :mod:`dashboard.data.importers.names` (exact,
saved alias, a planner's confirmation, or a clear near match when ``accept_near``; the others become
``batch.suggestions``). Flagged z-scores are warnings: the child is counted as flagged and left out of that
index's prevalence.

What the batch carries: observations ``stunting`` (HAZ < -2 over children measured, i.e. the
measured count is its denominator), ``stunting_berat`` (HAZ < -3), ``wasting`` and ``underweight``
per village and period; in ``extra`` every count per village and period (``counts``: children,
measured, stunted, severely stunted, weighed, underweight, wasted, flagged per index) and the
data-quality report per village and per posyandu (``quality``), both saved with the dataset report.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from dashboard.core.codes import Level, level_of, try_normalise_code
from dashboard.core.growth import (
    DAYS_PER_MONTH,
    POSITION_FLAG,
    Position,
    position_codes,
    sex_codes,
    zscores,
)
from dashboard.core.periods import FIRST_PLAUSIBLE_YEAR, MONTHS_EN, MONTHS_ID, PeriodError, current_date, parse_period
from dashboard.core.prevalence import (
    Refusal,
    child_identity,
    counts_to_observations,
    latest_per_child,
    periods_of,
    refusals,
    village_counts,
)
from dashboard.core.quality import quality_table
from dashboard.data.importers.model import (
    BATCH_OBSERVATION_COLUMNS,
    DatasetKind,
    IndicatorBatch,
    Problem,
    Severity,
    period_refusal,
)
from dashboard.data.importers.names import resolve_names

__all__ = [
    "PREVIEW_FIELDS",
    "UNREADABLE_ERRORS",
    "DateEvidence",
    "DateOrder",
    "Layout",
    "MeasurementFileError",
    "VillageMatcher",
    "date_evidence",
    "detect_layout",
    "measurement_preview",
    "parse_dates",
    "parse_numbers",
    "prepare_measurement_import",
    "read_measurements",
    "read_table",
]

# Given the distinct (village, kecamatan) names of a file, the village code of each (NA where none):
# the shape of dashboard.data.importers.names.village_matcher, for callers without a villages frame.
VillageMatcher = Callable[[pd.DataFrame], pd.Series]


class Layout(StrEnum):
    EPPGBM = "eppgbm"
    REGISTER = "register"


class _FileError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = tuple(params.items())


# Standard field -> header spellings (lower case, letters and digits only).
_EPPGBM_HEADERS: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "nikanak", "nikbalita"),
    "name": ("nama", "namaanak", "namabalita"),
    "sex": ("jk", "jklp", "jeniskelamin", "sex", "kelamin"),
    "birth": ("tgllahir", "tanggallahir", "tgllhr", "birthdate"),
    "measured": ("tanggalpengukuran", "tglpengukuran", "tglukur", "tanggalukur", "measuredate"),
    "weight": ("berat", "beratkg", "bb", "bbkg", "beratbadan", "weightkg"),
    "height": ("tinggi", "tinggicm", "tb", "tbcm", "pbtb", "tinggibadan", "heightcm"),
    "position": ("caraukur", "posisi", "position"),
    "code": ("kodewilayah", "kodedesa", "kodedesakel", "kodekelurahan", "kode", "code"),
    "village": ("desakel", "desa", "kelurahan", "desakelurahan", "kelurahandesa"),
    "kecamatan": ("kec", "kecamatan"),
    "posyandu": ("posyandu", "namaposyandu"),
    "puskesmas": ("pukesmas", "puskesmas", "namapuskesmas", "pkm"),
}
_REQUIRED = ("sex", "birth", "measured")
_REGISTER_SUBHEADERS = {
    "tglukur": "measured",
    "umur": "age",
    "berat": "weight",
    "tinggi": "height",
    "caraukur": "position",
}
_REGISTER_SUBORDER = ("measured", "age", "weight", "height", "position")
_DASHES = {"", "-", "–", "—", "--", "nan", "none", "null"}
_FIELDS = (
    "source_row",
    "nik",
    "name",
    "sex",
    "birth",
    "measured",
    "weight",
    "height",
    "position",
    "code",
    "village",
    "kecamatan",
    "posyandu",
    "puskesmas",
    "where",
)
# Registers: who the child is and where, read once per row; what is measured, read once per month.
_IDENTITY_FIELDS = ("nik", "name", "sex", "birth", "code", "village", "kecamatan", "posyandu", "puskesmas")
_MONTH_FIELDS = ("measured", "weight", "height", "position")
_REGISTER_LABELS = {
    "sex": "JENIS KELAMIN",
    "birth": "TANGGAL LAHIR",
    "measured": "TGL UKUR",
    "weight": "BERAT",
    "height": "TINGGI",
    "position": "CARA UKUR",
    "code": "kode_wilayah",
}
# Month names in one-row register headers: Indonesian and English, full and three letters, and variants.
_MONTH_WORDS: dict[str, int] = {
    name.lower()[:size]: number
    for number, pair in enumerate(zip(MONTHS_ID, MONTHS_EN, strict=True), start=1)
    for name in pair
    for size in (3, len(name))
} | {"peb": 2, "pebruari": 2, "agt": 8, "ags": 8, "agus": 8, "sept": 9, "nop": 11, "nopember": 11}
# Field words of a month column, tried in this order ("Cara Ukur Jan" is a position, not a date).
_MONTH_FIELD_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("position", frozenset({"cara", "posisi", "caraukur"})),
    ("measured", frozenset({"tgl", "tanggal", "tglukur", "tanggalukur"})),
    ("weight", frozenset({"bb", "berat"})),
    ("height", frozenset({"tb", "pb", "tinggi", "panjang", "pbtb", "tbpb"})),
)
# Words of status columns beside the measurements (BB/U, TB/U, Naik BB, Z-score): never a measurement.
_NOT_MEASUREMENT_WORDS = frozenset({"u", "z", "zs", "status", "kategori", "naik", "kenaikan", "lahir"})


def _header_key(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower()) if text is not None else ""


# ---------------------------------------------------------------------------------------------- reading cells


@dataclass(frozen=True)
class _Source:
    """A file's bytes and name, read from disk once (uploads arrive as bytes)."""

    data: bytes
    name: str

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


def read_table(
    path: Path | _Source, header: bool = True, usecols: list[int] | None = None, nrows: int | None = None
) -> pd.DataFrame:
    """A CSV (``,``/``;``/tab, UTF-8 or Latin-1) or XLSX sheet as text cells, empty cells as NA.

    With ``header`` the first row names the columns; without, columns are numbered and every row is
    kept (blank ones too, so positions match the file's row numbers).
    """
    source = path if isinstance(path, _Source) else _Source(path.read_bytes(), path.name)
    if source.suffix in {".xlsx", ".xlsm", ".xls"}:
        raw = pd.read_excel(io.BytesIO(source.data), header=None, dtype=object, usecols=usecols, nrows=nrows)
        frame = raw.map(_excel_text) if len(raw) else raw
        frame = frame.astype("string")
    else:
        data = source.data
        try:
            text = data.decode("utf-8-sig")
            encoding = "utf-8-sig"
        except UnicodeDecodeError:  # Excel on Windows saves CSV in its ANSI code page
            text = data.decode("cp1252", errors="replace")
            encoding = "cp1252"
        first = next((line for line in text[:65536].splitlines() if line.strip()), "")
        separator = max((";", ",", "\t"), key=first.count)
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=separator,
            header=None,
            dtype="string",
            keep_default_na=False,
            skip_blank_lines=False,
            usecols=usecols,
            nrows=nrows,
            encoding=encoding,
            encoding_errors="replace",
            quoting=csv.QUOTE_MINIMAL,
        )
    frame = frame.apply(lambda column: _by_distinct(column, _stripped))
    if header:
        names = [str(value) if not pd.isna(value) else f"kolom {i + 1}" for i, value in enumerate(frame.iloc[0])]
        frame = frame.iloc[1:].set_axis(names, axis=1)
    return frame


def _stripped(text: pd.Series) -> pd.Series:
    stripped = text.str.strip()
    return stripped.where(stripped.str.len() > 0)


def _excel_text(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return pd.NA
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _by_distinct(values: pd.Series, parse: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``parse`` applied to the distinct values only: a file of a million rows holds a few thousand dates."""
    codes, uniques = pd.factorize(values.astype("string"), use_na_sentinel=True)
    parsed = parse(pd.Series(uniques, dtype="string"))
    taken = parsed.iloc[np.where(codes >= 0, codes, 0)].where(codes >= 0) if len(parsed) else parsed.reindex(codes)
    return taken.set_axis(values.index)


class DateOrder(StrEnum):
    """Which of the first two numbers of ``01/02/2025`` is the day: Indonesian ``d/m`` or US-locale Excel ``m/d``."""

    DAY_FIRST = "d/m/yyyy"
    MONTH_FIRST = "m/d/yyyy"


# Day and month of a d/m/yyyy or m/d/yyyy cell (``/``, ``-`` or ``.``), a time of day allowed after it.
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}(?:[ T].*)?$")


@dataclass(frozen=True)
class DateEvidence:
    """What a column's cells prove about its date order: the first row read only as d/m, only as m/d.

    ``written`` says whether any cell is written day and month first at all (ISO dates and Excel date
    cells prove nothing and need nothing).
    """

    day_first_row: int | None
    month_first_row: int | None
    written: bool

    @property
    def order(self) -> DateOrder | None:
        """The order proven, or ``None`` when nothing proves one or both are proven (a contradiction)."""
        if (self.day_first_row is None) == (self.month_first_row is None):
            return None
        return DateOrder.DAY_FIRST if self.day_first_row is not None else DateOrder.MONTH_FIRST

    @property
    def contradictory(self) -> bool:
        return self.day_first_row is not None and self.month_first_row is not None


def date_evidence(values: pd.Series, rows: pd.Series | None = None) -> DateEvidence:
    """Which date order the cells of one column prove: a first number over 12 is a day (d/m), a second one is (m/d).

    ``rows`` gives the file row of each cell (positions from 1 otherwise); only row numbers are kept,
    never the dates (a birth date is personal).
    """
    parts = values.astype("string").str.extract(_DAY_MONTH)
    first = pd.to_numeric(parts[0], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    second = pd.to_numeric(parts[1], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    numbers = np.arange(1, len(values) + 1) if rows is None else rows.to_numpy()
    with np.errstate(invalid="ignore"):
        day_first = np.flatnonzero((first > 12) & (second <= 12))
        month_first = np.flatnonzero((second > 12) & (first <= 12))
    return DateEvidence(
        int(numbers[day_first[0]]) if day_first.size else None,
        int(numbers[month_first[0]]) if month_first.size else None,
        bool(np.isfinite(first).any()),
    )


def _parse_dates(text: pd.Series, order: DateOrder = DateOrder.DAY_FIRST) -> pd.Series:
    text = text.str.strip().str.replace(r"[ T]00:00(:00(\.0+)?)?$", "", regex=True)
    day, month = ("%d", "%m") if order is DateOrder.DAY_FIRST else ("%m", "%d")
    result = pd.to_datetime(text, format=f"{day}/{month}/%Y", errors="coerce")
    for fmt in ("%Y-%m-%d", f"{day}-{month}-%Y", f"{day}.{month}.%Y", "%Y/%m/%d"):
        missing = result.isna() & text.notna()
        if not missing.any():
            break
        result = result.fillna(pd.to_datetime(text.where(missing), format=fmt, errors="coerce"))
    serial = result.isna() & text.str.fullmatch(r"\d{5}").fillna(False)
    if serial.any():  # a date cell read as its Excel day number
        days = pd.to_numeric(text.where(serial), errors="coerce")
        result = result.fillna(pd.to_datetime(days, unit="D", origin="1899-12-30", errors="coerce"))
    return result.astype("datetime64[ns]")


def parse_dates(values: pd.Series, order: DateOrder = DateOrder.DAY_FIRST) -> pd.Series:
    """Dates as districts write them: dd/mm/yyyy (first), yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy, Excel serials.

    With ``order`` :attr:`DateOrder.MONTH_FIRST` the day-month forms are read month first (mm/dd/yyyy, as an
    Excel set to a US locale saves them); see :func:`date_evidence` for telling which a column uses.
    """
    return _by_distinct(values, lambda text: _parse_dates(text, order)).astype("datetime64[ns]")


def _parse_numbers(text: pd.Series) -> pd.Series:
    text = text.str.strip()
    empty = text.isna() | text.str.lower().isin(_DASHES)
    cleaned = text.where(~empty).str.replace(r"\s*(kg|cm)$", "", regex=True).str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce").astype(float).where(~empty, -np.inf)


def parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Floats from text with a decimal comma or point; and which non-empty cells could not be read."""
    parsed = _by_distinct(values, _parse_numbers).astype(float)
    empty = np.isneginf(parsed) | values.isna().to_numpy()
    numbers = parsed.where(~empty & np.isfinite(parsed))
    return numbers, pd.Series(numbers.isna().to_numpy() & ~empty, index=values.index)


# ---------------------------------------------------------------------------------------------- layouts


def _detect(top: pd.DataFrame) -> Layout | None:
    first = [_header_key(value) for value in top.iloc[0]] if len(top) else []
    known = {field for field, names in _EPPGBM_HEADERS.items() if any(name in first for name in names)}
    if {"sex", "birth", "measured"} <= known:
        return Layout.EPPGBM
    if {"sex", "birth"} <= known and _month_columns(top.iloc[0]):
        return Layout.REGISTER
    if len(top) > 1 and sum(_header_key(value) == "tglukur" for value in top.iloc[1]) >= 1:
        return Layout.REGISTER
    return None


def _find(columns: list[str], field: str) -> int | None:
    keys = [_header_key(column) for column in columns]
    for name in _EPPGBM_HEADERS[field]:
        if name in keys:
            return keys.index(name)
    return None


def _standard(columns: dict[str, pd.Series], index: pd.Index) -> pd.DataFrame:
    empty = pd.Series(pd.NA, index=index, dtype="string")
    return pd.DataFrame({field: columns.get(field, empty) for field in _FIELDS}, index=index)


def _read_eppgbm(path: _Source, header: pd.Series) -> tuple[pd.DataFrame, list[str]]:
    names = [str(value) if not pd.isna(value) else "" for value in header]
    found = {field: _find(names, field) for field in _EPPGBM_HEADERS}
    missing = [field for field in _REQUIRED if found[field] is None]
    if found["weight"] is None and found["height"] is None:
        missing.append("weight/height")
    if found["code"] is None and found["village"] is None:
        missing.append("village")
    if missing:
        labels = {
            "sex": "JK",
            "birth": "Tgl Lahir",
            "measured": "Tanggal Pengukuran",
            "weight/height": "Berat/Tinggi",
            "village": "Desa/Kel",
        }
        raise _FileError("growth.missing_columns", columns=", ".join(labels[m] for m in missing))
    wanted = sorted({i for i in found.values() if i is not None})
    # Only the needed columns are read: parents' names, addresses, phone numbers never are.
    table = read_table(path, header=False, usecols=wanted)
    table = table.iloc[1:]
    rows = pd.Series(np.arange(2, len(table) + 2), index=table.index)  # header is row 1
    table = table[table.notna().any(axis=1)]
    columns = {field: table[i] for field, i in found.items() if i is not None}
    columns["source_row"] = rows[table.index]
    header_names = {field: names[i] for field, i in found.items() if i is not None}
    frame = _standard(columns, table.index)
    frame["where"] = pd.NA
    return frame, [header_names.get(field, field) for field in _FIELDS]


@dataclass(frozen=True)
class _Month:
    """One month's block of a register: its period, how problems name it, and field -> column position."""

    period: str | None  # YYYY-MM; None when the header gives no year (then taken from the dates below it)
    title: str
    columns: dict[str, int]
    number: int = 0  # the month, 1-12


def _words(text: object) -> list[str]:
    """A header's words, letters and digits apart (``BB_Jan2025`` -> bb, jan, 2025)."""
    return re.findall(r"[a-z]+|\d+", str(text).lower()) if not _missing(text) else []


def _month_field(words: list[str]) -> str | None:
    for field, spellings in _MONTH_FIELD_WORDS:
        if any(word in spellings for word in words):
            return field
    return None


def _month_columns(header: pd.Series) -> list[_Month]:
    """The months of a one-row register header (``BB Jan 2025``, ``Januari_TB``, ...), in file order.

    A column belongs to a month when its header holds exactly one month name and a field word; a month
    needs a weight or a length/height column to count.
    """
    months: dict[tuple[int, str | None], dict[str, int]] = {}
    for position, text in enumerate(header.tolist()):
        words = _words(text)
        numbers = {_MONTH_WORDS[word] for word in words if word in _MONTH_WORDS}
        field = _month_field(words)
        status = not _NOT_MEASUREMENT_WORDS.isdisjoint(words) or {"bb", "tb"} <= set(words)
        if len(numbers) != 1 or field is None or status:
            continue
        years = [word for word in words if len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100]
        key = (numbers.pop(), years[0] if len(years) == 1 else None)
        months.setdefault(key, {}).setdefault(field, position)
    found = []
    for (number, year), columns in months.items():
        if "weight" not in columns and "height" not in columns:
            continue
        title = f"{MONTHS_ID[number - 1]} {year}" if year else MONTHS_ID[number - 1]
        found.append(_Month(f"{year}-{number:02d}" if year else None, title, columns, number))
    return found


def _two_row_months(titles: list[str], subs: list[str]) -> list[_Month]:
    """The months of the two-row register: ``JANUARI 2024`` over five sub-columns (TGL UKUR ... CARA UKUR)."""
    found = []
    for start, title in enumerate(titles):
        words = _words(title)
        bare = [_MONTH_WORDS[word] for word in words if word in _MONTH_WORDS]
        period: str | None
        if len(words) == 1 and len(bare) == 1:  # JANUARI without a year
            period, number = None, bare[0]
        else:
            try:
                period = parse_period(title)
            except PeriodError:
                continue
            number = int(period[5:]) if len(period) == 7 else 0
        if (period is not None and len(period) != 7) or start + len(_REGISTER_SUBORDER) > len(titles):
            continue
        order = [_REGISTER_SUBHEADERS.get(subs[start + k]) for k in range(len(_REGISTER_SUBORDER))]
        if sorted(o for o in order if o) != sorted(_REGISTER_SUBORDER):
            order = list(_REGISTER_SUBORDER)
        columns = {field: start + k for k, field in enumerate(order) if field and field != "age"}
        found.append(_Month(period, title, columns, number))
    return found


def _read_register(
    path: _Source, village_code: str | None, posyandu: str | None
) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """A posyandu register, months across, as one row per child and month measured (see the module docstring).

    Also returns the months without a date column (dated the 15th) and those whose header had no year
    (taken from their measurement dates).
    """
    top = read_table(path, header=False, nrows=2)
    header = top.iloc[0]
    names = [str(v) if not pd.isna(v) else "" for v in header]
    identity = {field: _find(names, field) for field in _IDENTITY_FIELDS}
    months = _month_columns(header)
    if months:
        first_data_row = 2
    else:  # two header rows: month titles over sub-columns
        first_data_row = 3
        subs = [_header_key(v) if not pd.isna(v) else "" for v in top.iloc[1]] if len(top) > 1 else []
        months = _two_row_months(names, subs)
        labels = [_header_key(a) + b for a, b in zip(names, subs, strict=False)]
        for field in _IDENTITY_FIELDS:
            if identity[field] is None:
                spellings = _EPPGBM_HEADERS[field]
                identity[field] = next((i for i, label in enumerate(labels) if label in spellings), None)
    if not months:
        raise _FileError("growth.unknown_layout")
    wanted = sorted({i for i in identity.values() if i is not None} | {i for m in months for i in m.columns.values()})
    table = read_table(path, header=False, usecols=wanted)
    data = table.iloc[first_data_row - 1 :]
    months, years_found = _months_dated(months, data)
    rows = pd.Series(np.arange(first_data_row, len(table) + 1), index=data.index)
    empty = pd.Series(pd.NA, index=data.index, dtype="string")
    blocks: list[pd.DataFrame] = []
    without_date: list[str] = []
    for month in months:
        assert month.period is not None
        block = {field: data[month.columns[field]] if field in month.columns else empty for field in _MONTH_FIELDS}
        taken = pd.DataFrame({f: block[f] for f in ("weight", "height")}).notna().any(axis=1)
        if not taken.any():
            continue
        year, number = month.period.split("-")
        measured = block["measured"]
        day = measured.str.fullmatch(r"\d{1,2}").fillna(False)
        # A day of the month alone (the register's TGL UKUR) dates the month's column; no date column at
        # all puts the measurement mid-month, as the warning says.
        # Written year first, so that these dates neither prove nor need a day/month order.
        measured = measured.where(~day, f"{year}-{number}-" + measured.str.zfill(2))
        if "measured" not in month.columns:
            without_date.append(month.title)
            measured = pd.Series(f"{year}-{number}-15", index=data.index, dtype="string")
        block["measured"] = measured
        for field, i in identity.items():
            if i is not None:
                block[field] = data[i]
        block["source_row"] = rows
        block["where"] = pd.Series(month.title, index=data.index, dtype="string")
        blocks.append(pd.DataFrame(block, index=data.index)[taken])
    if not blocks:
        raise _FileError("growth.no_rows")
    long = pd.concat(blocks)
    frame = _standard({c: long[c] for c in long.columns}, long.index)
    if village_code is not None and identity["code"] is None:
        frame["code"] = village_code
    if posyandu is not None and identity["posyandu"] is None:
        frame["posyandu"] = posyandu
    frame = frame.reset_index(drop=True)
    labels_by_field = {field: names[i] for field, i in identity.items() if i is not None and names[i]}
    headers = {**_REGISTER_LABELS, **labels_by_field}
    return frame, [headers.get(field, field) for field in _FIELDS], without_date, years_found


_YEAR = r"(?<!\d)((?:19|20)\d{2})(?!\d)"


def _months_dated(months: list[_Month], data: pd.DataFrame) -> tuple[list[_Month], list[str]]:
    """Months whose header has no year dated by the year their own measurement dates carry (the most common).

    Returns the months and, for a warning, ``"Januari 2025"`` for each month so dated. A yearless month
    whose date cells hold no year (days alone, or no date column) is refused: nothing says its year.
    """
    dated: list[_Month] = []
    found: list[str] = []
    undated: list[str] = []
    for month in months:
        if month.period is not None:
            dated.append(month)
            continue
        cells = data[month.columns["measured"]] if "measured" in month.columns else pd.Series([], dtype="string")
        years = cells.astype("string").str.extract(_YEAR)[0].dropna()
        if years.empty:
            undated.append(month.title)
            continue
        year = str(years.value_counts().index[0])
        dated.append(_Month(f"{year}-{month.number:02d}", f"{month.title} {year}", month.columns, month.number))
        found.append(f"{month.title} {year}")
    if undated:
        raise _FileError("growth.register_no_year", months=", ".join(undated))
    return dated, found


def _read_layout(
    source: _Source, village_code: str | None, posyandu: str | None
) -> tuple[Layout, pd.DataFrame, list[str], list[str], list[str]]:
    """The file's layout, its rows in standard fields, the file's label of each field, register months without a
    date column, and register months whose year was taken from their dates."""
    top = read_table(source, header=False, nrows=2)
    layout = _detect(top)
    if layout is Layout.EPPGBM:
        frame, labels = _read_eppgbm(source, top.iloc[0])
        return layout, frame, labels, [], []
    if layout is Layout.REGISTER:
        return (layout, *_read_register(source, village_code, posyandu))
    raise _FileError("growth.unknown_layout")


# Fields a preview may show: how and where a child was measured, never who the child is (no NIK, name,
# birth date, parent or address). An allow-list of the reader's own fields, kept rather than replaced by
# dashboard.core.personal (which guesses from headers and values, for tables of any kind): a column this
# reader does not know can never reach the preview.
PREVIEW_FIELDS = (
    "sex", "measured", "weight", "height", "position", "code", "village", "kecamatan", "posyandu", "where"
)  # fmt: skip


class MeasurementFileError(ValueError):
    """A measurement file that cannot be read as one, with the problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


def detect_layout(content: bytes, file_name: str) -> Layout | None:
    """The measurement layout of a file (e-PPGBM export or posyandu register), or ``None`` for any other table."""
    try:
        return _detect(read_table(_Source(content, file_name), header=False, nrows=2))
    except UNREADABLE_ERRORS:
        return None


def measurement_preview(content: bytes, file_name: str, rows: int = 20) -> pd.DataFrame:
    """The first ``rows`` measurements as the importer reads them, with only :data:`PREVIEW_FIELDS`.

    Raises the reader's errors (see :data:`UNREADABLE_ERRORS`), and :class:`MeasurementFileError` with
    the problem for a file that is not a measurement file or lacks a required column.
    """
    try:
        _, frame, labels, _, _ = _read_layout(_Source(content, file_name), None, None)
    except _FileError as error:
        raise MeasurementFileError(Problem(file_name, None, None, None, error.key, error.params)) from None
    header = dict(zip(_FIELDS, labels, strict=True)) | {"where": "Bulan"}
    shown = [field for field in PREVIEW_FIELDS if frame[field].notna().any()]
    head = frame.sort_values("source_row", kind="stable").head(rows)
    table = head[shown].rename(columns={field: header[field] for field in shown})
    return table.set_axis(head["source_row"].rename("baris")).reset_index()


# ---------------------------------------------------------------------------------------------- import


@dataclass(frozen=True)
class _Context:
    file: str
    columns: dict[str, str]

    def problem(
        self,
        row: object,
        field: str | None,
        value: object,
        key: str,
        severity: Severity,
        where: object = None,
        **params: object,
    ) -> Problem:
        """A problem at a file row; ``where`` is the month block of a posyandu register."""
        column = self.columns.get(field, field) if field else None
        if column is not None and isinstance(where, str):
            column = f"{where} / {column}"
        return Problem(
            file=self.file,
            row=None if _missing(row) else int(str(row)),
            column=column,
            value=None if _missing(value) else str(value),
            key=key,
            params=tuple(params.items()),
            severity=severity,
        )


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


@dataclass(frozen=True)
class _Naming:
    """How rows without a village code find their village.

    Against ``villages`` (standard columns) with saved ``aliases``, a planner's ``confirmed`` choices and,
    with ``accept_near``, clear near matches (:func:`dashboard.data.importers.names.match_names`); else
    through a plain ``matcher``; else not at all (the rows are errors).
    """

    villages: pd.DataFrame | None
    aliases: Mapping[tuple[str, str], str]
    confirmed: Mapping[str, str]
    accept_near: bool
    skip_unmatched: bool
    matcher: VillageMatcher | None


def _village_codes(
    frame: pd.DataFrame, ctx: _Context, wilayah: str | None, naming: _Naming, batch: IndicatorBatch
) -> tuple[pd.Series, npt.NDArray[np.bool_]]:
    """The village code of every row (NA where unknown), and which rows are skipped as unmatched names.

    Each row with no village is an error, except rows skipped on purpose (``skip_unmatched``).
    """
    problems = batch.problems
    codes = pd.Series(pd.NA, index=frame.index, dtype="string")
    skipped = np.zeros(len(frame), dtype=bool)
    region = (try_normalise_code(wilayah) or wilayah) if wilayah is not None else None
    if naming.villages is not None and naming.villages.empty:  # nothing to check codes or match names against
        problems.append(ctx.problem(None, None, None, "growth.no_villages", Severity.ERROR, wilayah=region or "-"))
        return codes, skipped
    has_code = frame["code"].notna()
    if has_code.any():
        normal = {raw: try_normalise_code(raw) for raw in frame.loc[has_code, "code"].unique()}
        valid = {raw: code for raw, code in normal.items() if code is not None and level_of(code) is Level.DESA}
        codes = frame["code"].map(valid).astype("string")
        bad = frame.loc[has_code & codes.isna(), ["source_row", "code", "where"]]
        for row, raw, where in bad.itertuples(index=False):
            problems.append(ctx.problem(row, "code", raw, "growth.bad_code", Severity.ERROR, where))
        if naming.villages is not None:
            inside = codes.str.startswith(region + ".").fillna(False) if region else codes.notna()
            unknown = (has_code & codes.notna() & inside & ~codes.isin(naming.villages["code"].astype(str))).to_numpy()
            first = frame.loc[unknown].groupby(codes[unknown])["source_row"].agg(["min", "size"])
            for code, (row, count) in first.iterrows():  # one problem per unknown code, not per row
                problems.append(ctx.problem(row, "code", code, "growth.unknown_code", Severity.ERROR, rows=int(count)))
            codes = codes.where(~unknown)
    nowhere = (~has_code & frame["village"].isna()).to_numpy()
    if nowhere.any() and frame["where"].notna().any():  # a posyandu register without its village
        problems.append(ctx.problem(None, None, None, "growth.register_no_village", Severity.ERROR))
    else:
        for row in frame.loc[nowhere, "source_row"]:
            problems.append(ctx.problem(row, "village", None, "growth.village_missing", Severity.ERROR))
    by_name = (~has_code & frame["village"].notna()).to_numpy()
    if by_name.any():
        if naming.villages is not None:
            named_rows = frame.loc[by_name]

            def add(row: int, field: str, value: object, key: str, severity: Severity, **params: object) -> None:
                problems.append(ctx.problem(row, field, value, key, severity, **params))

            named, skip = resolve_names(
                named_rows[["village", "kecamatan", "puskesmas"]], named_rows["source_row"].to_numpy(dtype=np.int64),
                naming.villages, naming.aliases, naming.confirmed, batch, add, accept_near=naming.accept_near,
                skip_unmatched=naming.skip_unmatched,
            )  # fmt: skip
            codes.loc[by_name] = named
            skipped[by_name] = skip
        elif naming.matcher is not None:
            named_rows = frame.loc[by_name, ["village", "kecamatan"]]
            distinct = named_rows.drop_duplicates().reset_index(drop=True)
            distinct["matched"] = pd.Series(naming.matcher(distinct.copy()), dtype="string").to_numpy()
            found = named_rows.merge(distinct, how="left", on=["village", "kecamatan"])["matched"]
            codes.loc[by_name] = found.to_numpy()
            unmatched = frame.loc[by_name & codes.isna().to_numpy()]
            for (village, _kecamatan), group in unmatched.groupby(["village", "kecamatan"], dropna=False):
                first_row = group["source_row"].min()
                problems.append(
                    ctx.problem(first_row, "village", village, "growth.village_unmatched", Severity.ERROR,
                                rows=group["source_row"].nunique())
                )  # fmt: skip
        else:
            problems.append(ctx.problem(None, "village", None, "growth.no_village_code", Severity.ERROR))
    if region is not None:
        outside = (codes.notna() & ~codes.str.startswith(region + ".").fillna(False)).to_numpy()
        for row, code, where in zip(frame["source_row"][outside], codes[outside], frame["where"][outside], strict=True):
            problems.append(
                ctx.problem(row, "code", code, "growth.outside_wilayah", Severity.ERROR, where, wilayah=region)
            )
        codes = codes.where(~outside)
    return codes, skipped


# What reading a broken, truncated or mislabelled file raises.
UNREADABLE_ERRORS = (OSError, ValueError, UnicodeError, pd.errors.ParserError, zipfile.BadZipFile, InvalidFileException)
_INDEX_LABELS = {"haz": "TB/U", "waz": "BB/U", "whz": "BB/TB"}


def read_measurements(
    path: str | Path | bytes,
    *,
    file_name: str | None = None,
    wilayah: str | None = None,
    today: date | None = None,
    yearly: bool = False,
    village_code: str | None = None,
    posyandu: str | None = None,
    villages: pd.DataFrame | None = None,
    aliases: Mapping[tuple[str, str], str] | None = None,
    confirmed: Mapping[str, str] | None = None,
    accept_near: bool = False,
    skip_unmatched: bool = False,
    matcher: VillageMatcher | None = None,
) -> IndicatorBatch:
    """Read and check a measurement file (a path, or an upload's bytes named by ``file_name``) into a batch.

    ``wilayah`` restricts villages to a district or kecamatan code; ``today`` is the date after
    which a measurement is in the future; ``yearly`` counts per year (surveys) instead of per month;
    ``village_code`` / ``posyandu`` name the village of a posyandu register that has no such column.

    Village codes are checked against ``villages`` (standard columns) when given, and rows named but
    not coded are matched to them (``aliases``, ``confirmed``, ``accept_near`` as in
    :func:`dashboard.data.importers.indicators.prepare_indicator_import`; names nothing matches are
    errors, or warnings with their rows left out when ``skip_unmatched``). Without ``villages`` a
    plain ``matcher`` may resolve the names instead.

    Observations: ``stunting``, ``stunting_berat``, ``wasting``, ``underweight`` per village and
    period. ``extra`` holds ``counts`` (every count per village and period, flagged ones included),
    ``quality`` (per village and posyandu, and per village with ``posyandu`` None), ``refused``
    (rows per reason), ``flagged`` (rows per index), ``measurements``, ``children``, ``periods``.
    """
    if isinstance(path, bytes):
        source = _Source(path, file_name or "upload.csv")
    else:
        source = _Source(Path(path).read_bytes(), Path(path).name)
    name = file_name or source.name
    today = today or current_date()
    digest = hashlib.sha256(source.data).hexdigest()
    batch = IndicatorBatch(
        name, digest, DatasetKind.MEASUREMENTS, pd.DataFrame(columns=BATCH_OBSERVATION_COLUMNS), rows_read=0
    )
    try:
        layout, frame, labels, without_date, years_found = _read_layout(source, village_code, posyandu)
    except _FileError as error:
        batch.problems.append(Problem(name, None, None, None, error.key, error.params))
        return batch
    except UNREADABLE_ERRORS as error:
        batch.problems.append(Problem(name, None, None, None, "growth.unreadable_file", (("error", str(error)),)))
        return batch
    ctx = _Context(name, dict(zip(_FIELDS, labels, strict=True)))
    problems = batch.problems
    batch.rows_read = int(frame["source_row"].nunique())
    batch.extra["layout"] = str(layout)
    if without_date:
        problems.append(
            ctx.problem(None, None, None, "growth.register_no_date", Severity.WARNING, months=", ".join(without_date))
        )
    if years_found:
        problems.append(
            ctx.problem(None, None, None, "growth.register_year_from_dates", Severity.WARNING,
                        months=", ".join(years_found))
        )  # fmt: skip
    where = frame["where"]

    sex = sex_codes(frame["sex"])
    birth, measured = _read_dates(frame, ctx, problems)
    weight, bad_weight = parse_numbers(frame["weight"])
    height, bad_height = parse_numbers(frame["height"])
    position = position_codes(frame["position"])
    bad_position = frame["position"].notna().to_numpy() & (position == Position.UNKNOWN)

    refused = refusals(sex, birth, measured, height, weight, today)
    accepted = refused.isna().to_numpy()
    age_days = (measured - birth).dt.days.to_numpy(dtype=float, na_value=np.nan)
    for i in np.flatnonzero(~accepted):
        reason = Refusal(refused.iloc[i])
        field, value, params = _refusal_detail(reason, frame, int(i), float(age_days[i]), today)
        problems.append(
            ctx.problem(
                frame["source_row"].iloc[i], field, value, str(reason), Severity.WARNING, where.iloc[i], **params
            )
        )
    accepted = accepted & ~_before_2000(frame, measured, accepted, yearly, ctx, problems, refused)
    for field, bad in (
        ("weight", bad_weight.to_numpy()),
        ("height", bad_height.to_numpy()),
        ("position", bad_position),
    ):
        for row, value, at in frame.loc[bad & accepted, ["source_row", field, "where"]].itertuples(index=False):
            key = "growth.bad_position" if field == "position" else "growth.bad_number"
            problems.append(ctx.problem(row, field, value, key, Severity.WARNING, at))

    naming = _Naming(
        None if villages is None else _standard_villages(villages),
        aliases or {},
        {str(raw): str(code) for raw, code in (confirmed or {}).items() if code},
        accept_near,
        skip_unmatched,
        matcher,
    )
    if naming.villages is not None:
        known = set(naming.villages["code"].astype(str))
        for raw, code in naming.confirmed.items():
            if code not in known:
                problems.append(ctx.problem(None, None, raw, "names.confirmed_unknown", Severity.ERROR, code=code))
    codes, skipped = _village_codes(frame, ctx, wilayah, naming, batch)
    no_identity_columns = bool(frame["nik"].isna().all() and frame["name"].isna().all())
    identity = child_identity(frame["nik"], frame["name"], birth, sex)
    keys, identified = identity.keys, identity.identified
    # One NIK, two children (another sex, birth date or name): counted apart, reported as counts only.
    collided = identity.nik_shared
    # The identity has done its only job: drop it before anything else is built from the rows.
    frame = frame.drop(columns=["nik", "name"])
    if no_identity_columns:
        problems.append(ctx.problem(None, None, None, "growth.no_identity_columns", Severity.WARNING))
    else:
        for row, at in frame.loc[~identified & accepted, ["source_row", "where"]].itertuples(index=False):
            problems.append(ctx.problem(row, None, None, "growth.no_identity", Severity.WARNING, at))

    if (collided & accepted).any():
        problems.append(
            ctx.problem(
                None, "nik", None, "growth.nik_collision", Severity.WARNING, rows=int((collided & accepted).sum())
            )
        )
    z = zscores(sex, age_days, height.to_numpy(), weight.to_numpy(), position)
    # anthro 1.1.0: "standing" under 9 months is taken as an unknown position; the row says so.
    too_young = z[POSITION_FLAG].to_numpy() & accepted
    for row, value, at in frame.loc[too_young, ["source_row", "position", "where"]].itertuples(index=False):
        problems.append(ctx.problem(row, "position", value, "growth.standing_under_9_months", Severity.WARNING, at))
    for index, label in _INDEX_LABELS.items():
        flagged = z[f"flag_{index}"].to_numpy() & accepted
        for row, value in zip(frame["source_row"][flagged], z[index][flagged], strict=True):
            problems.append(
                ctx.problem(row, None, None, "growth.flagged", Severity.WARNING, index=label, z=f"{value:.2f}")
            )

    rows = pd.DataFrame(
        {
            "source_row": frame["source_row"].to_numpy(dtype=np.int64),
            "code": codes.to_numpy(),
            "posyandu": frame["posyandu"].fillna("-").to_numpy(),
            "refused": ~accepted,
            "birth_date": birth.to_numpy(),
            "measure_date": measured.to_numpy(),
            "height_cm": height.to_numpy(),
            "weight_kg": weight.to_numpy(),
            "position": position,
            "nik_collision": collided,
            **{column: z[column].to_numpy() for column in z.columns},
        }
    )
    per_posyandu = quality_table(rows, ["code", "posyandu"])
    per_village = quality_table(rows, ["code"]).assign(posyandu=None)
    quality = pd.concat([per_village, per_posyandu], ignore_index=True)
    batch.extra["quality"] = _records(quality.sort_values(["code"], kind="stable")[per_posyandu.columns])

    counted = accepted & codes.notna().to_numpy() & ~skipped
    children = rows.loc[counted].assign(child=keys[counted])
    children["period"] = periods_of(children["measure_date"], yearly=yearly)
    children = latest_per_child(children)
    counts = village_counts(children)
    batch.observations = counts_to_observations(counts)
    batch.skipped_rows = int((~accepted | skipped).sum())
    batch.extra.update(
        {
            "measurements": int(accepted.sum()),
            "children": len(children),
            "refused": {str(k): int(v) for k, v in refused.value_counts().items()},
            "flagged": {index: int((z[f"flag_{index}"].to_numpy() & accepted).sum()) for index in _INDEX_LABELS},
            "unidentified": int((~identified & accepted).sum()),
            "nik_collision_rows": int((collided & accepted).sum()),
            "periods": sorted(str(period) for period in counts["period"].unique()),
            "counts": _records(counts),
        }
    )
    if not accepted.any() or (batch.ok and batch.observations.empty):
        # Nothing to count (every row refused, skipped or without a z-score): never an empty dataset.
        problems.append(ctx.problem(None, None, None, "growth.no_rows", Severity.ERROR))
    return batch


def _read_dates(frame: pd.DataFrame, ctx: _Context, problems: list[Problem]) -> tuple[pd.Series, pd.Series]:
    """Birth and measurement dates, each column read in the day/month order its own cells prove.

    A cell such as ``25/03/2025`` proves d/m, ``03/25/2025`` proves m/d. A column proving both is refused
    (an error naming a row of each, never the dates). A column proving neither (every day 12 or less)
    takes the order the file's other date column proves (one Excel wrote both), else d/m, with a
    warning either way; rows whose age then falls outside 0-59 months or before birth are refused by
    :func:`dashboard.core.prevalence.refusals` as always.
    """
    evidence = {field: date_evidence(frame[field], frame["source_row"]) for field in ("birth", "measured")}
    proven = {found.order for found in evidence.values() if found.order is not None}
    fallback = proven.pop() if len(proven) == 1 else DateOrder.DAY_FIRST
    parsed = []
    for field, found in evidence.items():
        order = found.order or fallback
        if found.contradictory:
            problems.append(
                ctx.problem(None, field, None, "growth.date_order_conflict", Severity.ERROR,
                            day_first_row=found.day_first_row, month_first_row=found.month_first_row)
            )  # fmt: skip
        elif found.order is DateOrder.MONTH_FIRST:
            problems.append(
                ctx.problem(found.month_first_row, field, None, "growth.date_order_month_first", Severity.WARNING)
            )
        elif found.order is None and found.written:
            problems.append(ctx.problem(None, field, None, "growth.date_order_assumed", Severity.WARNING, order=order))
        parsed.append(parse_dates(frame[field], order))
    return parsed[0], parsed[1]


def _before_2000(
    frame: pd.DataFrame, measured: pd.Series, accepted: np.ndarray, yearly: bool, ctx: _Context,
    problems: list[Problem], refused: pd.Series,
) -> np.ndarray:  # fmt: skip
    """Rows measured before 2000, whose period no data can have: a warning per period (its first row), the rows
    refused alone (counted in ``refused``); returns which rows they are."""
    early = accepted & (measured < pd.Timestamp(FIRST_PLAUSIBLE_YEAR, 1, 1)).to_numpy(dtype=bool, na_value=False)
    if not early.any():
        return early
    periods = periods_of(measured[early], yearly=yearly).to_numpy(dtype=object)
    first = frame[early].assign(period=periods).groupby("period", sort=True)
    for period, group in first:
        refusal = period_refusal(str(period))
        assert refusal is not None  # before 2000
        key, params = refusal
        head = group.iloc[0]
        problems.append(ctx.problem(head["source_row"], "measured", head["measured"], key, Severity.WARNING,
                                    head["where"], rows=len(group), **dict(params)))  # fmt: skip
    refused[early] = "period_before_2000"
    return early


def _standard_villages(villages: pd.DataFrame) -> pd.DataFrame:
    """``villages`` with the columns name matching needs; kecamatan and district codes derive from the code."""
    frame = villages.reset_index(drop=True)
    codes = frame["code"].astype(str) if "code" in frame.columns else pd.Series([], dtype=str)
    defaults = {
        "code": codes,
        "name": codes,
        "kecamatan_code": codes.str[:8],
        "kecamatan_name": codes.str[:8],
        "district_code": codes.str[:5],
    }
    return frame.assign(**{column: value for column, value in defaults.items() if column not in frame.columns})


def prepare_measurement_import(
    content: bytes,
    file_name: str,
    villages: pd.DataFrame,
    aliases: Mapping[tuple[str, str], str] | None = None,
    *,
    district_code: str | None = None,
    accept_near: bool = False,
    skip_unmatched: bool = False,
    confirmed: Mapping[str, str] | None = None,
    today: date | None = None,
    village_code: str | None = None,
    posyandu: str | None = None,
) -> IndicatorBatch:
    """The data page's and the command's entry point: an e-PPGBM export or register checked into a batch.

    Same arguments as :func:`dashboard.data.importers.indicators.prepare_indicator_import` where they
    apply: ``villages`` (restricted to ``district_code`` when given), ``aliases``
    (``(district code, name_key) -> code``), ``accept_near``, ``skip_unmatched``, ``confirmed``
    (raw name -> code). Never writes.
    """
    frame = _standard_villages(villages)
    if district_code:
        frame = frame[frame["district_code"].astype(str) == district_code]
    return read_measurements(
        content,
        file_name=file_name,
        wilayah=district_code,
        today=today,
        village_code=village_code,
        posyandu=posyandu,
        villages=frame,
        aliases=aliases,
        confirmed=confirmed,
        accept_near=accept_near,
        skip_unmatched=skip_unmatched,
    )


def _refusal_detail(
    key: Refusal, frame: pd.DataFrame, i: int, age: float, today: date
) -> tuple[str | None, object, dict[str, object]]:
    """The column, value and parameters a person needs to fix a refused row; never the child's identity."""
    if key is Refusal.SEX_MISSING:
        return "sex", frame["sex"].iloc[i], {}
    if key is Refusal.BIRTH_DATE_MISSING:
        return "birth", frame["birth"].iloc[i], {}
    if key is Refusal.MEASURE_DATE_MISSING:
        return "measured", frame["measured"].iloc[i], {}
    if key is Refusal.MEASURE_DATE_FUTURE:
        return "measured", frame["measured"].iloc[i], {"today": today.strftime("%d/%m/%Y")}
    if key is Refusal.BORN_AFTER_MEASUREMENT:
        return "birth", None, {}
    if key is Refusal.AGE_OVER_59_MONTHS:
        return "birth", None, {"months": int(age // DAYS_PER_MONTH)}
    if key is Refusal.WEIGHT_NOT_POSITIVE:
        return "weight", frame["weight"].iloc[i], {}
    if key is Refusal.HEIGHT_NOT_POSITIVE:
        return "height", frame["height"].iloc[i], {}
    return None, None, {}


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """JSON-ready rows: NaN and NA become None, numpy scalars become Python numbers."""
    clean = frame.astype(object).where(frame.notna(), None)
    return [
        {str(key): (value.item() if isinstance(value, np.generic) else value) for key, value in row.items()}
        for row in clean.to_dict(orient="records")
    ]
