"""The partners' register from a sheet: blank template, filled, imported and read back exactly; a bad row writes
nothing and is named by file, row and column."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.auth.roles import Actor, Role
from dashboard.data.accounts import Accounts
from dashboard.data.importers.indicators import read_table
from dashboard.data.importers.programmes import (
    SHEET_COLUMNS,
    ProgrammeSheetError,
    blank_template_csv,
    blank_template_xlsx,
    import_programmes,
    parse_sector,
)
from dashboard.data.programmes import Programme, ProgrammeError, Programmes, Sector
from dashboard.data.store import Store

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
PLANNER = Actor(7, "perencana.uji", Role.PERENCANA, ("99.01",))
LEADER = Actor(9, "pimpinan.uji", Role.PIMPINAN, ("99.01",))


@pytest.fixture
def demo(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url)
    store.ensure_demo(GEODATA)
    try:
        yield store
    finally:
        store.close()


def _recorded(programmes: list[Programme]) -> list[Programme]:
    """What a test wrote, without the demo district's own fictional register (author ``demo``)."""
    return [p for p in programmes if p.author != "demo"]


def _codes(store: Store) -> list[str]:
    return sorted(store.villages("99.01")["code"].astype(str))


def _rows(codes: list[str]) -> list[list[str]]:
    """Three programmes as an office writes them: labels for sectors, codes undotted and dotted, ; and , between."""
    undotted = codes[3].replace(".", "")
    return [
        ["Universitas Contoh", "Perguruan Tinggi", "KKN tematik", f"{codes[0]}; {codes[1]}", "2025-Q1", "2025-Q4",
         "25.000.000"],
        ["PT Sumber Air", "CSR", "Sarana air bersih", f"{codes[2]},{undotted}", "Triwulan II 2025", "", "Rp 1.500.000"],
        ["Yayasan Peduli", "LSM", "Kelas ibu balita", codes[4], "2025", "2026", ""],
    ]  # fmt: skip


def _csv(rows: list[list[str]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _expected(codes: list[str]) -> list[tuple[object, ...]]:
    return [
        ("PT Sumber Air", Sector.SWASTA, "Sarana air bersih", (codes[2], codes[3]), "2025-Q2", "2025-Q2", 1_500_000),
        ("Universitas Contoh", Sector.PERGURUAN_TINGGI, "KKN tematik", (codes[0], codes[1]), "2025-Q1", "2025-Q4",
         25_000_000),
        ("Yayasan Peduli", Sector.MASYARAKAT, "Kelas ibu balita", (codes[4],), "2025", "2026", 0),
    ]  # fmt: skip


def _read_back(store: Store) -> list[tuple[object, ...]]:
    found = _recorded(Programmes(store).of_district(LEADER, "99.01"))
    return sorted((p.partner, p.sector, p.activity, p.villages, p.period_start, p.period_end, p.budget_rupiah)
                  for p in found)  # fmt: skip


def test_cvg200_blank_csv_template_filled_imports_and_reads_back(demo: Store) -> None:
    codes = _codes(demo)
    template = blank_template_csv()
    assert read_table(template, "templat_mitra.csv").empty  # the example row is a comment: nothing to import
    assert template.decode().splitlines()[0] == ",".join(SHEET_COLUMNS)
    filled = template + _csv(_rows(codes))
    accounts = Accounts(demo)
    added = import_programmes(demo, accounts, PLANNER, "99.01", filled, "mitra.csv")
    assert len(added) == 3
    assert _read_back(demo) == sorted(_expected(codes))
    entry = accounts.last_entry("programme_import")
    assert entry is not None and entry["detail"]["rows"] == 3 and entry["outcome"] == "ok"


def test_cvg201_blank_xlsx_template_filled_imports_and_reads_back(demo: Store) -> None:
    codes = _codes(demo)
    book = load_workbook(io.BytesIO(blank_template_xlsx()))
    sheet = book["data"]
    assert [c.value for c in sheet[1]] == list(SHEET_COLUMNS)
    for row in _rows(codes):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    import_programmes(demo, Accounts(demo), PLANNER, "99.01", out.getvalue(), "mitra.xlsx")
    assert _read_back(demo) == sorted(_expected(codes))


def test_cvg202_one_bad_row_writes_nothing_and_is_named(demo: Store) -> None:
    codes = _codes(demo)
    rows = _rows(codes)
    rows[1][3] = f"{codes[2]}; 99.01.09.2999"  # a village of no district here: spreadsheet row 3 (header is row 1)
    rows[2][1] = "Bank"  # an unknown sector: row 4
    sheet = _csv([list(SHEET_COLUMNS), *rows])
    with pytest.raises(ProgrammeSheetError) as raised:
        import_programmes(demo, Accounts(demo), PLANNER, "99.01", sheet, "mitra_salah.csv")
    named = [(p.file, p.row, p.column, p.key) for p in raised.value.problems]
    assert named == [
        ("mitra_salah.csv", 3, "kode_desa", "programme_sheet.unknown_code"),
        ("mitra_salah.csv", 4, "sektor", "programme_sheet.bad_sector"),
    ]
    assert raised.value.problems[0].params["value"] == "99.01.09.2999"
    assert _recorded(Programmes(demo).of_district(LEADER, "99.01")) == []


def test_cvg203_sheet_checks_columns_periods_and_budgets(demo: Store) -> None:
    codes = _codes(demo)
    missing = _csv([["mitra", "sektor", "kegiatan"], ["A", "CSR", "PMT"]])
    with pytest.raises(ProgrammeSheetError) as raised:
        import_programmes(demo, None, PLANNER, "99.01", missing, "kurang.csv")
    assert [(p.row, p.key) for p in raised.value.problems] == [(None, "programme_sheet.missing_columns")]
    assert "kode_desa" in str(raised.value.problems[0].params["columns"])
    bad = _csv([list(SHEET_COLUMNS), ["A", "CSR", "PMT", codes[0], "bulan depan", "2025-Q1", "-5"],
                ["B", "Media", "Siaran", codes[1], "2025-06", "2025-Q1", ""]])  # fmt: skip
    with pytest.raises(ProgrammeSheetError) as raised:
        import_programmes(demo, None, PLANNER, "99.01", bad, "salah.csv")
    assert [(p.row, p.column, p.key) for p in raised.value.problems] == [
        (2, "periode_mulai", "programme_sheet.bad_period"),
        (2, "anggaran", "programme_sheet.bad_budget"),
        (3, "periode_selesai", "programme_sheet.end_before_start"),
    ]
    assert _recorded(Programmes(demo).of_district(LEADER, "99.01")) == []


@pytest.mark.parametrize("actor", [LEADER, Actor(8, "perencana.lain", Role.PERENCANA, ("64.74",))],
                         ids=["pimpinan", "other-area"])  # fmt: skip
def test_cvg204_sheet_refused_outside_role_or_area(demo: Store, actor: Actor) -> None:
    accounts = Accounts(demo)
    sheet = _csv([list(SHEET_COLUMNS), *_rows(_codes(demo))])
    with pytest.raises(ProgrammeError, match=r"programme\.forbidden"):
        import_programmes(demo, accounts, actor, "99.01", sheet, "mitra.csv")
    assert _recorded(Programmes(demo).of_district(LEADER, "99.01")) == []
    entry = accounts.last_entry("programme_import")
    assert entry is not None and entry["outcome"] == "refused"


@pytest.mark.parametrize(
    ("written", "sector"),
    [("Perguruan Tinggi", Sector.PERGURUAN_TINGGI), ("perguruan_tinggi", Sector.PERGURUAN_TINGGI),
     ("CSR", Sector.SWASTA), ("Dunia Usaha", Sector.SWASTA), ("LSM", Sector.MASYARAKAT),
     ("Masyarakat", Sector.MASYARAKAT), ("OPD", Sector.PEMERINTAH), ("media", Sector.MEDIA), ("Bank", None)],
)  # fmt: skip
def test_cvg205_sectors_read_in_offices_spellings(written: str, sector: Sector | None) -> None:
    assert parse_sector(written) == sector


def test_cvg240_every_sector_spelling_the_app_suggests_is_accepted() -> None:
    """The template's hint, the refusal's advice and the page's labels name sectors in words; each must be read back
    (a planner once wrote "Swasta (CSR)" as the hint said and was refused, then "Swasta/CSR" as the error said)."""
    from dashboard.data.importers.programmes import parse_sector
    from dashboard.data.programmes import Sector
    from dashboard.i18n import t

    advice = t("programme_sheet.bad_sector", "id", value="x").split("Tulis ", 1)[1].rstrip(".")
    hint = "Pemerintah, Swasta (CSR), Perguruan Tinggi, Media, atau Masyarakat (LSM)"
    for listing in (advice, hint, t("programme_sheet.bad_sector", "en", value="x").split("Write ", 1)[1].rstrip(".")):
        spelled = [p.strip() for p in listing.replace(" atau ", ", ").replace(" or ", ", ").split(",") if p.strip()]
        assert [parse_sector(word) for word in spelled] == list(Sector), listing
    for sector in Sector:
        for lang in ("id", "en"):
            assert parse_sector(t(f"programme.sector.{sector}", lang)) is sector
    for odd in ("Swasta / Media", "bank", "", "Pemerintah (LSM)"):
        assert parse_sector(odd) is None
