"""Reference data Lokus ships: the official Kemendagri list of desa/kelurahan codes and names (no polygons).

``geodata/kemendagri_desa_2025.csv.gz`` holds, for each of the 83,402 villages of Kepmendagri
300.2.2-2430/2025 that have a polygon in the public source, its code and name with those of its
kecamatan, kabupaten/kota and province (source and licence in ``geodata/README.md``;
``scripts/make_kemendagri_list.py`` writes it). It is read on first use and kept for the process;
callers get copies.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dashboard.config import REPO_ROOT
from dashboard.core.codes import try_normalise_code

__all__ = ["KEMENDAGRI_LIST", "KEMENDAGRI_LIST_COLUMNS", "KEMENDAGRI_YEAR", "kemendagri_villages"]

KEMENDAGRI_LIST = REPO_ROOT / "geodata" / "kemendagri_desa_2025.csv.gz"
KEMENDAGRI_YEAR = 2025
# The file's columns (as the source names them) and what Lokus calls them: the matcher's village columns first.
KEMENDAGRI_LIST_COLUMNS = {
    "kode": "code",
    "nama": "name",
    "kode_kec": "kecamatan_code",
    "nama_kec": "kecamatan_name",
    "kode_kab": "district_code",
    "nama_kab": "district_name",
    "jenis": "kind",  # desa or kelurahan
    "kode_prov": "province_code",
    "nama_prov": "province_name",
}


@lru_cache(maxsize=1)
def _kemendagri_table() -> pd.DataFrame:
    table = pd.read_csv(KEMENDAGRI_LIST, dtype=str, keep_default_na=False, compression="gzip")
    return table[list(KEMENDAGRI_LIST_COLUMNS)].rename(columns=KEMENDAGRI_LIST_COLUMNS)


def kemendagri_villages(kabupaten: str | None = None) -> pd.DataFrame:
    """The official villages, all or those of one kabupaten/kota (``"52.03"`` or ``"5203"``), as a fresh copy.

    Columns: ``code``, ``name``, ``kecamatan_code``, ``kecamatan_name``, ``district_code``, ``district_name``
    (what :mod:`dashboard.data.importers.names` matches against), then ``kind`` (desa/kelurahan),
    ``province_code``, ``province_name``; sorted by code. An unknown kabupaten gives no rows.

    >>> villages = kemendagri_villages("5203")
    >>> len(villages), villages["district_name"].iloc[0]
    (254, 'Kabupaten Lombok Timur')
    """
    table = _kemendagri_table()
    if kabupaten is None:
        return table.copy()
    code = try_normalise_code(kabupaten)
    if code is None or len(code) != 5:
        raise ValueError(f"not a kabupaten/kota code (PP.KK): {kabupaten!r}")
    return table[table["district_code"] == code].reset_index(drop=True)
