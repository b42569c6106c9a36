"""Puskesmas boundaries imported on the data page: each puskesmas's own polygon is its service area from then on,
kept when a new list comes; bad features are refused naming row and column, and change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from dashboard.data.importers.puskesmas import PuskesmasBatch, prepare_puskesmas_import
from dashboard.data.levels import puskesmas_areas, puskesmas_list, puskesmas_villages
from dashboard.services import Services
from dashboard.views import data_page
from dashboard.views.data_page.importing import commit_upload
from dashboard.views.data_page.preview import crosswalk_view
from tests.auth_helpers import signed_in_actor
from tests.levels.page_helpers import district_services
from tests.store.helpers import DISTRICT, write

pytestmark = pytest.mark.usefixtures("as_admin_when_services")

LIST = (
    "kode_puskesmas,nama_puskesmas,kode_desa\n"
    f"P1,Puskesmas Satu,{DISTRICT}.01.2001\nP1,Puskesmas Satu,{DISTRICT}.01.2002\n"
    f"P2,Puskesmas Dua,{DISTRICT}.02.2001\n"
)
# Puskesmas Satu's own area: wider than its two villages (it reaches into the next row of cells).
OWN = shapely.box(116.40, -8.60, 116.43, -8.585)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """The page's services over one district with a stored puskesmas list (P1, P2)."""
    with district_services(tmp_path) as services:
        villages = services.require_store().villages(DISTRICT)[["code", "district_code"]]
        services.commit(prepare_puskesmas_import(LIST.encode(), "pkm.csv", villages), "test")
        yield services


def _polygons(tmp_path: Path, rows: list[dict[str, object]], fmt: str = "geojson") -> Path:
    return write(gpd.GeoDataFrame(rows, geometry="geometry", crs=4326), tmp_path / "pkm", fmt, name="batas_pkm")


def _commit(services: Services, path: Path) -> tuple[PuskesmasBatch, tuple[object, ...]]:
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    form = data_page.ImportForm("auto", None, [], [], [], [])
    batch = form.check(services, token)
    assert isinstance(batch, PuskesmasBatch)
    return batch, commit_upload(services, lambda _: None, 1, token.as_dict(), form, 0, "id")


@pytest.mark.parametrize("fmt", ["geojson", "shpzip", "gpkg"])
def test_lev100_a_puskesmas_boundary_file_becomes_its_service_area(
    services: Services, tmp_path: Path, fmt: str
) -> None:
    path = _polygons(tmp_path, [{"kode_puskesmas": "P1", "nama_puskesmas": "Puskesmas Satu", "geometry": OWN}], fmt)
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    assert data_page.resolve_kind("auto", path.name, path.read_bytes()) == "puskesmas"
    preview, _ = data_page.preview_view(services, token, "auto", "id")
    assert "batas wilayah kerja puskesmas" in str(preview.to_plotly_json())
    assert crosswalk_view(services, token.as_dict(), "auto", None, "id") == (True, None)  # no BPS village codes

    batch, result = _commit(services, path)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert "Impor berhasil" in str(result[0].to_plotly_json())  # type: ignore[attr-defined]
    store = services.require_store()
    areas = puskesmas_areas(store, DISTRICT).set_index("code").geometry
    assert areas["P1"].equals(OWN)  # its own polygon, not its two villages' union
    village = store.villages(DISTRICT).set_index("code").geometry
    assert areas["P2"].equals(village[f"{DISTRICT}.02.2001"])  # no polygon given: still its villages
    assert len(puskesmas_villages(store, DISTRICT)) == 3  # the lists stay

    # A new list later keeps the boundary of a puskesmas it still names.
    token = data_page.save_upload(services, LIST.replace("Dua", "Dua Baru").encode(), "pkm_2026.csv",
                                  signed_in_actor())  # fmt: skip
    services.commit(data_page.ImportForm("auto", None, [], [], [], []).check(services, token), "test")
    assert puskesmas_areas(store, DISTRICT).set_index("code").geometry["P1"].equals(OWN)
    assert puskesmas_list(store, DISTRICT)["name"].tolist() == ["Puskesmas Satu", "Puskesmas Dua Baru"]


def test_lev101_bad_boundary_features_name_row_and_column_and_change_nothing(
    services: Services, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"kode_puskesmas": "P1", "nama_puskesmas": "Puskesmas Satu", "kode_wilayah": DISTRICT, "geometry": OWN},
        {"kode_puskesmas": "P9", "nama_puskesmas": "", "kode_wilayah": DISTRICT, "geometry": OWN},  # new, unnamed
        {"kode_puskesmas": "P1", "nama_puskesmas": "Puskesmas Satu", "kode_wilayah": DISTRICT, "geometry": OWN},
        {"kode_puskesmas": "P3", "nama_puskesmas": "Puskesmas Tiga", "kode_wilayah": "52.99", "geometry": OWN},
        {"kode_puskesmas": "P4", "nama_puskesmas": "Puskesmas Empat", "kode_wilayah": DISTRICT,
         "geometry": shapely.Point(116.4, -8.6)},
    ]  # fmt: skip
    store = services.require_store()
    before = store.data_version()
    batch, result = _commit(services, _polygons(tmp_path, rows))
    assert sorted((p.row, p.column, p.key) for p in batch.errors) == [
        (2, "nama_puskesmas", "puskesmas.missing_value"),
        (3, "kode_puskesmas", "puskesmas.boundary_twice"),
        (4, "kode_wilayah", "puskesmas.boundary_district"),
        (5, "geometry", "boundary.not_polygon"),
    ]
    assert all(p.message("id") and p.message("en") for p in batch.problems)
    assert "Impor ditolak" in str(result[0].to_plotly_json())  # type: ignore[attr-defined]
    assert store.data_version() == before
    assert puskesmas_areas(store, DISTRICT).set_index("code").geometry["P1"].equals(
        shapely.union_all(list(store.villages(DISTRICT).set_index("code").geometry[[f"{DISTRICT}.01.2001",
                                                                                   f"{DISTRICT}.01.2002"]]))
    )  # fmt: skip
