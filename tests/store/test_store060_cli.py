"""The import and export commands: exit status, the report on stderr, one summary line on stdout."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.data.accounts import Accounts
from dashboard.data.importers.model import (
    BATCH_OBSERVATION_COLUMNS,
    DatasetKind,
    IndicatorBatch,
    NameSuggestion,
    Problem,
)
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write


def test_store060_import_boundaries_succeeds_with_one_line(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(villages_frame(), tmp_path, "geojson")
    assert main(["import-boundaries", str(path), "--user", "ani"]) == 2  # --user names an account
    assert "Tidak ada pengguna 'ani'" in capsys.readouterr().err
    with Store.open(cli_url) as store:
        Accounts(store).create_user("ani", "kata-sandi-panjang", "perencana", [DISTRICT])
    assert main(["import-boundaries", str(path), "--user", "ani"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "desa.geojson: dataset 1, 6 desa/kelurahan di 1 kabupaten/kota "
        "(0 geometri diperbaiki, 0 kode baru, 0 kode hilang)."
    ]
    assert err == ""
    with Store.open(cli_url) as store:
        assert len(store.villages(DISTRICT)) == 6 and store.datasets()[0].user == "ani (baris perintah)"
        logged = Accounts(store).audit_entries()
        assert logged.iloc[0]["action"] == "import" and logged.iloc[0]["username"] == "ani (baris perintah)"


def test_store061_rejected_boundary_file_exits_1_with_the_report(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = villages_frame()
    frame.loc[5, "geometry"] = None
    path = write(frame, tmp_path, "geojson")
    assert main(["import-boundaries", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "ERROR: desa.geojson, baris 6, kolom geometry, nilai '52.91.02.2003': geometri kosong. "
        "Gambar ulang poligon wilayah ini atau hapus barisnya.",
        "desa.geojson: ditolak, 1 kesalahan dan 0 peringatan; basis data tidak berubah.",
    ]
    with Store.open(cli_url) as store:
        assert store.datasets() == []


def test_store062_code_column_missing_file_and_same_file_twice(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = villages_frame().rename(columns={"kode": "id"})
    path = write(frame, tmp_path, "gpkg")
    assert main(["import-boundaries", str(path), "--code-column", "nama"]) == 1
    assert "bukan kode wilayah Kemendagri" in capsys.readouterr().err
    assert main(["import-boundaries", str(path), "--code-column", "id"]) == 0
    capsys.readouterr()
    assert main(["import-boundaries", str(path), "--code-column", "id"]) == 0
    assert capsys.readouterr().out == "desa.gpkg: sudah diimpor sebagai dataset 1; tidak ada yang berubah.\n"
    assert main(["import-boundaries", str(tmp_path / "tidak-ada.geojson")]) == 2
    assert "file tidak ditemukan" in capsys.readouterr().err


def _stub_importer(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """A stand-in for the indicator importer: reads the tidy template; names 'Desa X' need a near match."""
    calls: list[dict[str, object]] = []

    def prepare_indicator_import(
        content: bytes,
        file_name: str,
        villages: pd.DataFrame,
        aliases: Mapping[tuple[str, str], str],
        **options: object,
    ) -> IndicatorBatch:
        calls.append({"villages": len(villages), "aliases": dict(aliases), **options})
        table = pd.read_csv(pd.io.common.BytesIO(content), dtype=str)
        frame = pd.DataFrame(
            {
                "code": table["kode_wilayah"], "period": table["periode"], "indicator": table["indikator"],
                "numerator": table["pembilang"].astype(float), "denominator": table["penyebut"].astype(float),
                "source_row": range(2, len(table) + 2),
            }
        )  # fmt: skip
        batch = IndicatorBatch(
            file_name, str(hash(content)), DatasetKind.TIDY, frame[BATCH_OBSERVATION_COLUMNS], len(table)
        )
        near = table["kode_wilayah"] == "Desa X"
        if near.any():
            if options["accept_near"]:
                batch.observations.loc[near.to_numpy(), "code"] = village_codes()[0]
                batch.new_aliases = {(DISTRICT, "desa x"): village_codes()[0]}
                batch.matched_by_near_name = int(near.sum())
            else:
                batch.suggestions.append(NameSuggestion("Desa X", None, (village_codes()[0],), (0.9,), (2,)))
                batch.problems.append(Problem(file_name, 2, "kode_wilayah", "Desa X", "store.missing_count"))
        return batch

    module = types.ModuleType("dashboard.data.importers.indicators")
    module.prepare_indicator_import = prepare_indicator_import  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dashboard.data.importers.indicators", module)
    return calls


def test_store063_import_indicators_refuses_then_accepts_near_names_and_saves_aliases(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _stub_importer(monkeypatch)
    assert main(["import-boundaries", str(write(villages_frame(), tmp_path, "geojson"))]) == 0
    table = tmp_path / "indikator.csv"
    table.write_text(
        "kode_wilayah,periode,indikator,pembilang,penyebut\nDesa X,2025-02,stunting,3,30\n"
        f"{village_codes()[1]},2025-02,stunting,4,40\n"
    )
    capsys.readouterr()
    assert main(["import-indicators", str(table), "--wilayah", "5291"]) == 1
    _, err = capsys.readouterr()
    assert "Nama desa yang perlu dikonfirmasi" in err
    assert f"'Desa X' (baris 2): mungkin Desa 1-1 (Kecamatan 1) [{village_codes()[0]}, 90%]" in err
    assert calls[-1]["district_code"] == DISTRICT and calls[-1]["villages"] == 6 and not calls[-1]["accept_near"]

    assert main(["import-indicators", str(table), "--wilayah", DISTRICT, "--yes", "--format", "tidy"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("indikator.csv: dataset 2, 2 nilai dari 2 baris (0 baris dilewati, 1 alias nama disimpan")
    assert calls[-1]["format"] == "tidy" and calls[-1]["accept_near"]
    with Store.open(cli_url) as store:
        assert store.aliases(DISTRICT) == {(DISTRICT, "desa x"): village_codes()[0]}
        assert store.observations(DISTRICT)["numerator"].tolist() == [3.0, 4.0]
    assert main(["import-indicators", str(table), "--wilayah", DISTRICT, "--yes"]) == 0
    assert "sudah diimpor sebagai dataset 2" in capsys.readouterr().out
    assert calls[-1]["aliases"] == {(DISTRICT, "desa x"): village_codes()[0]}  # the next file matches by alias


def test_store064_import_indicators_bad_arguments(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stub_importer(monkeypatch)
    table = tmp_path / "indikator.csv"
    table.write_text("kode_wilayah,periode,indikator,pembilang,penyebut\n")
    assert main(["import-indicators", str(table), "--wilayah", "bontang"]) == 2
    assert "bukan kode kabupaten/kota" in capsys.readouterr().err
    assert main(["import-indicators", str(table), "--wilayah", "64.74"]) == 1
    assert "Belum ada batas desa untuk 64.74" in capsys.readouterr().err
    assert main(["import-indicators", str(tmp_path / "x.csv")]) == 2
    with pytest.raises(SystemExit):
        main(["import-indicators", str(table), "--format", "excel"])


def test_store065_export_indicators(cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(cli_url) as store:
        from tests.store.helpers import indicator_batch

        store.commit_indicators(indicator_batch([(village_codes()[0], "2025-08", "wasting", 1, 12)]))
    out = tmp_path / "semua.csv"
    assert main(["export-indicators", str(out)]) == 0
    assert capsys.readouterr().out == f"1 nilai ditulis ke {out}\n"
    assert (
        out.read_text()
        == f"kode_wilayah,periode,indikator,pembilang,penyebut\n{village_codes()[0]},2025-08,wasting,1,12\n"
    )
    assert main(["export-indicators", str(out), "--wilayah", "5291"]) == 0
    assert main(["export-indicators", str(out), "--wilayah", "52.91.01"]) == 2


def test_store066_mapped_table_with_confirmed_names_from_the_command_line(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-boundaries", str(write(villages_frame(), tmp_path, "geojson"))]) == 0
    table = tmp_path / "kantor_lain.csv"
    table.write_text("Nama Desa;Kec.;Jumlah balita pendek;Jumlah balita diukur\n"
                     "Ds. 1 - 2x;Kecamatan 1;6;30\nDesa 1-1;Kecamatan 1;4;40\n")  # fmt: skip
    mapping = tmp_path / "peta_kolom.json"
    columns = {"nama_desa": "Nama Desa", "kecamatan": "Kec.", "stunting.pembilang": "Jumlah balita pendek",
               "stunting.penyebut": "Jumlah balita diukur", "periode_tetap": "2025-02"}  # fmt: skip
    mapping.write_text(json.dumps(columns))
    base = ["import-indicators", str(table), "--wilayah", DISTRICT, "--format", "mapped", "--mapping", str(mapping)]
    capsys.readouterr()
    assert main(base) == 1  # the misspelt name needs a person's word
    assert "Ds. 1 - 2x" in capsys.readouterr().err
    assert main([*base, "--confirm", f"Ds. 1 - 2x={DISTRICT.replace('.', '')}012002"]) == 0
    with Store.open(cli_url) as store:
        stored = store.observations(DISTRICT).sort_values("code")
    assert stored["code"].tolist() == [f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002"]
    assert (stored["numerator"].tolist(), stored["denominator"].tolist()) == ([4.0, 6.0], [40.0, 30.0])
    # Malformed arguments end with a message and change nothing.
    capsys.readouterr()
    assert main([*base, "--confirm", "Ds. 1 - 2x"]) == 2
    assert "--confirm" in capsys.readouterr().err
    mapping.write_text("[1, 2]")
    assert main(base) == 2
    assert "--mapping" in capsys.readouterr().err
