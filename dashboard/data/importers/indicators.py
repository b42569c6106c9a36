"""Indicator tables into observations: the tidy template, the Sigizi-Kesga routine report, and mapped tables.

Three layouts are read, from CSV (``,``, ``;`` or tab; UTF-8 or UTF-16 with or without BOM, else Windows-1252,
else Latin-1) or XLSX (first sheet), and detected from the header when ``format="auto"``. The header is the
first row, or a later one among the first ten under a title line; binary data and files wider than
:data:`MAX_COLUMNS` are refused before they are parsed, and no message echoes more than
:data:`MAX_CELL_SHOWN` characters of a cell or :data:`MAX_COLUMNS_SHOWN` column names.

- **tidy** (the template any office can fill): ``kode_wilayah, periode, indikator, pembilang, penyebut``
  and an optional ``target``; codes dotted or not, periods as ``2025-02``, ``Februari 2025`` or ``2025``,
  ``indikator`` a key of :data:`~dashboard.core.indicators.CATALOGUE` (or its label). Rows whose first cell
  starts with ``#`` are comments (the blank template carries two as examples). A survey's rate-only estimate
  (SSGI, SKI) leaves ``pembilang`` and ``penyebut`` empty and gives ``nilai`` (percent), optionally
  ``batas_bawah`` and ``batas_atas`` (its 95% interval) and, always, ``sumber``; its code is a kabupaten/kota's
  (``52.03`` or ``5203``). It becomes an estimate (``batch.estimates``), never an observation: it has no
  counts and never enters a sum. Counts and a value in one row, or a value for a village, are errors.
- **sigizi**: the Sigizi-Kesga "laporan rutin gizi balita" per desa and month, flattened to one header row
  (Kecamatan, Puskesmas, Kelurahan, Bulan, Tahun, Balita_Bulan_Ini, Balita_Ditimbang, Jml_Balita_Stunting,
  ...). Villages are named, not coded, and matched by :mod:`dashboard.data.importers.names`. Each catalogue
  indicator is built from the columns listed in :data:`SIGIZI_MEASURES`, and only when the file has all of them,
  whatever their spelling (``Jumlah_balita_diukur_PBTB`` = ``Balita_Diukur_PB_TB``: :func:`_column_key`);
  every other column is listed as ignored. Without a Tahun column the year comes with the import (``year``).
  JUMLAH/TOTAL/SUB TOTAL rows are skipped with a note and checked against the sum of their rows.
- **mapped**: any other table, through a :class:`ColumnMapping` a planner confirms on the data page.

Row numbers in problems are spreadsheet rows: the header is row 1, the first data row is row 2 (as in
:mod:`dashboard.data.importers.eppgbm`). Counts accept a decimal comma (``12,5``), ``1.234,5``, and a dash
(``-``, as Excel shows zero) for zero. Whether ``1.207`` is 1207 or 1.207 is inferred from the evidence of
the column, then of the whole file (``55,98`` somewhere: dots group thousands; ``99.45``: dots are decimals),
then from the rule that a count of children is whole; a column that stays ambiguous is refused.

Policy: in the tidy template every bad value is an **error** (Lokus's own template: the planner typed it and
can fix it), an impossible one included: an infinite or NaN number, or a count above the indicator's
:attr:`~dashboard.core.indicators.Indicator.max_count` (10 million children). In a Sigizi report, which a
district downloads and cannot edit, and in a mapped table (another office's layout, often an export), a single
bad count (unreadable, infinite, negative, too large, or a numerator above its denominator) leaves out **that
value only**, with a warning naming the cell, and a count missing from a month's report
leaves that indicator out for those rows (one warning per indicator). An observation of 0 over 0 (no newborn,
no vitamin-A round that month) is not an observation and is left out: with a warning naming the row in the
template and mapped tables, counted in ``extra`` for a Sigizi report (where every month has many). Region,
period and duplicate problems are errors everywhere, and so is a period no data can have (after the current
month, before 2000: :func:`~dashboard.core.periods.implausible_period`). Names no village matches are errors, or
warnings with their rows skipped when ``skip_unmatched``. Files are aggregates; their content is never logged.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException

from dashboard.core.codes import Level, level_of, try_normalise_code
from dashboard.core.indicators import CATALOGUE, MAX_CHILDREN, Counted
from dashboard.core.levels import CODE_LENGTH, puskesmas_key
from dashboard.core.periods import PeriodError, parse_period, period_kind
from dashboard.data.importers.model import (
    BATCH_ESTIMATE_COLUMNS,
    BATCH_OBSERVATION_COLUMNS,
    DatasetKind,
    IndicatorBatch,
    Problem,
    Severity,
    count_limits,
    limit_params,
    period_refusal,
)
from dashboard.data.importers.names import listed_rows, resolve_names
from dashboard.data.importers.regions import RegionNames, bps_to_kemendagri, level_name, read_region_crosswalk

__all__ = [
    "FORMATS",
    "MAX_CELL_SHOWN",
    "MAX_COLUMNS",
    "MAX_LISTED",
    "PUSKESMAS_COLUMNS",
    "REGION_COLUMNS",
    "SIGIZI_MEASURES",
    "TIDY_COLUMNS",
    "TIDY_ESTIMATE_COLUMNS",
    "ColumnMapping",
    "IndicatorColumns",
    "Measure",
    "TableError",
    "blank_template",
    "blank_template_csv",
    "blank_template_xlsx",
    "bps_code_column",
    "column_list",
    "detect_format",
    "guess_mapping",
    "implied_regions",
    "prepare_indicator_import",
    "read_table",
    "read_table_preview",
    "suggest_mapping",
]

log = logging.getLogger(__name__)

TIDY_COLUMNS = ("kode_wilayah", "periode", "indikator", "pembilang", "penyebut")
# Optional columns of the tidy template for a rate-only estimate (a survey's figure for a kabupaten/kota):
# the percentage, its 95% bounds and the source, given instead of pembilang and penyebut.
TIDY_ESTIMATE_COLUMNS = ("nilai", "batas_bawah", "batas_atas", "sumber")
FORMATS = ("auto", "tidy", "sigizi", "mapped", "scorecard", "dana_desa")
MAX_LISTED = 100  # problems listed per kind and column; the rest are summed up in one line
MAX_COLUMNS = 2000  # a Sigizi report has 78; wider files are refused before they are parsed
MAX_CELL_SHOWN = 200  # characters of a cell a message echoes
MAX_COLUMNS_SHOWN = 30  # column names a message lists
_HEADER_SEARCH = 10  # rows searched for the header below title lines
_PARAM_SHOWN = 2500  # characters of a message's parameter (a list of at most 30 shortened column names)
_TABLE_SUFFIXES = frozenset({".csv", ".txt", ".xlsx", ".xlsm"})
_EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DASHES = frozenset({"-", "–", "—", "--"})
_VILLAGE_COLUMNS = ["code", "name", "kecamatan_code", "kecamatan_name", "district_code", "district_name"]
REGION_COLUMNS = ["code", "name", "level"]  # known kecamatan, kabupaten/kota and provinces (see known_regions)
PUSKESMAS_COLUMNS = ["district_code", "code", "name"]  # known puskesmas, per district


def _header_key(text: object) -> str:
    """A column name as compared: lower case, letters and digits only (``Jml_Balita`` -> ``jmlbalita``)."""
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


# Words a count column's header may carry or leave out without changing what it counts: "Jumlah"/"Jml" in
# front, "dan", "mendapat(kan)"/"dapat" (Jml_Bayi_Dapat_IMD = Jumlah_Bayi_Mendapat_IMD).
_FILLER_WORDS = frozenset({"jml", "jumlah", "jmlh", "dan", "yang", "dapat", "mendapat", "mendapatkan"})
_WORD_SYNONYMS = {"memiliki": "punya", "mempunyai": "punya", "bln": "bulan", "blt": "balita"}


def _column_key(text: object) -> str:
    """A count column's name as compared across exports: words in any case, joined by ``_``, space, ``-`` or
    nothing (CamelCase too), without filler words (``Jumlah_balita_diukur_PBTB`` = ``Balita_Diukur_PB_TB``)."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", str(text))
    words = re.findall(r"[a-z]+|\d+", spaced.lower())
    if words:  # a glued prefix: "jmlbalitastunting"
        words[0] = re.sub(r"^(jumlah|jmlh|jml)(?=[a-z])", "", words[0])
    return "".join(_WORD_SYNONYMS.get(word, word) for word in words if word not in _FILLER_WORDS)


# Header spellings (as :func:`_header_key`) of the tidy template's columns.
_TIDY_HEADERS: dict[str, tuple[str, ...]] = {
    "kode_wilayah": ("kodewilayah", "kode", "kodedesa", "kodekelurahan", "kodedesakelurahan", "code", "regioncode"),
    "periode": ("periode", "period"),
    "indikator": ("indikator", "indicator"),
    "pembilang": ("pembilang", "numerator"),
    "penyebut": ("penyebut", "denominator"),
    "target": ("target",),
    # Not "persen" or "prevalensi": a count file may carry a computed percentage beside its counts, and each of its
    # rows would then be refused as holding both.
    "nilai": ("nilai", "value", "estimasi", "estimate", "nilaisurvei", "prevalensisurvei", "estimasisurvei"),
    "batas_bawah": ("batasbawah", "bawah", "lower", "lowerbound", "batasbawahci", "cilower", "lower95"),
    "batas_atas": ("batasatas", "atas", "upper", "upperbound", "batasatasci", "ciupper", "upper95"),
    "sumber": ("sumber", "sumberdata", "source", "datasource"),
    # Other ways to say which region a row is (see _tidy_regions): a BPS code, a kabupaten/province name, a puskesmas.
    "kode_bps": ("kodebps", "bps", "kodewilayahbps", "kodebpswilayah"),
    "nama_wilayah": (
        "namawilayah",
        "wilayah",
        "kabupatenkota",
        "kabkota",
        "namakabupaten",
        "namakabupatenkota",
        "namakabkota",
        "kabupaten",
        "kota",
        "provinsi",
        "namaprovinsi",
    ),
    "kode_puskesmas": ("kodepuskesmas", "kodepkm"),
}
# Columns that can say a row's region in the tidy template, in the order they are read.
_TIDY_REGION_COLUMNS = ("kode_puskesmas", "kode_wilayah", "kode_bps", "nama_wilayah")
_VILLAGE_HEADERS = ("kelurahan", "desa", "desakelurahan", "kelurahandesa", "desakel", "namadesa", "namakelurahan")
_KECAMATAN_HEADERS = ("kecamatan", "kec", "namakecamatan")
_PUSKESMAS_HEADERS = ("puskesmas", "namapuskesmas", "pkm")
_MONTH_HEADERS = ("bulan", "month")
_YEAR_HEADERS = ("tahun", "year")


# ---------------------------------------------------------------------------------------------- reading


class TableError(ValueError):
    """A file that cannot be read as a table; ``key`` and ``params`` name the problem's translation."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = tuple(params.items())


# What reading a broken, truncated or mislabelled file raises.
_UNREADABLE = (OSError, ValueError, UnicodeError, pd.errors.ParserError, zipfile.BadZipFile, InvalidFileException,
               KeyError)  # fmt: skip


def _excel_text(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, datetime | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _clean(column: pd.Series) -> np.ndarray:
    """Stripped text, None for empty cells; each distinct value is stripped once (a million rows hold few)."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if len(uniques) == 0:
        return np.full(len(column), None, dtype=object)
    stripped = pd.Series(np.asarray(uniques, dtype=object)).astype(str).str.strip().to_numpy(dtype=object)
    # Not Series.where: pandas' string dtype turns the None back into NaN (printed "nan"). Last: an NA cell (-1).
    cleaned = np.array([*(text if len(text) else None for text in stripped), None], dtype=object)
    return cleaned[codes]


def _unique_names(values: Iterable[object]) -> list[str]:
    names: list[str] = []
    for i, value in enumerate(values):
        name = str(value).strip() if value is not None else ""
        name = _short(name) or f"kolom {i + 1}"
        while name in names:  # two columns of the same name: keep both, reachable
            name = f"{name} ({i + 1})"
        names.append(name)
    return names


def _short(text: str, limit: int = MAX_CELL_SHOWN) -> str:
    """At most ``limit`` characters of a cell as a message shows it (a 10 MB cell is not echoed), the number of
    characters left out at the end."""
    if len(text) <= limit:
        return text
    kept = limit - len(f"… (+{len(text)})")
    return f"{text[:kept]}… (+{len(text) - kept})"


def column_list(columns: Sequence[object]) -> str:
    """At most :data:`MAX_COLUMNS_SHOWN` column names, each shortened, for a message."""
    shown = ", ".join(_short(str(column), 60) for column in columns[:MAX_COLUMNS_SHOWN])
    rest = len(columns) - MAX_COLUMNS_SHOWN
    return shown if rest <= 0 else f"{shown}, … (+{rest})"


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(content: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding read: UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1252
    (Excel's "CSV" on Windows), else Latin-1. Binary data is refused as not a CSV file."""
    encoding = next((name for bom, name in _BOMS if content.startswith(bom)), None)
    sample = content[:4096]
    if encoding is None and len(sample) >= 4 and sample.count(0) > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        encoding = "utf-16-le" if odd > 3 * even else "utf-16-be" if even > 3 * odd else None
        if encoding is None:
            raise TableError("indicators.not_csv", kind="CSV")
    if encoding is None and (content.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or b"\x00" in sample):
        raise TableError("indicators.not_csv", kind="CSV")
    for name in (encoding or "utf-8", "cp1252", "latin-1"):
        try:
            text = content.decode(name)
        except UnicodeDecodeError:
            if encoding:  # a declared UTF-16 that does not decode is no text file
                raise TableError("indicators.not_csv", kind="CSV") from None
            continue
        break
    controls = sum(text[:4096].count(chr(c)) for c in (*range(0, 9), 11, 12, *range(14, 32)))
    if controls > 8:
        raise TableError("indicators.not_csv", kind="CSV")
    return text.removeprefix("\ufeff"), encoding or name


def _check_width(count: int) -> None:
    if count > MAX_COLUMNS:
        raise TableError("indicators.too_many_columns", count=count, limit=MAX_COLUMNS)


def _xlsx_width(content: bytes) -> None:
    """Refuse a sheet wider than :data:`MAX_COLUMNS` from its declared dimension and its first rows, streamed
    before pandas reads every cell."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    try:
        sheet = book.worksheets[0]
        width = int(sheet.max_column or 0)  # the declared dimension; a writer may leave it out
        for row in sheet.iter_rows(max_row=_HEADER_SEARCH, values_only=True):
            width = max(width, len(row))
    finally:
        book.close()
    _check_width(width)


def _read_raw(content: bytes, file_name: str, nrows: int | None) -> pd.DataFrame:
    suffix = Path(file_name).suffix.lower()
    if suffix not in _TABLE_SUFFIXES:
        raise TableError("indicators.wrong_type", suffix=suffix or "(tanpa akhiran)")
    if not content.strip():
        raise TableError("indicators.empty_file")
    if suffix in _EXCEL_SUFFIXES:
        if not content.startswith(b"PK\x03\x04"):  # an XLSX file is a ZIP archive
            raise TableError("indicators.not_xlsx", kind="XLSX")
        _xlsx_width(content)
        raw = pd.read_excel(io.BytesIO(content), header=None, dtype=object, engine="openpyxl", nrows=nrows)
        return raw.map(_excel_text) if len(raw) else raw
    text, _ = _decode(content)
    lines = [line for line in text.split("\n", _HEADER_SEARCH)[:_HEADER_SEARCH] if line.strip()]
    first = lines[0] if lines else ""
    separator = max((";", ",", "\t"), key=first.count)
    # Counted before pandas reads anything: 100,000 columns take minutes and a gigabyte to parse.
    _check_width(max((line.count(separator) + 1 for line in lines), default=0))
    return pd.read_csv(
        io.StringIO(text),
        sep=separator,
        header=None,
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_MINIMAL,
        nrows=nrows,
    )


def _header_position(raw: pd.DataFrame) -> int:
    """Which of the first rows is the header: the first one whose names are a known layout, else the first row
    at least half as full as the fullest (a title line above the header fills one cell)."""
    head = [_clean(raw.iloc[i]) for i in range(min(len(raw), _HEADER_SEARCH))]
    for position, cells in enumerate(head):
        if detect_format([str(cell) for cell in cells if cell is not None]):
            return position
    filled = [sum(cell is not None for cell in cells) for cells in head]
    best = max(filled, default=0)
    return next((position for position, n in enumerate(filled) if 2 * n >= best and n > 0), 0)


def read_table(content: bytes, file_name: str, nrows: int | None = None) -> pd.DataFrame:
    """A CSV or XLSX table as raw text cells (None for empty), its header row as column names.

    The header is the first row, or a later one among the first ten when title lines stand above it
    (``frame.attrs["header_row"]`` says which). The index is the spreadsheet row number (first data row:
    header row + 1); blank rows and comment rows (first cell starting with ``#``) are left out. Raises
    :class:`TableError` for a file that is not a table.
    """
    try:
        raw = _read_raw(content, file_name, None if nrows is None else nrows + _HEADER_SEARCH)
    except TableError:
        raise
    except _UNREADABLE as error:
        raise TableError("indicators.unreadable", error=_short(str(error))) from error
    if raw.shape[0] == 0 or raw.shape[1] == 0:
        raise TableError("indicators.empty_file")
    position = _header_position(raw)
    names = _unique_names(_clean(raw.iloc[position]))
    body = raw.iloc[position + 1 :]
    if nrows is not None:
        body = body.iloc[:nrows]
    frame = pd.DataFrame(
        {name: _clean(body[column]) for name, column in zip(names, raw.columns, strict=True)},
        index=pd.RangeIndex(position + 2, len(body) + position + 2),
    )
    frame.attrs["header_row"] = position + 1
    if frame.empty:
        return frame
    filled = frame.notna().any(axis=1).to_numpy()
    first = frame.iloc[:, 0]
    comment = first.notna().to_numpy() & first.astype(str).str.startswith("#").to_numpy()
    return frame[filled & ~comment]


def read_table_preview(content: bytes, file_name: str, rows: int = 20) -> pd.DataFrame:
    """The first ``rows`` data rows of a table, for the data page's preview (empty cells as "")."""
    return read_table(content, file_name, nrows=rows).fillna("")


# ---------------------------------------------------------------------------------------------- templates


_TEMPLATE_HEADER = (*TIDY_COLUMNS, "target", *TIDY_ESTIMATE_COLUMNS)
# A survey's estimate for a kabupaten/kota: a value with its 95% interval and source, no counts.
_SURVEY_EXAMPLE = ("# contoh survei: 52.03", "2024", "stunting", "", "", "", "24.1", "21.5", "26.9", "SSGI 2024")


def blank_template_csv() -> bytes:
    """The tidy template as CSV: the header and two comment rows showing examples (the importer skips them): a
    village's counts, and a survey's rate-only estimate for a kabupaten/kota (``nilai``, ``batas_bawah``,
    ``batas_atas``, ``sumber`` instead of ``pembilang`` and ``penyebut``).

    The example rows start with ``#`` so a file saved with them left in imports nothing from them.
    """
    lines = [
        ",".join(_TEMPLATE_HEADER),
        "# contoh: 52.03.01.2001,2025-02,stunting,12,85,14,,,,",
        ",".join(_SURVEY_EXAMPLE),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


blank_template = blank_template_csv


def blank_template_xlsx() -> bytes:
    """The tidy template as XLSX: a data sheet with the header and a survey example as a comment row, and a sheet
    listing the indicator keys and explaining the columns."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "data"
    sheet.append(list(_TEMPLATE_HEADER))
    sheet.append([_SURVEY_EXAMPLE[0], *_SURVEY_EXAMPLE[1:6], *(float(v) for v in _SURVEY_EXAMPLE[6:9]),
                  _SURVEY_EXAMPLE[9]])  # fmt: skip
    for column in "ABCJ":
        sheet.column_dimensions[column].number_format = "@"  # codes and periods as text: leading zeros survive
        sheet.column_dimensions[column].width = 18
    keys = book.create_sheet("indikator")
    keys.append(["indikator", "nama", "pembilang", "penyebut", "target (%)"])
    for entry in CATALOGUE.values():
        keys.append([entry.key, entry.label_id, entry.numerator_id, entry.denominator_id, entry.target])
    keys.append([])
    keys.append(["kode_wilayah: kode desa/kelurahan, mis. 52.03.01.2001 atau 5203012001"])
    keys.append(["periode: 2025-02, 'Februari 2025', atau tahun 2025 untuk survei"])
    keys.append(["pembilang, penyebut: jumlah anak (atau keluarga) per desa, mis. 12 stunting dari 85 diukur"])
    keys.append([])
    keys.append(["Angka survei (SSGI, SKI) per kabupaten/kota, tanpa jumlah anak: kosongkan pembilang dan penyebut,"])
    keys.append(["isi kolom berikut. Angka ini ditampilkan di samping angka rutin, tidak pernah dijumlahkan."])
    keys.append(["kode_wilayah: kode kabupaten/kota, mis. 52.03 atau 5203 (bukan kode desa)"])
    keys.append(["nilai: prevalensi dalam persen 0-100, mis. 24,1 (bukan format persen Excel 0,241)"])
    keys.append(["batas_bawah, batas_atas: interval kepercayaan 95% dalam persen, mis. 21,5 dan 26,9 (keduanya "
                 "atau tidak sama sekali)"])  # fmt: skip
    keys.append(["sumber: wajib, mis. 'SSGI 2024' atau 'SKI 2023'"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- mappings


@dataclass(frozen=True)
class IndicatorColumns:
    """The file columns whose sums are one catalogue indicator's numerator and denominator."""

    key: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]


Measure = IndicatorColumns

# The Sigizi-Kesga report's columns for each catalogue indicator. Denominators are the report's own (its
# percentage columns divide by them): weighing and measurement coverage are D/S with S = children
# registered this month (Balita_Bulan_Ini), not the annual projection (Sasaran_Balita). Severe stunting
# and overweight have no column (or no catalogue entry) and are not built.
SIGIZI_MEASURES: tuple[IndicatorColumns, ...] = (
    IndicatorColumns("stunting", ("Jml_Balita_Stunting",), ("Balita_Diukur_PB_TB",)),
    IndicatorColumns("wasting", ("Jml_Balita_Wasting",), ("Balita_Ditimbang_Diukur",)),
    IndicatorColumns("underweight", ("Jml_Balita_Underweight",), ("Balita_Ditimbang",)),
    IndicatorColumns("penimbangan", ("Balita_Ditimbang",), ("Balita_Bulan_Ini",)),
    IndicatorColumns("pengukuran", ("Balita_Diukur_PB_TB",), ("Balita_Bulan_Ini",)),
    IndicatorColumns("buku_kia", ("Balita_Punya_KIA",), ("Balita_Bulan_Ini",)),
    IndicatorColumns("imd", ("Jml_Bayi_Dapat_IMD",), ("Bayi_Baru_Lahir_Bulan_Ini_B",)),
    # Exclusive breastfeeding by 24-hour recall: over the infants 0-5 months who were asked.
    IndicatorColumns("asi_eksklusif", ("Jml_Bayi_0_5_Bulan_ASI_Eksklusif_Recall",), ("Jml_Bayi_0_5_Bulan_Recall",)),
    IndicatorColumns("mp_asi", ("Jml_Anak_6_23_Bulan_MPASI_Baik",), ("Jml_Anak_6_23_Bulan_Wawancara",)),
    # 6-59 months = 6-11 + 12-59; both are zero outside the February and August rounds.
    IndicatorColumns(
        "vitamin_a",
        ("Jml_Bayi_6_11_Bulan_Vitamin_A", "Jml_Anak_12_59_Bulan_Vitamin_A"),
        ("Jml_Bayi_6_11_Bulan", "Jml_Anak_12_59_Bulan"),
    ),
)
_SIGIZI_KEYS = frozenset(_column_key(c) for m in SIGIZI_MEASURES for c in (*m.numerator, *m.denominator))


def _sigizi_columns(columns: Sequence[str]) -> tuple[list[IndicatorColumns], list[str]]:
    """The catalogue indicators a header holds every Sigizi column of (named as in the file), and the others."""
    keys: dict[str, str] = {}
    for column in columns:
        keys.setdefault(_column_key(column), column)
    found, absent = [], []
    for measure in SIGIZI_MEASURES:
        parts = [[keys.get(_column_key(c)) for c in side] for side in (measure.numerator, measure.denominator)]
        if all(column is not None for side in parts for column in side):
            found.append(IndicatorColumns(measure.key, *(tuple(str(c) for c in side) for side in parts)))
        else:
            absent.append(measure.key)
    return found, absent


# Field names of a mapping as the data page sends it ({field: column}); indicators as "<key>.pembilang".
_MAPPING_FIELDS = {
    "kode_wilayah": "code",
    "nama_desa": "village",
    "kecamatan": "kecamatan",
    "puskesmas": "puskesmas",
    "periode": "period",
    "bulan": "month",
    "tahun": "year",
    "periode_tetap": "fixed_period",
}


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns of an arbitrary table hold what: region (code, or village name and its context), period
    (a column, month and year columns, or one fixed period for the whole file), and indicators.

    ``as_fields``/``from_fields`` convert to and from the data page's ``{field: column}`` form, where a
    field is ``kode_wilayah``, ``nama_desa``, ``kecamatan``, ``puskesmas``, ``periode``, ``bulan``,
    ``tahun``, ``periode_tetap`` (its value is the period itself), ``<indicator>.pembilang`` or
    ``<indicator>.penyebut``.
    """

    code: str | None = None
    village: str | None = None
    kecamatan: str | None = None
    puskesmas: str | None = None
    period: str | None = None
    month: str | None = None
    year: str | None = None
    fixed_period: str | None = None
    indicators: tuple[IndicatorColumns, ...] = ()

    def as_fields(self) -> dict[str, str]:
        fields = {name: getattr(self, attribute) for name, attribute in _MAPPING_FIELDS.items()}
        out = {name: str(value) for name, value in fields.items() if value}
        for entry in self.indicators:
            out[f"{entry.key}.pembilang"] = " + ".join(entry.numerator)
            out[f"{entry.key}.penyebut"] = " + ".join(entry.denominator)
        return out

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> ColumnMapping:
        """From ``{field: column}``; an indicator's columns may be summed, written ``"A + B"``."""
        plain = {attribute: fields.get(name) or None for name, attribute in _MAPPING_FIELDS.items()}
        parts: dict[str, dict[str, tuple[str, ...]]] = {}
        for name, column in fields.items():
            key, _, role = name.rpartition(".")
            if role in ("pembilang", "penyebut") and key and column:
                columns = tuple(part.strip() for part in str(column).split(" + ") if part.strip())
                parts.setdefault(key, {})[role] = columns
        indicators = tuple(
            IndicatorColumns(key, roles.get("pembilang", ()), roles.get("penyebut", ())) for key, roles in parts.items()
        )
        return cls(indicators=indicators, **plain)

    def missing(self) -> list[str]:
        """What the mapping still lacks, as field names ("kode_wilayah/nama_desa", "periode", ...)."""
        lacking = []
        if not self.code and not self.village:
            lacking.append("kode_wilayah/nama_desa")
        if not self.period and not self.fixed_period and not (self.month and self.year):
            lacking.append("periode")
        if not self.indicators:
            lacking.append("<indikator>.pembilang/penyebut")
        for entry in self.indicators:
            if not entry.numerator:
                lacking.append(f"{entry.key}.pembilang")
            if not entry.denominator:
                lacking.append(f"{entry.key}.penyebut")
        return lacking

    def columns(self) -> list[str]:
        """Every file column the mapping reads."""
        named = [self.code, self.village, self.kecamatan, self.puskesmas, self.period, self.month, self.year]
        found = [column for column in named if column]
        for entry in self.indicators:
            found += [*entry.numerator, *entry.denominator]
        return found


def _find_header(columns: Sequence[str], spellings: Iterable[str]) -> str | None:
    keys = {_header_key(column): column for column in reversed(list(columns))}
    return next((keys[s] for s in spellings if s in keys), None)


def guess_mapping(columns: Sequence[str]) -> ColumnMapping:
    """A first guess at a table's mapping from its header, for the planner to confirm or correct.

    Recognises the tidy template's names, the Sigizi report's, and ``<indicator>_pembilang`` /
    ``<indicator>_penyebut`` pairs.
    """
    columns = [str(column) for column in columns]
    indicators = {m.key: (m.numerator, m.denominator) for m in _sigizi_columns(columns)[0]}
    for key in CATALOGUE:
        numerator_column = _find_header(columns, (_header_key(f"{key}_pembilang"), _header_key(f"{key}_numerator")))
        denominator_column = _find_header(columns, (_header_key(f"{key}_penyebut"), _header_key(f"{key}_denominator")))
        if numerator_column and denominator_column:
            indicators[key] = ((numerator_column,), (denominator_column,))
    return ColumnMapping(
        code=_find_header(columns, _TIDY_HEADERS["kode_wilayah"]),
        village=_find_header(columns, _VILLAGE_HEADERS),
        kecamatan=_find_header(columns, _KECAMATAN_HEADERS),
        puskesmas=_find_header(columns, _PUSKESMAS_HEADERS),
        period=_find_header(columns, _TIDY_HEADERS["periode"]),
        month=_find_header(columns, _MONTH_HEADERS),
        year=_find_header(columns, _YEAR_HEADERS),
        indicators=tuple(IndicatorColumns(key, num, den) for key, (num, den) in indicators.items()),
    )


def suggest_mapping(columns: Sequence[str]) -> dict[str, str]:
    """:func:`guess_mapping` in the data page's ``{field: column}`` form (one column per field)."""
    fields = guess_mapping(columns).as_fields()
    return {name: column for name, column in fields.items() if " + " not in column}


def bps_code_column(columns: Sequence[str]) -> str | None:
    """The tidy template's column of BPS kabupaten/province codes (``kode_bps`` as any spelling), or None: a file
    with one is read through a crosswalk (the data page then offers its drop zone)."""
    return _find_header([str(column) for column in columns], _TIDY_HEADERS["kode_bps"])


def detect_format(columns: Sequence[str]) -> str | None:
    """``scorecard`` (:mod:`~dashboard.data.importers.scorecard`), ``dana_desa``
    (:mod:`~dashboard.data.importers.village_funds`), ``tidy``, ``sigizi`` or None (not recognised) from a header."""
    from dashboard.data.importers.scorecard import is_scorecard_header
    from dashboard.data.importers.village_funds import is_village_funds_header

    names = [str(column) for column in columns]
    if is_scorecard_header(names):
        return "scorecard"
    if is_village_funds_header(names):
        return "dana_desa"
    keys = {_header_key(column) for column in columns}
    counts = {_column_key(column) for column in columns}
    tidy = sum(any(s in keys for s in _TIDY_HEADERS[name]) for name in TIDY_COLUMNS)
    if tidy >= 3:
        return "tidy"
    has_place = any(s in keys for s in (*_VILLAGE_HEADERS, *_TIDY_HEADERS["kode_wilayah"]))
    has_month = any(s in keys for s in _MONTH_HEADERS)
    # A month column without a year is enough: the year may come with the import (``year``).
    if has_place and has_month and counts & _SIGIZI_KEYS:
        return "sigizi"
    return None


# ---------------------------------------------------------------------------------------------- the report


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class _Report:
    """The batch's problems, at most :data:`MAX_LISTED` of one kind in one column, then a line for the rest."""

    def __init__(self, file_name: str) -> None:
        self.file = file_name
        self.problems: list[Problem] = []
        self._counts: dict[tuple[str, str | None], tuple[int, Severity]] = {}

    def room(self, key: str, column: str | None) -> int:
        return MAX_LISTED - self._counts.get((key, column), (0, Severity.ERROR))[0]

    def _count(self, key: str, column: str | None, n: int, severity: Severity) -> None:
        before = self._counts.get((key, column), (0, severity))[0]
        self._counts[(key, column)] = (before + n, severity)

    def add(
        self,
        row: int | None,
        column: str | None,
        value: object,
        key: str,
        severity: Severity = Severity.ERROR,
        **params: object,
    ) -> None:
        if self.room(key, column) > 0:
            text = None if value is None else _short(str(value))
            shown = tuple((name, _short(v, _PARAM_SHOWN) if isinstance(v, str) else v) for name, v in params.items())
            self.problems.append(Problem(self.file, row, column, text, key, shown, severity))
        self._count(key, column, 1, severity)

    def add_rows(
        self,
        rows: np.ndarray,
        column: str | None,
        values: np.ndarray | None,
        key: str,
        severity: Severity = Severity.ERROR,
        **params: np.ndarray,
    ) -> None:
        """One problem per row (the first ones only: a million bad rows build a hundred problems)."""
        shown = max(0, min(len(rows), self.room(key, column)))
        for i in range(shown):
            value = None if values is None or values[i] is None else values[i]
            value = _fmt(float(value)) if isinstance(value, float | np.floating) else value
            row_params = {
                name: (_fmt(v[i]) if isinstance(v[i], float | np.floating) else
                       _short(v[i], _PARAM_SHOWN) if isinstance(v[i], str) else v[i]) for name, v in params.items()
            }  # fmt: skip
            self.problems.append(
                Problem(self.file, int(rows[i]), column, None if value is None else _short(str(value)), key,
                        tuple(row_params.items()), severity)
            )  # fmt: skip
        self._count(key, column, len(rows), severity)

    def finish(self) -> list[Problem]:
        for (_, column), (count, severity) in self._counts.items():
            if count > MAX_LISTED:
                params = (("count", count - MAX_LISTED), ("shown", MAX_LISTED))
                self.problems.append(Problem(self.file, None, column, None, "indicators.more", params, severity))
        return self.problems


def _by_value(values: np.ndarray, rows: np.ndarray) -> list[tuple[object, list[int]]]:
    """Distinct values (first seen first) with the rows that hold each."""
    if len(values) == 0:
        return []
    frame = pd.DataFrame({"value": pd.Series(values, dtype=object).fillna(""), "row": rows})
    grouped = frame.groupby("value", sort=False)["row"]
    return [(value, group.tolist()) for value, group in grouped]


# ---------------------------------------------------------------------------------------------- cells


# Number formats: "id" writes 1.207 and 55,98 (dot for thousands, comma for decimals), "en" 1,207 and 55.98.
# Cells that can only be read one way are the evidence; 1.207 alone could be either.
_STYLE_EVIDENCE = {
    "id": re.compile(r"[+-]?(\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,}|\d*,(\d{1,2}|\d{4,})|\d{4,},\d+)"),
    "en": re.compile(r"[+-]?(\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,}|\d*\.(\d{1,2}|\d{4,})|\d{4,}\.\d+)"),
}
_GROUPED = {"id": re.compile(r"[+-]?\d{1,3}\.\d{3}"), "en": re.compile(r"[+-]?\d{1,3},\d{3}")}


def _unique_texts(values: np.ndarray) -> list[str]:
    """The distinct non-empty cells, without spaces (``1 207`` groups thousands too)."""
    uniques = pd.unique(pd.Series(values, dtype=object).dropna())
    return ["".join(str(value).split()) for value in uniques]


def _evidence(texts: Iterable[str]) -> set[str]:
    """The number formats some cell of ``texts`` can only be read in."""
    found: set[str] = set()
    for text in texts:
        found |= {style for style, pattern in _STYLE_EVIDENCE.items() if pattern.fullmatch(text)}
        if len(found) == 2:
            break
    return found


def _count_style(texts: list[str], file_evidence: Callable[[], set[str]]) -> tuple[str | None, bool]:
    """The number format of one count column, and whether it stays ambiguous.

    The column's own evidence first, then the file's; without either, a count of children is a whole number,
    so ``1.207`` can only be 1207 (and ``1,207`` too); a column whose only grouped cells are ``2.000``-like
    (2 or 2000) stays ambiguous, and so does one holding both ``1.207`` and ``1,207``, or ``1.207`` in a file
    whose decimals are dots (the file says 1.207, a count says 1207).
    """
    own = _evidence(texts)
    if len(own) == 1:
        return own.pop(), False
    if len(own) == 2:
        return None, True
    grouped = {style: [text for text in texts if pattern.fullmatch(text)] for style, pattern in _GROUPED.items()}
    present = [style for style, cells in grouped.items() if cells]
    if not present:
        return None, False  # plain numbers: nothing to tell, and the whole file need not be read
    evidence = file_evidence()
    if len(evidence) == 1:
        # The file's decimals say how to read 1.207; if that makes a count a fraction, the two rules disagree.
        style = next(iter(evidence))
        fraction = any(other != style and not all(text.endswith("000") for text in cells)
                       for other, cells in grouped.items())  # fmt: skip
        return style, fraction
    if len(present) == 2:
        return None, True
    style = present[0]
    return style, all(text.endswith("000") for text in grouped[style])


def _parse_counts(
    values: np.ndarray, style: str | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Floats from count cells (``style``: "id", "en", or None for plain numbers and an unmistakable
    ``1.234,5``); and which cells were empty, which non-empty cells could not be read, and which of those were
    an infinite or NaN number (``inf``, ``nan``: read, but no count)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    text = pd.Series(np.asarray(uniques, dtype=object), dtype=object).astype(str).str.replace(r"\s+", "", regex=True)
    if style == "en":
        text = text.str.replace(",", "", regex=False)
    else:
        both = text.str.contains(".", regex=False) & text.str.contains(",", regex=False)
        if style == "id":
            both = text.str.contains(".", regex=False)
        text = text.where(~both, text.str.replace(".", "", regex=False))  # 1.234,5: dot for thousands
    text = text.str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text, errors="coerce").astype(float).to_numpy(copy=True)
    parsed[text.isin(_DASHES).to_numpy()] = 0.0  # Excel's accounting format shows zero as a dash
    non_finite = ~np.isfinite(parsed) & text.str.fullmatch(r"[+-]?(inf|infinity|nan)", case=False).to_numpy()
    parsed[~np.isfinite(parsed)] = np.nan
    numbers = np.append(parsed, np.nan)[codes]
    empty = codes < 0
    return numbers, empty, ~empty & np.isnan(numbers), np.append(non_finite, False)[codes]


def _period_of(text: object, month: object = None) -> str | None:
    try:
        return parse_period(text, month)
    except PeriodError:
        return None


_INDICATOR_NAMES: dict[str, str] = {}
for _entry in CATALOGUE.values():
    for _name in (_entry.key, _entry.label_id, _entry.label_en):
        _INDICATOR_NAMES.setdefault(_header_key(_name), _entry.key)


def _indicator_of(text: object) -> str | None:
    return _INDICATOR_NAMES.get(_header_key(text))


# ---------------------------------------------------------------------------------------------- context


@dataclass
class _Run:
    """One import's inputs and what it has found so far."""

    batch: IndicatorBatch
    report: _Report
    villages: pd.DataFrame
    district_code: str | None
    aliases: Mapping[tuple[str, str], str]
    accept_near: bool
    skip_unmatched: bool
    confirmed: Mapping[str, str]
    year: int | None = None  # the year of a file whose months carry none
    # Kecamatan, kabupaten/kota and provinces figures may be imported for (REGION_COLUMNS), known puskesmas
    # (PUSKESMAS_COLUMNS), and BPS code -> Kemendagri code from a crosswalk.
    regions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REGION_COLUMNS))
    puskesmas: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PUSKESMAS_COLUMNS))
    crosswalk: Mapping[str, str] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)  # rows left out on purpose (unmatched names)
    table: pd.DataFrame | None = None  # the file's cells, for the number-format evidence of the whole file
    styles: dict[str, str | None] = field(default_factory=dict)  # each count column's number format
    _file_evidence: set[str] | None = None

    @property
    def file_evidence(self) -> set[str]:
        """The number formats the file's cells prove (:func:`_file_evidence`), read when first needed: a file of
        plain whole numbers never needs it."""
        if self._file_evidence is None:
            self._file_evidence = set() if self.table is None else _file_evidence(self.table)
        return self._file_evidence

    def style(self, label: str, raw: np.ndarray) -> str | None:
        """The number format of a count column (refused with an error, once, when it stays ambiguous)."""
        if label not in self.styles:
            texts = _unique_texts(raw)
            style, ambiguous = _count_style(texts, lambda: self.file_evidence)
            if ambiguous:
                example = [text for text in texts if any(p.fullmatch(text) for p in _GROUPED.values())]
                self.report.add(None, label, example[0] if example else None, "indicators.ambiguous_numbers")
            self.styles[label] = style
        return self.styles[label]

    @property
    def scope(self) -> str:
        return self.district_code or "-"


# Problem keys of a code that is unreadable, of another level, outside the chosen district, or unknown: village
# codes in a report of villages (Sigizi, mapped tables), any level's code for counts in the tidy template, and a
# kecamatan's, kabupaten/kota's or province's for rate-only estimates.
_CODE_PROBLEMS = {
    "village": ("indicators.bad_code", "indicators.not_village_code", "indicators.outside_district",
                "indicators.unknown_code"),
    "counts": ("indicators.bad_code", "indicators.not_village_code", "indicators.outside_district",
               "indicators.unknown_code"),
    "estimate": ("indicators.estimate_bad_code", "indicators.estimate_not_district_code",
                 "indicators.estimate_outside_district", "indicators.estimate_unknown_district"),
}  # fmt: skip


def _known_codes(run: _Run) -> dict[Level, set[str]]:
    """The codes figures may be imported for, per level: the villages, and the regions known above them."""
    known: dict[Level, set[str]] = {level: set() for level in Level}
    known[Level.DESA] = set(run.villages["code"].astype(str).tolist())
    for code, level in zip(run.regions["code"].astype(str), run.regions["level"].astype(str), strict=True):
        if level in Level.__members__.values():
            known[Level(level)].add(code)
    return known


def _resolve_codes(
    run: _Run, rows: np.ndarray, raw: np.ndarray, column: str, use: str = "village",
    translate: Callable[[object], tuple[str | None, str | None]] | None = None,
) -> np.ndarray:  # fmt: skip
    """The code of each non-empty raw code (None where it is refused, with the reason in the report).

    ``use`` says which codes a row may have: ``village`` (a village of ``run.villages``), ``counts`` (a village,
    or a kecamatan, kabupaten/kota or province of ``run.regions``) or ``estimate`` (the same without villages).
    ``translate`` reads a raw cell into a Kemendagri code or a refusal key (a BPS code); by default the cell is
    a Kemendagri code, dotted or not.
    """
    known = _known_codes(run)
    bad_code, other_level, outside, unknown = _CODE_PROBLEMS[use]
    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    resolved: list[str | None] = []
    reasons: dict[object, tuple[str, dict[str, Any]]] = {}
    for value in uniques.tolist():
        refusal = None
        if translate is None:
            code = try_normalise_code(value)
        else:
            code, refusal = translate(value)
        level = None if code is None else level_of(code)
        allowed = level is Level.DESA if use == "village" else level is not Level.DESA if use == "estimate" else True
        resolved.append(code if allowed and level is not None and code in known[level] else None)
        if refusal is not None:
            reasons[value] = (refusal, {})
        elif code is None or level is None:
            reasons[value] = (bad_code, {})
        elif not allowed:
            reasons[value] = (other_level, {"level": str(level)})
        elif code in known[level]:
            continue
        elif run.district_code and not (code + ".").startswith(run.district_code + "."):
            if level is Level.DESA or use == "estimate":
                reasons[value] = (outside, {"district": run.district_code})
            else:
                reasons[value] = (
                    "levels.outside_district",
                    {"district": run.district_code, "level": level_name(level)},
                )
        else:
            # Above villages (a kabupaten's estimate aside, worded since survey figures came in) a region of its own.
            own = level is Level.DESA or (use == "estimate" and level is Level.KABUPATEN)
            more = {} if own else {"level": level_name(level), "code": code}
            reasons[value] = (unknown if own else "levels.unknown_region", {"district": run.scope, **more})
    result = np.array([*resolved, None], dtype=object)[codes]
    bad = (codes >= 0) & pd.isna(result)
    for value, value_rows in _by_value(raw[bad], rows[bad]):
        key, params = reasons[value]
        run.report.add(value_rows[0], column, value, key, rows=len(value_rows), **params)
    return result


def _tidy_regions(
    run: _Run, rows: np.ndarray, raw: Mapping[str, np.ndarray], found: Mapping[str, str | None], use: str
) -> np.ndarray:
    """The region of each row of the tidy template (None where refused): a puskesmas (``kode_puskesmas``, with
    its district in ``kode_wilayah``), else a Kemendagri code at any level (``kode_wilayah``), else a BPS code
    (``kode_bps``), else a kabupaten/kota or province name (``nama_wilayah``). ``use``: ``counts`` or
    ``estimate`` (see :func:`_resolve_codes`; a puskesmas has counts only)."""
    codes = np.full(len(rows), None, dtype=object)
    done = np.zeros(len(rows), dtype=bool)
    for name in _TIDY_REGION_COLUMNS:
        given = ~done & pd.notna(raw[name])
        done |= given
        if not given.any():
            continue
        column = found[name] or name
        cells = raw[name][given]
        if name == "kode_puskesmas":
            if use == "estimate":
                run.report.add_rows(rows[given], column, cells, "levels.puskesmas_estimate")
                continue
            codes[given] = _puskesmas_codes(run, rows[given], cells, raw["kode_wilayah"][given], column)
        elif name == "kode_wilayah":
            codes[given] = _resolve_codes(run, rows[given], cells, column, use)
        elif name == "kode_bps":
            translate = lambda value: bps_to_kemendagri(value, run.crosswalk)  # noqa: E731
            codes[given] = _resolve_codes(run, rows[given], cells, column, use, translate)
        else:
            codes[given] = _region_names(run, rows[given], cells, column)
    column = next((found[name] for name in _TIDY_REGION_COLUMNS if found[name]), None) or "kode_wilayah"
    run.report.add_rows(rows[~done], column, None, "indicators.missing_region")
    return codes


def _puskesmas_codes(run: _Run, rows: np.ndarray, raw: np.ndarray, districts: np.ndarray, column: str) -> np.ndarray:
    """The key (:func:`~dashboard.core.levels.puskesmas_key`) of each row's puskesmas, None where it is refused.

    The puskesmas's district is the row's ``kode_wilayah`` (a kabupaten/kota code), else the chosen district,
    else the one district whose puskesmas list holds that code; the puskesmas must be in that district's list."""
    listed = run.puskesmas.astype(str)
    known = set(zip(listed["district_code"], listed["code"], strict=True))
    holders: dict[str, list[str]] = {}
    for district, code in sorted(known):
        holders.setdefault(code, []).append(district)
    result = np.full(len(rows), None, dtype=object)
    pairs = pd.DataFrame({"code": pd.Series(raw, dtype=object).astype(str).str.strip(),
                          "district": pd.Series(districts, dtype=object)})  # fmt: skip
    for (code, written), group in pairs.groupby(["code", "district"], dropna=False, sort=False):
        positions = group.index.to_numpy()
        first, count = int(rows[positions[0]]), len(positions)
        given = written is not None and not (isinstance(written, float) and np.isnan(written))
        district = try_normalise_code(written) if given else run.district_code
        if given and (district is None or len(district) != CODE_LENGTH[Level.KABUPATEN]):
            run.report.add(first, "kode_wilayah", written, "levels.puskesmas_district_code", rows=count)
            continue
        if district is None:
            found = holders.get(str(code), [])
            if len(found) != 1:
                key = "levels.puskesmas_ambiguous" if found else "levels.unknown_puskesmas"
                run.report.add(first, column, code, key, rows=count, district=", ".join(found) or run.scope)
                continue
            district = found[0]
        if (district, str(code)) not in known:
            run.report.add(first, column, code, "levels.unknown_puskesmas", rows=count, district=district)
            continue
        result[positions] = puskesmas_key(district, str(code))
    return result


def _region_names(run: _Run, rows: np.ndarray, raw: np.ndarray, column: str) -> np.ndarray:
    """The kabupaten/kota or province each name means (:class:`~dashboard.data.importers.regions.RegionNames`),
    within the chosen district when there is one; None where it is refused (no match, or several)."""
    regions = run.regions[run.regions["level"].astype(str).isin([str(Level.KABUPATEN), str(Level.PROVINSI)])]
    if run.district_code:
        regions = regions[regions["code"].astype(str) == run.district_code]
    names = RegionNames(regions)
    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    matches = [names.match(value) for value in uniques.tolist()]
    result = np.array([*(m.code for m in matches), None], dtype=object)[codes]
    for value, value_rows in _by_value(raw[pd.isna(result)], rows[pd.isna(result)]):
        match = matches[uniques.tolist().index(value)]
        key = "levels.name_ambiguous" if match.ambiguous else "levels.name_unmatched"
        described = ", ".join(names.describe(code) for code in match.candidates) or "-"
        run.report.add(value_rows[0], column, value, key, rows=len(value_rows), candidates=described)
    return result


def _resolve_names(
    run: _Run, rows: np.ndarray, names: pd.DataFrame, labels: Mapping[str, str | None]
) -> tuple[np.ndarray, np.ndarray]:
    """Village codes for named rows (None where unresolved) and which rows are skipped as unmatched.

    ``names`` has columns village, kecamatan, puskesmas (None where the file has none).
    """

    def add(row: int, field: str, value: object, key: str, severity: Severity, **params: object) -> None:
        run.report.add(row, labels.get(field), value, key, severity, **params)

    return resolve_names(names, rows, run.villages, run.aliases, run.confirmed, run.batch, add,
                         accept_near=run.accept_near, skip_unmatched=run.skip_unmatched)  # fmt: skip


def _check_confirmed(run: _Run) -> None:
    known = set(run.villages["code"].astype(str).tolist())
    for raw, code in run.confirmed.items():
        if code and str(code) not in known:
            run.report.add(None, None, raw, "names.confirmed_unknown", code=code)


def _regions(
    run: _Run,
    rows: np.ndarray,
    code_raw: np.ndarray | None,
    names: pd.DataFrame | None,
    labels: Mapping[str, str | None],
) -> np.ndarray:
    """The village code of every row (None where unresolved); rows skipped as unmatched go to ``run.skipped``."""
    codes = np.full(len(rows), None, dtype=object)
    has_code = np.zeros(len(rows), dtype=bool)
    if code_raw is not None:
        has_code = pd.notna(code_raw)
        if has_code.any():
            codes[has_code] = _resolve_codes(run, rows[has_code], code_raw[has_code], labels.get("code") or "")
    has_name = np.zeros(len(rows), dtype=bool)
    if names is not None:
        has_name = ~has_code & names["village"].notna().to_numpy()
        if has_name.any():
            named, skip = _resolve_names(run, rows[has_name], names[has_name], labels)
            codes[has_name] = named
            run.skipped.update(rows[has_name][skip].tolist())
    nowhere = ~has_code & ~has_name
    column = labels.get("code") or labels.get("village")
    run.report.add_rows(rows[nowhere], column, None, "indicators.missing_region")
    return codes


def _periods(run: _Run, rows: np.ndarray, period: np.ndarray | None, month: np.ndarray | None,
             year: np.ndarray | None, label: str | None, fixed: str | None = None) -> np.ndarray:  # fmt: skip
    """The period of every row (None where unreadable), from one column, month and year columns, or ``fixed``."""
    if fixed is not None:
        parsed = _period_of(fixed)
        if parsed is None:
            run.report.add(None, None, fixed, "indicators.bad_period", rows=len(rows))
        shown = np.full(len(rows), fixed, dtype=object)
        return _plausible_periods(run, rows, np.full(len(rows), parsed, dtype=object), shown, None)
    if period is not None:
        text = pd.Series(period, dtype=object)
    else:
        assert month is not None and year is not None
        # "Januari" + "2025" -> "Januari 2025"; a month number -> "01/2025"; both read by parse_period.
        month_text = pd.Series(month, dtype=object)
        year_text = pd.Series(year, dtype=object).astype(str).str.replace(r"\.0$", "", regex=True)
        numeric = month_text.astype(str).str.fullmatch(r"\d{1,2}(\.0)?")
        month_text = month_text.where(~numeric, month_text.astype(str).str.replace(r"\.0$", "", regex=True) + "/")
        joined = month_text.astype(str) + np.where(numeric, "", " ") + year_text
        text = joined.where(pd.notna(month) & pd.notna(year), None)
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    lookup = np.array([*[_period_of(u) for u in uniques.tolist()], None], dtype=object)
    result = lookup[codes]
    empty = codes < 0
    run.report.add_rows(rows[empty], label, None, "indicators.missing_period")
    bad = ~empty & pd.isna(result)
    for value, value_rows in _by_value(text.to_numpy(dtype=object)[bad], rows[bad]):
        run.report.add(value_rows[0], label, value, "indicators.bad_period", rows=len(value_rows))
    return _plausible_periods(run, rows, result, text.to_numpy(dtype=object), label)


def _plausible_periods(run: _Run, rows: np.ndarray, periods: np.ndarray, shown: np.ndarray,
                       label: str | None) -> np.ndarray:  # fmt: skip
    """Errors for periods no data can have (in the future, before 2000), each period once with its first row
    and the cell as written (``shown``); returns ``periods`` with those left empty (unplaced)."""
    result = periods.copy()
    readable = pd.notna(periods)
    for period in pd.unique(periods[readable]):
        refusal = period_refusal(str(period))
        if refusal is None:
            continue
        key, params = refusal
        hit = readable & (periods == period)
        run.report.add(
            int(rows[hit][0]), label, shown[hit][0], key, Severity.ERROR, rows=int(hit.sum()), **dict(params)
        )
        result[hit] = None
    return result


def _indicators(run: _Run, rows: np.ndarray, raw: np.ndarray, label: str) -> np.ndarray:
    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    lookup = np.array([*[_indicator_of(u) for u in uniques.tolist()], None], dtype=object)
    result = lookup[codes]
    empty = codes < 0
    run.report.add_rows(rows[empty], label, None, "indicators.missing_indicator")
    bad = ~empty & pd.isna(result)
    known = ", ".join(CATALOGUE)
    for value, value_rows in _by_value(raw[bad], rows[bad]):
        run.report.add(value_rows[0], label, value, "indicators.unknown_indicator", rows=len(value_rows), known=known)
    return result


def _counts_strict(
    run: _Run, rows: np.ndarray, raw: np.ndarray, label: str, limits: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Counts of one column, every bad cell an error (``limits``: each row's largest possible count); and which
    rows hold a usable count."""
    numbers, empty, unreadable, non_finite = _parse_counts(raw, run.style(label, raw))
    negative = ~np.isnan(numbers) & (numbers < 0)
    _bad_cells(run, rows, raw, empty, unreadable, non_finite, negative, label)
    too_large = _too_large(run, rows, raw, numbers, limits, label, Severity.ERROR)
    return numbers, ~(empty | unreadable | negative | too_large)


def _bad_cells(run: _Run, rows: np.ndarray, raw: np.ndarray, empty: np.ndarray, unreadable: np.ndarray,
               non_finite: np.ndarray, negative: np.ndarray, label: str) -> None:  # fmt: skip
    """Errors for the count cells of a file whose every bad value is an error (the tidy template, mapped tables)."""
    text = unreadable & ~non_finite
    run.report.add_rows(rows[empty], label, None, "indicators.missing_value")
    run.report.add_rows(rows[text], label, raw[text], "indicators.not_a_number")
    run.report.add_rows(rows[non_finite], label, raw[non_finite], "problem.not_finite")
    run.report.add_rows(rows[negative], label, raw[negative], "indicators.negative")


def _too_large(run: _Run, rows: np.ndarray, raw: np.ndarray, numbers: np.ndarray, limits: np.ndarray | float,
               label: str, severity: Severity) -> np.ndarray:  # fmt: skip
    """Report counts above ``limits`` (:attr:`Indicator.max_count`); returns which cells they are."""
    bounds = np.broadcast_to(np.asarray(limits, dtype=float), numbers.shape)
    above = ~np.isnan(numbers) & (numbers > bounds)
    for limit in np.unique(bounds[above]):
        hit = above & (bounds == limit)
        run.report.add_rows(rows[hit], label, raw[hit], "problem.count_too_large", severity,
                            **{name: np.full(int(hit.sum()), value, dtype=object)
                               for name, value in limit_params(float(limit))})  # fmt: skip
    return above


def _zero_over_zero(run: _Run, rows: np.ndarray, numerator: np.ndarray, denominator: np.ndarray, usable: np.ndarray,
                    indicators: np.ndarray, label: str) -> np.ndarray:  # fmt: skip
    """Warnings for values of 0 over 0, which say nothing and are not stored; returns which rows they are."""
    nothing = usable & (numerator == 0) & (denominator == 0)
    run.report.add_rows(rows[nothing], label, np.full(int(nothing.sum()), "0/0", dtype=object),
                        "problem.zero_over_zero", Severity.WARNING, indicator=indicators[nothing])  # fmt: skip
    return nothing


def _check_ratio(
    run: _Run, rows: np.ndarray, numerator: np.ndarray, denominator: np.ndarray, usable: np.ndarray, label: str,
    shown: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Errors where a numerator exceeds its denominator (``shown``: the cells as typed); returns the rows fine."""
    above = usable & (numerator > denominator)
    values = (numerator if shown is None else shown)[above].astype(object)
    run.report.add_rows(rows[above], label, values, "indicators.numerator_exceeds",
                        numerator=numerator[above], denominator=denominator[above])  # fmt: skip
    return usable & ~above


def _duplicates(run: _Run, frame: pd.DataFrame, label: str, key: str = "indicators.duplicate_key") -> np.ndarray:
    """Errors (``key``) for each later row of a (region, period, indicator) found twice; returns the rows kept."""
    keys = ["code", "period", "indicator"]
    twice = frame.duplicated(keys, keep=False).to_numpy()
    if not twice.any():
        return np.ones(len(frame), dtype=bool)
    repeated = frame[twice]
    first = repeated.groupby(keys, sort=False)["source_row"].transform("min").to_numpy()
    later = repeated["source_row"].to_numpy() != first
    value = (repeated["code"] + " " + repeated["period"] + " " + repeated["indicator"]).to_numpy(dtype=object)
    run.report.add_rows(repeated["source_row"].to_numpy()[later], label, value[later], key,
                        first=first[later].astype(object))  # fmt: skip
    return ~frame.duplicated(keys, keep="first").to_numpy()


# ---------------------------------------------------------------------------------------------- layouts


_TIDY_EXPECTED = ", ".join(TIDY_COLUMNS) + " (+ target; " + ", ".join(TIDY_ESTIMATE_COLUMNS) + ")"


def _tidy(run: _Run, table: pd.DataFrame) -> pd.DataFrame:
    """Observations from the tidy template; its rate-only rows (``nilai`` without counts) go to
    ``run.batch.estimates`` (:func:`_estimates`)."""
    columns = list(table.columns)
    found = {name: _find_header(columns, _TIDY_HEADERS[name]) for name in _TIDY_HEADERS}
    # pembilang and penyebut may both be left out of a file of survey estimates (with a nilai column).
    counts_optional = found["nilai"] is not None and found["pembilang"] is None and found["penyebut"] is None
    # A row's region may be said by kode_wilayah, kode_bps, nama_wilayah or kode_puskesmas.
    region_given = any(found[name] for name in _TIDY_REGION_COLUMNS)
    missing = [name for name in TIDY_COLUMNS if found[name] is None
               and not (counts_optional and name in ("pembilang", "penyebut"))
               and not (region_given and name == "kode_wilayah")]  # fmt: skip
    if missing:
        run.report.add(None, None, None, "indicators.missing_columns", missing=", ".join(missing),
                       expected=_TIDY_EXPECTED)  # fmt: skip
        return _no_observations()
    period_col, indicator_col = found["periode"], found["indikator"]
    code_col = next(found[name] for name in ("kode_wilayah", *_TIDY_REGION_COLUMNS) if found[name])
    numerator_col, denominator_col, value_col = found["pembilang"], found["penyebut"], found["nilai"]
    assert code_col and period_col and indicator_col
    count_cols = [c for c in (numerator_col, denominator_col) if c]
    # A totals row is checked against the rows of its period and indicator.
    table = _skip_totals(
        run, table, [found[name] for name in _TIDY_REGION_COLUMNS], count_cols, [period_col, indicator_col]
    )
    rows = table.index.to_numpy()
    nothing = np.full(len(rows), None, dtype=object)
    raw = {name: table[column].to_numpy(dtype=object) if column else nothing for name, column in found.items()}
    has_counts = pd.notna(raw["pembilang"]) | pd.notna(raw["penyebut"])
    has_value = pd.notna(raw["nilai"])
    both = has_counts & has_value
    run.report.add_rows(rows[both], value_col, raw["nilai"][both], "indicators.estimate_counts_and_value")
    for bound in ("batas_bawah", "batas_atas"):
        stray = ~has_value & pd.notna(raw[bound])
        run.report.add_rows(rows[stray], found[bound], raw[bound][stray], "indicators.estimate_bound_without_value")
    periods = _periods(run, rows, raw["periode"], None, None, period_col)
    indicators = _indicators(run, rows, raw["indikator"], indicator_col)
    rate_only = has_value & ~has_counts
    if rate_only.any():
        run.batch.estimates = _estimates(run, rows, raw, found, rate_only, periods, indicators)
    counted = ~has_value
    rows, periods, indicators = rows[counted], periods[counted], indicators[counted]
    raw = {name: cells[counted] for name, cells in raw.items()}
    codes = _tidy_regions(run, rows, raw, found, "counts")
    if not (numerator_col and denominator_col):  # a row with neither counts nor nilai, in a file of estimates
        run.report.add_rows(rows, value_col, None, "indicators.estimate_missing_value")
        return _no_observations()
    limits = count_limits(indicators)
    facts = _village_facts(indicators)
    limits[facts] = MAX_CHILDREN  # a yes/no fact gets its own message below, not "larger than 1"
    numerator, numerator_ok = _counts_strict(run, rows, raw["pembilang"], numerator_col, limits)
    denominator, denominator_ok = _counts_strict(run, rows, raw["penyebut"], denominator_col, limits)
    numerator_ok &= _yes_no(run, rows, raw["pembilang"], numerator, denominator, facts,
                            numerator_ok & denominator_ok, indicators, numerator_col)  # fmt: skip
    ok = _check_ratio(run, rows, numerator, denominator, numerator_ok & denominator_ok, numerator_col, raw["pembilang"])
    ok &= ~_zero_over_zero(run, rows, numerator, denominator, ok, indicators, numerator_col)
    if found["target"]:
        _targets(run, rows, raw["target"], indicators, found["target"])
    frame = pd.DataFrame(
        {"code": codes, "period": periods, "indicator": indicators, "numerator": numerator,
         "denominator": denominator, "source_row": rows}
    )  # fmt: skip
    placed = frame[["code", "period", "indicator"]].notna().all(axis=1).to_numpy()
    kept = np.zeros(len(frame), dtype=bool)
    kept[placed] = _duplicates(run, frame[placed], code_col)
    return frame[kept & ok]


def _village_facts(indicators: np.ndarray) -> np.ndarray:
    """Which rows are a yes/no village fact (:attr:`Counted.VILLAGE`, e.g. ``kpm_aktif``)."""
    facts = {key for key, entry in CATALOGUE.items() if entry.counted is Counted.VILLAGE}
    return np.array([key in facts for key in indicators], dtype=bool)


def _yes_no(
    run: _Run, rows: np.ndarray, raw: np.ndarray, numerator: np.ndarray, denominator: np.ndarray, facts: np.ndarray,
    usable: np.ndarray, indicators: np.ndarray, label: str,
) -> np.ndarray:  # fmt: skip
    """Errors where a yes/no village fact is not 1/1 (yes) or 0/1 (no); returns which rows are fine."""
    yes_no = (denominator == 1) & ((numerator == 0) | (numerator == 1))
    bad = facts & usable & ~yes_no
    shown = np.array([f"{_fmt(n)}/{_fmt(d)}" for n, d in zip(numerator[bad], denominator[bad], strict=True)],
                     dtype=object)  # fmt: skip
    run.report.add_rows(rows[bad], label, shown, "village_fact.not_yes_no", indicator=indicators[bad])
    return ~bad


def _estimates(
    run: _Run, rows: np.ndarray, raw: Mapping[str, np.ndarray], found: Mapping[str, str | None], rate_only: np.ndarray,
    periods: np.ndarray, indicators: np.ndarray,
) -> pd.DataFrame:  # fmt: skip
    """The rate-only rows of the tidy template as estimates (:data:`BATCH_ESTIMATE_COLUMNS`), every bad cell an
    error: the code (or BPS code, or name) of a kecamatan, kabupaten/kota or province Lokus knows, ``nilai`` in
    percent (0-100, decimal comma or dot, a trailing ``%`` allowed), both 95% bounds or neither with
    ``batas_bawah <= nilai <= batas_atas``, and a ``sumber``. Never counts: an estimate cannot enter a sum."""
    rows, periods, indicators = rows[rate_only], periods[rate_only], indicators[rate_only]
    cells = {name: values[rate_only] for name, values in raw.items()}
    code_col = next((found[name] for name in _TIDY_REGION_COLUMNS if found[name]), None) or "kode_wilayah"
    codes = _tidy_regions(run, rows, cells, found, "estimate")
    value, value_ok = _percents(run, rows, cells["nilai"], found["nilai"] or "nilai")
    lower, lower_ok = _percents(run, rows, cells["batas_bawah"], found["batas_bawah"] or "batas_bawah")
    upper, upper_ok = _percents(run, rows, cells["batas_atas"], found["batas_atas"] or "batas_atas")
    has_lower, has_upper = pd.notna(cells["batas_bawah"]), pd.notna(cells["batas_atas"])
    for lacking, name in ((has_upper & ~has_lower, "batas_bawah"), (has_lower & ~has_upper, "batas_atas")):
        run.report.add_rows(rows[lacking], found[name] or name, None, "indicators.estimate_one_bound")
    bounds_ok = lower_ok & upper_ok & (has_lower == has_upper)
    checkable = value_ok & bounds_ok & has_lower
    disorder = checkable & ~((lower <= value) & (value <= upper))
    run.report.add_rows(rows[disorder], found["nilai"], cells["nilai"][disorder], "indicators.estimate_bounds_order")
    sources = cells["sumber"]
    no_source = pd.isna(sources)
    run.report.add_rows(rows[no_source], found["sumber"] or "sumber", None, "indicators.estimate_missing_source")
    frame = pd.DataFrame(
        {"code": codes, "period": periods, "indicator": indicators, "value": value, "lower": lower, "upper": upper,
         "source": sources, "source_row": rows}
    )  # fmt: skip
    placed = frame[["code", "period", "indicator"]].notna().all(axis=1).to_numpy()
    kept = np.zeros(len(frame), dtype=bool)
    kept[placed] = _duplicates(run, frame[placed], code_col, "indicators.estimate_duplicate_key")
    ok = value_ok & bounds_ok & ~disorder & ~no_source
    return frame[kept & ok][BATCH_ESTIMATE_COLUMNS].reset_index(drop=True)


def _percents(run: _Run, rows: np.ndarray, raw: np.ndarray, label: str) -> tuple[np.ndarray, np.ndarray]:
    """Percentages of one column (NaN where empty or bad) and which cells are usable (empty ones are), every bad
    cell an error. A percentage is at most 100, so ``24,1`` and ``24.1`` can only be decimals: no number-format
    inference is needed, and a trailing ``%`` is dropped. A dash is no zero here: it is refused as no number."""
    text = pd.Series(raw, dtype=object).str.replace(r"\s*%$", "", regex=True).to_numpy(dtype=object)
    numbers, _, unreadable, _ = _parse_counts(text, None)
    dash = pd.Series(text, dtype=object).isin(_DASHES).to_numpy()
    numbers[dash] = np.nan
    unreadable |= dash
    outside = ~np.isnan(numbers) & ((numbers < 0) | (numbers > 100))
    run.report.add_rows(rows[unreadable], label, raw[unreadable], "indicators.estimate_not_a_number")
    run.report.add_rows(rows[outside], label, raw[outside], "indicators.estimate_out_of_range")
    usable = ~unreadable & ~outside
    return np.where(usable, numbers, np.nan), usable


def _targets(run: _Run, rows: np.ndarray, raw: np.ndarray, indicators: np.ndarray, label: str) -> None:
    """Targets per indicator into the report (as given; the catalogue's stay the map's default)."""
    style = next(iter(run.file_evidence)) if len(run.file_evidence) == 1 else None
    values, empty, unreadable, _ = _parse_counts(raw, style)
    bad = unreadable | (~np.isnan(values) & ((values < 0) | (values > 100)))
    run.report.add_rows(rows[bad], label, raw[bad], "indicators.bad_target", Severity.WARNING)
    good = ~empty & ~bad & pd.notna(indicators)
    if good.any():
        given = pd.DataFrame({"indicator": indicators[good], "target": values[good]})
        run.batch.extra["targets"] = {
            str(key): sorted(float(v) for v in group.unique()[:10])
            for key, group in given.groupby("indicator")["target"]
        }


def _wide(
    run: _Run, table: pd.DataFrame, measures: Sequence[IndicatorColumns], codes: np.ndarray, periods: np.ndarray,
    region_label: str, *, source: str,
) -> pd.DataFrame:  # fmt: skip
    """Observations from a table with one row per village and period and count columns per indicator.

    One column may feed several indicators (children measured: stunting's denominator and measurement
    coverage's numerator). A bad cell (unreadable, infinite, negative, too large, a numerator above its
    denominator) leaves out that value only, with a warning worded for ``source`` (``"sigizi"``: correct it in
    Sigizi-Kesga; ``"mapped"``: correct it in the file); the row's other indicators are imported. 0 over 0 is
    counted in ``extra`` for a Sigizi report and warned row by row for a mapped table.
    """
    sigizi = source == "sigizi"
    rows = table.index.to_numpy()
    placed = pd.notna(codes) & pd.notna(periods)
    parsed: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
    for column in dict.fromkeys(c for m in measures for c in (*m.numerator, *m.denominator)):
        raw = table[column].to_numpy(dtype=object)
        numbers, empty, unreadable, _ = _parse_counts(raw, run.style(column, raw))
        negative = ~np.isnan(numbers) & (numbers < 0)
        # A column may count for several indicators (weighed: a numerator and a denominator): the lowest bound.
        limit = float(count_limits([m.key for m in measures if column in (*m.numerator, *m.denominator)]).min())
        # In a Sigizi report a count too large leaves that value out with a warning, as a negative one does.
        too_large = np.zeros(len(rows), dtype=bool)
        too_large[placed] = _too_large(run, rows[placed], raw[placed], numbers[placed], limit, column,
                                       Severity.WARNING)  # fmt: skip
        parsed[column] = (np.where(negative | too_large, np.nan, numbers), empty, unreadable | negative, raw, too_large)
    frames = []
    zero: dict[str, int] = {}
    for measure in measures:
        numerator = np.sum([parsed[c][0] for c in measure.numerator], axis=0)
        denominator = np.sum([parsed[c][0] for c in measure.denominator], axis=0)
        parts = (*measure.numerator, *measure.denominator)
        empty = np.any([parsed[c][1] for c in parts], axis=0)
        bad = np.any([parsed[c][2] | parsed[c][4] for c in parts], axis=0)
        label = " + ".join(measure.numerator)
        usable = ~empty & ~bad
        if (empty & placed).any():
            missing_rows = rows[empty & placed]
            run.report.add(None, " + ".join(c for c in parts if parsed[c][1].any()), None,
                           f"indicators.{source}_column_empty", Severity.WARNING, indicator=measure.key,
                           rows=len(missing_rows), listed=listed_rows(missing_rows.tolist()))  # fmt: skip
        for column in parts:
            flagged = parsed[column][2] & placed
            run.report.add_rows(
                rows[flagged], column, parsed[column][3][flagged], f"indicators.{source}_bad_value", Severity.WARNING,
                indicator=np.full(flagged.sum(), measure.key, dtype=object),
            )  # fmt: skip
        above = usable & placed & (numerator > denominator)
        run.report.add_rows(rows[above], label, numerator[above].astype(object), f"indicators.{source}_exceeds",
                            Severity.WARNING, indicator=np.full(above.sum(), measure.key, dtype=object),
                            numerator=numerator[above], denominator=denominator[above])  # fmt: skip
        if sigizi:  # many 0/0 cells each month (vitamin A outside February and August): counted, not warned
            nothing = usable & (numerator == 0) & (denominator == 0)
            zero[measure.key] = int((nothing & placed).sum())
        else:
            nothing = _zero_over_zero(run, rows, numerator, denominator, usable & ~above & placed,
                                      np.full(len(rows), measure.key, dtype=object), label)  # fmt: skip
        ok = usable & ~above & ~nothing
        frames.append(
            pd.DataFrame({"code": codes, "period": periods, "indicator": measure.key, "numerator": numerator,
                          "denominator": denominator, "source_row": rows, "ok": ok})
        )  # fmt: skip
    if sigizi:
        run.batch.extra["zero_over_zero"] = zero
    if not frames:
        return _no_observations()
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame[["code", "period"]].notna().all(axis=1).to_numpy()]
    kept = _duplicates(run, frame, region_label)
    return frame[kept & frame["ok"].to_numpy()].drop(columns="ok")


def _names_frame(
    table: pd.DataFrame, village: str | None, kecamatan: str | None, puskesmas: str | None
) -> pd.DataFrame:
    def column(name: str | None) -> np.ndarray:
        return table[name].to_numpy(dtype=object) if name else np.full(len(table), None, dtype=object)

    return pd.DataFrame({"village": column(village), "kecamatan": column(kecamatan), "puskesmas": column(puskesmas)})


def _file_evidence(table: pd.DataFrame) -> set[str]:
    """The number formats the file's cells prove (codes, periods and names left aside: ``52.03`` is no number)."""
    aside = {*_TIDY_HEADERS["kode_wilayah"], *_TIDY_HEADERS["periode"], *_VILLAGE_HEADERS, *_KECAMATAN_HEADERS}
    found: set[str] = set()
    for column in table.columns:
        if _header_key(column) not in aside:
            found |= _evidence(_unique_texts(table[column].to_numpy(dtype=object)))
    return found


# A totals row names itself in its village (or number, kecamatan, puskesmas) cell: JUMLAH, TOTAL, SUB TOTAL,
# Sub-Jumlah, Grand Total, Jumlah Kecamatan X... A group total ("SUB", or naming a group) is checked against
# the rows above it since the previous totals row; a grand total against every row of its period.
_TOTAL_ROW = re.compile(r"(sub[\s_-]*)?(grand[\s_-]*)?(jumlah|jml|total)([\s_.:-].*)?", re.IGNORECASE)
_GRAND_TOTAL = re.compile(
    r"(grand[\s_-]*)?(jumlah|jml|total)([\s_.:-]*(total|keseluruhan|seluruhnya|semua|kabupaten|kab|kota)?)?[\s.:]*",
    re.IGNORECASE,
)


def _total_rows(table: pd.DataFrame, columns: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which rows are totals rows, which of them grand totals, and the cell that says so."""
    labels = np.full(len(table), None, dtype=object)
    for column in dict.fromkeys(c for c in (table.columns[0], *columns) if c):
        cells = table[column].to_numpy(dtype=object)
        hit = pd.isna(labels) & pd.Series(cells, dtype=object).fillna("").astype(str).str.strip().str.fullmatch(
            _TOTAL_ROW).to_numpy(dtype=bool)  # fmt: skip
        labels[hit] = cells[hit]
    totals = pd.notna(labels)
    grand = totals & pd.Series(labels, dtype=object).fillna("").astype(str).str.strip().str.fullmatch(
        _GRAND_TOTAL).to_numpy(dtype=bool)  # fmt: skip
    return totals, grand, labels


def _skip_totals(
    run: _Run, table: pd.DataFrame, columns: Sequence[str | None], counts: Sequence[str], period_columns: Sequence[str]
) -> pd.DataFrame:  # fmt: skip
    """The table without its totals rows; a note for each, and a warning where a total is not the sum of its rows."""
    totals, grand, labels = _total_rows(table, columns)
    if not totals.any():
        return table
    rows = table.index.to_numpy()
    run.report.add_rows(rows[totals], None, labels[totals], "indicators.total_row_skipped", Severity.WARNING)
    key = pd.Series([""] * len(table), dtype=object)
    for column in period_columns:
        key = key + "|" + table[column].fillna("").astype(str).to_numpy(dtype=object)
    keys = key.to_numpy(dtype=object)
    parsed = {c: _parse_counts(table[c].to_numpy(dtype=object), run.style(c, table[c].to_numpy(dtype=object)))[0]
              for c in dict.fromkeys(counts)}  # fmt: skip
    previous = -1
    for position in np.flatnonzero(totals):
        if grand[position]:
            group = ~totals & ((keys == keys[position]) if keys[position].strip("|") else True)
        else:
            group = np.zeros(len(table), dtype=bool)
            group[previous + 1 : position] = True
            group &= ~totals
        previous = int(position)
        if not group.any():
            continue  # a group total at the top: nothing above it to add up
        for column, numbers in parsed.items():
            total, added = numbers[position], float(np.nansum(numbers[group]))
            if not np.isnan(total) and abs(total - added) > 0.5:
                run.report.add(int(rows[position]), column, _fmt(float(total)), "indicators.total_mismatch",
                               Severity.WARNING, total=_fmt(float(total)), sum=_fmt(added),
                               rows=int(group.sum()))  # fmt: skip
    return table[~totals]


def _sigizi(run: _Run, table: pd.DataFrame) -> pd.DataFrame:
    columns = list(table.columns)
    village = _find_header(columns, _VILLAGE_HEADERS)
    code = _find_header(columns, _TIDY_HEADERS["kode_wilayah"])
    month, year = _find_header(columns, _MONTH_HEADERS), _find_header(columns, _YEAR_HEADERS)
    missing = [label for label, found in (("Kelurahan/Desa", village or code), ("Bulan", month),
                                          ("Tahun", year or run.year)) if found is None]  # fmt: skip
    if missing:
        expected = "Kecamatan, Puskesmas, Kelurahan, Bulan, Tahun, Jml_Balita_Stunting, Balita_Diukur_PB_TB, ..."
        if missing == ["Tahun"]:
            run.report.add(None, None, None, "indicators.sigizi_no_year", name=str(month))
        else:
            run.report.add(None, None, None, "indicators.missing_columns", missing=", ".join(missing),
                           expected=expected)  # fmt: skip
        return _no_observations()
    if year and run.year:
        run.report.add(None, year, run.year, "indicators.year_column_wins", Severity.WARNING)
    measures, absent = _sigizi_columns(columns)
    run.batch.extra["indicators_not_in_file"] = absent
    run.batch.extra["columns"] = {m.key: {"numerator": list(m.numerator), "denominator": list(m.denominator)}
                                  for m in measures}  # fmt: skip
    if not measures:
        run.report.add(None, None, None, "indicators.sigizi_no_indicator")
        return _no_observations()
    kecamatan, puskesmas = _find_header(columns, _KECAMATAN_HEADERS), _find_header(columns, _PUSKESMAS_HEADERS)
    counts = [c for m in measures for c in (*m.numerator, *m.denominator)]
    used = {village, code, month, year, kecamatan, puskesmas, *counts}
    ignored = [column for column in columns if column not in used]
    if ignored:
        run.batch.extra["ignored_columns"] = ignored
        for start in range(0, len(ignored), MAX_COLUMNS_SHOWN):  # every one listed, 30 names a message
            end = min(start + MAX_COLUMNS_SHOWN, len(ignored))
            if len(ignored) > MAX_COLUMNS_SHOWN:
                listed = column_list(ignored[start:end])
                run.report.add(None, None, None, "indicators.columns_ignored_part", Severity.WARNING,
                               count=len(ignored), first=start + 1, last=end, columns=listed)  # fmt: skip
            else:
                run.report.add(None, None, None, "indicators.columns_ignored", Severity.WARNING, count=len(ignored),
                               columns=column_list(ignored))  # fmt: skip
    table = _skip_totals(run, table, [village, code, kecamatan, puskesmas], counts, [c for c in (month, year) if c])
    rows = table.index.to_numpy()
    names = _names_frame(table, village, kecamatan, puskesmas) if village else None
    code_raw = table[code].to_numpy(dtype=object) if code else None
    labels = {"code": code, "village": village, "kecamatan": kecamatan or puskesmas}
    codes = _regions(run, rows, code_raw, names, labels)
    assert month is not None
    years = table[year].to_numpy(dtype=object) if year else np.full(len(table), str(run.year), dtype=object)
    periods = _periods(run, rows, None, table[month].to_numpy(dtype=object), years,
                       f"{month}/{year}" if year else str(month))  # fmt: skip
    return _wide(run, table, measures, codes, periods, str(code or village), source="sigizi")


def _mapped(run: _Run, table: pd.DataFrame, mapping: ColumnMapping) -> pd.DataFrame:
    lacking = mapping.missing()
    if lacking:
        run.report.add(None, None, None, "indicators.mapping_incomplete", missing=", ".join(lacking))
    absent = [column for column in mapping.columns() if column not in table.columns]
    for column in dict.fromkeys(absent):
        run.report.add(None, column, None, "indicators.mapping_column_missing", name=column)
    unknown = [entry.key for entry in mapping.indicators if entry.key not in CATALOGUE]
    for key in unknown:
        run.report.add(None, None, key, "indicators.unknown_indicator", rows=0, known=", ".join(CATALOGUE))
    if lacking or absent or unknown:
        return _no_observations()
    counts = [c for entry in mapping.indicators for c in (*entry.numerator, *entry.denominator)]
    places = [mapping.village, mapping.code, mapping.kecamatan, mapping.puskesmas]
    table = _skip_totals(run, table, places, counts, [c for c in (mapping.period, mapping.month, mapping.year) if c])
    rows = table.index.to_numpy()
    names = _names_frame(table, mapping.village, mapping.kecamatan, mapping.puskesmas) if mapping.village else None
    code_raw = table[mapping.code].to_numpy(dtype=object) if mapping.code else None
    labels = {"code": mapping.code, "village": mapping.village, "kecamatan": mapping.kecamatan or mapping.puskesmas}
    codes = _regions(run, rows, code_raw, names, labels)

    def cells(name: str | None) -> np.ndarray | None:
        return table[name].to_numpy(dtype=object) if name else None

    named = [c for c in (mapping.period, mapping.month) if c]
    if mapping.fixed_period and named:  # never let a fixed period silently override a period column
        run.report.add(None, named[0], None, "indicators.fixed_period_conflict", fixed=mapping.fixed_period,
                       name=named[0])  # fmt: skip
        return _no_observations()
    unmapped = [c for c in (_find_header(list(table.columns), (*_TIDY_HEADERS["periode"], *_MONTH_HEADERS)),) if c]
    if mapping.fixed_period and unmapped:
        run.report.add(None, unmapped[0], None, "indicators.fixed_period_conflict", Severity.WARNING,
                       fixed=mapping.fixed_period, name=unmapped[0])  # fmt: skip
    if mapping.period:
        periods = _periods(run, rows, cells(mapping.period), None, None, mapping.period)
    elif mapping.month and mapping.year:
        periods = _periods(run, rows, None, cells(mapping.month), cells(mapping.year),
                           f"{mapping.month}/{mapping.year}")  # fmt: skip
    else:
        periods = _periods(run, rows, None, None, None, None, fixed=mapping.fixed_period)
    return _wide(run, table, mapping.indicators, codes, periods, str(mapping.code or mapping.village), source="mapped")


# ---------------------------------------------------------------------------------------------- offices' templates
# Shared by the Scorecard Konvergensi Desa (scorecard.py) and the Dana Desa sheet (village_funds.py).


def _template_columns(
    run: _Run, table: pd.DataFrame, headers: Mapping[str, Sequence[str]], expected: Sequence[str]
) -> dict[str, str | None] | None:
    """The file column of each template field (``headers``: field -> spellings as :func:`_header_key`), plus
    ``nama_desa`` and ``kecamatan`` (a village may be named instead of coded); None, with an error naming the
    ``expected`` columns, when a field is missing."""
    columns = [str(column) for column in table.columns]
    found = {name: _find_header(columns, spellings) for name, spellings in headers.items()}
    found["nama_desa"] = _find_header(columns, _VILLAGE_HEADERS)
    found["kecamatan"] = _find_header(columns, _KECAMATAN_HEADERS)
    missing = [name for name in headers if found[name] is None and not (name == "kode_wilayah" and found["nama_desa"])]
    if not missing:
        return found
    run.report.add(None, None, None, "indicators.missing_columns", missing=", ".join(missing),
                   expected=", ".join(expected))  # fmt: skip
    return None


def _template_regions(run: _Run, table: pd.DataFrame, found: Mapping[str, str | None]) -> np.ndarray:
    """The village code of each row of an office's template (:func:`_regions`: by code, else by name)."""
    village, kecamatan, code = found["nama_desa"], found["kecamatan"], found["kode_wilayah"]
    names = _names_frame(table, village, kecamatan, None) if village else None
    code_raw = table[code].to_numpy(dtype=object) if code else None
    return _regions(run, table.index.to_numpy(), code_raw, names, {"code": code, "village": village,
                                                                   "kecamatan": kecamatan})  # fmt: skip


def _periods_of_kind(
    run: _Run, rows: np.ndarray, raw: np.ndarray, label: str, kind: str, key: str, hint: Callable[[str], str]
) -> np.ndarray:  # fmt: skip
    """The periods of one column (:func:`_periods`), those not of ``kind`` (a quarter, a year) refused with
    ``key``, whose fix shows ``hint(period)`` (what to write instead); refused ones are left empty."""
    periods = _periods(run, rows, raw, None, None, label)
    readable = pd.notna(periods)
    kinds = np.array([period_kind(str(p)) if ok else None for p, ok in zip(periods, readable, strict=True)])
    wrong = readable & (kinds != kind)
    for value, value_rows in _by_value(raw[wrong], rows[wrong]):
        written = str(periods[rows == value_rows[0]][0])
        run.report.add(value_rows[0], label, value, key, rows=len(value_rows), hint=hint(written))
    periods[wrong] = None
    return periods


def implied_regions(villages: pd.DataFrame, regions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The kecamatan, kabupaten/kota and provinces figures may be imported for (:data:`REGION_COLUMNS`):
    ``regions`` as given, and those the villages' codes imply (a village's kecamatan, kabupaten and province),
    named as the villages' rows name them (a province by its code when nothing names it)."""
    frames = [] if regions is None else [regions[REGION_COLUMNS].astype(str)]
    if len(villages):
        codes = villages["code"].astype(str)
        for level, code, name in ((Level.KECAMATAN, "kecamatan_code", "kecamatan_name"),
                                  (Level.KABUPATEN, "district_code", "district_name")):  # fmt: skip
            named = {"code": villages[code].astype(str), "name": villages[name].astype(str), "level": str(level)}
            frames.append(pd.DataFrame(named))
        frames.append(pd.DataFrame({"code": codes.str[:2], "name": codes.str[:2], "level": str(Level.PROVINSI)}))
    if not frames:
        return pd.DataFrame(columns=REGION_COLUMNS)
    return pd.concat(frames, ignore_index=True).drop_duplicates("code").reset_index(drop=True)


def _levels_count(codes: Sequence[object]) -> dict[str, int]:
    """How many figures of a batch are of each level (``puskesmas`` for a puskesmas key)."""
    found: dict[str, int] = {}
    for code in codes:
        text = str(code)
        level = "puskesmas" if "#" in text else str(level_of(text))
        found[level] = found.get(level, 0) + 1
    return found


def _no_observations() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype=float if c in ("numerator", "denominator") else object) for c in BATCH_OBSERVATION_COLUMNS}
    )


# ---------------------------------------------------------------------------------------------- entry point


def prepare_indicator_import(
    content: bytes,
    file_name: str,
    villages: pd.DataFrame,
    aliases: Mapping[tuple[str, str], str] | None = None,
    *,
    format: str = "auto",  # the name the commands and the data page already use
    district_code: str | None = None,
    accept_near: bool = False,
    skip_unmatched: bool = False,
    mapping: Mapping[str, str] | ColumnMapping | None = None,
    confirmed: Mapping[str, str] | None = None,
    year: int | None = None,
    regions: pd.DataFrame | None = None,
    puskesmas: pd.DataFrame | None = None,
    crosswalk: bytes | None = None,
    crosswalk_name: str | None = None,
) -> IndicatorBatch:
    """Read and check an indicator file into a batch the store can commit; never writes.

    ``villages`` (code, name, kecamatan_code, kecamatan_name, district_code, district_name) are the villages
    codes are checked against and names matched to, restricted to ``district_code`` when it is given;
    ``aliases`` (``(district code, name_key) -> code``) are names remembered from earlier files. ``format``
    is ``auto`` (from the header; ``mapped`` when a ``mapping`` is given and the header is not recognised),
    ``tidy``, ``sigizi``, ``mapped``, ``scorecard`` (the Scorecard Konvergensi Desa,
    :mod:`~dashboard.data.importers.scorecard`) or ``dana_desa``
    (:mod:`~dashboard.data.importers.village_funds`). ``accept_near`` takes clear near matches of village names (saved
    as aliases via ``batch.new_aliases``); ``confirmed`` maps raw names to the codes a planner chose;
    ``skip_unmatched`` imports the other rows when some names match nothing (those rows become warnings).
    ``year`` is the year of a report whose months carry none (no Tahun column; a Tahun column wins).

    Figures above villages (tidy template only): ``regions`` (:data:`REGION_COLUMNS`: code, name, level) are the
    kecamatan, kabupaten/kota and provinces Lokus knows (:func:`dashboard.data.levels.known_regions`; without it,
    those the villages imply); ``puskesmas`` (:data:`PUSKESMAS_COLUMNS`) the puskesmas of the stored lists;
    ``crosswalk`` a CSV (``kode_bps, kode_kemendagri``; ``crosswalk_name`` names it in problems) translating a
    ``kode_bps`` column's kabupaten/province codes (:mod:`dashboard.data.importers.regions`).
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    digest = hashlib.sha256(content).hexdigest()
    batch = IndicatorBatch(file_name, digest, DatasetKind.TIDY, _no_observations(), rows_read=0)
    report = _Report(file_name)
    frame = villages if len(villages.columns) else pd.DataFrame(columns=_VILLAGE_COLUMNS)
    if district_code:
        frame = frame[frame["district_code"].astype(str) == district_code]
    run = _Run(
        batch,
        report,
        frame.reset_index(drop=True),
        district_code,
        aliases or {},
        accept_near,
        skip_unmatched,
        {str(k): str(v) for k, v in (confirmed or {}).items() if v},
        year,
        implied_regions(frame, regions),
        pd.DataFrame(columns=PUSKESMAS_COLUMNS) if puskesmas is None else puskesmas[PUSKESMAS_COLUMNS],
    )
    if crosswalk is not None:
        run.crosswalk, refused = read_region_crosswalk(crosswalk, crosswalk_name or "crosswalk.csv")
        report.problems.extend(refused)
    try:
        table = read_table(content, file_name)
    except TableError as error:
        batch.problems = [Problem(file_name, None, None, None, error.key, error.params)]
        return batch
    batch.rows_read = len(table)
    columns = [str(column) for column in table.columns]
    header_row = int(table.attrs.get("header_row", 1))
    if header_row > 1:
        batch.extra["header_row"] = header_row
        report.add(None, None, None, "indicators.header_row_found", Severity.WARNING, header=header_row)
    run.table = table
    chosen = format if format != "auto" else (detect_format(columns) or ("mapped" if mapping else None))
    if chosen is None:
        report.add(None, None, None, "indicators.unknown_layout", columns=column_list(columns))
    elif table.empty:
        report.add(None, None, None, "indicators.empty_file")
    elif run.villages.empty and (chosen != "tidy" or (run.regions.empty and run.puskesmas.empty)):
        report.add(None, None, None, "indicators.no_villages", district=run.scope)
    else:
        _check_confirmed(run)
        if chosen == "tidy":
            observations = _tidy(run, table)
        elif chosen == "scorecard":
            from dashboard.data.importers.scorecard import read_scorecard

            batch.kind = DatasetKind.SCORECARD
            observations = read_scorecard(run, table)
        elif chosen == "dana_desa":
            from dashboard.data.importers.village_funds import read_village_funds

            batch.kind = DatasetKind.DANA_DESA
            observations = read_village_funds(run, table)
        elif chosen == "sigizi":
            batch.kind = DatasetKind.SIGIZI
            observations = _sigizi(run, table)
        else:
            batch.kind = DatasetKind.MAPPED
            if isinstance(mapping, ColumnMapping):
                chosen_mapping = mapping
            elif mapping:
                chosen_mapping = ColumnMapping.from_fields(mapping)
            else:
                chosen_mapping = guess_mapping(columns)
            batch.extra["mapping"] = chosen_mapping.as_fields()
            observations = _mapped(run, table, chosen_mapping)
        batch.observations = observations[BATCH_OBSERVATION_COLUMNS].reset_index(drop=True)
        batch.observations["source_row"] = batch.observations["source_row"].astype(np.int64)
        batch.estimates["source_row"] = batch.estimates["source_row"].astype(np.int64)
    batch.skipped_rows = len(run.skipped)
    batch.problems = report.finish()
    batch.extra["format"] = chosen
    batch.extra["indicators"] = {str(k): int(v) for k, v in batch.observations["indicator"].value_counts().items()}
    batch.extra["periods"] = sorted({str(p) for p in (*batch.observations["period"], *batch.estimates["period"])})
    if len(batch.estimates):
        batch.extra["estimates"] = len(batch.estimates)
    levels = _levels_count([*batch.observations["code"], *batch.estimates["code"]])
    if set(levels) - {str(Level.DESA)}:
        batch.extra["levels"] = levels
    log.info("%s: %s, %d rows read, %d observations, %d estimates, %d problems", file_name, chosen, batch.rows_read,
             len(batch.observations), len(batch.estimates), len(batch.problems))  # fmt: skip
    return batch
