"""Other tables through a column mapping; detection; and every problem key having its texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dashboard
from dashboard.data.importers.indicators import (
    ColumnMapping,
    IndicatorColumns,
    detect_format,
    guess_mapping,
    prepare_indicator_import,
    suggest_mapping,
)
from dashboard.data.importers.model import DatasetKind
from dashboard.i18n import t
from dashboard.i18n.indicators import TEXTS as INDICATOR_TEXTS
from tests.indicators.helpers import BATU, DISTRICT, KALI, TANJUNG, csv_bytes, only, villages, xlsx_bytes

TABLE = [
    "Desa;Kecamatan;Bulan;Tahun;Air layak;Rumah tangga;KRS didampingi;KRS",
    "Tanjung Harapan;Mekar Sari;Agustus;2025;120;150;8;10",
    "Batu Putih;Mekar Sari;8;2025;90;90;0;4",
    "KALI JERNIH;Lembah Hijau;Agustus;2025;30,0;60;5;5",
]
FIELDS = {
    "nama_desa": "Desa",
    "kecamatan": "Kecamatan",
    "bulan": "Bulan",
    "tahun": "Tahun",
    "air_minum_layak.pembilang": "Air layak",
    "air_minum_layak.penyebut": "Rumah tangga",
    "pendampingan_krs.pembilang": "KRS didampingi",
    "pendampingan_krs.penyebut": "KRS",
}


def _import(fields: dict[str, str] | ColumnMapping, lines: list[str] = TABLE, **options: object):  # type: ignore[no-untyped-def]
    return prepare_indicator_import(csv_bytes(lines), "pdam.csv", villages(), {}, district_code=DISTRICT,
                                    mapping=fields, **options)  # type: ignore[arg-type]  # fmt: skip


def test_ind090_mapped_table_by_names_and_month_year_columns() -> None:
    batch = _import(FIELDS)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.kind is DatasetKind.MAPPED
    got = batch.observations.sort_values(["code", "indicator"])[["code", "period", "indicator", "numerator",
                                                                  "denominator"]].values.tolist()  # fmt: skip
    assert got == [
        [TANJUNG, "2025-08", "air_minum_layak", 120.0, 150.0],
        [TANJUNG, "2025-08", "pendampingan_krs", 8.0, 10.0],
        [BATU, "2025-08", "air_minum_layak", 90.0, 90.0],
        [BATU, "2025-08", "pendampingan_krs", 0.0, 4.0],
        [KALI, "2025-08", "air_minum_layak", 30.0, 60.0],
        [KALI, "2025-08", "pendampingan_krs", 5.0, 5.0],
    ]


def test_ind091_mapping_round_trips_between_its_two_forms() -> None:
    mapping = ColumnMapping.from_fields(FIELDS)
    assert mapping.village == "Desa" and mapping.month == "Bulan"
    assert mapping.indicators[0] == IndicatorColumns("air_minum_layak", ("Air layak",), ("Rumah tangga",))
    assert ColumnMapping.from_fields(mapping.as_fields()) == mapping
    assert _import(mapping).observations.shape == (6, 6)


def test_ind092_fixed_period_and_code_column() -> None:
    lines = ["Kode;Air;RT", f"{TANJUNG.replace('.', '')};5;10"]
    mapping = ColumnMapping(code="Kode", fixed_period="2024",
                            indicators=(IndicatorColumns("air_minum_layak", ("Air",), ("RT",)),))  # fmt: skip
    batch = _import(mapping, lines)
    assert batch.ok
    assert batch.observations[["code", "period", "numerator"]].values.tolist() == [[TANJUNG, "2024", 5.0]]


def test_ind093_incomplete_mapping_and_missing_columns_are_refused() -> None:
    batch = _import({"nama_desa": "Desa", "air_minum_layak.pembilang": "Air layak"})
    problem = only(batch.problems, "indicators.mapping_incomplete")
    assert "periode" in problem.reason("id") and "air_minum_layak.penyebut" in problem.reason("en")
    missing = _import({**FIELDS, "tahun": "Thn"})
    assert only(missing.problems, "indicators.mapping_column_missing").column == "Thn"


BAD_CELLS = [  # (water, households, KRS accompanied): one bad cell each, and the key that names it
    pytest.param("95", "90", "8", "indicators.mapped_exceeds", "Air layak", id="exceeds"),
    pytest.param("90", "90", "x", "indicators.mapped_bad_value", "KRS didampingi", id="unreadable"),
    pytest.param("90", "90", "-3", "indicators.mapped_bad_value", "KRS didampingi", id="negative"),
    pytest.param("90", "90", "inf", "indicators.mapped_bad_value", "KRS didampingi", id="infinite"),
    pytest.param("90", "1e20", "8", "problem.count_too_large", "Rumah tangga", id="too-large"),
    pytest.param("90", "90", "", "indicators.mapped_column_empty", "KRS didampingi", id="empty"),
]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(("water", "households", "accompanied", "key", "column"), BAD_CELLS)
def test_ind094_a_bad_cell_in_a_mapped_table_leaves_out_that_value_with_a_warning(
    form: str, water: str, households: str, accompanied: str, key: str, column: str
) -> None:
    """Issue 12, point 10: as in a Sigizi report, one bad cell is a warning and only its value is left out."""
    row = ["Batu Putih", "Mekar Sari", "8", "2025", water, households, accompanied, "10"]
    if form == "csv":
        content, name = csv_bytes([*TABLE[:2], ";".join(row), TABLE[3]]), "pdam.csv"
    else:
        table = [line.split(";") for line in (*TABLE[:2], ";".join(row), TABLE[3])]
        content, name = xlsx_bytes(table), "pdam.xlsx"
    batch = prepare_indicator_import(content, name, villages(), {}, district_code=DISTRICT, mapping=FIELDS)
    assert batch.ok and not batch.errors, [p.message("en") for p in batch.problems]
    warning = only(batch.problems, key)
    assert warning.column == column and (warning.row == 3 or key.endswith("column_empty"))
    assert "baris 3" in warning.message("id")
    got = {(c, i) for c, i in batch.observations[["code", "indicator"]].itertuples(index=False)}
    bad = "air_minum_layak" if column in ("Air layak", "Rumah tangga") else "pendampingan_krs"
    good = {"air_minum_layak", "pendampingan_krs"} - {bad}
    # The bad value only is left out: the row's other indicator and the other rows are imported.
    assert (BATU, bad) not in got and {(BATU, g) for g in good} <= got
    assert {(TANJUNG, "air_minum_layak"), (KALI, "pendampingan_krs")} <= got
    assert len(got) == 5


def test_ind095_guess_and_detect() -> None:
    columns = TABLE[0].split(";")
    guessed = guess_mapping(columns)
    assert (guessed.village, guessed.kecamatan, guessed.month, guessed.year) == ("Desa", "Kecamatan", "Bulan", "Tahun")
    assert detect_format(["KODE_WILAYAH", "Periode", "Indikator", "Pembilang", "Penyebut"]) == "tidy"
    assert detect_format(["Kelurahan", "Bulan", "Tahun", "Jml_Balita_Stunting"]) == "sigizi"
    assert detect_format(columns) is None
    suggested = suggest_mapping(["kode_wilayah", "periode", "stunting_pembilang", "stunting_penyebut"])
    expected = {"kode_wilayah": "kode_wilayah", "periode": "periode"}
    assert suggested == {
        **expected,
        "stunting.pembilang": "stunting_pembilang",
        "stunting.penyebut": "stunting_penyebut",
    }


def _keys_used() -> set[str]:
    root = Path(dashboard.__file__).parent / "data" / "importers"
    found: set[str] = set()
    for source in ("indicators.py", "names.py"):
        found |= set(re.findall(r'"((?:indicators|names)\.[a-z_]+)"', (root / source).read_text()))
    return found


@pytest.mark.parametrize("key", sorted(_keys_used()))
def test_ind096_problem_keys_have_reason_and_fix_in_both_languages(key: str) -> None:
    params = {"suffix": ".pdf", "error": "x", "columns": "a", "missing": "b", "expected": "c", "district": "99.01",
              "count": 2, "shown": 100, "name": "c", "rows": 2, "level": "kecamatan", "known": "stunting",
              "numerator": 3, "denominator": 2, "first": 2, "indicator": "stunting", "listed": "2, 3",
              "candidates": "-", "context": "-", "village": "V", "code": "99.01.01.2001", "score": "90%",
              "kind": "CSV", "limit": 2000, "row": 2, "total": 5, "sum": 4, "fixed": "2024",
              "header": 2, "last": 30}  # fmt: skip
    for lang in ("id", "en"):
        assert t(f"{key}.reason", lang, **params)
        assert t(f"{key}.fix", lang, **params)


def test_ind097_every_reason_has_a_fix() -> None:
    reasons = {key.removesuffix(".reason") for key in INDICATOR_TEXTS if key.endswith(".reason")}
    fixes = {key.removesuffix(".fix") for key in INDICATOR_TEXTS if key.endswith(".fix")}
    assert reasons == fixes
    assert len(_keys_used()) > 25
