"""Region layers above one district: imported or dissolved outlines, versions, the cache, and who reads what."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
import shapely
from dash import Dash

from dashboard.config import Settings
from dashboard.data.layers import LayerCache, LayerError, layer_geojson, layer_version
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.layers_route import layer_path
from tests.auth_helpers import sign_in_client
from tests.layers.conftest import LOMBOK, PROVINCE, SYNTHETIC, districts_in_province


def _collection(body: bytes) -> dict[str, Any]:
    collection: dict[str, Any] = json.loads(body)
    assert collection["type"] == "FeatureCollection"
    return collection


def test_lay001_kabupaten_of_a_province_come_from_the_imported_outlines(app: Dash, settings: Settings) -> None:
    with Store.open(settings=settings) as store:
        _version, body = layer_geojson(store, "kabupaten", PROVINCE)
        villages = store.villages(SYNTHETIC)
    features = _collection(body)["features"]
    assert [f["id"] for f in features] == districts_in_province()
    synthetic = next(f for f in features if f["id"] == SYNTHETIC)
    assert synthetic["properties"] == {"code": SYNTHETIC, "name": "Kabupaten Uji", "parent": PROVINCE,
                                       "origin": "imported"}  # fmt: skip
    outline = shapely.geometry.shape(synthetic["geometry"])
    # 3 x 4 squares of 0.01°: the kabupaten is their union (simplifying a rectangle keeps its corners)
    assert outline.area == pytest.approx(villages.geometry.union_all().area, rel=1e-3)


def test_lay002_a_source_without_outlines_dissolves_kabupaten_from_villages() -> None:
    source = DemoSource(Settings().geodata_dir)
    _version, body = layer_geojson(source, "kabupaten", "99")
    [feature] = _collection(body)["features"]
    assert feature["id"] == DEMO_DISTRICT_CODE
    assert feature["properties"]["origin"] == "dissolved"
    assert feature["properties"]["name"] == "Kabupaten Contoh"
    outline = shapely.geometry.shape(feature["geometry"])
    villages = source.villages(DEMO_DISTRICT_CODE)
    points = villages.geometry.representative_point()
    assert int(shapely.contains(outline, points.values).sum()) == len(villages)  # every village inside


def test_lay003_provinces_are_dissolved_from_kabupaten_with_their_official_names(app: Dash, settings: Settings) -> None:
    with Store.open(settings=settings) as store:
        _version, body = layer_geojson(store, "provinsi", None)
    features = _collection(body)["features"]
    assert [f["id"] for f in features] == [PROVINCE]  # the fictional demo province stays out of national layers
    assert features[0]["properties"] == {"code": PROVINCE, "name": "Nusa Tenggara Barat", "parent": "id",
                                         "origin": "dissolved"}  # fmt: skip


def test_lay004_villages_of_a_province_with_their_kecamatan(app: Dash, settings: Settings) -> None:
    with Store.open(settings=settings) as store:
        _version, body = layer_geojson(store, "desa", PROVINCE)
        expected = sum(len(store.villages(code)) for code in districts_in_province())
    features = _collection(body)["features"]
    assert len(features) == expected
    first = next(f for f in features if f["id"] == f"{SYNTHETIC}.01.2001")
    assert first["properties"] == {"code": f"{SYNTHETIC}.01.2001", "name": "Desa 1-1", "parent": f"{SYNTHETIC}.01",
                                   "origin": "imported"}  # fmt: skip


def test_lay005_unknown_layers_are_refused() -> None:
    source = DemoSource(Settings().geodata_dir)
    for level, within in [("kecamatan", "99"), ("desa", None), ("kabupaten", "9"), ("kabupaten", "99.01")]:
        with pytest.raises(LayerError):
            layer_geojson(source, level, within)


def test_lay006_the_version_follows_the_boundaries_it_draws_from(settings: Settings, tmp_path: Any) -> None:
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from tests.store.helpers import villages_frame, write

    with Store.open(f"sqlite:///{tmp_path / 'layers.sqlite'}") as store:
        store.ensure_demo(settings.geodata_dir)
        batch = prepare_boundary_import(write(villages_frame("52.92"), tmp_path / "a", "geojson"))
        store.commit(batch)
        before = {w: layer_version(store, "kabupaten", w) for w in ("52", "99", None)}
        moved = villages_frame("52.92", origin=(116.5, -8.5))
        store.commit(prepare_boundary_import(write(moved, tmp_path / "b", "geojson")))
        after = {w: layer_version(store, "kabupaten", w) for w in ("52", "99", None)}
    assert before["52"] != after["52"] and before[None] != after[None]
    assert before["99"] == after["99"]  # another province's layer keeps its URL (and the browser its copy)


def test_lay007_preparing_one_layer_never_blocks_another_and_the_cache_is_bounded() -> None:
    cache = LayerCache(max_entries=2)
    started, release = threading.Event(), threading.Event()

    def slow() -> bytes:
        started.set()
        assert release.wait(10)
        return b"slow"

    worker = threading.Thread(target=cache.get, args=(("v", "desa", "33"), slow))
    worker.start()
    assert started.wait(10)
    assert cache.get(("v", "kabupaten", None), lambda: b"quick") == b"quick"  # answered while "slow" prepares
    release.set()
    worker.join(10)
    assert cache.get(("v", "desa", "33"), lambda: b"again") == b"slow"  # prepared once
    cache.get(("v", "provinsi", None), lambda: b"third")
    assert len(cache) == 2
    assert cache.get(("v", "kabupaten", None), lambda: b"dropped") == b"dropped"  # the least recent went first


def test_lay010_route_serves_a_reader_only_its_areas(app: Dash, settings: Settings) -> None:
    services = Services.from_store(settings, Store.open(settings=settings))
    anonymous = app.server.test_client()
    version = layer_version(services.require_store(), "kabupaten", None)
    assert anonymous.get(f"/lokus-geo/{version}/kabupaten/id.geojson").status_code == 401

    kab = sign_in_client(app, "kab")
    from dashboard.auth.context import acting_as

    with acting_as(services.require_accounts().user_by_name("kab").actor):  # type: ignore[union-attr]
        path = layer_path(services, "kabupaten", None)
        province_path = layer_path(services, "provinsi", PROVINCE)
    response = kab.get(path)
    assert response.status_code == 200
    assert [f["id"] for f in _collection(response.data)["features"]] == [SYNTHETIC]  # not Lombok Timur, not the demo
    assert response.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert kab.get(path, headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert kab.get(path.replace(path.split("/")[2], "0" * 16)).status_code == 404  # an old version
    # The province outline needs every district of it (or the province as an area).
    assert province_path == f"/lokus-geo/empty/provinsi/{PROVINCE}.geojson"
    assert kab.get(province_path).status_code == 403

    ntb = sign_in_client(app, "ntb")
    with acting_as(services.require_accounts().user_by_name("ntb").actor):  # type: ignore[union-attr]
        province = ntb.get(layer_path(services, "provinsi", None))
        villages = ntb.get(layer_path(services, "desa", PROVINCE))
    assert [f["id"] for f in _collection(province.data)["features"]] == [PROVINCE]
    assert len(_collection(villages.data)["features"]) > 12

    lain = sign_in_client(app, "lain")
    with acting_as(services.require_accounts().user_by_name("ntb").actor):  # type: ignore[union-attr]
        ntb_path = layer_path(services, "kabupaten", PROVINCE)
    assert lain.get(ntb_path).status_code == 403


@pytest.mark.realdata
def test_lay011_lombok_timur_is_drawn_at_its_province_scale(app: Dash, settings: Settings) -> None:
    if not LOMBOK.is_file():
        pytest.skip("the shared data is absent")
    with Store.open(settings=settings) as store:
        _version, body = layer_geojson(store, "desa", PROVINCE)
    features = [f for f in _collection(body)["features"] if f["id"].startswith("52.03.")]
    assert len(features) == 254
    vertices = sum(len(shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))) for f in features)
    assert vertices < 19_000  # the ceiling for Lombok Timur even at kabupaten zoom
