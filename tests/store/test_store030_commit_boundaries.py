"""Committing boundaries: atomic, idempotent by hash, versioned per district without losing observations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dashboard.data import schema
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.model import ImportRefused
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import DatasetStatus, Store
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write


def snapshot(store: Store) -> dict[str, Any]:
    """Everything in the database, as comparable Python values."""
    engine = sa.create_engine(store._engine.url)  # the same database, another connection
    content = {}
    with engine.connect() as conn:
        for name, table in schema.metadata.tables.items():
            key = [c for c in table.primary_key.columns] or list(table.columns)
            content[name] = [tuple(row) for row in conn.execute(sa.select(table).order_by(*key))]
    engine.dispose()
    return content


def test_store030_error_in_the_last_row_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    before = snapshot(store)
    frame = villages_frame(kecamatan=3)
    frame.loc[len(frame) - 1, "geometry"] = None
    batch = prepare_boundary_import(write(frame, tmp_path / "v2", "geojson"))
    assert [p.row for p in batch.errors] == [len(frame)]
    with pytest.raises(ImportRefused) as refused:
        store.commit_boundaries(batch)
    assert refused.value.problems == batch.errors
    assert snapshot(store) == before


def test_store031_a_failure_inside_the_transaction_rolls_everything_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    before = snapshot(store)

    def fail(*_args: object) -> None:  # after regions, districts and the dataset row were written
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_finish_dataset", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        store.commit_boundaries(prepare_boundary_import(write(villages_frame(kecamatan=3), tmp_path / "v2", "gpkg")))
    assert snapshot(store) == before


def test_store032_same_file_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = write(villages_frame(), tmp_path, "shpzip")
    first = store.commit_boundaries(prepare_boundary_import(path), "ani")
    before = snapshot(store)
    again = store.commit_boundaries(prepare_boundary_import(path), "budi")
    assert again.duplicate and again.duplicate_of == first.dataset_id and again.dataset_id is None
    assert [p.key for p in again.problems] == ["store.duplicate_file"]
    assert f"dataset {first.dataset_id}" in again.problems[0].reason("en")
    assert snapshot(store) == before


def test_store033_new_boundary_version_keeps_observations_and_reports_changes(store: Store, tmp_path: Path) -> None:
    first = store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    version_1 = store.boundary_version(DISTRICT)
    codes = village_codes()
    store.commit_indicators(indicator_batch([(code, "2025-01", "stunting", 2, 20) for code in codes]))
    changed = villages_frame(per_kecamatan=4)
    changed = changed[changed["kode"] != codes[0]]  # one village gone, two new ones
    second = store.commit_boundaries(prepare_boundary_import(write(changed, tmp_path / "v2", "geojson")))
    new = sorted({*village_codes(per_kecamatan=4)} - set(codes))
    assert second.appeared == tuple(new) and second.disappeared == (codes[0],)
    assert store.boundary_version(DISTRICT) != version_1
    assert store.villages(DISTRICT)["code"].tolist() == sorted(changed["kode"])
    assert store.observations(DISTRICT)["code"].tolist() == codes  # the vanished village's data stays stored
    report = store.dataset(second.dataset_id or 0).report or {}
    assert (report["appeared"], report["disappeared"]) == (new, [codes[0]])
    assert report["counts"]["orphaned_observations"] == 1
    assert [p["key"] for p in report["problems"]] == ["store.codes_appeared", "store.codes_disappeared"]
    statuses = {d.id: d.status for d in store.datasets()}
    assert statuses[first.dataset_id or 0] == DatasetStatus.SUPERSEDED
    assert statuses[second.dataset_id or 0] == DatasetStatus.IMPORTED


def test_store034_removing_a_boundary_dataset_keeps_observations(store: Store, tmp_path: Path) -> None:
    result = store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    store.commit_indicators(indicator_batch([(village_codes()[0], "2025", "stunting", 1, 10)]))
    assert store.remove_dataset(result.dataset_id or 0)
    assert store.districts() == [] and store.villages(DISTRICT).empty
    assert len(store.observations(DISTRICT)) == 1
    assert not store.remove_dataset(result.dataset_id or 0)


def _demo_files(folder: Path, stunted: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    frame = villages_frame(district=DEMO_DISTRICT_CODE)
    frame["nama_kab"] = "Kabupaten Contoh"
    frame.to_file(folder / "kabupaten_contoh_desa.geojson", driver="GeoJSON")
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [f"{code},2025-02,stunting,{stunted},40" for code in frame["kode"]]
    (folder / "kabupaten_contoh_indikator.csv").write_text("\n".join(lines) + "\n")
    return folder


def test_store035_demo_is_seeded_once_and_refreshed_when_its_files_change(store: Store, tmp_path: Path) -> None:
    folder = _demo_files(tmp_path / "geodata")
    assert store.ensure_demo(folder)
    assert not store.ensure_demo(folder)
    [district] = store.districts()
    assert (district.code, district.name, district.is_demo) == (DEMO_DISTRICT_CODE, "Kabupaten Contoh", True)
    assert sorted(d.kind for d in store.datasets()) == ["demo", "demo"]
    assert store.observations(DEMO_DISTRICT_CODE)["numerator"].tolist() == [3.0] * 6
    _demo_files(folder, stunted=4)
    assert store.ensure_demo(folder)
    assert len(store.datasets()) == 2
    assert store.observations(DEMO_DISTRICT_CODE)["numerator"].tolist() == [4.0] * 6
    assert not store.ensure_demo(tmp_path / "nowhere")


def test_store036_imported_districts_are_listed_before_the_demo(store: Store, tmp_path: Path) -> None:
    store.ensure_demo(_demo_files(tmp_path / "geodata"))
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    assert [(d.code, d.is_demo) for d in store.districts()] == [(DISTRICT, False), (DEMO_DISTRICT_CODE, True)]


@pytest.mark.realdata
def test_store037_bontang_boundaries_import_with_15_kelurahan(store: Store, shared_data: Path) -> None:
    batch = prepare_boundary_import(shared_data / "boundaries" / "desa_kota6474_bontang.geojson")
    assert batch.ok and batch.problems == []
    result = store.commit_boundaries(batch, "tester")
    assert result.rows == 15 and result.districts == ("64.74",)
    villages = store.villages("64.74")
    assert len(villages) == 15 and villages["code"].str.match(r"^64\.74\.0\d\.1\d{3}$").all()
    assert set(villages["kecamatan_name"]) == {"Bontang Utara", "Bontang Selatan", "Bontang Barat"}
    assert store.districts()[0].name == "Kota Bontang"
    kota = store.outlines("64.74", "kabupaten").geometry.iloc[0]
    assert kota.area == pytest.approx(villages.geometry.union_all().area, rel=1e-3)


def test_store035_a_replaced_boundary_file_can_be_imported_again_to_bring_its_map_back(
    store: Store, tmp_path: Path
) -> None:
    """A partial file replaced the district's map; importing the complete file again restores it, whether or not
    the partial import was removed first (before: 'already imported, nothing changed', and the district gone)."""
    whole = write(villages_frame(), tmp_path, "geojson")
    first = store.commit_boundaries(prepare_boundary_import(whole))
    codes = village_codes()
    store.commit_indicators(indicator_batch([(code, "2025-01", "stunting", 2, 20) for code in codes]))
    partial = store.commit_boundaries(
        prepare_boundary_import(write(villages_frame().head(2), tmp_path / "p", "geojson"))
    )
    assert store.villages(DISTRICT)["code"].tolist() == codes[:2]
    assert store.remove_dataset(partial.dataset_id or 0)
    assert store.districts() == []  # the partial import was the district's only map
    again = store.commit_boundaries(prepare_boundary_import(whole))
    assert again.duplicate_of is None and again.dataset_id not in (None, first.dataset_id)
    assert store.villages(DISTRICT)["code"].tolist() == codes
    assert [d.id for d in store.datasets() if d.id == first.dataset_id] == []  # the empty old row made way
    # Without removing the partial import first, the complete file takes the map back just the same.
    store.commit_boundaries(prepare_boundary_import(write(villages_frame().head(2), tmp_path / "p", "geojson")))
    store.commit_boundaries(prepare_boundary_import(whole))
    assert store.villages(DISTRICT)["code"].tolist() == codes
    assert len(store.observations(DISTRICT)) == len(codes)  # the figures were never touched
    # A file still on the map is a duplicate as before.
    assert store.commit_boundaries(prepare_boundary_import(whole)).duplicate_of is not None
