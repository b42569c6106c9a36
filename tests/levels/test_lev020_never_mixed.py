"""A kecamatan's own figure and the sum of its villages are both returned, labelled, and never added."""

from __future__ import annotations

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.levels import level_figure, observations_at
from dashboard.data.store import Store
from tests.levels.helpers import check, messages
from tests.store.helpers import DISTRICT, villages_frame, write


def _district(store: Store, tmp_path: object) -> None:
    path = write(villages_frame(), tmp_path, "geojson")  # type: ignore[arg-type]
    batch = prepare_boundary_import(path.read_bytes(), path.name)
    assert batch.ok
    store.commit(batch)


def test_lev020_kecamatan_import_and_village_sum_both_returned_labelled_never_added(store: Store, tmp_path) -> None:
    _district(store, tmp_path)
    lines = [
        "kode_wilayah,periode,indikator,pembilang,penyebut",
        f"{DISTRICT}.01.2001,2024,stunting,3,30",
        f"{DISTRICT}.01.2002,2024,stunting,5,20",  # 2 of the kecamatan's 3 villages report
        f"{DISTRICT}.01,2024,stunting,40,200",  # the kecamatan's own figure (e.g. a survey table by kecamatan)
    ]
    batch = check(store, lines, "kecamatan.csv", DISTRICT)
    assert batch.ok, messages(batch)
    store.commit(batch)
    found = observations_at(store, "kecamatan", DISTRICT)
    rows = found[found["code"] == f"{DISTRICT}.01"].set_index("origin")
    assert rows.loc["imported", ["numerator", "denominator"]].tolist() == [40.0, 200.0]
    assert rows.loc["sum", ["numerator", "denominator", "villages_reporting", "villages_expected"]].tolist() == [
        8.0, 50.0, 2.0, 3.0,
    ]  # fmt: skip
    assert found["code"].tolist().count(f"{DISTRICT}.01") == 2  # two rows, not one of 48/250
    # The village reads of the map pages hold the villages only.
    assert sorted(store.observations(DISTRICT)["code"]) == [f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002"]
    figure = level_figure(store, "kecamatan", DISTRICT, "stunting", "2024")
    assert figure[["code", "origin", "value"]].values.tolist() == [
        [f"{DISTRICT}.01", "imported", 20.0], [f"{DISTRICT}.01", "sum", 16.0],
    ]  # fmt: skip
    # The kabupaten has only the sum of its villages; its own figure would be a row of its own.
    kabupaten = observations_at(store, "kabupaten", DISTRICT)
    assert kabupaten[["code", "origin", "numerator", "villages_expected"]].values.tolist() == [
        [DISTRICT, "sum", 8.0, 6.0]
    ]
