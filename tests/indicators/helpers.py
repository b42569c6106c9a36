"""A tiny invented district for the indicator importer tests, and writers for its files."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
from openpyxl import Workbook

from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import IndicatorBatch, Problem

DISTRICT = "99.01"  # not a real kabupaten
SARI, HIJAU = "99.01.01", "99.01.02"
SUKAMAJU_SARI, TANJUNG, BATU = "99.01.01.2001", "99.01.01.2002", "99.01.01.2003"
SUKAMAJU_HIJAU, KALI, AIR = "99.01.02.2001", "99.01.02.2002", "99.01.02.1003"
CODES = [SUKAMAJU_SARI, TANJUNG, BATU, SUKAMAJU_HIJAU, KALI, AIR]
TIDY_HEADER = "kode_wilayah,periode,indikator,pembilang,penyebut"


def villages() -> pd.DataFrame:
    """Two kecamatan; "Sukamaju" in both (a name only the kecamatan tells apart)."""
    rows = [
        (SUKAMAJU_SARI, "Sukamaju", SARI, "Mekar Sari"),
        (TANJUNG, "Tanjung Harapan", SARI, "Mekar Sari"),
        (BATU, "Batu Putih", SARI, "Mekar Sari"),
        (SUKAMAJU_HIJAU, "Sukamaju", HIJAU, "Lembah Hijau"),
        (KALI, "Kali Jernih", HIJAU, "Lembah Hijau"),
        (AIR, "Air Bening", HIJAU, "Lembah Hijau"),
    ]
    frame = pd.DataFrame(rows, columns=["code", "name", "kecamatan_code", "kecamatan_name"])
    return frame.assign(district_code=DISTRICT, district_name="Kabupaten Uji")


def csv_bytes(lines: list[str], encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tidy(lines: list[str], name: str = "data.csv", **options: Any) -> IndicatorBatch:
    """The tidy template with ``lines`` below its header, checked against the invented district."""
    return prepare_indicator_import(csv_bytes([TIDY_HEADER, *lines]), name, villages(), {}, district_code=DISTRICT,
                                    **options)  # fmt: skip


def only(problems: list[Problem], key: str) -> Problem:
    found = [problem for problem in problems if problem.key == key]
    assert len(found) == 1, [p.message("en") for p in problems]
    return found[0]
