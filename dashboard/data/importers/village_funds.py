"""The village funds (Dana Desa) import: each village's fund, what it allocated to stunting and what it spent, per year.

Lokus's template has one row per village and year, in rupiah::

    kode_wilayah, tahun, dana_desa, alokasi_stunting, realisasi_stunting
    52.03.01.2001, 2025, "Rp 1.250.000.000", 250.000.000, 200.000.000

Each row becomes two observations: ``dana_desa_stunting`` (allocated to stunting / Dana Desa) and
``realisasi_dana_desa_stunting`` (spent / allocated; no row when nothing was allocated). Numerators and
denominators are rupiah, so a kecamatan's share is its villages' rupiah summed, never an average of shares.
Amounts may carry ``Rp`` and Indonesian thousands dots (``1.250.000.000``): a rupiah amount has no cents in
these reports, so ``1.250`` is one thousand two hundred and fifty rupiah, never 1,25.

>>> parse_rupiah("Rp 1.250.000.000"), parse_rupiah("1250000000"), parse_rupiah("Rp. 2.500,00"), parse_rupiah("abc")
(1250000000.0, 1250000000.0, 2500.0, None)
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd
from openpyxl import Workbook

from dashboard.core.indicators import MAX_RUPIAH
from dashboard.data.importers import indicators as ind
from dashboard.data.importers.indicators import _Run
from dashboard.data.importers.model import BATCH_OBSERVATION_COLUMNS

__all__ = [
    "VILLAGE_FUNDS_COLUMNS",
    "blank_village_funds_csv",
    "blank_village_funds_xlsx",
    "is_village_funds_header",
    "parse_rupiah",
    "read_village_funds",
]

VILLAGE_FUNDS_COLUMNS = ("kode_wilayah", "tahun", "dana_desa", "alokasi_stunting", "realisasi_stunting")

_HEADERS: dict[str, tuple[str, ...]] = {
    "kode_wilayah": ("kodewilayah", "kode", "kodedesa", "kodekelurahan", "kodedesakelurahan", "code"),
    "tahun": ("tahun", "year", "tahunanggaran", "periode"),
    "dana_desa": ("danadesa", "paguddanadesa", "dd", "danadesarp"),
    "alokasi_stunting": ("alokasistunting", "alokasi", "anggaranstunting", "alokasistuntingrp"),
    "realisasi_stunting": ("realisasistunting", "realisasi", "realisasistuntingrp"),
}
_RP = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED_ID = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")  # 1.250.000.000 or 2.500,00
_GROUPED_EN = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")  # 1,250,000,000
_PLAIN = re.compile(r"^\d+([.,]\d{1,2})?$")  # 1250000000, 1250000000,50, 1250000000.5 (Excel's float)


def is_village_funds_header(columns: list[str]) -> bool:
    """Whether a header is the village funds template's: Dana Desa, the allocation and the spending columns."""
    return all(
        ind._find_header(columns, _HEADERS[name]) for name in ("dana_desa", "alokasi_stunting", "realisasi_stunting")
    )


def parse_rupiah(text: object) -> float | None:
    """A rupiah amount from a cell (``Rp 1.250.000.000``, ``1,250,000,000``, ``1250000000``), or None when the
    cell is no amount. A minus sign is kept (the caller refuses it)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    cleaned = "".join(_RP.sub("", str(text).strip()).split())
    negative = cleaned.startswith(("-", "\u2212"))
    cleaned = cleaned.lstrip("-\u2212")
    if _GROUPED_ID.match(cleaned):
        value = float(cleaned.replace(".", "").replace(",", "."))
    elif _GROUPED_EN.match(cleaned):
        value = float(cleaned.replace(",", ""))
    elif _PLAIN.match(cleaned):
        value = float(cleaned.replace(",", "."))
    else:
        return None
    return -value if negative else value


# ---------------------------------------------------------------------------------------------- templates

_INSTRUCTIONS_ID = (
    "Dana Desa untuk stunting: satu baris per desa dan tahun anggaran.",
    "kode_wilayah: kode desa, mis. 52.03.01.2001 atau 5203012001; tahun: tahun anggaran, mis. 2025.",
    "dana_desa: pagu Dana Desa (Rp); alokasi_stunting: bagian yang dialokasikan untuk stunting (Rp, tidak lebih "
    "dari dana_desa); realisasi_stunting: yang sudah terealisasi (Rp, tidak lebih dari alokasi_stunting).",
    "Rupiah boleh ditulis 1.250.000.000 atau Rp 1.250.000.000.",
)


def blank_village_funds_csv() -> bytes:
    """The village funds template as CSV: the header and ``#`` instruction rows (the importer skips them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VILLAGE_FUNDS_COLUMNS)
    for line in _INSTRUCTIONS_ID:
        writer.writerow(["# " + line])
    return out.getvalue().encode("utf-8")


def blank_village_funds_xlsx() -> bytes:
    """The village funds template as XLSX: a ``dana_desa`` sheet (the header; codes as text, rupiah with
    thousands separators) and a ``petunjuk`` sheet with the instructions."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "dana_desa"
    sheet.append(list(VILLAGE_FUNDS_COLUMNS))
    for column, width in zip("ABCDE", (18, 8, 20, 20, 20), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["A"].number_format = "@"
    for column in "CDE":
        sheet.column_dimensions[column].number_format = "#,##0"
    notes = book.create_sheet("petunjuk")
    for line in _INSTRUCTIONS_ID:
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- reading


def _amounts(run: _Run, rows: np.ndarray, raw: np.ndarray, label: str) -> tuple[np.ndarray, np.ndarray]:
    """Rupiah of one column and which cells are usable; every bad cell an error (empty, no amount, negative,
    above :data:`~dashboard.core.indicators.MAX_RUPIAH`)."""
    from dashboard.data.importers.model import limit_params

    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    parsed = np.array([*(parse_rupiah(u) for u in uniques.tolist()), None], dtype=object)[codes]
    empty = codes < 0
    unreadable = ~empty & pd.isna(parsed)
    numbers = np.where(pd.isna(parsed), np.nan, parsed).astype(float)
    negative = ~np.isnan(numbers) & (numbers < 0)
    too_large = ~np.isnan(numbers) & (numbers > MAX_RUPIAH)
    run.report.add_rows(rows[empty], label, None, "indicators.missing_value")
    run.report.add_rows(rows[unreadable], label, raw[unreadable], "village_funds.not_rupiah")
    run.report.add_rows(rows[negative], label, raw[negative], "indicators.negative")
    limit_id, limit_en = (np.full(int(too_large.sum()), v, dtype=object) for _, v in limit_params(MAX_RUPIAH))
    run.report.add_rows(rows[too_large], label, raw[too_large], "problem.count_too_large", limit_id=limit_id,
                        limit_en=limit_en)  # fmt: skip
    return numbers, ~(empty | unreadable | negative | too_large)


def read_village_funds(run: _Run, table: pd.DataFrame) -> pd.DataFrame:
    """Observations (:data:`BATCH_OBSERVATION_COLUMNS`) from a village funds table: ``dana_desa_stunting``
    (alokasi / dana_desa) and ``realisasi_dana_desa_stunting`` (realisasi / alokasi, left out when alokasi is 0)
    per village and year. Every bad cell is an error in ``run.report``: missing columns, unknown village, a period
    that is not a year (or a future one), an amount that is empty, no rupiah, negative or too large, alokasi above
    dana_desa, realisasi above alokasi, and a (village, year) given twice."""
    found = ind._template_columns(run, table, _HEADERS, VILLAGE_FUNDS_COLUMNS)
    if found is None:
        return ind._no_observations()
    code_col, village_col, year_col = found["kode_wilayah"], found["nama_desa"], found["tahun"]
    fund_col, allocated_col, spent_col = found["dana_desa"], found["alokasi_stunting"], found["realisasi_stunting"]
    assert year_col and fund_col and allocated_col and spent_col
    rows = table.index.to_numpy()
    codes = ind._template_regions(run, table, found)
    periods = ind._periods_of_kind(run, rows, table[year_col].to_numpy(dtype=object), year_col, "year",
                                   "village_funds.not_year", lambda period: period[:4])  # fmt: skip
    raws = {name: table[found[name]].to_numpy(dtype=object) for name in ("dana_desa", "alokasi_stunting",
                                                                          "realisasi_stunting")}  # fmt: skip
    fund, fund_ok = _amounts(run, rows, raws["dana_desa"], fund_col)
    allocated, allocated_ok = _amounts(run, rows, raws["alokasi_stunting"], allocated_col)
    spent, spent_ok = _amounts(run, rows, raws["realisasi_stunting"], spent_col)
    over_fund = fund_ok & allocated_ok & (allocated > fund)
    run.report.add_rows(rows[over_fund], allocated_col, raws["alokasi_stunting"][over_fund],
                        "village_funds.allocation_exceeds", fund=raws["dana_desa"][over_fund])  # fmt: skip
    over_allocated = allocated_ok & spent_ok & (spent > allocated)
    run.report.add_rows(rows[over_allocated], spent_col, raws["realisasi_stunting"][over_allocated],
                        "village_funds.spending_exceeds",
                        allocated=raws["alokasi_stunting"][over_allocated])  # fmt: skip
    zero_fund = fund_ok & (fund == 0)
    run.report.add_rows(rows[zero_fund], fund_col, raws["dana_desa"][zero_fund], "village_funds.no_fund")
    ok = fund_ok & allocated_ok & spent_ok & ~over_fund & ~over_allocated & ~zero_fund
    frame = pd.DataFrame({"code": codes, "period": periods, "indicator": "dana_desa_stunting",
                          "numerator": allocated, "denominator": fund, "source_row": rows})  # fmt: skip
    placed = frame[["code", "period"]].notna().all(axis=1).to_numpy()
    kept = np.zeros(len(frame), dtype=bool)
    kept[placed] = ind._duplicates(run, frame[placed], code_col or village_col or "")
    good = kept & ok
    shares = frame[good]
    spending = frame[good & (allocated > 0)].assign(indicator="realisasi_dana_desa_stunting",
                                                    numerator=spent[good & (allocated > 0)],
                                                    denominator=allocated[good & (allocated > 0)])  # fmt: skip
    out = pd.concat([shares, spending], ignore_index=True)[BATCH_OBSERVATION_COLUMNS]
    return out.sort_values(["code", "period", "indicator"]).reset_index(drop=True)
