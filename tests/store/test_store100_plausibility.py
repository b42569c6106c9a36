"""Impossible values refused (every importer layout and the store), 0/0 left out, and the check's warnings
against what is stored: a period few villages report, plausibility flags on the file's values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.config import Settings
from dashboard.core import periods
from dashboard.data.assessment import MAX_VILLAGES_NAMED, about_stored_data, assess
from dashboard.data.importers.eppgbm import read_measurements
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import ImportRefused, IndicatorBatch, Problem, Severity
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write

TODAY = date(2026, 3, 10)  # March 2026 is the latest plausible month in these tests
CODES = village_codes()  # 52.91.01.2001 ... 52.91.02.2003, named "Desa 1-1" ... "Desa 2-3"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periods, "current_date", lambda: TODAY)


def _villages() -> pd.DataFrame:
    frame = pd.DataFrame(villages_frame().drop(columns="geometry"))
    return pd.DataFrame(
        {
            "code": frame["kode"], "name": frame["nama"], "kecamatan_code": frame["kode"].str[:8],
            "kecamatan_name": frame["nama_kec"], "district_code": DISTRICT, "district_name": frame["nama_kab"],
        }
    )  # fmt: skip


def _only(problems: list[Problem], key: str) -> Problem:
    found = [problem for problem in problems if problem.key == key]
    assert len(found) == 1, [p.message("en") for p in problems]
    return found[0]


# ------------------------------------------------------------------------------------------- the layouts

# A file row: (village index, month name, year, numerator, denominator); each layout writes it its own way.
Row = tuple[int, str, str, str, str]
_MONTHS = {name: number for number, name in enumerate(periods.MONTHS_ID, start=1)}


def _iso(month: str, year: str) -> str:
    return f"{year}-{_MONTHS[month]:02d}" if month else year


def _tidy(rows: list[Row]) -> IndicatorBatch:
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [f"{CODES[i]},{_iso(month, year)},stunting,{n},{d}" for i, month, year, n, d in rows]
    return prepare_indicator_import(("\n".join(lines) + "\n").encode(), "templat.csv", _villages(),
                                    district_code=DISTRICT)  # fmt: skip


def _mapped(rows: list[Row]) -> IndicatorBatch:
    lines = ["Kode Desa;Periode;Jumlah balita pendek;Jumlah balita diukur"]
    lines += [f"{CODES[i]};{month} {year};{n};{d}".replace("; ", ";") for i, month, year, n, d in rows]
    mapping = {"kode_wilayah": "Kode Desa", "periode": "Periode", "stunting.pembilang": "Jumlah balita pendek",
               "stunting.penyebut": "Jumlah balita diukur"}  # fmt: skip
    return prepare_indicator_import(("\n".join(lines) + "\n").encode(), "dinas.csv", _villages(), format="mapped",
                                    mapping=mapping, district_code=DISTRICT)  # fmt: skip


def _sigizi(rows: list[Row]) -> IndicatorBatch:
    names = _villages().set_index("code")
    lines = ["Kecamatan,Kelurahan,Bulan,Tahun,Jml_Balita_Stunting,Balita_Diukur_PB_TB"]
    lines += [
        f"{names.at[CODES[i], 'kecamatan_name']},{names.at[CODES[i], 'name']},{month},{year},{n},{d}"
        for i, month, year, n, d in rows
    ]
    return prepare_indicator_import(("\n".join(lines) + "\n").encode(), "sigizi.csv", _villages(),
                                    district_code=DISTRICT)  # fmt: skip


LAYOUTS: dict[str, Callable[[list[Row]], IndicatorBatch]] = {"tidy": _tidy, "mapped": _mapped, "sigizi": _sigizi}
GOOD: Row = (0, "Februari", "2026", "5", "40")  # file row 2 in every layout; the bad one is row 3

BAD_PERIODS = [
    (("Desember", "2099"), "problem.period_future", "2099-12"),
    (("Desember", "1999"), "problem.period_before_2000", "1999-12"),
    (("April", "2026"), "problem.period_future", "2026-04"),  # next month
    (("Januari", "1950"), "problem.period_before_2000", "1950-01"),
    (("", "2027"), "problem.period_future", "2027"),  # a survey year
]


@pytest.mark.parametrize(
    ("layout", "when", "key", "period"),
    [(layout, *bad) for layout in LAYOUTS for bad in BAD_PERIODS if layout != "sigizi" or bad[0][0]],  # months only
)
def test_store100_a_period_in_the_future_or_before_2000_is_refused_with_its_row(
    layout: str, when: tuple[str, str], key: str, period: str
) -> None:
    batch = LAYOUTS[layout]([GOOD, (1, *when, "3", "30")])
    assert not batch.ok
    problem = _only(batch.errors, key)
    assert problem.row == 3 and dict(problem.params)["period"] == period
    assert batch.errors == [problem]  # the good row raises nothing
    assert set(batch.observations["period"]) == {"2026-02"}
    # Periods as a person reads them, not as codes: "periode Desember 2099 ... adalah Maret 2026".
    assert "baris 3" in problem.message("id") and periods.period_label(period, "id") in problem.reason("id")
    assert periods.period_label(period, "en") in problem.reason("en")
    assert len(period) == 4 or period not in problem.reason("id")  # a year is its own label
    if key == "problem.period_future":  # the latest period data can have: this month, or this year for a year
        assert dict(problem.params)["latest"] == ("2026" if len(period) == 4 else "2026-03")
        latest = "2026" if len(period) == 4 else "Maret 2026"
        assert problem.reason("id").endswith(f"periode terakhir yang mungkin adalah {latest} (1 baris)")
        assert ("2026" if len(period) == 4 else "March 2026") in problem.reason("en")


HUGE = [("3", "1e20"), ("1e20", "1e20"), ("3", "1E+20"), ("12000000", "12000001"), ("3", "10000001")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("numerator", "denominator"), HUGE)
def test_store101_a_count_above_ten_million_is_refused(layout: str, numerator: str, denominator: str) -> None:
    batch = LAYOUTS[layout]([GOOD, (1, "Februari", "2026", numerator, denominator)])
    found = [p for p in batch.problems if p.key == "problem.count_too_large"]
    assert found and {p.row for p in found} == {3}, [p.message("en") for p in batch.problems]
    assert {p.value for p in found} <= {numerator, denominator}
    assert "10,000,000" in found[0].reason("en") and "10.000.000" in found[0].reason("id")
    if layout != "tidy":  # a report or a table in its own layout: that value is left out, the rest imported
        assert batch.ok and {p.severity for p in found} == {Severity.WARNING}
    else:
        assert not batch.ok and {p.severity for p in found} == {Severity.ERROR}
    assert batch.observations["code"].tolist() == [CODES[0]]


@pytest.mark.parametrize("layout", ["tidy", "mapped"])
def test_store101b_ten_million_itself_is_possible(layout: str) -> None:
    batch = LAYOUTS[layout]([GOOD, (1, "Februari", "2026", "3", "10000000")])
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.observations["denominator"].max() == 10_000_000


NON_FINITE = [("inf", "30"), ("3", "inf"), ("-inf", "30"), ("nan", "30"), ("NaN", "NaN"), ("3", "Infinity")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("numerator", "denominator"), NON_FINITE)
def test_store102_an_infinite_or_nan_count_is_refused(layout: str, numerator: str, denominator: str) -> None:
    batch = LAYOUTS[layout]([GOOD, (1, "Februari", "2026", numerator, denominator)])
    if layout != "tidy":  # as in a Sigizi report, a mapped table's bad cell is a warning and left out
        assert batch.ok
        assert {p.row for p in batch.problems if p.key == f"indicators.{layout}_bad_value"} == {3}
    else:
        found = [p for p in batch.errors if p.key == "problem.not_finite"]
        assert found and {p.row for p in found} == {3}, [p.message("en") for p in batch.problems]
        assert "infinite or NaN" in found[0].reason("en")
    assert batch.observations["code"].tolist() == [CODES[0]]


@pytest.mark.parametrize("layout", ["tidy", "mapped"])
def test_store103_zero_over_zero_is_left_out_with_a_warning_naming_the_row(layout: str, store: Store) -> None:
    batch = LAYOUTS[layout]([GOOD, (1, "Februari", "2026", "0", "0"), (2, "Februari", "2026", "0", "12")])
    assert batch.ok
    warning = _only(batch.problems, "problem.zero_over_zero")
    assert (warning.row, warning.value, warning.severity) == (3, "0/0", Severity.WARNING)
    assert "not stored" in warning.reason("en")
    assert sorted(batch.observations["code"]) == [CODES[0], CODES[2]]  # 0 of 12 is a value; 0 of 0 is not
    store.commit_indicators(batch)
    assert sorted(store.observations(DISTRICT)["code"]) == [CODES[0], CODES[2]]


def test_store103b_a_sigizi_zero_over_zero_is_left_out() -> None:
    batch = _sigizi([GOOD, (1, "Februari", "2026", "0", "0")])
    assert batch.ok and batch.observations["code"].tolist() == [CODES[0]]
    assert batch.extra["zero_over_zero"] == {"stunting": 1}


# ------------------------------------------------------------------------------------------- the store

GOOD_ROW = (CODES[0], "2026-02", "stunting", 5.0, 40.0)
NAN, INF = float("nan"), float("inf")
REFUSED_BY_STORE = [
    pytest.param((CODES[1], "2099-12", "stunting", 3, 30), "problem.period_future", id="2099-12"),
    pytest.param((CODES[1], "2026-04", "stunting", 3, 30), "problem.period_future", id="next-month"),
    pytest.param((CODES[1], "1999-12", "stunting", 3, 30), "problem.period_before_2000", id="1999-12"),
    pytest.param((CODES[1], "Feb 2025", "stunting", 3, 30), "indicators.bad_period", id="not-normalised"),
    pytest.param((CODES[1], "2026-02", "stunting", 3, 1e20), "problem.count_too_large", id="1e20"),
    pytest.param((CODES[1], "2026-02", "wasting", 1e20, 1e20), "problem.count_too_large", id="1e20-both"),
    pytest.param((CODES[1], "2026-02", "stunting", NAN, 30), "store.missing_count", id="nan"),
    pytest.param((CODES[1], "2026-02", "stunting", 3, INF), "problem.not_finite", id="inf"),
    pytest.param((CODES[1], "2026-02", "stunting", -3, 30), "indicators.negative", id="negative"),
]


@pytest.mark.parametrize(("row", "key"), REFUSED_BY_STORE)
def test_store104_a_batch_built_by_code_cannot_bypass_the_rules(
    store: Store, row: tuple[str, str, str, float, float], key: str
) -> None:
    batch = indicator_batch([GOOD_ROW, row], "kode.csv")
    assert batch.ok  # no importer said anything: the store is the last line of defence
    with pytest.raises(ImportRefused) as refused:
        store.commit_indicators(batch)
    assert {p.key for p in refused.value.problems} == {key}
    assert {p.row for p in refused.value.problems} == {3}
    assert store.datasets() == [] and store.observations(DISTRICT).empty


def test_store105_the_store_leaves_out_zero_over_zero_with_a_warning(store: Store) -> None:
    batch = indicator_batch([GOOD_ROW, (CODES[1], "2026-02", "imd", 0, 0)], "kode.csv")
    result = store.commit_indicators(batch)
    assert result.rows == 1
    warning = _only(list(result.problems), "problem.zero_over_zero")
    assert (warning.row, warning.severity, dict(warning.params)["indicator"]) == (3, Severity.WARNING, "imd")
    assert store.observations(DISTRICT)["code"].tolist() == [CODES[0]]
    report = store.dataset(result.dataset_id or 0).report  # type: ignore[union-attr]
    assert report is not None
    assert [p["key"] for p in report["problems"]] == ["problem.zero_over_zero"]


def test_store106_measurements_before_2000_are_refused_alone(tmp_path: Path) -> None:
    header = "NIK;Nama;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;kode_wilayah"
    rows = [
        "9901234567890123;Anak Uji A;L;01/01/1998;15/12/1999;10,5;80,1;Berdiri;99.01.01.2001",
        "9901234567890124;Anak Uji B;P;01/02/1998;16/12/1999;10,5;80,1;Berdiri;99.01.01.2001",
        "9901234567890125;Anak Uji C;P;01/01/2024;16/02/2026;10,5;80,1;Berdiri;99.01.01.2001",
    ]
    path = tmp_path / "eppgbm.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    batch = read_measurements(path, today=TODAY)
    assert batch.ok
    warning = _only(batch.problems, "problem.period_before_2000")
    assert (warning.row, warning.value, warning.severity) == (2, "15/12/1999", Severity.WARNING)
    assert dict(warning.params)["rows"] == 2
    assert set(batch.observations["period"]) == {"2026-02"}
    assert batch.extra["refused"] == {"period_before_2000": 2}


# -------------------------------------------------------------------------- warnings against what is stored


@pytest.fixture(scope="module")
def demo() -> DemoSource:
    return DemoSource(Settings().geodata_dir)


def _demo_file(demo: DemoSource, codes: list[str], period: str) -> IndicatorBatch:
    """Each village's latest stored stunting counts as a file for ``period`` (so nothing is implausible)."""
    stored = demo.observations(DEMO_DISTRICT_CODE)
    stunting = stored[stored["indicator"] == "stunting"].sort_values("period")
    latest = stunting.groupby("code").last().reindex(codes).fillna({"numerator": 30.0, "denominator": 200.0})
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [f"{c},{period},stunting,{latest.at[c, 'numerator']:.0f},{latest.at[c, 'denominator']:.0f}" for c in codes]
    villages = pd.DataFrame(demo.villages(DEMO_DISTRICT_CODE).drop(columns="geometry"))
    return prepare_indicator_import(("\n".join(lines) + "\n").encode(), "tiga_desa.csv", villages)


def test_store107_a_file_covering_3_of_272_villages_says_which_are_missing(demo: DemoSource) -> None:
    villages = demo.villages(DEMO_DISTRICT_CODE)
    codes = villages["code"].tolist()
    batch = _demo_file(demo, codes[:3], "2026-02")
    stored = {DEMO_DISTRICT_CODE: demo.observations(DEMO_DISTRICT_CODE)}
    [warning] = assess(batch, stored, villages, 80.0)
    assert about_stored_data(warning) and warning.severity is Severity.WARNING
    assert warning.reason("id").startswith(
        "File ini hanya mencakup 3 dari 272 desa untuk Februari 2026 (Prevalensi stunting); bersama data yang sudah "
        "tersimpan 3 desa melapor, di bawah batas kelengkapan 80%"
    )
    fix = warning.fix("id")
    first_missing = villages.iloc[3]
    assert f"{first_missing['name']} ({first_missing['code']})" in fix
    assert fix.endswith(f"dan {269 - MAX_VILLAGES_NAMED} lainnya.")
    assert f"and {269 - MAX_VILLAGES_NAMED} more." in warning.fix("en")
    assert codes[0] not in fix  # a village in the file is not missing
    # The same file for a stored, complete period (it replaces 3 values of 272) says nothing.
    assert assess(_demo_file(demo, codes[:3], "2025-08"), stored, villages, 80.0) == []
    # A whole district's file for a new month says nothing either; the threshold is the setting's.
    assert assess(_demo_file(demo, codes, "2026-02"), stored, villages, 80.0) == []
    assert assess(_demo_file(demo, codes[:250], "2026-02"), stored, villages, 95.0) != []


# Stored: every village in January 2026 (Desa 1-1 at 54/279), the others in February as well.
STORED = [(CODES[0], "2026-01", "stunting", 54, 279)]
STORED += [(code, "2026-01", "stunting", 40 + i, 250 + 10 * i) for i, code in enumerate(CODES[1:])]
STORED += [(code, "2026-02", "stunting", 42 + i, 255 + 10 * i) for i, code in enumerate(CODES[1:])]
ZERO_FILE = "kode_wilayah,periode,indikator,pembilang,penyebut\n52.91.01.2001,2026-02,stunting,0,321\n"


def test_store108_a_village_going_from_54_of_279_to_0_of_321_is_flagged_by_name_and_values() -> None:
    stored = pd.DataFrame(STORED, columns=["code", "period", "indicator", "numerator", "denominator"])
    batch = prepare_indicator_import(ZERO_FILE.encode(), "koreksi.csv", _villages(), district_code=DISTRICT)
    assert batch.ok
    warnings = assess(batch, {DISTRICT: stored}, _villages(), 80.0)
    assert sorted(p.key for p in warnings) == ["flag.implausible_change", "flag.zero_stunting"]
    assert {(p.row, p.value, p.severity) for p in warnings} == {(2, "0/321", Severity.WARNING)}
    change = _only(warnings, "flag.implausible_change")
    assert change.reason("id").startswith(
        "Desa 1-1 (52.91.01.2001), Prevalensi stunting: 54/279 pada Januari 2026 menjadi 0/321 pada Februari 2026"
    )
    assert "54/279 in January 2026 became 0/321 in February 2026" in change.reason("en")
    zero = _only(warnings, "flag.zero_stunting")
    assert zero.reason("id").startswith("Desa 1-1 (52.91.01.2001), Februari 2026: 0 balita stunting dari 321")
    assert "13,0%" in zero.reason("id") and "13.0%" in zero.reason("en")  # 220 of 1,696, this village's 321 too
    # A flag on a stored value the file does not touch is not this file's business.
    other = prepare_indicator_import(
        b"kode_wilayah,periode,indikator,pembilang,penyebut\n52.91.02.2003,2026-02,stunting,47,295\n",
        "lain.csv", _villages(), district_code=DISTRICT,
    )  # fmt: skip
    flagged_stored = pd.concat([stored, pd.DataFrame([(CODES[0], "2026-02", "stunting", 0, 321)],
                                                     columns=stored.columns)])  # fmt: skip
    assert assess(other, {DISTRICT: flagged_stored}, _villages(), 80.0) == []


def test_store109_the_command_line_prints_the_warnings_and_keeps_them_in_the_report(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-boundaries", str(write(villages_frame(), tmp_path, "geojson"))]) == 0
    before = tmp_path / "januari_februari.csv"
    before.write_text(
        "kode_wilayah,periode,indikator,pembilang,penyebut\n"
        + "".join(f"{c},{p},{k},{n},{d}\n" for c, p, k, n, d in STORED),
        encoding="utf-8",
    )
    assert main(["import-indicators", str(before), "--wilayah", DISTRICT]) == 0
    assert capsys.readouterr().err == ""  # complete and plausible: nothing to say
    zero = tmp_path / "koreksi.csv"
    zero.write_text(ZERO_FILE, encoding="utf-8")
    assert main(["import-indicators", str(zero), "--wilayah", DISTRICT]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("koreksi.csv: dataset 3, 1 nilai dari 1 baris")
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("WARNING: koreksi.csv, baris 2, nilai '0/321': ") for line in lines)
    assert any("54/279 pada Januari 2026 menjadi 0/321 pada Februari 2026" in line for line in lines)
    assert any("Desa 1-1 (52.91.01.2001), Februari 2026: 0 balita stunting dari 321" in line for line in lines)
    march = tmp_path / "maret.csv"
    march.write_text(f"kode_wilayah,periode,indikator,pembilang,penyebut\n{CODES[4]},Maret 2026,stunting,45,290\n")
    assert main(["import-indicators", str(march), "--wilayah", DISTRICT]) == 0
    err = capsys.readouterr().err
    assert "File ini hanya mencakup 1 dari 6 desa untuk Maret 2026" in err
    assert "Desa 1-1 (52.91.01.2001), Desa 1-2 (52.91.01.2002)" in err and "Desa 2-2 (52.91.02.2002)" not in err
    with Store.open(cli_url) as store:
        reports = {d.file_name: store.dataset(d.id).report for d in store.datasets()}  # type: ignore[union-attr]
    assert sorted(p["key"] for p in reports["koreksi.csv"]["problems"]) == [  # type: ignore[index]
        "flag.implausible_change", "flag.zero_stunting",
    ]  # fmt: skip
    assert [p["key"] for p in reports["maret.csv"]["problems"]] == ["store.incomplete_period"]  # type: ignore[index]
    # A file with an impossible period is refused before any comparison.
    future = tmp_path / "masa_depan.csv"
    future.write_text(f"kode_wilayah,periode,indikator,pembilang,penyebut\n{CODES[0]},2099-12,stunting,4,40\n")
    assert main(["import-indicators", str(future), "--wilayah", DISTRICT]) == 1
    err = capsys.readouterr().err
    said = "ERROR: masa_depan.csv, baris 2, kolom periode, nilai '2099-12': periode Desember 2099 ada di masa depan"
    assert said in err
