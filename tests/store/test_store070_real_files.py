"""End to end with the indicator importer: the tidy template and the real Bontang report through the commands."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

pytest.importorskip("dashboard.data.importers.indicators", reason="the indicator importer is not in the tree yet")


def test_store070_tidy_template_round_trip_through_the_commands(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-boundaries", str(write(villages_frame(), tmp_path, "shpzip"))]) == 0
    table = tmp_path / "tidy.csv"
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [f"{code.replace('.', '')},Februari 2025,stunting,{i},30" for i, code in enumerate(village_codes())]
    table.write_text("\n".join(lines) + "\n")
    assert main(["import-indicators", str(table), "--format", "tidy", "--wilayah", DISTRICT]) == 0
    out = tmp_path / "ekspor.csv"
    assert main(["export-indicators", str(out)]) == 0
    exported = pd.read_csv(out, dtype=str)
    assert exported["kode_wilayah"].tolist() == village_codes()
    assert exported["periode"].unique().tolist() == ["2025-02"]
    assert exported["pembilang"].tolist() == [str(i) for i in range(6)]
    bad = tmp_path / "bad.csv"
    bad.write_text(table.read_text() + f"{village_codes()[0]},2025-03,stunting,50,30\n")  # error in the last row
    with Store.open(cli_url) as store:
        before = store.observations(DISTRICT)
    capsys.readouterr()
    assert main(["import-indicators", str(bad), "--format", "tidy", "--wilayah", DISTRICT]) == 1
    err = capsys.readouterr().err
    assert "baris 8" in err
    with Store.open(cli_url) as store:
        pd.testing.assert_frame_equal(store.observations(DISTRICT), before)


@pytest.mark.realdata
def test_store071_bontang_report_matches_all_15_kelurahan_and_its_sums(
    cli_url: str, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-boundaries", str(shared_data / "boundaries" / "desa_kota6474_bontang.geojson")]) == 0
    report = shared_data / "indicators" / "bontang_laporan_gizi_2025_2026.csv"
    assert main(["import-indicators", str(report), "--wilayah", "64.74", "--yes"]) == 0, capsys.readouterr().err
    with Store.open(cli_url) as store:
        observations = store.observations("64.74")
        assert len(store.aliases("64.74")) >= 2  # the two BEREBAS spellings, remembered
    january = observations[(observations["period"] == "2025-01") & (observations["indicator"] == "stunting")]
    assert january["code"].nunique() == 15
    source = pd.read_csv(report)
    rows = source[(source["Bulan"] == "Januari") & (source["Tahun"] == 2025)]
    assert january["numerator"].sum() == rows["Jml_Balita_Stunting"].sum()
    assert january["denominator"].sum() == rows["Balita_Diukur_PB_TB"].sum()
