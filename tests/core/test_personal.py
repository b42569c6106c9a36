"""Personal columns in previews: every spelling of a personal header, personal content under any header,
and no village table, code, count, period or measurement date mistaken for one.

All names, NIKs and phone numbers here are invented.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core.personal import drop_personal, personal_columns
from dashboard.data.importers.indicators import read_table_preview

TODAY = date(2025, 9, 1)
INDICATORS = Path(__file__).resolve().parents[3] / "shared" / "data" / "indicators"

NAMES = ["Zulkarnaen Qoriswati", "Yohanna Xenarti", "Wibisana Quralta", "Venusia Oktarindo"]
NIKS = ["9901234567890001", "9902345678900002", "9903456789000003", "9904567890000004"]
PHONES = ["081234567890", "085712345678", "081398765432", "087812340000"]
BIRTHS = ["03/04/2023", "15/01/2022", "28/02/2021", "09/11/2024"]  # 0-6 years before TODAY
MEASURED = ["14/08/2025", "14/08/2025", "15/08/2025", "20/08/2025"]
VILLAGES = ["Sukamaju", "Desa-Baru", "Tanjung Laut Indah", "Bontang Lestari"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"]


def spellings(header: str) -> list[str]:
    """A header as files write it: case, spaces, underscores, dots, dashes, camelCase, stray spaces."""
    words = header.split()
    variants = {
        header,
        header.lower(),
        header.upper(),
        header.title(),
        "_".join(words),
        "_".join(words).lower(),
        ".".join(words),
        "-".join(words),
        "".join(word.capitalize() for word in words),
        words[0].lower() + "".join(word.capitalize() for word in words[1:]),
        f"  {header.upper()}  ",
        " ".join(words).replace(" ", "  "),
    }
    return sorted(variants)


def one_column(header: str, values: list[object]) -> pd.DataFrame:
    return pd.DataFrame({header: values})


# ---------------------------------------------------------------------------------------------- by header

PERSONAL_HEADERS = [
    "NIK", "NIK Anak", "NIK Balita", "NIK Ibu", "NIK Orang Tua", "Nomor Induk Kependudukan", "No. Induk Kependudukan",
    "No KK", "KK", "Nomor KK", "Nomor Kartu Keluarga", "Nama", "Nama Anak", "Nama Balita", "Nama Bayi", "Nama Ibu",
    "Nama Ayah", "Nama Orang Tua", "Nama Ortu", "Nama Orang Tua (Ibu/Ayah)", "Nama Lengkap", "Nama Kepala Keluarga",
    "Name", "Child Name", "Mother Name", "Full Name", "Tanggal Lahir", "Tgl Lahir", "Tgl Lhr", "Tanggal Lahir Anak",
    "TTL", "Tempat Tanggal Lahir", "Tempat/Tgl Lahir", "Tempat Lahir", "Birth Date", "Date of Birth", "DOB",
    "Birthdate", "Lahir", "Alamat", "Alamat Lengkap", "Address", "Domisili", "RT", "RW", "RT/RW", "No RT",
    "No HP", "Nomor HP", "HP", "No HP Orang Tua", "Telepon", "Telp", "No Telp", "Phone", "Phone Number",
    "WA", "No WA", "WhatsApp", "Ibu", "Ayah", "Orang Tua", "Ortu", "Parent", "Mother", "Father", "Wali",
    "Email", "E-mail", "Alamat Email", "BPJS", "No BPJS", "Nomor BPJS Kesehatan", "No JKN",
]  # fmt: skip


@pytest.mark.parametrize("header", PERSONAL_HEADERS)
def test_per001_personal_headers_in_every_spelling(header: str) -> None:
    for spelling in spellings(header):
        frame = one_column(spelling, NAMES)  # text, so a parent header is not taken for a count
        assert personal_columns(frame, today=TODAY) == [spelling], spelling


@pytest.mark.parametrize("header", ["NIK", "Nama Anak", "Tgl Lahir", "Alamat", "No HP", "Nama Ibu", "RT"])
def test_per002_personal_header_flags_an_empty_column(header: str) -> None:
    """An empty or dash-only column still says what it would hold: hidden all the same."""
    for values in ([None, None], ["", ""], ["-", "—"]):
        assert personal_columns(one_column(header, values), today=TODAY) == [header]


NEUTRAL_HEADERS = {
    # header: realistic values
    "Desa": VILLAGES, "Nama Desa": VILLAGES, "Desa/Kel": VILLAGES, "Kelurahan": VILLAGES, "nama_desa": VILLAGES,
    "Nama Kelurahan": VILLAGES, "Nm Desa": VILLAGES, "village_name": VILLAGES, "Village": VILLAGES,
    "Kecamatan": ["Bontang Selatan"] * 4, "Nama Kec": ["Bontang Utara"] * 4, "nama_kecamatan": ["Kota"] * 4,
    "Kab_Kota": ["KOTA BONTANG"] * 4, "Nama Kabupaten": ["Kabupaten Uji"] * 4, "Provinsi": ["KALIMANTAN TIMUR"] * 4,
    "district_name": ["Kabupaten Uji"] * 4, "Posyandu": ["Mawar", "Melati", "Anggrek", "Kenanga"],
    "Nama Posyandu": ["Mawar", "Melati", "Anggrek", "Kenanga"], "Puskesmas": ["Bontang Lestari"] * 4,
    "Nama Puskesmas": ["Bontang Lestari"] * 4, "Pukesmas": ["Bontang Lestari"] * 4, "PKM": ["Satimpo"] * 4,
    "kode_wilayah": ["52.03.01.2001", "52.03.01.2002", "52.03.02.1001", "52.03.02.2003"],
    "kode_desa": ["5203012001", "5203012002", "5203021001", "5203022003"],
    "Kode": [5203012001, 5203012002, 5203021001, 5203022003], "kode_kec": ["52.03.01"] * 4,
    "bps_kode_desa_kelurahan": ["5203010001", "5203010002", "5203020001", "5203020003"],
    "Periode": ["2025-02", "2025-02", "2025-08", "2025-08"], "Bulan": ["Februari", "Februari", "Agustus", "Agustus"],
    "Tahun": ["2025", "2025", "2025", "2026"], "indikator": ["stunting", "wasting", "imd", "vitamin_a"],
    "pembilang": [12, 3, 40, 7], "penyebut": [85, 25, 50, 7], "target": [14, 14, 50, 90],
    "Jml_Balita_Stunting": [114, 31, 161, 103], "Pct_Balita_Stunting": [22.05, 18.56, 22.64, 29.1],
    "Sasaran_Balita": [440, 781, 1537, 1324], "Jml Ibu Hamil": [12, 7, 30, 11], "Jml_Ibu_Hamil_KEK": [1, 0, 3, 2],
    "Ibu Hamil KEK": [1, 0, 3, 2], "Kelas Ibu Balita": ["Ya", "Tidak", "Ya", "Ya"], "Jumlah KK": [300, 410, 220, 95],
    "Balita Punya NIK": [400, 700, 1500, 1300], "Cakupan Kepemilikan BPJS": [80.1, 75.0, 92.3, 64.4],
    "Jml Peserta BPJS": [3000, 4100, 2200, 950], "Jumlah Orang Tua Hadir": [20, 31, 12, 8],
    "BB Lahir": ["3,1", "2,8", "3,4", "3,0"], "TB Lahir": ["49", "48", "50", "51"],
    "Bayi_Baru_Lahir_Bulan_Ini_B": [0, 0, 1, 0], "Lingkar Kepala Lahir (cm)": ["34", "33", "35", "34"],
    "Umur Ibu": [24, 31, 28, 35], "Tinggi Ibu": ["150", "155,5", "148", "160"],
    "Tanggal Pengukuran": MEASURED, "Tgl Ukur": MEASURED, "TGL UKUR": ["14", "14", "15", "20"],
    "tanggal_ukur": MEASURED, "Tanggal Penimbangan": MEASURED, "measure_date": ["2025-08-14"] * 4,
    "Bulan Pengukuran": ["Agustus"] * 4, "Usia Saat Ukur": ["2 Tahun - 3 Bulan - 5 Hari"] * 4,
    "Waktu_Input": ["23/01/2026 20:05", "5/1/2026 9:25", "5/1/2026 9:35", "23/01/2026 7:50"],
    "Tanggal Input": ["2025-08-20", "2025-08-21", "2025-08-21", "2025-08-22"],
    "Tanggal Laporan": ["2025-08-31"] * 4, "Tanggal Kunjungan": MEASURED,
    "JK": ["L", "P", "P", "L"], "Jenis Kelamin": ["L", "P", "P", "L"], "Berat": ["9,5", "10,2", "8,1", "12"],
    "Tinggi": ["75,2", "80,1", "68", "90"], "Cara Ukur": ["Terlentang", "Berdiri", "Berdiri", "Berdiri"],
    "ZS TB/U": ["-2,31", "0,5", "-1,1", "-3,02"], "TB/U": ["Pendek", "Normal", "Normal", "Sangat Pendek"],
    "Status Gizi": ["Baik", "Kurang", "Baik", "Baik"], "IMD": ["Ya", "Tidak", "Ya", "Ya"], "No": [1, 2, 3, 4],
    "Keterangan": ["banjir Maret 2025", "", "-", "naik"], "Alasan": ["Peringkat 1", "Ditambahkan: banjir", "", ""],
    "Nama Indikator": ["Stunting", "Wasting", "IMD", "Vitamin A"], "Status Nikah": ["Kawin"] * 4,
}  # fmt: skip


@pytest.mark.parametrize("header", list(NEUTRAL_HEADERS))
def test_per003_places_codes_counts_and_measurements_are_not_personal(header: str) -> None:
    for spelling in spellings(header):
        frame = one_column(spelling, list(NEUTRAL_HEADERS[header]))
        assert personal_columns(frame, today=TODAY) == [], spelling


# ---------------------------------------------------------------------------------------------- by content

MEANINGLESS = ["kolom 3", "Unnamed: 4", "C", "x1", "", "data", "Kolom_12", "isi"]

NIK_FORMS = {
    "plain": NIKS,
    "spaced": ["9901 2345 6789 0001", "9902 3456 7890 0002", "9903 4567 8900 0003", "9904 5678 9000 0004"],
    "float text": [f"{nik}.0" for nik in NIKS],
    "float text comma": [f"{nik},0" for nik in NIKS],
    "scientific": ["9.901234567890001e15", "9.902345678900002E+15", "3.2e15", "3201234567890001E0"],
    "scientific comma": ["9,901234567890001E+15", "9,902345678900002E+15", "3,2E+15", "3,2E+15"],
    "apostrophe": [f"'{nik}" for nik in NIKS],
    "floats": [float(nik) for nik in NIKS],
    "ints": [int(nik) for nik in NIKS],
    "numpy ints": list(np.array([int(nik) for nik in NIKS], dtype=np.int64)),
    "mostly, with gaps": [NIKS[0], "", "-", NIKS[1], None, NIKS[2], "belum ada"],
}
PHONE_FORMS = {
    "plain": PHONES,
    "dashed": ["0812-3456-7890", "0857-1234-5678", "0813-9876-5432", "0878-1234-0000"],
    "spaced +62": ["+62 812 3456 7890", "+62 857 1234 5678", "+62-813-9876-5432", "+6287812340000"],
    "62": ["6281234567890", "628571234567", "6281398765432", "62878123400"],
    "brackets": ["(0812) 3456 7890", "(0857) 1234 5678", "(0813) 9876-5432", "0878.1234.0000"],
    "ints 62": [6281234567890, 628571234567, 6281398765432, 62878123400],
    "mostly": ["081234567890", "tidak ada", "", "085712345678"],
}


def _dates(days_ago: list[int], fmt: str) -> list[str]:
    return [(TODAY - timedelta(days=days)).strftime(fmt) for days in days_ago]


YOUNG = [30, 400, 800, 1500, 2100]  # from a month to about 5.8 years old
BIRTH_FORMS = {
    "dd/mm/yyyy": _dates(YOUNG, "%d/%m/%Y"),
    "yyyy-mm-dd": _dates(YOUNG, "%Y-%m-%d"),
    "dd-mm-yyyy": _dates(YOUNG, "%d-%m-%Y"),
    "dd.mm.yyyy": _dates(YOUNG, "%d.%m.%Y"),
    "yyyy/mm/dd": _dates(YOUNG, "%Y/%m/%d"),
    "midnight": _dates(YOUNG, "%Y-%m-%d 00:00:00"),
    "d month yyyy": ["3 Maret 2022", "15 Januari 2023", "28 Feb 2021", "9 Nopember 2024", "1 Agustus 2020"],
    "datetime": [datetime(2022, 3, 3), datetime(2023, 1, 15), datetime(2021, 2, 28), datetime(2024, 11, 9)],
    "dates": [date(2022, 3, 3), date(2023, 1, 15), date(2021, 2, 28)],
    "timestamps": list(pd.to_datetime(["2022-03-03", "2023-01-15", "2021-02-28"])),
}


@pytest.mark.parametrize("form", list(NIK_FORMS))
def test_per010_sixteen_digit_numbers_under_any_header(form: str) -> None:
    for header in MEANINGLESS:
        assert personal_columns(one_column(header, NIK_FORMS[form]), today=TODAY) == [header], header


@pytest.mark.parametrize("form", list(PHONE_FORMS))
def test_per011_phone_numbers_under_any_header(form: str) -> None:
    for header in MEANINGLESS:
        assert personal_columns(one_column(header, PHONE_FORMS[form]), today=TODAY) == [header], header


@pytest.mark.parametrize("form", list(BIRTH_FORMS))
def test_per012_recent_dates_under_a_plain_header_are_birth_dates(form: str) -> None:
    for header in [*MEANINGLESS, "Tanggal", "Tgl", "date"]:
        assert personal_columns(one_column(header, BIRTH_FORMS[form]), today=TODAY) == [header], header


def test_per013_a_datetime_column_of_recent_days() -> None:
    frame = pd.DataFrame({"kolom 5": pd.to_datetime(_dates(YOUNG, "%Y-%m-%d"))})
    assert frame["kolom 5"].dtype.kind == "M"
    assert personal_columns(frame, today=TODAY) == ["kolom 5"]


def test_per014_old_dates_count_as_birth_only_under_a_birth_header() -> None:
    adults = ["12/05/1990", "01/01/1985", "30/11/1979", "17/08/1995"]
    assert personal_columns(one_column("Kelahiran", adults), today=TODAY) == ["Kelahiran"]
    assert personal_columns(one_column("Born", adults), today=TODAY) == ["Born"]
    assert personal_columns(one_column("Tanggal", adults), today=TODAY) == []  # not 0-6 years: not a child's birth
    assert personal_columns(one_column("kolom 3", adults), today=TODAY) == []


@pytest.mark.parametrize(
    "header", ["Tanggal Pengukuran", "tgl_ukur", "Tanggal Penimbangan", "measure_date", "Tanggal Kunjungan",
               "Tanggal Input", "Waktu Entri", "Tanggal Laporan", "tanggal_update", "Tgl Periksa"]
)  # fmt: skip
def test_per015_measurement_and_entry_dates_are_not_birth_dates(header: str) -> None:
    for form in ("dd/mm/yyyy", "yyyy-mm-dd", "datetime"):
        assert personal_columns(one_column(header, BIRTH_FORMS[form]), today=TODAY) == [], (header, form)


def test_per016_timestamps_and_future_days_are_not_birth_dates() -> None:
    entry_times = _dates(YOUNG, "%d/%m/%Y 20:05")
    assert personal_columns(one_column("kolom 9", entry_times), today=TODAY) == []
    stamps = [datetime(2025, 8, 14, 9, 25), datetime(2025, 8, 15, 10, 0), datetime(2025, 8, 16, 7, 50)]
    assert personal_columns(one_column("kolom 9", stamps), today=TODAY) == []
    schedule = [(TODAY + timedelta(days=days)).strftime("%d/%m/%Y") for days in (5, 40, 90)]
    assert personal_columns(one_column("Tanggal", schedule), today=TODAY) == []


def test_per017_minority_values_do_not_flag_a_column() -> None:
    """One NIK typed into a notes column of ten is not a NIK column (the notes are not shown as personal)."""
    notes = [NIKS[0], *["banjir", "naik", "turun", "pindah", "sehat", "-", "", "ok", "ya", "baik"]]
    assert personal_columns(one_column("Keterangan", notes), today=TODAY) == []


@pytest.mark.parametrize(
    "values",
    [
        ["5203012001", "5203012002", "5203021001"],  # 10-digit village codes
        ["52.03.01.2001", "52.03.01.2002", "52.03.02.1001"],
        [5203012001, 5203012002, 8101012001],  # Maluku codes start with 8: not a phone without 08 / 628
        ["520301", "5203", "52"],
        ["2025-02", "2025-08", "2026-01"],  # periods
        [2025, 2025, 2026],
        [12, 85, 4413, 0],
        ["12,5", "-2,31", "0,0"],
        ["1.234", "12.345", "123.456"],  # thousands with dots
        [44000, 45123, 45500],  # counts that would be recent Excel day numbers
        ["ya", "tidak", "ya"],
    ],
    ids=repr,
)
def test_per018_codes_periods_and_counts_under_plain_headers(values: list[object]) -> None:
    for header in MEANINGLESS:
        assert personal_columns(one_column(header, values), today=TODAY) == [], header


# ---------------------------------------------------------------------------------------------- whole tables


def eppgbm_frame(rows: int = 12) -> pd.DataFrame:
    """An e-PPGBM export as the reader returns it (text cells), 2025 variant columns included; invented people."""
    rng = np.random.default_rng(7)
    records = []
    for i in range(rows):
        born = TODAY - timedelta(days=int(rng.integers(30, 1800)))
        records.append(
            {
                "NIK": "99" + "".join(map(str, rng.integers(0, 10, 14))), "Nama": f"{NAMES[i % 4]} {chr(65 + i)}",
                "JK": "LP"[i % 2], "Tgl Lahir": born.strftime("%d/%m/%Y"), "BB Lahir": "3,1", "TB Lahir": "49",
                "Nama Ortu": f"Ibu {NAMES[(i + 1) % 4]}", "Prov": "NUSA TENGGARA BARAT", "Kab/Kota": "KAB. UJI",
                "Kec": "Kecamatan Satu", "Pukesmas": "Puskesmas Satu", "Desa/Kel": VILLAGES[i % 4],
                "Posyandu": "Mawar", "RT": f"{i % 5 + 1:03d}", "RW": f"{i % 3 + 1:03d}",
                "Alamat": f"Jalan Melati No. {i}", "Usia Saat Ukur": "2 Tahun - 3 Bulan - 5 Hari",
                "Tanggal Pengukuran": "14/08/2025", "Bulan Pengukuran": "Agustus", "Status Bulan": "Lama",
                "status tahun": "2025", "Berat": "9,5", "Tinggi": "80,1", "Cara Ukur": "Berdiri", "LiLA": "14",
                "BB/U": "Normal", "ZS BB/U": "-0,52", "TB/U": "Pendek", "ZS TB/U": "-2,31", "BB/TB": "Normal",
                "ZS BB/TB": "0,12", "Naik Berat Badan": "N", "PMT Diterima (kg)": "0", "Jml Vit A": "1",
                "KPSP": "Sesuai", "KIA": "Ya", "Detail Status": "-", "status desa": "Desa",
                "Nama Orang Tua (Ibu/Ayah)": f"{NAMES[(i + 2) % 4]}", "NIK Orang Tua": f"9{i:015d}",
                "No HP Orang Tua": f"0812{i:08d}", "Usia Kehamilan (minggu)": "38",
                "Lingkar Kepala Lahir (cm)": "34", "IMD": "Ya", "Kelas Ibu Balita": "Tidak", "MBG": "Ya",
                "kode_wilayah": "52.91.01.2001",
            }
        )  # fmt: skip
    return pd.DataFrame(records, dtype="string")


EPPGBM_PERSONAL = [
    "NIK", "Nama", "Tgl Lahir", "Nama Ortu", "RT", "RW", "Alamat", "Nama Orang Tua (Ibu/Ayah)", "NIK Orang Tua",
    "No HP Orang Tua",
]  # fmt: skip


def test_per020_eppgbm_export_exactly_its_personal_columns() -> None:
    frame = eppgbm_frame()
    assert personal_columns(frame, today=TODAY) == EPPGBM_PERSONAL


def test_per021_eppgbm_export_with_meaningless_headers() -> None:
    """Headers lost (a sheet saved without its header row): NIK, birth dates and phones still found by content."""
    frame = eppgbm_frame()
    renamed = frame.set_axis([f"kolom {i + 1}" for i in range(frame.shape[1])], axis=1)
    found = personal_columns(renamed, today=TODAY)
    position = {name: f"kolom {i + 1}" for i, name in enumerate(frame.columns)}
    # Without its header a measurement date is a recent date like any birth date: hidden too, on the safe side.
    for name in ("NIK", "Tgl Lahir", "NIK Orang Tua", "No HP Orang Tua", "Tanggal Pengukuran"):
        assert position[name] in found, name
    assert len(found) == 5
    for name in ("kode_wilayah", "Desa/Kel", "Posyandu", "ZS TB/U", "Berat", "RT", "status tahun"):
        assert position[name] not in found, name


def village_table(villages: int = 40, periods: int = 6) -> pd.DataFrame:
    """A realistic monthly village report: codes, names, kecamatan, puskesmas, periods and counts."""
    rng = np.random.default_rng(11)
    rows = []
    for v, month in itertools.product(range(villages), range(1, periods + 1)):
        target = int(rng.integers(100, 1600))
        measured = int(target * rng.uniform(0.4, 1))
        stunted = int(measured * rng.uniform(0.02, 0.3))
        rows.append(
            {
                "No": len(rows) + 1, "kode_wilayah": f"52.91.{v // 10 + 1:02d}.{2001 + v}",
                "kode_desa": f"5291{v // 10 + 1:02d}{2001 + v}", "Kelurahan": f"{VILLAGES[v % 4]} {v}",
                "Kecamatan": f"Kecamatan {v // 10 + 1}", "Puskesmas": f"Puskesmas {v // 5}",
                "Posyandu": f"Posyandu {v}", "Bulan": MONTHS[month - 1],
                "Tahun": 2025, "periode": f"2025-{month:02d}", "Sasaran_Balita": target,
                "Balita_Diukur_PB_TB": measured, "Jml_Balita_Stunting": stunted,
                "Pct_Balita_Stunting": round(100 * stunted / max(measured, 1), 2),
                "Tanggal Laporan": f"{5 + month}/{month + 1}/2025", "Waktu_Input": f"{5 + month}/{month + 1}/2025 9:25",
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def test_per022_a_village_report_has_no_personal_column() -> None:
    frame = village_table()
    assert personal_columns(frame, today=TODAY) == []
    assert personal_columns(frame.astype(str), today=TODAY) == []
    assert personal_columns(frame.astype("string"), today=TODAY) == []


def test_per023_preview_of_a_village_report_csv(tmp_path: Path) -> None:
    """As the data page reads it: text cells, empty cells as ""."""
    content = village_table().to_csv(index=False, sep=";").encode()
    preview = read_table_preview(content, "laporan.csv", rows=20)
    assert personal_columns(preview, today=TODAY) == []
    register = eppgbm_frame().to_csv(index=False).encode()
    assert personal_columns(read_table_preview(register, "register.csv", rows=20), today=TODAY) == EPPGBM_PERSONAL


@pytest.mark.realdata
def test_per024_real_indicator_files_have_no_personal_column() -> None:
    files = sorted(INDICATORS.glob("*.csv")) if INDICATORS.is_dir() else []
    if not files:
        pytest.skip(f"real indicator files not found at {INDICATORS}")
    for path in files:
        content = path.read_bytes()
        assert personal_columns(read_table_preview(content, path.name, rows=20)) == [], path.name
        assert personal_columns(read_table_preview(content, path.name, rows=100_000)) == [], path.name
        assert personal_columns(pd.read_csv(path)) == [], path.name


# ---------------------------------------------------------------------------------------------- drop_personal


def test_per030_drop_personal_returns_a_copy_and_what_it_hid() -> None:
    frame = eppgbm_frame(4)
    before = frame.copy()
    shown, hidden = drop_personal(frame, today=TODAY)
    pd.testing.assert_frame_equal(frame, before)
    assert hidden == EPPGBM_PERSONAL
    assert shown.columns.tolist() == [c for c in frame.columns if c not in EPPGBM_PERSONAL]
    pd.testing.assert_frame_equal(shown, frame[shown.columns.tolist()])
    shown.loc[0, "JK"] = "changed"
    assert frame.loc[0, "JK"] == before.loc[0, "JK"]


def test_per031_duplicate_and_numbered_labels() -> None:
    frame = pd.DataFrame([["Sukamaju", NIKS[0], "Desa-Baru", PHONES[0]]], columns=["desa", "nik", "desa", 7])
    shown, hidden = drop_personal(frame, today=TODAY)
    assert hidden == ["nik", "7"]
    assert shown.columns.tolist() == ["desa", "desa"]
    numbered = pd.DataFrame([[VILLAGES[0], NIKS[0]], [VILLAGES[1], NIKS[1]]])  # read without a header
    assert drop_personal(numbered, today=TODAY)[1] == ["1"]


def test_per032_empty_frames() -> None:
    assert drop_personal(pd.DataFrame(), today=TODAY)[1] == []
    shown, hidden = drop_personal(pd.DataFrame({"desa": [], "kolom 2": []}), today=TODAY)
    assert hidden == [] and shown.columns.tolist() == ["desa", "kolom 2"]


def test_per033_today_defaults_to_the_calendar() -> None:
    recent = [(date.today() - timedelta(days=days)).strftime("%d/%m/%Y") for days in YOUNG]
    assert personal_columns(one_column("kolom 1", recent)) == ["kolom 1"]
