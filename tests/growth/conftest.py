"""Synthetic children for the growth tests: invented names and NIKs, never real personal data."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from dashboard.core.growth import lms_table

EPPGBM_HEADER = [
    "NIK", "Nama", "JK", "Tgl Lahir", "BB Lahir", "TB Lahir", "Nama Ortu", "Prov", "Kab/Kota", "Kec", "Pukesmas",
    "Desa/Kel", "Posyandu", "RT", "RW", "Alamat", "Usia Saat Ukur", "Tanggal Pengukuran", "Bulan Pengukuran",
    "Berat", "Tinggi", "Cara Ukur", "LiLA", "ZS TB/U", "kode_wilayah",
]  # fmt: skip


def height_at(haz: float, sex: int, age_days: int) -> float:
    """The length/height (cm) of a child at ``haz`` on WHO's table (L is 1 for length/height-for-age)."""
    table = lms_table("lhfa")
    age_days = min(age_days, table.size - 1)
    return float(table.m[sex - 1, age_days] * (1 + table.s[sex - 1, age_days] * haz))


def weight_at(waz: float, sex: int, age_days: int) -> float:
    """The weight (kg) of a child at ``waz`` (within ±3 SD) on WHO's weight-for-age table."""
    table = lms_table("wfa")
    age_days = min(age_days, table.size - 1)
    l, m, s = table.l[sex - 1, age_days], table.m[sex - 1, age_days], table.s[sex - 1, age_days]  # noqa: E741
    return float(m * (1 + l * s * waz) ** (1 / l))


@dataclass
class Child:
    """One invented child-measurement row of an e-PPGBM export."""

    nik: str
    name: str
    sex: str
    born: date
    measured: date
    weight: float | None
    height: float | None
    position: str = ""
    village: str = "Sukamaju"
    code: str = "99.01.01.2001"
    posyandu: str = "Mawar"
    extra: dict[str, str] = field(default_factory=dict)

    def cells(self, decimal: str) -> list[str]:
        def number(value: float | None, digits: int) -> str:
            return "" if value is None else f"{value:.{digits}f}".replace(".", decimal)

        values = {
            "NIK": self.nik, "Nama": self.name, "JK": self.sex, "Tgl Lahir": self.born.strftime("%d/%m/%Y"),
            "Nama Ortu": f"Ibu {self.name}", "Alamat": f"Jalan {self.name} No. 1", "Kec": "Kecamatan Contoh",
            "Desa/Kel": self.village, "Posyandu": self.posyandu,
            "Tanggal Pengukuran": self.measured.strftime("%d/%m/%Y"), "Berat": number(self.weight, 2),
            "Tinggi": number(self.height, 1), "Cara Ukur": self.position, "kode_wilayah": self.code,
        }  # fmt: skip
        values.update(self.extra)
        return [values.get(column, "") for column in EPPGBM_HEADER]


def write_eppgbm(path: Path, children: Iterable[Child], separator: str = ";", decimal: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(EPPGBM_HEADER)
        for child in children:
            writer.writerow(child.cells(decimal))
    return path


def invented_nik(rng: np.random.Generator) -> str:
    return "99" + "".join(str(d) for d in rng.integers(0, 10, 14))


INVENTED_NAMES: Sequence[str] = (
    "Zulkarnaen Qoriswati", "Yohanna Xenarti", "Wibisana Quralta", "Venusia Oktarindo", "Ujangirawan Pexo",
    "Tirtamaya Quenza", "Samudraxa Ilvani", "Rembulanox Tavira", "Qinarawati Zefo", "Pelangiswara Yudox",
)  # fmt: skip


def born_days_before(measured: date, days: int) -> date:
    return measured - timedelta(days=days)


def invented_child(seed: int, haz: float, age: int, on: date, **fields: object) -> Child:
    """An invented child measured ``on``, ``age`` days old at ``haz``, median weight; lying under 731 days.

    ``fields`` replace any of the row's values (a different ``measured`` date keeps the birth date).
    """
    sex = 1 + seed % 2
    values: dict[str, object] = {
        "nik": invented_nik(np.random.default_rng(seed)),
        "name": f"{INVENTED_NAMES[seed % len(INVENTED_NAMES)]} {chr(65 + seed % 26)}",
        "sex": "L" if sex == 1 else "P",
        "born": born_days_before(on, age),
        "measured": on,
        "weight": round(weight_at(0.0, sex, age), 2),
        "height": round(height_at(haz, sex, age), 1),
        "position": "Terlentang" if age < 731 else "Berdiri",
    }
    return Child(**(values | fields))  # type: ignore[arg-type]
