"""``python -m dashboard import-puskesmas``: one summary line, the report on stderr, exit 1 and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.data.accounts import Accounts
from dashboard.data.levels import puskesmas_list, puskesmas_villages
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, villages_frame, write


def _district_and_list(tmp_path: Path, name: str, rows: list[str]) -> Path:
    """The district's villages imported by the command line, and a puskesmas list written beside them."""
    assert main(["import-boundaries", str(write(villages_frame(), tmp_path, "geojson"))]) == 0
    listing = tmp_path / name
    listing.write_text("\n".join(["kode_puskesmas,nama_puskesmas,kode_desa", *rows]) + "\n", encoding="utf-8")
    return listing


def test_lev090_import_puskesmas_commits_with_one_line_and_an_audit_entry(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"P1,Puskesmas Satu,{DISTRICT}.01.2001", f"P1,Puskesmas Satu,{DISTRICT}.01.2002",
            f"P2,Puskesmas Dua,{DISTRICT}.02.2001"]  # fmt: skip
    listing = _district_and_list(tmp_path, "pkm.csv", rows)
    capsys.readouterr()
    assert main(["import-puskesmas", str(listing), "--wilayah", DISTRICT.replace(".", "")]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["pkm.csv: dataset 2, 2 puskesmas melayani 3 desa/kelurahan di 52.91."]
    assert err == ""
    with Store.open(cli_url) as store:
        assert puskesmas_list(store, DISTRICT)["name"].tolist() == ["Puskesmas Satu", "Puskesmas Dua"]
        assert len(puskesmas_villages(store, DISTRICT)) == 3
        assert sorted(str(d.kind) for d in store.datasets()) == ["boundaries", "puskesmas"]
        assert Accounts(store).last_entry("import")["target"] == "pkm.csv"  # type: ignore[index]


def test_lev091_a_refused_list_exits_1_naming_row_and_column_and_writes_nothing(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _district_and_list(tmp_path, "pkm_salah.csv", [f"P1,Puskesmas Satu,{DISTRICT}.01.2001",
                                                             "P1,Puskesmas Satu,99.99"])  # fmt: skip
    capsys.readouterr()
    assert main(["import-puskesmas", str(listing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("ERROR: pkm_salah.csv, baris 3, kolom kode_desa, nilai '99.99'")
    assert lines[-1] == "pkm_salah.csv: ditolak, 1 kesalahan dan 0 peringatan; basis data tidak berubah."
    with Store.open(cli_url) as store:
        assert puskesmas_list(store).empty and len(store.datasets()) == 1
