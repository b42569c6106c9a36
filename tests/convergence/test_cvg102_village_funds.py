"""The Dana Desa import and the other offices' tidy rows (KRS, TPK, KPM, cadres): round trips and refusals."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.commands import import_indicators
from dashboard.data.importers.indicators import FORMATS, detect_format, prepare_indicator_import
from dashboard.data.importers.model import DatasetKind, IndicatorBatch
from dashboard.data.importers.village_funds import (
    VILLAGE_FUNDS_COLUMNS,
    blank_village_funds_csv,
    blank_village_funds_xlsx,
    parse_rupiah,
)
from dashboard.data.store import Store
from tests.convergence import test_cvg101_scorecard

# Shared with the scorecard tests: the demo district on each database, its villages, a fixed today (2026-02-10).
demo, villages, _today = test_cvg101_scorecard.demo, test_cvg101_scorecard.villages, test_cvg101_scorecard._today
DISTRICT = "99.01"
COLUMNS = ["code", "period", "indicator", "numerator", "denominator"]


def _check(content: bytes, name: str, villages: pd.DataFrame) -> IndicatorBatch:
    return prepare_indicator_import(content, name, villages, {}, district_code=DISTRICT)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[COLUMNS].astype({"numerator": float, "denominator": float})
    return out.sort_values(COLUMNS[:3]).reset_index(drop=True)


# Three villages: A allocates 250 of 1.250 million and spends 200; B allocates nothing (no spending row);
# C writes English thousands and a plain number.
FUNDS = [("Rp 1.250.000.000", "250.000.000", "Rp200.000.000"), ("980.500.000", "0", "0"),
         ("1,100,000,000", "110000000", "55.000.000")]  # fmt: skip


def _expected(codes: list[str]) -> pd.DataFrame:
    rows = [
        (codes[0], "2025", "dana_desa_stunting", 250_000_000.0, 1_250_000_000.0),
        (codes[0], "2025", "realisasi_dana_desa_stunting", 200_000_000.0, 250_000_000.0),
        (codes[1], "2025", "dana_desa_stunting", 0.0, 980_500_000.0),
        (codes[2], "2025", "dana_desa_stunting", 110_000_000.0, 1_100_000_000.0),
        (codes[2], "2025", "realisasi_dana_desa_stunting", 55_000_000.0, 110_000_000.0),
    ]
    return _sorted(pd.DataFrame(rows, columns=COLUMNS))


def _fill_csv(codes: list[str]) -> bytes:
    text = blank_village_funds_csv().decode()
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[c, "2025", *f] for c, f in zip(codes, FUNDS, strict=True)])
    return (text + out.getvalue()).encode()


def _fill_xlsx(codes: list[str]) -> bytes:
    book = load_workbook(io.BytesIO(blank_village_funds_xlsx()))
    sheet = book["dana_desa"]
    for code, funds in zip(codes, FUNDS, strict=True):
        sheet.append([code, 2025, *(parse_rupiah(v) for v in funds)])  # typed as numbers, as Excel keeps them
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_cvg110_village_funds_template_round_trip(demo: Store, suffix: str) -> None:
    villages = demo.villages(DISTRICT)
    codes = sorted(villages["code"].astype(str))[:3]
    content = _fill_csv(codes) if suffix == "csv" else _fill_xlsx(codes)
    batch = _check(content, f"dana_desa_2025.{suffix}", villages)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert (batch.kind, batch.extra["format"]) == (DatasetKind.DANA_DESA, "dana_desa")
    demo.commit_indicators(batch, "perencana.uji")
    stored = demo.observations(DISTRICT)
    stored = stored[stored["indicator"].str.contains("dana_desa") & stored["code"].isin(codes)]
    pd.testing.assert_frame_equal(_sorted(stored), _expected(codes), check_dtype=False)


def test_cvg111_rupiah_cells() -> None:
    assert parse_rupiah("Rp 1.250.000.000") == 1_250_000_000
    assert parse_rupiah("Rp. 1.250") == 1_250  # thousands, never 1,25 rupiah
    assert parse_rupiah("IDR 2,500,000") == 2_500_000
    assert parse_rupiah("-5.000") == -5_000
    assert [parse_rupiah(v) for v in ("", "satu juta", "1.25.000", "12,5 jt")] == [None] * 4


REFUSALS = {
    "over_fund": (["1.000.000", "2.000.000", "0"], "village_funds.allocation_exceeds", "alokasi_stunting"),
    "over_fund_rp": (["Rp 1.000.000", "Rp 1.000.001", "0"], "village_funds.allocation_exceeds", "alokasi_stunting"),
    "over_allocated": (["1.000.000", "100.000", "150.000"], "village_funds.spending_exceeds", "realisasi_stunting"),
    "negative_fund": (["-1.000.000", "0", "0"], "indicators.negative", "dana_desa"),
    "negative_spent": (["1.000.000", "10.000", "-1"], "indicators.negative", "realisasi_stunting"),
    "text": (["satu milyar", "0", "0"], "village_funds.not_rupiah", "dana_desa"),
    "text_allocated": (["1.000.000", "10 juta", "0"], "village_funds.not_rupiah", "alokasi_stunting"),
    "empty": (["1.000.000", "", "0"], "indicators.missing_value", "alokasi_stunting"),
    "zero_fund": (["0", "0", "0"], "village_funds.no_fund", "dana_desa"),
    "too_large": (["99.000.000.000.000", "0", "0"], "problem.count_too_large", "dana_desa"),
}
PERIODS = {
    "month": ("2025-03", "village_funds.not_year"),
    "quarter": ("2025-Q1", "village_funds.not_year"),
    "month_name": ("Maret 2025", "village_funds.not_year"),
    "future": ("2027", "problem.period_future"),
    "unreadable": ("TA 2025/2026", "indicators.bad_period"),
}


def _funds_file(code: str, year: str, amounts: list[str], extra: list[list[str]] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([list(VILLAGE_FUNDS_COLUMNS), [code, year, *amounts], *(extra or [])])
    return out.getvalue().encode()


@pytest.mark.parametrize("change", list(REFUSALS))
def test_cvg112_village_funds_amount_refusals(villages: pd.DataFrame, change: str) -> None:
    amounts, key, column = REFUSALS[change]
    batch = _check(_funds_file(sorted(villages["code"])[0], "2025", amounts), "dd.csv", villages)
    assert [(p.key, p.row, p.column) for p in batch.errors] == [(key, 2, column)]


@pytest.mark.parametrize("change", list(PERIODS))
def test_cvg113_village_funds_period_refusals(villages: pd.DataFrame, change: str) -> None:
    year, key = PERIODS[change]
    batch = _check(_funds_file(sorted(villages["code"])[0], year, ["1.000", "0", "0"]), "dd.csv", villages)
    assert [(p.key, p.row, p.column) for p in batch.errors] == [(key, 2, "tahun")]
    if key == "village_funds.not_year":
        assert "mis. 2025" in batch.errors[0].message("id")


def test_cvg114_village_funds_duplicates_and_unknown_villages(villages: pd.DataFrame) -> None:
    code = sorted(villages["code"])[0]
    twice = _check(_funds_file(code, "2025", ["1.000", "0", "0"], [[code, "2025", "2.000", "0", "0"]]), "dd.csv",
                   villages)  # fmt: skip
    assert [(p.key, p.row) for p in twice.errors] == [("indicators.duplicate_key", 3)]
    unknown = _check(_funds_file("99.01.09.2999", "2025", ["1.000", "0", "0"]), "dd.csv", villages)
    assert [p.key for p in unknown.errors] == ["indicators.unknown_code"]


def test_cvg115_formats_are_offered_everywhere() -> None:
    assert {"scorecard", "dana_desa"} <= set(FORMATS)
    assert import_indicators.FORMATS == FORMATS
    assert detect_format(list(VILLAGE_FUNDS_COLUMNS)) == "dana_desa"
    assert detect_format(["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"]) == "tidy"


TIDY_HEADER = "kode_wilayah,periode,indikator,pembilang,penyebut"


def test_cvg116_other_offices_tidy_rows_import(villages: pd.DataFrame) -> None:
    code = sorted(villages["code"])[0]
    lines = [TIDY_HEADER, f"{code},2025,keluarga_berisiko_stunting,41,230",
             f"{code},2025-Q2,pendampingan_krs,30,41", f"{code},2025,kader_terlatih,9,12",
             f"{code},2025,kpm_aktif,1,1", f"{code},2024,kpm_aktif,0,1"]  # fmt: skip
    batch = _check(("\n".join(lines) + "\n").encode(), "bkkbn.csv", villages)
    assert batch.ok, [p.message("en") for p in batch.problems]
    got = {(r.indicator, r.period): (r.numerator, r.denominator) for r in batch.observations.itertuples()}
    assert got == {("keluarga_berisiko_stunting", "2025"): (41, 230), ("pendampingan_krs", "2025-Q2"): (30, 41),
                   ("kader_terlatih", "2025"): (9, 12), ("kpm_aktif", "2025"): (1, 1),
                   ("kpm_aktif", "2024"): (0, 1)}  # fmt: skip


@pytest.mark.parametrize("counts", ["2,1", "1,2", "0,0", "1,0", "0.5,1", "3,5"])
def test_cvg117_kpm_aktif_is_one_of_one_or_zero_of_one(villages: pd.DataFrame, counts: str) -> None:
    code = sorted(villages["code"])[0]
    batch = _check(f"{TIDY_HEADER}\n{code},2025,kpm_aktif,{counts}\n".encode(), "kpm.csv", villages)
    assert [(p.key, p.row) for p in batch.errors] == [("village_fact.not_yes_no", 2)]
    assert "KPM aktif ditulis 1/1 (aktif) atau 0/1 (tidak)" in batch.errors[0].message("id")


def test_cvg118_data_page_offers_the_offices_templates(villages: pd.DataFrame) -> None:
    import base64

    from dashboard.data.importers.scorecard import blank_scorecard_csv
    from dashboard.ids import ID
    from dashboard.views.data_page.uploads import template_download

    buttons = (ID.TEMPLATE_SCORECARD_CSV, ID.TEMPLATE_SCORECARD_XLSX, ID.TEMPLATE_DANA_DESA_CSV,
               ID.TEMPLATE_DANA_DESA_XLSX)  # fmt: skip
    sent = {button: template_download(button) for button in buttons}
    assert [s["filename"] for s in sent.values()] == [
        "templat_scorecard_konvergensi_desa.csv", "templat_scorecard_konvergensi_desa.xlsx",
        "templat_dana_desa_stunting.csv", "templat_dana_desa_stunting.xlsx"]  # fmt: skip
    assert base64.b64decode(sent[ID.TEMPLATE_SCORECARD_CSV]["content"]) == blank_scorecard_csv()
    xlsx = base64.b64decode(sent[ID.TEMPLATE_DANA_DESA_XLSX]["content"])
    assert detect_format(list(pd.read_excel(io.BytesIO(xlsx), dtype=str).columns)) == "dana_desa"
