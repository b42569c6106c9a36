"""Reading village boundary files into the one shape the rest of Lokus uses.

Every boundary source (the embedded demo, a district's upload, the national file) becomes a
GeoDataFrame in EPSG:4326 with the columns of :data:`VILLAGE_COLUMNS`:

``code``            dotted Kemendagri code of the desa/kelurahan (text)
``name``            village name
``kecamatan_code``  parent code, derived from ``code``
``kecamatan_name``  kecamatan name when the file has one, else the code
``district_code``   kabupaten/kota code, derived from ``code``
``district_name``   kabupaten/kota name when the file has one, else the code
``geometry``        (Multi)Polygon
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.codes import CodeError, normalise_code, parent_of, try_normalise_code

__all__ = [
    "BPS_SHARE",
    "KEMENDAGRI_VILLAGE_FIRST_DIGITS",
    "VILLAGE_COLUMNS",
    "BoundaryError",
    "BpsEvidence",
    "bps_evidence",
    "detect_code_column",
    "find_column",
    "load_boundaries",
    "name_columns",
    "standardise_villages",
]

VILLAGE_COLUMNS = [
    "code",
    "name",
    "kecamatan_code",
    "kecamatan_name",
    "district_code",
    "district_name",
    "geometry",
]

# Column names seen in real files, most specific first.
_CODE_CANDIDATES = (
    "kode",
    "kode_desa",
    "kode_wilayah",
    "kd_desa",
    "kdepum",
    "kode_kemendagri",
    "code",
    "kode_nodot",
)
_NAME_CANDIDATES = ("nama", "nama_desa", "namobj", "desa", "wadmkd", "name")
_KEC_NAME_CANDIDATES = ("nama_kec", "kecamatan", "wadmkc", "nama_kecamatan")
_KAB_NAME_CANDIDATES = ("nama_kab", "kabupaten", "wadmkk", "nama_kabupaten")


# The first digit of a Kemendagri village number: 1 kelurahan, 2 desa, 3 desa adat (Jayapura, Papua).
# No village numbers from 0: a 10-digit code whose village part starts with 0 (or 4-9) is not Kemendagri's.
KEMENDAGRI_VILLAGE_FIRST_DIGITS = "123"
# Share of a column's 10-digit codes with such a village part above which the column is read as BPS codes.
BPS_SHARE = 0.2


@dataclass(frozen=True)
class BpsEvidence:
    """What a column of codes says about holding BPS village codes rather than Kemendagri ones.

    BPS numbers a village ``PPKKCCCDDD`` (three-digit kecamatan, mostly 010, 020, ...; three-digit
    village from 001), Kemendagri ``PP.KK.CC.DDDD`` (two-digit kecamatan, village from 1001/2001/3001).
    Read as Kemendagri, a BPS code's village part is the kecamatan's last digit (mostly 0) and the BPS
    village number, so a BPS column is full of village parts no Kemendagri code has, and the
    kecamatan codes it would give are wrong (BPS 010 and 011 both become Kemendagri 01). A column is
    taken for BPS when at least :data:`BPS_SHARE` of its 10-digit codes are impossible as Kemendagri,
    or any are and the column's name says BPS (``KDEBPS``, ``kode_bps``).
    """

    codes: int  # 10-digit codes in the column
    impossible: tuple[int, ...]  # their positions whose village part no Kemendagri code has
    named_bps: bool

    @property
    def looks_bps(self) -> bool:
        return bool(self.impossible) and (len(self.impossible) >= BPS_SHARE * self.codes or self.named_bps)


def bps_evidence(values: Sequence[object], column: str = "") -> BpsEvidence:
    """Weigh a whole column of codes (as read from a file) for being BPS village codes; see :class:`BpsEvidence`.

    >>> bps_evidence(["3506010001", "3506010002", "3506011008"]).looks_bps
    True
    >>> bps_evidence(["35.06.01.2001", "35.06.01.1002"]).looks_bps
    False
    """
    villages = 0
    impossible: list[int] = []
    for position, value in enumerate(values):
        code = try_normalise_code(value)
        if code is None or len(code) != 13:
            continue
        villages += 1
        if code[9] not in KEMENDAGRI_VILLAGE_FIRST_DIGITS:
            impossible.append(position)
    return BpsEvidence(villages, tuple(impossible), "bps" in column.lower())


class BoundaryError(ValueError):
    """A boundary file that cannot become villages; the message says what to fix."""


def _first_present(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    lowered = {column.lower(): column for column in columns}
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    return None


def find_column(columns: list[str], wanted: str) -> str | None:
    """The column called ``wanted``, compared without regard to case; ``None`` when absent."""
    return _first_present(columns, (wanted.lower(),))


def name_columns(columns: list[str]) -> tuple[str | None, str | None, str | None]:
    """The columns holding village, kecamatan and kabupaten names, each ``None`` when the file has none."""
    return (
        _first_present(columns, _NAME_CANDIDATES),
        _first_present(columns, _KEC_NAME_CANDIDATES),
        _first_present(columns, _KAB_NAME_CANDIDATES),
    )


def detect_code_column(frame: pd.DataFrame) -> str | None:
    """The column that holds village codes: a known name, else the first column whose values all parse.

    Among columns whose values all parse, one of Kemendagri codes wins over one of BPS codes (files
    from BIG carry both, ``KDEPUM`` and ``KDEBPS``); a file with BPS codes only gets that column, for
    the importer to refuse with the reason.
    """
    columns = [str(c) for c in frame.columns if c != "geometry"]
    known = _first_present(columns, _CODE_CANDIDATES)
    if known is not None:
        return known
    bps: str | None = None
    for column in columns:
        values = frame[column].dropna().astype(str)
        if (
            len(values)
            and all(len(normalise_code(v).split(".")) == 4 for v in values if _parses(v))
            and all(_parses(v) for v in values)
        ):
            if not bps_evidence(values.tolist(), column).looks_bps:
                return column
            bps = bps or column
    return bps


def _parses(value: str) -> bool:
    try:
        normalise_code(value)
    except CodeError:
        return False
    return True


def standardise_villages(frame: gpd.GeoDataFrame, source: str, code_column: str | None = None) -> gpd.GeoDataFrame:
    """Rename, normalise and derive the standard village columns from any boundary table."""
    column = code_column or detect_code_column(frame)
    if column is None or column not in frame.columns:
        raise BoundaryError(
            f"{source}: tidak ada kolom kode wilayah; kolom yang ada: {', '.join(map(str, frame.columns))}. "
            "Pilih kolom kode (mis. --code-column kode)."
        )
    if frame.crs is None:
        raise BoundaryError(f"{source}: sistem koordinat (CRS) tidak diketahui; simpan ulang file dengan CRS.")
    codes = []
    for row, raw in enumerate(frame[column].tolist(), start=1):
        try:
            code = normalise_code(raw)
        except CodeError as error:
            raise BoundaryError(f"{source}, baris {row}, kolom {column!r}: {error}") from None
        if len(code.split(".")) != 4:
            raise BoundaryError(
                f"{source}, baris {row}, kolom {column!r}: {code!r} bukan kode desa/kelurahan (10 digit)"
            )
        codes.append(code)
    columns = [str(c) for c in frame.columns]
    name_column = _first_present(columns, _NAME_CANDIDATES)
    kec_column = _first_present(columns, _KEC_NAME_CANDIDATES)
    kab_column = _first_present(columns, _KAB_NAME_CANDIDATES)
    kecamatan_codes = [parent_of(code) for code in codes]
    district_codes = [parent_of(code) for code in kecamatan_codes if code]
    result = gpd.GeoDataFrame(
        {
            "code": codes,
            "name": frame[name_column].astype(str).tolist() if name_column else codes,
            "kecamatan_code": kecamatan_codes,
            "kecamatan_name": frame[kec_column].astype(str).tolist() if kec_column else kecamatan_codes,
            "district_code": district_codes,
            "district_name": frame[kab_column].astype(str).tolist() if kab_column else district_codes,
        },
        geometry=frame.geometry.to_crs(4326).values,
        crs=4326,
    )
    return result[VILLAGE_COLUMNS]


def load_boundaries(path: str | Path, code_column: str | None = None) -> gpd.GeoDataFrame:
    """Read a GeoJSON or GeoParquet boundary file into the standard village columns."""
    path = Path(path)
    if not path.exists():
        raise BoundaryError(f"{path}: file tidak ditemukan")
    frame = gpd.read_parquet(path) if path.suffix.lower() == ".parquet" else gpd.read_file(path)
    return standardise_villages(frame, path.name, code_column)
