"""Read-only access to one publication snapshot's content: cells, completeness, targets and surveys by key.

The public surfaces (pages, downloads, API) read *only* the protected content a snapshot froze
(format 1, documented in :mod:`dashboard.core.publication`); this module indexes it so a view finds a
cell in O(1) and never recomputes a figure. A hidden count stays ``None`` here: nothing below derives
one from a rate, a total or a sibling.

Words: *sel* (cell) is one area's published figure for one period and indicator at one level
(*tingkat*: kabupaten, kecamatan, desa); *kelengkapan* (completeness) is children measured of target
children and villages reporting of all villages; *survei* are rate-only survey estimates.

>>> content = {"wilayah": {"kode": "99.01", "nama": "Contoh", "fiktif": True}, "periode": ["2025-08"],
...            "indikator": ["stunting"], "target": {"nasional": 14.0, "daerah": []}, "survei": [],
...            "sel": [{"periode": "2025-08", "indikator": "stunting", "tingkat": "kabupaten", "kode": "99.01",
...                     "induk": "", "nama": "Contoh", "penyebut": 40, "pembilang": 10, "prevalensi": 25.0,
...                     "batas_bawah": 14.2, "batas_atas": 40.2, "label": "10", "status": "tampil"}],
...            "kelengkapan": [], "peta": {"desa": {"features": []}, "kecamatan": {"features": []}}}
>>> view = Published(content)
>>> view.cell("2025-08", "kabupaten", "99.01")["label"], view.latest_period, view.indicator
('10', '2025-08', 'stunting')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from dashboard.core.indicators import STUNTING
from dashboard.core.periods import period_kind, period_order

__all__ = [
    "DESA_CODE",
    "DISTRICT_CODE",
    "HIDDEN_STATUSES",
    "PERIOD",
    "SHOWN",
    "Published",
    "valid_district_code",
    "valid_village_code",
]

# Codes are checked with these before any lookup: nothing else from a URL reaches the database or a cache key.
DISTRICT_CODE: Final = re.compile(r"\d{2}\.\d{2}")
DESA_CODE: Final = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
PERIOD: Final = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")
SHOWN: Final = "tampil"
HIDDEN_STATUSES: Final = ("kurang_5", "n_kecil", "disembunyikan")


def valid_district_code(code: str) -> bool:
    """Whether ``code`` has a kabupaten/kota code's shape (``PP.KK``).

    >>> valid_district_code("99.01"), valid_district_code("99.01/../x"), valid_district_code("9901")
    (True, False, False)
    """
    return DISTRICT_CODE.fullmatch(code) is not None


def valid_village_code(code: str) -> bool:
    """Whether ``code`` has a desa/kelurahan code's shape (``PP.KK.CC.DDDD``)."""
    return DESA_CODE.fullmatch(code) is not None


CellKey = tuple[str, str, str, str]  # (periode, indikator, tingkat, kode)


@dataclass(frozen=True)
class Published:
    """One snapshot's content, indexed; every accessor returns the published values as they are."""

    content: Mapping[str, Any]
    _cells: dict[CellKey, dict[str, Any]] = field(init=False, repr=False, compare=False)
    _completeness: dict[tuple[str, str], dict[str, Any]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cells = {(c["periode"], c["indikator"], c["tingkat"], c["kode"]): c for c in self.content["sel"]}
        completeness = {(k["periode"], k["kode"]): k for k in self.content["kelengkapan"]}
        object.__setattr__(self, "_cells", cells)
        object.__setattr__(self, "_completeness", completeness)

    # ------------------------------------------------------------------ identity and metadata

    @property
    def district_code(self) -> str:
        return str(self.content["wilayah"]["kode"])

    @property
    def district_name(self) -> str:
        return str(self.content["wilayah"]["nama"])

    @property
    def is_demo(self) -> bool:
        """Whether this is the fictional demo district (every surface then says "data contoh (fiktif)")."""
        return bool(self.content["wilayah"].get("fiktif"))

    @property
    def periods(self) -> list[str]:
        """The published periods, oldest first (in time: :func:`~dashboard.core.periods.period_order`)."""
        return sorted((str(p) for p in self.content["periode"]), key=period_order)

    @property
    def latest_period(self) -> str:
        return self.periods[-1]

    @property
    def indicator(self) -> str:
        """The indicator the pages show: stunting when published, else the first one."""
        chosen = [str(i) for i in self.content["indikator"]]
        return STUNTING if STUNTING in chosen or not chosen else chosen[0]

    # ------------------------------------------------------------------ figures

    def cell(self, period: str, level: str, code: str, indicator: str | None = None) -> dict[str, Any] | None:
        """The published cell, or None when the area did not report in ``period`` (no cell: "belum melapor")."""
        return self._cells.get((period, indicator or self.indicator, level, code))

    def cells(self, level: str, period: str | None = None, indicator: str | None = None) -> list[dict[str, Any]]:
        """Cells of a level (all periods, or one), in the content's order (period, then code)."""
        wanted = indicator or self.indicator
        return [
            c
            for c in self.content["sel"]
            if c["tingkat"] == level and c["indikator"] == wanted and (period is None or c["periode"] == period)
        ]

    def all_cells(self) -> list[dict[str, Any]]:
        """Every published cell of every indicator (the API's and the downloads' rows)."""
        return list(self.content["sel"])

    def district_cell(self, period: str) -> dict[str, Any] | None:
        return self.cell(period, "kabupaten", self.district_code)

    def completeness(self, period: str, code: str | None = None) -> dict[str, Any] | None:
        """Completeness of the district (or a kecamatan) in ``period``, or None."""
        return self._completeness.get((period, code or self.district_code))

    # ------------------------------------------------------------------ areas

    def features(self, level: str) -> list[dict[str, Any]]:
        """The outlines of ``level`` (``desa`` or ``kecamatan``), features with ``id`` = code."""
        collection = self.content["peta"].get(level) or {}
        return list(collection.get("features") or [])

    def area_names(self, level: str) -> dict[str, str]:
        """Code → name of every area of ``level`` (outlines first, then cells for areas without one)."""
        names = {str(f["id"]): str(f["properties"].get("nama") or f["id"]) for f in self.features(level)}
        for c in self.content["sel"]:
            if c["tingkat"] == level:
                names.setdefault(str(c["kode"]), str(c["nama"]))
        return names

    def village_parent(self, code: str) -> str:
        """The kecamatan of a village: its cells' ``induk``, else the code's first three parts."""
        for c in self.content["sel"]:
            if c["tingkat"] == "desa" and c["kode"] == code:
                return str(c["induk"])
        return code.rsplit(".", 1)[0]

    # ------------------------------------------------------------------ targets and surveys

    @property
    def national_target(self) -> float:
        return float(self.content["target"]["nasional"])

    def district_target(self, year: int) -> dict[str, Any] | None:
        """The district's own target for ``year`` ({tahun, target, sumber}), or None."""
        for row in self.content["target"].get("daerah") or []:
            if int(row["tahun"]) == year:
                return dict(row)
        return None

    def surveys(self) -> list[dict[str, Any]]:
        """Survey estimates of the shown indicator, oldest first."""
        rows = [dict(s) for s in self.content.get("survei") or [] if s["indikator"] == self.indicator]
        return sorted(rows, key=lambda s: str(s["periode"]))

    def routine_period_of_year(self, year: int) -> str | None:
        """The routine month compared with a survey of ``year``: August when published, else the year's latest."""
        months = [p for p in self.periods
                  if p[:4] == f"{year:04d}" and period_kind(p) == "month" and self.district_cell(p)]  # fmt: skip
        if not months:
            return None
        august = f"{year:04d}-08"
        return august if august in months else months[-1]

    def survey_for(self, period: str) -> dict[str, Any] | None:
        """The survey to show beside ``period``: that year's, else the latest with a routine month, else the latest."""
        surveys = self.surveys()
        if not surveys:
            return None
        same_year = [s for s in surveys if str(s["periode"])[:4] == period[:4]]
        if same_year:
            return same_year[-1]
        matched = [s for s in surveys if self.routine_period_of_year(int(str(s["periode"])[:4]))]
        return (matched or surveys)[-1]
