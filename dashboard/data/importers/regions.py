"""Kabupaten/kota and province codes in indicator files: names matched, BPS codes translated to Kemendagri's.

**Names.** A provincial series names its kabupaten the way people write them: ``Kab. Lombok Timur``,
``KABUPATEN LOMBOK TIMUR``, ``Lombok Timur``. :func:`region_key` compares names as village names are compared
(:func:`dashboard.data.importers.names.match_key`: case, punctuation, old spelling), without the words that say
what kind of region it is (Kabupaten, Kab., Kota, Provinsi, DKI, ...), and keeps that kind: ``Kota Bima`` and
``Kab. Bima`` have one key but two kinds, so a name that says its kind only matches a region of that kind, and
a bare ``Bima`` that fits both is refused as ambiguous, never guessed. A region's own kind comes from its code
(a Kemendagri kabupaten number from 71 is a kota) or its level (a province).

**BPS codes.** BPS and Kemendagri number most kabupaten and provinces alike, but not Papua's: since the 2022
division BPS writes Papua Barat 91, Papua Barat Daya 92, Papua 94, Papua Selatan 95, Papua Tengah 96 and Papua
Pegunungan 97, Kemendagri Papua 91, Papua Barat 92, Papua Selatan 93, Papua Tengah 94, Papua Pegunungan 95 and
Papua Barat Daya 96, and their kabupaten are renumbered too. A BPS code is translated by, in order: the
crosswalk the planner gives (the real-files format, ``kode_bps, kode_kemendagri``: CSV, comma or semicolon;
here rows of 2- or 4-digit codes, 10-digit village rows are the boundary importer's and are skipped), then
:data:`BPS_PROVINCES` for a province, then the same digits for a kabupaten outside those six BPS provinces.
A kabupaten of a Papua province the crosswalk does not list, or a province BPS does not have, is refused with
the reason: never a silent guess.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from dashboard.core.codes import Level, try_normalise_code
from dashboard.data.importers.boundary_files import CROSSWALK_COLUMNS
from dashboard.data.importers.model import Problem
from dashboard.data.importers.names import match_key

__all__ = [
    "BPS_PROVINCES",
    "PAPUA_BPS_PROVINCES",
    "RegionKind",
    "RegionMatch",
    "RegionNames",
    "bps_to_kemendagri",
    "kind_of_code",
    "read_region_crosswalk",
    "region_key",
]

# BPS province code -> Kemendagri province code, all 38 provinces (BPS's master file of regions, 2023 on).
BPS_PROVINCES: dict[str, str] = {
    **{code: code for code in (
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52",
        "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
    )},
    "91": "92",  # Papua Barat
    "92": "96",  # Papua Barat Daya
    "94": "91",  # Papua
    "95": "93",  # Papua Selatan
    "96": "94",  # Papua Tengah
    "97": "95",  # Papua Pegunungan
}  # fmt: skip
# BPS provinces whose kabupaten BPS numbers otherwise than Kemendagri: only a crosswalk translates them.
PAPUA_BPS_PROVINCES = frozenset({"91", "92", "94", "95", "96", "97"})


class RegionKind(StrEnum):
    """What a name says a region is (or its code): the words that are not its name."""

    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


# Words in front of a name that say its kind; several words read as one ("daerah khusus ibukota").
_KIND_WORDS: tuple[tuple[tuple[str, ...], RegionKind | None], ...] = (
    (("daerah", "khusus", "ibukota"), RegionKind.PROVINSI),
    (("daerah", "khusus", "ibu", "kota"), RegionKind.PROVINSI),
    (("daerah", "istimewa"), RegionKind.PROVINSI),
    (("daerah", "khusus"), RegionKind.PROVINSI),
    (("dki",), RegionKind.PROVINSI),
    (("diy",), RegionKind.PROVINSI),
    (("di",), RegionKind.PROVINSI),
    (("provinsi",), RegionKind.PROVINSI),
    (("propinsi",), RegionKind.PROVINSI),
    (("prov",), RegionKind.PROVINSI),
    (("kabupaten",), RegionKind.KABUPATEN),
    (("kab",), RegionKind.KABUPATEN),
    (("kotamadya",), RegionKind.KOTA),
    (("kodya",), RegionKind.KOTA),
    (("kota",), RegionKind.KOTA),
    (("administrasi",), None),  # Jakarta's "Kota Administrasi Jakarta Pusat"
    (("adm",), None),
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def region_key(text: object) -> tuple[str, RegionKind | None]:
    """A kabupaten/kota or province name as compared, and the kind its words say (None: they do not say).

    >>> region_key("Kab. Lombok Timur") == region_key("KABUPATEN LOMBOK TIMUR")[:1] + (RegionKind.KABUPATEN,)
    True
    >>> region_key("Kota Bima"), region_key("Bima")
    (('bima', <RegionKind.KOTA: 'kota'>), ('bima', None))
    """
    words = _NOT_WORD.sub(" ", str(text if text is not None else "").lower()).split()
    kind: RegionKind | None = None
    changed = True
    while changed and len(words) > 1:
        changed = False
        for spelled, said in _KIND_WORDS:
            if tuple(words[: len(spelled)]) == spelled and len(words) > len(spelled):
                words = words[len(spelled) :]
                kind = kind or said
                changed = True
                break
    return match_key(" ".join(words)), kind


def kind_of_code(code: str) -> RegionKind:
    """The kind of a dotted Kemendagri kabupaten/kota or province code: a kabupaten number from 71 is a kota."""
    if len(code) == 2:
        return RegionKind.PROVINSI
    return RegionKind.KOTA if int(code[3:5]) >= 71 else RegionKind.KABUPATEN


@dataclass(frozen=True)
class RegionMatch:
    """What one name matched: its code (None when none or several), and the candidates to name in a refusal."""

    code: str | None
    candidates: tuple[str, ...] = ()
    ambiguous: bool = False


class RegionNames:
    """The kabupaten/kota and provinces to match names against (columns ``code``, ``name``), indexed once."""

    def __init__(self, regions: pd.DataFrame) -> None:
        chosen = regions[regions["code"].astype(str).str.len().isin([2, 5])]
        self.codes = chosen["code"].astype(str).tolist()
        self.names = dict(zip(self.codes, chosen["name"].astype(str).tolist(), strict=True))
        self._by_key: dict[str, list[str]] = {}
        for code in self.codes:
            self._by_key.setdefault(region_key(self.names[code])[0], []).append(code)

    def describe(self, code: str) -> str:
        return f"{self.names.get(code, code)} ({code})"

    def match(self, name: object) -> RegionMatch:
        """The region a name means: same key, and same kind when the name says one."""
        key, kind = region_key(name)
        if not key:
            return RegionMatch(None)
        found = [code for code in self._by_key.get(key, []) if kind is None or kind_of_code(code) is kind]
        if len(found) == 1:
            return RegionMatch(found[0], tuple(found))
        if len(found) > 1:
            return RegionMatch(None, tuple(sorted(found)), ambiguous=True)
        near = difflib.get_close_matches(key, list(self._by_key), n=3, cutoff=0.75)
        return RegionMatch(None, tuple(code for k in near for code in self._by_key[k]))


def _digits(raw: object) -> str | None:
    """A BPS code's digits (dots, spaces and a float's ``.0`` dropped), or None when it is no code."""
    if raw is None or (isinstance(raw, float) and np.isnan(raw)):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip().removesuffix(".0").replace(".", "").replace(" ", "")
    return text if text.isdigit() and len(text) in (2, 4, 10) else None


def read_region_crosswalk(content: bytes, file_name: str) -> tuple[dict[str, str], list[Problem]]:
    """BPS code (2 or 4 digits) -> dotted Kemendagri code of the same level, from a crosswalk CSV.

    The format is the boundary importer's (:data:`~dashboard.data.importers.boundary_files.CROSSWALK_COLUMNS`);
    village rows (10 digits) are skipped here. Problems (errors) name the crosswalk file, its row and column:
    unreadable, columns missing, a code of no level, two levels on one row, one BPS code given two meanings.
    """
    problems: list[Problem] = []
    try:
        table = pd.read_csv(
            io.BytesIO(content), dtype=str, sep=None, engine="python", encoding="utf-8-sig", keep_default_na=False
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, csv.Error) as error:
        return {}, [
            Problem(file_name, None, None, None, "boundary.crosswalk_unreadable", (("error", str(error)[:200]),))
        ]
    columns = {str(column).strip().lower(): column for column in table.columns}
    if any(wanted not in columns for wanted in CROSSWALK_COLUMNS):
        listed = ", ".join(map(str, list(table.columns)[:30])) or "-"
        return {}, [Problem(file_name, None, None, None, "boundary.crosswalk_columns", (("columns", listed),))]
    translation: dict[str, str] = {}
    first_row: dict[str, int] = {}
    bps_column, kemendagri_column = (columns[wanted] for wanted in CROSSWALK_COLUMNS)
    for row, (raw_bps, raw_kemendagri) in enumerate(zip(table[bps_column], table[kemendagri_column], strict=True), 2):
        bps = _digits(raw_bps)
        if bps is not None and len(bps) == 10:
            continue  # a village row: the boundary importer's
        kemendagri = try_normalise_code(raw_kemendagri)
        if bps is None:
            problems.append(Problem(file_name, row, CROSSWALK_COLUMNS[0], str(raw_bps)[:200],
                                    "levels.crosswalk_bad_bps"))  # fmt: skip
            continue
        if kemendagri is None or len(kemendagri) != {2: 2, 4: 5}[len(bps)]:
            problems.append(Problem(file_name, row, CROSSWALK_COLUMNS[1], str(raw_kemendagri)[:200],
                                    "levels.crosswalk_bad_kemendagri", (("bps", bps),)))  # fmt: skip
            continue
        if bps in translation and translation[bps] != kemendagri:
            problems.append(Problem(file_name, row, CROSSWALK_COLUMNS[0], bps, "boundary.crosswalk_conflict",
                                    (("first", first_row[bps]),)))  # fmt: skip
            continue
        translation[bps] = kemendagri
        first_row.setdefault(bps, row)
    return translation, problems


def bps_to_kemendagri(raw: object, crosswalk: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """The Kemendagri code of a BPS kabupaten/kota or province code, or ``(None, problem key)``.

    >>> bps_to_kemendagri("9501")
    (None, 'levels.bps_papua_kabupaten')
    >>> bps_to_kemendagri("95"), bps_to_kemendagri("5203")
    (('93', None), ('52.03', None))
    """
    digits = _digits(raw)
    if digits is None or len(digits) == 10:
        return None, "levels.bps_bad_code"
    if crosswalk and digits in crosswalk:
        return crosswalk[digits], None
    province = BPS_PROVINCES.get(digits[:2])
    if province is None:
        return None, "levels.bps_unknown_province"
    if len(digits) == 2:
        return province, None
    if digits[:2] in PAPUA_BPS_PROVINCES:
        return None, "levels.bps_papua_kabupaten"
    return f"{digits[:2]}.{digits[2:]}", None


def level_name(level: Level) -> str:
    """The level's word as messages use it (kecamatan, kabupaten/kota, provinsi, desa/kelurahan)."""
    return {Level.KABUPATEN: "kabupaten/kota", Level.DESA: "desa/kelurahan"}.get(level, str(level))
