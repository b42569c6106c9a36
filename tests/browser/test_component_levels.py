"""LokusMap for large regions, headless: an overview drawn below a zoom and villages from it on, and villages from
vector tiles (Mapbox Vector Tiles served by the test app, as the app serves its own)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pytest
import shapely
from dash import Dash, Input, Output, State, html
from flask import Response

from dashboard.components import LokusMap, encode_classes
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.geo import prepare_geojson
from tests.browser_helpers import click_map, external_requests, failed_requests, wait_for_script

mapbox_vector_tile = pytest.importorskip("mapbox_vector_tile")

pytestmark = pytest.mark.browser

MAP = "lmap"
PALETTE = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15", "#1f78b4", "#33a02c", "#6a3d9a"]
NO_DATA_COLOUR = "#3a7d44"
OVERVIEW_UNTIL = 11.0  # the demo district fits at zoom ~10 in a 900 x 560 map
HOOK = "const hook = window.__lokusMaps[arguments[0]];"
HALF_WORLD = 20037508.342789244  # web mercator, metres


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def _close(actual: list[int], expected: str) -> bool:
    return all(abs(a - b) <= 2 for a, b in zip(actual, _rgb(expected), strict=True))


@dataclass
class Region:
    """The demo district as a 'large region': kecamatan as the overview, villages below."""

    villages: gpd.GeoDataFrame
    kecamatan: gpd.GeoDataFrame
    points: dict[str, tuple[float, float]]
    tile_requests: list[tuple[int, int, int]] = field(default_factory=list)
    clicks: list[str] = field(default_factory=list)


def _region() -> Region:
    villages = DemoSource(Settings().geodata_dir).villages(DEMO_DISTRICT_CODE)
    villages = villages.assign(area=shapely.area(villages.geometry.values)).sort_values("area", ascending=False)
    villages = villages.reset_index(drop=True)
    kecamatan = (
        villages.dissolve(by="kecamatan_code", as_index=False)[["kecamatan_code", "kecamatan_name", "geometry"]]
        .rename(columns={"kecamatan_code": "code", "kecamatan_name": "name"})
        .reset_index(drop=True)
    )
    points = {
        str(code): (point.x, point.y)
        for code, point in zip(villages["code"], villages.representative_point(), strict=True)
    }
    return Region(villages, kecamatan, points)


def _village_classes(region: Region, shift: int = 0) -> list[int | None]:
    # Classes 0..4 for villages; the largest village's kecamatan gets overview class 5+, so the two never match.
    return [(i + shift) % 5 for i in range(len(region.villages))]


def _overview_classes(region: Region) -> list[int | None]:
    return [5 + i % 3 for i in range(len(region.kecamatan))]


def _tile(projected: gpd.GeoDataFrame, z: int, x: int, y: int) -> bytes | None:
    """One Mapbox vector tile of the villages (layer ``desa``), or None when the tile holds none."""
    size = 2 * HALF_WORLD / 2**z
    west, north = -HALF_WORLD + x * size, HALF_WORLD - y * size
    bounds = (west, north - size, west + size, north)
    hit = projected[projected.intersects(shapely.box(*bounds))]
    if hit.empty:
        return None
    features = [
        {"geometry": shapely.clip_by_rect(geometry, *bounds), "properties": {"code": code, "name": name}}
        for code, name, geometry in zip(hit["code"], hit["name"], hit.geometry, strict=True)
    ]
    encoded: bytes = mapbox_vector_tile.encode(
        [{"name": "desa", "features": features}], default_options={"quantize_bounds": bounds, "extents": 4096}
    )
    return encoded


def _app(region: Region, *, tiles: bool, sparse: bool = False, hatched: list[int] | None = None) -> Dash:
    """``sparse``: the page sends no class for the last (smallest) village, as for a village without data."""
    app = Dash(__name__)
    villages, kecamatan = region.villages, region.kecamatan
    projected = villages.to_crs(3857)
    village_body = prepare_geojson(villages)
    overview_body = prepare_geojson(kecamatan, properties={"name": "name"})

    def overview() -> Response:
        return Response(overview_body, mimetype="application/geo+json")

    def geojson() -> Response:
        return Response(village_body, mimetype="application/geo+json")

    def tile(z: int, x: int, y: int) -> Response:
        region.tile_requests.append((z, x, y))
        body = _tile(projected, z, x, y)
        if body is None:
            return Response(status=204)
        return Response(body, mimetype="application/vnd.mapbox-vector-tile")

    app.server.add_url_rule("/uji/overview.geojson", "uji_overview", overview)
    app.server.add_url_rule("/uji/desa.geojson", "uji_desa", geojson)
    app.server.add_url_rule("/uji/tiles/<int:z>/<int:x>/<int:y>.pbf", "uji_tiles", tile)
    codes = [str(code) for code in villages["code"]][: len(villages) - sparse]
    where: dict[str, Any] = (
        {"tiles_url": "/uji/tiles/{z}/{x}/{y}.pbf"} if tiles else {"geojson_url": "/uji/desa.geojson"}
    )
    app.layout = html.Div(
        [
            html.Button("Warnai ulang", id="recolour"),
            html.Div(id="clicked"),
            LokusMap(
                id=MAP,
                codes=codes,
                classes=encode_classes(_village_classes(region)[: len(codes)]),
                overview_geojson_url="/uji/overview.geojson",
                overview_codes=[str(code) for code in kecamatan["code"]],
                overview_classes=encode_classes(_overview_classes(region)),
                overview_hover_text={str(kecamatan["code"].iloc[0]): "Kecamatan pertama"},
                overview_maxzoom=OVERVIEW_UNTIL,
                palette=PALETTE,
                no_data_colour=NO_DATA_COLOUR,
                hatched_classes=hatched,
                bounds=[float(v) for v in villages.total_bounds],
                view_revision="uji",
                style={"height": "560px", "width": "900px"},
                **where,
            ),
        ]
    )

    def recolour(_: int) -> str:
        return encode_classes(_village_classes(region, shift=1)[: len(codes)])

    def click(_: int, code: str, layer: str) -> str:
        region.clicks.append(f"{layer}:{code}")
        return region.clicks[-1]

    app.callback(Output(MAP, "classes"), Input("recolour", "n_clicks"), prevent_initial_call=True)(recolour)
    app.callback(
        Output("clicked", "children"),
        Input(MAP, "click_timestamp"),
        State(MAP, "click_code"),
        State(MAP, "click_layer"),
        prevent_initial_call=True,
    )(click)
    return app


def _pixel(dash_duo: Any, region: Region, code: str) -> list[int]:
    lng, lat = region.points[code]
    return list(
        dash_duo.driver.execute_script(f"{HOOK} return hook.pixelAt(arguments[1], arguments[2]);", MAP, lng, lat)
    )


def _zoom_to(dash_duo: Any, region: Region, code: str, zoom: float) -> None:
    lng, lat = region.points[code]
    # Idle: the move is drawn with every tile it needs (MapLibre's own word for it).
    dash_duo.driver.execute_script(
        f"{HOOK} hook.idleAfterMove = false; hook.map.once('idle', () => {{ hook.idleAfterMove = true; }});"
        " hook.map.jumpTo({center: [arguments[1], arguments[2]], zoom: arguments[3]});",
        MAP,
        lng,
        lat,
        zoom,
    )
    wait_for_script(dash_duo, f"{HOOK} return hook.idleAfterMove;", MAP, timeout=30)


def _kecamatan_of(region: Region, code: str) -> int:
    kecamatan_code = region.villages.loc[region.villages["code"] == code, "kecamatan_code"].iloc[0]
    return int(region.kecamatan.index[region.kecamatan["code"] == kecamatan_code][0])


@pytest.mark.parametrize("tiles", [False, True], ids=["geojson", "vector-tiles"])
def test_cmp020_overview_below_its_zoom_villages_from_it_on(dash_duo: Any, tiles: bool) -> None:
    region = _region()
    dash_duo.start_server(_app(region, tiles=tiles))
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    zoom = float(dash_duo.driver.execute_script(f"{HOOK} return hook.map.getZoom();", MAP))
    assert zoom < OVERVIEW_UNTIL, "the district must open below the overview's zoom for this test to mean anything"

    code = str(region.villages["code"].iloc[0])  # the largest village
    overview_colour = PALETTE[_overview_classes(region)[_kecamatan_of(region, code)] or 0]
    village_colour = PALETTE[_village_classes(region)[0] or 0]
    # Zoomed out: the village's ground is its kecamatan's colour, and no village tile was asked for below zoom 7.
    assert _close(_pixel(dash_duo, region, code), overview_colour), (_pixel(dash_duo, region, code), overview_colour)
    assert all(z >= 7 for z, _, _ in region.tile_requests)

    # A click on the overview answers the kecamatan's code and says it came from the overview.
    click_map(dash_duo, MAP, *region.points[code])
    kecamatan_code = str(region.kecamatan["code"].iloc[_kecamatan_of(region, code)])
    dash_duo.wait_for_text_to_equal("#clicked", f"overview:{kecamatan_code}", timeout=10)

    # Zoomed in past the overview: the village's own class, and a click answers the village.
    _zoom_to(dash_duo, region, code, OVERVIEW_UNTIL + 0.5)
    assert _close(_pixel(dash_duo, region, code), village_colour), (_pixel(dash_duo, region, code), village_colour)
    if tiles:
        assert region.tile_requests, "villages from vector tiles were drawn without a tile request"
        assert {z for z, _, _ in region.tile_requests} <= set(range(7, 13))
    click_map(dash_duo, MAP, *region.points[code])
    dash_duo.wait_for_text_to_equal("#clicked", f"villages:{code}", timeout=10)

    # A recolour reaches the villages through feature-state: no tile or GeoJSON asked for again.
    asked = len(region.tile_requests)
    dash_duo.find_element("#recolour").click()
    recoloured = PALETTE[_village_classes(region, shift=1)[0] or 0]
    deadline = time.time() + 10
    while not _close(_pixel(dash_duo, region, code), recoloured) and time.time() < deadline:
        time.sleep(0.2)
    assert _close(_pixel(dash_duo, region, code), recoloured)
    assert len(region.tile_requests) == asked
    state = dash_duo.driver.execute_script(
        f"{HOOK} return hook.map.getFeatureState({{source: 'villages', sourceLayer: arguments[2], id: arguments[1]}});",
        MAP,
        code,
        "desa" if tiles else None,
    )
    assert state["cls"] == _village_classes(region, shift=1)[0]

    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert failed_requests(dash_duo) == []


def test_cmp021_overview_hover_text_and_villages_without_class_in_no_data_colour(dash_duo: Any) -> None:
    region = _region()
    dash_duo.start_server(_app(region, tiles=True, sparse=True))
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    first = region.kecamatan.geometry.iloc[0].representative_point()
    lng, lat = first.x, first.y
    x, y = dash_duo.driver.execute_script(
        f"{HOOK} const box = hook.map.getCanvas().getBoundingClientRect(); const p = hook.map.project([arguments[1],"
        " arguments[2]]); return [box.left + p.x, box.top + p.y];",
        MAP,
        lng,
        lat,
    )
    dash_duo.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    dash_duo.wait_for_text_to_equal(f"#{MAP} .lokus-map__tooltip", "Kecamatan pertama", timeout=10)

    # Tiles bring villages the page sent no class for (a large region's villages without data): no-data colour,
    # while its neighbour with a class keeps its colour.
    last = str(region.villages["code"].iloc[-1])
    _zoom_to(dash_duo, region, last, 12.0)
    assert _close(_pixel(dash_duo, region, last), NO_DATA_COLOUR), _pixel(dash_duo, region, last)
    first_village = str(region.villages["code"].iloc[0])
    _zoom_to(dash_duo, region, first_village, 12.0)
    assert _close(_pixel(dash_duo, region, first_village), PALETTE[0])
    assert dash_duo.get_logs() == []


# The distinct colours in a 24 x 24 pixel block around a point of the map (the hatch is a line every 8 px).
BLOCK = (
    HOOK + " const m = hook.map; m.redraw(); const p = m.project([arguments[1], arguments[2]]);"
    " const r = m.getPixelRatio(); const c = document.createElement('canvas'); c.width = 24; c.height = 24;"
    " const g = c.getContext('2d'); g.drawImage(m.getCanvas(), Math.round(p.x * r) - 12, Math.round(p.y * r) - 12,"
    " 24, 24, 0, 0, 24, 24); const d = g.getImageData(0, 0, 24, 24).data; const seen = new Set();"
    " for (let i = 0; i < d.length; i += 4) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]); return seen.size;"
)


def test_cmp022_hatched_classes_are_hatched_over_their_colour(dash_duo: Any) -> None:
    region = _region()
    dash_duo.start_server(_app(region, tiles=False, hatched=[0]))
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    hatched = str(region.villages["code"].iloc[0])  # class 0
    plain = str(region.villages["code"].iloc[1])  # class 1
    _zoom_to(dash_duo, region, hatched, 13.5)
    assert dash_duo.driver.execute_script(BLOCK, MAP, *region.points[hatched]) >= 2
    _zoom_to(dash_duo, region, plain, 13.5)
    assert dash_duo.driver.execute_script(BLOCK, MAP, *region.points[plain]) == 1
    assert dash_duo.get_logs() == []
