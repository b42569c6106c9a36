"""Issue 12, the indicator importer: header variants, Indonesian numbers, totals and title rows, float codes,
mapped tables, short messages. Generated variants for each kind, and the field cases of ``../shared/cases``."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.codes import normalise_code
from dashboard.data.boundaries import load_boundaries
from dashboard.data.importers.indicators import (
    MAX_CELL_SHOWN,
    ColumnMapping,
    IndicatorColumns,
    detect_format,
    prepare_indicator_import,
    read_table,
)
from dashboard.data.importers.model import IndicatorBatch, Severity
from tests.conftest import SHARED_DATA
from tests.indicators.helpers import (
    AIR,
    BATU,
    DISTRICT,
    KALI,
    TANJUNG,
    TIDY_HEADER,
    csv_bytes,
    only,
    tidy,
    villages,
    xlsx_bytes,
)

CASES = SHARED_DATA.parent / "cases"


def _import(content: bytes, name: str = "laporan.csv", **options: object) -> IndicatorBatch:
    return prepare_indicator_import(content, name, villages(), {}, district_code=DISTRICT, **options)  # type: ignore[arg-type]


def _value(batch: IndicatorBatch, code: str, indicator: str) -> tuple[float, float] | None:
    rows = batch.observations
    found = rows[(rows["code"] == code) & (rows["indicator"] == indicator)]
    return None if found.empty else (float(found["numerator"].iloc[0]), float(found["denominator"].iloc[0]))


def _messages(batch: IndicatorBatch) -> list[str]:
    return [p.message(lang) for p in batch.problems for lang in ("id", "en")]


# ---------------------------------------------------------------------------------------------- 1. header variants

# (stunted, measured, weighed, this month) header spellings as exports write them.
SPELLINGS = {
    "sigizi": ("Jml_Balita_Stunting", "Balita_Diukur_PB_TB", "Balita_Ditimbang", "Balita_Bulan_Ini"),
    "jumlah": ("Jumlah_balita_stunting", "Jumlah_balita_diukur_PBTB", "Jumlah_balita_ditimbang",
               "Jumlah_balita_bulan_ini"),
    "upper spaces": ("JUMLAH BALITA STUNTING", "JUMLAH BALITA DIUKUR PB-TB", "JUMLAH BALITA DITIMBANG",
                     "JUMLAH BALITA BULAN INI"),
    "hyphens": ("jml-balita-stunting", "balita-diukur-pb-tb", "balita-ditimbang", "balita-bulan-ini"),
    "camel": ("JumlahBalitaStunting", "JumlahBalitaDiukurPBTB", "JumlahBalitaDitimbang", "JumlahBalitaBulanIni"),
    "glued": ("jmlbalitastunting", "balitadiukurpb/tb", "jmlbalitaditimbang", "balita bulan ini"),
}  # fmt: skip


@pytest.mark.parametrize("style", sorted(SPELLINGS))
def test_i12_001_sigizi_header_spellings_are_one_report(style: str) -> None:
    stunted, measured, weighed, month_total = SPELLINGS[style]
    lines = [f"Kecamatan,Kelurahan,Bulan,Tahun,{stunted},{measured},{weighed},{month_total},Catatan",
             "Mekar Sari,Tanjung Harapan,Februari,2025,18,90,95,100,ok"]  # fmt: skip
    batch = _import(csv_bytes(lines))
    assert batch.ok, _messages(batch)
    assert batch.extra["format"] == "sigizi"
    assert _value(batch, TANJUNG, "stunting") == (18, 90)
    assert _value(batch, TANJUNG, "pengukuran") == (90, 100)
    assert batch.extra["ignored_columns"] == ["Catatan"]
    assert "Catatan" in only(batch.problems, "indicators.columns_ignored").reason("en")


def test_i12_002_every_ignored_column_is_listed_thirty_names_a_message() -> None:
    extra = [f"Kolom_Lain_{i}" for i in range(45)]
    lines = [",".join(["Kelurahan", "Bulan", "Tahun", "Jml_Balita_Stunting", "Balita_Diukur_PB_TB", *extra]),
             ",".join(["Tanjung Harapan", "2", "2025", "18", "90", *["1"] * 45])]  # fmt: skip
    batch = _import(csv_bytes(lines))
    assert batch.ok and batch.extra["ignored_columns"] == extra
    notes = [p for p in batch.problems if p.key == "indicators.columns_ignored_part"]
    assert len(notes) == 2 and all(p.severity is Severity.WARNING for p in notes)
    # Each part says which it is, so two messages never read as two lists of 45.
    assert [p.reason("id").split(":")[0] for p in notes] == [
        "45 kolom tidak dipakai (1–30)",
        "45 kolom tidak dipakai (31–45)",
    ]
    listed = " ".join(p.reason("en") for p in notes)
    assert re.findall(r"Kolom_Lain_\d+", listed) == extra


MONTHS_ONLY = [
    "Kelurahan,Bulan,Jml_Balita_Stunting,Balita_Diukur_PB_TB",
    "Tanjung Harapan,1,18,90",
    "Tanjung Harapan,Februari,17,91",
]


def test_i12_003_months_without_a_year_take_the_year_given() -> None:
    refused = _import(csv_bytes(MONTHS_ONLY))
    assert not refused.ok
    assert "--year" in only(refused.problems, "indicators.sigizi_no_year").fix("en")
    batch = _import(csv_bytes(MONTHS_ONLY), year=2025)
    assert batch.ok, _messages(batch)
    got = batch.observations[batch.observations["indicator"] == "stunting"]
    assert sorted(got["period"]) == ["2025-01", "2025-02"]


def test_i12_004_a_year_column_wins_over_the_year_given_with_a_warning() -> None:
    lines = ["Kelurahan,Bulan,Tahun,Jml_Balita_Stunting,Balita_Diukur_PB_TB", "Tanjung Harapan,3,2024,18,90"]
    batch = _import(csv_bytes(lines), year=2025)
    assert batch.ok
    assert set(batch.observations["period"]) == {"2024-03"}
    assert only(batch.problems, "indicators.year_column_wins").severity is Severity.WARNING


def test_i12_005_detect_format_knows_the_variants() -> None:
    assert detect_format(["Kelurahan", "Bulan", "Jumlah_balita_stunting"]) == "sigizi"
    assert detect_format(["Kelurahan", "Bulan", "Tahun", "JUMLAH BALITA DIUKUR PB-TB"]) == "sigizi"


# ---------------------------------------------------------------------------------------------- 2. number formats


def test_i12_010_tidy_thousands_dots_are_whole_counts() -> None:
    batch = tidy([f"{TANJUNG},2025-02,stunting,1.050,2.100"])
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == (1050, 2100)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("1.050", "2.100", (1050, 2100)),  # a count is whole: only thousands
        ('"1,050"', '"2,100"', (1050, 2100)),  # the English grouping, by the same rule
        ("1.050", "2.100.000", (1050, 2100000)),  # several groups: thousands
        ('"1.050"', '"1.234,0"', (1050, 1234)),  # a decimal comma in the column settles it
        ("105", "1.234.567", (105, 1234567)),
        ("1 050", "2 100", (1050, 2100)),  # a space between thousands
    ],
)
def test_i12_011_number_format_variants(numerator: str, denominator: str, expected: tuple[float, float]) -> None:
    batch = tidy([f"{TANJUNG},2025-02,stunting,{numerator},{denominator}"])
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == expected


def test_i12_012_whole_file_evidence_decides_a_column_that_cannot() -> None:
    # "2.000" alone is 2 or 2000; the percentages' decimal commas say dots group thousands.
    header = "Kelurahan;Bulan;Tahun;Jml_Balita_Stunting;Pct_Balita_Stunting;Balita_Diukur_PB_TB"
    batch = _import(csv_bytes([header, "Tanjung Harapan;2;2025;300;15,00;2.000"]))
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == (300, 2000)
    # The same cell in a file of decimal dots is a fraction: 300 over 2 is refused with a warning, not 300/2000.
    english = _import(csv_bytes([header, "Tanjung Harapan;2;2025;300;15.00;2.000"]))
    assert _value(english, TANJUNG, "stunting") is None
    assert only(english.problems, "indicators.sigizi_exceeds").severity is Severity.WARNING


def test_i12_014_a_count_the_file_would_make_a_fraction_is_refused() -> None:
    # Decimal dots elsewhere say 1.207 is 1.207; a count of children is whole: the column is refused, not stored.
    header = "Kelurahan,Bulan,Tahun,Jml_Balita_Stunting,Pct_Balita_Stunting,Balita_Diukur_PB_TB"
    batch = _import(csv_bytes([header, 'Tanjung Harapan,2,2025,190,15.74,"1.207"']))
    assert not batch.ok
    assert only(batch.problems, "indicators.ambiguous_numbers").column == "Balita_Diukur_PB_TB"
    indonesian = _import(csv_bytes([header.replace(",", ";"), "Tanjung Harapan;2;2025;190;15,74;1.207"]))
    assert indonesian.ok and _value(indonesian, TANJUNG, "stunting") == (190, 1207)


@pytest.mark.parametrize("cells", [("2.000", "3.000"), ("1.207", "1,207")])
def test_i12_013_an_ambiguous_column_is_refused_with_a_message(cells: tuple[str, str]) -> None:
    batch = tidy([f'{TANJUNG},2025-02,stunting,5,"{cells[0]}"', f'{BATU},2025-02,stunting,6,"{cells[1]}"'])
    assert not batch.ok
    problem = only(batch.problems, "indicators.ambiguous_numbers")
    assert problem.column == "penyebut" and problem.value in cells


# ---------------------------------------------------------------------------------------------- 3. totals, titles

SIGIZI_HEADER = "No,Kecamatan,Kelurahan,Bulan,Tahun,Jml_Balita_Stunting,Balita_Diukur_PB_TB"
SIGIZI_ROWS = [
    "1,Mekar Sari,Tanjung Harapan,Februari,2025,18,90",
    "2,Mekar Sari,Batu Putih,Februari,2025,8,40",
    "3,Lembah Hijau,Kali Jernih,Februari,2025,4,30",
]


@pytest.mark.parametrize("label", ["JUMLAH", "Total", "TOTAL KABUPATEN", "Grand Total", "Jumlah Total", "JML"])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_i12_020_a_totals_row_is_skipped_with_a_note_and_checked(label: str, where: str) -> None:
    total = f",,{label},Februari,2025,30,160"
    lines = [SIGIZI_HEADER, total, *SIGIZI_ROWS] if where == "top" else [SIGIZI_HEADER, *SIGIZI_ROWS, total]
    batch = _import(csv_bytes(lines))
    assert batch.ok, _messages(batch)
    assert batch.observations["code"].nunique() == 3
    note = only(batch.problems, "indicators.total_row_skipped")
    assert (note.row, note.value, note.severity) == (2 if where == "top" else 5, label, Severity.WARNING)
    assert not [p for p in batch.problems if p.key == "indicators.total_mismatch"]


def test_i12_021_a_total_that_is_not_the_sum_is_a_warning() -> None:
    batch = _import(csv_bytes([SIGIZI_HEADER, *SIGIZI_ROWS, "JUMLAH,,,Februari,2025,31,160"]))
    assert batch.ok
    problem = only(batch.problems, "indicators.total_mismatch")
    assert (problem.row, problem.column, problem.severity) == (5, "Jml_Balita_Stunting", Severity.WARNING)
    assert dict(problem.params) == {"total": "31", "sum": "30", "rows": 3}


def test_i12_022_sub_totals_are_checked_against_the_rows_above_them() -> None:
    lines = [SIGIZI_HEADER, *SIGIZI_ROWS[:2], ",Mekar Sari,SUB TOTAL,Februari,2025,26,130", SIGIZI_ROWS[2],
             ",Lembah Hijau,Sub-Jumlah,Februari,2025,5,30", ",,JUMLAH,Februari,2025,30,160"]  # fmt: skip
    batch = _import(csv_bytes(lines))
    assert batch.ok
    assert len([p for p in batch.problems if p.key == "indicators.total_row_skipped"]) == 3
    [mismatch] = [p for p in batch.problems if p.key == "indicators.total_mismatch"]
    assert (mismatch.row, dict(mismatch.params)["sum"]) == (6, "4")  # 5 written over Kali Jernih's 4


@pytest.mark.parametrize("titles", [1, 2])
def test_i12_023_title_lines_above_the_header_are_skipped(titles: int) -> None:
    title = ["LAPORAN RUTIN GIZI BALITA,,,,,,", ",,KABUPATEN UJI FEBRUARI 2025,,,,"][:titles]
    batch = _import(csv_bytes([*title, SIGIZI_HEADER, *SIGIZI_ROWS]))
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == (18, 90)
    assert set(batch.observations["source_row"]) == {titles + 2, titles + 3, titles + 4}
    assert only(batch.problems, "indicators.header_row_found").params == (("header", titles + 1),)


def test_i12_024_blank_header_cells_never_print_nan() -> None:
    table = read_table(csv_bytes(["a,,c", "1,2,3"]), "x.csv")
    assert list(table.columns) == ["a", "kolom 2", "c"]
    batch = _import(csv_bytes(["JUDUL,,", "x,,y", "1,2,3"]))
    assert not any(re.search(r"\bnan\b", message) for message in _messages(batch))


# ---------------------------------------------------------------------------------------------- 4. float codes


@pytest.mark.parametrize("written", ["9901012002.0", "9901012002.00", "9.901012002E+09", "9901012002"])
def test_i12_030_codes_through_a_float_column_in_every_layout(written: str) -> None:
    assert normalise_code(written) == TANJUNG
    csv_tidy = tidy([f"{written},2025-02,stunting,5,10"])
    xlsx_tidy = _import(xlsx_bytes([TIDY_HEADER.split(","), [written, "2025-02", "stunting", 5, 10]]), "t.xlsx")
    sigizi = _import(csv_bytes(["Kode_Desa,Bulan,Tahun,Jml_Balita_Stunting,Balita_Diukur_PB_TB",
                                f"{written},2,2025,5,10"]))  # fmt: skip
    mapped = _import(
        csv_bytes(["Kode;Air;RT", f"{written};5;10"]),
        mapping=ColumnMapping(
            code="Kode", fixed_period="2024", indicators=(IndicatorColumns("air_minum_layak", ("Air",), ("RT",)),)
        ),
    )
    for batch, indicator in ((csv_tidy, "stunting"), (xlsx_tidy, "stunting"), (sigizi, "stunting"),
                             (mapped, "air_minum_layak")):  # fmt: skip
        assert batch.ok, _messages(batch)
        assert _value(batch, TANJUNG, indicator) == (5, 10)


# ---------------------------------------------------------------------------------------------- 10. mapped tables

MEASURED = ["Desa;Bulan;Tahun;Stunting;Diukur;Sasaran", "Tanjung Harapan;2;2025;18;90;100",
            "Batu Putih;2;2025;8;40;50"]  # fmt: skip
ONE_COLUMN_TWO_ROLES = {"nama_desa": "Desa", "bulan": "Bulan", "tahun": "Tahun", "stunting.pembilang": "Stunting",
                        "stunting.penyebut": "Diukur", "pengukuran.pembilang": "Diukur",
                        "pengukuran.penyebut": "Sasaran"}  # fmt: skip


def test_i12_040_one_column_feeds_several_indicators() -> None:
    batch = _import(csv_bytes(MEASURED), "tabel.csv", mapping=ONE_COLUMN_TWO_ROLES)
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == (18, 90)
    assert _value(batch, TANJUNG, "pengukuran") == (90, 100)
    assert _value(batch, BATU, "pengukuran") == (40, 50)


def test_i12_041_a_fixed_period_never_silently_overrides_a_month_column() -> None:
    both = {**ONE_COLUMN_TWO_ROLES, "periode_tetap": "2025-03"}
    refused = _import(csv_bytes(MEASURED), "tabel.csv", mapping=both)
    assert not refused.ok
    assert only(refused.problems, "indicators.fixed_period_conflict").column == "Bulan"
    unmapped = {k: v for k, v in both.items() if k not in ("bulan", "tahun")}
    warned = _import(csv_bytes(MEASURED), "tabel.csv", mapping=unmapped)
    assert warned.ok and set(warned.observations["period"]) == {"2025-03"}
    problem = only(warned.problems, "indicators.fixed_period_conflict")
    assert (problem.column, problem.severity) == ("Bulan", Severity.WARNING)


@pytest.mark.parametrize("bad", ["x", "-3", "95"])
def test_i12_042_one_bad_cell_is_reported_the_same_in_csv_and_xlsx(bad: str) -> None:
    # The same cell, row and key whatever the format. Still an error in a mapped table: making it a warning with
    # the value left out (as in the Sigizi path) changes tests/store/test_store100_plausibility.py (see report).
    rows = [line.split(";") for line in MEASURED]
    rows[2][4] = bad  # Batu Putih measured: unreadable, negative, or above its Sasaran (95 > 50)
    as_csv = _import(csv_bytes([";".join(r) for r in rows]), "tabel.csv", mapping=ONE_COLUMN_TWO_ROLES)
    as_xlsx = _import(xlsx_bytes(rows), "tabel.xlsx", mapping=ONE_COLUMN_TWO_ROLES)
    for batch in (as_csv, as_xlsx):
        assert [p.row for p in batch.problems] and {p.row for p in batch.problems} == {3}
        assert _value(batch, TANJUNG, "stunting") == (18, 90)  # the other rows are read
        assert _value(batch, BATU, "pengukuran") is None
    assert [(p.key, p.row, p.column, p.value) for p in as_csv.problems] == [
        (p.key, p.row, p.column, p.value) for p in as_xlsx.problems
    ]


# ---------------------------------------------------------------------------------------------- 11. short messages


def test_i12_050_a_huge_cell_is_never_echoed_in_full() -> None:
    huge = "A" * 10_000_000
    batch = tidy([f"{huge},2025-02,stunting,5,10", f"{TANJUNG},2025-02,{huge},5,10"])
    assert not batch.ok
    assert all(len(p.value or "") <= MAX_CELL_SHOWN for p in batch.problems)
    assert max(len(m) for m in _messages(batch)) < 2000
    header = _import(csv_bytes([",".join(["B" * 1_000_000, *[f"k{i}" for i in range(100)]]), "1"]))
    assert max(len(m) for m in _messages(header)) < 3000
    assert "(+71)" in only(header.problems, "indicators.unknown_layout").reason("en")


@pytest.mark.parametrize(
    ("content", "name", "key"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "data.csv", "indicators.not_csv"),
        (xlsx_bytes([["a"]]), "data.csv", "indicators.not_csv"),  # a workbook named .csv
        (b"kode_wilayah,periode\n1,2\n", "data.xlsx", "indicators.not_xlsx"),  # text named .xlsx
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "data.xlsx", "indicators.not_xlsx"),  # an old .xls
    ],
)
def test_i12_051_binary_data_says_what_it_is_not(content: bytes, name: str, key: str) -> None:
    batch = _import(content, name)
    problem = only(batch.problems, key)
    assert ("CSV" if key.endswith("csv") else "XLSX") in problem.reason("en")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-8-sig"])
def test_i12_052_utf16_and_latin1_are_read(encoding: str) -> None:
    lines = [TIDY_HEADER, f"{TANJUNG},Februari 2025,stunting,5,10", f"{KALI},2025-02,stunting,1,2",
             "# catatan: Désa baru, perhitungan ulang"]  # fmt: skip
    batch = _import(csv_bytes(lines, encoding))
    assert batch.ok, _messages(batch)
    assert _value(batch, TANJUNG, "stunting") == (5, 10) and _value(batch, KALI, "stunting") == (1, 2)


def test_i12_053_a_hundred_thousand_columns_are_refused_before_parsing() -> None:
    # Not timed here (benchmarks/bench_import.py measures it); the refusal and its message are the test.
    wide = csv_bytes([",".join(f"c{i}" for i in range(100_000)), ",".join("1" for _ in range(100_000))])
    batch = _import(wide)
    problem = only(batch.problems, "indicators.too_many_columns")
    assert dict(problem.params)["count"] == 100_000
    assert len(problem.message("en")) < 400


# ---------------------------------------------------------------------------------------------- the field cases


@pytest.fixture(scope="module")
def bontang(shared_data: Path) -> pd.DataFrame:
    if not CASES.is_dir():
        pytest.skip(f"field cases not found at {CASES}")
    boundary = load_boundaries(shared_data / "boundaries" / "desa_kota6474_bontang.geojson")
    return pd.DataFrame(boundary.drop(columns="geometry"))


def _case(villages_frame: pd.DataFrame, name: str, **options: object) -> IndicatorBatch:
    path = CASES / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return prepare_indicator_import(path.read_bytes(), path.name, villages_frame, {}, district_code="64.74",
                                    accept_near=True, **options)  # type: ignore[arg-type]  # fmt: skip


def _sums(batch: IndicatorBatch, period: str, indicator: str = "stunting") -> tuple[float, float, int]:
    obs = batch.observations
    rows = obs[(obs["period"] == period) & (obs["indicator"] == indicator)]
    return float(rows["numerator"].sum()), float(rows["denominator"].sum()), int(rows["code"].nunique())


@pytest.mark.realdata
def test_i12_100_case_sigizi_jumlah_headers(bontang: pd.DataFrame) -> None:
    assert not _case(bontang, "sigizi_jumlah_headers.csv").ok  # no year column, no year given
    batch = _case(bontang, "sigizi_jumlah_headers.csv", year=2025)
    assert batch.ok, [p.message("en") for p in batch.errors]
    assert _sums(batch, "2025-01") == (1437, 8477, 15)
    ignored = batch.extra["ignored_columns"]
    assert "Jumlah_sasaran_balita" in ignored and "Jumlah_balita_overweight" in ignored
    listed = " ".join(p.reason("en") for p in batch.problems if p.key == "indicators.columns_ignored")
    assert all(column in listed for column in ignored)


@pytest.mark.realdata
def test_i12_101_case_thousands_dot(bontang: pd.DataFrame) -> None:
    batch = _case(bontang, "s1_sigizi_thousands_dot_min.csv")
    assert batch.ok
    assert _value(batch, "64.74.01.1003", "stunting") == (190, 1207)  # Lok Tuan, November 2025
    values = batch.observations[["numerator", "denominator"]].to_numpy()
    assert (values == values.round()).all()  # nothing stored as a fraction


@pytest.mark.realdata
def test_i12_102_case_totals_row(bontang: pd.DataFrame) -> None:
    batch = _case(bontang, "t1_sigizi_total_row.csv")
    assert batch.ok, [p.message("en") for p in batch.errors]
    assert only(batch.problems, "indicators.total_row_skipped").value == "JUMLAH"
    assert not [p for p in batch.problems if p.key == "indicators.total_mismatch"]
    assert _sums(batch, "2025-11") == (1523, 9707, 15)


@pytest.mark.realdata
def test_i12_103_case_title_row(bontang: pd.DataFrame) -> None:
    batch = _case(bontang, "t1b_sigizi_title_row.csv")
    assert batch.ok, [p.message("en") for p in batch.errors]
    assert batch.extra["header_row"] == 2
    assert not any(re.search(r"\bnan\b", p.message(lang)) for p in batch.problems for lang in ("id", "en"))
    assert batch.observations["code"].nunique() == 15


@pytest.mark.realdata
def test_i12_104_case_code_trailing_dot0(bontang: pd.DataFrame) -> None:
    batch = _case(bontang, "c1_code_trailing_dot0.csv")
    assert batch.ok
    assert _value(batch, "64.74.01.1001", "stunting") == (12, 85)


def test_i12_105_air_is_a_kelurahan_in_the_helpers() -> None:
    assert AIR.endswith(".1003")  # the invented district used above is the helpers' one


def test_i12_054_a_too_wide_xlsx_is_refused_from_its_first_rows() -> None:
    wide = xlsx_bytes([[f"c{i}" for i in range(2_001)], [1] * 2_001])
    assert only(_import(wide, "lebar.xlsx").problems, "indicators.too_many_columns").params[0] == ("count", 2_001)


@pytest.mark.parametrize("label", ["JUMLAH", "TOTAL", "Sub Total"])
def test_i12_025_totals_rows_in_the_template_and_in_mapped_tables(label: str) -> None:
    batch = tidy([f"{TANJUNG},2025-02,stunting,5,10", f"{BATU},2025-02,stunting,1,20",
                  f"{label},2025-02,stunting,6,31"])  # fmt: skip
    assert batch.ok, _messages(batch)
    assert only(batch.problems, "indicators.total_row_skipped").row == 4
    mismatch = only(batch.problems, "indicators.total_mismatch")
    assert (mismatch.column, dict(mismatch.params)["sum"]) == ("penyebut", "30")
    mapped = _import(csv_bytes([*MEASURED, f"{label};2;2025;26;130;150"]), "tabel.csv", mapping=ONE_COLUMN_TWO_ROLES)
    assert mapped.ok, _messages(mapped)
    assert only(mapped.problems, "indicators.total_row_skipped").value == label
    assert not [p for p in mapped.problems if p.key == "indicators.total_mismatch"]
    assert set(mapped.observations["code"]) == {TANJUNG, BATU}


@pytest.mark.realdata
def test_i12_106_case_sigizi_jumlah_headers_through_the_command_with_year(
    cli_url: str, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard.cli import main
    from dashboard.data.store import Store

    report = CASES / "sigizi_jumlah_headers.csv"
    if not report.is_file():
        pytest.skip(f"{report} not found")
    assert main(["import-boundaries", str(shared_data / "boundaries" / "desa_kota6474_bontang.geojson")]) == 0
    assert main(["import-indicators", str(report), "--wilayah", "64.74", "--yes"]) != 0  # no year: refused
    assert "--year" in capsys.readouterr().err
    assert main(["import-indicators", str(report), "--wilayah", "64.74", "--yes", "--year", "2025"]) == 0
    with Store.open(cli_url) as store:
        observations = store.observations("64.74")
    january = observations[(observations["period"] == "2025-01") & (observations["indicator"] == "stunting")]
    assert (january["numerator"].sum(), january["denominator"].sum(), january["code"].nunique()) == (1437, 8477, 15)
