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

from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.codes import CodeError, normalise_code, parent_of

__all__ = [
    "VILLAGE_COLUMNS",
    "BoundaryError",
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
    """The column that holds village codes: a known name, else the first column whose values all parse."""
    columns = [str(c) for c in frame.columns if c != "geometry"]
    known = _first_present(columns, _CODE_CANDIDATES)
    if known is not None:
        return known
    for column in columns:
        values = frame[column].dropna().astype(str)
        if (
            len(values)
            and all(len(normalise_code(v).split(".")) == 4 for v in values if _parses(v))
            and all(_parses(v) for v in values)
        ):
            return column
    return None


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
