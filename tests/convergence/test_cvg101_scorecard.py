"""The Scorecard Konvergensi Desa import: template round trips, the convergence arithmetic, every refusal."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.core import periods
from dashboard.data.importers.indicators import ColumnMapping, IndicatorColumns, detect_format, prepare_indicator_import
from dashboard.data.importers.model import DatasetKind, IndicatorBatch
from dashboard.data.importers.scorecard import SERVICES, Group, blank_scorecard_csv, blank_scorecard_xlsx
from dashboard.data.store import Store
from tests.convergence import test_cvg001_register

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
demo = test_cvg001_register.demo  # the demo district on each database (store_url)
DISTRICT = "99.01"

# The hand-computed quarter (village A, 2025-Q1). Pregnant women: 8 services x 5 due = 40 due; received
# 5+4+5+3+5+5+2+5 = 34 -> 34/40 = 85,0%. Children 0-23 months: 10 services x 12 due = 120 due; received
# 12+12+10+12+6+12+12+9+11+8 = 104 -> 104/120 = 86,7%. PAUD: 4 of 7 -> 57,1%.
# The village: (34+104+4)/(40+120+7) = 142/167 = 85,03%.
DUE = {Group.IBU_HAMIL: [5] * 8, Group.ANAK_0_23: [12] * 10, Group.ANAK_2_6: [7]}
RECEIVED = {Group.IBU_HAMIL: [5, 4, 5, 3, 5, 5, 2, 5], Group.ANAK_0_23: [12, 12, 10, 12, 6, 12, 12, 9, 11, 8],
            Group.ANAK_2_6: [4]}  # fmt: skip
EXPECTED_A = {"konvergensi_ibu_hamil": (34.0, 40.0), "konvergensi_baduta": (104.0, 120.0),
              "konvergensi_paud": (4.0, 7.0), "konvergensi_desa": (142.0, 167.0)}  # fmt: skip


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed today (2026-02-10): 2026-Q1 has begun, 2026-Q2 lies in the future."""
    monkeypatch.setattr(periods, "current_date", lambda: date(2026, 2, 10))


@pytest.fixture(scope="module")
def villages() -> pd.DataFrame:
    store = Store.open("sqlite://")
    store.ensure_demo(GEODATA)
    try:
        return store.villages(DISTRICT)
    finally:
        store.close()


def _numbers(service_index: dict[Group, int], group: Group, scale: int = 1) -> tuple[int, int]:
    i = service_index[group]
    service_index[group] += 1
    return DUE[group][i] * scale, RECEIVED[group][i] * scale


def _filled_rows(codes: list[str]) -> list[list[object]]:
    """Every service row of the template for two villages: A with the hand-computed numbers, B with them doubled."""
    rows: list[list[object]] = []
    for code, scale in ((codes[0], 1), (codes[1], 2)):
        index = dict.fromkeys(Group, 0)
        for service in SERVICES:
            due, received = _numbers(index, service.group, scale)
            rows.append([code, "2025-Q1", str(service.group), service.key, due, received])
    return rows


def _csv(rows: list[list[object]], header: tuple[str, ...] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header or ("kode_wilayah", "periode", "kelompok_sasaran", "layanan", "sasaran", "diterima"))
    writer.writerows(rows)
    return out.getvalue().encode()


def _check(content: bytes, name: str, villages: pd.DataFrame, **options: object) -> IndicatorBatch:
    return prepare_indicator_import(content, name, villages, {}, district_code=DISTRICT, **options)  # type: ignore[arg-type]


def _fill_csv_template(codes: list[str]) -> bytes:
    """The downloaded CSV template, filled in: its instruction row left in, codes, quarter and counts written."""
    template = list(csv.reader(io.StringIO(blank_scorecard_csv().decode())))
    filled = _filled_rows(codes)
    body = []
    for i, code in enumerate(codes[:2]):
        for j, row in enumerate(template[2:]):
            numbers = filled[i * len(SERVICES) + j]
            assert (row[2], row[3]) == (numbers[2], numbers[3])  # the template's order is the services' order
            body.append([code, "Triwulan I 2025", row[2], row[3], numbers[4], numbers[5], row[6]])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([template[0], template[1], *body])
    return out.getvalue().encode()


def _fill_xlsx_template(codes: list[str]) -> bytes:
    """The downloaded XLSX template, filled in for one village (the rows as downloaded), then a second one below."""
    book = load_workbook(io.BytesIO(blank_scorecard_xlsx()))
    sheet = book["scorecard"]
    filled = _filled_rows(codes)
    template_rows = list(sheet.iter_rows(min_row=2))
    for j, cells in enumerate(template_rows):
        numbers = filled[j]
        cells[0].value, cells[1].value, cells[4].value, cells[5].value = codes[0], "2025-Q1", numbers[4], numbers[5]
    for numbers in filled[len(SERVICES) :]:
        sheet.append([*numbers, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _expected(codes: list[str]) -> pd.DataFrame:
    rows = []
    for code, scale in ((codes[0], 1), (codes[1], 2)):
        for indicator, (numerator, denominator) in EXPECTED_A.items():
            rows.append((code, "2025-Q1", indicator, numerator * scale, denominator * scale))
    frame = pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])
    return frame.sort_values(["code", "period", "indicator"]).reset_index(drop=True)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_cvg101_scorecard_template_round_trip(demo: Store, suffix: str) -> None:
    villages = demo.villages(DISTRICT)
    codes = sorted(villages["code"].astype(str))[:2]
    content = _fill_csv_template(codes) if suffix == "csv" else _fill_xlsx_template(codes)
    batch = _check(content, f"scorecard_tw1.{suffix}", villages)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert (batch.kind, batch.extra["format"], batch.extra["services"]) == (DatasetKind.SCORECARD, "scorecard", 38)
    demo.commit_indicators(batch, "perencana.uji")
    stored = demo.observations(DISTRICT)
    stored = stored[stored["indicator"].str.startswith("konvergensi") & stored["code"].isin(codes)
                    & (stored["period"] == "2025-Q1")]  # fmt: skip
    got = stored[["code", "period", "indicator", "numerator", "denominator"]].astype(
        {"numerator": float, "denominator": float})  # fmt: skip
    got = got.sort_values(["code", "period", "indicator"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, _expected(codes), check_dtype=False)


def test_cvg102_convergence_level_of_a_hand_computed_quarter(villages: pd.DataFrame) -> None:
    codes = sorted(villages["code"].astype(str))[:2]
    batch = _check(_csv(_filled_rows(codes)[: len(SERVICES)]), "a.csv", villages)
    assert batch.ok
    frame = batch.observations
    got = {str(k): (float(n), float(d)) for k, n, d in zip(frame["indicator"], frame["numerator"],
                                                           frame["denominator"], strict=True)}  # fmt: skip
    assert got == EXPECTED_A
    numerator, denominator = got["konvergensi_desa"]
    assert round(100 * numerator / denominator, 2) == 85.03  # 142 / 167 -> "85,0%" on the map
    assert round(100 * got["konvergensi_baduta"][0] / got["konvergensi_baduta"][1], 1) == 86.7  # 104 / 120


def test_cvg103_blank_templates_list_every_service_and_import_nothing(villages: pd.DataFrame) -> None:
    rows = list(csv.reader(io.StringIO(blank_scorecard_csv().decode())))
    assert rows[1][0].startswith("#")
    assert [(r[2], r[3]) for r in rows[2:]] == [(str(s.group), s.key) for s in SERVICES]
    assert all(r[6] for r in rows[2:]) and not any(r[0] or r[1] or r[4] or r[5] for r in rows[2:])
    sheet = load_workbook(io.BytesIO(blank_scorecard_xlsx()))["petunjuk"]
    assert any("2025-Q1" in str(row[0]) for row in sheet.iter_rows(values_only=True))
    batch = _check(blank_scorecard_csv(), "kosong.csv", villages)
    assert [p.key for p in batch.errors] == ["indicators.empty_file"]
    assert detect_format(rows[0]) == "scorecard"


def _bad(villages: pd.DataFrame, change: str) -> list[list[object]]:
    code = sorted(villages["code"].astype(str))[0]
    rows: list[list[object]] = [
        [code, "2025-Q1", "ibu_hamil", "pil_fe", 5, 4],
        [code, "2025-Q1", "anak_2_6", "paud", 3, 1],
    ]
    variants: dict[str, list[list[object]]] = {
        "group": [[code, "2025-Q1", "lansia", "pil_fe", 5, 4]],
        "group_typo": [[code, "2025-Q1", "ibu hamill", "pil_fe", 5, 4]],
        "service": [[code, "2025-Q1", "ibu_hamil", "vaksin_covid", 5, 4]],
        "service_wrong_group": [[code, "2025-Q1", "anak_2_6", "pil_fe", 5, 4]],
        "exceeds": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", 5, 6]],
        "exceeds_zero_due": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", 0, 1]],
        "negative": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", 5, -1]],
        "negative_due": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", -5, 0]],
        "text": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", "lima", 4]],
        "text_received": [[code, "2025-Q1", "ibu_hamil", "periksa_nifas", 5, "4 orang"]],
        "duplicate": [[code, "2025-Q1", "ibu_hamil", "pil_fe", 5, 3]],
        "duplicate_by_label": [[code, "Triwulan I 2025", "ibu_hamil", "Pil tambah darah (Fe)", 5, 3]],
        "month": [[code, "2025-02", "ibu_hamil", "periksa_nifas", 5, 4]],
        "month_name": [[code, "Agustus 2025", "ibu_hamil", "periksa_nifas", 5, 4]],
        "year": [[code, "2025", "ibu_hamil", "periksa_nifas", 5, 4]],
        "future": [[code, "2026-Q2", "ibu_hamil", "periksa_nifas", 5, 4]],
        "future_roman": [[code, "Triwulan IV 2027", "ibu_hamil", "periksa_nifas", 5, 4]],
        "unknown_code": [["99.01.09.2999", "2025-Q1", "ibu_hamil", "periksa_nifas", 5, 4]],
        "other_district": [["64.74.01.2001", "2025-Q1", "ibu_hamil", "periksa_nifas", 5, 4]],
    }
    return rows + variants[change]


REFUSALS = {
    "group": ("scorecard.unknown_group", 4, "kelompok_sasaran"),
    "group_typo": ("scorecard.unknown_group", 4, "kelompok_sasaran"),
    "service": ("scorecard.unknown_service", 4, "layanan"),
    "service_wrong_group": ("scorecard.unknown_service", 4, "layanan"),
    "exceeds": ("scorecard.received_exceeds", 4, "diterima"),
    "exceeds_zero_due": ("scorecard.received_exceeds", 4, "diterima"),
    "negative": ("indicators.negative", 4, "diterima"),
    "negative_due": ("indicators.negative", 4, "sasaran"),
    "text": ("indicators.not_a_number", 4, "sasaran"),
    "text_received": ("indicators.not_a_number", 4, "diterima"),
    "duplicate": ("scorecard.duplicate_service", 4, "kode_wilayah"),
    "duplicate_by_label": ("scorecard.duplicate_service", 4, "kode_wilayah"),
    "month": ("scorecard.not_quarter", 4, "periode"),
    "month_name": ("scorecard.not_quarter", 4, "periode"),
    "year": ("scorecard.not_quarter", 4, "periode"),
    "future": ("problem.period_future", 4, "periode"),
    "future_roman": ("problem.period_future", 4, "periode"),
    "unknown_code": ("indicators.unknown_code", 4, "kode_wilayah"),
    "other_district": ("indicators.outside_district", 4, "kode_wilayah"),
}


@pytest.mark.parametrize("change", list(REFUSALS))
def test_cvg104_scorecard_refusals_name_row_column_and_fix(villages: pd.DataFrame, change: str) -> None:
    key, row, column = REFUSALS[change]
    batch = _check(_csv(_bad(villages, change)), "scorecard_salah.csv", villages)
    assert [(p.key, p.row, p.column) for p in batch.errors] == [(key, row, column)]
    message = batch.errors[0].message("id")
    assert message.startswith("scorecard_salah.csv, baris 4")
    if change == "month":
        assert "tulis 2025-Q1" in message
    if change == "month_name":
        assert "tulis 2025-Q3" in message


def test_cvg105_scorecard_by_village_name(villages: pd.DataFrame) -> None:
    first = villages.sort_values("code").iloc[0]
    header = ("nama_desa", "kecamatan", "periode", "kelompok_sasaran", "layanan", "sasaran", "diterima")
    content = _csv([[first["name"], first["kecamatan_name"], "2025-Q1", "anak_2_6", "paud", 8, 6]], header)
    batch = _check(content, "nama.csv", villages)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert set(batch.observations["code"]) == {first["code"]}
    unknown = _check(_csv([["Desa Tidak Ada", first["kecamatan_name"], "2025-Q1", "anak_2_6", "paud", 8, 6]], header),
                     "nama.csv", villages)  # fmt: skip
    assert [p.row for p in unknown.errors] == [2]


def test_cvg106_wide_village_system_export_reads_as_the_template(villages: pd.DataFrame) -> None:
    """A village information system's wide export (a row per village and quarter, due and received columns per
    service) through the mapped-table route, summing columns per group, gives the template's observations."""
    codes = sorted(villages["code"].astype(str))[:2]
    long = pd.DataFrame(_filled_rows(codes), columns=["code", "period", "group", "service", "due", "received"])
    long["name"] = long["group"] + "_" + long["service"]
    wide = long.pivot(index=["code", "period"], columns="name", values=["due", "received"])
    wide.columns = [f"{pair[0]}_{pair[1]}" for pair in wide.columns]
    wide = wide.reset_index().rename(columns={"code": "kode_desa", "period": "triwulan"})
    fields: dict[str, str] = {"kode_wilayah": "kode_desa", "periode": "triwulan"}
    indicators = []
    for group, indicator in (("ibu_hamil", "konvergensi_ibu_hamil"), ("anak_0_23", "konvergensi_baduta"),
                             ("anak_2_6", "konvergensi_paud"), ("", "konvergensi_desa")):  # fmt: skip
        names = [f"{s.group}_{s.key}" for s in SERVICES if str(s.group).startswith(group)]
        indicators.append(IndicatorColumns(indicator, tuple(f"received_{n}" for n in names),
                                           tuple(f"due_{n}" for n in names)))  # fmt: skip
    fields.update(ColumnMapping(indicators=tuple(indicators)).as_fields())
    assert " + " in fields["konvergensi_desa.pembilang"]
    out = io.StringIO()
    wide.to_csv(out, index=False)
    batch = _check(out.getvalue().encode(), "sid_scorecard.csv", villages, mapping=fields)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.kind is DatasetKind.MAPPED
    template = _check(_csv(_filled_rows(codes)), "template.csv", villages)
    columns = ["code", "period", "indicator", "numerator", "denominator"]

    def sort(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[columns].sort_values(columns[:3]).reset_index(drop=True)

    pd.testing.assert_frame_equal(sort(batch.observations), sort(template.observations))
