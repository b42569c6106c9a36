"""A puskesmas list and figures per puskesmas round trip; no village ever receives a puskesmas figure."""

from __future__ import annotations

import pandas as pd
import shapely

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.puskesmas import (
    blank_puskesmas_template_csv,
    blank_puskesmas_template_xlsx,
    prepare_puskesmas_import,
)
from dashboard.data.levels import (
    commit_puskesmas,
    level_figure,
    observations_at,
    puskesmas_areas,
    puskesmas_villages,
)
from dashboard.data.store import Store
from tests.levels.helpers import check, csv_bytes, messages
from tests.store.helpers import DISTRICT, villages_frame, write

LIST = [
    "kode_puskesmas,nama_puskesmas,kode_desa",
    f"P5291010101,Puskesmas Satu,{DISTRICT}.01.2001",
    f"P5291010101,Puskesmas Satu,{DISTRICT}01" + "2002",  # undotted
    f"P5291010101,Puskesmas Satu,{DISTRICT}.01.2003",
    f"PKM-2,Puskesmas Dua,{DISTRICT}.02.2001",
    f"PKM-2,Puskesmas Dua,{DISTRICT}.02.2002",
]


def _district(store: Store, tmp_path: object) -> pd.DataFrame:
    path = write(villages_frame(), tmp_path, "geojson")  # type: ignore[arg-type]
    batch = prepare_boundary_import(path.read_bytes(), path.name)
    store.commit(batch)
    return pd.DataFrame(store.villages(DISTRICT).drop(columns="geometry"))


def test_lev030_puskesmas_list_and_figures_round_trip_and_no_village_gets_one(store: Store, tmp_path) -> None:
    villages = _district(store, tmp_path)
    listing = prepare_puskesmas_import(csv_bytes(LIST).replace(b"5291012002", b"5291012002"), "pkm.csv", villages)
    assert listing.ok, [p.message("en") for p in listing.problems]
    commit_puskesmas(store, listing)
    assert puskesmas_villages(store, DISTRICT).values.tolist() == [
        ["P5291010101", f"{DISTRICT}.01.2001"], ["P5291010101", f"{DISTRICT}.01.2002"],
        ["P5291010101", f"{DISTRICT}.01.2003"], ["PKM-2", f"{DISTRICT}.02.2001"], ["PKM-2", f"{DISTRICT}.02.2002"],
    ]  # fmt: skip
    lines = [
        "kode_wilayah,kode_puskesmas,periode,indikator,pembilang,penyebut",
        f"{DISTRICT},P5291010101,2025-02,stunting,17,150",
        ",PKM-2,2025-02,stunting,9,88",  # the district from the stored list
    ]
    batch = check(store, lines, "dinkes_pkm.csv")
    assert batch.ok, messages(batch)
    store.commit(batch)
    found = observations_at(store, "puskesmas", DISTRICT)
    assert found[["code", "name", "numerator", "denominator", "origin"]].values.tolist() == [
        ["P5291010101", "Puskesmas Satu", 17.0, 150.0, "imported"], ["PKM-2", "Puskesmas Dua", 9.0, 88.0, "imported"],
    ]  # fmt: skip
    assert store.observations(DISTRICT).empty  # no village receives a puskesmas figure
    assert observations_at(store, "desa", DISTRICT).empty
    assert observations_at(store, "kabupaten", DISTRICT).empty  # and no sum takes them in
    figure = level_figure(store, "puskesmas", DISTRICT, "stunting", "2025-02")
    assert figure["value"].round(2).tolist() == [11.33, 10.23]
    areas = puskesmas_areas(store, DISTRICT)
    assert areas["code"].tolist() == ["P5291010101", "PKM-2"]
    served = store.villages(DISTRICT).set_index("code").geometry
    expected = shapely.union_all([served[f"{DISTRICT}.01.200{i}"] for i in (1, 2, 3)])
    assert areas.geometry.iloc[0].equals(expected)


def test_lev031_bad_puskesmas_lists_name_row_and_column(store: Store, tmp_path) -> None:
    villages = _district(store, tmp_path)
    lines = [
        "kode_puskesmas,nama_puskesmas,kode_desa",
        f"P1,Puskesmas Satu,{DISTRICT}.01.2001",
        f"P1,Puskesmas Lain,{DISTRICT}.01.2002",  # a second name
        f"P2,Puskesmas Dua,{DISTRICT}.09.2001",  # no such village
        f"P2,,{DISTRICT}.02.2001",  # empty name
        f"P3,Puskesmas Tiga,{DISTRICT}.01.2001",  # a village shared: a warning only
    ]
    batch = prepare_puskesmas_import(csv_bytes(lines), "pkm.csv", villages)
    found = {(p.row, p.column, p.key, str(p.severity)) for p in batch.problems}
    assert found == {
        (3, "nama_puskesmas", "puskesmas.two_names", "error"),
        (4, "kode_desa", "puskesmas.unknown_village", "error"),
        (5, "nama_puskesmas", "puskesmas.missing_value", "error"),
        (6, "kode_desa", "puskesmas.shared_village", "warning"),
    }
    assert all(p.message("id") and p.message("en") for p in batch.problems)


def test_lev032_puskesmas_templates_are_blank_and_read_back() -> None:
    assert blank_puskesmas_template_csv().decode().splitlines()[0] == "kode_puskesmas,nama_puskesmas,kode_desa"
    for content, name in ((blank_puskesmas_template_csv(), "t.csv"), (blank_puskesmas_template_xlsx(), "t.xlsx")):
        batch = prepare_puskesmas_import(content, name, pd.DataFrame({"code": [], "district_code": []}))
        assert [p.key for p in batch.problems] == ["puskesmas.empty"]  # the example row is a comment
