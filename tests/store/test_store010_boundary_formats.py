"""Boundary files of every format go in and come back out of the store the same, in EPSG:4326."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest
import shapely

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.model import Severity
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

FORMATS = ["geojson", "shpzip", "gpkg", "parquet"]


def _assert_same_villages(store: Store, expected: object) -> None:
    frame = villages_frame()
    got = store.villages(DISTRICT)
    assert got["code"].tolist() == village_codes()
    assert got["name"].tolist() == frame["nama"].tolist()
    assert got["kecamatan_code"].tolist() == [code[:8] for code in village_codes()]
    assert set(got["kecamatan_name"]) == {"Kecamatan 1", "Kecamatan 2"}
    assert set(got["district_name"]) == {"Kabupaten Uji"}
    assert got.crs.to_epsg() == 4326
    for mine, theirs in zip(got.geometry, frame.geometry, strict=True):
        assert shapely.equals_exact(shapely.normalize(mine), shapely.normalize(theirs), tolerance=1e-7)


@pytest.mark.parametrize("fmt", FORMATS)
def test_store010_round_trip_every_format(store: Store, tmp_path: Path, fmt: str) -> None:
    path = write(villages_frame(), tmp_path, fmt)
    batch = prepare_boundary_import(path)
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.problems == []
    result = store.commit_boundaries(batch, "tester")
    assert result.rows == 6 and result.districts == (DISTRICT,)
    _assert_same_villages(store, villages_frame())
    [district] = store.districts()
    assert (district.code, district.name, district.is_demo) == (DISTRICT, "Kabupaten Uji", False)


def test_store011_projected_crs_is_reprojected_back_within_tolerance(store: Store, tmp_path: Path) -> None:
    utm = villages_frame().to_crs(32750)  # UTM 50S, metres
    batch = prepare_boundary_import(write(utm, tmp_path, "gpkg"))
    assert batch.ok and batch.source_crs == "EPSG:32750"
    store.commit_boundaries(batch)
    got = store.villages(DISTRICT)
    for mine, theirs in zip(got.geometry, villages_frame().geometry, strict=True):
        assert mine.hausdorff_distance(theirs) < 1e-7  # ~1 cm: a round trip through UTM loses nothing visible


def test_store012_undotted_text_codes_are_normalised_keeping_leading_zeros(store: Store, tmp_path: Path) -> None:
    frame = villages_frame()
    frame["kode"] = [code.replace(".", "") for code in frame["kode"]]  # "5291012001": kecamatan 01, kept as text
    store.commit_boundaries(prepare_boundary_import(write(frame, tmp_path, "geojson")))
    assert store.villages(DISTRICT)["code"].tolist() == village_codes()
    assert store.outlines(DISTRICT)["code"].tolist() == [f"{DISTRICT}.01", f"{DISTRICT}.02"]


def test_store013_code_column_chosen_by_name(tmp_path: Path) -> None:
    frame = villages_frame().rename(columns={"kode": "id_desa"})
    frame["kode"] = "P-01"  # a column called "kode" that holds something else: detection picks it, and fails
    path = write(frame, tmp_path, "geojson")
    detected = prepare_boundary_import(path)
    assert [p.key for p in detected.problems] == ["boundary.bad_code"] * 6
    assert (detected.problems[0].row, detected.problems[0].column, detected.problems[0].value) == (1, "kode", "P-01")
    chosen = prepare_boundary_import(path, code_column="ID_DESA")  # case does not matter
    assert chosen.ok and chosen.code_column == "id_desa"
    assert chosen.villages["code"].tolist() == village_codes()
    missing = prepare_boundary_import(path, code_column="kode_kemendagri")
    assert [p.key for p in missing.problems] == ["boundary.code_column_missing"]
    assert "id_desa" in missing.problems[0].reason()


def test_store014_outlines_dissolved_with_levels_parents_and_names(store: Store, tmp_path: Path) -> None:
    batch = prepare_boundary_import(write(villages_frame(), tmp_path, "geojson"))
    outlines = batch.outlines
    assert outlines is not None
    rows = [tuple(row) for row in outlines.drop(columns="geometry").itertuples(index=False)]
    assert rows == [
        (f"{DISTRICT}.01", "Kecamatan 1", "kecamatan", DISTRICT, DISTRICT),
        (f"{DISTRICT}.02", "Kecamatan 2", "kecamatan", DISTRICT, DISTRICT),
        (DISTRICT, "Kabupaten Uji", "kabupaten", "52", DISTRICT),
    ]
    # Three adjacent squares make one rectangle per kecamatan; two rows make the kabupaten.
    areas = shapely.area(np.asarray(outlines.geometry.values, dtype=object))
    assert areas == pytest.approx([3 * 0.01**2, 3 * 0.01**2, 6 * 0.01**2])
    store.commit_boundaries(batch)
    stored = store.outlines(DISTRICT)
    assert stored["code"].tolist() == [f"{DISTRICT}.01", f"{DISTRICT}.02"]
    assert store.outlines(DISTRICT, "kabupaten")["name"].tolist() == ["Kabupaten Uji"]


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_store015_file_without_crs(tmp_path: Path) -> None:
    lonlat = write(villages_frame().set_crs(None, allow_override=True), tmp_path / "a", "shpzip")
    batch = prepare_boundary_import(lonlat)
    assert batch.ok
    assert [(p.key, p.severity) for p in batch.problems] == [("boundary.crs_assumed", Severity.WARNING)]
    metres = write(villages_frame().to_crs(32750).set_crs(None, allow_override=True), tmp_path / "b", "shpzip")
    refused = prepare_boundary_import(metres)
    assert [p.key for p in refused.problems] == ["boundary.no_crs"]
    assert not refused.ok
    assert ".prj" in refused.problems[0].fix("en")


def test_store016_kecamatan_file_replaces_only_the_kecamatan(store: Store, tmp_path: Path) -> None:
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    kecamatan = villages_frame().dissolve("nama_kec", as_index=False)
    kecamatan["kode"] = [f"{DISTRICT}.01", f"{DISTRICT}.02"]
    kecamatan["nama"] = ["Kec. Satu", "Kec. Dua"]
    batch = prepare_boundary_import(write(kecamatan[["kode", "nama", "nama_kab", "geometry"]], tmp_path, "gpkg", "kec"))
    assert batch.ok and len(batch.villages) == 0
    store.commit_boundaries(batch)
    assert store.villages(DISTRICT)["code"].tolist() == village_codes()  # villages untouched
    assert store.outlines(DISTRICT)["name"].tolist() == ["Kec. Satu", "Kec. Dua"]


def test_store017_zips_as_people_make_them(tmp_path: Path) -> None:
    """A Shapefile in a folder with upper-case names and Mac metadata, and a GeoPackage zipped on its own."""
    shapefile = write(villages_frame(), tmp_path / "a", "shpzip")
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(shapefile) as source, zipfile.ZipFile(nested, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stem, suffix = info.filename.rsplit(".", 1)
            target.writestr(f"Batas Desa/{stem.upper()}.{suffix.upper()}", source.read(info))
        target.writestr("__MACOSX/Batas Desa/._DESA.SHP", b"\x00\x05\x16\x07")
    batch = prepare_boundary_import(nested)
    assert batch.ok and batch.villages["code"].tolist() == village_codes()
    packaged = tmp_path / "gpkg.zip"
    with zipfile.ZipFile(packaged, "w", zipfile.ZIP_DEFLATED) as target:
        target.write(write(villages_frame(), tmp_path / "b", "gpkg"), "desa.gpkg")
    assert prepare_boundary_import(packaged).villages["code"].tolist() == village_codes()


def test_store018_geopackage_with_several_layers_reads_the_polygons_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "peta.gpkg"
    points = villages_frame().copy()
    points["geometry"] = shapely.centroid(points.geometry.to_numpy())
    points.to_file(path, layer="kantor_desa", driver="GPKG")
    villages_frame().to_file(path, layer="batas_desa", driver="GPKG")
    batch = prepare_boundary_import(path)
    assert batch.ok and len(batch.villages) == 6
    [note] = batch.problems
    assert (note.key, note.severity) == ("boundary.many_layers", Severity.WARNING)
    assert "batas_desa" in note.reason("en")
