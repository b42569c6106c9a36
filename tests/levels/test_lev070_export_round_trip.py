"""The tidy export writes every level so that it imports back unchanged: villages, a kecamatan, the kabupaten
and each puskesmas (its code in ``kode_puskesmas``, its district in ``kode_wilayah``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.puskesmas import prepare_puskesmas_import
from dashboard.data.levels import commit_puskesmas
from dashboard.data.store import Store
from tests.levels.helpers import check, csv_bytes, messages
from tests.store.helpers import DISTRICT, villages_frame, write

LIST = [
    "kode_puskesmas,nama_puskesmas,kode_desa",
    f"P5291010101,Puskesmas Satu,{DISTRICT}.01.2001",
    f"P5291010101,Puskesmas Satu,{DISTRICT}.01.2002",
    f"PKM-2,Puskesmas Dua,{DISTRICT}.02.2001",
]
FIGURES = [
    "kode_wilayah,kode_puskesmas,periode,indikator,pembilang,penyebut",
    f"{DISTRICT}.01.2001,,2025-02,stunting,4,40",
    f"{DISTRICT}.02.2003,,2025-02,stunting,6,30",
    f"{DISTRICT}.01,,2025-02,stunting,21,180",  # a kecamatan's own figure
    f"{DISTRICT},,2024,stunting,70,500",  # the kabupaten's own
    f"{DISTRICT},P5291010101,2025-02,stunting,17,150",
    f"{DISTRICT},PKM-2,2025-08,stunting,9,88",
]
KEY = ["code", "period", "indicator"]


def _district_with_puskesmas(store: Store, tmp_path: Path) -> None:
    path = write(villages_frame(), tmp_path, "geojson")
    store.commit(prepare_boundary_import(path.read_bytes(), path.name))
    villages = pd.DataFrame(store.villages(DISTRICT).drop(columns="geometry"))
    listing = prepare_puskesmas_import(csv_bytes(LIST), "pkm.csv", villages)
    assert listing.ok, [p.message("en") for p in listing.problems]
    commit_puskesmas(store, listing)


def _figures(store: Store) -> pd.DataFrame:
    frame = store._current_observations()[[*KEY, "numerator", "denominator"]]
    return frame.sort_values(KEY).reset_index(drop=True)


def test_lev070_export_of_every_level_imports_back_unchanged(store: Store, tmp_path: Path) -> None:
    _district_with_puskesmas(store, tmp_path)
    batch = check(store, FIGURES, "semua_tingkat.csv")
    assert batch.ok, messages(batch)
    store.commit(batch)
    before = _figures(store)
    assert len(before) == len(FIGURES) - 1

    out = tmp_path / "ekspor.csv"
    assert store.export_observations(out) == len(FIGURES) - 1
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["kode_wilayah", "kode_puskesmas", "periode", "indikator", "pembilang", "penyebut"]
    puskesmas = sorted((r["kode_wilayah"], r["kode_puskesmas"]) for r in rows if r["kode_puskesmas"])
    assert puskesmas == [(DISTRICT, "P5291010101"), (DISTRICT, "PKM-2")]  # never "52.91#P…" in kode_wilayah
    assert not any("#" in r["kode_wilayah"] for r in rows)

    # Into another database holding the same boundaries and puskesmas list: the same figures, exactly.
    with Store.open(f"sqlite:///{tmp_path / 'lain.sqlite'}") as other:
        _district_with_puskesmas(other, tmp_path / "lain")
        again = check(other, out.read_text(encoding="utf-8").splitlines(), out.name)
        assert again.ok, messages(again)
        other.commit(again)
        pd.testing.assert_frame_equal(_figures(other), before)


def test_lev071_an_export_without_puskesmas_figures_keeps_the_five_columns(store: Store, tmp_path: Path) -> None:
    _district_with_puskesmas(store, tmp_path)
    store.commit(check(store, FIGURES[:3], "desa.csv"))
    out = tmp_path / "desa_saja.csv"
    assert store.export_observations(out) == 2
    assert out.read_text(encoding="utf-8").splitlines()[0] == "kode_wilayah,periode,indikator,pembilang,penyebut"
