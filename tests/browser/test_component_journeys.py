"""The map component (LokusMap) in a small Dash app of its own, on the demo district's villages, headless."""

from __future__ import annotations

import base64
import io
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
import shapely
from dash import Dash, Input, Output, State, html
from flask import Response, abort
from PIL import Image

from dashboard.components import LokusMap, encode_classes
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.geo import prepare_geojson
from tests.browser_helpers import click_map, external_requests, failed_requests, wait_for_script

pytestmark = pytest.mark.browser

MAP = "kmap"
GEOJSON_URL = "/uji-geo/v1/desa.geojson"
PALETTE = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
NO_DATA_COLOUR = "#3a7d44"  # far from every palette colour, so a pixel says which it is
MARK = "DATA CONTOH (FIKTIF)"
LABELS = {"zoom_in": "Perbesar peta", "zoom_out": "Perkecil peta", "reset_view": "Tampilkan seluruh kabupaten"}
# The component's test hook (see LokusMap's docstring); arguments[0] is the map's id.
HOOK = "const hook = window.__lokusMaps[arguments[0]];"


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


@dataclass
class Journey:
    """The test app and what its server saw."""

    app: Dash
    codes: list[str]
    points: dict[str, tuple[float, float]]  # a point inside each village (lng, lat)
    first: list[int | None]
    second: list[int | None]
    geojson_requests: int = 0
    clicks: list[str] = field(default_factory=list)
    png: str = ""


def _journey(geojson_delay: float = 0.0) -> Journey:
    villages = DemoSource(Settings().geodata_dir).villages(DEMO_DISTRICT_CODE)
    villages = villages.assign(area=shapely.area(villages.geometry.values)).sort_values("area", ascending=False)
    codes = [str(code) for code in villages["code"]]
    points = {
        str(code): (point.x, point.y)
        for code, point in zip(villages["code"], villages.representative_point(), strict=True)
    }
    # Big villages first: the first is recoloured, the second has no data, the third is clicked.
    first: list[int | None] = [i % len(PALETTE) for i in range(len(codes))]
    first[1] = None
    second = list(first)
    second[0] = 4 if first[0] != 4 else 0
    body = prepare_geojson(villages)
    bounds = [float(v) for v in villages.total_bounds]

    app = Dash(__name__)
    journey = Journey(app, codes, points, first, second)

    def geojson() -> Response:
        journey.geojson_requests += 1
        time.sleep(geojson_delay)  # long enough to see the loading overlay
        return Response(body, mimetype="application/geo+json")

    app.server.add_url_rule(GEOJSON_URL, "uji_geojson", geojson)
    app.layout = html.Div(
        [
            html.Button("Warnai ulang", id="recolour"),
            html.Button("Ekspor", id="export"),
            html.Button("Batas baru", id="new-bounds"),
            html.Button("Paskan", id="refit"),
            html.Div(id="clicked"),
            html.Div(id="exported"),
            html.Div(id="bounds-set"),
            LokusMap(
                id=MAP,
                geojson_url=GEOJSON_URL,
                codes=codes,
                classes=encode_classes(first),
                palette=PALETTE,
                no_data_colour=NO_DATA_COLOUR,
                marks={codes[5]: "unreliable", codes[6]: ["flagged", "added"]},
                hover_text={codes[2]: "Desa yang diklik"},
                bounds=bounds,
                fit_revision=0,
                view_revision=DEMO_DISTRICT_CODE,
                labels=LABELS,
                loading_text="Memuat peta desa…",
                export_title="Prevalensi stunting per desa, Agustus 2025",
                export_legend=[[colour, f"kelas {i + 1}"] for i, colour in enumerate(PALETTE)],
                export_source="Sumber: data contoh",
                export_date="30 November 2025",
                export_mark=MARK,
                style={"height": "560px", "width": "900px"},
            ),
        ]
    )

    def recolour(_: int) -> str:
        return encode_classes(second)

    def click(_: int, code: str) -> str:
        journey.clicks.append(code)
        return f"{code} ({len(journey.clicks)})"

    def export(n: int) -> int:
        return n

    def exported(png: str) -> str:
        journey.png = png
        return f"{len(png)} characters"

    def new_bounds(_: int) -> tuple[list[float], str]:
        west, south, east, north = bounds
        return [west - 1, south - 1, east + 1, north + 1], "batas baru"

    def refit(n: int) -> int:
        return n

    app.callback(Output(MAP, "classes"), Input("recolour", "n_clicks"), prevent_initial_call=True)(recolour)
    app.callback(
        Output("clicked", "children"),
        Input(MAP, "click_timestamp"),
        State(MAP, "click_code"),
        prevent_initial_call=True,
    )(click)
    app.callback(Output(MAP, "export_request"), Input("export", "n_clicks"), prevent_initial_call=True)(export)
    app.callback(Output("exported", "children"), Input(MAP, "export_png"), prevent_initial_call=True)(exported)
    app.callback(
        Output(MAP, "bounds"),
        Output("bounds-set", "children"),
        Input("new-bounds", "n_clicks"),
        prevent_initial_call=True,
    )(new_bounds)
    app.callback(Output(MAP, "fit_revision"), Input("refit", "n_clicks"), prevent_initial_call=True)(refit)
    return journey


def _start(dash_duo: Any, journey: Journey) -> None:
    dash_duo.start_server(journey.app)
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)


def _pixel(dash_duo: Any, journey: Journey, code: str) -> list[int]:
    lng, lat = journey.points[code]
    return list(
        dash_duo.driver.execute_script(f"{HOOK} return hook.pixelAt(arguments[1], arguments[2]);", MAP, lng, lat)
    )


def _state(dash_duo: Any, code: str) -> dict[str, Any]:
    return dict(
        dash_duo.driver.execute_script(
            f"{HOOK} return hook.map.getFeatureState({{source: 'villages', id: arguments[1]}});",
            MAP,
            code,
        )
    )


def _counter(dash_duo: Any, name: str) -> int:
    return int(dash_duo.driver.execute_script(f"{HOOK} return hook.{name};", MAP))


def _close(actual: list[int], expected: str) -> bool:
    return all(abs(a - b) <= 2 for a, b in zip(actual, _rgb(expected), strict=True))


def _click_village(dash_duo: Any, journey: Journey, code: str) -> None:
    """A real click (Chrome's input events) where the village's point is drawn."""
    click_map(dash_duo, MAP, *journey.points[code])


def _finish_clean(dash_duo: Any) -> None:
    # The GeoJSON is fetched by MapLibre's worker, which Chrome's performance log does not show: the test server
    # counts those requests (Journey.geojson_requests).
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert failed_requests(dash_duo) == []


def test_cmp010_map_loads_once_and_recolours_through_feature_state(dash_duo: Any) -> None:
    journey = _journey(geojson_delay=1.0)
    dash_duo.start_server(journey.app)
    # While the GeoJSON is on its way, the overlay says so.
    dash_duo.wait_for_text_to_equal(f"#{MAP} .lokus-map__loading", "Memuat peta desa…", timeout=20)
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    assert dash_duo.driver.find_elements("css selector", f"#{MAP} .lokus-map__loading") == []

    recoloured, no_data = journey.codes[0], journey.codes[1]
    assert _state(dash_duo, recoloured)["cls"] == journey.first[0]
    assert _close(_pixel(dash_duo, journey, recoloured), PALETTE[journey.first[0] or 0])
    # A village without data is drawn in the no-data colour.
    assert _state(dash_duo, no_data)["cls"] == 255
    assert _close(_pixel(dash_duo, journey, no_data), NO_DATA_COLOUR)
    assert _state(dash_duo, journey.codes[5])["unreliable"] is True
    marked = _state(dash_duo, journey.codes[6])
    assert (marked["flagged"], marked["added"], marked["unreliable"]) == (True, True, False)
    # A mark's outline layer is drawn only while some village has that mark.
    visibility = dash_duo.driver.execute_script(
        f"{HOOK} return ['unreliable', 'flagged', 'added', 'selected']"
        ".map(m => hook.map.getLayoutProperty('mark-' + m, 'visibility'));",
        MAP,
    )
    assert visibility == ["visible", "visible", "visible", "none"]
    # Controls speak the labels given.
    titles = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(b => b.title);", f"#{MAP} .lokus-map__controls button"
    )
    assert titles[:3] == [LABELS["zoom_in"], LABELS["zoom_out"], LABELS["reset_view"]]

    calls_before = _counter(dash_duo, "featureStateCalls")
    dash_duo.find_element("#recolour").click()
    wait_for_script(
        dash_duo,
        f"{HOOK} return hook.map.getFeatureState({{source: 'villages', id: arguments[1]}}).cls === arguments[2];",
        MAP,
        recoloured,
        journey.second[0],
    )
    assert _close(_pixel(dash_duo, journey, recoloured), PALETTE[journey.second[0] or 0])
    # One village changed class: one setFeatureState call, no new geometry, one GeoJSON request in all.
    assert _counter(dash_duo, "featureStateCalls") - calls_before == 1
    assert _counter(dash_duo, "setDataCalls") == 0
    assert journey.geojson_requests == 1
    _finish_clean(dash_duo)


def test_cmp011_click_returns_the_code_each_time(dash_duo: Any) -> None:
    journey = _journey()
    _start(dash_duo, journey)
    clicked = journey.codes[2]
    _click_village(dash_duo, journey, clicked)
    dash_duo.wait_for_text_to_equal("#clicked", f"{clicked} (1)", timeout=10)
    # The same village again still fires (click_timestamp changes).
    _click_village(dash_duo, journey, clicked)
    dash_duo.wait_for_text_to_equal("#clicked", f"{clicked} (2)", timeout=10)
    assert journey.clicks == [clicked, clicked]
    # Hovering shows the village's hover text.
    dash_duo.wait_for_text_to_equal(f"#{MAP} .lokus-map__tooltip", "Desa yang diklik", timeout=10)
    _finish_clean(dash_duo)


def test_cmp012_export_draws_title_legend_and_mark_around_the_map(dash_duo: Any) -> None:
    journey = _journey()
    _start(dash_duo, journey)
    width, height = dash_duo.driver.execute_script(
        f"{HOOK} const c = hook.map.getCanvas(); return [c.width, c.height];", MAP
    )
    dash_duo.find_element("#export").click()
    dash_duo.wait_for_contains_text("#exported", "characters", timeout=20)
    assert journey.png.startswith("data:image/png;base64,")
    image = Image.open(io.BytesIO(base64.b64decode(journey.png.split(",", 1)[1]))).convert("RGB")
    assert image.width == width
    assert image.height > height + 60  # the title band above, the legend and source below
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 50  # a drawn map, not a blank canvas
    present = {rgb for _, rgb in colours}
    assert {tuple(_rgb(c)) for c in PALETTE[:4]} <= present  # villages and legend swatches
    assert tuple(_rgb(NO_DATA_COLOUR)) in present
    # The fiktif mark is drawn in red in the title band (top right).
    band = image.crop((image.width // 2, 0, image.width, 50))
    assert any(r > 150 and g < 90 and b < 90 for _, (r, g, b) in band.getcolors(maxcolors=1_000_000) or [])
    assert _counter(dash_duo, "exports") == 1
    _finish_clean(dash_duo)


def test_cmp013_view_kept_until_fit_revision_changes(dash_duo: Any) -> None:
    journey = _journey()
    _start(dash_duo, journey)
    zoom = f"{HOOK} return hook.map.getZoom();"
    fitted = dash_duo.driver.execute_script(zoom, MAP)
    dash_duo.find_element(f"#{MAP} .maplibregl-ctrl-zoom-in").click()
    wait_for_script(dash_duo, f"{HOOK} return Math.abs(hook.map.getZoom() - {fitted + 1}) < 0.01;", MAP)
    # New bounds with the same view_revision: the user's zoom stays.
    dash_duo.find_element("#new-bounds").click()
    dash_duo.wait_for_text_to_equal("#bounds-set", "batas baru", timeout=10)  # rendered with the map's new bounds
    time.sleep(0.3)
    assert abs(dash_duo.driver.execute_script(zoom, MAP) - (fitted + 1)) < 0.01
    # A new fit_revision fits the (new, larger) bounds: zoomed out further than at first.
    dash_duo.find_element("#refit").click()
    wait_for_script(dash_duo, f"{HOOK} return hook.map.getZoom() < {fitted - 0.1};", MAP)
    _finish_clean(dash_duo)


def test_cmp014_boundaries_that_cannot_load_say_so(dash_duo: Any) -> None:
    app = Dash(__name__)
    app.server.add_url_rule(GEOJSON_URL, "uji_geojson", lambda: abort(404))
    app.layout = html.Div(
        LokusMap(id=MAP, geojson_url=GEOJSON_URL, codes=[], labels={"load_error": "Batas desa tidak dapat dimuat."})
    )
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(f"#{MAP} .lokus-map__loading", "Batas desa tidak dapat dimuat.", timeout=20)
    assert dash_duo.find_element(f"#{MAP}").get_attribute("data-ready") == "false"
    # MapLibre's error goes to the overlay (and a console warning), not to the console as an error.
    assert dash_duo.get_logs() == []
