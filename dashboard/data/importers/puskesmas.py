"""Puskesmas lists into a checked batch: which villages each puskesmas (community health centre) serves.

A district's Dinkes keeps, for each puskesmas, its *wilayah kerja*: the desa/kelurahan it serves. Lokus reads it
from the blank template (:func:`blank_puskesmas_template_csv`, :func:`blank_puskesmas_template_xlsx`): one row
per village, ``kode_puskesmas`` (the Kemenkes puskesmas code, e.g. ``P5203010101``, or a district-local code),
``nama_puskesmas`` and ``kode_desa`` (dotted or not), CSV or XLSX, read as indicator tables are
(:func:`dashboard.data.importers.indicators.read_table`: encodings, separators, title lines, ``#`` comments).

Checks, each an error naming file, row, column and the fix: a missing column or cell, a code with ``#`` (the
separator of :func:`~dashboard.core.levels.puskesmas_key`), a village code the boundaries do not hold (or outside
the chosen district), one puskesmas code under two names, a puskesmas whose villages lie in two districts, a
village listed twice for the same puskesmas. A village listed under two puskesmas is a warning: it happens, and
nothing is spread onto villages anyway. A puskesmas's district is its villages'. Never writes: the store commits
the batch (:func:`dashboard.data.levels.commit_puskesmas`).
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
from dataclasses import dataclass, field

import pandas as pd
from openpyxl import Workbook

from dashboard.core.codes import try_normalise_code
from dashboard.core.levels import PUSKESMAS_SEPARATOR
from dashboard.data.importers.indicators import TableError, read_table
from dashboard.data.importers.model import Problem, Severity

__all__ = [
    "PUSKESMAS_LIST_COLUMNS",
    "PuskesmasBatch",
    "blank_puskesmas_template_csv",
    "blank_puskesmas_template_xlsx",
    "detect_puskesmas_boundaries",
    "detect_puskesmas_list",
    "prepare_puskesmas_boundaries",
    "prepare_puskesmas_import",
]

log = logging.getLogger(__name__)

PUSKESMAS_LIST_COLUMNS = ("kode_puskesmas", "nama_puskesmas", "kode_desa")
_MAX_CODE = 32
# Header spellings, compared in lower case without spaces, dots, dashes or underscores.
_HEADERS = {
    # A Shapefile cuts names at 10 characters: kode_puskesmas is written kode_puske there.
    "kode_puskesmas": ("kodepuskesmas", "kodepkm", "puskesmascode", "kodepuske", "kdpkm"),
    "nama_puskesmas": ("namapuskesmas", "namapkm", "puskesmas", "puskesmasname", "namapuske", "nmpkm"),
    "kode_desa": ("kodedesa", "kodedesakelurahan", "kodekelurahan", "kodewilayah", "villagecode"),
}
_EXAMPLE = ("# contoh: P5203010101", "Puskesmas Contoh", "52.03.01.2001")
# A boundary file's column of the puskesmas's kabupaten/kota (optional: else the stored list or the chosen district).
_DISTRICT_HEADERS = ("kodewilayah", "kodekabupaten", "kodekab", "kodekabkota", "kodekabupatenkota", "districtcode")


def _key(text: object) -> str:
    return "".join(ch for ch in str(text).lower() if ch.isalnum())


@dataclass
class PuskesmasBatch:
    """A checked puskesmas list, ready to commit when it has no error.

    ``puskesmas``: ``district_code, code, name`` (and ``geometry`` when boundaries came with it);
    ``villages``: ``district_code, puskesmas_code, village_code``.
    """

    file_name: str
    sha256: str
    puskesmas: pd.DataFrame
    villages: pd.DataFrame
    rows_read: int
    problems: list[Problem] = field(default_factory=list)
    # A boundary file (prepare_puskesmas_boundaries): each puskesmas's own polygon beside the stored lists it keeps.
    boundaries: bool = False

    @property
    def errors(self) -> list[Problem]:
        """The problems that refuse the list (warnings aside); ``ok`` when there is none."""
        return [problem for problem in self.problems if problem.severity is Severity.ERROR]

    ok = property(lambda self: not self.errors, doc="True when the list can be committed.")

    @property
    def districts(self) -> list[str]:
        """The kabupaten/kota codes whose puskesmas lists the batch replaces, sorted."""
        return sorted({str(code) for code in self.puskesmas["district_code"].tolist()})


def detect_puskesmas_list(columns: list[str]) -> bool:
    """Whether a header is a puskesmas list's (a puskesmas code column and a village code column, no indicator)."""
    keys = {_key(column) for column in columns}
    return all(any(s in keys for s in _HEADERS[name]) for name in ("kode_puskesmas", "kode_desa")) and not (
        keys & {"indikator", "indicator", "pembilang", "numerator"}
    )


def detect_puskesmas_boundaries(columns: list[str]) -> bool:
    """Whether a polygon file's attributes are puskesmas areas' (a puskesmas code column, no village code column)."""
    keys = {_key(column) for column in columns}
    return any(s in keys for s in _HEADERS["kode_puskesmas"]) and not any(
        s in keys for s in ("kodedesa", "kodedesakelurahan", "kodekelurahan", "villagecode")
    )


def prepare_puskesmas_boundaries(
    content: bytes,
    file_name: str,
    villages: pd.DataFrame,
    stored: pd.DataFrame,
    served: pd.DataFrame,
    *,
    district_code: str | None = None,
) -> PuskesmasBatch:
    """Read and check a file of puskesmas service-area polygons; never writes.

    Parameters
    ----------
    content, file_name
        GeoJSON, GeoPackage, zipped Shapefile or GeoParquet, any CRS (read as
        :func:`~dashboard.data.importers.boundary_files.read_polygons` reads village boundaries), one feature per
        puskesmas: ``kode_puskesmas``, ``nama_puskesmas`` (optional for a puskesmas already listed) and, optionally,
        its kabupaten/kota (``kode_wilayah`` or ``kode_kabupaten``).
    villages
        ``code, district_code`` of the villages the reader may import for: a puskesmas's district must hold some.
    stored, served
        The stored lists (``district_code, code, name``) and their villages (``district_code, puskesmas_code,
        village_code``): a puskesmas the file does not name keeps its villages, and its district is found there
        when the file gives none.
    district_code
        When given, every puskesmas must be in it (and it is their district when the file gives none).

    Returns
    -------
    PuskesmasBatch
        ``boundaries`` set; ``puskesmas`` with a ``geometry`` column (EPSG:4326 polygons; None for a listed
        puskesmas the file does not name, whose stored boundary the commit keeps) for every district the file
        touches, ``villages`` the stored lists of those districts unchanged. Problems name file, feature (from 1),
        column and fix.
    """
    from dashboard.data.importers.boundary_files import read_polygons

    digest = hashlib.sha256(content).hexdigest()
    batch = PuskesmasBatch(file_name, digest, pd.DataFrame(columns=["district_code", "code", "name", "geometry"]),
                           pd.DataFrame(columns=["district_code", "puskesmas_code", "village_code"]), 0,
                           boundaries=True)  # fmt: skip
    frame, problems = read_polygons(content, file_name)
    batch.problems = problems
    if frame is None:
        return batch
    columns = [str(c) for c in frame.columns if c not in ("geometry", "_usable")]
    keys = {_key(column): column for column in reversed(columns)}
    code_column = next((keys[s] for s in _HEADERS["kode_puskesmas"] if s in keys), None)
    batch.rows_read = len(frame)
    if code_column is None:
        params = (("missing", "kode_puskesmas"), ("columns", ", ".join(columns[:30]) or "-"))
        batch.problems.append(Problem(file_name, None, None, None, "puskesmas.missing_columns", params))
        return batch
    name_column = next((keys[s] for s in _HEADERS["nama_puskesmas"] if s in keys), None)
    district_column = next((keys[s] for s in _DISTRICT_HEADERS if s in keys), None)
    known_districts = set(villages["district_code"].astype(str))
    holders: dict[str, list[str]] = {}
    for held_district, held_code in zip(stored["district_code"].astype(str), stored["code"].astype(str), strict=True):
        holders.setdefault(held_code, []).append(held_district)
    stored_names = {(str(d), str(c)): str(n) for d, c, n in stored[["district_code", "code", "name"]].itertuples(
        index=False)}  # fmt: skip
    found: dict[tuple[str, str], tuple[str, object, int]] = {}  # (district, code) -> (name, geometry, row)
    for position, record in enumerate(frame.to_dict(orient="records")):
        row = position + 1
        raw = record.get(code_column)
        if _blank(raw):
            batch.problems.append(Problem(file_name, row, code_column, None, "puskesmas.missing_value"))
            continue
        code = str(raw).strip()
        if PUSKESMAS_SEPARATOR in code or len(code) > _MAX_CODE:
            batch.problems.append(Problem(file_name, row, code_column, code[:200], "puskesmas.bad_code"))
            continue
        if not record["_usable"]:
            continue  # its geometry's problem is already reported
        district = _row_district(record.get(district_column) if district_column else None, code, holders,
                                 district_code)  # fmt: skip
        if district is None or district not in known_districts:
            shown = None if district is None else district
            batch.problems.append(Problem(file_name, row, district_column or code_column, shown or code,
                                          "puskesmas.boundary_district"))  # fmt: skip
            continue
        if district_code and district != district_code:
            batch.problems.append(Problem(file_name, row, district_column or code_column, district,
                                          "puskesmas.outside_district", (("district", district_code),)))  # fmt: skip
            continue
        written = record.get(name_column) if name_column else None
        name = None if _blank(written) else str(written).strip()
        name = name or stored_names.get((district, code))
        if name is None:
            batch.problems.append(Problem(file_name, row, name_column or "nama_puskesmas", None,
                                          "puskesmas.missing_value"))  # fmt: skip
            continue
        if (district, code) in found:
            first_row = found[(district, code)][2]
            batch.problems.append(Problem(file_name, row, code_column, code, "puskesmas.boundary_twice",
                                          (("first", first_row),)))  # fmt: skip
            continue
        found[(district, code)] = (name, record["geometry"], row)
    districts = sorted({district for district, _ in found})
    kept = stored[stored["district_code"].astype(str).isin(districts)]
    listed = kept[["district_code", "code", "name"]].astype(str).itertuples(index=False)
    rows: dict[tuple[str, str], tuple[str, object]] = {(d, c): (n, None) for d, c, n in listed}
    rows.update({key: (name, geometry) for key, (name, geometry, _) in found.items()})
    batch.puskesmas = pd.DataFrame(
        [(district, code, name, geometry) for (district, code), (name, geometry) in sorted(rows.items())],
        columns=["district_code", "code", "name", "geometry"],
    )
    batch.villages = served[served["district_code"].astype(str).isin(districts)][
        ["district_code", "puskesmas_code", "village_code"]
    ].reset_index(drop=True)
    log.info("%s: boundaries of %d puskesmas in %s, %d problems", file_name, len(found), ", ".join(districts),
             len(batch.problems))  # fmt: skip
    return batch


def _blank(value: object) -> bool:
    """An empty cell: None, NaN (how an empty attribute is read) or only spaces."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip()


def _row_district(raw: object, code: str, holders: dict[str, list[str]], chosen: str | None) -> str | None:
    """A boundary feature's district: its own column, else the one stored list holding its code, else the chosen."""
    if not _blank(raw):
        written = try_normalise_code(raw)
        return written if written is not None and len(written) == 5 else str(raw).strip()[:200]
    held = holders.get(code, [])
    if len(held) == 1:
        return held[0]
    return chosen


def prepare_puskesmas_import(
    content: bytes, file_name: str, villages: pd.DataFrame, *, district_code: str | None = None
) -> PuskesmasBatch:
    """Read and check a puskesmas -> village list against the stored villages; never writes.

    Parameters
    ----------
    content, file_name
        The CSV or XLSX file.
    villages
        The villages codes are checked against (columns ``code``, ``district_code``), e.g.
        ``Store.villages(district)`` of each district.
    district_code
        When given, every village must be in it.

    Returns
    -------
    PuskesmasBatch
        With problems naming file, row (the spreadsheet's: header row 1) and column.
    """
    digest = hashlib.sha256(content).hexdigest()
    empty = PuskesmasBatch(file_name, digest, pd.DataFrame(columns=["district_code", "code", "name"]),
                           pd.DataFrame(columns=["district_code", "puskesmas_code", "village_code"]), 0)  # fmt: skip
    try:
        table = read_table(content, file_name)
    except TableError as error:
        empty.problems.append(Problem(file_name, None, None, None, error.key, error.params))
        return empty
    empty.rows_read = len(table)
    keys = {_key(column): str(column) for column in reversed(list(table.columns))}
    found = {name: next((keys[s] for s in spellings if s in keys), None) for name, spellings in _HEADERS.items()}
    missing = [name for name, column in found.items() if column is None]
    if missing:
        columns = ", ".join(map(str, list(table.columns)[:30])) or "-"
        params = (("missing", ", ".join(missing)), ("columns", columns))
        empty.problems.append(Problem(file_name, None, None, None, "puskesmas.missing_columns", params))
        return empty
    if table.empty:
        empty.problems.append(Problem(file_name, None, None, None, "puskesmas.empty"))
        return empty
    problems: list[Problem] = []
    known = dict(zip(villages["code"].astype(str), villages["district_code"].astype(str), strict=True))
    names: dict[str, tuple[str, int]] = {}
    served: dict[str, tuple[str, int]] = {}  # village -> (first puskesmas, row)
    rows: list[tuple[str, str, str]] = []  # (puskesmas code, village code, district)
    for row, code_raw, name_raw, village_raw in zip(
        table.index.tolist(), *(table[found[name]].tolist() for name in PUSKESMAS_LIST_COLUMNS), strict=True
    ):  # fmt: skip
        cells = {"kode_puskesmas": code_raw, "nama_puskesmas": name_raw, "kode_desa": village_raw}
        blank = [name for name, value in cells.items() if pd.isna(value) or not str(value).strip()]
        for name in blank:
            problems.append(Problem(file_name, row, found[name], None, "puskesmas.missing_value"))
        if blank:
            continue
        code, name, village = str(code_raw).strip(), str(name_raw).strip(), try_normalise_code(village_raw)
        if PUSKESMAS_SEPARATOR in code or len(code) > _MAX_CODE:
            problems.append(Problem(file_name, row, found["kode_puskesmas"], code[:200], "puskesmas.bad_code"))
            continue
        if village is None or village not in known:
            problems.append(Problem(file_name, row, found["kode_desa"], str(village_raw)[:200],
                                    "puskesmas.unknown_village"))  # fmt: skip
            continue
        if district_code and known[village] != district_code:
            problems.append(Problem(file_name, row, found["kode_desa"], village, "puskesmas.outside_district",
                                    (("district", district_code),)))  # fmt: skip
            continue
        first_name, first_row = names.setdefault(code, (name, row))
        if first_name != name:
            problems.append(Problem(file_name, row, found["nama_puskesmas"], name, "puskesmas.two_names",
                                    (("code", code), ("first", first_name), ("row", first_row))))  # fmt: skip
            continue
        other, other_row = served.setdefault(village, (code, row))
        if other_row != row:
            key = "puskesmas.duplicate_village" if other == code else "puskesmas.shared_village"
            severity = Severity.ERROR if other == code else Severity.WARNING
            problems.append(Problem(file_name, row, found["kode_desa"], village, key,
                                    (("first", other_row), ("other", other)), severity))  # fmt: skip
            if other == code:
                continue
        rows.append((code, village, known[village]))
    frame = pd.DataFrame(rows, columns=["puskesmas_code", "village_code", "district_code"])
    districts = frame.groupby("puskesmas_code")["district_code"].unique()
    for held, found_districts in districts.items():
        if len(found_districts) > 1:
            first_row = names[str(held)][1]
            params = (("code", str(held)), ("districts", ", ".join(sorted(found_districts))))
            problems.append(Problem(file_name, first_row, found["kode_desa"], None, "puskesmas.two_districts", params))
    district_of = {str(held): str(found_districts[0]) for held, found_districts in districts.items()}
    puskesmas = pd.DataFrame(
        [(district_of[code], code, name) for code, (name, _) in names.items() if code in district_of],
        columns=["district_code", "code", "name"],
    ).sort_values(["district_code", "code"], kind="stable")
    batch = PuskesmasBatch(file_name, digest, puskesmas.reset_index(drop=True),
                           frame[["district_code", "puskesmas_code", "village_code"]], len(table),
                           problems)  # fmt: skip
    log.info("%s: %d puskesmas, %d villages, %d problems", file_name, len(batch.puskesmas), len(frame), len(problems))
    return batch


def blank_puskesmas_template_csv() -> bytes:
    """The puskesmas list template as CSV: its header and an example row as a comment (the importer skips it)."""
    lines = [",".join(PUSKESMAS_LIST_COLUMNS), ",".join(_EXAMPLE)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def blank_puskesmas_template_xlsx() -> bytes:
    """The puskesmas list template as XLSX: the header, an example comment row, and a sheet explaining it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "puskesmas"
    sheet.append(list(PUSKESMAS_LIST_COLUMNS))
    sheet.append(list(_EXAMPLE))
    for column in "AC":
        sheet.column_dimensions[column].number_format = "@"  # codes as text: leading zeros survive
        sheet.column_dimensions[column].width = 20
    sheet.column_dimensions["B"].width = 30
    notes = book.create_sheet("petunjuk")
    for line in (
        "Satu baris per desa/kelurahan yang dilayani puskesmas (wilayah kerja).",
        "kode_puskesmas: kode puskesmas Kemenkes (mis. P5203010101) atau kode lokal, tanpa tanda #",
        "nama_puskesmas: nama puskesmas, sama di semua barisnya",
        "kode_desa: kode desa/kelurahan Kemendagri, mis. 52.03.01.2001 atau 5203012001",
        "Angka per puskesmas diimpor dengan templat indikator (kolom kode_puskesmas) dan tidak pernah dibagi ke desa.",
    ):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
