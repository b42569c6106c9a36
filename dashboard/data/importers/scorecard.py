"""The Scorecard Konvergensi Desa import: services due and received per village and quarter, into convergence levels.

The village's human-development cadre (KPM) fills the scorecard each quarter (triwulan): for every 1,000-day
target group and every service the number of targets due that service (``sasaran``) and the number who received
it (``diterima``). Source of the groups and services: Kemendesa PDTT, *Panduan Fasilitasi Konvergensi
Pencegahan Stunting di Desa* (2018), the KPM scorecard.

Lokus's template has one row per service::

    kode_wilayah, periode, kelompok_sasaran, layanan, sasaran, diterima
    52.03.01.2001, 2025-Q1, ibu_hamil, periksa_hamil_4x, 6, 5

The convergence level (tingkat konvergensi) of a group is Σ diterima / Σ sasaran over its services; of the
village (``konvergensi_desa``) the same over every group. Each becomes an observation with the received services
as numerator and the services due as denominator, so kecamatan and district figures sum services, never average
percentages. A village information system that exports the scorecard wide (one row per village and quarter, a
column per service's due and received) is read by the mapped-table route, summing the columns per group.

>>> [s.key for s in SERVICES if s.group is Group.ANAK_2_6]
['paud']
>>> len([s for s in SERVICES if s.group is Group.IBU_HAMIL]), len([s for s in SERVICES if s.group is Group.ANAK_0_23])
(8, 10)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd
from openpyxl import Workbook

from dashboard.core.indicators import MAX_SERVICES
from dashboard.core.periods import period_kind
from dashboard.data.importers import indicators as ind
from dashboard.data.importers.indicators import _Run
from dashboard.data.importers.model import BATCH_OBSERVATION_COLUMNS

__all__ = [
    "GROUP_INDICATOR",
    "SCORECARD_COLUMNS",
    "SERVICES",
    "Group",
    "Service",
    "blank_scorecard_csv",
    "blank_scorecard_xlsx",
    "convergence_observations",
    "is_scorecard_header",
    "read_scorecard",
]

SCORECARD_COLUMNS = ("kode_wilayah", "periode", "kelompok_sasaran", "layanan", "sasaran", "diterima")
VILLAGE_INDICATOR = "konvergensi_desa"


class Group(StrEnum):
    """The scorecard's 1,000-day target groups (kelompok sasaran)."""

    IBU_HAMIL = "ibu_hamil"  # pregnant women
    ANAK_0_23 = "anak_0_23"  # children 0-23 months (baduta)
    ANAK_2_6 = "anak_2_6"  # children 2-6 years (PAUD)


# Each group's convergence indicator in the catalogue.
GROUP_INDICATOR: dict[Group, str] = {
    Group.IBU_HAMIL: "konvergensi_ibu_hamil",
    Group.ANAK_0_23: "konvergensi_baduta",
    Group.ANAK_2_6: "konvergensi_paud",
}


@dataclass(frozen=True)
class Service:
    """One service of the scorecard: its group, a stable key (unique within the group) and its names."""

    group: Group
    key: str
    label_id: str
    label_en: str


def _services(group: Group, *entries: tuple[str, str, str]) -> tuple[Service, ...]:
    return tuple(Service(group, key, label_id, label_en) for key, label_id, label_en in entries)


SERVICES: tuple[Service, ...] = (
    *_services(
        Group.IBU_HAMIL,
        ("periksa_hamil_4x", "Pemeriksaan kehamilan minimal 4 kali", "Antenatal check-ups, at least 4"),
        ("pil_fe", "Pil tambah darah (Fe)", "Iron-folic acid tablets"),
        ("periksa_nifas", "Pemeriksaan nifas", "Postnatal check-up"),
        (
            "konseling_gizi_kelas_ibu_hamil",
            "Konseling gizi / kelas ibu hamil",
            "Nutrition counselling / mothers' class",
        ),
        ("kunjungan_rumah", "Kunjungan rumah", "Home visits"),
        ("air_minum_aman", "Akses air minum aman", "Safe drinking water"),
        ("jamban_sehat", "Jamban sehat", "Improved latrine"),
        ("jaminan_kesehatan", "Jaminan kesehatan", "Health insurance"),
    ),
    *_services(
        Group.ANAK_0_23,
        ("imunisasi_dasar_lengkap", "Imunisasi dasar lengkap", "Complete basic immunisation"),
        ("penimbangan_bulanan", "Penimbangan berat badan bulanan", "Monthly weighing"),
        ("pengukuran_panjang_badan", "Pengukuran panjang badan", "Length measurement"),
        ("konseling_gizi_orang_tua", "Konseling gizi bagi orang tua", "Nutrition counselling for parents"),
        ("kelas_pengasuhan_kunjungan_rumah", "Kelas pengasuhan / kunjungan rumah", "Parenting class / home visits"),
        ("air_minum_aman", "Akses air minum aman", "Safe drinking water"),
        ("jamban_sehat", "Jamban sehat", "Improved latrine"),
        ("akta_lahir", "Akta kelahiran", "Birth certificate"),
        ("jaminan_kesehatan", "Jaminan kesehatan", "Health insurance"),
        ("pengasuhan_paud", "Pengasuhan / PAUD", "Parenting / early childhood education"),
    ),
    *_services(Group.ANAK_2_6, ("paud", "Mengikuti PAUD", "Attends early childhood education (PAUD)")),
)


_GROUP_NAMES: dict[str, Group] = {}
for _group, _names in (
    (Group.IBU_HAMIL, ("ibu_hamil", "ibu hamil", "bumil")),
    (Group.ANAK_0_23, ("anak_0_23", "anak 0-23 bulan", "baduta", "anak 0-2 tahun")),
    (Group.ANAK_2_6, ("anak_2_6", "anak 2-6 tahun", "paud", "anak usia dini")),
):
    for _name in _names:
        _GROUP_NAMES[ind._header_key(_name)] = _group
_SERVICE_NAMES: dict[tuple[Group, str], Service] = {}
for _service in SERVICES:
    for _name in (_service.key, _service.label_id, _service.label_en):
        _SERVICE_NAMES.setdefault((_service.group, ind._header_key(_name)), _service)

# Header spellings (letters and digits only) of the template's columns.
_HEADERS: dict[str, tuple[str, ...]] = {
    "kode_wilayah": ("kodewilayah", "kode", "kodedesa", "kodekelurahan", "kodedesakelurahan", "code"),
    "periode": ("periode", "period", "triwulan"),
    "kelompok_sasaran": ("kelompoksasaran", "kelompok", "sasarankelompok", "group"),
    "layanan": ("layanan", "jenislayanan", "service"),
    "sasaran": ("sasaran", "jumlahsasaran", "due"),
    "diterima": ("diterima", "menerima", "jumlahditerima", "received"),
}


def is_scorecard_header(columns: list[str]) -> bool:
    """Whether a header is the scorecard template's: a group, a service, and the due and received counts."""
    return all(
        ind._find_header(columns, _HEADERS[name]) for name in ("kelompok_sasaran", "layanan", "sasaran", "diterima")
    )


# ---------------------------------------------------------------------------------------------- templates

_INSTRUCTIONS_ID = (
    "Scorecard Konvergensi Desa: satu baris per layanan, per desa dan triwulan.",
    "kode_wilayah: kode desa/kelurahan, mis. 52.03.01.2001 atau 5203012001 (salin baris layanan untuk tiap desa).",
    "periode: triwulan, mis. 2025-Q1 atau 'Triwulan I 2025' (bukan bulan).",
    "sasaran: jumlah sasaran yang seharusnya menerima layanan itu dalam triwulan; diterima: yang sudah menerima "
    "(tidak boleh lebih dari sasaran). Tulis 0 bila tidak ada sasaran.",
    "kelompok_sasaran dan layanan: jangan diubah (kunci tetap, lihat kolom nama_layanan).",
)


def _template_rows() -> list[list[str]]:
    return [["", "", str(s.group), s.key, "", "", s.label_id] for s in SERVICES]


def blank_scorecard_csv() -> bytes:
    """The scorecard template as CSV: the header (with ``nama_layanan``, the service's name, for the reader), a
    ``#`` instruction row, and one row per service with group, key and name filled and ``kode_wilayah``,
    ``periode``, ``sasaran``, ``diterima`` left to fill. The importer skips ``#`` rows and reads
    ``nama_layanan`` as nothing."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*SCORECARD_COLUMNS, "nama_layanan"])
    writer.writerow(["# " + " ".join(_INSTRUCTIONS_ID)])
    writer.writerows(_template_rows())
    return out.getvalue().encode("utf-8")


def blank_scorecard_xlsx() -> bytes:
    """The scorecard template as XLSX: a ``scorecard`` sheet (header, one row per service, codes and periods
    formatted as text) and a ``petunjuk`` sheet with the instructions and the list of groups and services."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "scorecard"
    sheet.append([*SCORECARD_COLUMNS, "nama_layanan"])
    for row in _template_rows():
        sheet.append([cell or None for cell in row])
    for column, width in zip("ABCDEFG", (18, 12, 16, 34, 10, 10, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for column in "AB":
        sheet.column_dimensions[column].number_format = "@"  # codes and periods as text: leading zeros survive
    notes = book.create_sheet("petunjuk")
    for line in _INSTRUCTIONS_ID:
        notes.append([line])
    notes.append([])
    notes.append(["kelompok_sasaran", "layanan", "nama_layanan", "service"])
    for service in SERVICES:
        notes.append([str(service.group), service.key, service.label_id, service.label_en])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- convergence


def convergence_observations(services: pd.DataFrame) -> pd.DataFrame:
    """Convergence levels from service rows.

    Parameters
    ----------
    services
        One row per (village, quarter, group, service): columns ``code``, ``period``, ``group`` (a
        :class:`Group` value), ``received``, ``due`` (counts of targets) and ``source_row``.

    Returns
    -------
    pandas.DataFrame
        :data:`~dashboard.data.importers.model.BATCH_OBSERVATION_COLUMNS`: per village and quarter one row per
        group present (``konvergensi_ibu_hamil``, ``konvergensi_baduta``, ``konvergensi_paud``) and one for
        ``konvergensi_desa`` (all groups), numerator Σ received, denominator Σ due, ``source_row`` the first file
        row that fed it. A level with nothing due (0 of 0) says nothing and is left out.
    """
    if services.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("numerator", "denominator") else object)
                             for c in BATCH_OBSERVATION_COLUMNS})  # fmt: skip
    frame = services.assign(indicator=services["group"].map(lambda g: GROUP_INDICATOR[Group(g)]))
    sums = {"numerator": ("received", "sum"), "denominator": ("due", "sum"), "source_row": ("source_row", "min")}
    groups = frame.groupby(["code", "period", "indicator"], as_index=False, sort=True).agg(**sums)
    village = (
        frame.groupby(["code", "period"], as_index=False, sort=True).agg(**sums).assign(indicator=VILLAGE_INDICATOR)
    )
    out = pd.concat([groups, village], ignore_index=True)
    out = out[out["denominator"] > 0]
    out["numerator"] = out["numerator"].astype(float)
    out["denominator"] = out["denominator"].astype(float)
    return out[BATCH_OBSERVATION_COLUMNS].sort_values(["code", "period", "indicator"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- reading


def _quarter_of(period: str) -> str:
    """The quarter a month falls in (``2025-02`` -> ``2025-Q1``), the first of a year: what to write instead."""
    if period_kind(period) == "month":
        return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}"
    return f"{period[:4]}-Q1"


def read_scorecard(run: _Run, table: pd.DataFrame) -> pd.DataFrame:
    """Observations (:func:`convergence_observations`) from a scorecard table; every bad cell an error in
    ``run.report``: missing columns, unknown village (code, or name where only a name column is given), a period
    that is not a quarter or lies in the future, an unknown group or service, a count that is empty, no number,
    negative or too large, received above due, and a (village, quarter, group, service) given twice."""
    found = ind._template_columns(run, table, _HEADERS, SCORECARD_COLUMNS)
    if found is None:
        return convergence_observations(pd.DataFrame())
    code_col, village_col, period_col = found["kode_wilayah"], found["nama_desa"], found["periode"]
    group_col, service_col = found["kelompok_sasaran"], found["layanan"]
    due_col, received_col = found["sasaran"], found["diterima"]
    assert period_col and group_col and service_col and due_col and received_col
    # A template row left as downloaded (no code, period or counts) is no data: skipped, not refused.
    filled = [c for c in (code_col, village_col, period_col, due_col, received_col) if c]
    table = table[table[filled].notna().any(axis=1)]
    rows = table.index.to_numpy()
    if not len(rows):
        run.report.add(None, None, None, "indicators.empty_file")
        return convergence_observations(pd.DataFrame())
    codes = ind._template_regions(run, table, found)
    period_raw = table[period_col].to_numpy(dtype=object)
    periods = ind._periods_of_kind(run, rows, period_raw, period_col, "quarter", "scorecard.not_quarter", _quarter_of)
    groups = _groups(run, rows, table[group_col].to_numpy(dtype=object), group_col)
    services = _service_keys(run, rows, groups, table[service_col].to_numpy(dtype=object), service_col)
    due_raw, received_raw = table[due_col].to_numpy(dtype=object), table[received_col].to_numpy(dtype=object)
    due, due_ok = ind._counts_strict(run, rows, due_raw, due_col, np.full(len(rows), float(MAX_SERVICES)))
    received, received_ok = ind._counts_strict(run, rows, received_raw, received_col,
                                               np.full(len(rows), float(MAX_SERVICES)))  # fmt: skip
    counts_ok = due_ok & received_ok
    above = counts_ok & (received > due)
    run.report.add_rows(rows[above], received_col, received_raw[above], "scorecard.received_exceeds",
                        received=received[above], due=due[above])  # fmt: skip
    frame = pd.DataFrame({"code": codes, "period": periods, "group": groups, "service": services,
                          "received": received, "due": due, "source_row": rows})  # fmt: skip
    placed = frame[["code", "period", "group", "service"]].notna().all(axis=1).to_numpy()
    kept = np.zeros(len(frame), dtype=bool)
    kept[placed] = _unique_services(run, frame[placed], code_col or village_col or "")
    good = frame[kept & counts_ok & ~above]
    # Any error refuses the file whole; the observations are still computed for the preview's figures.
    run.batch.extra["services"] = len(good)
    return convergence_observations(good)


def _groups(run: _Run, rows: np.ndarray, raw: np.ndarray, label: str) -> np.ndarray:
    result = np.array([None if pd.isna(v) else _GROUP_NAMES.get(ind._header_key(v)) for v in raw], dtype=object)
    empty = pd.isna(raw)
    run.report.add_rows(rows[empty], label, None, "scorecard.missing_group")
    bad = ~empty & pd.isna(result)
    known = ", ".join(str(g) for g in Group)
    for value, value_rows in ind._by_value(raw[bad], rows[bad]):
        run.report.add(value_rows[0], label, value, "scorecard.unknown_group", rows=len(value_rows), known=known)
    return np.array([None if g is None else str(g) for g in result], dtype=object)


def _service_keys(run: _Run, rows: np.ndarray, groups: np.ndarray, raw: np.ndarray, label: str) -> np.ndarray:
    result = np.full(len(rows), None, dtype=object)
    empty = pd.isna(raw)
    run.report.add_rows(rows[empty], label, None, "scorecard.missing_service")
    refused: dict[tuple[str, str], list[int]] = {}
    for i, (group, value) in enumerate(zip(groups, raw, strict=True)):
        if group is None or empty[i]:
            continue
        service = _SERVICE_NAMES.get((Group(group), ind._header_key(value)))
        if service is None:
            refused.setdefault((str(group), str(value)), []).append(int(rows[i]))
        else:
            result[i] = service.key
    for (group, value), value_rows in refused.items():
        known = ", ".join(s.key for s in SERVICES if s.group == group)
        run.report.add(value_rows[0], label, value, "scorecard.unknown_service", rows=len(value_rows), group=group,
                       known=known)  # fmt: skip
    return result


def _unique_services(run: _Run, frame: pd.DataFrame, label: str) -> np.ndarray:
    """Errors for each later row of a (village, quarter, group, service) given twice; returns the rows kept."""
    keys = ["code", "period", "group", "service"]
    twice = frame.duplicated(keys, keep=False).to_numpy()
    if twice.any():
        repeated = frame[twice]
        first = repeated.groupby(keys, sort=False)["source_row"].transform("min").to_numpy()
        later = repeated["source_row"].to_numpy() != first
        value = (repeated["code"] + " " + repeated["period"] + " " + repeated["service"]).to_numpy(dtype=object)
        run.report.add_rows(repeated["source_row"].to_numpy()[later], label, value[later],
                            "scorecard.duplicate_service", first=first[later].astype(object))  # fmt: skip
    return ~frame.duplicated(keys, keep="first").to_numpy()
