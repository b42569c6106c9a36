"""The Sigizi-Kesga routine report: a synthetic excerpt checked by hand, and the real Bontang file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.boundaries import load_boundaries
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import DatasetKind, IndicatorBatch, Severity
from tests.indicators.helpers import AIR, BATU, DISTRICT, KALI, SUKAMAJU_HIJAU, TANJUNG, csv_bytes, only, villages

# The real report's layout (a subset of its 78 columns, in its order): names in capitals, Indonesian months,
# " -   " in percentage cells of a zero denominator, an empty cell where a month's report lacks the count.
HEADER = (
    "No,Provinsi,Kab_Kota,Kecamatan,Puskesmas,Kelurahan,Bulan,Tahun,Sasaran_Balita,Balita_Bulan_Ini,"
    "Balita_Ditimbang,Pct_Balita_Ditimbang,Balita_Ditimbang_Diukur,Balita_Diukur_PB_TB,Balita_Punya_KIA,"
    "Jml_Balita_Stunting,Pct_Balita_Stunting,Jml_Balita_Wasting,Jml_Balita_Underweight,Jml_Bayi_Dapat_IMD,"
    "Bayi_Baru_Lahir_Bulan_Ini_B,Pct_Bayi_Dapat_IMD,Jml_Bayi_6_11_Bulan,Jml_Bayi_6_11_Bulan_Vitamin_A,"
    "Jml_Anak_12_59_Bulan,Jml_Anak_12_59_Bulan_Vitamin_A,Waktu_Input"
)
ROWS = [
    "1,PROV UJI,KAB UJI,MEKAR SARI,MEKAR SARI I,TANJUNG HARAPAN,Februari,2025,90,100,95,95,95,90,99,18,20,4,9,3,4,75,"
    "10,9,80,70,5/3/2025 9:25",
    "2,PROV UJI,KAB UJI,MEKAR SARI,MEKAR SARI I,BATU PUTI,Februari,2025,60,50,40,80,40,40,50,8,20,2,5,0,0, -   ,"
    "0,0,0,0,5/3/2025 9:30",
    "3,PROV UJI,KAB UJI,LEMBAH HIJAU,LEMBAH HIJAU,Kel. Air Bening,Februari,2025,40,30,30,100,30,30,31,-,0,1,2,1,2,50,"
    "3,3,20,15,6/3/2025 7:50",
    "4,PROV UJI,KAB UJI,LEMBAH HIJAU,LEMBAH HIJAU,SUKAMAJU,Maret,2025,,70,60,85.71,,,,12,20,3,6,,,,,,,,",
]


def _report(**options: object) -> IndicatorBatch:
    content = csv_bytes([HEADER, *ROWS])
    return prepare_indicator_import(content, "laporan.csv", villages(), {}, district_code=DISTRICT, **options)  # type: ignore[arg-type]


def _value(batch: IndicatorBatch, code: str, indicator: str) -> tuple[float, float] | None:
    rows = batch.observations
    found = rows[(rows["code"] == code) & (rows["indicator"] == indicator)]
    return None if found.empty else (float(found["numerator"].iloc[0]), float(found["denominator"].iloc[0]))


def test_ind060_sigizi_columns_become_catalogue_indicators() -> None:
    batch = _report(accept_near=True)
    assert batch.ok, [p.message("en") for p in batch.problems if p.severity is Severity.ERROR]
    assert batch.kind is DatasetKind.SIGIZI
    assert batch.rows_read == 4
    assert _value(batch, TANJUNG, "stunting") == (18, 90)  # stunted / measured PB/TB
    assert _value(batch, TANJUNG, "wasting") == (4, 95)  # wasted / weighed and measured
    assert _value(batch, TANJUNG, "underweight") == (9, 95)  # underweight / weighed
    assert _value(batch, TANJUNG, "penimbangan") == (95, 100)  # D/S, S = children this month
    assert _value(batch, TANJUNG, "pengukuran") == (90, 100)
    assert _value(batch, TANJUNG, "buku_kia") == (99, 100)
    assert _value(batch, TANJUNG, "imd") == (3, 4)
    assert _value(batch, TANJUNG, "vitamin_a") == (79, 90)  # (6-11 + 12-59) over (6-11 + 12-59)
    assert set(batch.observations["period"]) == {"2025-02", "2025-03"}
    assert batch.extra["indicators_not_in_file"] == ["asi_eksklusif", "mp_asi"]  # their columns are absent


def test_ind061_dash_is_zero_and_zero_over_zero_is_no_observation() -> None:
    batch = _report(accept_near=True)
    assert _value(batch, AIR, "stunting") == (0, 30)  # "-" counted as zero
    assert _value(batch, BATU, "imd") is None  # no newborn: 0 over 0
    assert _value(batch, BATU, "vitamin_a") is None
    assert batch.extra["zero_over_zero"] == {**batch.extra["zero_over_zero"], "imd": 1}  # type: ignore[dict-item]


def test_ind062_a_bad_count_leaves_out_that_value_only() -> None:
    batch = _report(accept_near=True)
    assert _value(batch, AIR, "buku_kia") is None  # 31 with a KIA book of 30 children
    problem = only(batch.problems, "indicators.sigizi_exceeds")
    assert (problem.row, problem.column, problem.value, problem.severity) == (
        4,
        "Balita_Punya_KIA",
        "31",
        Severity.WARNING,
    )
    assert _value(batch, AIR, "stunting") == (0, 30)  # the row's other indicators are imported


def test_ind063_empty_count_of_a_month_leaves_out_its_indicators_with_one_warning_each() -> None:
    batch = _report(accept_near=True)
    assert _value(batch, SUKAMAJU_HIJAU, "underweight") == (6, 60)
    assert _value(batch, SUKAMAJU_HIJAU, "stunting") is None
    empty = [p for p in batch.problems if p.key == "indicators.sigizi_column_empty"]
    assert {dict(p.params)["indicator"] for p in empty} == {"stunting", "wasting", "pengukuran", "buku_kia", "imd",
                                                             "vitamin_a"}  # fmt: skip
    assert all(p.severity is Severity.WARNING and dict(p.params)["listed"] == "5" for p in empty)


def test_ind064_near_name_without_acceptance_is_a_suggestion_and_refuses_the_file() -> None:
    batch = _report()
    assert not batch.ok
    problem = only(batch.problems, "names.unconfirmed")
    assert (problem.row, problem.column, problem.value) == (3, "Kelurahan", "BATU PUTI")
    assert "Batu Putih" in problem.reason("id")
    [suggestion] = batch.suggestions
    assert (suggestion.raw_name, suggestion.candidates[0], suggestion.rows) == ("BATU PUTI", BATU, (3,))
    assert suggestion.context == "MEKAR SARI"


def test_ind065_accepted_and_confirmed_names_become_aliases() -> None:
    accepted = _report(accept_near=True)
    assert accepted.new_aliases == {(DISTRICT, "batu puti"): BATU}
    assert accepted.matched_by_near_name == 1
    assert only(accepted.problems, "names.near_accepted").severity is Severity.WARNING
    confirmed = _report(confirmed={"BATU PUTI": BATU})
    assert confirmed.ok and confirmed.new_aliases == {(DISTRICT, "batu puti"): BATU}
    aliased = prepare_indicator_import(
        csv_bytes([HEADER, *ROWS]), "laporan.csv", villages(), accepted.new_aliases, district_code=DISTRICT
    )
    assert aliased.ok and aliased.matched_by_alias == 1 and not aliased.new_aliases


def test_ind066_skip_unmatched_imports_the_rest_and_lists_what_it_skipped() -> None:
    batch = _report(skip_unmatched=True)
    assert batch.ok
    assert batch.skipped_rows == 1
    problem = only(batch.problems, "names.skipped")
    assert (problem.row, problem.value, problem.severity) == (3, "BATU PUTI", Severity.WARNING)
    assert BATU not in set(batch.observations["code"])
    assert KALI not in set(batch.observations["code"])


def test_ind067_unmatched_name_is_an_error_naming_its_rows() -> None:
    content = csv_bytes([HEADER, ROWS[0].replace("TANJUNG HARAPAN", "ENTAH BERANTAH")])
    batch = prepare_indicator_import(content, "laporan.csv", villages(), {}, district_code=DISTRICT)
    problem = only(batch.problems, "names.unmatched")
    assert (problem.row, problem.column, problem.value) == (2, "Kelurahan", "ENTAH BERANTAH")
    assert "MEKAR SARI" in problem.reason("en")


# ---------------------------------------------------------------------------------------------- real data


@pytest.fixture(scope="module")
def bontang(shared_data: Path) -> tuple[pd.DataFrame, Path]:
    boundary = load_boundaries(shared_data / "boundaries" / "desa_kota6474_bontang.geojson")
    return pd.DataFrame(
        boundary.drop(columns="geometry")
    ), shared_data / "indicators" / "bontang_laporan_gizi_2025_2026.csv"


@pytest.mark.realdata
def test_ind080_bontang_all_15_kelurahan_and_the_january_stunting_sums(bontang: tuple[pd.DataFrame, Path]) -> None:
    village_frame, report = bontang
    batch = prepare_indicator_import(report.read_bytes(), report.name, village_frame, {}, district_code="64.74",
                                     accept_near=True)  # fmt: skip
    assert batch.ok, [p.message("en") for p in batch.errors]
    assert batch.kind is DatasetKind.SIGIZI and batch.rows_read == 225
    assert batch.observations["code"].nunique() == 15
    assert set(batch.new_aliases.values()) == {"64.74.02.1002", "64.74.02.1003"}  # Berbas Tengah / Pantai
    assert batch.new_aliases[("64.74", "berebas pantai")] == "64.74.02.1003"
    assert batch.matched_by_near_name == 30  # 2 names x 15 months
    obs = batch.observations
    january = obs[(obs["period"] == "2025-01") & (obs["indicator"] == "stunting")]
    source = pd.read_csv(report)
    rows = source[(source["Bulan"] == "Januari") & (source["Tahun"] == 2025)]
    assert january["code"].nunique() == 15
    assert january["numerator"].sum() == rows["Jml_Balita_Stunting"].sum()
    assert january["denominator"].sum() == rows["Balita_Diukur_PB_TB"].sum()
    assert obs["period"].min() == "2025-01" and obs["period"].max() == "2026-03"


@pytest.mark.realdata
def test_ind081_bontang_through_saved_aliases_and_refused_without(bontang: tuple[pd.DataFrame, Path]) -> None:
    village_frame, report = bontang
    refused = prepare_indicator_import(report.read_bytes(), report.name, village_frame, {}, district_code="64.74")
    assert not refused.ok
    assert sorted(s.raw_name for s in refused.suggestions) == ["BEREBAS PANTAI", "BEREBAS TENGAH"]
    assert {s.candidates[0] for s in refused.suggestions} == {"64.74.02.1002", "64.74.02.1003"}
    aliases = {("64.74", "berebas pantai"): "64.74.02.1003", ("64.74", "berebas tengah"): "64.74.02.1002"}
    batch = prepare_indicator_import(report.read_bytes(), report.name, village_frame, aliases, district_code="64.74")
    assert batch.ok and batch.matched_by_alias == 30
    assert batch.observations["code"].nunique() == 15
