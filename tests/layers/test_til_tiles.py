"""Vector tiles of a province's villages: built in the background, served tile by tile to the province's readers."""

from __future__ import annotations

import gzip
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mapbox_vector_tile
import pytest
from dash import Dash

from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.tiles import TileState, TileStatus, start_tiles, tile_of, tiles_dir, tiles_status
from tests.auth_helpers import sign_in_client
from tests.layers.conftest import PROVINCE, SYNTHETIC


def _wait_ready(settings: Settings, store: Store, within: str) -> TileStatus:
    deadline = time.monotonic() + 300
    status = start_tiles(settings.data_dir, store, within)
    while status.state is TileState.BUILDING and time.monotonic() < deadline:
        time.sleep(0.2)
        status = tiles_status(settings.data_dir, store, within)
    assert status.state is TileState.READY, status
    return status


@pytest.fixture(scope="module")
def built(app: Dash, settings: Settings) -> Iterator[TileStatus]:
    with Store.open(settings=settings) as store:
        yield _wait_ready(settings, store, PROVINCE)


def _decoded(response: Any) -> dict[str, Any]:
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.mapbox-vector-tile"
    body = response.data
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    decoded: dict[str, Any] = mapbox_vector_tile.decode(body)
    return decoded


def test_til001_the_tile_over_a_village_holds_that_village(app: Dash, settings: Settings, built: TileStatus) -> None:
    with Store.open(settings=settings) as store:
        village = store.villages(SYNTHETIC).iloc[5]
    point = village.geometry.representative_point()
    x, y = tile_of(point.x, point.y, 10)
    client = sign_in_client(app, "ntb")
    response = client.get(f"/lokus-tiles/{built.version}/10/{x}/{y}.pbf", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    features = _decoded(response)["desa"]["features"]
    mine = [f for f in features if f["properties"]["code"] == village["code"]]
    assert len(mine) == 1
    assert mine[0]["properties"] == {"code": village["code"], "name": village["name"],
                                     "kecamatan": village["kecamatan_name"]}  # fmt: skip
    assert mine[0]["id"] == int(village["code"].replace(".", ""))  # numeric: MapLibre's feature-state uses it
    plain = client.get(f"/lokus-tiles/{built.version}/10/{x}/{y}.pbf", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert len(_decoded(plain)["desa"]["features"]) == len(features)


def test_til002_empty_unknown_and_old_tiles(app: Dash, settings: Settings, built: TileStatus) -> None:
    client = sign_in_client(app, "ntb")
    empty = client.get(f"/lokus-tiles/{built.version}/10/0/0.pbf")  # the Pacific off Alaska
    assert empty.status_code == 204 and empty.data == b""
    assert client.get(f"/lokus-tiles/{built.version}/3/6/4.pbf").status_code == 204  # below the village zooms
    assert client.get(f"/lokus-tiles/{PROVINCE}-{'0' * 16}/10/843/536.pbf").status_code == 404  # old or unknown
    assert client.get("/lokus-tiles/..-0123456789abcdef/10/843/536.pbf").status_code == 404
    status = client.get(f"/lokus-tiles/status/{PROVINCE}.json").get_json()
    assert status == {"within": PROVINCE, "version": built.version, "state": "ready",
                      "url": f"/lokus-tiles/{built.version}/{{z}}/{{x}}/{{y}}.pbf"}  # fmt: skip


def test_til003_only_readers_of_every_district_of_the_region_get_its_tiles(app: Dash, built: TileStatus) -> None:
    path = f"/lokus-tiles/{built.version}/10/843/536.pbf"
    assert app.server.test_client().get(path).status_code == 401
    assert sign_in_client(app, "lain").get(path).status_code == 403  # another province
    assert sign_in_client(app, "kab").get(path).status_code == 403  # one district of the province, not all of it
    assert sign_in_client(app, "kab").get(f"/lokus-tiles/status/{PROVINCE}.json").status_code == 403
    assert sign_in_client(app, "admin-lapis").get(path).status_code in (200, 204)


def test_til004_a_version_still_building_is_not_served_yet(app: Dash, settings: Settings, tmp_path: Path) -> None:
    with Store.open(settings=settings) as store:
        version = tiles_status(settings.data_dir, store, "99").version
    lock = tiles_dir(settings.data_dir) / f"{version}.building"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"{socket.gethostname()} {os.getpid()}")  # as a build in this process holds it
    try:
        response = sign_in_client(app, "kab").get(f"/lokus-tiles/{version}/10/880/526.pbf")  # the demo: anyone
        assert response.status_code == 404
        assert int(response.headers["Retry-After"]) > 0
        assert not (tiles_dir(settings.data_dir) / f"{version}.pmtiles").exists()
    finally:
        lock.unlink()


def test_til005_a_new_boundary_version_replaces_the_old_archive(settings: Settings, tmp_path: Path) -> None:
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from tests.store.helpers import villages_frame, write

    local = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=local) as store:
        store.commit(prepare_boundary_import(write(villages_frame("52.93"), tmp_path / "a", "geojson")))
        first = _wait_ready(local, store, "52")
        moved = villages_frame("52.93", origin=(116.5, -8.5))
        store.commit(prepare_boundary_import(write(moved, tmp_path / "b", "geojson")))
        second = _wait_ready(local, store, "52")
    assert second.version != first.version
    assert second.path.is_file() and not first.path.exists()
    assert sorted(p.name for p in tiles_dir(local.data_dir).iterdir()) == [second.path.name]  # no temporary left
